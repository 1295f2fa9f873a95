/**
 * A plain OpenLayers map in RD New (EPSG:28992) on the Dutch `NetherlandsRDNewQuad` zoom levels,
 * for pages that have no map of their own yet (e.g. a page that loads the script-tag bundle). A
 * geoportal that has a map keeps it and gives that to the elements instead.
 */
import type { Coordinate } from 'ol/coordinate.js';
import type BaseLayer from 'ol/layer/Base.js';
import OlMap from 'ol/Map.js';
import View from 'ol/View.js';
import { registerRd, rdTileGrid, RD_EXTENT } from './projection.js';

/** Options of {@link createRdMap}. */
export interface RdMapOptions {
  /** Centre in RD metres (default Amersfoort, `[155000, 463000]`). */
  center?: Coordinate;
  /** Zoom level of `NetherlandsRDNewQuad`, 0–16 (default 3). */
  zoom?: number;
  /** Layers to show, bottom first (default none: add a base map such as PDOK BRT). */
  layers?: BaseLayer[];
}

/**
 * Creates a map in EPSG:28992 in `target` (registering RD New with `ol` first). The caller owns
 * it: dispose it with `map.setTarget(undefined)` and `map.dispose()`.
 */
export function createRdMap(target: HTMLElement, options: RdMapOptions = {}): OlMap {
  const projection = registerRd();
  return new OlMap({
    target,
    layers: options.layers ?? [],
    view: new View({
      projection,
      center: options.center ?? [155000, 463000],
      zoom: options.zoom ?? 3,
      resolutions: rdTileGrid().getResolutions(),
      extent: [...RD_EXTENT],
      constrainOnlyCenter: true,
    }),
  });
}
