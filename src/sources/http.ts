/**
 * One request layer for every remote source: a time limit, the caller's AbortSignal, bounded
 * retries with exponential backoff, and response checks that turn every way a service can fail
 * (an HTML error page, an OGC exception report, problem+json, truncated JSON, …) into one typed
 * {@link SourceRequestError} with a message a user can act on, in Dutch and English.
 *
 * Rules (documented contract):
 * - `timeoutMs` (default 8000) is the budget of the whole request: every attempt, the waits
 *   between attempts and reading the body. When it runs out: code `timeout`; it is not retried.
 * - Retries (default 2, so at most 3 attempts) only for network errors and HTTP 502, 503 and 504,
 *   after 200 ms × 2^n (± 25 % jitter). Never for other statuses (4xx, 500), never after an abort,
 *   never for a redirect loop (the fetch implementation's "redirect count exceeded").
 * - The caller's signal aborts at once and the promise rejects with the signal's reason (the
 *   reason itself, not a wrapped error), so an aborted query can be told apart from a failed one.
 *
 * Content rules of {@link readJson} (decided, not guessed):
 * - The body decides, the label only helps: a body that parses as a JSON object or array is
 *   accepted whatever its Content-Type (some servers label JSON `text/plain` or even
 *   `text/html`). Parsed JSON is data, never markup: nothing is ever rendered as HTML.
 * - A body that does not parse is classified: an HTML page → `html-response`; an OGC
 *   ServiceExceptionReport or ows:ExceptionReport → `ogc-exception` (with the exception text, as
 *   text); with a JSON Content-Type → `invalid-json` (malformed or truncated); otherwise
 *   `wrong-content-type`. Images (`image/*`) are `wrong-content-type` without reading the body.
 * - A non-2xx status: problem+json → `problem` (title and detail); an OGC exception → `ogc-exception`;
 *   anything else → `http-status`. A `application/problem+json` body is a `problem` whatever the
 *   status; so is a service's own error JSON recognized by `errorOf` (ArcGIS, Locatieserver).
 */
import { NaError } from '../core/types.js';
import {
  SourceRequestError,
  type SourceErrorCode,
  type SourceRequestErrorDetails,
} from './request-error.js';
import type { LocalizedText } from '../core/types.js';
import { localizedMessage, type MessageParams } from '../core/messages.js';
import { plainText } from '../core/plain-text.js';
import { defined } from '../core/defined.js';
import { timeSlice } from './yield.js';
import { canReadInWorker, fetchInWorker } from './http-worker.js';

export {
  SOURCE_ERROR_CODES,
  SourceRequestError,
  type SourceErrorCode,
  type SourceRequestErrorDetails,
} from './request-error.js';

/** Default time budget of one request (ms). */
export const DEFAULT_TIMEOUT_MS = 8000;
/**
 * Default bound on the bytes of one response body (16 MiB): a GetFeatureInfo or feature answer for
 * one point is a few kB; a GeoTIFF range request a few hundred kB. The body is read as a stream and
 * the read stops at the limit (`too-large`), so memory stays bounded whatever the service sends.
 */
export const DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;
/**
 * Only this prefix of an error body (HTML page, exception report) is looked at (16 KiB); of an
 * answer with an error status only this prefix is read.
 */
export const ERROR_BODY_PREFIX_CHARS = 16 * 1024;
/** Default number of retries (so at most 3 attempts). */
export const DEFAULT_RETRIES = 2;
/** Base of the exponential backoff (ms): waits are base × 2^n. */
export const DEFAULT_BACKOFF_MS = 200;
/** Statuses that are retried: the gateway/availability errors of a busy or restarting service. */
export const RETRY_STATUSES: ReadonlySet<number> = new Set([502, 503, 504]);

/** A `fetch`-compatible function (the global `fetch` by default; inject one in tests). */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** Options of {@link fetchWithPolicy}. */
export interface RequestPolicy {
  /** The caller's signal: aborting rejects with its reason, at once, and is never retried. */
  signal?: AbortSignal;
  /** Budget of the whole request in ms (attempts, waits, body). Default {@link DEFAULT_TIMEOUT_MS}. */
  timeoutMs?: number;
  /** Retries after a network error or HTTP 502/503/504. Default {@link DEFAULT_RETRIES}. */
  retries?: number;
  /** Base of the backoff in ms. Default {@link DEFAULT_BACKOFF_MS}. */
  backoffMs?: number;
  /** Source id, for details and logs. */
  sourceId?: string;
  /** Human-readable name of the source, used in user messages (default: the source id). */
  sourceTitle?: string;
  /**
   * What is requested, for user messages: `source` (a fact source or service: its settings are
   * named, "address, layer name"; the default) or `file` (a file fetched whole, such as a
   * scenario, zonering or sources file: its address is named).
   */
  subject?: RequestSubject;
  /** `Accept` header. */
  accept?: string;
  /** Further request headers (e.g. `Range`). */
  headers?: Record<string, string>;
  /** The fetch implementation. Default: the global `fetch`. */
  fetchImpl?: FetchLike;
  /** Largest response body read, in bytes. Default {@link DEFAULT_MAX_RESPONSE_BYTES}. */
  maxResponseBytes?: number;
}

/** What a request fetches, for user messages: see {@link RequestPolicy.subject}. */
export type RequestSubject = 'source' | 'file';

interface RequestContext {
  url: string;
  name: string;
  subject: RequestSubject;
  sourceId: string | undefined;
  timeoutMs: number;
  maxBytes: number;
  attempts: number;
  caller: AbortSignal | undefined;
  deadline: AbortSignal;
  done: () => void;
}

/** Context of responses made by {@link fetchWithPolicy}, so the readers honour the same deadline. */
const contexts = new WeakMap<Response, RequestContext>();
/** Responses read in the request worker whose 2xx body was over the limit (reading stopped). */
const oversized = new WeakSet<Response>();

/**
 * Fetches `url` under the policy (time budget, caller's signal, bounded retries).
 *
 * @returns the final response, whatever its status (read it with {@link readJson},
 *   {@link readText} or {@link readBytes}: they keep to the same deadline and classify errors).
 * @throws SourceRequestError `timeout` or `network`; rejects with `signal.reason` when the
 *   caller aborts.
 */
export async function fetchWithPolicy(url: string, policy: RequestPolicy = {}): Promise<Response> {
  const timeoutMs = policy.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const retries = Math.max(0, Math.floor(policy.retries ?? DEFAULT_RETRIES));
  const backoff = policy.backoffMs ?? DEFAULT_BACKOFF_MS;
  const doFetch: FetchLike = policy.fetchImpl ?? ((u, init) => fetch(u, init));
  const caller = policy.signal;
  caller?.throwIfAborted();

  const deadlineController = new AbortController();
  const timer = setTimeout(() => {
    deadlineController.abort(new DOMException('The request budget ran out.', 'TimeoutError'));
  }, timeoutMs);
  unref(timer);
  const deadline = deadlineController.signal;
  const signal = anySignal(caller === undefined ? [deadline] : [caller, deadline]);
  const ctx: RequestContext = {
    url,
    name: policy.sourceTitle ?? policy.sourceId ?? hostOf(url),
    subject: policy.subject ?? 'source',
    sourceId: policy.sourceId,
    timeoutMs,
    maxBytes: policy.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    attempts: 0,
    caller,
    deadline,
    done: () => clearTimeout(timer),
  };

  const headers: Record<string, string> = { ...(policy.headers ?? {}) };
  if (policy.accept !== undefined) headers.Accept = policy.accept;

  // In a browser page the request and its body are read in a worker (src/sources/http-worker.ts).
  const inWorker = policy.fetchImpl === undefined && canReadInWorker();
  for (let attempt = 0; ; attempt++) {
    ctx.attempts = attempt + 1;
    let response: Response;
    try {
      const read = inWorker
        ? await fetchInWorker(url, {
            signal,
            headers,
            max: ctx.maxBytes,
            errorMax: ERROR_BODY_PREFIX_CHARS,
          })
        : undefined;
      if (read?.over === true) oversized.add(read.response);
      response = read?.response ?? (await doFetch(url, { signal, headers, redirect: 'follow' }));
    } catch (e) {
      const stop = abortOutcome(ctx, e);
      if (stop !== undefined) {
        ctx.done();
        throw stop;
      }
      const loop = isRedirectLoop(e);
      if (!loop && attempt < retries) {
        await waitOrAbort(ctx, signal, backoffDelay(backoff, attempt));
        continue;
      }
      ctx.done();
      throw networkError(ctx, e, loop);
    }
    if (RETRY_STATUSES.has(response.status) && attempt < retries) {
      await discard(response);
      await waitOrAbort(ctx, signal, backoffDelay(backoff, attempt));
      continue;
    }
    contexts.set(response, ctx);
    return response;
  }
}

/** Options of {@link readJson}. */
export interface ReadJsonOptions {
  /**
   * Recognizes a service's own error JSON (ArcGIS `{error:{code,message}}` with HTTP 200,
   * Locatieserver `{error:{msg,code}}`): return its text to turn the answer into a `problem`.
   */
  errorOf?: (json: unknown) => string | undefined;
}

/**
 * Reads a response of {@link fetchWithPolicy} as JSON, by the content rules in the module comment.
 * @returns the parsed JSON value (an object or an array).
 * @throws SourceRequestError (`http-status`, `html-response`, `ogc-exception`, `problem`,
 *   `invalid-json`, `wrong-content-type`, `timeout`, `network`); rejects with the caller's reason
 *   when it aborts while the body is read.
 */
export async function readJson(
  response: Response,
  options: ReadJsonOptions = {},
): Promise<unknown> {
  const ctx = contextOf(response);
  const contentType = mediaType(response);
  if (contentType.startsWith('image/')) {
    await discard(response);
    ctx.done();
    throw wrongType(ctx, response, contentType);
  }
  const text = await readBody(response, ctx, 'text');
  const status = response.status;
  const parsed = parseJsonValue(text);
  if (parsed.ok) {
    const own = options.errorOf?.(parsed.value);
    if (own !== undefined) throw problemError(ctx, response, own);
    if (status < 200 || status > 299 || contentType === 'application/problem+json') {
      const problem = problemText(parsed.value);
      if (problem !== undefined) throw problemError(ctx, response, problem);
      throw statusError(ctx, response);
    }
    return parsed.value;
  }
  const kind = classifyText(text);
  if (kind.kind === 'ogc-exception') throw ogcError(ctx, response, kind.text);
  if (status < 200 || status > 299) throw statusError(ctx, response);
  if (kind.kind === 'html') throw htmlError(ctx, response);
  if (isJsonType(contentType) || contentType === '') {
    throw invalidJson(ctx, response, parsed.error, text);
  }
  throw wrongType(ctx, response, contentType);
}

/**
 * Reads a response of {@link fetchWithPolicy} as text (for non-JSON formats), after checking the
 * status; an HTML page, an OGC exception or a non-2xx status is an error, never content.
 */
export async function readText(response: Response): Promise<string> {
  const ctx = contextOf(response);
  const text = await readBody(response, ctx, 'text');
  const kind = classifyText(text);
  if (kind.kind === 'ogc-exception') throw ogcError(ctx, response, kind.text);
  if (response.status < 200 || response.status > 299) throw statusError(ctx, response);
  if (kind.kind === 'html') throw htmlError(ctx, response);
  return text;
}

/**
 * Reads a response of {@link fetchWithPolicy} as bytes (e.g. GeoTIFF ranges). A non-2xx status is
 * `http-status`; an HTML or XML body where bytes were expected is `html-response` / `ogc-exception`.
 */
export async function readBytes(response: Response): Promise<ArrayBuffer> {
  const ctx = contextOf(response);
  const contentType = mediaType(response);
  const ok = response.status >= 200 && response.status <= 299;
  if (
    ok &&
    !contentType.startsWith('text/') &&
    !contentType.endsWith('xml') &&
    !isJsonType(contentType)
  ) {
    return readBody(response, ctx, 'bytes');
  }
  const text = await readBody(response, ctx, 'text');
  const kind = classifyText(text);
  if (kind.kind === 'ogc-exception') throw ogcError(ctx, response, kind.text);
  if (!ok) {
    const parsed = parseJsonValue(text);
    const problem = parsed.ok ? problemText(parsed.value) : undefined;
    if (problem !== undefined) throw problemError(ctx, response, problem);
    throw statusError(ctx, response);
  }
  if (kind.kind === 'html') throw htmlError(ctx, response);
  throw new SourceRequestError(
    'wrong-content-type',
    `${ctx.name}: expected binary data, got ${contentType} (${ctx.url}).`,
    localizedMessage(httpMessages, 'notRaster', { name: ctx.name, contentType }),
    baseDetails(ctx, response),
  );
}

/**
 * Fetches and reads JSON in one step: {@link fetchWithPolicy} + {@link readJson}.
 */
export async function requestJson(
  url: string,
  policy: RequestPolicy = {},
  options: ReadJsonOptions = {},
): Promise<unknown> {
  const accept =
    policy.accept ?? 'application/json, application/geo+json;q=0.9, application/*+json;q=0.8';
  const response = await fetchWithPolicy(url, { ...policy, accept });
  return readJson(response, options);
}

/** Default bound on a data or configuration file fetched whole (GeoJSON, sources file): 128 MiB. */
export const DEFAULT_MAX_FILE_BYTES = 128 * 1024 * 1024;

/**
 * Reads the text of any response (e.g. a GeoJSON file the widget fetches) as a stream that stops
 * at `maxBytes`: NaError `too-large` naming the limit, instead of holding whatever arrives.
 */
export async function readTextLimited(
  response: Response,
  maxBytes: number = DEFAULT_MAX_FILE_BYTES,
  name: string = response.url,
): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? '');
  const refuse = (): NaError =>
    new NaError(
      'too-large',
      `${name}: the file is larger than the limit of ${formatBytes(maxBytes)} (maxFileBytes); reading stopped.`,
      { limit: 'maxFileBytes', max: maxBytes },
    );
  if (Number.isFinite(declared) && declared > maxBytes) {
    await discard(response);
    throw refuse();
  }
  const body = response.body;
  if (body === null) return '';
  const reader = body.getReader();
  const decoder = new TextDecoder('utf-8');
  let total = 0;
  let text = '';
  const slice = timeSlice();
  for (;;) {
    await slice();
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch((e: unknown) => void e);
      throw refuse();
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

// ---------------------------------------------------------------------------------------------
// User messages

import { httpMessages } from './http-messages.js';

export { httpMessages };

/** The user message of an error code, naming the source (`name`), in every language. */
export function userMessageFor(
  code: SourceErrorCode | 'timeout',
  name: string,
  params: {
    timeoutMs?: number;
    status?: number;
    text?: string;
    contentType?: string;
    limit?: string;
    max?: number;
    /** What was requested (default `source`). */
    subject?: RequestSubject;
  } = {},
): LocalizedText {
  const subject = params.subject ?? 'source';
  const m = (key: keyof typeof httpMessages, extra: MessageParams = {}): LocalizedText =>
    localizedMessage(httpMessages, key, { name, subject, ...extra });
  const text = (): MessageParams => {
    const t = clip(params.text ?? '', 200);
    return { hasText: t === '' ? 'no' : 'yes', text: t };
  };
  switch (code) {
    case 'timeout':
      return m('timeout', {
        seconds: Math.max(1, Math.round((params.timeoutMs ?? DEFAULT_TIMEOUT_MS) / 1000)),
      });
    case 'network':
      return m('network');
    case 'http-status': {
      const status = params.status ?? 0;
      return m(status >= 500 ? 'serverFault' : 'refused', { status });
    }
    case 'html-response':
      return m('htmlResponse');
    case 'ogc-exception':
      return m('ogcException', text());
    case 'problem':
      return m('problem', text());
    case 'invalid-json':
      return m('invalidJson');
    case 'invalid-response':
      return m('invalidResponse');
    case 'too-large':
      return m('tooLarge', {
        limit: `${params.limit ?? 'maxResponseBytes'} = ${formatBytes(params.max ?? 0)}`,
      });
    case 'too-complex':
      return m('tooComplex', { limit: `${params.limit ?? '?'} = ${params.max ?? '?'}` });
    case 'wrong-content-type':
      return m('wrongContentType', {
        contentType:
          params.contentType === undefined || params.contentType === '' ? '?' : params.contentType,
      });
  }
}

/**
 * Builds a {@link SourceRequestError} for a response whose JSON has an unexpected shape (a parser
 * found no FeatureCollection, no `response.docs`, …).
 */
export function invalidResponse(
  what: string,
  source: { sourceId?: string; name: string; url?: string },
): SourceRequestError {
  return new SourceRequestError(
    'invalid-response',
    `${source.name}: unexpected response: ${what}.`,
    userMessageFor('invalid-response', source.name),
    {
      ...defined({ sourceId: source.sourceId, url: source.url }),
    },
  );
}

// ---------------------------------------------------------------------------------------------
// Classification helpers (pure, exported for tests)

/** What a non-JSON body is. */
export type TextKind =
  { kind: 'html' } | { kind: 'ogc-exception'; text: string } | { kind: 'xml' } | { kind: 'other' };

/**
 * Classifies a body that is not JSON: an HTML page, an OGC exception report (WMS
 * ServiceExceptionReport, OWS ExceptionReport; the text of its exceptions, tags removed and
 * entities decoded), other XML, or anything else. Only the first
 * {@link ERROR_BODY_PREFIX_CHARS} characters are looked at, in linear time.
 */
export function classifyText(text: string): TextKind {
  const head = text.slice(0, 2048).trimStart();
  const lower = head.toLowerCase();
  if (/(?:serviceexceptionreport|:exceptionreport|<exceptionreport)[\s>]/i.test(head)) {
    return { kind: 'ogc-exception', text: exceptionText(text) };
  }
  if (
    /<!doctype\s+html|<html[\s>]/.test(lower) ||
    // Lower or upper case only: XML documents have mixed-case `<Title>` (OGC capabilities).
    (lower.startsWith('<') && /<(?:head|body|title|HEAD|BODY|TITLE)[\s>]/.test(head))
  ) {
    return { kind: 'html' };
  }
  if (head.startsWith('<')) return { kind: 'xml' };
  return { kind: 'other' };
}

/** Text with `<…>` tags replaced by spaces, in one linear pass. */
function withoutTags(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    if (lt < 0) return out + text.slice(i);
    out += `${text.slice(i, lt)} `;
    const gt = text.indexOf('>', lt + 1);
    if (gt < 0) return out;
    i = gt + 1;
  }
  return out;
}

/** The local name of a tag (`ows:ExceptionText` → `ExceptionText`). */
function localName(tag: string): string {
  let end = 0;
  while (end < tag.length && !/[\s/>]/.test(tag.charAt(end))) end++;
  const name = tag.slice(0, end);
  const colon = name.lastIndexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/**
 * The exception texts of an OGC exception report, `code: text`, joined with "; " (plain text, at
 * most 300 characters). One linear pass over the first {@link ERROR_BODY_PREFIX_CHARS}
 * characters: no backtracking patterns on the service's text.
 */
export function exceptionText(body: string): string {
  const xml = body.length > ERROR_BODY_PREFIX_CHARS ? body.slice(0, ERROR_BODY_PREFIX_CHARS) : body;
  const codeOf = (attrs: string): string | undefined =>
    /\b(?:code|exceptionCode)\s*=\s*"([^"]*)"/.exec(attrs)?.[1];
  const out: string[] = [];
  let length = 0;
  let current: { code: string | undefined; parts: string[]; wms: boolean } | undefined;
  let inText = false;
  let firstCode: string | undefined;
  const addText = (raw: string): void => {
    if (current === undefined || !(current.wms || inText)) return;
    const t = decodeXmlText(raw).replace(/\s+/g, ' ').trim();
    if (t !== '') current.parts.push(t);
  };
  let i = 0;
  while (i < xml.length && length < 2000) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      addText(xml.slice(i));
      break;
    }
    if (lt > i) addText(xml.slice(i, lt));
    if (xml.startsWith('<![CDATA[', lt)) {
      const close = xml.indexOf(']]>', lt + 9);
      const end = close < 0 ? xml.length : close;
      if (current !== undefined && (current.wms || inText)) {
        const t = withoutTags(xml.slice(lt + 9, end))
          .replace(/\s+/g, ' ')
          .trim();
        if (t !== '') current.parts.push(t);
      }
      i = close < 0 ? xml.length : close + 3;
      continue;
    }
    const gt = xml.indexOf('>', lt + 1);
    if (gt < 0) break;
    const tag = xml.slice(lt + 1, gt);
    i = gt + 1;
    const closing = tag.startsWith('/');
    const name = localName(closing ? tag.slice(1) : tag);
    if (name === 'Exception' || name === 'ServiceException') {
      if (!closing) {
        const code = codeOf(tag);
        firstCode ??= code;
        current = { code, parts: [], wms: name === 'ServiceException' };
        inText = false;
        if (tag.endsWith('/')) current = undefined; // an empty exception element carries no text
      } else finish();
    } else if (name === 'ExceptionText') {
      inText = !closing && !tag.endsWith('/');
    } else if (!closing && firstCode === undefined) {
      firstCode = codeOf(tag);
    }
  }
  finish();
  function finish(): void {
    if (current === undefined) return;
    const text = current.parts.join(' ');
    const code = current.code;
    const joined =
      code !== undefined && code !== '' ? (text === '' ? code : `${code}: ${text}`) : text;
    if (joined !== '') {
      out.push(joined);
      length += joined.length;
    }
    current = undefined;
    inText = false;
  }
  if (out.length === 0) return plainText(firstCode ?? 'exception report without text');
  return plainText(out.join('; '));
}

/** Title and detail of an RFC 7807 problem+json body (`title — detail`), or undefined. */
export function problemText(json: unknown): string | undefined {
  if (!isRecord(json)) return undefined;
  const title = typeof json.title === 'string' ? json.title.trim() : '';
  const detail = typeof json.detail === 'string' ? json.detail.trim() : '';
  if (title === '' && detail === '') return undefined;
  if (title !== '' && detail !== '') return `${title} — ${detail}`;
  return title === '' ? detail : title;
}

/** True for JSON media types: `application/json`, `*\/*+json` (geo+json, problem+json, vnd.ogc.fg+json, …). */
export function isJsonType(mediaType: string): boolean {
  return (
    mediaType === 'application/json' || mediaType.endsWith('+json') || mediaType === 'text/json'
  );
}

function decodeXmlText(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (all, e: string) => {
    const k = e.toLowerCase();
    if (k === 'amp') return '&';
    if (k === 'lt') return '<';
    if (k === 'gt') return '>';
    if (k === 'quot') return '"';
    if (k === 'apos') return "'";
    const n = k.startsWith('#x') ? parseInt(k.slice(2), 16) : parseInt(k.slice(1), 10);
    return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : all;
  });
}

// ---------------------------------------------------------------------------------------------
// Internals

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function clip(s: string, n: number): string {
  return plainText(s, n);
}

/** `16 MiB`, `512 kB`, `900 B`. */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Math.round((n / (1024 * 1024)) * 10) / 10} MiB`;
  if (n >= 1024) return `${Math.round(n / 1024)} kB`;
  return `${n} B`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function unref(timer: ReturnType<typeof setTimeout>): void {
  const t = timer as unknown as { unref?: () => void };
  if (typeof t.unref === 'function') t.unref();
}

/** `AbortSignal.any` where available, else a small equivalent. */
export function anySignal(signals: readonly AbortSignal[]): AbortSignal {
  const any = (AbortSignal as unknown as { any?: (s: AbortSignal[]) => AbortSignal }).any;
  if (typeof any === 'function') return any.call(AbortSignal, [...signals]);
  const controller = new AbortController();
  for (const s of signals) {
    if (s.aborted) {
      controller.abort(s.reason);
      return controller.signal;
    }
  }
  for (const s of signals) {
    s.addEventListener('abort', () => controller.abort(s.reason), {
      once: true,
      signal: controller.signal,
    });
  }
  return controller.signal;
}

function contextOf(response: Response): RequestContext {
  const ctx = contexts.get(response);
  if (ctx !== undefined) return ctx;
  // A response made elsewhere (tests, custom clients): no deadline of ours.
  const never = new AbortController().signal;
  return {
    url: response.url,
    name: hostOf(response.url),
    subject: 'source',
    sourceId: undefined,
    timeoutMs: DEFAULT_TIMEOUT_MS,
    maxBytes: DEFAULT_MAX_RESPONSE_BYTES,
    attempts: 1,
    caller: undefined,
    deadline: never,
    done: () => undefined,
  };
}

/** The media type of a response, lower-cased, without parameters (`application/json`). */
function mediaType(response: Response): string {
  const ct = response.headers.get('content-type') ?? '';
  return (ct.split(';')[0] ?? '').trim().toLowerCase();
}

async function readBody(response: Response, ctx: RequestContext, as: 'text'): Promise<string>;
async function readBody(response: Response, ctx: RequestContext, as: 'bytes'): Promise<ArrayBuffer>;
async function readBody(
  response: Response,
  ctx: RequestContext,
  as: 'text' | 'bytes',
): Promise<string | ArrayBuffer> {
  try {
    const bytes = await readLimited(response, ctx);
    return as === 'bytes' ? bytes : new TextDecoder('utf-8').decode(bytes);
  } catch (e) {
    if (e instanceof SourceRequestError) throw e;
    const stop = abortOutcome(ctx, e);
    if (stop !== undefined) throw stop;
    throw new SourceRequestError(
      'network',
      `${ctx.name}: the connection broke while reading the answer from ${ctx.url}: ${errorText(e)}`,
      userMessageFor('network', ctx.name, { subject: ctx.subject }),
      baseDetails(ctx, response),
    );
  } finally {
    ctx.done();
  }
}

/**
 * Reads a body as a stream and stops at `ctx.maxBytes` (a declared Content-Length over the limit
 * is refused before reading): the memory a hostile or broken service can take is bounded. Of an
 * answer with an error status only the first {@link ERROR_BODY_PREFIX_CHARS} bytes are read (the
 * message is in there; the rest is cancelled).
 */
async function readLimited(response: Response, ctx: RequestContext): Promise<ArrayBuffer> {
  const errorStatus = response.status < 200 || response.status > 299;
  const max = errorStatus ? ERROR_BODY_PREFIX_CHARS : ctx.maxBytes;
  const declared = Number(response.headers.get('content-length') ?? '');
  if (!errorStatus && Number.isFinite(declared) && declared > max) {
    await discard(response);
    throw tooLargeError(ctx, response, max, declared);
  }
  if (!errorStatus && oversized.has(response)) {
    await discard(response);
    throw tooLargeError(ctx, response, max);
  }
  const body = response.body;
  if (body === null) return new ArrayBuffer(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  // Buffered chunks are read in microtasks: give the page a turn now and then (issue #13).
  const slice = timeSlice();
  for (;;) {
    await slice();
    const { done, value } = await reader.read();
    if (done) break;
    if (total + value.byteLength > max) {
      try {
        await reader.cancel();
      } catch (e) {
        // The body is being thrown away; a failure to cancel it changes nothing for the caller.
        void e;
      }
      if (!errorStatus) throw tooLargeError(ctx, response, max);
      chunks.push(value.subarray(0, max - total));
      total = max;
      break;
    }
    total += value.byteLength;
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out.buffer;
}

function tooLargeError(
  ctx: RequestContext,
  response: Response,
  max: number,
  declared?: number,
): SourceRequestError {
  return new SourceRequestError(
    'too-large',
    `${ctx.name}: the answer is larger than the limit maxResponseBytes = ${max} bytes${declared === undefined ? '' : ` (Content-Length ${declared})`}; reading stopped (${ctx.url}).`,
    userMessageFor('too-large', ctx.name, { subject: ctx.subject, limit: 'maxResponseBytes', max }),
    { ...baseDetails(ctx, response), limit: 'maxResponseBytes', max },
  );
}

/** After a failed fetch or read: the caller's reason, a timeout error, or undefined (a real failure). */
function abortOutcome(ctx: RequestContext, _e: unknown): unknown {
  if (ctx.caller?.aborted === true) return ctx.caller.reason;
  if (ctx.deadline.aborted) return timeoutError(ctx);
  return undefined;
}

function timeoutError(ctx: RequestContext): SourceRequestError {
  return new SourceRequestError(
    'timeout',
    `${ctx.name}: no answer within ${ctx.timeoutMs} ms (${ctx.url}).`,
    userMessageFor('timeout', ctx.name, { subject: ctx.subject, timeoutMs: ctx.timeoutMs }),
    {
      url: ctx.url,
      attempts: ctx.attempts,
      timeoutMs: ctx.timeoutMs,
      ...defined({ sourceId: ctx.sourceId }),
    },
  );
}

function isRedirectLoop(e: unknown): boolean {
  const texts: string[] = [];
  let cur: unknown = e;
  for (let i = 0; i < 4 && cur instanceof Error; i++) {
    texts.push(cur.message);
    cur = (cur as { cause?: unknown }).cause;
  }
  return texts.some((t) => /redirect/i.test(t));
}

function errorText(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const cause = (e as { cause?: unknown }).cause;
  return cause instanceof Error && cause.message !== '' && cause.message !== e.message
    ? `${e.message} (${cause.message})`
    : e.message;
}

function networkError(ctx: RequestContext, e: unknown, redirectLoop: boolean): SourceRequestError {
  const why = redirectLoop ? 'too many redirects (a redirect loop)' : errorText(e);
  return new SourceRequestError(
    'network',
    `${ctx.name}: request to ${ctx.url} failed after ${ctx.attempts} attempt(s): ${why}.`,
    userMessageFor('network', ctx.name, { subject: ctx.subject }),
    {
      url: ctx.url,
      attempts: ctx.attempts,
      ...(redirectLoop ? { redirectLoop: true } : {}),
      ...defined({ sourceId: ctx.sourceId }),
    },
  );
}

function baseDetails(ctx: RequestContext, response: Response): SourceRequestErrorDetails {
  return {
    url: ctx.url,
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    attempts: ctx.attempts,
    ...defined({ sourceId: ctx.sourceId }),
  };
}

function statusError(ctx: RequestContext, response: Response): SourceRequestError {
  const st = response.status;
  const text = response.statusText === '' ? '' : ` ${response.statusText}`;
  return new SourceRequestError(
    'http-status',
    `${ctx.name}: HTTP ${st}${text} from ${ctx.url}${ctx.attempts > 1 ? ` after ${ctx.attempts} attempts` : ''}.`,
    userMessageFor('http-status', ctx.name, { subject: ctx.subject, status: st }),
    baseDetails(ctx, response),
  );
}

function htmlError(ctx: RequestContext, response: Response): SourceRequestError {
  return new SourceRequestError(
    'html-response',
    `${ctx.name}: answered with an HTML page instead of data (HTTP ${response.status}, ${ctx.url}).`,
    userMessageFor('html-response', ctx.name, { subject: ctx.subject }),
    baseDetails(ctx, response),
  );
}

function ogcError(ctx: RequestContext, response: Response, raw: string): SourceRequestError {
  const text = plainText(raw);
  return new SourceRequestError(
    'ogc-exception',
    `${ctx.name}: OGC exception report (HTTP ${response.status}): ${text}`,
    userMessageFor('ogc-exception', ctx.name, { subject: ctx.subject, text }),
    { ...baseDetails(ctx, response), serviceMessage: plainText(text) },
  );
}

function problemError(ctx: RequestContext, response: Response, raw: string): SourceRequestError {
  const text = plainText(raw);
  return new SourceRequestError(
    'problem',
    `${ctx.name}: the service reports an error (HTTP ${response.status}): ${text}`,
    userMessageFor('problem', ctx.name, { subject: ctx.subject, text }),
    { ...baseDetails(ctx, response), serviceMessage: text },
  );
}

function wrongType(
  ctx: RequestContext,
  response: Response,
  contentType: string,
): SourceRequestError {
  return new SourceRequestError(
    'wrong-content-type',
    `${ctx.name}: expected JSON, got ${contentType === '' ? 'no Content-Type' : contentType} that is not JSON (${ctx.url}).`,
    userMessageFor('wrong-content-type', ctx.name, { subject: ctx.subject, contentType }),
    baseDetails(ctx, response),
  );
}

function invalidJson(
  ctx: RequestContext,
  response: Response,
  error: string,
  text: string,
): SourceRequestError {
  const truncated = /end of (?:json )?input|unterminated|unexpected end/i.test(error);
  const what =
    text.trim() === '' ? 'an empty body' : truncated ? 'truncated JSON' : 'malformed JSON';
  return new SourceRequestError(
    'invalid-json',
    `${ctx.name}: ${what} (${error}; ${text.length} characters from ${ctx.url}).`,
    userMessageFor('invalid-json', ctx.name, { subject: ctx.subject }),
    { ...baseDetails(ctx, response), truncated },
  );
}

function parseJsonValue(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const t = clean.trimStart();
  if (!t.startsWith('{') && !t.startsWith('[')) {
    return { ok: false, error: t === '' ? 'empty body' : 'not a JSON object or array' };
  }
  try {
    return { ok: true, value: JSON.parse(clean) as unknown };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

async function discard(response: Response): Promise<void> {
  try {
    await response.body?.cancel();
  } catch (e) {
    // The body is being thrown away; a failure to cancel it changes nothing for the caller.
    void e;
  }
}

function backoffDelay(base: number, attempt: number): number {
  const d = base * 2 ** attempt;
  return Math.round(d * (0.75 + Math.random() * 0.5));
}

function waitOrAbort(ctx: RequestContext, signal: AbortSignal, ms: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      ctx.done();
      reject(abortOutcome(ctx, undefined) ?? signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    if (signal.aborted) {
      onAbort();
      return;
    }
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
