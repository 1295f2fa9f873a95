/**
 * ArcGIS REST (FeatureServer / MapServer layer `query`) as a fact source, e.g. the
 * Klimaateffectatlas "Basiskaart natuurlijk systeem" FeatureServer.
 *
 * The point query asks `geometry=x,y&geometryType=esriGeometryPoint&inSR=28992&
 * spatialRel=esriSpatialRelIntersects&outFields=*&f=geojson`. Servers older than 10.4 do not know
 * `f=geojson`: after an ArcGIS error answer the source asks once more with `f=json`
 * (`features[].attributes`) and keeps to that format when it works.
 *
 * ArcGIS reports errors as JSON `{"error":{"code":400,"message":"…","details":[…]}}`, often with
 * HTTP 200: that is a `problem` error, never data.
 */
import { SourceRequestError, invalidResponse } from './http.js';
import { parseFeatureCollection } from './features.js';
import type { AnswerSource, ParsedFeature } from './features.js';
import { RemoteSource, joinUrl } from './remote.js';
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
export class ArcGisRestSource extends RemoteSource {
  readonly layer: string | number | undefined;
  private format: ArcGisFormat;

  constructor(options: ArcGisRestOptions) {
    super(options);
    this.layer = options.layer;
    this.format = options.format ?? 'geojson';
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
