/**
 * WMS GetFeatureInfo as a fact source (the BRO Bodemkaart, Geomorfologische kaart,
 * Grondwaterspiegeldiepte, AHN on PDOK; QGIS Server; MapServer; GeoServer).
 *
 * The request describes a small synthetic map around the point: `size` × `size` pixels (default
 * 101) of `resolution` metres (default 1) in EPSG:28992, the point in the centre of the middle
 * pixel (`I` = `J` = 50). Only JSON is asked for (`INFO_FORMAT=application/json`): an OGC
 * ServiceExceptionReport or an HTML page is an error, never content. Features with
 * `geometry: null` (QGIS Server) are fine; the first feature of the answer is used.
 */
import { parseFeatureCollection } from './features.js';
import { RemoteSource, joinUrl } from './remote.js';
import type { FoundFeature, RemoteSourceOptions } from './remote.js';

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
}

/** Parameters of {@link wmsGetFeatureInfoUrl}. */
export interface WmsGetFeatureInfoParams {
  layers: string;
  /** Point in EPSG:28992 (metres). */
  x: number;
  y: number;
  version?: WmsVersion;
  infoFormat?: string;
  size?: number;
  resolution?: number;
  featureCount?: number;
  styles?: string;
}

function num(v: number): string {
  return String(Math.round(v * 1e6) / 1e6);
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
  const res = p.resolution ?? 1;
  const half = (size * res) / 2;
  const mid = (size - 1) / 2;
  const v13 = version === '1.3.0';
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
      [v13 ? 'CRS' : 'SRS']: 'EPSG:28992',
      BBOX: [p.x - half, p.y - half, p.x + half, p.y + half].map(num).join(','),
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
  readonly layers: string;
  private readonly params: Omit<WmsGetFeatureInfoParams, 'x' | 'y' | 'layers'>;

  constructor(options: WmsOptions) {
    super(options);
    this.layers = options.layers;
    this.params = {
      ...(options.serviceVersion === undefined ? {} : { version: options.serviceVersion }),
      ...(options.infoFormat === undefined ? {} : { infoFormat: options.infoFormat }),
      ...(options.size === undefined ? {} : { size: options.size }),
      ...(options.resolution === undefined ? {} : { resolution: options.resolution }),
      ...(options.featureCount === undefined ? {} : { featureCount: options.featureCount }),
      ...(options.styles === undefined ? {} : { styles: options.styles }),
    };
  }

  protected async featureAt(
    rd: readonly [number, number],
    signal: AbortSignal | undefined,
  ): Promise<FoundFeature | undefined> {
    const url = wmsGetFeatureInfoUrl(this.url, {
      ...this.params,
      layers: this.layers,
      x: rd[0],
      y: rd[1],
    });
    const json = await this.getJson(url, signal);
    const { features } = parseFeatureCollection(json, this.answerSource(url));
    return features[0];
  }
}
