/**
 * What the load section of `<na-scenario-compare>` does on input: files chosen or dropped, an
 * address submitted, whether a file is dragged over the drop zone, and the buttons of the list of
 * loaded scenarios and errors (remove, dismiss, download), and the CSV download of the results.
 */
import type { ReactiveController, ReactiveElement } from 'lit';
import { downloadText, fileSlug } from '../shared/download.js';
import { refocusAfterRemoval } from '../shared/focus.js';
import type { LoadState } from './load-view.js';
import type { LoadedScenario } from './scenarios-controller.js';

/** How the section loads. */
export interface LoadActionsOptions {
  loadFiles(files: readonly File[]): Promise<unknown>;
  loadUrl(url: string): Promise<LoadedScenario | null>;
  /** The address field. */
  urlInput(): HTMLInputElement | null | undefined;
  /** The scenarios listed. */
  entries(): readonly LoadedScenario[];
  /** Removes a scenario by key. */
  remove(key: string): void;
  /** Dismisses an error; returns its index in the list. */
  dismiss(id: number): number;
  /** A scenario as GeoJSON text (what its download button saves), or null. */
  geoJson(key: string): string | null;
  /** The indicator table as CSV (what the CSV button saves), or null. */
  csv(): string | null;
}

/** The handlers of the load section, and its drag state. */
export class LoadActions implements ReactiveController {
  dragOver = false;

  constructor(
    private readonly host: ReactiveElement,
    private readonly options: LoadActionsOptions,
  ) {
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

  // Focus moves to the next button of the list, else to the file input.
  readonly onDismiss = (id: number): void =>
    void refocusAfterRemoval(this.host, 'dismiss', this.options.dismiss(id), 'file-input');

  readonly onRemove = (key: string): void => {
    const index = this.options.entries().findIndex((x) => x.key === key);
    this.options.remove(key);
    void refocusAfterRemoval(this.host, 'remove', index, 'file-input');
  };

  readonly onDownload = (e: LoadedScenario): void => {
    const text = this.options.geoJson(e.key);
    const file = `${fileSlug(e.name, 'scenario')}.geojson`;
    if (text) downloadText(text, file, 'application/geo+json');
  };

  readonly onCsv = (): void => {
    const csv = this.options.csv();
    if (csv) downloadText(csv, 'scenario-vergelijking.csv', 'text/csv;charset=utf-8');
  };

  /** The drag state and every handler, as the load section's template takes them. */
  get view(): Omit<LoadState, 'entries' | 'errors' | 'newestError'> {
    return {
      dragOver: this.dragOver,
      onDragOver: this.onDragOver,
      onDragLeave: this.onDragLeave,
      onDrop: this.onDrop,
      onFiles: this.onFiles,
      onUrlSubmit: this.onUrlSubmit,
      onDismiss: this.onDismiss,
      onRemove: this.onRemove,
      onDownload: this.onDownload,
    };
  }

  private setDrag(on: boolean): void {
    if (this.dragOver === on) return;
    this.dragOver = on;
    this.host.requestUpdate();
  }
}
