/**
 * WFS GetFeature (2.0.0 and 1.1.0) as a fact source: a BBOX filter around the point, GeoJSON
 * output, then the exact point-in-polygon test on the answer.
 *
 * Axis order: requests are made in EPSG:28992 by default, whose axis order (easting, northing) is
 * the same in every WFS version, which avoids the EPSG:4326 trap. When `srsName` EPSG:4326 is
 * chosen, the BBOX is written as `urn:ogc:def:crs:EPSG::4326` in latitude/longitude order (WFS 1.1
 * and 2.0 alike) and the answer is tried in both axis orders, since servers differ in what they
 * write in GeoJSON.
 */
import { boxToCrs, toCrs } from '../core/crs.js';
import type { GridSpec } from '../core/kansenkaart/compute.js';
import {
  AREA_PAGE_SIZE,
  MAX_AREA_FEATURES,
  MAX_AREA_VERTICES,
  gridBox,
  type AreaLayer,
} from './area-layer.js';
import { AreaBudget, parseFeatureCollection, pickFeatureAt } from './features.js';
import type { ParsedFeature } from './features.js';
import { DEFAULT_BOUNDARY_TOLERANCE_M } from './geojson.js';
import { invalidResponse } from './http.js';
import { RemoteAreaSource, joinUrl } from './remote.js';
import type { FoundFeature, RemoteSourceOptions } from './remote.js';

/** WFS versions this source speaks. */
export type WfsVersion = '2.0.0' | '1.1.0';

/** Options of {@link WfsSource}. */
export interface WfsOptions extends RemoteSourceOptions {
  /** Feature type name, e.g. `fysischgeografischeregios:fysischgeografischeregios`. */
  typeName: string;
  /** Protocol version, default `2.0.0` (`version` is the version of the data). */
  serviceVersion?: WfsVersion;
  /** Default `application/json`; PDOK: `application/json;subtype=geojson`. */
  outputFormat?: string;
  /** Request CRS: EPSG:28992 (default) or EPSG:4326. */
  srsName?: 'EPSG:28992' | 'EPSG:4326';
  /** Half-size of the BBOX around the point in metres (default 0.5). */
  tolerance?: number;
  /** Maximum number of features (`COUNT` / `MAXFEATURES`, default 10). */
  count?: number;
}

/** Parameters of {@link wfsGetFeatureUrl}. */
export interface WfsGetFeatureParams {
  typeName: string;
  version?: WfsVersion;
  outputFormat?: string;
  /** `[minX, minY, maxX, maxY]` in `srsName`, x = easting/longitude. */
  bbox: readonly [number, number, number, number];
  srsName?: 'EPSG:28992' | 'EPSG:4326';
  count?: number;
  /** Index of the first feature (`STARTINDEX`, for paging); omitted when undefined. */
  startIndex?: number;
}

function num(v: number): string {
  return String(Math.round(v * 1e8) / 1e8);
}

/**
 * URL of a GetFeature request with a BBOX filter (pure). The BBOX is written in the axis order
 * of its CRS identifier: `EPSG:28992` east/north (all versions); `urn:ogc:def:crs:EPSG::4326`
 * lat/lon (so `bbox` x/y are swapped for EPSG:4326).
 */
export function wfsGetFeatureUrl(base: string, p: WfsGetFeatureParams): string {
  const version = p.version ?? '2.0.0';
  const srs = p.srsName ?? 'EPSG:28992';
  const [minX, minY, maxX, maxY] = p.bbox;
  const code = srs === 'EPSG:4326' ? '4326' : '28992';
  const urn = `urn:ogc:def:crs:EPSG::${code}`;
  const coords = srs === 'EPSG:4326' ? [minY, minX, maxY, maxX] : [minX, minY, maxX, maxY];
  const crsId = srs === 'EPSG:4326' ? urn : 'EPSG:28992';
  const bbox = `${coords.map(num).join(',')},${crsId}`;
  const v2 = version === '2.0.0';
  return joinUrl(
    base,
    '',
    {
      SERVICE: 'WFS',
      VERSION: version,
      REQUEST: 'GetFeature',
      [v2 ? 'TYPENAMES' : 'TYPENAME']: p.typeName,
      SRSNAME: srs === 'EPSG:4326' ? urn : 'EPSG:28992',
      BBOX: bbox,
      OUTPUTFORMAT: p.outputFormat ?? 'application/json',
      [v2 ? 'COUNT' : 'MAXFEATURES']: p.count ?? 10,
      STARTINDEX: p.startIndex,
    },
    { caseInsensitive: true },
  );
}

/**
 * A WFS feature type as a fact source.
 *
 * @example
 * new WfsSource({
 *   id: 'fgr', url: 'https://service.pdok.nl/ez/fysischgeografischeregios/wfs/v1_0',
 *   typeName: 'fysischgeografischeregios:fysischgeografischeregios',
 *   outputFormat: 'application/json;subtype=geojson', properties: { landscapeType: 'fgr' },
 * });
 */
export class WfsSource extends RemoteAreaSource {
  readonly typeName: string;
  readonly serviceVersion: WfsVersion;
  private readonly outputFormat: string;
  private readonly srsName: 'EPSG:28992' | 'EPSG:4326';
  private readonly tolerance: number;
  private readonly count: number;

  constructor(options: WfsOptions) {
    super(options);
    this.typeName = options.typeName;
    this.serviceVersion = options.serviceVersion ?? '2.0.0';
    this.outputFormat = options.outputFormat ?? 'application/json';
    this.srsName = options.srsName ?? 'EPSG:28992';
    this.tolerance = options.tolerance ?? 0.5;
    this.count = options.count ?? 10;
  }

  protected async featureAt(
    rd: readonly [number, number],
    signal: AbortSignal | undefined,
  ): Promise<FoundFeature | undefined> {
    const ll = this.srsName === 'EPSG:4326';
    const [x, y] = ll ? toCrs(rd, 'EPSG:28992', 'EPSG:4326') : [rd[0], rd[1]];
    const t = ll ? this.tolerance / 111_000 : this.tolerance;
    const url = wfsGetFeatureUrl(this.url, {
      typeName: this.typeName,
      version: this.serviceVersion,
      outputFormat: this.outputFormat,
      bbox: [x - t, y - t, x + t, y + t],
      srsName: this.srsName,
      count: this.count,
    });
    const json = await this.getJson(url, signal);
    const { features } = parseFeatureCollection(json, this.answerSource(url));
    const b = ll ? DEFAULT_BOUNDARY_TOLERANCE_M / 111_000 : DEFAULT_BOUNDARY_TOLERANCE_M;
    const hit: ParsedFeature | undefined =
      pickFeatureAt(features, [x, y], t, b) ??
      (ll ? pickFeatureAt(features, [y, x], t, b) : undefined);
    if (hit !== undefined || ll) return hit;
    // Some servers write GeoJSON in CRS84 (lon/lat, as RFC 7946 says) whatever SRSNAME asks:
    // QGIS Server 3.22 does. RD coordinates are never within ±180/±90, so such an answer is
    // recognisable: test the point in lon/lat then (else every point would silently be no-data).
    if (!features.some((f) => f.polygon !== undefined && looksLonLat(f.polygon))) return undefined;
    const [lon, lat] = toCrs(rd, 'EPSG:28992', 'EPSG:4326');
    return pickFeatureAt(
      features,
      [lon, lat],
      this.tolerance / 111_000,
      DEFAULT_BOUNDARY_TOLERANCE_M / 111_000,
    );
  }

  /**
   * The features of the grid's box, page by page (`STARTINDEX`, {@link AREA_PAGE_SIZE} asked per
   * page; a server's smaller pages are followed until its `numberMatched` is read or a page is
   * empty; within {@link MAX_AREA_FEATURES} / {@link MAX_AREA_VERTICES}), as a kansenkaart layer whose
   * answers are those of {@link query} at each cell centre (see `area-layer.ts`).
   * A failing service or an area over budget gives a failed layer (its error result); rejects
   * only when `signal` is aborted.
   */
  protected async readAreaOrThrow(
    grid: GridSpec,
    signal: AbortSignal | undefined,
  ): Promise<AreaLayer> {
    const ll = this.srsName === 'EPSG:4326';
    const rdBox = gridBox(grid);
    const box = ll ? boxToCrs(rdBox, 'EPSG:28992', 'EPSG:4326') : rdBox;
    const budget = new AreaBudget(
      this.answerSource(this.url),
      MAX_AREA_FEATURES,
      MAX_AREA_VERTICES,
    );
    const features: ParsedFeature[] = [];
    let firstId: unknown;
    let firstShort = false;
    let matched: number | undefined;
    // Servers cap a page below COUNT (GeoServer's maxFeatures, MapServer's wfs_maxfeatures, …):
    // a short page is not the last. Page on from the features actually read until the server's
    // numberMatched is reached or a page is empty.
    for (let page = 0, read = 0; ; page++) {
      const url = wfsGetFeatureUrl(this.url, {
        typeName: this.typeName,
        version: this.serviceVersion,
        outputFormat: this.outputFormat,
        bbox: box,
        srsName: this.srsName,
        count: AREA_PAGE_SIZE,
        startIndex: read,
      });
      const json = await this.getJson(url, signal);
      const parsed = parseFeatureCollection(json, this.answerSource(url));
      const first = parsed.features[0];
      if (page === 0) {
        firstId = first?.id;
        firstShort = parsed.features.length < AREA_PAGE_SIZE;
        matched = parsed.numberMatched;
      } else if (first !== undefined && first.id !== undefined && first.id === firstId) {
        // Without numberMatched, a first page shorter than COUNT that comes again is a server
        // that ignores STARTINDEX and sent all in one page (WFS 1.x): done.
        if (matched === undefined && firstShort) break;
        // A server that ignores STARTINDEX sends the first page again: never a complete read.
        throw invalidResponse(
          'the server ignores STARTINDEX (the next page repeats the first); give a smaller area',
          this.answerSource(url),
        );
      }
      budget.add(parsed.features);
      features.push(...parsed.features.filter((f) => f.polygon !== undefined));
      read += parsed.features.length;
      if (parsed.features.length === 0 || (matched !== undefined && read >= matched)) break;
    }
    // In what CRS and axis order the answer came: asked in RD, QGIS Server 3.22 writes CRS84
    // anyway (see featureAt); asked in EPSG:4326, servers write lat/lon or lon/lat.
    const sample = features.find((f) => f.polygon !== undefined)?.polygon;
    let crs: 'EPSG:28992' | 'EPSG:4326' = ll ? 'EPSG:4326' : 'EPSG:28992';
    if (!ll && sample !== undefined && looksLonLat(sample)) crs = 'EPSG:4326';
    const p = sample === undefined ? undefined : firstPosition(sample);
    if (
      crs === 'EPSG:4326' &&
      p !== undefined &&
      latLonOrder(p, boxToCrs(rdBox, 'EPSG:28992', 'EPSG:4326'))
    )
      for (const f of features) f.polygon = swapAxes(f.polygon!);
    return this.areaLayerOf(features, crs, this.tolerance);
  }
}

/** The first position of a (Multi)Polygon. */
function firstPosition(polygon: NonNullable<ParsedFeature['polygon']>): number[] | undefined {
  const c = polygon.coordinates as unknown;
  return (
    polygon.type === 'MultiPolygon'
      ? (c as number[][][][])[0]?.[0]?.[0]
      : (c as number[][][])[0]?.[0]
  ) as number[] | undefined;
}

/** The geometry with x and y of every position swapped. */
function swapAxes(
  polygon: NonNullable<ParsedFeature['polygon']>,
): NonNullable<ParsedFeature['polygon']> {
  const ring = (r: number[][]): number[][] => r.map(([a, b, ...rest]) => [b!, a!, ...rest]);
  return polygon.type === 'Polygon'
    ? { type: 'Polygon', coordinates: (polygon.coordinates as number[][][]).map(ring) }
    : {
        type: 'MultiPolygon',
        coordinates: (polygon.coordinates as number[][][][]).map((p) => p.map(ring)),
      };
}

/** True when the first position of a (Multi)Polygon lies within ±180 / ±90 (lon/lat). */
function looksLonLat(polygon: NonNullable<ParsedFeature['polygon']>): boolean {
  const c = polygon.coordinates as unknown;
  const first = (
    polygon.type === 'MultiPolygon'
      ? (c as number[][][][])[0]?.[0]?.[0]
      : (c as number[][][])[0]?.[0]
  ) as number[] | undefined;
  if (first === undefined) return false;
  const [px, py] = first as [number, number];
  return Math.abs(px) <= 180 && Math.abs(py) <= 90;
}

/**
 * Whether a position of an answer in degrees is in latitude/longitude order: it is nearer to the
 * asked lon/lat box swapped than as it is.
 */
function latLonOrder(
  p: readonly number[],
  box: readonly [number, number, number, number],
): boolean {
  const dist = (x: number, y: number): number =>
    Math.max(0, box[0] - x, x - box[2]) + Math.max(0, box[1] - y, y - box[3]);
  const [a, b] = p as [number, number];
  return dist(b, a) < dist(a, b);
}
