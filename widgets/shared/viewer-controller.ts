/**
 * Binds an element to a viewer: the `.viewer` it was given (any {@link Viewer}, e.g. the ArcGIS
 * adapter; owned by the host, never destroyed here) or, else, its `.map` (an `ol/Map`, wrapped with
 * `createOlViewer()` and destroyed again here). What the element adds to the viewer (click
 * handlers, marker, crosshair) it adds in `bind` and removes in the cleanup `bind` returns; the
 * controller calls that cleanup before it binds another viewer and when the element is removed.
 *
 * Binding happens when the element is connected and at the start of each update (`hostUpdate`,
 * before the element renders, as `@lit/task` starts its work), so the element renders once, with the
 * viewer now in use; nothing is requested from inside `updated()` (Lit's `change-in-update`).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type OlMap from 'ol/Map.js';
import { createOlViewer } from '../../src/map/ol-viewer.js';
import type { Viewer } from '../../src/map/viewer.js';

/** What the element holds: `.viewer` wins over `.map`. */
export interface ViewerInputs {
  viewer?: Viewer | undefined;
  map?: OlMap | undefined;
}

/** Options of {@link ViewerController}. */
export interface ViewerControllerOptions {
  /** The element's current `.viewer` and `.map`. */
  inputs: () => ViewerInputs;
  /**
   * Adds what the element needs on a newly bound viewer (`owned`: made here from `.map`).
   * @returns the cleanup that removes exactly that again (called before unbinding).
   */
  bind?: (viewer: Viewer, owned: boolean) => (() => void) | void;
}

export class ViewerController implements ReactiveController {
  private _viewer?: Viewer;
  private _owned = false;
  private _from?: Viewer | OlMap;
  private _cleanup?: (() => void) | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: ViewerControllerOptions,
  ) {
    host.addController(this);
  }

  /** The viewer in use, or undefined. */
  get viewer(): Viewer | undefined {
    return this._viewer;
  }

  /** Whether the viewer in use was made here from `.map` (and is destroyed here). */
  get owned(): boolean {
    return this._owned;
  }

  hostConnected(): void {
    this.sync();
  }

  hostUpdate(): void {
    this.sync();
  }

  hostDisconnected(): void {
    this.unbind();
  }

  /**
   * Binds the viewer of the element's current inputs, unless it is already bound.
   * @returns whether the viewer in use changed.
   */
  sync(): boolean {
    if (!this.host.isConnected) return false;
    const { viewer, map } = this.options.inputs();
    const from = viewer ?? map;
    if (from === this._from && (from === undefined || this._viewer !== undefined)) return false;
    const had = this._viewer !== undefined;
    this.unbind();
    if (from === undefined) return had;
    this._owned = viewer === undefined;
    this._viewer = viewer ?? createOlViewer(map as OlMap);
    this._from = from;
    this._cleanup = this.options.bind?.(this._viewer, this._owned) ?? undefined;
    return true;
  }

  /** Runs the cleanup and `bind` again on the same viewer (e.g. after an option of the element changed). */
  rebind(): void {
    const viewer = this._viewer;
    if (viewer === undefined) return;
    this._cleanup?.();
    this._cleanup = this.options.bind?.(viewer, this._owned) ?? undefined;
  }

  /** Removes what `bind` added and releases the viewer (destroyed only when made here). */
  unbind(): void {
    const cleanup = this._cleanup;
    this._cleanup = undefined;
    cleanup?.();
    if (this._viewer !== undefined && this._owned) this._viewer.destroy();
    this._viewer = undefined;
    this._owned = false;
    this._from = undefined;
  }
}
