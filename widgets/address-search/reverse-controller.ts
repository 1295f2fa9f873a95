/**
 * Reverse geocoding of `<na-address-search>` (the `reverse` attribute): the nearest address of a
 * clicked map point, as the line under the field shows it. A newer click aborts the request in
 * flight (@lit/task), so a slow answer never replaces a newer one.
 */
import { Task } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Location } from '../../src/core/types.js';
import { isAbortError } from '../../src/sources/abort.js';
import { serviceMessage } from './service.js';
import type { NearestAddress, NearestState } from './templates.js';

export class ReverseController implements ReactiveController {
  /** What the nearest-address line shows (undefined: nothing asked yet). */
  nearest?: NearestState;
  private readonly _task: Task<[Location], NearestAddress | null>;

  /**
   * @param find the nearest address of a point
   * @param onError a request failed (not aborted)
   */
  constructor(
    private readonly host: ReactiveControllerHost,
    find: (location: Location, signal: AbortSignal) => Promise<NearestAddress | null>,
    onError: (e: unknown) => void,
  ) {
    host.addController(this);
    this._task = new Task<[Location], NearestAddress | null>(host, {
      autoRun: false,
      task: async ([location], { signal }) => {
        this._set({ kind: 'loading' });
        const address = await find(location, signal);
        signal.throwIfAborted();
        return address;
      },
      onComplete: (address) => {
        this._set(address ? { kind: 'found', address } : { kind: 'none' });
      },
      onError: (e) => {
        if (isAbortError(e)) return;
        this._set({ kind: 'error', ...serviceMessage(e) });
        onError(e);
      },
    });
  }

  /** Asks for the nearest address of a clicked point. */
  run(location: Location): void {
    void this._task.run([location]);
  }

  /** Aborts the request in flight; `clear` also empties the line (reverse turned off). */
  stop(message: string, clear: boolean): void {
    this._task.abort(new DOMException(message, 'AbortError'));
    if (clear) this._set(undefined);
  }

  hostDisconnected(): void {
    this.stop('The element was removed.', false);
  }

  private _set(nearest: NearestState | undefined): void {
    this.nearest = nearest;
    this.host.requestUpdate();
  }
}
