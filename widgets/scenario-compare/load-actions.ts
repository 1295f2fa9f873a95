/**
 * What the load section of `<na-scenario-compare>` does on input: files chosen or dropped, an
 * address submitted, and whether a file is dragged over the drop zone.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { LoadedScenario } from './scenarios-controller.js';

/** How the section loads. */
export interface LoadActionsOptions {
  loadFiles(files: readonly File[]): Promise<unknown>;
  loadUrl(url: string): Promise<LoadedScenario | null>;
  /** The address field. */
  urlInput(): HTMLInputElement | null | undefined;
}

/** The handlers of the load section, and its drag state. */
export class LoadActions implements ReactiveController {
  dragOver = false;
  private readonly host: ReactiveControllerHost;
  private readonly options: LoadActionsOptions;

  constructor(host: ReactiveControllerHost, options: LoadActionsOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  hostConnected(): void {
    this.dragOver = false;
  }

  readonly onFiles = (e: Event): void => {
    const input = e.target as HTMLInputElement;
    void this.options.loadFiles(input.files ? Array.from(input.files) : []).finally(() => {
      input.value = '';
    });
  };

  readonly onDragOver = (e: DragEvent): void => {
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    this.setDrag(true);
  };

  readonly onDragLeave = (): void => this.setDrag(false);

  readonly onDrop = (e: DragEvent): void => {
    e.preventDefault();
    this.setDrag(false);
    const files = e.dataTransfer?.files;
    if (files && files.length > 0) void this.options.loadFiles(Array.from(files));
  };

  readonly onUrlSubmit = (e: Event): void => {
    e.preventDefault();
    const input = this.options.urlInput();
    const url = input?.value.trim() ?? '';
    if (url === '') return;
    void this.options.loadUrl(url).then((added) => {
      if (added && input) input.value = '';
    });
  };

  private setDrag(on: boolean): void {
    if (this.dragOver === on) return;
    this.dragOver = on;
    this.host.requestUpdate();
  }
}
