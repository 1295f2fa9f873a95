/**
 * What every remote fact source shares: options, provenance, the request policy, the coverage
 * check and turning failures into `error` results (with the SourceRequestError's code and user
 * message) instead of exceptions. The kinds (OGC API Features, WFS, WMS, ArcGIS REST) only build
 * URLs, parse their answers and pick the feature at the point.
 */
import { boxToCrs, plausibleFor, toCrs } from '../core/crs.js';
import { FACT_NAMES, NaError } from '../core/types.js';
import type {
  FactName,
  FactSource,
  FloodKind,
  Location,
  NoDataReason,
  Provenance,
  QueryOptions,
  SourceResult,
  SupportedCrs,
} from '../core/types.js';
import { buildProvenance, errorResult, factsFromProperties, noDataResult } from './facts.js';
import type {
  ClassMap,
  NoDataMarker,
  PropertyRef,
  ProvenanceOptions,
  ReadOptions,
  ResultSource,
  ValueMap,
} from './facts.js';
import { requestJson } from './http.js';
import type { FetchLike, ReadJsonOptions, RequestPolicy } from './http.js';
import { defined } from '../core/defined.js';
import { failureResult } from './failure.js';
import {
  failedLayer,
  polygonLayer,
  type AreaFeature,
  type AreaLayer,
  type AreaReadOptions,
  type AreaSource,
} from './area-layer.js';
import type { GridSpec } from '../core/kansenkaart/compute.js';

/** Options every remote source takes. */
export interface RemoteSourceOptions extends ProvenanceOptions {
  /** Base URL of the service (an endpoint; its own query parameters are kept). */
  url: string;
  /**
   * Fact → property of the feature found (or a list of names; the first present one is used),
   * e.g. `{ soilCode: ['first_soilcode', 'soilcode'] }`.
   */
  properties?: Partial<Record<FactName, PropertyRef>>;
  /** Translations of property values per fact (see `facts.ts`). */
  valueMap?: ValueMap;
  /** Values by which the service marks "no data here" (see `facts.ts`), e.g. `["nodata", -9999]`. */
  noData?: readonly NoDataMarker[];
  /** Per fact: legend class of the source → the range it stands for (see `facts.ts`). */
  classes?: ClassMap;
  /** Kind of flooding of this source's `floodDepth` (rain on the street or a breach). */
  floodKind?: FloodKind;
  /** Properties to pass on as `detail` of the result (display only, no fact). */
  detail?: readonly string[];
  /** Budget of one query in ms (default 8000). */
  timeoutMs?: number;
  /** Retries for network errors and HTTP 502/503/504 (default 2). */
  retries?: number;
  /** Base of the retry backoff in ms (default 200). */
  backoffMs?: number;
  /** The fetch implementation (default: the global `fetch`). */
  fetch?: FetchLike;
  /** Largest answer read, in bytes (default 16 MiB): reading stops there (`too-large`). */
  maxResponseBytes?: number;
  /**
   * Where the source has data, `[minX, minY, maxX, maxY]` in `coverageCrs`: points outside give
   * `outside-coverage` without a request. Also the extent of `polygons()` where supported.
   */
  coverage?: readonly [number, number, number, number];
  /** CRS of `coverage` (default EPSG:28992). */
  coverageCrs?: SupportedCrs;
}

/** The feature found at a point: its properties (any geometry is the kind's business). */
export interface FoundFeature {
  properties: Record<string, unknown>;
}

/**
 * Base of the remote sources. `query` never rejects except when the caller aborts (with the
 * signal's reason): a failing service gives a result with status `error`, reason `source-error`,
 * `code` (see `SourceRequestError`) and `userMessage`.
 */
export abstract class RemoteSource implements FactSource {
  readonly id: string;
  readonly title: string;
  readonly provides: readonly FactName[];
  /** Base URL of the service. */
  readonly url: string;
  protected readonly provenance: Provenance;
  protected readonly propertyRefs: Partial<Record<FactName, PropertyRef>>;
  protected readonly valueMap: ValueMap | undefined;
  /** How raw values are read (no-data markers, classes, flood kind; see `facts.ts`). */
  protected readonly read: ReadOptions;
  protected readonly detailProperties: readonly string[];
  protected readonly coverageRd: readonly [number, number, number, number] | undefined;
  private readonly policy: Omit<RequestPolicy, 'signal'>;

  constructor(options: RemoteSourceOptions) {
    this.id = options.id;
    this.title = options.title ?? options.id;
    this.url = options.url;
    this.propertyRefs = { ...(options.properties ?? {}) };
    this.provides = FACT_NAMES.filter((n) => this.propertyRefs[n] !== undefined);
    this.valueMap = options.valueMap;
    this.read = {
      ...defined({
        noData: options.noData,
        classes: options.classes,
        floodKind: options.floodKind,
      }),
    };
    this.detailProperties = options.detail ?? [];
    this.provenance = buildProvenance(options);
    this.coverageRd =
      options.coverage === undefined
        ? undefined
        : boxToCrs(options.coverage, options.coverageCrs ?? 'EPSG:28992', 'EPSG:28992');
    this.policy = {
      sourceId: this.id,
      sourceTitle: this.title,
      ...defined({
        timeoutMs: options.timeoutMs,
        retries: options.retries,
        backoffMs: options.backoffMs,
        fetchImpl: options.fetch,
      }),
      ...defined({ maxResponseBytes: options.maxResponseBytes }),
    };
  }

  /**
   * Facts at a location (any supported CRS). Resolves with status `ok` (a feature was found),
   * `no-data` (`no-feature`, `outside-coverage`) or `error` (the service failed, or the location
   * does not fit its CRS). Rejects only when `signal` is aborted, with its reason.
   */
  async query(location: Location, options: QueryOptions = {}): Promise<SourceResult> {
    const { signal } = options;
    signal?.throwIfAborted();
    let rd: [number, number];
    try {
      plausibleFor(location);
      rd = toCrs([location.x, location.y], location.crs, 'EPSG:28992');
    } catch (e) {
      if (!(e instanceof NaError)) throw e;
      return errorResult(this.resultSource(), e.message, { code: e.code });
    }
    const where = `(${location.x}, ${location.y}) ${location.crs}`;
    const c = this.coverageRd;
    if (c !== undefined && (rd[0] < c[0] || rd[0] > c[2] || rd[1] < c[1] || rd[1] > c[3])) {
      return this.noData(
        'outside-coverage',
        `Location ${where} is outside the coverage of ${this.id}.`,
      );
    }
    let found: FoundFeature | undefined;
    try {
      found = await this.featureAt(rd, signal);
    } catch (e) {
      if (signal?.aborted === true) throw signal.reason;
      return this.failure(e);
    }
    if (found === undefined) {
      return this.noData('no-feature', `No feature of ${this.id} at ${where}.`);
    }
    return this.okResult(found.properties);
  }

  /**
   * The feature at a point in EPSG:28992 (metres), or undefined when there is none.
   * Throws SourceRequestError (or NaError) on failure; rejects with the signal's reason on abort.
   */
  protected abstract featureAt(
    rd: readonly [number, number],
    signal: AbortSignal | undefined,
  ): Promise<FoundFeature | undefined>;

  /**
   * The kansenkaart layer of the features read for an area (see `area-layer.ts`): each cell centre
   * gets the answer {@link query} gives there, built by the same code (`okResult`, `noData`).
   * @param tolerance - the point query's tolerance around the point, in m
   */
  protected areaLayerOf(
    features: readonly AreaFeature[],
    crs: SupportedCrs,
    tolerance: number,
  ): AreaLayer {
    return polygonLayer(features, crs, {
      id: this.id,
      tolerance,
      coverageRd: this.coverageRd,
      resultOf: (found, reason, [x, y]) => {
        if (found !== undefined) return this.okResult(found);
        const where = `(${x}, ${y}) EPSG:28992`;
        return reason === 'outside-coverage'
          ? this.noData(
              'outside-coverage',
              `Location ${where} is outside the coverage of ${this.id}.`,
            )
          : this.noData('no-feature', `No feature of ${this.id} at ${where}.`);
      },
    });
  }

  /** GETs JSON under this source's request policy. */
  protected getJson(
    url: string,
    signal: AbortSignal | undefined,
    options: ReadJsonOptions = {},
  ): Promise<unknown> {
    return requestJson(url, { ...this.policy, ...defined({ signal }) }, options);
  }

  /** The request policy with the caller's signal. */
  protected policyWith(signal: AbortSignal | undefined): RequestPolicy {
    return { ...this.policy, ...defined({ signal }) };
  }

  /** Who answers, for error messages of parsers. */
  protected answerSource(url: string): { sourceId: string; name: string; url: string } {
    return { sourceId: this.id, name: this.title, url };
  }

  protected okResult(properties: Record<string, unknown>): SourceResult {
    const result: SourceResult = {
      sourceId: this.id,
      title: this.title,
      status: 'ok',
      facts: factsFromProperties(properties, this.propertyRefs, this.provenance, {
        provides: this.provides,
        missing: 'error',
        ...this.read,
        ...defined({ valueMap: this.valueMap }),
      }),
    };
    const detail = pickDetail(properties, this.detailProperties);
    if (detail !== undefined) result.detail = detail;
    return result;
  }

  protected noData(reason: NoDataReason, message: string): SourceResult {
    return noDataResult(this.resultSource(), reason, message);
  }

  /** An error result from anything thrown by a query. */
  protected failure(e: unknown): SourceResult {
    return failureResult(this.resultSource(), e, (message) => ({
      message: `${this.id}: ${message}`,
      code: 'error',
    }));
  }

  protected resultSource(): ResultSource {
    return { id: this.id, title: this.title, provides: this.provides, provenance: this.provenance };
  }
}

/**
 * A {@link RemoteSource} that also reads whole areas ({@link AreaSource}): a subclass reads the
 * area in {@link readAreaOrThrow}; `readArea` rejects at once when `signal` is already aborted and
 * turns a failure (not an abort) into a {@link failedLayer} with the error result
 * {@link RemoteSource.query} would give.
 */
export abstract class RemoteAreaSource extends RemoteSource implements AreaSource {
  async readArea(grid: GridSpec, { signal }: AreaReadOptions = {}): Promise<AreaLayer> {
    signal?.throwIfAborted();
    try {
      return await this.readAreaOrThrow(grid, signal);
    } catch (e) {
      if (signal?.aborted === true) throw signal.reason;
      return failedLayer(this.failure(e));
    }
  }

  /** The area layer of the grid's box; throws on failure, rejects with the signal's reason on abort. */
  protected abstract readAreaOrThrow(
    grid: GridSpec,
    signal: AbortSignal | undefined,
  ): Promise<AreaLayer>;
}

/** The chosen detail properties of a feature (scalars only), or undefined when none is present. */
export function pickDetail(
  properties: Readonly<Record<string, unknown>>,
  names: readonly string[],
): Record<string, string | number | boolean | null> | undefined {
  let out: Record<string, string | number | boolean | null> | undefined;
  for (const n of names) {
    const v = Object.prototype.hasOwnProperty.call(properties, n) ? properties[n] : undefined;
    if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
      out ??= {};
      Object.defineProperty(out, n, {
        value: v,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }
  return out;
}

/**
 * Joins a service base URL, a path (may contain its own query) and parameters. The base's own
 * query parameters (e.g. QGIS Server's `MAP=`) are kept; `params` override same-named ones
 * (case-insensitively for OGC keys when `caseInsensitive`).
 */
export function joinUrl(
  base: string,
  path: string,
  params: Readonly<Record<string, string | number | undefined>>,
  options: { caseInsensitive?: boolean } = {},
): string {
  const u = new URL(base);
  if (path !== '') {
    const [p, q] = splitOnce(path, '?');
    const dir = u.pathname.endsWith('/') ? u.pathname : `${u.pathname}/`;
    u.pathname = dir + p.replace(/^\/+/, '');
    if (q !== undefined) {
      for (const [k, v] of new URLSearchParams(q)) u.searchParams.set(k, v);
    }
  }
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined) continue;
    if (options.caseInsensitive === true) {
      for (const existing of [...u.searchParams.keys()]) {
        if (existing.toLowerCase() === k.toLowerCase() && existing !== k) {
          u.searchParams.delete(existing);
        }
      }
    }
    u.searchParams.set(k, String(v));
  }
  return u.href;
}

function splitOnce(s: string, sep: string): [string, string | undefined] {
  const i = s.indexOf(sep);
  return i < 0 ? [s, undefined] : [s.slice(0, i), s.slice(i + 1)];
}
