/**
 * The supported CRS code of a map or an `ol` projection, without the reprojection code (proj4):
 * elements read it before their engine loads. Also exported by ./projection.ts.
 */
import type OlMap from 'ol/Map.js';
import type Projection from 'ol/proj/Projection.js';
import { normalizeCrs } from '../core/crs-id.js';
import { NaError, type SupportedCrs } from '../core/types.js';

/**
 * The CRS of a map's view as one of the supported codes (aliases such as `EPSG:900913` are
 * normalised), or undefined when the map uses another projection.
 */
export function mapCrs(map: OlMap): SupportedCrs | undefined {
  return projectionCrs(map.getView().getProjection());
}

/** The supported code of an `ol` projection, or undefined (see {@link mapCrs}). */
export function projectionCrs(projection: Projection): SupportedCrs | undefined {
  try {
    return normalizeCrs(projection.getCode());
  } catch (e) {
    if (e instanceof NaError) return undefined;
    throw e;
  }
}
