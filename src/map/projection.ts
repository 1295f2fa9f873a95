/**
 * The projection boundary of the OpenLayers glue: registering EPSG:28992 (RD New) with `ol`, the
 * Dutch `NetherlandsRDNewQuad` tile grid, and the CRS of a map.
 */
import type Projection from 'ol/proj/Projection.js';
import { get as getProjection, getTransform } from 'ol/proj.js';
import { register } from 'ol/proj/proj4.js';
import WMTSTileGrid from 'ol/tilegrid/WMTS.js';
import proj4 from 'proj4';
import { RD_NEW_PROJ4 } from '../core/crs.js';
import { NaError } from '../core/types.js';

/**
 * Extent of EPSG:28992 as the Dutch tiling guideline defines it (m), `[minX, minY, maxX, maxY]`:
 * the bounding box of the `NetherlandsRDNewQuad` tile matrix set.
 */
export const RD_EXTENT: readonly [number, number, number, number] = [
  -285401.92, 22598.08, 595401.92, 903401.92,
];

/** Top-left corner of the `NetherlandsRDNewQuad` tile matrix set (m). */
export const RD_TILE_ORIGIN: readonly [number, number] = [-285401.92, 903401.92];

/** Resolution of zoom level 0 of `NetherlandsRDNewQuad` (m/px); each level halves it. */
export const RD_RESOLUTION_0 = 3440.64;

/** Highest zoom level of `NetherlandsRDNewQuad` (resolution 0.0525 m/px). */
export const RD_MAX_ZOOM = 16;

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

/** Options of {@link rdTileGrid}. */
export interface RdTileGridOptions {
  /**
   * Text before the zoom level in the tile matrix identifiers. `NetherlandsRDNewQuad` uses bare
   * numbers (`'0'`..`'16'`, the default `''`); some older services use `'EPSG:28992:'`.
   */
  matrixIdPrefix?: string;
  /** Highest zoom level, 0..16 (default {@link RD_MAX_ZOOM}). */
  maxZoom?: number;
}

/**
 * The tile grid of the Dutch tile matrix set `NetherlandsRDNewQuad` (EPSG:28992, 256 px tiles,
 * origin top-left at {@link RD_TILE_ORIGIN}, resolution 3440.64 / 2^z m/px for z = 0..16), for
 * hosts that show PDOK WMTS base maps (BRT Achtergrondkaart, Luchtfoto) in RD.
 *
 * @example
 * new WMTS({ url, layer: 'grijs', matrixSet: 'EPSG:28992', format: 'image/png',
 *   projection: registerRd(), tileGrid: rdTileGrid(), style: 'default' });
 */
export function rdTileGrid(options: RdTileGridOptions = {}): WMTSTileGrid {
  const prefix = options.matrixIdPrefix ?? '';
  const maxZoom = Math.max(0, Math.min(RD_MAX_ZOOM, Math.floor(options.maxZoom ?? RD_MAX_ZOOM)));
  const resolutions: number[] = [];
  const matrixIds: string[] = [];
  for (let z = 0; z <= maxZoom; z++) {
    resolutions.push(RD_RESOLUTION_0 / 2 ** z);
    matrixIds.push(`${prefix}${z}`);
  }
  return new WMTSTileGrid({
    origin: [...RD_TILE_ORIGIN],
    extent: [...RD_EXTENT],
    resolutions,
    matrixIds,
    tileSize: 256,
  });
}

export { groundFactorAt, mapCrs, projectionCrs } from './map-crs.js';
