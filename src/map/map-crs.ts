/**
 * The supported CRS code of a map or an `ol` projection, without the reprojection code (proj4):
 * elements read it before their engine loads. Also exported by ./projection.ts.
 */
import type OlMap from 'ol/Map.js';
import { getPointResolution } from 'ol/proj.js';
import type Projection from 'ol/proj/Projection.js';
import type View from 'ol/View.js';
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

/**
 * Ground metres per projection unit at the centre of `view` (1 without a centre, or where the
 * projection gives no finite positive answer): turns a view resolution into metres per pixel.
 */
export function groundFactorAt(view: View): number {
  const center = view.getCenter();
  const factor = center ? getPointResolution(view.getProjection(), 1, center, 'm') : 1;
  return Number.isFinite(factor) && factor > 0 ? factor : 1;
}
