/**
 * PDOK Locatieserver v3_1 (address search): `suggest`, `lookup`, `reverse` and `free`.
 *
 * URL builders, parsers and the client are apart: the builders and parsers are pure; the client
 * fetches through the shared request policy (time limit, retries, typed errors). The service
 * rejects unknown parameters, so the builders only ever send parameters it documents.
 *
 * Highlighting (`<b>…</b>` around matched words) is untrusted markup: {@link parseHighlight}
 * turns it into plain text segments; nothing here produces HTML.
 */
import { locationTo, plausibleFor, toCrs } from '../core/crs.js';
import type { Location } from '../core/types.js';
import { invalidResponse, requestJson } from './http.js';
import type { FetchLike, RequestPolicy } from './http.js';
import { defined } from '../core/defined.js';

import { DEFAULT_LOCATIESERVER_URL } from './locatieserver-url.js';

export { DEFAULT_LOCATIESERVER_URL };
/** The service's maximum of `rows`. */
export const MAX_ROWS = 100;
const TITLE = 'PDOK Locatieserver';

// ---------------------------------------------------------------------------------------------
// URL builders (pure)

/** Options of {@link suggestUrl} and {@link freeUrl}. */
export interface SearchParams {
  /** Number of results (1–100; the service's default is 10). */
  rows?: number;
  /** Filter queries, e.g. `type:adres` or `gemeentecode:0344` (each sent as its own `fq`). */
  fq?: string | readonly string[];
  /** Sort results by distance to this point (sent as `lat`/`lon`). */
  near?: Location;
  /** Fields to return (`fl`). */
  fl?: string;
}

/** Options of {@link reverseUrl}. */
export interface ReverseParams {
  /** Search radius in metres. */
  distance?: number;
  /** Object type(s), e.g. `adres` (the service's default) or `['adres', 'perceel']`. */
  type?: string | readonly string[];
  rows?: number;
  fq?: string | readonly string[];
  fl?: string;
}

/** The base as an absolute URL ending in `/`; a relative base resolves against the page (browsers). */
function baseOf(base: string): string {
  const page = (globalThis as { location?: { href?: unknown } }).location?.href;
  const abs = new URL(base, typeof page === 'string' ? page : undefined).href;
  return abs.endsWith('/') ? abs : `${abs}/`;
}

function clampRows(rows: number | undefined): number | undefined {
  if (rows === undefined) return undefined;
  if (!Number.isFinite(rows)) return undefined;
  return Math.min(MAX_ROWS, Math.max(1, Math.floor(rows)));
}

function build(
  base: string,
  endpoint: string,
  params: Array<[string, string | number | undefined]>,
): string {
  const u = new URL(endpoint, baseOf(base));
  for (const [k, v] of params) if (v !== undefined) u.searchParams.append(k, String(v));
  return u.href;
}

function list(v: string | readonly string[] | undefined): string[] {
  return v === undefined ? [] : typeof v === 'string' ? [v] : [...v];
}

function nearParams(near: Location | undefined): Array<[string, number]> {
  if (near === undefined) return [];
  const ll = locationTo(plausibleFor(near), 'EPSG:4326');
  return [
    ['lat', round(ll.y, 7)],
    ['lon', round(ll.x, 7)],
  ];
}

function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

/** URL of a search request (`suggest` or `free`) for `q`: the same parameters for both. */
function searchUrl(
  endpoint: 'suggest' | 'free',
  q: string,
  params: SearchParams,
  base: string,
): string {
  if (q.trim() === '') throw new RangeError(`${endpoint} needs a non-empty query`);
  return build(base, endpoint, [
    ['q', q],
    ['rows', clampRows(params.rows)],
    ['fl', params.fl],
    ...list(params.fq).map((f): [string, string] => ['fq', f]),
    ...nearParams(params.near),
  ]);
}

/** URL of a `suggest` request (pure). `q` is required and must not be blank. */
export function suggestUrl(
  q: string,
  params: SearchParams = {},
  base = DEFAULT_LOCATIESERVER_URL,
): string {
  return searchUrl('suggest', q, params, base);
}

/** URL of a `free` (full geocoder) request (pure). */
export function freeUrl(
  q: string,
  params: SearchParams = {},
  base = DEFAULT_LOCATIESERVER_URL,
): string {
  return searchUrl('free', q, params, base);
}

/** URL of a `lookup` request for one object id (pure). */
export function lookupUrl(id: string, base = DEFAULT_LOCATIESERVER_URL): string {
  if (id.trim() === '') throw new RangeError('lookup needs an id');
  return build(base, 'lookup', [['id', id]]);
}

/**
 * URL of a `reverse` request (pure): an RD location is sent as `X`/`Y`, any other CRS as
 * `lat`/`lon` (WGS 84).
 */
export function reverseUrl(
  location: Location,
  params: ReverseParams = {},
  base = DEFAULT_LOCATIESERVER_URL,
): string {
  const loc = plausibleFor(location);
  const point: Array<[string, number]> =
    loc.crs === 'EPSG:28992'
      ? [
          ['X', round(loc.x, 3)],
          ['Y', round(loc.y, 3)],
        ]
      : (() => {
          const ll = locationTo(loc, 'EPSG:4326');
          return [
            ['lat', round(ll.y, 7)],
            ['lon', round(ll.x, 7)],
          ] as Array<[string, number]>;
        })();
  const types = list(params.type);
  return build(base, 'reverse', [
    ...point,
    ['distance', params.distance],
    ['rows', clampRows(params.rows)],
    ['fl', params.fl],
    ...types.map((t): [string, string] => ['type', t]),
    ...list(params.fq).map((f): [string, string] => ['fq', f]),
  ]);
}

// ---------------------------------------------------------------------------------------------
// Parsers (pure)

/** One suggestion of `suggest` (or result of `free`/`reverse`). */
export interface LocatieserverDoc {
  id: string;
  /** Display name (`weergavenaam`). */
  label: string;
  /** Object type: `adres`, `weg`, `postcode`, `woonplaats`, `gemeente`, … */
  type: string;
  score?: number;
  /** The raw highlight string (untrusted markup: parse with {@link parseHighlight}). */
  highlight?: string;
  /** Distance to the reverse point in metres (`afstand`), for `reverse`. */
  distance?: number;
  /** All fields of the document as the service sent them. */
  fields: Record<string, unknown>;
}

/** An object of `lookup`, with its centroid in RD and WGS 84. */
export interface LocatieserverObject extends LocatieserverDoc {
  /** Centroid in EPSG:28992 (metres), from `centroide_rd` (or computed from `centroide_ll`). */
  rd: { x: number; y: number };
  /** Centroid in WGS 84 (degrees), from `centroide_ll` (or computed from `centroide_rd`). */
  lonLat: { lon: number; lat: number };
}

/** Who answered, for error messages. */
interface AnswerSource {
  name: string;
  url?: string;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Parses a WKT `POINT(x y)` (also `POINT Z`, any spacing, case-insensitive).
 * @returns `[x, y]`, or undefined when the text is no point.
 */
export function parseWktPoint(wkt: unknown): [number, number] | undefined {
  if (typeof wkt !== 'string') return undefined;
  const m =
    /^\s*POINT\s*(?:Z\s*|M\s*|ZM\s*)?\(\s*([-+]?[\d.]+(?:[eE][-+]?\d+)?)\s+([-+]?[\d.]+(?:[eE][-+]?\d+)?)(?:\s+[-+]?[\d.eE+-]+)*\s*\)\s*$/i.exec(
      wkt,
    );
  if (m === null) return undefined;
  const x = Number(m[1]);
  const y = Number(m[2]);
  return Number.isFinite(x) && Number.isFinite(y) ? [x, y] : undefined;
}

/** The service's own error (`{"error":{"msg":"…","code":400}}`) as text, or undefined. */
export function locatieserverErrorOf(json: unknown): string | undefined {
  if (!isRecord(json) || !isRecord(json.error)) return undefined;
  const msg = typeof json.error.msg === 'string' ? json.error.msg : 'error';
  const code = typeof json.error.code === 'number' ? ` (${json.error.code})` : '';
  // Solr prefixes its class name: "org.apache.solr.search.SyntaxError: Verplichte parameter …".
  return `${msg.replace(/^[a-z]+(?:\.[A-Za-z]+)+:\s*/, '')}${code}`;
}

function docOf(raw: unknown, i: number, source: AnswerSource): LocatieserverDoc {
  if (!isRecord(raw) || typeof raw.id !== 'string') {
    throw invalidResponse(`response.docs[${i}] has no id`, source);
  }
  const label = typeof raw.weergavenaam === 'string' ? raw.weergavenaam : raw.id;
  const doc: LocatieserverDoc = {
    id: raw.id,
    label,
    type: typeof raw.type === 'string' ? raw.type : '',
    fields: raw,
  };
  if (typeof raw.score === 'number') doc.score = raw.score;
  if (typeof raw.afstand === 'number') doc.distance = raw.afstand;
  return doc;
}

function docsOf(json: unknown, source: AnswerSource): unknown[] {
  const response = isRecord(json) ? json.response : undefined;
  const docs = isRecord(response) ? response.docs : undefined;
  if (!Array.isArray(docs)) {
    throw invalidResponse('expected a Locatieserver answer with response.docs', source);
  }
  return docs;
}

/**
 * Parses a `suggest` (or `free`, `reverse`) answer: the docs in order, each with its raw
 * highlight string from `highlighting[id].suggest[0]` when present.
 * @throws SourceRequestError `invalid-response` when `response.docs` is missing.
 */
export function parseDocs(
  json: unknown,
  source: AnswerSource = { name: TITLE },
): LocatieserverDoc[] {
  const docs = docsOf(json, source).map((d, i) => docOf(d, i, source));
  const hl = isRecord(json) && isRecord(json.highlighting) ? json.highlighting : undefined;
  if (hl !== undefined) {
    for (const d of docs) {
      const entry = hl[d.id];
      const first = isRecord(entry) && Array.isArray(entry.suggest) ? entry.suggest[0] : undefined;
      if (typeof first === 'string') d.highlight = first;
    }
  }
  return docs;
}

/**
 * Parses a `lookup` answer: the first doc with its centroids, or undefined when nothing was
 * found (`numFound: 0`).
 * @throws SourceRequestError `invalid-response` when the answer or the centroid is malformed.
 */
export function parseLookup(
  json: unknown,
  source: AnswerSource = { name: TITLE },
): LocatieserverObject | undefined {
  const raw = docsOf(json, source)[0];
  if (raw === undefined) return undefined;
  const doc = docOf(raw, 0, source);
  const rdPt = parseWktPoint(doc.fields.centroide_rd);
  const llPt = parseWktPoint(doc.fields.centroide_ll);
  let rd: [number, number];
  let ll: [number, number];
  if (rdPt !== undefined) {
    rd = rdPt;
    ll = llPt ?? toCrs(rdPt, 'EPSG:28992', 'EPSG:4326');
  } else if (llPt !== undefined) {
    ll = llPt;
    rd = toCrs(llPt, 'EPSG:4326', 'EPSG:28992');
  } else {
    throw invalidResponse(`object ${doc.id} has no centroide_rd or centroide_ll point`, source);
  }
  return { ...doc, rd: { x: rd[0], y: rd[1] }, lonLat: { lon: ll[0], lat: ll[1] } };
}

/** A piece of a highlighted label: plain text, marked or not. */
export interface HighlightSegment {
  text: string;
  mark: boolean;
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};

function decodeEntities(s: string): string {
  return s.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e);
}

/**
 * Splits a highlight string into text segments. Only `<b>` and `</b>` (any case) are read as
 * marks; any other tag-like text stays literal text; `&amp; &lt; &gt; &quot; &#39;` are decoded.
 * An unclosed `<b>` marks up to the end; a stray `</b>` is dropped. Empty segments are dropped and
 * neighbours with the same mark merged. The result is text for `textContent`, never HTML.
 *
 * @example parseHighlight('<b>Wester</b>inglaan 1') // [{text:'Wester',mark:true},{text:'inglaan 1',mark:false}]
 */
export function parseHighlight(s: string): HighlightSegment[] {
  const out: HighlightSegment[] = [];
  const push = (text: string, mark: boolean): void => {
    if (text === '') return;
    const last = out[out.length - 1];
    if (last !== undefined && last.mark === mark) last.text += text;
    else out.push({ text, mark });
  };
  let mark = false;
  let pos = 0;
  const re = /<(\/?)b>/gi;
  for (let m = re.exec(s); m !== null; m = re.exec(s)) {
    push(decodeEntities(s.slice(pos, m.index)), mark);
    mark = m[1] !== '/';
    pos = m.index + m[0].length;
  }
  push(decodeEntities(s.slice(pos)), mark);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Client

/** Options of {@link createLocatieserverClient}. */
export interface LocatieserverClientOptions {
  /** Base URL (default {@link DEFAULT_LOCATIESERVER_URL}). */
  baseUrl?: string;
  /** Budget of one request in ms (default 8000). */
  timeoutMs?: number;
  /** Retries for network errors and HTTP 502/503/504 (default 2). */
  retries?: number;
  backoffMs?: number;
  fetch?: FetchLike;
}

/** Per-call options. */
export interface CallOptions {
  signal?: AbortSignal;
}

/** The Locatieserver client. Every method rejects with SourceRequestError on failure, or with the signal's reason on abort. */
export interface LocatieserverClient {
  readonly baseUrl: string;
  /** Suggestions for a partial query (autocomplete). */
  suggest(q: string, options?: SearchParams & CallOptions): Promise<LocatieserverDoc[]>;
  /** Full geocoder search. */
  free(q: string, options?: SearchParams & CallOptions): Promise<LocatieserverDoc[]>;
  /** One object by id, with its centroid; undefined when the id is unknown. */
  lookup(id: string, options?: CallOptions): Promise<LocatieserverObject | undefined>;
  /** The nearest objects to a location (any supported CRS), nearest first. */
  reverse(location: Location, options?: ReverseParams & CallOptions): Promise<LocatieserverDoc[]>;
}

/**
 * Creates a Locatieserver client.
 * @example
 * const ls = createLocatieserverClient();
 * const docs = await ls.suggest('Westeringlaan', { rows: 5, signal });
 * const obj = await ls.lookup(docs[0].id); // obj.rd.x, obj.rd.y
 */
export function createLocatieserverClient(
  options: LocatieserverClientOptions = {},
): LocatieserverClient {
  const baseUrl = options.baseUrl ?? DEFAULT_LOCATIESERVER_URL;
  const policy = (signal: AbortSignal | undefined): RequestPolicy => ({
    sourceId: 'locatieserver',
    sourceTitle: TITLE,
    ...defined({
      timeoutMs: options.timeoutMs,
      retries: options.retries,
      backoffMs: options.backoffMs,
      fetchImpl: options.fetch,
      signal,
    }),
  });
  const get = (url: string, signal: AbortSignal | undefined): Promise<unknown> =>
    requestJson(url, policy(signal), { errorOf: locatieserverErrorOf });
  const split = <T extends CallOptions>(
    o: T | undefined,
  ): [Omit<T, 'signal'>, AbortSignal | undefined] => {
    if (o === undefined) return [{} as Omit<T, 'signal'>, undefined];
    const { signal, ...rest } = o;
    return [rest, signal];
  };
  return {
    baseUrl,
    async suggest(q, o) {
      const [params, signal] = split(o);
      const url = suggestUrl(q, params, baseUrl);
      return parseDocs(await get(url, signal), { name: TITLE, url });
    },
    async free(q, o) {
      const [params, signal] = split(o);
      const url = freeUrl(q, params, baseUrl);
      return parseDocs(await get(url, signal), { name: TITLE, url });
    },
    async lookup(id, o) {
      const url = lookupUrl(id, baseUrl);
      return parseLookup(await get(url, o?.signal), { name: TITLE, url });
    },
    async reverse(location, o) {
      const [params, signal] = split(o);
      const url = reverseUrl(location, params, baseUrl);
      return parseDocs(await get(url, signal), { name: TITLE, url });
    },
  };
}
