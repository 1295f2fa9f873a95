/**
 * WMS GetFeatureInfo as a fact source (the BRO Bodemkaart, Geomorfologische kaart,
 * Grondwaterspiegeldiepte, AHN on PDOK; QGIS Server; MapServer; GeoServer).
 *
 * The request describes a small synthetic map around the point: `size` × `size` pixels (default
 * 101) of `resolution` metres (default 1) in EPSG:28992, the point in the centre of the middle
 * pixel (`I` = `J` = 50). Only JSON is asked for (`INFO_FORMAT=application/json`): an OGC
 * ServiceExceptionReport or an HTML page is an error, never content. Features with
 * `geometry: null` (QGIS Server) are fine; the first feature of the answer is used.
 *
 * Services that are only queried in another CRS (the Klimaateffectatlas WMS: every known client asks
 * in EPSG:4326) take `queryCrs`: the click is reprojected and the synthetic map is drawn in that
 * CRS (WMS 1.3.0 with EPSG:4326: latitude first). A layer name ending in `*` is a prefix: the
 * newest matching layer of GetCapabilities is used (looked up once, then cached by the source).
 */
import { toCrs } from '../core/crs.js';
import { NaError } from '../core/types.js';
import type { SupportedCrs } from '../core/types.js';
import {
  capabilitiesUrl,
  fetchCapabilities,
  matchLayer,
  wmsCapabilitiesLayers,
} from './capabilities.js';
import { parseFeatureCollection } from './features.js';
import { RemoteSource, joinUrl } from './remote.js';
import type { FoundFeature, RemoteSourceOptions } from './remote.js';
import { defined } from '../core/defined.js';
import { abortable } from './once.js';

/** WMS versions this source speaks. */
export type WmsVersion = '1.3.0' | '1.1.1';

/** Options of {@link WmsSource}. */
export interface WmsOptions extends RemoteSourceOptions {
  /** Layer(s) to query (`QUERY_LAYERS`, also `LAYERS`), comma-separated. */
  layers: string;
  /** Protocol version, default `1.3.0` (`version` is the version of the data). */
  serviceVersion?: WmsVersion;
  /** Default `application/json`. */
  infoFormat?: string;
  /** Width and height of the synthetic map in pixels (odd; default 101). */
  size?: number;
  /** Metres per pixel (default 1). */
  resolution?: number;
  /** `FEATURE_COUNT` (default 1). */
  featureCount?: number;
  /** `STYLES` (default empty: the default styles). */
  styles?: string;
  /** CRS of the request (default EPSG:28992); the click is reprojected into it. */
  queryCrs?: SupportedCrs;
}

/** Parameters of {@link wmsGetFeatureInfoUrl}. */
export interface WmsGetFeatureInfoParams {
  layers: string;
  /** Point in `crs` (default EPSG:28992, metres; EPSG:4326: x = longitude, y = latitude). */
  x: number;
  y: number;
  /** CRS of the point and the map (default EPSG:28992). */
  crs?: SupportedCrs;
  version?: WmsVersion;
  infoFormat?: string;
  size?: number;
  resolution?: number;
  featureCount?: number;
  styles?: string;
}

function num(v: number, digits = 1e6): string {
  return String(Math.round(v * digits) / digits);
}

/**
 * URL of a GetFeatureInfo request for a point (pure). The map is `size` × `size` px of
 * `resolution` m around `(x, y)` in EPSG:28992 (east/north axis order in 1.3.0 and 1.1.1 alike);
 * the queried pixel `I`/`J` (1.1.1: `X`/`Y`) is the middle one, whose centre is the point.
 */
export function wmsGetFeatureInfoUrl(base: string, p: WmsGetFeatureInfoParams): string {
  const version = p.version ?? '1.3.0';
  let size = Math.max(1, Math.round(p.size ?? 101));
  if (size % 2 === 0) size += 1;
  const crs = p.crs ?? 'EPSG:28992';
  const geographic = crs === 'EPSG:4326';
  const res = p.resolution ?? (geographic ? 1e-5 : 1);
  const half = (size * res) / 2;
  const mid = (size - 1) / 2;
  const v13 = version === '1.3.0';
  // WMS 1.3.0 keeps the EPSG axis order: latitude first for EPSG:4326.
  const box =
    geographic && v13
      ? [p.y - half, p.x - half, p.y + half, p.x + half]
      : [p.x - half, p.y - half, p.x + half, p.y + half];
  const digits = geographic ? 1e9 : 1e6;
  return joinUrl(
    base,
    '',
    {
      SERVICE: 'WMS',
      VERSION: version,
      REQUEST: 'GetFeatureInfo',
      LAYERS: p.layers,
      QUERY_LAYERS: p.layers,
      STYLES: p.styles ?? '',
      [v13 ? 'CRS' : 'SRS']: crs,
      BBOX: box.map((v) => num(v, digits)).join(','),
      WIDTH: size,
      HEIGHT: size,
      [v13 ? 'I' : 'X']: mid,
      [v13 ? 'J' : 'Y']: mid,
      INFO_FORMAT: p.infoFormat ?? 'application/json',
      FEATURE_COUNT: p.featureCount ?? 1,
      FORMAT: 'image/png',
    },
    { caseInsensitive: true },
  );
}

/**
 * A WMS layer queried with GetFeatureInfo as a fact source.
 *
 * @example
 * new WmsSource({
 *   id: 'bodemkaart', title: 'BRO Bodemkaart',
 *   url: 'https://service.pdok.nl/bzk/bro-bodemkaart/wms/v1_0', layers: 'soilarea',
 *   properties: { soilCode: ['first_soilcode', 'soilcode'] },
 * });
 */
export class WmsSource extends RemoteSource {
  /** The layer(s) as configured (a name ending in `*` is a prefix). */
  readonly layers: string;
  private readonly params: Omit<WmsGetFeatureInfoParams, 'x' | 'y' | 'layers'>;
  private readonly queryCrs: SupportedCrs;
  /** The layer names found for prefixes, looked up once (while this source lives). */
  private resolved: Promise<string> | undefined;

  constructor(options: WmsOptions) {
    super(options);
    this.layers = options.layers;
    this.queryCrs = options.queryCrs ?? 'EPSG:28992';
    this.params = {
      ...defined({
        crs: options.queryCrs,
        version: options.serviceVersion,
        infoFormat: options.infoFormat,
        size: options.size,
        resolution: options.resolution,
        featureCount: options.featureCount,
        styles: options.styles,
      }),
    };
  }

  /**
   * The layer names to query: as configured, with every `name*` prefix replaced by the newest
   * matching layer of GetCapabilities (asked once; a failed look-up is asked again next time).
   * @throws SourceRequestError when GetCapabilities fails; NaError `layer-not-found` when no layer
   *   matches a prefix.
   */
  layerNames(signal?: AbortSignal): Promise<string> {
    if (!this.layers.includes('*')) return Promise.resolve(this.layers);
    // One look-up shared by concurrent queries: bounded by the source's timeout, not tied to the
    // signal of whichever query started it; each caller still stops waiting when it aborts.
    this.resolved ??= this.lookUpLayers(undefined).catch((e: unknown) => {
      this.resolved = undefined;
      throw e;
    });
    return abortable(this.resolved, signal);
  }

  private async lookUpLayers(signal: AbortSignal | undefined): Promise<string> {
    const version = this.params.version ?? '1.3.0';
    const xml = await fetchCapabilities(
      capabilitiesUrl(this.url, 'WMS', version),
      this.policyWith(signal),
    );
    const names = wmsCapabilitiesLayers(xml).map((l) => l.name);
    return this.layers
      .split(',')
      .map((pattern) => {
        const name = pattern.endsWith('*') ? matchLayer(names, pattern.trim()) : pattern;
        if (name === undefined) {
          throw new NaError(
            'layer-not-found',
            `${this.id}: no layer of ${this.url} starts with "${pattern.slice(0, -1)}" (GetCapabilities lists ${names.length} layers).`,
            { sourceId: this.id, pattern },
          );
        }
        return name;
      })
      .join(',');
  }

  protected async featureAt(
    rd: readonly [number, number],
    signal: AbortSignal | undefined,
  ): Promise<FoundFeature | undefined> {
    const [x, y] = this.queryCrs === 'EPSG:28992' ? rd : toCrs(rd, 'EPSG:28992', this.queryCrs);
    const url = wmsGetFeatureInfoUrl(this.url, {
      ...this.params,
      layers: await this.layerNames(signal),
      x,
      y,
    });
    const json = await this.getJson(url, signal);
    const { features } = parseFeatureCollection(json, this.answerSource(url));
    return features[0];
  }
}
