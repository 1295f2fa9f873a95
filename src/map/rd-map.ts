/**
 * A plain OpenLayers map in RD New (EPSG:28992) on the Dutch `NetherlandsRDNewQuad` zoom levels,
 * for pages that have no map of their own yet (e.g. a page that loads the script-tag bundle). A
 * geoportal that has a map keeps it and gives that to the elements instead.
 */
import type OlMap from 'ol/Map.js';
import { registerRd } from './projection.js';
import { rdMapWith, type RdMapOptions } from './rd-grid.js';

export type { RdMapOptions } from './rd-grid.js';

/**
 * Creates a map in EPSG:28992 in `target` (registering RD New with `ol` first). The caller owns
 * it: dispose it with `map.setTarget(undefined)` and `map.dispose()`.
 */
export function createRdMap(target: HTMLElement, options: RdMapOptions = {}): OlMap {
  return rdMapWith(registerRd(), target, options);
}
