/**
 * In-memory GeoJSON polygon layer as a fact source, with a spatial index.
 *
 * The data is validated and reprojected once, at construction, to EPSG:28992 (RD New, metres),
 * into flat typed arrays (one bulk transformation), where a {@link PolygonIndex} answers point
 * queries: one index entry per polygon part and every part's edges in strips, so dissolved
 * national multipolygons query as fast as many small polygons (holes and multipolygons included).
 */
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { defined } from '../core/defined.js';
import {
  CRS_BOUNDS,
  describeMisfit,
  fitsCrs,
  normalizeCrs,
  plausibleFor,
  suggestCrs,
  toCrs,
  transformCoords,
} from '../core/crs.js';
import { FACT_NAMES, NaError } from '../core/types.js';
import type {
  Fact,
  FactName,
  Location,
  NoDataReason,
  PolygonFeatureCollection,
  PolygonSource,
  Provenance,
  QueryOptions,
  SourceResult,
  SupportedCrs,
} from '../core/types.js';
import {
  buildProvenance,
  describeValue,
  errorResult,
  factsFromProperties,
  noDataResult,
} from './facts.js';
import type { ProvenanceOptions } from './facts.js';
import { parseJsonStrict } from '../core/located-json.js';
import { FlatPolygonsBuilder, PolygonIndex } from './polygon-index.js';
import { bboxOf, nearBoundary } from '../core/geometry.js';
import type { FlatPolygons } from './polygon-index.js';

/** A GeoJSON position: `[x, y]` (further ordinates such as z are kept but not used). */
export type GeoJsonPosition = number[];
/** Rings of one polygon: the outer ring first, then holes. */
export type PolygonRings = GeoJsonPosition[][];
/** A Polygon or MultiPolygon geometry. */
export type PolygonGeometry =
  | { type: 'Polygon'; coordinates: PolygonRings }
  | { type: 'MultiPolygon'; coordinates: PolygonRings[] };

/** Area where a source claims to have data: a bbox `[minX, minY, maxX, maxY]` or a polygon geometry. */
export type CoverageInput = readonly [number, number, number, number] | PolygonGeometry;

/**
 * Default tolerance (m, in EPSG:28992) within which a point counts as lying on a polygon boundary.
 * Larger than the round-trip error of the proj4 RD ↔ WGS 84 / Web Mercator transformation
 * (measured ≤ 0.6 mm), so a boundary point gives the same answer in every query CRS.
 */
export const DEFAULT_BOUNDARY_TOLERANCE_M = 0.01;

/** Options of {@link GeoJsonSource}. */
export interface GeoJsonSourceOptions extends ProvenanceOptions {
  /** Human-readable title. */
  title: string;
  /** A parsed GeoJSON FeatureCollection with Polygon/MultiPolygon features. */
  data: unknown;
  /**
   * CRS of the data; overrides the data's own `crs` member. Without both, RFC 7946 applies:
   * longitude/latitude (EPSG:4326). Any form {@link normalizeCrs} accepts.
   */
  crs?: string;
  /** Which property of a feature holds which fact, e.g. `{ zone: 'BKNSN_code' }`. */
  properties: Partial<Record<FactName, string>>;
  /**
   * Where the source claims to have data, in the data's CRS: a bbox or a polygon geometry.
   * Default: the bounding box of the data. Points outside give `outside-coverage`, points inside
   * but in no polygon give `no-feature`.
   */
  coverage?: CoverageInput;
  /** Boundary tolerance in metres (EPSG:28992); default {@link DEFAULT_BOUNDARY_TOLERANCE_M}. */
  boundaryTolerance?: number;
}

type Coverage =
  | { kind: 'bbox'; box: [number, number, number, number] }
  | { kind: 'polygon'; geometry: PolygonGeometry; box: [number, number, number, number] }
  | { kind: 'empty' };

const OTHER_GEOMETRIES = new Set([
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'GeometryCollection',
]);

/**
 * A {@link PolygonSource} over an in-memory GeoJSON FeatureCollection.
 *
 * Query semantics (documented contract):
 * - Points on a polygon boundary count as inside (within `boundaryTolerance` metres in RD).
 * - When several polygons contain the point (a shared edge or vertex, or overlapping polygons),
 *   the feature with the lowest index in the data's `features` array wins. The answer is therefore
 *   deterministic and independent of the query CRS.
 * - A point inside the coverage but in no polygon (also: in a hole) gives status `no-data`,
 *   reason `no-feature`; a point outside the coverage gives reason `outside-coverage`.
 * - Features with other geometry types are skipped and counted in {@link skippedFeatures}.
 *
 * @example
 * const src = new GeoJsonSource({ id: 'bknsn', title: 'BKNSN', data, properties: { zone: 'BKNSN_code' } });
 * const r = await src.query({ x: 155000, y: 463000, crs: 'EPSG:28992' });
 */
export class GeoJsonSource implements PolygonSource {
  readonly id: string;
  readonly title: string;
  readonly provides: readonly FactName[];
  /** CRS of the data as given (coordinates of {@link polygons} in this CRS are returned unchanged). */
  readonly dataCrs: SupportedCrs;
  /** Number of features skipped because their geometry is not a Polygon or MultiPolygon. */
  readonly skippedFeatures: number;
  /** Human-readable warnings from construction (e.g. skipped geometry types). */
  readonly warnings: readonly string[];
  /** Number of indexed polygon features. */
  readonly size: number;

  private readonly propertyNames: Partial<Record<FactName, string>>;
  private readonly provenance: Provenance;
  // The indexed features, k = 0 … size - 1 in data order, as parallel arrays (no object each):
  /** Position of feature k in the data's `features` array. */
  private readonly dataIndex: Uint32Array;
  /** Properties of feature k (an empty object when it has none). */
  private readonly properties: readonly Record<string, unknown>[];
  /** Geometry of feature k in the data CRS (as given). */
  private readonly geometries: readonly PolygonGeometry[];
  /** The features' own ids when every feature has a unique one; else ids are data indices. */
  private readonly ids: readonly (string | number)[] | undefined;
  /** The polygons in EPSG:28992 as flat arrays; part items are feature numbers k. */
  private readonly flat: FlatPolygons;
  /** First part of feature k in {@link flat}; length = features + 1. */
  private readonly featurePartStart: Uint32Array;
  private readonly index: PolygonIndex;
  private readonly coverage: Coverage;
  private readonly tolerance: number;
  private readonly polygonCache = new Map<SupportedCrs, PolygonFeatureCollection>();

  /**
   * Validates, reprojects and indexes the data.
   * @throws NaError `invalid-geojson` (message names the feature index and the problem),
   *   `implausible-coordinates` (numbers do not fit the declared CRS), `unsupported-crs`.
   */
  constructor(options: GeoJsonSourceOptions) {
    this.id = options.id;
    this.title = options.title;
    this.tolerance = options.boundaryTolerance ?? DEFAULT_BOUNDARY_TOLERANCE_M;
    this.propertyNames = { ...options.properties };
    this.provides = FACT_NAMES.filter((n) => options.properties[n] !== undefined);
    this.provenance = buildProvenance(options);

    const data = options.data;
    if (!isObject(data) || data.type !== 'FeatureCollection') {
      throw invalid(
        `expected a GeoJSON FeatureCollection, got ${describeValue(isObject(data) ? data.type : data)}${isObject(data) ? ' as "type"' : ''}`,
      );
    }
    if (!Array.isArray(data.features)) {
      throw invalid('the FeatureCollection has no "features" array');
    }
    const declared =
      options.crs ?? (data.crs === undefined || data.crs === null ? undefined : data.crs);
    this.dataCrs = declared === undefined ? 'EPSG:4326' : normalizeCrs(declared);

    // One pass over the features: validate each geometry and copy its coordinates into flat
    // typed arrays, with no object or array per feature, part or ring (national data has
    // hundreds of thousands of them; the garbage dominated the build).
    const raw = data.features as unknown[];
    const n = raw.length;
    const dataIndex = new Uint32Array(n);
    const properties: Record<string, unknown>[] = [];
    const geometries: PolygonGeometry[] = [];
    // The features' own ids, while every one so far is a unique string or number.
    const ownIds: (string | number)[] = [];
    const seenIds = new Set<unknown>();
    let idsUnique = true;
    const featurePartStart = new Uint32Array(n + 1);
    const builder = new FlatPolygonsBuilder(8 * n, n);
    const skippedTypes = new Map<string, number>();
    let implausible = -1;
    const [crsMinX, crsMinY, crsMaxX, crsMaxY] = CRS_BOUNDS[this.dataCrs];
    const implausibleBox: [number, number, number, number] = [0, 0, 0, 0];
    let k = 0;
    for (let i = 0; i < n; i++) {
      const f = raw[i];
      if (!isObject(f) || f.type !== 'Feature') {
        throw invalid(
          `features[${i}] is not a GeoJSON Feature (type ${describeValue(isObject(f) ? f.type : f)})`,
        );
      }
      const g = f.geometry;
      if (g === undefined || g === null) throw invalid(`features[${i}] has no geometry`);
      if (!isObject(g) || typeof g.type !== 'string') {
        throw invalid(`features[${i}].geometry is not a GeoJSON geometry object`);
      }
      if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') {
        if (!OTHER_GEOMETRIES.has(g.type)) {
          throw invalid(`features[${i}].geometry has unknown type ${JSON.stringify(g.type)}`);
        }
        skippedTypes.set(g.type, (skippedTypes.get(g.type) ?? 0) + 1);
        continue;
      }
      featurePartStart[k] = builder.partCount;
      const geometry = validateGeometry(g, i, builder, k);
      // The box of the outer rings must fit the data CRS; the first misfit is reported after
      // all features are validated (an invalid feature further on is reported first).
      if (implausible < 0) {
        const minX = outerBox[0] as number;
        const minY = outerBox[1] as number;
        const maxX = outerBox[2] as number;
        const maxY = outerBox[3] as number;
        // = fitsCrs of both corners (the numbers are finite); compared here, as a call with
        // these doubles would box them (garbage for each feature).
        if (!(minX >= crsMinX && maxX <= crsMaxX && minY >= crsMinY && maxY <= crsMaxY)) {
          implausible = i;
          implausibleBox[0] = minX;
          implausibleBox[1] = minY;
          implausibleBox[2] = maxX;
          implausibleBox[3] = maxY;
        }
      }
      const props = f.properties;
      dataIndex[k] = i;
      properties.push(isObject(props) ? props : {});
      geometries.push(geometry);
      if (idsUnique) {
        const id = f.id;
        if ((typeof id === 'string' || typeof id === 'number') && !seenIds.has(id)) {
          seenIds.add(id);
          ownIds.push(id);
        } else {
          idsUnique = false;
        }
      }
      k++;
    }
    featurePartStart[k] = builder.partCount;
    this.dataIndex = k === n ? dataIndex : dataIndex.slice(0, k);
    this.featurePartStart = k === n ? featurePartStart : featurePartStart.slice(0, k + 1);
    this.properties = properties;
    this.geometries = geometries;
    this.ids = idsUnique ? ownIds : undefined;
    this.size = k;

    let skipped = 0;
    const warnings: string[] = [];
    for (const count of skippedTypes.values()) skipped += count;
    if (skipped > 0) {
      const detail = [...skippedTypes].map(([t, c]) => `${t}: ${c}`).join(', ');
      warnings.push(
        `${options.id}: skipped ${skipped} feature(s) that are not Polygon/MultiPolygon (${detail}).`,
      );
    }
    this.skippedFeatures = skipped;
    this.warnings = warnings;

    if (implausible >= 0) {
      checkPlausible(implausibleBox, this.dataCrs, `features[${implausible}]`);
    }
    const flat = builder.finish();
    if (this.dataCrs !== 'EPSG:28992') {
      transformCoords(flat.coords, this.dataCrs, 'EPSG:28992', flat.coords);
    }
    this.flat = flat;
    this.index = new PolygonIndex(flat);
    this.coverage = this.buildCoverage(options.coverage);
  }

  /**
   * Parses GeoJSON text and builds the source.
   * @param fileName used in error messages (optional).
   * @throws NaError `invalid-json` with line and column for a syntax error, and the errors of the
   *   constructor.
   */
  static fromText(
    text: string,
    options: Omit<GeoJsonSourceOptions, 'data'>,
    fileName?: string,
  ): GeoJsonSource {
    const data = parseJsonStrict(text, fileName);
    return new GeoJsonSource({ ...options, data });
  }

  /**
   * Facts at a location (any supported CRS). Resolves with status `ok` (a polygon was found; one
   * fact per configured fact name), `no-data` (`no-feature` / `outside-coverage`) or `error`
   * (the location does not fit its CRS). Rejects only when `signal` is aborted, with its reason.
   */
  async query(location: Location, options: QueryOptions = {}): Promise<SourceResult> {
    options.signal?.throwIfAborted();
    let x: number;
    let y: number;
    try {
      plausibleFor(location);
      [x, y] = toCrs([location.x, location.y], location.crs, 'EPSG:28992');
    } catch (e) {
      if (!(e instanceof NaError)) throw e;
      return this.errorResult(e.message);
    }
    return this.answerRd(x, y, `(${location.x}, ${location.y}) ${location.crs}`);
  }

  /**
   * The answer of {@link query} at `[x, y]` in EPSG:28992, at once (the kansenkaart reads the
   * facts of its cells with it).
   */
  answerAt(x: number, y: number): SourceResult {
    return this.answerRd(x, y, `(${x}, ${y}) EPSG:28992`);
  }

  private answerRd(x: number, y: number, where: string): SourceResult {
    if (!this.inCoverage(x, y)) {
      return this.noDataResult(
        'outside-coverage',
        `Location ${where} is outside the coverage of ${this.id}.`,
      );
    }
    const hit = this.index.firstAt(x, y, this.tolerance);
    if (hit === undefined) {
      return this.noDataResult('no-feature', `No polygon of ${this.id} at ${where}.`);
    }
    return {
      sourceId: this.id,
      title: this.title,
      status: 'ok',
      facts: this.factsOf(hit),
    };
  }

  /**
   * Data index (position in the data's `features` array) of the polygon at `[x, y]` in
   * EPSG:28992, by the rules of {@link query}; or undefined. Exposed for tests and benchmarks.
   */
  featureIndexAt(x: number, y: number): number | undefined {
    const k = this.index.firstAt(x, y, this.tolerance);
    return k === undefined ? undefined : this.dataIndex[k];
  }

  /**
   * Data index of the first polygon that contains `[x, y]` (EPSG:28992) or lies within
   * `tolerance` m of it, whatever the source's own boundary tolerance; or undefined. The service
   * layers of the kansenkaart use it for their point query's wider tolerance (`area-layer.ts`).
   */
  featureIndexWithin(x: number, y: number, tolerance: number): number | undefined {
    const k = this.index.firstAt(x, y, tolerance);
    return k === undefined ? undefined : this.dataIndex[k];
  }

  /**
   * A key of the answer of {@link query} at `[x, y]` in EPSG:28992: the data index of the polygon
   * found, -1 outside the coverage, -2 inside it but in no polygon. Two points with the same key
   * get the same facts (the kansenkaart groups cells by it).
   */
  cellKeyAt(x: number, y: number): number {
    if (!this.inCoverage(x, y)) return -1;
    const k = this.index.firstAt(x, y, this.tolerance);
    return k === undefined ? -2 : (this.dataIndex[k] as number);
  }

  /** The coverage's bounding box in EPSG:28992, or undefined when it is empty. */
  coverageBox(): [number, number, number, number] | undefined {
    return this.coverage.kind === 'empty' ? undefined : [...this.coverage.box];
  }

  /**
   * All polygons in `crs`, with a stable `id` (the features' own ids when every feature has a
   * unique one, else their index in the data) and their properties. Configured facts with a valid
   * value are also set under their fact name (e.g. `zone`), so a viewer can style by fact without
   * knowing the data's property names. Cached per CRS: treat the result as read-only.
   */
  async polygons(crs: SupportedCrs, options: QueryOptions = {}): Promise<PolygonFeatureCollection> {
    options.signal?.throwIfAborted();
    const target = normalizeCrs(crs);
    const cached = this.polygonCache.get(target);
    if (cached !== undefined) return cached;
    const out: PolygonFeatureCollection = {
      type: 'FeatureCollection',
      crs: target,
      features: this.geometries.map((original, k) => {
        const geometry =
          target === this.dataCrs
            ? original
            : target === 'EPSG:28992'
              ? this.rdGeometry(k)
              : reproject(original, this.dataCrs, target);
        const properties: Record<string, unknown> = { ...this.properties[k] };
        for (const fact of this.factsOf(k)) {
          if (fact.status === 'ok') properties[fact.name] = fact.value;
        }
        const id = this.ids?.[k] ?? (this.dataIndex[k] as number);
        return { type: 'Feature' as const, id, geometry, properties };
      }),
    };
    this.polygonCache.set(target, out);
    return out;
  }

  /** Feature k's geometry in EPSG:28992, rebuilt from the flat arrays. */
  private rdGeometry(k: number): PolygonGeometry {
    const { coords, ringStart, partRingStart } = this.flat;
    const polygons: PolygonRings[] = [];
    for (
      let p = this.featurePartStart[k] as number;
      p < (this.featurePartStart[k + 1] as number);
      p++
    ) {
      const rings: PolygonRings = [];
      for (let r = partRingStart[p] as number; r < (partRingStart[p + 1] as number); r++) {
        const ring: GeoJsonPosition[] = [];
        for (let v = ringStart[r] as number; v < (ringStart[r + 1] as number); v++) {
          ring.push([coords[2 * v] as number, coords[2 * v + 1] as number]);
        }
        rings.push(ring);
      }
      polygons.push(rings);
    }
    const original = this.geometries[k] as PolygonGeometry;
    return original.type === 'Polygon'
      ? { type: 'Polygon', coordinates: polygons[0] ?? [] }
      : { type: 'MultiPolygon', coordinates: polygons };
  }

  private inCoverage(x: number, y: number): boolean {
    const c = this.coverage;
    if (c.kind === 'empty') return false;
    const t = this.tolerance;
    const [minX, minY, maxX, maxY] = c.box;
    if (x < minX - t || x > maxX + t || y < minY - t || y > maxY + t) return false;
    if (c.kind === 'bbox') return true;
    return booleanPointInPolygon([x, y], c.geometry) || nearBoundary(x, y, c.geometry, t);
  }

  private buildCoverage(input: CoverageInput | undefined): Coverage {
    if (input === undefined) {
      const bounds = this.index.bounds;
      if (bounds === undefined) return { kind: 'empty' };
      return { kind: 'bbox', box: [...bounds] };
    }
    let geometry: PolygonGeometry;
    if (Array.isArray(input)) {
      const box = input as readonly unknown[];
      if (box.length !== 4 || !box.every((n) => typeof n === 'number' && Number.isFinite(n))) {
        throw invalid(
          'coverage must be [minX, minY, maxX, maxY] or a Polygon/MultiPolygon geometry',
        );
      }
      const [minX, minY, maxX, maxY] = input as readonly [number, number, number, number];
      if (!(minX < maxX && minY < maxY)) {
        throw invalid(
          `coverage bbox [${input.join(', ')}] is empty (need minX < maxX and minY < maxY)`,
        );
      }
      checkPlausible([minX, minY, maxX, maxY], this.dataCrs, 'coverage');
      if (this.dataCrs === 'EPSG:28992') return { kind: 'bbox', box: [minX, minY, maxX, maxY] };
      geometry = { type: 'Polygon', coordinates: [densifiedBoxRing(minX, minY, maxX, maxY, 16)] };
    } else {
      geometry = validateGeometry(input as PolygonGeometry, -1, new FlatPolygonsBuilder(64, 4), 0);
      checkPlausible(bboxOf(geometry), this.dataCrs, 'coverage');
    }
    const rd =
      this.dataCrs === 'EPSG:28992' ? geometry : reproject(geometry, this.dataCrs, 'EPSG:28992');
    return { kind: 'polygon', geometry: rd, box: bboxOf(rd) };
  }

  /** The facts of feature k. */
  private factsOf(k: number): Fact[] {
    return factsFromProperties(
      this.properties[k] as Record<string, unknown>,
      this.propertyNames,
      this.provenance,
      {
        provides: this.provides,
      },
    );
  }

  private noDataResult(reason: NoDataReason, message: string): SourceResult {
    return noDataResult(this.resultSource(), reason, message);
  }

  private errorResult(message: string): SourceResult {
    return errorResult(this.resultSource(), message);
  }

  private resultSource(): {
    id: string;
    title: string;
    provides: readonly FactName[];
    provenance: Provenance;
  } {
    return { id: this.id, title: this.title, provides: this.provides, provenance: this.provenance };
  }
}

// ---------------------------------------------------------------------------------------------
// Validation

function invalid(message: string): NaError {
  return new NaError('invalid-geojson', `Invalid GeoJSON: ${message}.`);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Box `[minX, minY, maxX, maxY]` of the outer rings of the geometry last checked by
 * {@link validateGeometry} (scratch, overwritten by each call).
 */
const outerBox = new Float64Array(4);

/**
 * Checks a Polygon or MultiPolygon and appends its parts, as item `item`, to `out` (the
 * coordinates copied as they are checked); sets {@link outerBox}. `feature` is the feature's index
 * (-1: the coverage): the place in an error message is only spelled out when there is an error
 * (this runs for every feature and ring of national data: building the text, or a closure, for
 * each one was measurable garbage).
 */
function validateGeometry(
  g: Record<string, unknown> | PolygonGeometry,
  feature: number,
  out: FlatPolygonsBuilder,
  item: number,
): PolygonGeometry {
  const coords = (g as { coordinates?: unknown }).coordinates;
  outerBox[0] = outerBox[1] = Infinity;
  outerBox[2] = outerBox[3] = -Infinity;
  if (g.type === 'Polygon') {
    validatePolygon(coords, feature, -1, out, item);
    return g as PolygonGeometry;
  }
  if (g.type === 'MultiPolygon') {
    if (!Array.isArray(coords) || coords.length === 0) {
      throw invalid(`${geometryPlace(feature)}.coordinates must be a non-empty array of polygons`);
    }
    for (let k = 0; k < coords.length; k++) validatePolygon(coords[k], feature, k, out, item);
    return g as PolygonGeometry;
  }
  throw invalid(
    `${geometryPlace(feature)} must be a Polygon or MultiPolygon, not ${describeValue(g.type)}`,
  );
}

/** `features[i].geometry`, or `coverage` for -1. */
function geometryPlace(feature: number): string {
  return feature < 0 ? 'coverage' : `features[${feature}].geometry`;
}

/** The place of a polygon's rings (`part`: its index in a MultiPolygon, -1 for a Polygon). */
function ringsPlace(feature: number, part: number): string {
  return `${geometryPlace(feature)}.coordinates${part < 0 ? '' : `[${part}]`}`;
}

/**
 * Checks the rings of a polygon (see {@link ringsPlace} for `feature` and `part`), appends it to
 * `out` as a part of `item`, and widens {@link outerBox} by its outer ring.
 */
function validatePolygon(
  rings: unknown,
  feature: number,
  part: number,
  out: FlatPolygonsBuilder,
  item: number,
): void {
  if (!Array.isArray(rings) || rings.length === 0) {
    throw invalid(`${ringsPlace(feature, part)} must be a non-empty array of linear rings`);
  }
  out.startPart(item);
  for (let r = 0; r < rings.length; r++) {
    const ring: unknown = rings[r];
    if (!Array.isArray(ring)) {
      throw invalid(
        `${ringsPlace(feature, part)}[${r}] (a linear ring) is not an array of positions`,
      );
    }
    if (ring.length < 4) {
      throw invalid(
        `${ringsPlace(feature, part)}[${r}] (a linear ring) has ${ring.length} position(s); at least 4 are needed`,
      );
    }
    out.startRing(ring.length);
    const c = out.coords;
    let v = 2 * out.vertices;
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    // Plain loops: this runs for every position of national data.
    for (let p = 0; p < ring.length; p++) {
      const pos: unknown = ring[p];
      if (!Array.isArray(pos) || pos.length < 2) {
        throw invalid(`${ringsPlace(feature, part)}[${r}][${p}] is not a position [x, y]`);
      }
      for (let d = 0; d < pos.length; d++) {
        const n: unknown = pos[d];
        if (typeof n !== 'number' || !Number.isFinite(n)) {
          throw invalid(
            `${ringsPlace(feature, part)}[${r}][${p}][${d}] is not a finite number: ${describeValue(n)}`,
          );
        }
      }
      const x = pos[0] as number;
      const y = pos[1] as number;
      c[v++] = x;
      c[v++] = y;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
    out.vertices = v >> 1;
    const first = ring[0] as number[];
    const last = ring[ring.length - 1] as number[];
    if (first[0] !== last[0] || first[1] !== last[1]) {
      throw invalid(
        `${ringsPlace(feature, part)}[${r}] (a linear ring) is not closed: first position [${first[0]}, ${first[1]}] differs from last [${last[0]}, ${last[1]}]`,
      );
    }
    if (r === 0) {
      if (minX < (outerBox[0] as number)) outerBox[0] = minX;
      if (minY < (outerBox[1] as number)) outerBox[1] = minY;
      if (maxX > (outerBox[2] as number)) outerBox[2] = maxX;
      if (maxY > (outerBox[3] as number)) outerBox[3] = maxY;
    }
  }
}

function checkPlausible(
  box: readonly [number, number, number, number],
  crs: SupportedCrs,
  where: string,
): void {
  for (const [x, y] of [
    [box[0], box[1]],
    [box[2], box[3]],
  ] as const) {
    if (fitsCrs(x, y, crs)) continue;
    const s = suggestCrs(x, y, crs);
    const hint =
      s === undefined
        ? ''
        : s.swapped === true
          ? `: these look like ${s.description}`
          : `: these look like ${s.description}; declare the data CRS as ${s.crs} (the "crs" of the source)`;
    throw new NaError(
      'implausible-coordinates',
      `${where}: coordinates ${describeMisfit(x, y, crs)}, the declared CRS of the data${hint}.`,
      { crs, x, y, ...defined({ suggestedCrs: s?.crs }) },
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Geometry helpers

/** A polygon geometry with every position transformed from `from` to `to`. */
export function reproject(
  g: PolygonGeometry,
  from: SupportedCrs,
  to: SupportedCrs,
): PolygonGeometry {
  const ring = (r: GeoJsonPosition[]): GeoJsonPosition[] =>
    r.map((p) => toCrs([p[0] as number, p[1] as number], from, to));
  if (g.type === 'Polygon') return { type: 'Polygon', coordinates: g.coordinates.map(ring) };
  return { type: 'MultiPolygon', coordinates: g.coordinates.map((poly) => poly.map(ring)) };
}

function densifiedBoxRing(
  minX: number,
  minY: number,
  maxX: number,
  maxY: number,
  n: number,
): GeoJsonPosition[] {
  const ring: GeoJsonPosition[] = [];
  const edge = (x0: number, y0: number, x1: number, y1: number): void => {
    for (let i = 0; i < n; i++) ring.push([x0 + ((x1 - x0) * i) / n, y0 + ((y1 - y0) * i) / n]);
  };
  edge(minX, minY, maxX, minY);
  edge(maxX, minY, maxX, maxY);
  edge(maxX, maxY, minX, maxY);
  edge(minX, maxY, minX, minY);
  ring.push([minX, minY]);
  return ring;
}
