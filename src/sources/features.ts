/**
 * GeoJSON answers of remote services (OGC API Features items, WFS GetFeature, WMS
 * GetFeatureInfo, ArcGIS `f=geojson`): a lenient parser and the choice of the feature at a point.
 *
 * Pure: no network. Geometries may be `null` (QGIS Server's GetFeatureInfo JSON) or of any type;
 * Polygon/MultiPolygon geometries are checked for shape so the point-in-polygon test never runs
 * on garbage.
 */
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { SourceRequestError, invalidResponse, userMessageFor } from './http.js';
import { nearBoundary } from '../core/geometry.js';
import type { PolygonGeometry } from './geojson.js';
import { defined } from '../core/defined.js';

/** One feature of an answer. */
export interface ParsedFeature {
  id?: string | number;
  properties: Record<string, unknown>;
  /** The polygon geometry, when the feature has one. */
  polygon?: PolygonGeometry;
  /** Type of the geometry (`null` when the feature has none). */
  geometryType: string | null;
}

/** A link of an OGC API document. */
export interface Link {
  rel: string;
  href: string;
  type?: string;
}

/** A parsed FeatureCollection. */
export interface ParsedCollection {
  features: ParsedFeature[];
  links: Link[];
  numberReturned?: number;
  numberMatched?: number;
}

/** Who answered, for error messages. */
export interface AnswerSource {
  sourceId?: string;
  name: string;
  url?: string;
}

/** Most features accepted in one answer for one point (an answer for a point has a handful). */
export const MAX_FEATURES_PER_ANSWER = 10_000;
/** Most polygon vertices accepted in one answer. */
export const MAX_VERTICES_PER_ANSWER = 2_000_000;

/** A `too-complex` error of a source's answer (`limit` names the budget, e.g. `maxFeatures`). */
export function tooComplex(
  source: AnswerSource,
  limit: string,
  max: number,
  found: string,
): SourceRequestError {
  return new SourceRequestError(
    'too-complex',
    `${source.name}: the answer has ${found}, over the limit ${limit} = ${max}.`,
    userMessageFor('too-complex', source.name, { limit, max }),
    {
      limit,
      max,
      ...defined({ sourceId: source.sourceId, url: source.url }),
    },
  );
}

function ringVertices(rings: unknown): number {
  let n = 0;
  if (Array.isArray(rings)) for (const r of rings) if (Array.isArray(r)) n += r.length;
  return n;
}

/** The vertices of a (Multi)Polygon geometry. */
export function polygonVertices(polygon: ParsedFeature['polygon']): number {
  if (polygon === undefined) return 0;
  if (polygon.type === 'Polygon') return ringVertices(polygon.coordinates);
  let n = 0;
  for (const p of polygon.coordinates as unknown[]) n += ringVertices(p);
  return n;
}

/**
 * The budget of an area read (all pages of one source together): at most `maxFeatures` features
 * and `maxVertices` polygon vertices, else a `too-complex` error (limits `maxAreaFeatures`,
 * `maxAreaVertices`) before more is read.
 */
export class AreaBudget {
  private features = 0;
  private vertices = 0;
  constructor(
    private readonly source: AnswerSource,
    private readonly maxFeatures: number,
    private readonly maxVertices: number,
  ) {}

  /** Counts a page. @throws SourceRequestError `too-complex` over the budget. */
  add(features: readonly ParsedFeature[]): void {
    this.features += features.length;
    this.within('maxAreaFeatures', this.features, this.maxFeatures, 'features');
    for (const f of features) this.vertices += polygonVertices(f.polygon);
    this.within('maxAreaVertices', this.vertices, this.maxVertices, 'vertices');
  }

  /** @throws SourceRequestError `too-complex` when `count` `what` are over `max` (limit `limit`). */
  private within(limit: string, count: number, max: number, what: string): void {
    if (count > max)
      throw tooComplex(this.source, limit, max, `more than ${max} ${what} in the area`);
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isPosition(p: unknown): boolean {
  return (
    Array.isArray(p) &&
    p.length >= 2 &&
    typeof p[0] === 'number' &&
    Number.isFinite(p[0]) &&
    typeof p[1] === 'number' &&
    Number.isFinite(p[1])
  );
}

function isPolygonRings(rings: unknown): boolean {
  return (
    Array.isArray(rings) &&
    rings.length > 0 &&
    rings.every((r: unknown) => Array.isArray(r) && r.length >= 4 && r.every(isPosition))
  );
}

/**
 * Parses a GeoJSON FeatureCollection (a single Feature is accepted as a collection of one).
 * @throws SourceRequestError `invalid-response` when the JSON is no FeatureCollection or a
 *   feature or polygon geometry is malformed.
 */
export function parseFeatureCollection(json: unknown, source: AnswerSource): ParsedCollection {
  if (isRecord(json) && json.type === 'Feature') {
    return { features: [parseFeature(json, 0, source)], links: parseLinks(json.links) };
  }
  if (!isRecord(json) || json.type !== 'FeatureCollection' || !Array.isArray(json.features)) {
    const got = isRecord(json)
      ? `an object with type ${JSON.stringify(json.type ?? null)}`
      : Array.isArray(json)
        ? 'an array'
        : typeof json;
    throw invalidResponse(`expected a GeoJSON FeatureCollection, got ${got}`, source);
  }
  const raw = json.features as unknown[];
  if (raw.length > MAX_FEATURES_PER_ANSWER) {
    throw tooComplex(source, 'maxFeatures', MAX_FEATURES_PER_ANSWER, `${raw.length} features`);
  }
  let vertices = 0;
  const features = raw.map((f, i) => {
    const parsed = parseFeature(f, i, source);
    const c = parsed.polygon?.coordinates;
    if (parsed.polygon?.type === 'Polygon') vertices += ringVertices(c);
    else if (Array.isArray(c)) for (const p of c) vertices += ringVertices(p);
    if (vertices > MAX_VERTICES_PER_ANSWER) {
      throw tooComplex(
        source,
        'maxVertices',
        MAX_VERTICES_PER_ANSWER,
        `more than ${MAX_VERTICES_PER_ANSWER} vertices`,
      );
    }
    return parsed;
  });
  const out: ParsedCollection = { features, links: parseLinks(json.links) };
  if (typeof json.numberReturned === 'number') out.numberReturned = json.numberReturned;
  if (typeof json.numberMatched === 'number') out.numberMatched = json.numberMatched;
  return out;
}

function parseFeature(f: unknown, i: number, source: AnswerSource): ParsedFeature {
  if (!isRecord(f) || f.type !== 'Feature') {
    throw invalidResponse(`features[${i}] is not a GeoJSON Feature`, source);
  }
  const properties = isRecord(f.properties) ? f.properties : {};
  const g = f.geometry;
  const out: ParsedFeature = { properties, geometryType: null };
  if (typeof f.id === 'string' || typeof f.id === 'number') out.id = f.id;
  if (g === null || g === undefined) return out;
  if (!isRecord(g) || typeof g.type !== 'string') {
    throw invalidResponse(`features[${i}].geometry is not a GeoJSON geometry`, source);
  }
  out.geometryType = g.type;
  if (g.type === 'Polygon') {
    if (!isPolygonRings(g.coordinates)) {
      throw invalidResponse(`features[${i}] has a malformed Polygon`, source);
    }
    out.polygon = g as unknown as PolygonGeometry;
  } else if (g.type === 'MultiPolygon') {
    const c = g.coordinates;
    if (!Array.isArray(c) || c.length === 0 || !c.every(isPolygonRings)) {
      throw invalidResponse(`features[${i}] has a malformed MultiPolygon`, source);
    }
    out.polygon = g as unknown as PolygonGeometry;
  }
  return out;
}

/** The `links` of an OGC API document (entries without `rel` or `href` are skipped). */
export function parseLinks(links: unknown): Link[] {
  if (!Array.isArray(links)) return [];
  const out: Link[] = [];
  for (const l of links) {
    if (!isRecord(l) || typeof l.rel !== 'string' || typeof l.href !== 'string') continue;
    out.push({ rel: l.rel, href: l.href, ...(typeof l.type === 'string' ? { type: l.type } : {}) });
  }
  return out;
}

/**
 * The `next` link of a page (resolved against `base`), preferring a JSON one; undefined when
 * there is none or it points to a non-JSON representation only.
 */
export function nextLink(links: readonly Link[], base: string): string | undefined {
  const next = links.filter((l) => l.rel === 'next');
  const json = next.find((l) => l.type === undefined || /json/i.test(l.type));
  if (json === undefined) return undefined;
  try {
    return new URL(json.href, base).href;
  } catch {
    return undefined;
  }
}

/**
 * The feature at `[x, y]` (in the CRS of the features):
 * - the first polygon feature that contains the point (inside, or within `boundary` of its
 *   boundary);
 * - else, the first polygon feature within `tolerance` of the point (a point query asks for a box
 *   of ±`tolerance` around the point; a polygon that merely comes near never beats one that
 *   contains the point, whatever order the server answers in);
 * - else, the first feature without a polygon geometry (its service already filtered by location,
 *   e.g. GetFeatureInfo with `geometry: null`);
 * - else undefined.
 * @param boundary - the boundary tolerance, in the features' units; default `tolerance` (one rule)
 */
export function pickFeatureAt(
  features: readonly ParsedFeature[],
  point: readonly [number, number],
  tolerance: number,
  boundary = tolerance,
): ParsedFeature | undefined {
  return (
    containingFeature(features, point, boundary) ??
    (tolerance > boundary ? containingFeature(features, point, tolerance) : undefined) ??
    features.find((f) => f.polygon === undefined)
  );
}

/** The first polygon feature that contains `point` or lies within `tolerance` of it. */
export function containingFeature(
  features: readonly ParsedFeature[],
  point: readonly [number, number],
  tolerance: number,
): ParsedFeature | undefined {
  const [x, y] = point;
  for (const f of features) {
    if (f.polygon === undefined) continue;
    if (booleanPointInPolygon([x, y], f.polygon) || nearBoundary(x, y, f.polygon, tolerance)) {
      return f;
    }
  }
  return undefined;
}
