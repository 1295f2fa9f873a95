/**
 * Node-only helpers for sources: reading a sources file and its data from disk (or http(s)).
 * Not for browsers (uses node:fs).
 */
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { NaError } from '../core/types.js';
import { MAX_CONFIG_BYTES } from '../core/json-limits.js';
import type { FactSource } from '../core/types.js';
import { createSources, parseSourcesConfig } from './config.js';
import type { SourceTypes } from './config.js';
import type { FetchLike } from './http.js';
import { DEFAULT_MAX_FILE_BYTES, readTextLimited } from './http.js';
import { defined } from '../core/defined.js';

/** Largest data file read from disk (GeoJSON, GeoTIFF, scenarios, CSV): 1 GiB. */
export const MAX_DATA_FILE_BYTES = 1024 * 1024 * 1024;

/**
 * Opens a local file for reading, refusing what is not a regular file (a device such as
 * `/dev/zero`, a FIFO, a socket, a directory). The file is opened non-blocking, so a FIFO without a
 * writer cannot hang the open, and checked on the open handle (no race with the path being
 * replaced). `what` names the file in the messages ("sources file", "CSV file").
 * @returns the open handle, which the caller closes, and the file's size in bytes.
 * @throws NaError `file-not-found`, `file-unreadable` or `not-a-file`, with `details.file`.
 */
export async function openLocalFile(
  path: string,
  what = 'file',
): Promise<{ handle: FileHandle; size: number }> {
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new NaError(
      code === 'ENOENT' ? 'file-not-found' : 'file-unreadable',
      code === 'ENOENT'
        ? `The ${what} "${path}" does not exist (ENOENT).`
        : `Cannot read the ${what} "${path}" (${code ?? String(e)}).`,
      { file: path },
    );
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) {
      throw new NaError(
        'not-a-file',
        `The ${what} "${path}" is not a regular file (a directory, device, FIFO or socket); give a file.`,
        { file: path },
      );
    }
    return { handle, size: stat.size };
  } catch (e) {
    await handle.close();
    throw e;
  }
}

/**
 * Reads a local file whole ({@link openLocalFile}: regular files only, opened non-blocking),
 * refusing files over `maxBytes`.
 * @throws NaError `not-a-file`, `too-large` (naming the limit), `file-unreadable` / `file-not-found`
 */
export async function readLocalFile(
  path: string,
  options: { maxBytes?: number; what?: string; signal?: AbortSignal } = {},
): Promise<Buffer> {
  const max = options.maxBytes ?? MAX_DATA_FILE_BYTES;
  const what = options.what ?? 'file';
  const { handle, size } = await openLocalFile(path, what);
  try {
    if (size > max) {
      throw new NaError(
        'too-large',
        `The ${what} "${path}" is ${size} bytes, over the limit of ${max} bytes (maxFileBytes).`,
        { file: path, limit: 'maxFileBytes', max },
      );
    }
    const buf = Buffer.alloc(size);
    let at = 0;
    while (at < buf.length) {
      options.signal?.throwIfAborted();
      const { bytesRead } = await handle.read(buf, at, buf.length - at, at);
      if (bytesRead === 0) break;
      at += bytesRead;
    }
    return at === buf.length ? buf : buf.subarray(0, at);
  } finally {
    await handle.close();
  }
}

/**
 * Loads a text by location: a `file:` URL or a plain path is read from disk (UTF-8), an
 * `http(s):` URL is fetched (a non-2xx status is an error).
 */
export async function loadText(location: string, signal?: AbortSignal): Promise<string> {
  if (/^https?:\/\//i.test(location)) {
    const res = await fetch(location, defined({ signal }));
    if (!res.ok) throw new Error(`HTTP ${res.status} ${res.statusText}`.trim());
    return readTextLimited(res, DEFAULT_MAX_FILE_BYTES, location);
  }
  const path = location.startsWith('file:') ? fileURLToPath(location) : location;
  const buf = await readLocalFile(path, {
    what: 'data file',
    ...defined({ signal }),
  });
  return buf.toString('utf8');
}

/** Reads a local file (a path or `file:` URL) as bytes, e.g. a GeoTIFF. */
export async function loadBytes(location: string, signal?: AbortSignal): Promise<ArrayBuffer> {
  const path = location.startsWith('file:') ? fileURLToPath(location) : location;
  const buf = await readLocalFile(path, {
    what: 'data file',
    ...defined({ signal }),
  });
  return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
}

/**
 * Reads a sources file and creates its sources; data paths are resolved relative to the file.
 * @param path the sources file (relative to the working directory or absolute); used as given in
 *   error messages.
 * @throws NaError `config-unreadable` when the file cannot be read, ConfigError when it is
 *   invalid, and the errors of {@link createSources} (naming the source id and data file).
 */
export async function loadSourcesFile(
  path: string,
  options: { types?: SourceTypes; signal?: AbortSignal; fetch?: FetchLike } = {},
): Promise<FactSource[]> {
  const absolute = resolve(path);
  let text: string;
  try {
    text = (
      await readLocalFile(absolute, { what: 'sources file', maxBytes: MAX_CONFIG_BYTES + 3 })
    ).toString('utf8');
  } catch (e) {
    if (e instanceof NaError && (e.code === 'too-large' || e.code === 'not-a-file')) {
      throw new NaError(
        e.code,
        e.code === 'too-large'
          ? `Sources file "${path}" is over the limit of ${MAX_CONFIG_BYTES / 1024 / 1024} MiB: this looks like a data file, not a sources file. Refer to data files from the "path" or "url" of a source.`
          : e.message,
        e.details,
      );
    }
    const why = e instanceof Error ? e.message : String(e);
    throw new NaError('config-unreadable', `Cannot read sources file "${path}": ${why}`, {
      file: path,
    });
  }
  const config = parseSourcesConfig(text, path, defined({ types: options.types }));
  const { signal } = options;
  return createSources(config, {
    baseUrl: pathToFileURL(absolute).href,
    load: (location) => loadText(location, signal),
    loadBytes: (location) => loadBytes(location, signal),
    ...defined({ fetch: options.fetch, types: options.types, signal }),
  });
}
