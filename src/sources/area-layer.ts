/**
 * A source read for a whole area at once, for the kansenkaart: services and files that are
 * otherwise asked point by point (WFS, OGC API Features, ArcGIS REST, FlatGeobuf, GeoTIFF) read
 * the polygons or pixels of the kansenkaart's grid in a few requests, and then answer every cell
 * centre locally with the same facts their point query gives there.
 *
 * - Polygon services: the features in the grid's box (paged, within {@link MAX_AREA_FEATURES} and
 *   {@link MAX_AREA_VERTICES}), indexed; a cell's key is the feature the point query would pick
 *   (the first in the answer that contains the centre; where none does, the first within the
 *   query's tolerance).
 * - Rasters: the pixel under each cell centre (read block by block); a cell's key is the distinct
 *   combination of band values there.
 */
import type { BBox } from '../core/geometry.js';
import type { GridSpec } from '../core/kansenkaart/compute.js';
import type { FactSource, SourceResult, SupportedCrs } from '../core/types.js';
import { DEFAULT_BOUNDARY_TOLERANCE_M, GeoJsonSource, type PolygonGeometry } from './geojson.js';

/** A source's answers over one grid: a key per cell centre and the answer per key. */
export interface AreaLayer {
  /** Key at a cell centre of the grid (EPSG:28992): equal keys, equal answers. */
  keyAt(x: number, y: number): number;
  /** The answer of the source's point query at `point` (EPSG:28992), whose key is `key`. */
  resultAt(key: number, point: readonly [number, number]): SourceResult;
  /**
   * Set when the area could not be read (timeout, HTML, OGC exception, over budget, …): the
   * source's error result (status `error`, `code`, `userMessage` in Dutch and English). Every
   * cell then has this answer, so the facts of this source count as missing.
   */
  failed?: SourceResult;
}

/** The layer of a source whose area read failed: every cell answers `result`. */
export function failedLayer(result: SourceResult): AreaLayer {
  return { keyAt: () => 0, resultAt: () => result, failed: result };
}

/** Options of {@link AreaSource.readArea}. */
export interface AreaReadOptions {
  signal?: AbortSignal;
}

/** A source that can read the area of a kansenkaart grid in a few requests. */
export interface AreaSource extends FactSource {
  /**
   * Reads what the source has in the grid's box and returns the layer of its answers; when the
   * source fails (timeout, HTML, exception, over budget) a {@link failedLayer}. Rejects only
   * when `signal` is aborted, with its reason.
   */
  readArea(grid: GridSpec, options?: AreaReadOptions): Promise<AreaLayer>;
}

/** Whether a source can read an area (see {@link AreaSource}). */
export function isAreaSource(source: FactSource): source is AreaSource {
  return typeof (source as Partial<AreaSource>).readArea === 'function';
}

/** Most features read for one kansenkaart area from one source (all pages together). */
export const MAX_AREA_FEATURES = 100_000;
/** Most polygon vertices read for one kansenkaart area from one source (all pages together). */
export const MAX_AREA_VERTICES = 10_000_000;
/** Features asked per page of an area read (WFS `COUNT`, OGC API `limit`, ArcGIS records). */
export const AREA_PAGE_SIZE = 1000;

/** The box of a grid, `[minX, minY, maxX, maxY]` in EPSG:28992. */
export function gridBox(grid: GridSpec): BBox {
  return [
    grid.x0,
    grid.y0,
    grid.x0 + grid.cols * grid.cellSize,
    grid.y0 + grid.rows * grid.cellSize,
  ];
}

/** A feature of an area read: its properties and polygon (in the read's CRS). */
export interface AreaFeature {
  properties: Record<string, unknown>;
  polygon?: PolygonGeometry;
}

/** How a polygon layer answers: the point query's own result builders. */
export interface PolygonLayerOptions {
  id: string;
  /** The point query's tolerance around the point, in m. */
  tolerance: number;
  /** The source's coverage in EPSG:28992: outside it the answer is `outside-coverage`. */
  coverageRd?: readonly [number, number, number, number] | undefined;
  /** The answer for a feature found (its properties), or none (`no-feature`, `outside-coverage`). */
  resultOf(
    found: Record<string, unknown> | undefined,
    reason: 'no-feature' | 'outside-coverage',
    point: readonly [number, number],
  ): SourceResult;
}

/**
 * The layer of polygons read for an area: a cell's key is the index of the first polygon (in the
 * answer's order) that contains the centre (inside, or within the in-memory sources' boundary
 * tolerance of 1 cm); else of the first that lies within `tolerance` of it (the point query's
 * rule, `pickFeatureAt`); -1 outside the source's coverage; -2 in no polygon.
 */
export function polygonLayer(
  features: readonly AreaFeature[],
  crs: SupportedCrs,
  options: PolygonLayerOptions,
): AreaLayer {
  const withPolygon = features.filter((f) => f.polygon !== undefined);
  const index = new GeoJsonSource({
    id: options.id,
    title: options.id,
    data: {
      type: 'FeatureCollection',
      features: withPolygon.map((f) => ({ type: 'Feature', geometry: f.polygon, properties: {} })),
    },
    crs,
    properties: {},
    boundaryTolerance: Math.min(options.tolerance, DEFAULT_BOUNDARY_TOLERANCE_M),
  });
  const near = options.tolerance > DEFAULT_BOUNDARY_TOLERANCE_M;
  const c = options.coverageRd;
  return {
    keyAt(x, y) {
      if (c !== undefined && (x < c[0] || x > c[2] || y < c[1] || y > c[3])) return -1;
      return (
        index.featureIndexAt(x, y) ??
        (near ? index.featureIndexWithin(x, y, options.tolerance) : undefined) ??
        -2
      );
    },
    resultAt(key, point) {
      if (key === -1) return options.resultOf(undefined, 'outside-coverage', point);
      const f = withPolygon[key];
      return f === undefined
        ? options.resultOf(undefined, 'no-feature', point)
        : options.resultOf(f.properties, 'no-feature', point);
    },
  };
}
