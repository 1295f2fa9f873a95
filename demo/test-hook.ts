/**
 * A hook for the end-to-end tests (test/e2e/demo.spec.mjs): the demo pages put their maps on
 * `window.__naDemo`, with a helper that turns an RD coordinate into a point on the screen. Set only
 * by the demo pages' own code, never by the widgets.
 */
import type OlMap from 'ol/Map.js';
import { transform } from 'ol/proj.js';
import { registerRd } from '../src/map/projection.js';

export interface DemoHook {
  /** The maps of the page by name (`main`, `host`, `rd`, `web`). */
  maps: Record<string, OlMap>;
  /**
   * The viewport (client) pixel of an RD coordinate on a named map, or null when the map is not
   * rendered.
   */
  rdToClient(name: string, x: number, y: number): [number, number] | null;
}

declare global {
  interface Window {
    __naDemo?: DemoHook;
  }
}

/** Registers a map of this page on the test hook. */
export function exposeMap(name: string, map: OlMap): void {
  registerRd();
  const hook: DemoHook = window.__naDemo ?? {
    maps: {},
    rdToClient(mapName, x, y) {
      const m = this.maps[mapName];
      const viewport = m?.getViewport();
      if (!m || !viewport) return null;
      const coordinate = transform([x, y], 'EPSG:28992', m.getView().getProjection());
      const pixel = m.getPixelFromCoordinate(coordinate);
      const px = pixel?.[0];
      const py = pixel?.[1];
      if (px === undefined || py === undefined) return null;
      const box = viewport.getBoundingClientRect();
      return [box.left + px, box.top + py];
    },
  };
  hook.maps[name] = map;
  window.__naDemo = hook;
}
