/**
 * RD New (EPSG:28992) for OpenLayers without proj4 up front, for the script-tag bundles: a page
 * whose `ol` knows EPSG:28992 already (a host with an RD map has registered it) uses that, and only
 * otherwise proj4 is loaded (a chunk of its own) and registered by `registerRd()` (projection.ts).
 */
import type OlMap from 'ol/Map.js';
import { get as getProjection, getTransform } from 'ol/proj.js';
import type Projection from 'ol/proj/Projection.js';
import { RD_EXTENT, rdMapWith, type RdMapOptions } from './rd-grid.js';

/**
 * Makes EPSG:28992 known to OpenLayers, like `registerRd()` of `natuurlijke-alliantie/map`, but
 * loads proj4 only when `ol` cannot transform EPSG:28992 to EPSG:4326 yet. Idempotent.
 *
 * @returns the `ol` projection of EPSG:28992.
 */
export async function loadRd(): Promise<Projection> {
  const known = getProjection('EPSG:28992');
  if (known !== null && getTransform('EPSG:28992', 'EPSG:4326') !== null) {
    if (known.getExtent() === null) known.setExtent([...RD_EXTENT]);
    return known;
  }
  const { registerRd } = await import('./projection.js');
  return registerRd();
}

/**
 * `createRdMap()` of `natuurlijke-alliantie/map` (a map in EPSG:28992 on the Dutch zoom levels in
 * `target`), after {@link loadRd}: resolves with the map. The caller owns it: dispose it with
 * `map.setTarget(undefined)` and `map.dispose()`.
 */
export async function loadRdMap(target: HTMLElement, options: RdMapOptions = {}): Promise<OlMap> {
  return rdMapWith(await loadRd(), target, options);
}
