/**
 * Browser-test helpers for widgets on a real OpenLayers map: a map in EPSG:28992 (or 3857), a real
 * pointer click at a map coordinate, and listener counts for leak checks.
 */
import OlMap from 'ol/Map.js';
import View from 'ol/View.js';
import { registerRd } from '../../../src/map/projection.js';
import { toCrs } from '../../../src/core/crs.js';
import type { Location, SupportedCrs } from '../../../src/core/types.js';

export interface TestMap {
  map: OlMap;
  target: HTMLDivElement;
  dispose(): void;
}

/** A real map in `crs` centred on an RD location, rendered into a new div of the given size (CSS px). */
export function makeMap(
  options: {
    crs?: SupportedCrs;
    center?: [number, number];
    zoom?: number;
    width?: number;
    height?: number;
  } = {},
): TestMap {
  registerRd();
  const crs = options.crs ?? 'EPSG:28992';
  const centerRd = options.center ?? [155000, 463000];
  const target = document.createElement('div');
  target.style.width = `${options.width ?? 400}px`;
  target.style.height = `${options.height ?? 300}px`;
  target.tabIndex = 0;
  document.body.append(target);
  const map = new OlMap({
    target,
    view: new View({
      projection: crs,
      center: toCrs(centerRd, 'EPSG:28992', crs),
      resolution: crs === 'EPSG:28992' ? 4 : 6.5,
    }),
  });
  map.renderSync();
  return {
    map,
    target,
    dispose() {
      map.setTarget(undefined);
      map.dispose();
      target.remove();
    },
  };
}

/** Centres the map on an RD location and renders it (so its pixel lies in the viewport). */
export function centreOn(map: OlMap, rd: [number, number]): void {
  const code = map.getView().getProjection().getCode() as SupportedCrs;
  map.getView().setCenter(toCrs(rd, 'EPSG:28992', code));
  map.renderSync();
}

/**
 * A real click as a user makes it: `pointerdown` on the map viewport, `pointerup` on the document,
 * at the screen pixel of `location`. OpenLayers fires `singleclick` about 250 ms later.
 */
export function realClick(map: OlMap, location: Location): void {
  map.renderSync();
  const code = map.getView().getProjection().getCode() as SupportedCrs;
  const coord = toCrs([location.x, location.y], location.crs, code);
  const pixel = map.getPixelFromCoordinate(coord);
  const viewport = map.getViewport();
  if (!pixel || !viewport) throw new Error('The map is not rendered.');
  const rect = viewport.getBoundingClientRect();
  const clientX = rect.left + (pixel[0] ?? 0);
  const clientY = rect.top + (pixel[1] ?? 0);
  if (clientX < rect.left || clientX > rect.right || clientY < rect.top || clientY > rect.bottom) {
    throw new Error(`Location ${location.x},${location.y} is outside the map viewport.`);
  }
  const init: PointerEventInit = {
    bubbles: true,
    cancelable: true,
    composed: true,
    clientX,
    clientY,
    pointerId: 1,
    pointerType: 'mouse',
    isPrimary: true,
    button: 0,
  };
  viewport.dispatchEvent(new PointerEvent('pointerdown', { ...init, buttons: 1 }));
  document.dispatchEvent(new PointerEvent('pointerup', { ...init, buttons: 0 }));
}

const EVENT_TYPES = [
  'singleclick',
  'click',
  'dblclick',
  'pointermove',
  'pointerdrag',
  'postrender',
  'precompose',
  'postcompose',
  'rendercomplete',
  'movestart',
  'moveend',
  'loadstart',
  'loadend',
  'change',
  'change:view',
  'change:size',
  'change:target',
  'change:layergroup',
  'propertychange',
  'error',
];

/** Listener counts of the map, its view and its collections, and the viewport's children. */
export function listenerSnapshot(map: OlMap): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of EVENT_TYPES) {
    out[`map:${t}`] = map.getListeners(t)?.length ?? 0;
    out[`view:${t}`] = map.getView().getListeners(t)?.length ?? 0;
  }
  for (const t of ['add', 'remove', 'change:length']) {
    out[`overlays:${t}`] = map.getOverlays().getListeners(t)?.length ?? 0;
    out[`layers:${t}`] = map.getLayers().getListeners(t)?.length ?? 0;
  }
  out.overlays = map.getOverlays().getLength();
  out.layers = map.getLayers().getLength();
  out.interactions = map.getInteractions().getLength();
  out.controls = map.getControls().getLength();
  out.viewportChildren = map.getViewport()?.querySelectorAll('*').length ?? 0;
  return out;
}

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Waits until `check()` is true (polling each animation frame), or fails after `timeoutMs`. */
export async function until(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => requestAnimationFrame(r));
  }
}
