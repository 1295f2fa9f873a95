/**
 * Keyboard mode of `<na-location-check>` as a reactive controller: a crosshair in the map centre,
 * arrow keys pan the map (Shift: four times as far), Enter checks the centre, Escape (on the pan
 * control) ends the mode. The listener sits on the map target's root node, so the map's own
 * KeyboardPan (on the target) runs first; one AbortController releases it.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Viewer } from '../../src/map/viewer.js';

/** Pan step of the keyboard mode, CSS pixels (with Shift: four times as far). */
export const PAN_STEP_PX = 64;

const ARROWS: Readonly<Record<string, readonly [number, number]>> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

/** Options of {@link KeyboardModeController}. */
export interface KeyboardModeOptions {
  /** The viewer in use. */
  viewer: () => Viewer | undefined;
  /** Checks the map centre. */
  checkCenter: () => void;
  /** The mode was ended with Escape on the pan control (e.g. to move focus back to the toggle). */
  onEscape: () => void;
}

export class KeyboardModeController implements ReactiveController {
  private _on = false;
  private _abort?: AbortController;
  private _removeCrosshair?: () => void;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: KeyboardModeOptions,
  ) {
    host.addController(this);
  }

  /** Whether the mode is on. */
  get on(): boolean {
    return this._on;
  }

  hostDisconnected(): void {
    this.detach();
  }

  /** Turns the mode on or off (crosshair and keys on the viewer in use). */
  set(on: boolean): void {
    if (on === this._on) return;
    this._on = on;
    this.detach();
    const viewer = this.options.viewer();
    if (on && viewer) this.attach(viewer);
    this.host.requestUpdate();
  }

  /** Adds the crosshair and the key listener to `viewer` while the mode is on. */
  attach(viewer: Viewer): void {
    if (!this._on) return;
    this.detach();
    this._removeCrosshair = viewer.addCrosshair();
    this._abort = new AbortController();
    const target = viewer.getTarget();
    if (!target) return;
    const root = target.getRootNode() as Document | ShadowRoot;
    root.addEventListener(
      'keydown',
      (event) => {
        const e = event as KeyboardEvent;
        if (!this._on || !e.composedPath().includes(target)) return;
        if (e.altKey || e.ctrlKey || e.metaKey) return;
        if (e.key === 'Enter') {
          e.preventDefault();
          this.options.checkCenter();
          return;
        }
        if (!e.defaultPrevented) this._pan(e, viewer);
      },
      { signal: this._abort.signal },
    );
  }

  /** Removes the crosshair and the key listener. */
  detach(): void {
    this._abort?.abort();
    this._abort = undefined;
    this._removeCrosshair?.();
    this._removeCrosshair = undefined;
  }

  /** Keys on the focusable pan control. */
  readonly onPadKeydown = (e: KeyboardEvent): void => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const viewer = this.options.viewer();
    if (viewer && this._pan(e, viewer)) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      this.options.checkCenter();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      this.set(false);
      this.options.onEscape();
    }
  };

  /** Pans for an arrow key; returns whether the key was one. */
  private _pan(e: KeyboardEvent, viewer: Viewer): boolean {
    const dir = ARROWS[e.key];
    if (!dir) return false;
    e.preventDefault();
    const step = e.shiftKey ? PAN_STEP_PX * 4 : PAN_STEP_PX;
    viewer.panBy(dir[0] * step, dir[1] * step);
    return true;
  }
}
