/**
 * ArcGIS REST (FeatureServer / MapServer layer `query`) as a fact source, e.g. the
 * Klimaateffectatlas "Basiskaart natuurlijk systeem" FeatureServer.
 *
 * The point query asks `geometry=x,y&geometryType=esriGeometryPoint&inSR=28992&
 * spatialRel=esriSpatialRelIntersects&outFields=*&f=geojson`. Servers older than 10.4 do not know
 * `f=geojson`: after an ArcGIS error answer the source asks once more with `f=json`
 * (`features[].attributes`) and keeps to that format when it works.
 *
 * The polygons (for the zonering layer and legend, e.g. the 11 BKNSN main types) are read by
 * extent: `geometry=<xmin,ymin,xmax,ymax>&geometryType=esriGeometryEnvelope&inSR=28992&outSR=<crs>&
 * returnGeometry=true&f=geojson`, page by page with `resultOffset`/`resultRecordCount` while the
 * answer says `exceededTransferLimit: true` (ArcGIS REST API, "Query (Feature Service/Layer)").
 *
 * ArcGIS reports errors as JSON `{"error":{"code":400,"message":"…","details":[…]}}`, often with
 * HTTP 200: that is a `problem` error, never data.
 */
import { SourceRequestError, invalidResponse } from './http.js';
import { AreaBudget, parseFeatureCollection } from './features.js';
import type { GridSpec } from '../core/kansenkaart/compute.js';
import { MAX_AREA_FEATURES, MAX_AREA_VERTICES, gridBox, type AreaLayer } from './area-layer.js';
import { DEFAULT_BOUNDARY_TOLERANCE_M } from './geojson.js';
import type { AnswerSource, ParsedFeature } from './features.js';
import { RemoteAreaSource, joinUrl } from './remote.js';
import type {
  PolygonFeatureCollection,
  PolygonSource,
  QueryOptions,
  SupportedCrs,
} from '../core/types.js';
import type { FoundFeature, RemoteSourceOptions } from './remote.js';
import { defined } from '../core/defined.js';

/** Answer formats of the ArcGIS query operation. */
export type ArcGisFormat = 'geojson' | 'json';

/** Options of {@link ArcGisRestSource}. */
export interface ArcGisRestOptions extends RemoteSourceOptions {
  /**
   * Layer id within the service (`.../FeatureServer/{layer}`); leave it out when `url` already
   * ends with the layer id.
   */
  layer?: string | number;
  /** First format to try (default `geojson`). */
  format?: ArcGisFormat;
}

/** Parameters of {@link arcgisQueryUrl}. */
export interface ArcGisQueryParams {
  layer?: string | number;
  /** Point in EPSG:28992 (metres). */
  x: number;
  y: number;
  format?: ArcGisFormat;
  /** Spatial reference WKID of the point (default 28992). */
  inSR?: number;
}

/** URL of a layer's point query (pure). */
export function arcgisQueryUrl(base: string, p: ArcGisQueryParams): string {
  const layer = p.layer === undefined ? '' : `${encodeURIComponent(String(p.layer))}/`;
  return joinUrl(base, `${layer}query`, {
    geometry: `${p.x},${p.y}`,
    geometryType: 'esriGeometryPoint',
    inSR: p.inSR ?? 28992,
    spatialRel: 'esriSpatialRelIntersects',
    outFields: '*',
    returnGeometry: 'false',
    f: p.format ?? 'geojson',
  });
}

/** Parameters of {@link arcgisExtentQueryUrl}. */
export interface ArcGisExtentParams {
  layer?: string | number;
  /** Envelope `[xmin, ymin, xmax, ymax]` in EPSG:28992; none: every feature (`where=1=1`). */
  bbox?: readonly [number, number, number, number];
  /** CRS of the answer's geometry. */
  outCrs: SupportedCrs;
  /** First record (paging). */
  offset: number;
  /** Records per page. */
  pageSize: number;
}

/** URL of one page of a layer's polygons by extent, as GeoJSON (pure). */
export function arcgisExtentQueryUrl(base: string, p: ArcGisExtentParams): string {
  const layer = p.layer === undefined ? '' : `${encodeURIComponent(String(p.layer))}/`;
  const where =
    p.bbox === undefined
      ? { where: '1=1' }
      : {
          geometry: p.bbox.join(','),
          geometryType: 'esriGeometryEnvelope',
          inSR: 28992,
          spatialRel: 'esriSpatialRelIntersects',
        };
  return joinUrl(base, `${layer}query`, {
    ...where,
    outFields: '*',
    returnGeometry: 'true',
    outSR: p.outCrs.replace('EPSG:', ''),
    orderByFields: 'OBJECTID',
    resultOffset: p.offset,
    resultRecordCount: p.pageSize,
    f: 'geojson',
  });
}

/** Whether an ArcGIS GeoJSON page says more features follow (top level or `properties`). */
export function arcgisExceededLimit(json: unknown): boolean {
  if (typeof json !== 'object' || json === null) return false;
  const o = json as { exceededTransferLimit?: unknown; properties?: unknown };
  if (o.exceededTransferLimit === true) return true;
  const p = o.properties as { exceededTransferLimit?: unknown } | null | undefined;
  return typeof p === 'object' && p !== null && p.exceededTransferLimit === true;
}

/** The text of an ArcGIS error answer (`code: message (details)`), or undefined. */
export function arcgisErrorOf(json: unknown): string | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const err = (json as { error?: unknown }).error;
  if (typeof err !== 'object' || err === null) return undefined;
  const e = err as { code?: unknown; message?: unknown; details?: unknown };
  const message = typeof e.message === 'string' ? e.message : 'error';
  const details = Array.isArray(e.details)
    ? e.details.filter((d): d is string => typeof d === 'string' && d !== '')
    : [];
  const code = typeof e.code === 'number' || typeof e.code === 'string' ? `${e.code}: ` : '';
  return `${code}${message}${details.length > 0 ? ` (${details.join('; ')})` : ''}`;
}

/**
 * Parses an ArcGIS `f=json` query answer: `features[].attributes` become properties.
 * @throws SourceRequestError `invalid-response` when there is no `features` array.
 */
export function parseArcGisJson(json: unknown, source: AnswerSource): ParsedFeature[] {
  const features = (json as { features?: unknown } | null)?.features;
  if (!Array.isArray(features)) {
    throw invalidResponse('expected an ArcGIS query answer with "features"', source);
  }
  return features.map((f: unknown, i) => {
    const attrs = (f as { attributes?: unknown } | null)?.attributes;
    if (typeof attrs !== 'object' || attrs === null || Array.isArray(attrs)) {
      throw invalidResponse(`features[${i}] has no "attributes"`, source);
    }
    return { properties: attrs as Record<string, unknown>, geometryType: null };
  });
}

/**
 * An ArcGIS REST layer as a fact source.
 *
 * @example
 * new ArcGisRestSource({
 *   id: 'kea', url: 'https://services.arcgis.com/…/Klimaateffectatlas_…/FeatureServer', layer: 0,
 *   properties: { zone: 'gridcode' },
 * });
 */
export class ArcGisRestSource extends RemoteAreaSource implements PolygonSource {
  readonly layer: string | number | undefined;
  private format: ArcGisFormat;
  /** Records asked per page of {@link polygons} (servers cap it at their maxRecordCount). */
  readonly pageSize: number;
  /** At most this many pages per {@link polygons} call (a guard against a server that never ends). */
  readonly maxPages: number;

  constructor(options: ArcGisRestOptions & { pageSize?: number; maxPages?: number }) {
    super(options);
    this.layer = options.layer;
    this.format = options.format ?? 'geojson';
    this.pageSize = options.pageSize ?? 1000;
    this.maxPages = options.maxPages ?? 200;
  }

  /**
   * The layer's polygons in `crs`, within `bbox` (EPSG:28992; default: the source's coverage, else
   * everything), read page by page. Each feature keeps the service's properties, and the
   * configured facts with a valid value are set under their fact name (e.g. `landscapeType:
   * 'dekzand'` from `gridcode: 8000` through the value map), so the zonering layer and legend can
   * show main types. Features without a polygon geometry are left out.
   * @throws SourceRequestError on a failed request, an error answer or too many pages.
   */
  async polygons(
    crs: SupportedCrs,
    options: QueryOptions & { bbox?: readonly [number, number, number, number] } = {},
  ): Promise<PolygonFeatureCollection> {
    const { signal } = options;
    signal?.throwIfAborted();
    const bbox = options.bbox ?? this.coverageRd;
    const out: PolygonFeatureCollection = { type: 'FeatureCollection', crs, features: [] };
    await this.eachPage(bbox, crs, 'extent', signal, (json, url) => {
      const fc = json as { features?: unknown };
      if (!Array.isArray(fc.features)) {
        throw invalidResponse('expected a GeoJSON FeatureCollection', this.answerSource(url));
      }
      for (const raw of fc.features as unknown[]) {
        const f = raw as {
          id?: unknown;
          geometry?: { type?: unknown; coordinates?: unknown } | null;
          properties?: unknown;
        } | null;
        const type = f?.geometry?.type;
        if (type !== 'Polygon' && type !== 'MultiPolygon') continue;
        const props =
          typeof f?.properties === 'object' && f.properties !== null
            ? { ...(f.properties as Record<string, unknown>) }
            : {};
        for (const fact of this.okResult(props).facts) {
          if (fact.status === 'ok') props[fact.name] = fact.value;
        }
        out.features.push({
          type: 'Feature',
          ...(typeof f?.id === 'string' || typeof f?.id === 'number' ? { id: f.id } : {}),
          geometry: { type, coordinates: f?.geometry?.coordinates },
          properties: props,
        });
      }
      return fc.features.length;
    });
    return out;
  }

  /**
   * The layer's features in the grid's box (query by envelope in EPSG:28992, page by page with
   * `resultOffset` while `exceededTransferLimit`, within {@link MAX_AREA_FEATURES} /
   * {@link MAX_AREA_VERTICES} and `maxPages`), as a kansenkaart layer whose answers are those of
   * {@link query} at each cell centre (see `area-layer.ts`). The point query intersects the
   * point exactly: the layer's tolerance is the in-memory sources' boundary tolerance (1 cm).
   * A failing service or an area over budget gives a failed layer (its error result); rejects
   * only when `signal` is aborted.
   */
  protected async readAreaOrThrow(
    grid: GridSpec,
    signal: AbortSignal | undefined,
  ): Promise<AreaLayer> {
    const bbox = gridBox(grid);
    const budget = new AreaBudget(
      this.answerSource(this.url),
      MAX_AREA_FEATURES,
      MAX_AREA_VERTICES,
    );
    const features: ParsedFeature[] = [];
    await this.eachPage(bbox, 'EPSG:28992', 'area', signal, (json, url) => {
      const parsed = parseFeatureCollection(json, this.answerSource(url));
      budget.add(parsed.features);
      features.push(...parsed.features.filter((f) => f.polygon !== undefined));
      return parsed.features.length;
    });
    return this.areaLayerOf(features, 'EPSG:28992', DEFAULT_BOUNDARY_TOLERANCE_M);
  }

  /**
   * Asks for the layer's features in `bbox` (in `outCrs`) page by page (`resultOffset`) while the
   * answer has `exceededTransferLimit` and `onPage` (given each answer) returns a non-zero feature
   * count; more than `maxPages` pages is an `invalid-response` error ("give a smaller `what`").
   */
  private async eachPage(
    bbox: readonly [number, number, number, number] | undefined,
    outCrs: SupportedCrs,
    what: string,
    signal: AbortSignal | undefined,
    onPage: (json: unknown, url: string) => number,
  ): Promise<void> {
    for (let page = 0; ; page++) {
      if (page >= this.maxPages) {
        throw invalidResponse(
          `more than ${this.maxPages} pages of ${this.pageSize} features; give a smaller ${what}`,
          this.answerSource(this.url),
        );
      }
      const url = arcgisExtentQueryUrl(this.url, {
        layer: this.layer,
        bbox,
        outCrs,
        offset: page * this.pageSize,
        pageSize: this.pageSize,
      });
      const json = await this.getJson(url, signal, { errorOf: arcgisErrorOf });
      const count = onPage(json, url);
      if (!arcgisExceededLimit(json) || count === 0) return;
    }
  }

  protected async featureAt(
    rd: readonly [number, number],
    signal: AbortSignal | undefined,
  ): Promise<FoundFeature | undefined> {
    if (this.format === 'json') return (await this.ask('json', rd, signal))[0];
    try {
      return (await this.ask('geojson', rd, signal))[0];
    } catch (e) {
      if (!(e instanceof SourceRequestError) || e.code !== 'problem') throw e;
      // Perhaps a server without f=geojson: ask once in its own JSON.
      const features = await this.ask('json', rd, signal);
      this.format = 'json';
      return features[0];
    }
  }

  private async ask(
    format: ArcGisFormat,
    rd: readonly [number, number],
    signal: AbortSignal | undefined,
  ): Promise<ParsedFeature[]> {
    const url = arcgisQueryUrl(this.url, {
      ...defined({ layer: this.layer }),
      x: rd[0],
      y: rd[1],
      format,
    });
    const json = await this.getJson(url, signal, { errorOf: arcgisErrorOf });
    return format === 'geojson'
      ? parseFeatureCollection(json, this.answerSource(url)).features
      : parseArcGisJson(json, this.answerSource(url));
  }
}
