/**
 * Files fetched whole by URL (a `sources.json` and the data files it names, a zonering GeoJSON),
 * through the one request layer of {@link fetchWithPolicy}: a time budget, the caller's
 * AbortSignal, bounded retries, a size limit read as a stream, and typed
 * {@link SourceRequestError}s with a user message in Dutch and English (an HTML error page or a
 * 404 is an error, never content).
 *
 * Widgets load files only through this module (no `fetch` outside `src/sources`, a lint rule).
 */
import type { FactSource } from '../core/types.js';
import { createSources, parseSourcesConfig } from './config.js';
import { DEFAULT_MAX_FILE_BYTES, fetchWithPolicy, readText, type FetchLike } from './http.js';

/**
 * Default time budget of one whole file (ms): files are larger than a point query's answer (a
 * municipal GeoJSON of tens of MB on a slow line), so they get more than the 8 s of a query.
 */
export const DEFAULT_FILE_TIMEOUT_MS = 60_000;

/** Options of {@link loadTextFile} and {@link loadSourcesFile}. */
export interface FileLoadOptions {
  /** Aborting rejects with the signal's reason, at once (never a {@link SourceRequestError}). */
  signal?: AbortSignal;
  /** Time budget per file in ms. Default {@link DEFAULT_FILE_TIMEOUT_MS}. */
  timeoutMs?: number;
  /** Largest file read, in bytes. Default {@link DEFAULT_MAX_FILE_BYTES}. */
  maxBytes?: number;
  /** The fetch implementation (default: the global `fetch`; inject in tests). */
  fetchImpl?: FetchLike;
}

/** The last path segment of a URL, without query or hash (`…/data/sources.json` → `sources.json`). */
export function fileNameOf(url: string): string {
  const path = url.split(/[?#]/)[0] ?? url;
  const name = path.split('/').pop() ?? '';
  return name === '' ? url : name;
}

/**
 * Fetches a text file whole (`url` absolute, or relative to the page in a browser).
 * @returns the file's text.
 * @throws SourceRequestError (`http-status`, `html-response`, `timeout`, `network`, `too-large`, …)
 *   naming the file; rejects with the signal's reason when the caller aborts.
 */
export async function loadTextFile(url: string, options: FileLoadOptions = {}): Promise<string> {
  const response = await fetchWithPolicy(url, {
    timeoutMs: options.timeoutMs ?? DEFAULT_FILE_TIMEOUT_MS,
    maxResponseBytes: options.maxBytes ?? DEFAULT_MAX_FILE_BYTES,
    sourceTitle: fileNameOf(url),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    ...(options.fetchImpl === undefined ? {} : { fetchImpl: options.fetchImpl }),
  });
  return readText(response);
}

/**
 * Loads a `sources.json` by URL and creates its sources: the file is fetched, parsed and
 * validated (errors with line and column), then every data file it names is fetched, relative
 * paths resolved against `url`, all under the same signal and limits.
 * @returns the sources in file order.
 * @throws SourceRequestError when a file cannot be fetched; NaError when the file or a data file
 *   is invalid (see `parseSourcesConfig` and `createSources`); rejects with the signal's reason on abort.
 */
export async function loadSourcesFile(
  url: string,
  options: FileLoadOptions = {},
): Promise<FactSource[]> {
  const text = await loadTextFile(url, options);
  const config = parseSourcesConfig(text, fileNameOf(url));
  return createSources(config, {
    load: (location) => loadTextFile(location, options),
    baseUrl: url,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    ...(options.fetchImpl === undefined ? {} : { fetch: options.fetchImpl }),
  });
}

/** Whether `e` is an abort (the caller's reason, or any `AbortError`), not a failure. */
export function isAbortError(e: unknown, signal?: AbortSignal): boolean {
  if (signal?.aborted === true && (e === signal.reason || signal.reason === undefined)) return true;
  return e instanceof DOMException && e.name === 'AbortError';
}
