/**
 * `map-target="#map"` for the elements that take an `ol/Map`: finds the map the host rendered into
 * that element (src/map/map-target.ts) and hands it to the element's `.map`; an explicit `.map` or
 * `.viewer` wins. While no map is found the element shows why (its own translated message).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type OlMap from 'ol/Map.js';
import { trackOlMaps, watchMapTarget, type MapTargetProblem } from '../../src/map/map-target.js';

// Maps created after the elements are loaded are seen from their first render.
trackOlMaps();

type Host = ReactiveControllerHost &
  HTMLElement & { mapTarget?: string; map?: OlMap; viewer?: unknown };

/** The message key for each problem (the same keys in every widget's messages). */
export const MAP_TARGET_MESSAGE = {
  'invalid-selector': 'mapTargetInvalid',
  'no-element': 'mapTargetNoElement',
  'no-map': 'mapTargetNoMap',
} as const satisfies Record<MapTargetProblem, string>;

export class MapTargetController implements ReactiveController {
  /** Why the map of `map-target` is not there yet (after the grace period), else undefined. */
  problem?: MapTargetProblem;
  private _watching?: { selector: string; abort: AbortController };

  constructor(
    private readonly host: Host,
    private readonly graceMs?: number,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.sync();
  }

  hostDisconnected(): void {
    this._stop();
  }

  /** Starts, keeps or stops the watch after `mapTarget`, `map` or `viewer` changed. */
  sync(): void {
    const host = this.host;
    const selector = host.mapTarget?.trim();
    if (!host.isConnected || !selector || host.map !== undefined || host.viewer !== undefined) {
      this._stop();
      return;
    }
    if (this._watching?.selector === selector) return;
    this._stop();
    const abort = new AbortController();
    this._watching = { selector, abort };
    watchMapTarget(selector, host, {
      signal: abort.signal,
      graceMs: this.graceMs,
      onMap: (map) => {
        this._watching = undefined;
        this.problem = undefined;
        host.map = map;
        host.requestUpdate();
      },
      onMissing: (problem) => {
        this.problem = problem;
        console.warn(
          `<${host.localName}> map-target="${selector}": ${
            problem === 'invalid-selector'
              ? 'not a valid CSS selector'
              : problem === 'no-element'
                ? 'no element matches it'
                : 'no OpenLayers map (ol/Map) has rendered into that element; create the map there, or set .map'
          }.`,
        );
        host.requestUpdate();
      },
    });
  }

  private _stop(): void {
    this._watching?.abort.abort();
    this._watching = undefined;
    if (this.problem !== undefined) {
      this.problem = undefined;
      this.host.requestUpdate();
    }
  }
}
