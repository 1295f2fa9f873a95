/**
 * A FlatGeobuf file as a fact source, read by range: a municipality serves a national layer
 * (BKNSN, Bodemkaart, Gt) as one `.fgb` from any static web server or object store, and a point
 * check fetches only the header, the index nodes on the way down the packed Hilbert R-tree, and
 * the features whose boxes hold the point.
 *
 * The file format is decoded with the `flatgeobuf` package (header, features → GeoJSON); the tree
 * walk is done here, level by level with one range request per level (the header request also
 * carries the top levels of the tree), so every byte goes through the project's http layer
 * (time limit, retries, the caller's AbortSignal, typed errors) and a check can count its
 * requests and bytes. The candidates are answered by an in-memory {@link GeoJsonSource} with the
 * same rules as every polygon source (boundary tolerance, lowest feature index wins).
 *
 * Prepare the file with GDAL: `ogr2ogr -f FlatGeobuf -explodecollections out.fgb in.gpkg`
 * (explode dissolved multipolygons, so the index holds parts, not country-sized boxes).
 */
import * as flatbuffers from 'flatbuffers';
import { fromByteBuffer } from 'flatgeobuf/lib/mjs/header-meta.js';
import type { HeaderMeta } from 'flatgeobuf/lib/mjs/header-meta.js';
import { Feature as FgbFeature } from 'flatgeobuf/lib/mjs/flat-geobuf/feature.js';
import { fromFeature } from 'flatgeobuf/lib/mjs/geojson/feature.js';
import { generateLevelBounds, NODE_ITEM_BYTE_LEN } from 'flatgeobuf/lib/mjs/packedrtree.js';
import { boxToCrs, normalizeCrs, plausibleFor, toCrs } from '../core/crs.js';
import { FACT_NAMES, NaError } from '../core/types.js';
import type {
  FactName,
  FactSource,
  LocalizedText,
  Location,
  QueryOptions,
  SourceResult,
  SupportedCrs,
} from '../core/types.js';
import { buildProvenance, errorResult, noDataResult, provenanceOf } from './facts.js';
import type { ProvenanceOptions } from './facts.js';
import { DEFAULT_BOUNDARY_TOLERANCE_M, GeoJsonSource } from './geojson.js';
import { SourceRequestError, fetchWithPolicy, readBytes } from './http.js';
import type { FetchLike } from './http.js';
import { defined } from '../core/defined.js';
import { OnceUnlessFailed } from './once.js';
import type { GridSpec } from '../core/kansenkaart/compute.js';
import {
  MAX_AREA_FEATURES,
  failedLayer,
  gridBox,
  type AreaLayer,
  type AreaReadOptions,
} from './area-layer.js';
import { tooComplex } from './features.js';
import { localizedMessage, registerMessages } from '../core/messages.js';

/** Messages about a FlatGeobuf file (`flatgeobuf` in a texts file): `{name}` is the source. */
export const flatgeobufMessages = {
  noRangeSupport: {
    nl: 'De server van "{name}" ondersteunt geen deelverzoeken (HTTP Range) en stuurde het hele bestand. Zet het .fgb-bestand op een server die Range ondersteunt.',
    en: 'The server of "{name}" does not support partial requests (HTTP Range) and sent the whole file. Serve the .fgb file from a server that supports Range.',
  },
  invalid: {
    nl: 'Het bestand van "{name}" is geen bruikbaar FlatGeobuf-bestand met ruimtelijke index.',
    en: 'The file of "{name}" is not a usable FlatGeobuf file with a spatial index.',
  },
} as const;

registerMessages('flatgeobuf', flatgeobufMessages);

const MAGIC = [0x66, 0x67, 0x62, 0x03];
/** Bytes read by the first request: magic, header and the top levels of the tree (for 100,000 features with node size 16: the top four levels, 419 nodes, 17 kB). */
const HEAD_BYTES = 32 * 1024;
/** Ranges closer than this are read as one request. */
const MERGE_GAP = 64 * 1024;

/** Reads byte ranges of one file. */
export interface RangeReader {
  /** Bytes `[offset, offset + length)`; fewer only at the end of the file. */
  read(offset: number, length: number, signal?: AbortSignal): Promise<ArrayBuffer>;
}

/** Counts of what a {@link FlatGeobufSource} read (for benchmarks and tests). */
export interface RangeStats {
  requests: number;
  bytes: number;
}

/** Options of {@link httpRangeReader}. */
export interface HttpRangeOptions {
  fetch?: FetchLike;
  timeoutMs?: number;
  retries?: number;
  sourceId?: string;
}

/**
 * A {@link RangeReader} over HTTP(S) `Range` requests, through the project's http layer. A server
 * that ignores `Range` (answers 200 with the whole file) is an error, `no-range-support`, that
 * says so, instead of silently downloading a national file.
 */
export function httpRangeReader(url: string, options: HttpRangeOptions = {}): RangeReader {
  return {
    async read(offset, length, signal) {
      const response = await fetchWithPolicy(url, {
        ...defined({
          fetchImpl: options.fetch,
          timeoutMs: options.timeoutMs,
          retries: options.retries,
          sourceId: options.sourceId,
          signal,
        }),
        headers: { Range: `bytes=${offset}-${offset + length - 1}` },
      });
      if (response.status === 200) {
        await response.body?.cancel();
        throw new NaError(
          'no-range-support',
          `The server of ${url} does not answer HTTP Range requests (it sent the whole file, status 200). ` +
            'Serve the .fgb from a server that supports Range (any static web server or object store does), ' +
            'and expose Content-Range to the page (CORS: Access-Control-Expose-Headers: Content-Range).',
          {
            url,
            status: 200,
            ...defined({ sourceId: options.sourceId }),
          },
        );
      }
      if (response.status === 416) {
        await response.body?.cancel();
        return new ArrayBuffer(0);
      }
      // Other statuses become the http layer's typed errors (http-status, html-response, …).
      return readBytes(response);
    },
  };
}

/** A {@link RangeReader} over bytes in memory (a local file the CLI has read). */
export function bufferRangeReader(bytes: ArrayBuffer): RangeReader {
  return {
    read(offset, length) {
      return Promise.resolve(bytes.slice(offset, Math.min(bytes.byteLength, offset + length)));
    },
  };
}

/** Options of {@link FlatGeobufSource}. */
export interface FlatGeobufSourceOptions extends ProvenanceOptions {
  title: string;
  /** Where the bytes come from: {@link httpRangeReader} or {@link bufferRangeReader}. */
  reader: RangeReader;
  /** Which property of a feature holds which fact, e.g. `{ zone: 'BKNSN_code' }`. */
  properties: Partial<Record<FactName, string>>;
  /** CRS of the data; default: the file's own CRS (EPSG code in the header), else EPSG:4326. */
  crs?: string;
  boundaryTolerance?: number;
}

interface Opened {
  header: HeaderMeta;
  crs: SupportedCrs;
  /** Byte offset of the tree. */
  treeStart: number;
  /** Byte offset of the features. */
  featuresStart: number;
  levels: Array<[number, number]>;
  /** The first {@link HEAD_BYTES} of the file (header and the top of the tree), kept. */
  head: Uint8Array;
}

/**
 * A {@link FactSource} over a FlatGeobuf file with a spatial index, read by range.
 *
 * @example
 * const src = new FlatGeobufSource({ id: 'bknsn', title: 'BKNSN', properties: { zone: 'code' },
 *   reader: httpRangeReader('https://example.org/bknsn.fgb') });
 */
export class FlatGeobufSource implements FactSource {
  readonly id: string;
  readonly title: string;
  readonly provides: readonly FactName[];
  /** Requests and bytes read so far. */
  readonly stats: RangeStats = { requests: 0, bytes: 0 };

  private readonly options: FlatGeobufSourceOptions;
  private readonly opened = new OnceUnlessFailed<Opened>();

  constructor(options: FlatGeobufSourceOptions) {
    this.options = options;
    this.id = options.id;
    this.title = options.title;
    this.provides = FACT_NAMES.filter((n) => options.properties[n] !== undefined);
  }

  /**
   * Facts at a location. Resolves with `ok`, `no-data` (`no-feature` / `outside-coverage`) or
   * `error` (unreadable file, no range support, location that does not fit its CRS); rejects only
   * when `signal` is aborted.
   */
  async query(location: Location, options: QueryOptions = {}): Promise<SourceResult> {
    const signal = options.signal;
    signal?.throwIfAborted();
    try {
      plausibleFor(location);
    } catch (e) {
      if (!(e instanceof NaError)) throw e;
      return errorResult(this.resultSource(), e.message);
    }
    let file: Opened;
    let features: unknown[];
    let x: number;
    let y: number;
    try {
      file = await this.open(signal);
      [x, y] = toCrs([location.x, location.y], location.crs, file.crs);
      const env = file.header.envelope;
      if (env !== null && env.length >= 4 && !inEnvelope(x, y, env, file.crs)) {
        return noDataResult(
          this.resultSource(),
          'outside-coverage',
          `Location (${location.x}, ${location.y}) ${location.crs} is outside the coverage of ${this.id}.`,
        );
      }
      const tol = file.crs === 'EPSG:4326' ? 1e-6 : (this.options.boundaryTolerance ?? 0.01);
      features = await this.featuresIn(file, [x - tol, y - tol, x + tol, y + tol], signal);
    } catch (e) {
      signal?.throwIfAborted();
      return this.failure(e);
    }
    const candidates = this.inMemory(file, features, [x - 1, y - 1, x + 1, y + 1]);
    return candidates.query(location, defined({ signal }));
  }

  /**
   * Features read from `file` as an in-memory {@link GeoJsonSource} with this source's rules
   * (properties, boundary tolerance), covering the file's envelope, else `fallback` (if given).
   */
  private inMemory(
    file: Opened,
    features: unknown[],
    fallback?: [number, number, number, number],
  ): GeoJsonSource {
    const env = file.header.envelope;
    const coverage: [number, number, number, number] | undefined =
      env !== null && env.length >= 4
        ? ([env[0], env[1], env[2], env[3]] as [number, number, number, number])
        : fallback;
    return new GeoJsonSource({
      ...provenanceOf(this.options),
      title: this.title,
      data: { type: 'FeatureCollection', features },
      crs: file.crs,
      properties: this.options.properties,
      boundaryTolerance: this.options.boundaryTolerance ?? DEFAULT_BOUNDARY_TOLERANCE_M,
      coverage,
    });
  }

  /**
   * The features in the grid's box (one walk of the tree and range reads of the features, within
   * {@link MAX_AREA_FEATURES}), as a kansenkaart layer whose answers are those of {@link query} at
   * each cell centre: the same in-memory {@link GeoJsonSource} rules over the same features in
   * file order (see `area-layer.ts`). A file that cannot be read gives a failed layer (its error
   * result); rejects only when `signal` is aborted.
   */
  async readArea(grid: GridSpec, options: AreaReadOptions = {}): Promise<AreaLayer> {
    const { signal } = options;
    signal?.throwIfAborted();
    try {
      const file = await this.open(signal);
      const rd = gridBox(grid);
      const box = boxToCrs(rd, 'EPSG:28992', file.crs);
      const features = await this.featuresIn(file, box, signal, MAX_AREA_FEATURES);
      const layer = this.inMemory(file, features);
      const results = new Map<number, SourceResult>();
      return {
        keyAt: (x, y) => layer.cellKeyAt(x, y),
        resultAt: (key, [x, y]) => {
          let r = results.get(key);
          if (r === undefined) {
            r = layer.answerAt(x, y);
            results.set(key, r);
          }
          return r;
        },
      };
    } catch (e) {
      signal?.throwIfAborted();
      return failedLayer(this.failure(e));
    }
  }

  /**
   * The features whose boxes meet `box` (given in `boxCrs`), as GeoJSON in the file's CRS (in file
   * order, each with its feature index as `id`): one walk of the tree and range reads of the
   * features, for a map layer that loads per view extent (`src/map/zonering-fgb.ts`). Over
   * `limits.maxFeatures` hits, or over `limits.maxBytes` bytes of features to read, it throws a
   * `too-complex` {@link SourceRequestError} before any feature is read. Rejects with the abort
   * reason when `signal` is aborted, and with the typed errors of the http layer or a `NaError`
   * (`no-range-support`, `invalid-flatgeobuf`) when the file cannot be read; see
   * {@link flatgeobufUserMessage} for their Dutch and English words.
   */
  async readBox(
    box: readonly [number, number, number, number],
    boxCrs: SupportedCrs,
    options: { signal?: AbortSignal; maxFeatures?: number; maxBytes?: number } = {},
  ): Promise<{ crs: SupportedCrs; features: unknown[] }> {
    const { signal } = options;
    signal?.throwIfAborted();
    const file = await this.open(signal);
    const features = await this.featuresIn(
      file,
      boxToCrs(box, boxCrs, file.crs),
      signal,
      options.maxFeatures ?? Infinity,
      options.maxBytes ?? Infinity,
    );
    return { crs: file.crs, features };
  }

  /** The error result of anything thrown while reading the file. */
  private failure(e: unknown): SourceResult {
    if (e instanceof SourceRequestError) {
      return errorResult(this.resultSource(), e.message, {
        code: e.code,
        userMessage: e.userMessage,
      });
    }
    if (e instanceof NaError) {
      const userMessage = userMessageOf(e, this.title);
      return errorResult(this.resultSource(), e.message, {
        code: e.code,
        ...defined({ userMessage }),
      });
    }
    return errorResult(
      this.resultSource(),
      `${this.id}: cannot read the FlatGeobuf file: ${e instanceof Error ? e.message : String(e)}`,
    );
  }

  /** Header of the file (reads it on first use). */
  async header(signal?: AbortSignal): Promise<HeaderMeta> {
    return (await this.open(signal)).header;
  }

  private resultSource(): Parameters<typeof errorResult>[0] {
    return {
      id: this.id,
      title: this.title,
      provides: this.provides,
      provenance: buildProvenance(this.options),
    };
  }

  private async read(offset: number, length: number, signal?: AbortSignal): Promise<Uint8Array> {
    const buf = await this.options.reader.read(offset, length, signal);
    this.stats.requests++;
    this.stats.bytes += buf.byteLength;
    return new Uint8Array(buf);
  }

  private open(signal?: AbortSignal): Promise<Opened> {
    return this.opened.get(() => this.readHeader(signal));
  }

  private async readHeader(signal?: AbortSignal): Promise<Opened> {
    const head = await this.read(0, HEAD_BYTES, signal);
    if (head.length < 12 || !MAGIC.every((b, i) => head[i] === b)) {
      throw new NaError('invalid-flatgeobuf', `${this.id}: the file is not a FlatGeobuf file.`);
    }
    const headerLength = new DataView(head.buffer, head.byteOffset + 8, 4).getUint32(0, true);
    let headerBytes: Uint8Array;
    if (12 + headerLength <= head.length) {
      headerBytes = head.subarray(8, 12 + headerLength);
    } else {
      headerBytes = await this.read(8, 4 + headerLength, signal);
    }
    const header = fromByteBuffer(new flatbuffers.ByteBuffer(headerBytes));
    if (header.indexNodeSize === 0 || header.featuresCount === 0) {
      throw new NaError(
        'invalid-flatgeobuf',
        `${this.id}: the FlatGeobuf file has no spatial index; write it with one (ogr2ogr -lco SPATIAL_INDEX=YES, the default).`,
      );
    }
    const code = header.crs?.code ?? 0;
    const crs = normalizeCrs(this.options.crs ?? (code > 0 ? `EPSG:${code}` : 'EPSG:4326'));
    const levels = generateLevelBounds(header.featuresCount, header.indexNodeSize);
    const treeStart = 12 + headerLength;
    const nodes = (levels[0] as [number, number])[1];
    return {
      header,
      crs,
      treeStart,
      featuresStart: treeStart + nodes * NODE_ITEM_BYTE_LEN,
      levels,
      head,
    };
  }

  /** Reads nodes `[from, to)` of the tree: from the kept head when it holds them. */
  private async nodes(
    file: Opened,
    from: number,
    to: number,
    signal?: AbortSignal,
  ): Promise<DataView> {
    const start = file.treeStart + from * NODE_ITEM_BYTE_LEN;
    const end = file.treeStart + to * NODE_ITEM_BYTE_LEN;
    const bytes =
      end <= file.head.length
        ? file.head.subarray(start, end)
        : await this.read(start, end - start, signal);
    if (bytes.length < end - start) {
      throw new NaError('invalid-flatgeobuf', `${this.id}: the FlatGeobuf file is truncated.`);
    }
    return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /**
   * GeoJSON features whose boxes meet `box` (in the file's CRS), in file order.
   * @param maxFeatures - more hits than this: a `too-complex` error before features are read
   * @param maxBytes - more feature bytes than this to read: a `too-complex` error before they are
   */
  private async featuresIn(
    file: Opened,
    box: readonly [number, number, number, number],
    signal?: AbortSignal,
    maxFeatures = Infinity,
    maxBytes = Infinity,
  ): Promise<unknown[]> {
    const [bx0, by0, bx1, by1] = box;
    const { levels, header } = file;
    const nodeSize = header.indexNodeSize;
    const leafStart = (levels[0] as [number, number])[0];
    const leafEnd = (levels[0] as [number, number])[1];
    // Ranges of node indices to visit at the current level (root level first).
    let ranges: Array<[number, number]> = [[0, 1]];
    let hits: Array<{ index: number; offset: number; next: number | undefined }> = [];
    for (let level = levels.length - 1; level >= 0; level--) {
      const isLeaf = level === 0;
      const next: Array<[number, number]> = [];
      for (const [from, to] of mergeRanges(ranges, MERGE_GAP / NODE_ITEM_BYTE_LEN)) {
        // Leaves: one node more, for the length of the last feature in the range.
        const readTo = isLeaf ? Math.min(to + 1, leafEnd) : to;
        const view = await this.nodes(file, from, readTo, signal);
        for (let i = from; i < to; i++) {
          const o = (i - from) * NODE_ITEM_BYTE_LEN;
          const minX = view.getFloat64(o, true);
          const minY = view.getFloat64(o + 8, true);
          const maxX = view.getFloat64(o + 16, true);
          const maxY = view.getFloat64(o + 24, true);
          if (bx1 < minX || bx0 > maxX || by1 < minY || by0 > maxY) continue;
          const offset = Number(view.getBigUint64(o + 32, true));
          if (isLeaf) {
            const n =
              i + 1 < readTo
                ? Number(view.getBigUint64(o + 32 + NODE_ITEM_BYTE_LEN, true))
                : undefined;
            hits.push({ index: i - leafStart, offset, next: n });
          } else {
            const childLevelEnd = (levels[level - 1] as [number, number])[1];
            next.push([offset, Math.min(offset + nodeSize, childLevelEnd)]);
          }
        }
      }
      ranges = next;
      if (!isLeaf && ranges.length === 0) break;
    }
    if (hits.length === 0) return [];
    if (hits.length > maxFeatures)
      throw tooComplex(
        { sourceId: this.id, name: this.title },
        'maxAreaFeatures',
        maxFeatures,
        `${hits.length} features in the area`,
      );
    hits = hits.sort((a, b) => a.offset - b.offset);
    if (maxBytes < Infinity) {
      // The sizes of the hit features are known from the tree (offset of the next leaf), except
      // for the last feature of the file: counted as 0 here, read by its length prefix below.
      let bytes = 0;
      for (const hit of hits) bytes += hit.next === undefined ? 0 : hit.next - hit.offset;
      if (bytes > maxBytes)
        throw tooComplex(
          { sourceId: this.id, name: this.title },
          'maxBytes',
          maxBytes,
          `${bytes} bytes of ${hits.length} features in the area`,
        );
    }
    // Features: contiguous runs in one request each.
    const out: Array<{ index: number; feature: unknown }> = [];
    let k = 0;
    while (k < hits.length) {
      let j = k;
      const runStart = (hits[k] as (typeof hits)[number]).offset;
      while (
        j + 1 < hits.length &&
        (hits[j + 1] as (typeof hits)[number]).offset -
          ((hits[j] as (typeof hits)[number]).next ?? Infinity) <=
          MERGE_GAP
      ) {
        j++;
      }
      const last = hits[j] as (typeof hits)[number];
      let runEnd = last.next;
      if (runEnd === undefined) {
        const len = await this.read(file.featuresStart + last.offset, 4, signal);
        runEnd = last.offset + 4 + new DataView(len.buffer, len.byteOffset, 4).getUint32(0, true);
      }
      const bytes = await this.read(file.featuresStart + runStart, runEnd - runStart, signal);
      for (let h = k; h <= j; h++) {
        const hit = hits[h] as (typeof hits)[number];
        const at = hit.offset - runStart;
        const size = new DataView(bytes.buffer, bytes.byteOffset + at, 4).getUint32(0, true);
        const aligned = new Uint8Array(size + 4);
        aligned.set(bytes.subarray(at, at + 4 + size));
        const bb = new flatbuffers.ByteBuffer(aligned);
        const f = FgbFeature.getSizePrefixedRootAsFeature(bb);
        out.push({ index: hit.index, feature: fromFeature(hit.index, f, file.header) });
      }
      k = j + 1;
    }
    out.sort((a, b) => a.index - b.index);
    return out.map((o) => o.feature);
  }
}

function mergeRanges(ranges: Array<[number, number]>, gap: number): Array<[number, number]> {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && r[0] - last[1] <= gap) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

function inEnvelope(x: number, y: number, env: Float64Array, crs: SupportedCrs): boolean {
  const t = crs === 'EPSG:4326' ? 1e-6 : 0.01;
  return (
    x >= (env[0] as number) - t &&
    y >= (env[1] as number) - t &&
    x <= (env[2] as number) + t &&
    y <= (env[3] as number) + t
  );
}

/**
 * Dutch and English words for an error of reading a FlatGeobuf file named `name` (no range
 * support, not a FlatGeobuf file, and the http layer's typed errors), or undefined for others.
 */
export function flatgeobufUserMessage(e: unknown, name: string): LocalizedText | undefined {
  if (e instanceof SourceRequestError) return e.userMessage;
  return e instanceof NaError ? userMessageOf(e, name) : undefined;
}

/** Dutch and English words for the errors of this source a user can act on. */
function userMessageOf(e: NaError, name: string): LocalizedText | undefined {
  if (e.code === 'no-range-support') {
    return localizedMessage(flatgeobufMessages, 'noRangeSupport', { name });
  }
  if (e.code === 'invalid-flatgeobuf') {
    return localizedMessage(flatgeobufMessages, 'invalid', { name });
  }
  return undefined;
}
