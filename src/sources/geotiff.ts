/**
 * A GeoTIFF raster as a fact source (e.g. AHN elevation as a Cloud Optimized GeoTIFF, or a local
 * file): reads the 1 × 1 pixel window at the point with the `geotiff` package.
 *
 * - Opened once, lazily: from a URL with HTTP range requests (through the same request policy
 *   as every remote source: time limit, retries, typed errors), or from bytes.
 * - CRS from the GeoKeys (`ProjectedCSTypeGeoKey` 28992 / 3857, or `GeographicTypeGeoKey` 4326),
 *   unless `crs` is given. The affine transform from ModelTiepoint + ModelPixelScale (or
 *   ModelTransformation without rotation); `PixelIsPoint` rasters are shifted half a pixel.
 * - Nodata from the `GDAL_NODATA` tag (the AHN files: 3.4028235e+38) and NaN → `no-data`
 *   reason `no-value`; a point outside the raster → `outside-coverage`.
 * - Band → fact: `bands: { elevation: 1 }` (1-based band numbers).
 *
 * `geotiff` is imported on first use, so bundles that never create a GeoTIFF source do not pay
 * for it.
 */
import { normalizeCrs, plausibleFor, toCrs } from '../core/crs.js';
import { FACT_NAMES, NaError } from '../core/types.js';
import type {
  Fact,
  FactName,
  FactSource,
  Location,
  Provenance,
  QueryOptions,
  SourceResult,
  SupportedCrs,
} from '../core/types.js';
import { buildProvenance, errorResult, makeFact, noDataResult } from './facts.js';
import type { ProvenanceOptions, ResultSource, ValueMap } from './facts.js';
import { SourceRequestError, anySignal, fetchWithPolicy, formatBytes, readBytes } from './http.js';
import type { FetchLike, RequestPolicy } from './http.js';
import { failureResult } from './failure.js';
import { defined } from '../core/defined.js';
import { decoderPool } from './geotiff-pool.js';
import { OnceUnlessFailed } from './once.js';
import { cellCentre, type GridSpec } from '../core/kansenkaart/compute.js';
import { failedLayer, type AreaLayer, type AreaReadOptions } from './area-layer.js';
import { localizedMessage, registerMessages } from '../core/messages.js';

/** Messages about a raster file (`geotiff` in a texts file): ICU texts, `{name}` the source. */
export const geotiffMessages = {
  unreadable: {
    nl: 'Het rasterbestand van de bron "{name}" is niet te lezen.',
    en: 'The raster file of the source "{name}" cannot be read.',
  },
  blocksTooLarge: {
    nl: 'Het rasterbestand van de bron "{name}" is opgeslagen in blokken die te groot zijn om veilig te lezen ({block} per blok, grens maxDecodedBytes = {limit}). Sla het op als Cloud Optimized GeoTIFF (tegels van 512 × 512) of verhoog de grens.',
    en: 'The raster file of the source "{name}" is stored in blocks too large to read safely ({block} per block, limit maxDecodedBytes = {limit}). Save it as a Cloud Optimized GeoTIFF (512 × 512 tiles) or raise the limit.',
  },
} as const;

registerMessages('geotiff', geotiffMessages);

/** Options of {@link GeoTiffSource}. */
export interface GeoTiffSourceOptions extends ProvenanceOptions {
  /** URL of the GeoTIFF (read with HTTP range requests; the server must allow them or send the whole file). */
  url?: string;
  /** The file's bytes, or a function that loads them (a Node file, a browser File). */
  data?: ArrayBuffer | (() => Promise<ArrayBuffer>);
  /** Fact → band number (1-based), e.g. `{ elevation: 1 }`. */
  bands: Partial<Record<FactName, number>>;
  /** CRS of the raster; overrides the GeoKeys. */
  crs?: string;
  valueMap?: ValueMap;
  /** Budget of each HTTP request in ms (default 8000). */
  timeoutMs?: number;
  retries?: number;
  backoffMs?: number;
  fetch?: FetchLike;
  /**
   * Largest decoded size of one strip or tile in bytes (default {@link DEFAULT_MAX_DECODED_BYTES}).
   * geotiff.js decodes whole blocks, so a one-pixel read of a raster stored as one huge strip
   * would decode all of it: such rasters are refused (`too-large`) before anything is decoded.
   */
  maxDecodedBytes?: number;
  /** Largest HTTP answer read, in bytes (default 16 MiB; see the request policy). */
  maxResponseBytes?: number;
  /**
   * In a browser, decode compressed blocks in a Worker, off the page's main thread (default
   * true; see `geotiff-pool.ts`). No effect in Node.
   */
  decodeInWorker?: boolean;
}

/**
 * Default bound on the decoded bytes of one strip or tile (64 MiB). A Cloud Optimized GeoTIFF tile
 * of 512 × 512 Float32 is 1 MiB; GDAL writes strips of a few kB.
 */
export const DEFAULT_MAX_DECODED_BYTES = 64 * 1024 * 1024;

/** What the source knows about its raster after opening it. */
export interface RasterInfo {
  width: number;
  height: number;
  bands: number;
  crs: SupportedCrs;
  /** Upper-left corner of the upper-left pixel, in `crs`. */
  origin: [number, number];
  /** Pixel size `[x, y]` in `crs` units (y negative for north-up rasters). */
  resolution: [number, number];
  /** Nodata value (GDAL_NODATA), or null. */
  noData: number | null;
  /** `[minX, minY, maxX, maxY]` in `crs`. */
  bbox: [number, number, number, number];
}

/** Minimal view of a geotiff.js image, for {@link pixelAt} and tests. */
interface ImageLike {
  getWidth(): number;
  getHeight(): number;
  getSamplesPerPixel(): number;
  getOrigin(): number[];
  getResolution(): number[];
  pixelIsArea(): boolean;
  getGDALNoData(): number | null;
  getGeoKeys(): Record<string, unknown> | null;
  getTileWidth(): number;
  getTileHeight(): number;
  getBytesPerPixel(): number;
  readRasters(options: {
    window: [number, number, number, number];
    samples: number[];
    interleave: false;
    signal?: AbortSignal;
    pool?: import('geotiff').Pool;
  }): Promise<ArrayLike<ArrayLike<number>>>;
}

/**
 * The pixel (column, row) that contains `(x, y)` (in the raster CRS), or undefined outside.
 * Pixels are half-open: the left/top edge belongs to the pixel, the right/bottom edge to the next.
 */
export function pixelAt(
  info: Pick<RasterInfo, 'width' | 'height' | 'origin' | 'resolution'>,
  x: number,
  y: number,
): { col: number; row: number } | undefined {
  // `+ 0` turns -0 (a point on the top edge) into 0.
  const col = Math.floor((x - info.origin[0]) / info.resolution[0]) + 0;
  const row = Math.floor((y - info.origin[1]) / info.resolution[1]) + 0;
  if (!Number.isFinite(col) || !Number.isFinite(row)) return undefined;
  if (col < 0 || row < 0 || col >= info.width || row >= info.height) return undefined;
  return { col, row };
}

/** True when `v` is the nodata value (also as Float32) or NaN. */
export function isNoData(v: number, noData: number | null): boolean {
  if (Number.isNaN(v)) return true;
  if (noData === null) return false;
  return v === noData || v === Math.fround(noData);
}

/** The supported CRS of a raster from its GeoKeys, or undefined. */
export function crsFromGeoKeys(keys: Record<string, unknown> | null): SupportedCrs | undefined {
  if (keys === null) return undefined;
  const candidates = [keys.ProjectedCSTypeGeoKey, keys.GeographicTypeGeoKey];
  for (const c of candidates) {
    if (typeof c !== 'number' || c === 32767) continue;
    try {
      return normalizeCrs(`EPSG:${c}`);
    } catch (e) {
      if (!(e instanceof NaError)) throw e;
    }
  }
  return undefined;
}

interface Opened {
  image: ImageLike;
  info: RasterInfo;
}

/**
 * A GeoTIFF raster as a {@link FactSource}. `query` never rejects except when the caller aborts.
 *
 * @example
 * const ahn = new GeoTiffSource({ id: 'ahn', url: 'https://example.org/ahn.tif', bands: { elevation: 1 } });
 */
export class GeoTiffSource implements FactSource {
  readonly id: string;
  readonly title: string;
  readonly provides: readonly FactName[];
  private readonly options: GeoTiffSourceOptions;
  private readonly provenance: Provenance;
  private readonly opened = new OnceUnlessFailed<Opened>();
  /** The last failure of an HTTP request (geotiff.js reports failed blocks without their cause). */
  private lastRequestError: unknown;

  constructor(options: GeoTiffSourceOptions) {
    if (options.url === undefined && options.data === undefined) {
      throw new NaError('not-configured', `GeoTIFF source ${options.id} needs "url" or "data".`, {
        sourceId: options.id,
      });
    }
    for (const [fact, band] of Object.entries(options.bands)) {
      if (typeof band !== 'number' || !Number.isInteger(band) || band < 1) {
        throw new NaError(
          'not-configured',
          `GeoTIFF source ${options.id}: band of "${fact}" must be a whole number ≥ 1, not ${String(band)}.`,
          { sourceId: options.id },
        );
      }
    }
    this.options = options;
    this.id = options.id;
    this.title = options.title ?? options.id;
    this.provides = FACT_NAMES.filter((n) => options.bands[n] !== undefined);
    this.provenance = buildProvenance(options);
  }

  /** Opens the raster (once) and describes it. */
  async info(options: QueryOptions = {}): Promise<RasterInfo> {
    return (await this.open(options.signal)).info;
  }

  /**
   * The band values at a location as facts. Status `ok` when a band has a value, `no-data`
   * (`outside-coverage`, `no-value`), or `error` (the raster cannot be read). Rejects only when
   * `signal` is aborted, with its reason.
   */
  async query(location: Location, options: QueryOptions = {}): Promise<SourceResult> {
    const { signal } = options;
    signal?.throwIfAborted();
    try {
      plausibleFor(location);
    } catch (e) {
      if (!(e instanceof NaError)) throw e;
      return errorResult(this.resultSource(), e.message, { code: e.code });
    }
    this.lastRequestError = undefined;
    try {
      const { image, info } = await this.open(signal);
      const [x, y] = toCrs([location.x, location.y], location.crs, info.crs);
      const where = `(${location.x}, ${location.y}) ${location.crs}`;
      const px = pixelAt(info, x, y);
      if (px === undefined) {
        return noDataResult(
          this.resultSource(),
          'outside-coverage',
          `Location ${where} is outside the raster of ${this.id}.`,
        );
      }
      const wanted = this.wantedBands(info);
      this.checkBlockSize(image);
      const samples = [...new Set(wanted.map((w) => w.band - 1))];
      // In a browser, compressed blocks are decoded in a Worker (after the size check above).
      const pool = this.options.decodeInWorker === false ? undefined : await decoderPool();
      const rasters = await image.readRasters({
        window: [px.col, px.row, px.col + 1, px.row + 1],
        samples,
        interleave: false,
        ...defined({ signal, pool }),
      });
      const values = samples.map((_, i) => rasters[i]?.[0]);
      return this.resultOf(wanted, samples, values, px, info, where);
    } catch (caught) {
      if (signal?.aborted === true) throw signal.reason;
      return this.failure(caught);
    }
  }

  /**
   * The raster's answers at the cell centres of a kansenkaart grid: the pixel under each centre
   * (the pixel {@link query} reads there), read block by block (one strip or tile per read, each
   * within `maxDecodedBytes`; only the part of a block that holds centres is asked for). A cell's
   * key is the distinct combination of the band values, -1 outside the raster. A raster that
   * cannot be read gives a failed layer (its error result); rejects only when `signal` is aborted.
   */
  async readArea(grid: GridSpec, options: AreaReadOptions = {}): Promise<AreaLayer> {
    const { signal } = options;
    signal?.throwIfAborted();
    this.lastRequestError = undefined;
    try {
      const { image, info } = await this.open(signal);
      const wanted = this.wantedBands(info);
      this.checkBlockSize(image);
      const samples = [...new Set(wanted.map((w) => w.band - 1))];
      const { cols, rows } = grid;
      const n = cols * rows;
      // The pixel under each cell centre, grouped by the raster block that holds it.
      const pixCol = new Int32Array(n).fill(-1);
      const pixRow = new Int32Array(n);
      const tw = image.getTileWidth();
      const th = image.getTileHeight();
      const blocksAcross = Math.ceil(info.width / tw);
      const byBlock = new Map<number, number[]>();
      for (let r = 0; r < rows; r++)
        for (let c = 0; c < cols; c++) {
          const [cx, cy] = cellCentre(grid, c, r);
          const [x, y] =
            info.crs === 'EPSG:28992' ? [cx, cy] : toCrs([cx, cy], 'EPSG:28992', info.crs);
          const px = pixelAt(info, x, y);
          if (px === undefined) continue;
          const i = r * cols + c;
          pixCol[i] = px.col;
          pixRow[i] = px.row;
          const b = Math.floor(px.row / th) * blocksAcross + Math.floor(px.col / tw);
          let list = byBlock.get(b);
          if (list === undefined) byBlock.set(b, (list = []));
          list.push(i);
        }
      const keys = new Int32Array(n).fill(-1);
      const keyOf = new Map<string, number>();
      const keyValues: Array<Array<number | undefined>> = [];
      const pool = this.options.decodeInWorker === false ? undefined : await decoderPool();
      for (const cells of byBlock.values()) {
        signal?.throwIfAborted();
        let c0 = Infinity;
        let r0 = Infinity;
        let c1 = -1;
        let r1 = -1;
        for (const i of cells) {
          c0 = Math.min(c0, pixCol[i]!);
          c1 = Math.max(c1, pixCol[i]!);
          r0 = Math.min(r0, pixRow[i]!);
          r1 = Math.max(r1, pixRow[i]!);
        }
        const w = c1 - c0 + 1;
        const rasters = await image.readRasters({
          window: [c0, r0, c1 + 1, r1 + 1],
          samples,
          interleave: false,
          ...defined({ signal, pool }),
        });
        for (const i of cells) {
          const at = (pixRow[i]! - r0) * w + (pixCol[i]! - c0);
          const values = samples.map((_, k) => rasters[k]?.[at]);
          const sig = values.map((v) => String(v)).join(',');
          let key = keyOf.get(sig);
          if (key === undefined) {
            key = keyValues.length;
            keyOf.set(sig, key);
            keyValues.push(values);
          }
          keys[i] = key;
        }
      }
      const x0 = grid.x0;
      const y0 = grid.y0;
      const cs = grid.cellSize;
      return {
        keyAt: (x, y) => {
          const c = Math.floor((x - x0) / cs);
          const r = Math.floor((y - y0) / cs);
          return c < 0 || r < 0 || c >= cols || r >= rows ? -1 : keys[r * cols + c]!;
        },
        resultAt: (key, [x, y]) => {
          const where = `(${x}, ${y}) EPSG:28992`;
          const [rx, ry] =
            info.crs === 'EPSG:28992' ? [x, y] : toCrs([x, y], 'EPSG:28992', info.crs);
          const px = pixelAt(info, rx, ry);
          const values = keyValues[key];
          if (px === undefined || values === undefined)
            return noDataResult(
              this.resultSource(),
              'outside-coverage',
              `Location ${where} is outside the raster of ${this.id}.`,
            );
          return this.resultOf(wanted, samples, values, px, info, where);
        },
      };
    } catch (caught) {
      if (signal?.aborted === true) throw signal.reason;
      return failedLayer(this.failure(caught));
    }
  }

  /** The bands asked for, each with its fact. @throws NaError when a band does not exist. */
  private wantedBands(info: RasterInfo): Array<{ name: FactName; band: number }> {
    const wanted = this.provides.map((n) => ({ name: n, band: this.options.bands[n] as number }));
    const missingBand = wanted.find((w) => w.band > info.bands);
    if (missingBand !== undefined) {
      throw new NaError(
        'not-configured',
        `${this.id}: band ${missingBand.band} of "${missingBand.name}" does not exist (the raster has ${info.bands}).`,
        { sourceId: this.id },
      );
    }
    return wanted;
  }

  /** The answer at a pixel from its values (one per sample). */
  private resultOf(
    wanted: ReadonlyArray<{ name: FactName; band: number }>,
    samples: readonly number[],
    values: ReadonlyArray<number | undefined>,
    px: { col: number; row: number },
    info: RasterInfo,
    where: string,
  ): SourceResult {
    const facts: Fact[] = [];
    for (const w of wanted) {
      const v = values[samples.indexOf(w.band - 1)];
      if (v === undefined || isNoData(v, info.noData)) {
        facts.push({
          name: w.name,
          status: 'no-data',
          reason: 'no-value',
          message: `Nodata at pixel (${px.col}, ${px.row}) of band ${w.band}.`,
          provenance: this.provenance,
        } as Fact);
      } else {
        facts.push(makeFact(w.name, v, `band ${w.band}`, this.provenance, this.options.valueMap));
      }
    }
    if (facts.length > 0 && facts.every((f) => f.status === 'no-data')) {
      return {
        sourceId: this.id,
        title: this.title,
        status: 'no-data',
        reason: 'no-value',
        message: `No value in ${this.id} at ${where} (nodata).`,
        facts,
      };
    }
    return { sourceId: this.id, title: this.title, status: 'ok', facts };
  }

  /** The error result of anything thrown while reading the raster. */
  private failure(caught: unknown): SourceResult {
    let e = unwrap(caught);
    if (!(e instanceof NaError) && this.lastRequestError !== undefined) e = this.lastRequestError;
    return failureResult(this.resultSource(), e, (message) => ({
      message: `${this.id}: cannot read the GeoTIFF: ${message}`,
      code: 'invalid-response',
      userMessage: localizedMessage(geotiffMessages, 'unreadable', { name: this.title }),
    }));
  }

  private open(signal: AbortSignal | undefined): Promise<Opened> {
    return this.opened.get(() => this.doOpen(signal));
  }

  private async doOpen(signal: AbortSignal | undefined): Promise<Opened> {
    const geotiff = await import('geotiff');
    let tiff: { getImage(index?: number): Promise<unknown> };
    const data = this.options.data;
    if (data !== undefined) {
      const bytes = typeof data === 'function' ? await data() : data;
      tiff = await geotiff.fromArrayBuffer(bytes, signal);
    } else {
      const policy: RequestPolicy = {
        sourceId: this.id,
        sourceTitle: this.title,
        ...defined({
          timeoutMs: this.options.timeoutMs,
          retries: this.options.retries,
          backoffMs: this.options.backoffMs,
          fetchImpl: this.options.fetch,
        }),
        ...defined({ maxResponseBytes: this.options.maxResponseBytes }),
      };
      const client = makeClient(geotiff, this.options.url as string, policy, (e) => {
        this.lastRequestError = e;
      });
      tiff = await geotiff.fromCustomClient(client, { allowFullFile: true }, signal);
    }
    const image = (await tiff.getImage(0)) as ImageLike;
    return { image, info: this.describe(image) };
  }

  /** Refuses rasters whose strips or tiles decode to more than the limit (before decoding). */
  private checkBlockSize(image: ImageLike): void {
    const max = this.options.maxDecodedBytes ?? DEFAULT_MAX_DECODED_BYTES;
    const w = image.getTileWidth();
    const h = Math.min(image.getTileHeight(), image.getHeight());
    const bytes = w * h * image.getBytesPerPixel();
    if (!Number.isFinite(bytes) || bytes > max) {
      throw new SourceRequestError(
        'too-large',
        `${this.id}: one strip or tile of the GeoTIFF is ${w} × ${h} pixels, ${bytes} bytes decoded, over the limit maxDecodedBytes = ${max}; not decoded.`,
        localizedMessage(geotiffMessages, 'blocksTooLarge', {
          name: this.title,
          block: formatBytes(bytes),
          limit: formatBytes(max),
        }),
        { sourceId: this.id, limit: 'maxDecodedBytes', max, blockBytes: bytes },
      );
    }
  }

  private describe(image: ImageLike): RasterInfo {
    const crs =
      this.options.crs !== undefined
        ? normalizeCrs(this.options.crs)
        : crsFromGeoKeys(image.getGeoKeys());
    if (crs === undefined) {
      throw new NaError(
        'unsupported-crs',
        `${this.id}: the GeoTIFF's CRS (GeoKeys ${JSON.stringify(image.getGeoKeys())}) is not supported; give "crs" (EPSG:28992, EPSG:4326 or EPSG:3857).`,
        { sourceId: this.id },
      );
    }
    let origin: number[];
    let resolution: number[];
    try {
      origin = image.getOrigin();
      resolution = image.getResolution();
    } catch (e) {
      throw new NaError(
        'invalid-geotiff',
        `${this.id}: the GeoTIFF has no georeferencing (${e instanceof Error ? e.message : String(e)}).`,
        { sourceId: this.id },
      );
    }
    const rx = resolution[0] as number;
    const ry = resolution[1] as number;
    let ox = origin[0] as number;
    let oy = origin[1] as number;
    if (!image.pixelIsArea()) {
      // PixelIsPoint: the tie point is the centre of the first pixel.
      ox -= rx / 2;
      oy -= ry / 2;
    }
    const width = image.getWidth();
    const height = image.getHeight();
    const x2 = ox + width * rx;
    const y2 = oy + height * ry;
    return {
      width,
      height,
      bands: image.getSamplesPerPixel(),
      crs,
      origin: [ox, oy],
      resolution: [rx, ry],
      noData: image.getGDALNoData(),
      bbox: [Math.min(ox, x2), Math.min(oy, y2), Math.max(ox, x2), Math.max(oy, y2)],
    };
  }

  private resultSource(): ResultSource {
    return { id: this.id, title: this.title, provides: this.provides, provenance: this.provenance };
  }
}

/** geotiff.js wraps failed block reads in an AggregateError: find our typed error inside. */
function unwrap(e: unknown, depth = 0): unknown {
  if (depth > 3 || !(e instanceof AggregateError)) return e;
  const inner = e.errors.map((x: unknown) => unwrap(x, depth + 1));
  return (
    inner.find((x) => x instanceof SourceRequestError) ??
    inner.find((x) => x instanceof NaError) ??
    e
  );
}

type GeoTiffModule = typeof import('geotiff');

/** A geotiff.js client whose requests go through {@link fetchWithPolicy}. */
function makeClient(
  geotiff: GeoTiffModule,
  url: string,
  policy: RequestPolicy,
  onError: (e: unknown) => void,
): InstanceType<GeoTiffModule['BaseClient']> {
  class PolicyResponse extends geotiff.BaseResponse {
    constructor(
      private readonly response: Response,
      private readonly onError: (e: unknown) => void,
    ) {
      super();
    }
    override get ok(): boolean {
      return this.response.ok;
    }
    override get status(): number {
      return this.response.status;
    }
    override getHeader(name: string): string | undefined {
      return this.response.headers.get(name) ?? undefined;
    }
    override async getData(): Promise<ArrayBuffer> {
      try {
        return await readBytes(this.response);
      } catch (e) {
        this.onError(e);
        throw e;
      }
    }
  }
  class PolicyClient extends geotiff.BaseClient {
    override async request(options: RequestInit = {}): Promise<PolicyResponse> {
      const headers: Record<string, string> = {};
      new Headers(options.headers).forEach((v, k) => {
        headers[k] = v;
      });
      const signal =
        options.signal === undefined || options.signal === null
          ? policy.signal
          : policy.signal === undefined
            ? options.signal
            : anySignal([options.signal, policy.signal]);
      try {
        const response = await fetchWithPolicy(this.url, {
          ...policy,
          headers,
          ...defined({ signal }),
        });
        if (!response.ok) await readBytes(response); // throws the typed error
        return new PolicyResponse(response, onError);
      } catch (e) {
        onError(e);
        throw e;
      }
    }
  }
  return new PolicyClient(url);
}
