/**
 * Node-only helpers for sources: reading a sources file and its data from disk (or http(s)).
 * Not for browsers (uses node:fs).
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { NaError } from '../core/types.js';
import type { FactSource } from '../core/types.js';
import { createSources, parseSourcesConfig } from './config.js';
import type { SourceTypes } from './config.js';
import type { FetchLike } from './http.js';

/**
 * Loads a text by location: a `file:` URL or a plain path is read from disk (UTF-8), an
 * `http(s):` URL is fetched (a non-2xx status is an error).
 */
export async function loadText(location: string, signal?: AbortSignal): Promise<string> {
  if (/^https?:\/\//i.test(location)) {
    const res = await fetch(location, signal === undefined ? {} : { signal });
    if (!res.ok) throw new Error(`HTTP ${res.status} ${res.statusText}`.trim());
    return res.text();
  }
  const path = location.startsWith('file:') ? fileURLToPath(location) : location;
  return readFile(path, { encoding: 'utf8', ...(signal === undefined ? {} : { signal }) });
}

/** Reads a local file (a path or `file:` URL) as bytes, e.g. a GeoTIFF. */
export async function loadBytes(location: string, signal?: AbortSignal): Promise<ArrayBuffer> {
  const path = location.startsWith('file:') ? fileURLToPath(location) : location;
  const buf = await readFile(path, signal === undefined ? {} : { signal });
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
    text = await readFile(absolute, 'utf8');
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new NaError('config-unreadable', `Cannot read sources file "${path}": ${why}`, {
      file: path,
    });
  }
  const config = parseSourcesConfig(
    text,
    path,
    options.types === undefined ? {} : { types: options.types },
  );
  const { signal } = options;
  return createSources(config, {
    baseUrl: pathToFileURL(absolute).href,
    load: (location) => loadText(location, signal),
    loadBytes: (location) => loadBytes(location, signal),
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    ...(options.types === undefined ? {} : { types: options.types }),
    ...(signal === undefined ? {} : { signal }),
  });
}
