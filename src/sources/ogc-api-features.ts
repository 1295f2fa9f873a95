/**
 * OGC API Features as a fact source (PDOK's api.pdok.nl, QGIS Server's `/wfs3`, pygeoapi, …).
 *
 * A point query asks for the items in a tiny bbox around the point (±`tolerance` m) and keeps the
 * polygon that really contains the point (`@turf/boolean-point-in-polygon`), following `next`
 * links (bounded by `maxPages`) until one does.
 *
 * CRS: servers spell the RD New URI differently (PDOK `http://www.opengis.net/def/crs/EPSG/0/28992`,
 * QGIS Server `…/EPSG/9.6.2/28992`, and QGIS rejects the other form). Give `crsUri`, or the
 * source reads the collection's `crs` list once (`/collections/{id}`), uses the server's own URI
 * for EPSG:28992 and caches it; a server without RD is asked in its default CRS84 (lon/lat).
 */
import { boxToCrs, normalizeCrs, toCrs } from '../core/crs.js';
import { NaError } from '../core/types.js';
import type {
  PolygonFeatureCollection,
  PolygonSource,
  QueryOptions,
  SupportedCrs,
} from '../core/types.js';
import type { GridSpec } from '../core/kansenkaart/compute.js';
import {
  AREA_PAGE_SIZE,
  MAX_AREA_FEATURES,
  MAX_AREA_VERTICES,
  gridBox,
  type AreaLayer,
} from './area-layer.js';
import { factsFromProperties } from './facts.js';
import {
  AreaBudget,
  containingFeature,
  nextLink,
  parseFeatureCollection,
  pickFeatureAt,
  tooComplex,
} from './features.js';
import type { ParsedFeature } from './features.js';
import { DEFAULT_BOUNDARY_TOLERANCE_M, reproject } from './geojson.js';
import { SourceRequestError, invalidResponse } from './http.js';
import { RemoteAreaSource, joinUrl } from './remote.js';
import type { FoundFeature, RemoteSourceOptions } from './remote.js';
import { defined } from '../core/defined.js';
import { OnceUnlessFailed } from './once.js';

/** Default items path: PDOK / pygeoapi / ldproxy style, JSON asked with `f=json`. */
export const DEFAULT_ITEMS_PATH = 'collections/{collection}/items?f=json';
/** QGIS Server's items path. */
export const QGIS_ITEMS_PATH = 'wfs3/collections/{collection}/items.json';
/** OGC URI of CRS84 (lon/lat), the default CRS of OGC API Features. */
export const CRS84_URI = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';

/** Options of {@link OgcApiFeaturesSource}. */
export interface OgcApiFeaturesOptions extends RemoteSourceOptions {
  /** Collection id. */
  collection: string;
  /**
   * Items path relative to `url`, with `{collection}`; may carry a query. Default
   * {@link DEFAULT_ITEMS_PATH}; QGIS Server: {@link QGIS_ITEMS_PATH}.
   */
  itemsPath?: string;
  /** Collection document path; default: the items path without `/items`. */
  collectionPath?: string;
  /** The server's URI for EPSG:28992; default: discovered from the collection document. */
  crsUri?: string;
  /** Half-size of the query box around the point in metres (default 0.5). */
  tolerance?: number;
  /** `limit` of a point query (default 10). */
  limit?: number;
  /** Pages followed for a point query (default 5). */
  maxPages?: number;
  /** `limit` per page of {@link OgcApiFeaturesSource.polygons} (default 1000). */
  pageSize?: number;
  /** Pages followed by {@link OgcApiFeaturesSource.polygons} (default 20). */
  maxPolygonPages?: number;
}

/** Parameters of {@link ogcItemsUrl}. */
export interface OgcItemsParams {
  collection: string;
  itemsPath?: string;
  /** `[minX, minY, maxX, maxY]` in `bboxCrs`. */
  bbox?: readonly [number, number, number, number];
  /** Full URI of the bbox CRS; omitted (CRS84) when undefined. */
  bboxCrs?: string;
  /** Full URI of the response CRS; omitted (CRS84) when undefined. */
  crs?: string;
  limit?: number;
}

function fillCollection(path: string, collection: string): string {
  return path.split('{collection}').join(encodeURIComponent(collection));
}

/** URL of the items of a collection (pure). */
export function ogcItemsUrl(base: string, p: OgcItemsParams): string {
  const path = fillCollection(p.itemsPath ?? DEFAULT_ITEMS_PATH, p.collection);
  return joinUrl(base, path, {
    bbox: p.bbox === undefined ? undefined : p.bbox.map(num).join(','),
    'bbox-crs': p.bbox === undefined ? undefined : p.bboxCrs,
    crs: p.crs,
    limit: p.limit,
  });
}

/** URL of the collection document (pure): `collectionPath`, else the items path minus `/items`. */
export function ogcCollectionUrl(
  base: string,
  p: { collection: string; itemsPath?: string; collectionPath?: string },
): string {
  const items = p.itemsPath ?? DEFAULT_ITEMS_PATH;
  const path = p.collectionPath ?? items.replace(/\/items(?=[.?]|$)/, '');
  return joinUrl(base, fillCollection(path, p.collection), {});
}

/**
 * The server's own URI for `target` in a collection document's `crs` list (or `storageCrs`), e.g.
 * `http://www.opengis.net/def/crs/EPSG/9.6.2/28992`; undefined when it does not list it.
 */
export function findCrsUri(collection: unknown, target: SupportedCrs): string | undefined {
  if (typeof collection !== 'object' || collection === null) return undefined;
  const c = collection as { crs?: unknown; storageCrs?: unknown };
  const list = [...(Array.isArray(c.crs) ? (c.crs as unknown[]) : []), c.storageCrs];
  for (const u of list) {
    if (typeof u !== 'string') continue;
    if (/CRS84$/i.test(u)) continue; // CRS84 is lon/lat of WGS 84, not the EPSG:4326 axis order
    try {
      if (normalizeCrs(u) === target) return u;
    } catch (e) {
      if (!(e instanceof NaError)) throw e;
    }
  }
  return undefined;
}

/** The spatial extent `[minLon, minLat, maxLon, maxLat]` (CRS84) of a collection document. */
export function collectionExtent(
  collection: unknown,
): [number, number, number, number] | undefined {
  const bbox = (collection as { extent?: { spatial?: { bbox?: unknown } } } | null)?.extent?.spatial
    ?.bbox;
  const first = Array.isArray(bbox) ? (bbox[0] as unknown) : undefined;
  if (!Array.isArray(first) || first.length < 4) return undefined;
  const n = (first as unknown[]).map(Number);
  if (!n.every(Number.isFinite)) return undefined;
  // 2D [minx, miny, maxx, maxy] or 3D [minx, miny, minz, maxx, maxy, maxz].
  return n.length >= 6
    ? [n[0] as number, n[1] as number, n[3] as number, n[4] as number]
    : [n[0] as number, n[1] as number, n[2] as number, n[3] as number];
}

function num(v: number): string {
  return String(Math.round(v * 1e6) / 1e6);
}

/** How a server is asked: in RD with its own URI, or in CRS84. */
interface CrsChoice {
  /** URI for `crs` and `bbox-crs`; undefined = CRS84 (parameters omitted). */
  uri: string | undefined;
  crs: 'EPSG:28992' | 'EPSG:4326';
}

/**
 * An OGC API Features collection as a {@link PolygonSource}.
 *
 * @example
 * const fgr = new OgcApiFeaturesSource({
 *   id: 'fgr', title: "Fysisch-Geografische Regio's",
 *   url: 'https://api.pdok.nl/rvo/fysisch-geografische-regios/ogc/v1',
 *   collection: 'fysisch_geografische_regios', properties: { landscapeType: 'naam' },
 * });
 */
export class OgcApiFeaturesSource extends RemoteAreaSource implements PolygonSource {
  readonly collection: string;
  private readonly itemsPath: string;
  private readonly collectionPath: string | undefined;
  private readonly tolerance: number;
  private readonly limit: number;
  private readonly maxPages: number;
  private readonly pageSize: number;
  private readonly maxPolygonPages: number;
  private readonly crsChoice: OnceUnlessFailed<CrsChoice>;
  private collectionDoc: unknown;
  private readonly polygonCache = new Map<SupportedCrs, PolygonFeatureCollection>();
  private polygonFeatures:
    Promise<{ features: ParsedFeature[]; crs: 'EPSG:28992' | 'EPSG:4326' }> | undefined;

  constructor(options: OgcApiFeaturesOptions) {
    super(options);
    this.collection = options.collection;
    this.itemsPath = options.itemsPath ?? DEFAULT_ITEMS_PATH;
    this.collectionPath = options.collectionPath;
    this.tolerance = options.tolerance ?? 0.5;
    this.limit = options.limit ?? 10;
    this.maxPages = options.maxPages ?? 5;
    this.pageSize = options.pageSize ?? 1000;
    this.maxPolygonPages = options.maxPolygonPages ?? 20;
    this.crsChoice = new OnceUnlessFailed(
      options.crsUri === undefined ? undefined : { uri: options.crsUri, crs: 'EPSG:28992' },
    );
  }

  /** URL of the collection document. */
  collectionUrl(): string {
    return ogcCollectionUrl(this.url, {
      collection: this.collection,
      itemsPath: this.itemsPath,
      ...defined({ collectionPath: this.collectionPath }),
    });
  }

  protected async featureAt(
    rd: readonly [number, number],
    signal: AbortSignal | undefined,
  ): Promise<FoundFeature | undefined> {
    const choice = await this.chooseCrs(signal);
    const point =
      choice.crs === 'EPSG:28992' ? [rd[0], rd[1]] : toCrs(rd, 'EPSG:28992', 'EPSG:4326');
    const t = choice.crs === 'EPSG:28992' ? this.tolerance : this.tolerance / 111_000;
    const [x, y] = point as [number, number];
    let url: string | undefined = this.itemsUrl(
      [x - t, y - t, x + t, y + t],
      choice.uri,
      this.limit,
    );
    const b =
      choice.crs === 'EPSG:28992'
        ? DEFAULT_BOUNDARY_TOLERANCE_M
        : DEFAULT_BOUNDARY_TOLERANCE_M / 111_000;
    // A polygon that contains the point wins over one that only comes within the tolerance
    // (pickFeatureAt), also when it is on a later page.
    let near: ParsedFeature | undefined;
    for (let page = 0; url !== undefined && page < this.maxPages; page++) {
      const json = await this.getJson(url, signal);
      const parsed = parseFeatureCollection(json, this.answerSource(url));
      const hit = containingFeature(parsed.features, [x, y], b);
      if (hit !== undefined) return hit;
      near ??= pickFeatureAt(parsed.features, [x, y], t, b);
      url = nextLink(parsed.links, url);
    }
    return near;
  }

  /**
   * The polygons in the source's `coverage` (or, without one, the collection's own extent), in
   * `crs`, with configured facts set under their fact names. Follows `next` links up to
   * `maxPolygonPages` pages of `pageSize`. Cached per CRS.
   * @throws SourceRequestError when the service fails; NaError `not-configured` without an extent.
   */
  async polygons(crs: SupportedCrs, options: QueryOptions = {}): Promise<PolygonFeatureCollection> {
    const { signal } = options;
    signal?.throwIfAborted();
    const target = normalizeCrs(crs);
    const cached = this.polygonCache.get(target);
    if (cached !== undefined) return cached;
    let fetched = this.polygonFeatures;
    if (fetched === undefined) {
      fetched = this.fetchPolygons(signal);
      this.polygonFeatures = fetched;
      // A failure is not kept: the next call tries again.
      fetched.catch(() => {
        if (this.polygonFeatures === fetched) this.polygonFeatures = undefined;
      });
    }
    const { features, crs: from } = await fetched;
    const out: PolygonFeatureCollection = {
      type: 'FeatureCollection',
      crs: target,
      features: features.map((f, i) => {
        const polygon = f.polygon as NonNullable<ParsedFeature['polygon']>;
        const geometry = from === target ? polygon : reproject(polygon, from, target);
        const properties: Record<string, unknown> = { ...f.properties };
        for (const fact of factsFromProperties(f.properties, this.propertyRefs, this.provenance, {
          provides: this.provides,
          ...defined({ valueMap: this.valueMap }),
        })) {
          if (fact.status === 'ok') properties[fact.name] = fact.value;
        }
        return { type: 'Feature' as const, id: f.id ?? i, geometry, properties };
      }),
    };
    this.polygonCache.set(target, out);
    return out;
  }

  private async fetchPolygons(
    signal: AbortSignal | undefined,
  ): Promise<{ features: ParsedFeature[]; crs: 'EPSG:28992' | 'EPSG:4326' }> {
    const choice = await this.chooseCrs(signal);
    let extentRd = this.coverageRd;
    if (extentRd === undefined) {
      const doc = this.collectionDoc ?? (await this.getJson(this.collectionUrl(), signal));
      this.collectionDoc = doc;
      const ll = collectionExtent(doc);
      if (ll === undefined) {
        throw new NaError(
          'not-configured',
          `${this.id}: polygons() needs a coverage (extent); the collection document gives none.`,
          { sourceId: this.id },
        );
      }
      extentRd = boxToCrs(ll, 'EPSG:4326', 'EPSG:28992');
    }
    const box = boxToCrs(extentRd, 'EPSG:28992', choice.crs);
    let url: string | undefined = this.itemsUrl(box, choice.uri, this.pageSize);
    const features: ParsedFeature[] = [];
    for (let page = 0; url !== undefined && page < this.maxPolygonPages; page++) {
      const json = await this.getJson(url, signal);
      const parsed = parseFeatureCollection(json, this.answerSource(url));
      features.push(...parsed.features.filter((f) => f.polygon !== undefined));
      url = nextLink(parsed.links, url);
    }
    return { features, crs: choice.crs };
  }

  /**
   * The items in the grid's box (`items?bbox=`, {@link AREA_PAGE_SIZE} per page, following `next`
   * links, within {@link MAX_AREA_FEATURES} / {@link MAX_AREA_VERTICES}), as a kansenkaart layer
   * whose answers are those of {@link query} at each cell centre (see `area-layer.ts`). Never a
   * partial read: a `next` link beyond the budget's pages is a `too-complex` error.
   * A failing service or an area over budget gives a failed layer (its error result); rejects
   * only when `signal` is aborted.
   */
  protected async readAreaOrThrow(
    grid: GridSpec,
    signal: AbortSignal | undefined,
  ): Promise<AreaLayer> {
    const choice = await this.chooseCrs(signal);
    const rdBox = gridBox(grid);
    const box = boxToCrs(rdBox, 'EPSG:28992', choice.crs);
    const source = this.answerSource(this.url);
    const budget = new AreaBudget(source, MAX_AREA_FEATURES, MAX_AREA_VERTICES);
    let url: string | undefined = this.itemsUrl(box, choice.uri, AREA_PAGE_SIZE);
    const maxPages = Math.ceil(MAX_AREA_FEATURES / AREA_PAGE_SIZE) + 1;
    const features: ParsedFeature[] = [];
    let matched: number | undefined;
    let read = 0;
    for (let page = 0; url !== undefined; page++) {
      if (page >= maxPages)
        throw tooComplex(source, 'maxAreaPages', maxPages, `more than ${maxPages} pages`);
      const json = await this.getJson(url, signal);
      const parsed = parseFeatureCollection(json, this.answerSource(url));
      if (page === 0) matched = parsed.numberMatched;
      budget.add(parsed.features);
      features.push(...parsed.features.filter((f) => f.polygon !== undefined));
      read += parsed.features.length;
      url = nextLink(parsed.links, url);
    }
    // Pages capped below `limit` are followed by their `next` links; a server that says it has
    // more than it gave, without a link to the rest, would give a partial map.
    if (matched !== undefined && read < matched)
      throw invalidResponse(
        `the server matched ${matched} features in the area but its pages gave ${read}, without a next link to the rest`,
        source,
      );
    return this.areaLayerOf(features, choice.crs, this.tolerance);
  }

  /** The first items page in `bbox`, asked and answered in the server's `crsUri` (if it has one). */
  private itemsUrl(
    bbox: readonly [number, number, number, number],
    crsUri: string | undefined,
    limit: number,
  ): string {
    return ogcItemsUrl(this.url, {
      collection: this.collection,
      itemsPath: this.itemsPath,
      bbox,
      bboxCrs: crsUri,
      crs: crsUri,
      limit,
    });
  }
  /** The CRS to ask in: the configured URI, else discovered once from the collection document. */
  private chooseCrs(signal: AbortSignal | undefined): Promise<CrsChoice> {
    return this.crsChoice.get(() => this.discoverCrs(signal));
  }

  private async discoverCrs(signal: AbortSignal | undefined): Promise<CrsChoice> {
    try {
      const doc = await this.getJson(this.collectionUrl(), signal);
      this.collectionDoc = doc;
      const uri = findCrsUri(doc, 'EPSG:28992');
      return uri === undefined ? { uri: undefined, crs: 'EPSG:4326' } : { uri, crs: 'EPSG:28992' };
    } catch (e) {
      // No collection document (4xx): ask in the default CRS84, which every server supports.
      if (
        e instanceof SourceRequestError &&
        (e.code === 'problem' || e.code === 'http-status') &&
        typeof e.details.status === 'number' &&
        e.details.status >= 400 &&
        e.details.status < 500
      ) {
        return { uri: undefined, crs: 'EPSG:4326' };
      }
      throw e;
    }
  }
}
