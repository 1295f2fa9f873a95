/**
 * The Dutch tile matrix set `NetherlandsRDNewQuad` of EPSG:28992 (RD New): extent, origin,
 * resolutions, an OpenLayers tile grid and a map on it. Without proj4 (projection.ts and rd-map.ts
 * re-export it; they register the projection).
 */
import type { Coordinate } from 'ol/coordinate.js';
import type BaseLayer from 'ol/layer/Base.js';
import OlMap from 'ol/Map.js';
import type Projection from 'ol/proj/Projection.js';
import WMTSTileGrid from 'ol/tilegrid/WMTS.js';
import View from 'ol/View.js';

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

/** Options of `createRdMap`. */
export interface RdMapOptions {
  /** Centre in RD metres (default Amersfoort, `[155000, 463000]`). */
  center?: Coordinate;
  /** Zoom level of `NetherlandsRDNewQuad`, 0–16 (default 3). */
  zoom?: number;
  /** Layers to show, bottom first (default none: add a base map such as PDOK BRT). */
  layers?: BaseLayer[];
}

/** A map in `target` on the zoom levels of `NetherlandsRDNewQuad`, in `projection` (EPSG:28992). */
export function rdMapWith(
  projection: Projection,
  target: HTMLElement,
  options: RdMapOptions = {},
): OlMap {
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
