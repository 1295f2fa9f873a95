/**
 * The map image of `<na-location-check>` for paper: taken with `viewer.snapshot()` for the
 * checked location before printing (the element's "Afdrukken", or the browser's own print
 * command through `beforeprint`, best effort), kept until the next check.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Location } from '../../src/core/types.js';
import type { Viewer } from '../../src/map/viewer.js';
import { decodeImage } from './print.js';

type Host = ReactiveControllerHost & { renderRoot: HTMLElement | DocumentFragment };

export class SnapshotController implements ReactiveController {
  /** The map image (a data URL), or null before it is taken. */
  image: string | null = null;
  private _for?: Location;
  private _listeners?: AbortController;

  constructor(
    private readonly host: Host,
    private readonly options: {
      viewer: () => Viewer | undefined;
      /** The checked location (the image is of the map around it). */
      location: () => Location | undefined;
    },
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this._listeners = new AbortController();
    window.addEventListener('beforeprint', this._onBeforePrint, {
      signal: this._listeners.signal,
    });
  }

  hostDisconnected(): void {
    this._listeners?.abort();
    this._listeners = undefined;
  }

  /** Drops the image (a new check starts). */
  reset(): void {
    this.image = null;
    this._for = undefined;
    this.host.requestUpdate();
  }

  /** Takes the image of the checked location (once) and waits until it is shown. */
  async prepare(): Promise<void> {
    const viewer = this.options.viewer();
    const location = this.options.location();
    if (!viewer || !location) return;
    if (this._for !== location) {
      this.image = await viewer.snapshot();
      this._for = location;
      this.host.requestUpdate();
    }
    await this.host.updateComplete;
    await decodeImage(
      this.host.renderRoot.querySelector<HTMLImageElement>('[part~="snapshot"] img'),
    );
  }

  private readonly _onBeforePrint = (): void => {
    const location = this.options.location();
    if (location && this._for !== location) void this.prepare();
  };
}
