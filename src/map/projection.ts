/**
 * The projection boundary of the OpenLayers glue: registering EPSG:28992 (RD New) with `ol` through
 * proj4, the Dutch `NetherlandsRDNewQuad` tile grid (rd-grid.ts, without proj4), and the CRS of a
 * map. `loadRd()` (rd-load.ts) does the same without proj4 up front.
 */
import type Projection from 'ol/proj/Projection.js';
import { get as getProjection, getTransform } from 'ol/proj.js';
import { register } from 'ol/proj/proj4.js';
import proj4 from 'proj4';
import { RD_NEW_PROJ4 } from '../core/crs.js';
import { NaError } from '../core/types.js';
import { RD_EXTENT } from './rd-grid.js';

export {
  RD_EXTENT,
  RD_MAX_ZOOM,
  RD_RESOLUTION_0,
  RD_TILE_ORIGIN,
  rdTileGrid,
  type RdTileGridOptions,
} from './rd-grid.js';

/**
 * Makes EPSG:28992 (RD New) known to OpenLayers: defines it in proj4 when it is missing (with the
 * 7-parameter datum shift of {@link RD_NEW_PROJ4}), calls `register(proj4)` when `ol` has no
 * transformation to EPSG:4326 yet, and sets the projection's extent ({@link RD_EXTENT}) when it has
 * none. A host application's own definition stays. Idempotent: safe to call from every widget.
 *
 * @returns the `ol` projection of EPSG:28992.
 */
export function registerRd(): Projection {
  if ((proj4.defs('EPSG:28992') as unknown) === undefined) proj4.defs('EPSG:28992', RD_NEW_PROJ4);
  let projection = getProjection('EPSG:28992');
  if (projection === null || getTransform('EPSG:28992', 'EPSG:4326') === null) {
    register(proj4);
    projection = getProjection('EPSG:28992');
  }
  if (projection === null) {
    throw new NaError('unsupported-crs', 'EPSG:28992 could not be registered with OpenLayers.');
  }
  if (projection.getExtent() === null) projection.setExtent([...RD_EXTENT]);
  return projection;
}

export { groundFactorAt, mapCrs, projectionCrs } from './map-crs.js';
