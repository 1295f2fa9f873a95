/**
 * The suggestions of `<na-address-search>` as they are asked for: after a pause in typing
 * (`debounce-ms`) or at once (Enter before the pause ends), through @lit/task so that a newer
 * search aborts the one in flight and a slow answer never replaces a newer one.
 */
import { Task } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isAbortError } from '../../src/sources/abort.js';
import type { AddressService } from './service.js';
import type { AddressSuggestion } from './templates.js';

export interface SuggestOptions {
  /** Maximum number of suggestions (the element's `rows`, clamped here to 1–100). */
  rows: () => number;
  /** The answer of the latest search. */
  onComplete: (suggestions: AddressSuggestion[]) => void;
  /** The latest search failed (not aborted). */
  onError: (e: unknown) => void;
}

export class SuggestController implements ReactiveController {
  /** A search is in flight. */
  loading = false;
  private _debounce?: ReturnType<typeof setTimeout>;
  private readonly _task: Task<[string, number], AddressSuggestion[]>;

  constructor(
    private readonly host: ReactiveControllerHost,
    service: AddressService,
    private readonly options: SuggestOptions,
  ) {
    host.addController(this);
    this._task = new Task<[string, number], AddressSuggestion[]>(host, {
      autoRun: false,
      task: ([q, rows], { signal }) => service.suggest(q, rows, signal),
      onComplete: (suggestions) => {
        this._setLoading(false);
        options.onComplete(suggestions);
      },
      onError: (e) => {
        if (isAbortError(e)) return;
        this._setLoading(false);
        options.onError(e);
      },
    });
  }

  /** A search waits for the typing pause. */
  get pending(): boolean {
    return this._debounce !== undefined;
  }

  /** The promise of the current search (settles when it ends, also by abort). */
  get taskComplete(): Promise<AddressSuggestion[]> {
    return this._task.taskComplete;
  }

  /** Searches `q` after a pause of `delayMs` (a newer call replaces this one). */
  schedule(q: string, delayMs: number): void {
    this.cancel();
    this._debounce = setTimeout(
      () => {
        this._debounce = undefined;
        this.now(q);
      },
      Math.max(0, delayMs),
    );
  }

  /** Searches `q` now, aborting the search in flight. */
  now(q: string): void {
    this.cancel();
    this._setLoading(true);
    void this._task.run([q, Math.min(100, Math.max(1, Math.floor(this.options.rows())))]);
  }

  /** Drops the waiting search and aborts the one in flight. */
  cancel(): void {
    clearTimeout(this._debounce);
    this._debounce = undefined;
    this._task.abort(new DOMException('A newer search replaced this one.', 'AbortError'));
    this._setLoading(false);
  }

  hostDisconnected(): void {
    this.cancel();
  }

  private _setLoading(loading: boolean): void {
    if (this.loading === loading) return;
    this.loading = loading;
    this.host.requestUpdate();
  }
}
