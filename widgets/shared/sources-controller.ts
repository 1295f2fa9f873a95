/**
 * The fact sources of an element: the `.sources` it was given (they win), or the ones loaded from
 * the URL of its `sources` attribute (a `sources.json`, through `loadSourcesFile` in
 * src/sources/sources-file.ts: time budget, size limit, typed errors, HTML pages detected).
 *
 * The sources-file module (the source classes, the parser of the sources file and its schema
 * validators) is imported on the first load (`import()`, a chunk of its own): an element given
 * `.sources` never loads it, and no element loads it before it renders.
 *
 * The load is an `@lit/task` Task: a new URL aborts the load of the previous one (its result can
 * never replace a newer one), and removing the element aborts the load in flight and changes no
 * state; the load starts again when the element is connected again.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import type { FactSource } from '../../src/core/types.js';
import { isAbortError } from '../../src/sources/abort.js';
import type { SourcesFileError } from '../../src/sources/sources-file.js';

type SourcesFileModule = typeof import('../../src/sources/sources-file.js');
const sourcesFile = lazyModule<SourcesFileModule>(
  () => import('../../src/sources/sources-file.js'),
);

/**
 * The sources-file module (file loader, source classes, parser and schema validators), imported on
 * the first call (a chunk of its own, shared by every element); later calls share it.
 */
export function loadSourcesFileModule(): Promise<SourcesFileModule> {
  return sourcesFile.load();
}
import type { WidgetLang } from './lang.js';
import { lazyModule } from './lazy-module.js';

/** Options of {@link SourcesController}. */
export interface SourcesControllerOptions {
  /** The sources given as a property (win over the URL). */
  given: () => FactSource[] | undefined;
  /** The URL of the sources file (relative to the page), or undefined. */
  url: () => string | undefined;
  /** Called with the sources of each completed load (not for `.sources`). */
  onLoaded?: (sources: FactSource[], url: string) => void;
  /**
   * Called when a load failed (never for an abort); `loadError` is the error when it is a
   * `SourcesFileError` (which file failed and why, in the user's language).
   */
  onError?: (error: unknown, url: string, loadError?: SourcesFileError) => void;
}

const removed = (): DOMException => new DOMException('The element was removed.', 'AbortError');

export class SourcesController implements ReactiveController {
  /** The load of the sources file; its argument is the absolute URL (undefined: nothing to load). */
  readonly task: Task<[string | undefined], FactSource[] | undefined>;
  private _interrupted = false;
  /** URL of the latest run (the only one whose result the Task reports). */
  private _runUrl?: string;
  /** URL whose sources the Task's value holds. */
  private _valueUrl?: string;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: SourcesControllerOptions,
  ) {
    host.addController(this);
    this.task = new Task(host, {
      args: () => [this._absoluteUrl()],
      task: async ([url], { signal }) => {
        this._runUrl = url;
        if (url === undefined) return undefined;
        const sourcesFileModule = await sourcesFile.load();
        signal.throwIfAborted();
        const sources = await sourcesFileModule.loadSourcesFile(url, { signal });
        signal.throwIfAborted();
        return sources;
      },
      onComplete: (sources) => {
        const url = this._runUrl;
        this._valueUrl = url;
        if (sources !== undefined && url !== undefined) this.options.onLoaded?.(sources, url);
      },
      onError: (error) => {
        this._valueUrl = undefined;
        const url = this._runUrl;
        if (isAbortError(error) || url === undefined) return;
        const SourcesFileError = sourcesFile.loaded()?.SourcesFileError;
        const loadError =
          SourcesFileError !== undefined && error instanceof SourcesFileError ? error : undefined;
        this.options.onError?.(error, url, loadError);
      },
    });
  }

  /** The sources in use: the given ones, else the loaded ones (undefined while loading or failed). */
  get sources(): FactSource[] | undefined {
    const given = this.options.given();
    if (given !== undefined) return given;
    const url = this._absoluteUrl();
    if (url === undefined || url !== this._valueUrl) return undefined;
    return this.task.status === TaskStatus.COMPLETE ? this.task.value : undefined;
  }

  /**
   * Whether a sources file is being loaded (also while a load cut off by removing the element
   * waits to start again on reconnect: removing the element changes nothing it shows).
   */
  get loading(): boolean {
    if (this.options.given() !== undefined) return false;
    return this.task.status === TaskStatus.PENDING || this._interrupted;
  }

  /** Whether a sources file is loading (not: the controller settling that there is none). */
  get loadingFile(): boolean {
    return this._absoluteUrl() !== undefined && this.loading;
  }

  /** Why the last load failed (never an abort), or undefined. */
  get error(): unknown {
    if (this.options.given() !== undefined || this.task.status !== TaskStatus.ERROR)
      return undefined;
    const error: unknown = this.task.error;
    return isAbortError(error) ? undefined : error;
  }

  /** Why the last load failed, in `lang` where the error has it (else its message), or undefined. */
  errorText(lang: WidgetLang): string | undefined {
    const e = this.error;
    if (e === undefined) return undefined;
    const SourcesFileError = sourcesFile.loaded()?.SourcesFileError;
    if (SourcesFileError !== undefined && e instanceof SourcesFileError) return e.userText(lang);
    const user = (e as { userMessage?: Record<string, string> }).userMessage;
    return user?.[lang === 'en' ? 'en' : 'nl'] ?? (e instanceof Error ? e.message : String(e));
  }

  /** Absolute URL of the sources file in use (undefined when `.sources` is given or no URL). */
  get url(): string | undefined {
    return this._absoluteUrl();
  }

  hostConnected(): void {
    if (!this._interrupted) return;
    this._interrupted = false;
    void this.task.run();
  }

  hostDisconnected(): void {
    if (this.task.status !== TaskStatus.PENDING) return;
    this._interrupted = true;
    this.task.abort(removed());
  }

  private _absoluteUrl(): string | undefined {
    if (this.options.given() !== undefined) return undefined;
    const url = this.options.url();
    if (url === undefined || url === '') return undefined;
    return new URL(url, document.baseURI).href;
  }
}
