/**
 * The permalink of `<na-location-check>` (the `permalink` attribute): reads the location in the
 * page URL once (on connect, or when `permalink` is switched on) and writes each shown location
 * back with `history.replaceState`. The URL format is in `permalink.ts`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Location } from '../../src/core/types.js';
import { readPermalink, writePermalink } from './permalink.js';

export class PermalinkController implements ReactiveController {
  private _read = false;

  constructor(
    host: ReactiveControllerHost,
    private readonly options: {
      /** The `permalink` attribute. */
      enabled: () => boolean;
      /** The name of the URL parameter (`permalink-key`). */
      key: () => string;
      /** The URL holds a location: check it. */
      onLocation: (location: Location) => void;
    },
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.readOnce();
  }

  /** `permalink` switched on later: read before the update renders (what it starts shows in it). */
  hostUpdate(): void {
    this.readOnce();
  }

  /** Reads the URL, the first time the permalink is on. */
  readOnce(): void {
    if (!this.options.enabled() || this._read) return;
    this._read = true;
    const location = readPermalink(window.location.href, this.options.key());
    if (location) this.options.onLocation(location);
  }

  /** Keeps `location` in the page URL (when the permalink is on). */
  write(location: Location): void {
    if (!this.options.enabled()) return;
    const next = writePermalink(window.location.href, location, this.options.key());
    if (next !== window.location.href) history.replaceState(history.state, '', next);
  }
}
