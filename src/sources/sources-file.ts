/**
 * Loading a sources file and the data files it names, and any text file fetched whole by URL (a
 * zonering GeoJSON), through the one request layer of {@link fetchWithPolicy}: a time budget, the
 * caller's AbortSignal, bounded retries, a size limit read as a stream, typed errors (an HTML
 * error page or a 404 is an error, never content). A failure of a sources file is told in the
 * user's language: which file failed (the list of sources itself, or a data file in it), why in
 * words, and the technical detail (English, for a GIS team) apart.
 *
 * Widgets load files only through this module (no `fetch` outside `src/sources`, a lint rule).
 */
import { translate, type MessageParams } from '../core/messages.js';
import { defined } from '../core/defined.js';
import { NaError, type FactSource } from '../core/types.js';
import { ConfigError, createSources, parseSourcesConfig } from './config.js';
import { DEFAULT_MAX_FILE_BYTES, fetchWithPolicy, readText, type FetchLike } from './http.js';

/**
 * Default time budget of one whole file (ms): files are larger than a point query's answer (a
 * municipal GeoJSON of tens of MB on a slow line), so they get more than the 8 s of a query.
 */
export const DEFAULT_FILE_TIMEOUT_MS = 60_000;

import { sourcesFileMessages } from './sources-file-messages.js';

export { sourcesFileMessages };

/** Key of a {@link sourcesFileMessages} message. */
export type SourcesFileMessageKey = keyof typeof sourcesFileMessages;

/**
 * The sources file or one of its data files could not be used. `message` is the technical
 * detail (English); {@link SourcesFileError.userText} is the message for users in a language.
 */
export class SourcesFileError extends NaError {
  /** `list`: the sources file itself; `data`: a data file it names. */
  readonly stage: 'list' | 'data';
  /** The file that failed (its name, or its address when that is all there is). */
  readonly file: string;
  readonly messageKey: SourcesFileMessageKey;
  readonly messageParams: MessageParams;
  /** The error that caused this one. */
  readonly reason: unknown;
  constructor(
    stage: 'list' | 'data',
    file: string,
    key: SourcesFileMessageKey,
    params: MessageParams,
    reason: unknown,
  ) {
    const detail = reason instanceof Error ? reason.message : String(reason);
    super(stage === 'list' ? 'sources-file-failed' : 'data-file-failed', detail, {
      file,
      stage,
    });
    this.name = 'SourcesFileError';
    this.stage = stage;
    this.file = file;
    this.messageKey = key;
    this.messageParams = params;
    this.reason = reason;
  }

  /** The message for users, in `lang` (reworded texts first). */
  userText(lang: string): string {
    return translate(sourcesFileMessages, this.messageKey, lang, this.messageParams);
  }
}

/** The HTTP status of a failed load, when the error tells it. */
function statusOf(e: unknown): number | undefined {
  if (e instanceof NaError && typeof e.details.status === 'number') return e.details.status;
  const m = e instanceof Error ? /^HTTP (\d{3})\b/.exec(e.message) : null;
  return m ? Number(m[1]) : undefined;
}

import { fileNameOf } from './file-name.js';
export { fileNameOf };

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

/** Options of {@link loadSourcesFile}. */
export interface LoadSourcesFileOptions extends FileLoadOptions {
  /** Reads a file's text (the sources file and its data files); default {@link loadTextFile}. */
  load?: (location: string) => Promise<string>;
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
    subject: 'file',
    ...defined({ signal: options.signal, fetchImpl: options.fetchImpl }),
  });
  return readText(response);
}

export { isAbortError } from './abort.js';

/**
 * Loads a sources file from `url` and creates its sources.
 * @throws SourcesFileError naming the stage (`list` or `data`) and the file; rejects with the
 *   signal's reason when aborted
 */
export async function loadSourcesFile(
  url: string,
  options: LoadSourcesFileOptions = {},
): Promise<FactSource[]> {
  const { signal } = options;
  const read = options.load ?? ((location: string) => loadTextFile(location, options));
  const file = fileNameOf(url);
  let text: string;
  try {
    text = await read(url);
  } catch (e) {
    if (signal?.aborted) throw e;
    const status = statusOf(e);
    const key: SourcesFileMessageKey =
      status === undefined ? 'listUnreachable' : status === 404 ? 'listNotFound' : 'listHttp';
    throw new SourcesFileError('list', file, key, { file, status: status ?? '' }, e);
  }
  let config;
  try {
    config = parseSourcesConfig(text, file);
  } catch (e) {
    if (e instanceof ConfigError) {
      const first = e.errors[0];
      if (e.errors.length === 1 && first !== undefined && first.message.startsWith('JSON syntax')) {
        throw new SourcesFileError(
          'list',
          file,
          'listSyntax',
          { file, line: first.line, column: first.column },
          e,
        );
      }
      throw new SourcesFileError('list', file, 'listInvalid', { file, count: e.errors.length }, e);
    }
    throw new SourcesFileError('list', file, 'listFailed', { file }, e);
  }
  // The first data file that failed to load, and its HTTP status (a factory may wrap the error).
  let failedFile: string | undefined;
  let failedStatus: number | undefined;
  const load = async (location: string): Promise<string> => {
    try {
      return await read(location);
    } catch (e) {
      if (failedFile === undefined) {
        failedFile = location;
        failedStatus = statusOf(e);
      }
      throw e;
    }
  };
  try {
    return await createSources(config, {
      load,
      baseUrl: url,
      ...defined({ signal, fetch: options.fetchImpl }),
    });
  } catch (e) {
    if (signal?.aborted) throw e;
    const fromDetails =
      e instanceof NaError && typeof e.details.file === 'string' ? e.details.file : undefined;
    const data = fileNameOf(failedFile ?? fromDetails ?? url);
    const status = failedFile === undefined ? undefined : (failedStatus ?? statusOf(e));
    throw new SourcesFileError(
      'data',
      data,
      status === 404 ? 'dataNotFound' : 'dataFailed',
      { file: data, status: status ?? '' },
      e,
    );
  }
}
