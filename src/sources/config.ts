/**
 * The sources file: which data gives which fact. Parsing with positioned error messages
 * (`sources.json:7:5 sources[1] (id "bodem") field "type": must be one of …`) and creation of the
 * sources through a registry of source types (type → factory).
 *
 * Network- and file-system-free: data is loaded through an injected `load` function (Node reads
 * files, a browser fetches URLs; see `node.ts` for the Node loader).
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import type { Node as JsonNode } from 'jsonc-parser';
import { normalizeCrs } from '../core/crs.js';
import { FACT_NAMES, NaError } from '../core/types.js';
import type { FactName, FactSource, SupportedCrs } from '../core/types.js';
import type { ClassMap, NoDataMarker, PropertyRef, ValueMap } from './facts.js';
import type { FetchLike } from './http.js';
import {
  checkConfigText,
  findJsonSyntaxError,
  lineColumn,
  stripBom,
} from '../core/located-json.js';
import { KNOWN_SOURCE_TYPES, where } from './source-entry.js';
import type { SourceEntry, SourceFactoryContext, SourceTypes } from './source-entry.js';
import { defaultSourceTypes } from './source-types.js';
import { PRESET_NAMES, presetData } from './presets.js';
import type { PresetName } from './presets.js';
import schema from './sources.schema.json' with { type: 'json' };

export {
  KNOWN_SOURCE_TYPES,
  where,
  type SourceEntry,
  type SourceFactoryContext,
  type SourceFileEntry,
  type SourceProblem,
  type SourceType,
  type SourceTypes,
  type SourcesFile,
} from './source-entry.js';
import { defined } from '../core/defined.js';
import { schemaProblems, type SchemaProblem } from '../core/schema-errors.js';
import { schemaProblemText, schemaText, type SchemaWordOptions } from '../core/schema-messages.js';
export { defaultSourceTypes, geojsonSourceType } from './source-types.js';
import { sources as validateSources } from './validators.generated.js';

/** A parsed, validated sources file. */
export interface SourcesConfig {
  /** File name as given to {@link parseSourcesConfig} (used in messages). */
  fileName: string;
  /** The file's own sources first, then those of its presets (`extends`) not overridden by id. */
  sources: SourceEntry[];
  /** Presets the file extends. */
  extends?: PresetName[];
}

/** One problem in a sources file, with its position. */
export interface ConfigIssue {
  file: string;
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
  /** Index in `sources`, when the problem is inside a source entry. */
  sourceIndex?: number;
  /** The entry's id, when it has one. */
  sourceId?: string;
  /** Field inside the entry (or at the top level), e.g. `type` or `properties.zone`. */
  field?: string;
  /** What is wrong, in English. */
  message: string;
  /** The full one-line text: `file:line:column sources[i] (id "…") field "…": message`. */
  text: string;
}

/** A sources file that cannot be used; `errors` lists every problem found. */
export class ConfigError extends NaError {
  readonly errors: readonly ConfigIssue[];
  constructor(errors: readonly ConfigIssue[]) {
    const head = errors.length === 1 ? '' : `${errors.length} problems in the sources file:\n`;
    super('invalid-config', head + errors.map((e) => e.text).join('\n'), {
      file: errors[0]?.file,
    });
    this.name = 'ConfigError';
    this.errors = errors;
  }
}

/** Precompiled by scripts/compile-validators.mjs: no eval at run time (strict CSP). */
const validator = validateSources as ValidateFunction;
function validate(data: unknown): ErrorObject[] {
  return validator(data) ? [] : [...(validator.errors ?? [])];
}

type Seg = string | number;

/**
 * Parses and validates a sources file.
 * @param text the file's text.
 * @param fileName used in messages (e.g. `sources.json` or the path given by the user).
 * @param options.types the source-type registry (default {@link defaultSourceTypes}); a type the
 *   schema knows but the registry lacks is reported at the entry's `type`.
 * @throws ConfigError listing every problem with file, line, column, source and field.
 */
export function parseSourcesConfig(
  text: string,
  fileName: string,
  options: { types?: SourceTypes } = {},
): SourcesConfig {
  const types = options.types ?? defaultSourceTypes;
  checkConfigText(text, 'sources file', fileName);
  const clean = stripBom(text);
  const syntax = findJsonSyntaxError(clean);
  if (syntax !== undefined) {
    throw new ConfigError([
      issue(fileName, syntax, undefined, undefined, `JSON syntax error: ${syntax.message}`),
    ]);
  }
  const tree = parseTree(clean, [], { disallowComments: true });
  const data = JSON.parse(clean) as unknown;
  const issues: Array<ConfigIssue & { offset: number }> = [];
  const add = (segs: Seg[], atKey: boolean, message: string, fieldSegs?: Seg[]): void => {
    const offset = locate(tree, segs, atKey);
    const pos = lineColumn(clean, offset);
    const { sourceIndex, sourceId, field } = describePath(data, fieldSegs ?? segs);
    issues.push({ ...issue(fileName, pos, sourceIndex, sourceId, message, field), offset });
  };

  for (const problem of schemaProblems(validate(data), data, { branchOfData: true })) {
    if (
      problem.kind === 'not-allowed' &&
      isSourceTypePath(problem.at) &&
      typeof problem.value === 'string' &&
      types[problem.value] !== undefined
    ) {
      continue; // a type added through the registry
    }
    const m = problemMessage(problem, types);
    add(m.segs, m.atKey, m.message);
  }
  if (isRecord(data) && data.sources === undefined && data.extends === undefined) {
    add(['sources'], false, schemaText('missingField', { field: 'sources' }));
  }

  // Checks beyond the schema, for entries whose shape allows them.
  const list = isRecord(data) && Array.isArray(data.sources) ? (data.sources as unknown[]) : [];
  const firstById = new Map<string, number>();
  const entries: SourceEntry[] = [];
  list.forEach((raw, i) => {
    if (!isRecord(raw)) return;
    const at = (f: Seg[]): Seg[] => ['sources', i, ...f];
    if (typeof raw.id === 'string') {
      const first = firstById.get(raw.id);
      if (first !== undefined) {
        add(at(['id']), true, `duplicate id "${raw.id}" (also used by sources[${first}])`);
      } else {
        firstById.set(raw.id, i);
      }
    }
    let crs: SupportedCrs | undefined;
    if (typeof raw.crs === 'string') {
      try {
        crs = normalizeCrs(raw.crs);
      } catch (e) {
        if (!(e instanceof NaError)) throw e;
        add(at(['crs']), true, e.message);
      }
    }
    if (Array.isArray(raw.coverage) && raw.coverage.length === 4) {
      const [minX, minY, maxX, maxY] = raw.coverage as unknown[];
      if (
        typeof minX === 'number' &&
        typeof minY === 'number' &&
        typeof maxX === 'number' &&
        typeof maxY === 'number' &&
        !(minX < maxX && minY < maxY)
      ) {
        add(
          at(['coverage']),
          true,
          'must be [minX, minY, maxX, maxY] with minX < maxX and minY < maxY',
        );
      }
    }
    const entry = toEntry(raw, i, crs);
    if (
      entry.detail === undefined &&
      (raw.properties === undefined ||
        (isRecord(raw.properties) && Object.keys(raw.properties).length === 0))
    ) {
      if (raw.properties === undefined)
        add(at(['properties']), false, schemaText('missingField', { field: 'properties' }));
      else
        add(
          at(['properties']),
          true,
          `${schemaText('empty')}; ${schemaText('hintFacts', { facts: FACT_NAMES.join(', ') })}`,
        );
    }
    const type = typeof raw.type === 'string' ? raw.type : undefined;
    if (type === undefined) return;
    const impl = types[type];
    if (impl === undefined) {
      // A type of the schema that the registry given leaves out (other types fail the schema).
      if ((KNOWN_SOURCE_TYPES as readonly string[]).includes(type)) {
        add(
          at(['type']),
          true,
          `source type "${type}" is not in the registry given (it has: ${Object.keys(types).join(', ')})`,
        );
      }
      return;
    }
    for (const p of impl.check?.(entry) ?? []) {
      const field = p.field.split('.');
      const exists = findNodeAtLocation(tree as JsonNode, at(field)) !== undefined;
      add(exists ? at(field) : at([]), exists, p.message, at(field));
    }
    entries.push(entry);
  });

  if (issues.length > 0) {
    issues.sort((a, b) => a.offset - b.offset);
    const seen = new Set<string>();
    const unique = issues.filter((x) => {
      if (seen.has(x.text)) return false;
      seen.add(x.text);
      return true;
    });
    throw new ConfigError(unique.map(({ offset: _offset, ...rest }) => rest));
  }
  const presets =
    isRecord(data) && Array.isArray(data.extends)
      ? (data.extends as unknown[]).filter((p): p is PresetName =>
          (PRESET_NAMES as readonly unknown[]).includes(p),
        )
      : [];
  if (presets.length === 0) return { fileName, sources: entries };
  const own = new Set(entries.map((e) => e.id));
  const added: SourceEntry[] = [];
  for (const name of presets) {
    for (const entry of presetEntries(name)) {
      if (own.has(entry.id)) continue; // the file's own source with this id replaces the preset's
      own.add(entry.id);
      added.push(entry);
    }
  }
  return { fileName, sources: [...entries, ...added], extends: presets };
}

/** The validated entries of a preset (the presets are checked by the tests). */
function presetEntries(name: PresetName): SourceEntry[] {
  const data = presetData(name);
  const list = Array.isArray(data.sources) ? (data.sources as unknown[]) : [];
  return list.filter(isRecord).map((raw, i) => {
    const crs = typeof raw.crs === 'string' ? normalizeCrs(raw.crs) : undefined;
    return { ...toEntry(raw, i, crs), preset: name };
  });
}

/**
 * The sources config of a preset alone (e.g. for a demo's "PDOK (online)" choice): the same as
 * parsing `{ "extends": ["pdok"] }`.
 */
export function presetSourcesConfig(name: PresetName): SourcesConfig {
  return parseSourcesConfig(JSON.stringify({ extends: [name] }), `preset "${name}"`);
}

/** Options of {@link createSources}. */
export interface CreateSourcesOptions {
  /**
   * Loads a data file by its resolved location (a URL when `baseUrl` is given, else the entry's
   * `path`/`url` as written). Node: read the file; browser: fetch.
   */
  load: (pathOrUrl: string) => Promise<string>;
  /** URL of the sources file; `path` and relative `url` entries are resolved against it. */
  baseUrl?: string;
  /** Source-type registry (default {@link defaultSourceTypes}). */
  types?: SourceTypes;
  /** Loads bytes (geotiff files that are not http(s) URLs; Node: read the file). */
  loadBytes?: (pathOrUrl: string) => Promise<ArrayBuffer>;
  /** The fetch implementation of remote sources (default: the global `fetch`; inject in tests). */
  fetch?: FetchLike;
  signal?: AbortSignal;
}

/**
 * Creates the sources of a parsed sources file, loading their data in parallel.
 * @returns the sources in file order.
 * @throws (rejects with) the first failure in file order: NaError `source-load-failed` (names
 *   the source id and the file), the data's own errors (`invalid-json`, `invalid-geojson`,
 *   `implausible-coordinates`, …) prefixed with the source id and file, or `unsupported-source-type`.
 */
export async function createSources(
  config: SourcesConfig,
  options: CreateSourcesOptions,
): Promise<FactSource[]> {
  const types = options.types ?? defaultSourceTypes;
  const { baseUrl, signal } = options;
  const context: SourceFactoryContext = {
    fileName: config.fileName,
    resolve: (p) => (baseUrl === undefined ? p : new URL(p.replace(/\\/g, '/'), baseUrl).href),
    load: options.load,
    ...defined({ loadBytes: options.loadBytes, fetch: options.fetch, signal }),
  };
  signal?.throwIfAborted();
  const settled = await Promise.allSettled(
    config.sources.map((entry) => {
      const impl = types[entry.type];
      if (impl === undefined) {
        return Promise.reject(
          new NaError(
            'unsupported-source-type',
            `Source "${entry.id}" (${where(entry, config.fileName)}): source type "${entry.type}" is not in the registry given (it has: ${Object.keys(types).join(', ')}).`,
            { sourceId: entry.id, type: entry.type },
          ),
        );
      }
      return impl.create(entry, context);
    }),
  );
  signal?.throwIfAborted();
  const out: FactSource[] = [];
  for (const s of settled) {
    if (s.status === 'rejected') throw s.reason;
    out.push(s.value);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function toEntry(
  raw: Record<string, unknown>,
  index: number,
  crs: SupportedCrs | undefined,
): SourceEntry {
  const str = (k: string): string | undefined => (typeof raw[k] === 'string' ? raw[k] : undefined);
  const properties: Partial<Record<FactName, string>> = {};
  const propertyRefs: Partial<Record<FactName, PropertyRef>> = {};
  const bands: Partial<Record<FactName, number>> = {};
  if (isRecord(raw.properties)) {
    for (const f of FACT_NAMES) {
      const v = raw.properties[f];
      if (typeof v === 'string') {
        properties[f] = v;
        propertyRefs[f] = v;
      } else if (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string')) {
        propertyRefs[f] = [...(v as string[])];
      } else if (typeof v === 'number' && Number.isInteger(v)) {
        bands[f] = v;
      }
    }
  }
  const e: SourceEntry = {
    id: str('id') ?? '',
    type: str('type') ?? '',
    properties,
    propertyRefs,
    bands,
    index,
  };
  const optional = [
    'path',
    'url',
    'title',
    'licence',
    'version',
    'scale',
    'documentation',
    'description',
    'serviceVersion',
    'crsUri',
    'itemsPath',
    'collectionPath',
    'outputFormat',
    'infoFormat',
    'comment',
    'checked',
  ] as const;
  for (const k of optional) {
    const v = str(k);
    if (v !== undefined) e[k] = v;
  }
  if (typeof raw.layer === 'string') e.layer = raw.layer;
  else if (typeof raw.layer === 'number') e.layer = String(raw.layer);
  if (typeof raw.timeoutMs === 'number') e.timeoutMs = raw.timeoutMs;
  if (typeof raw.retries === 'number') e.retries = raw.retries;
  if (typeof raw.maxResponseBytes === 'number') e.maxResponseBytes = raw.maxResponseBytes;
  if (typeof raw.maxDecodedBytes === 'number') e.maxDecodedBytes = raw.maxDecodedBytes;
  if (crs !== undefined) e.crs = crs;
  if (typeof raw.illustrative === 'boolean') e.illustrative = raw.illustrative;
  if (
    Array.isArray(raw.coverage) &&
    raw.coverage.length === 4 &&
    raw.coverage.every((n) => typeof n === 'number')
  ) {
    e.coverage = raw.coverage as [number, number, number, number];
  }
  if (
    Array.isArray(raw.noData) &&
    raw.noData.every((m) => typeof m === 'string' || typeof m === 'number')
  ) {
    e.noData = [...(raw.noData as NoDataMarker[])];
  }
  if (raw.floodKind === 'regen' || raw.floodKind === 'doorbraak') e.floodKind = raw.floodKind;
  if (
    raw.queryCrs === 'EPSG:28992' ||
    raw.queryCrs === 'EPSG:4326' ||
    raw.queryCrs === 'EPSG:3857'
  ) {
    e.queryCrs = raw.queryCrs;
  }
  if (
    Array.isArray(raw.samplePoint) &&
    raw.samplePoint.length === 2 &&
    raw.samplePoint.every((n) => typeof n === 'number')
  ) {
    e.samplePoint = [raw.samplePoint[0] as number, raw.samplePoint[1] as number];
  }
  if (isRecord(raw.classes)) {
    const cm: Record<string, Record<string, { min: number | null; max: number | null }>> = {};
    for (const f of FACT_NAMES) {
      const m = raw.classes[f];
      if (!isRecord(m)) continue;
      const out: Record<string, { min: number | null; max: number | null }> = {};
      for (const [k, v] of Object.entries(m)) {
        if (!isRecord(v)) continue;
        const bound = (b: unknown): number | null => (typeof b === 'number' ? b : null);
        out[k] = { min: bound(v.min), max: bound(v.max) };
      }
      cm[f] = out;
    }
    e.classes = cm as ClassMap;
  }
  if (Array.isArray(raw.detail) && raw.detail.every((d) => typeof d === 'string')) {
    e.detail = [...(raw.detail as string[])];
  }
  if (isRecord(raw.valueMap)) {
    const vm: Record<string, Record<string, string | null>> = {};
    for (const f of FACT_NAMES) {
      const m = raw.valueMap[f];
      if (!isRecord(m)) continue;
      const out: Record<string, string | null> = {};
      for (const [k, v] of Object.entries(m)) if (typeof v === 'string' || v === null) out[k] = v;
      vm[f] = out;
    }
    e.valueMap = vm as ValueMap;
  }
  return e;
}

function issue(
  file: string,
  pos: { line: number; column: number },
  sourceIndex: number | undefined,
  sourceId: string | undefined,
  message: string,
  field?: string,
): ConfigIssue {
  let where = '';
  if (sourceIndex !== undefined) {
    where = ` sources[${sourceIndex}]` + (sourceId === undefined ? '' : ` (id "${sourceId}")`);
  }
  if (field !== undefined) where += ` field "${field}"`;
  const text = `${file}:${pos.line}:${pos.column}${where}: ${message}`;
  return {
    file,
    line: pos.line,
    column: pos.column,
    ...defined({ sourceIndex, sourceId, field }),
    message,
    text,
  };
}

/** JSON pointer → path segments (array indices as numbers where the data has an array). */
function isSourceTypePath(segs: Seg[]): boolean {
  return (
    segs.length === 3 && segs[0] === 'sources' && typeof segs[1] === 'number' && segs[2] === 'type'
  );
}

/** Offset of the node at `segs` (its key when `atKey` and it is an object property), or of the nearest existing ancestor. */
function locate(tree: JsonNode | undefined, segs: Seg[], atKey: boolean): number {
  if (tree === undefined) return 0;
  for (let n = segs.length; n >= 0; n--) {
    const node = findNodeAtLocation(tree, segs.slice(0, n));
    if (node !== undefined) {
      if (n === segs.length && atKey && node.parent?.type === 'property') return node.parent.offset;
      return node.offset;
    }
  }
  return tree.offset;
}

function describePath(
  data: unknown,
  segs: Seg[],
): { sourceIndex?: number; sourceId?: string; field?: string } {
  const fieldOf = (rest: Seg[]): string | undefined => {
    if (rest.length === 0) return undefined;
    let s = '';
    for (const p of rest) s += typeof p === 'number' ? `[${p}]` : s === '' ? p : `.${p}`;
    return s;
  };
  if (segs[0] === 'sources' && typeof segs[1] === 'number') {
    const idx = segs[1];
    const list = isRecord(data) ? data.sources : undefined;
    const entry = Array.isArray(list) ? (list[idx] as unknown) : undefined;
    const id =
      isRecord(entry) && typeof entry.id === 'string' && entry.id !== '' ? entry.id : undefined;
    const field = fieldOf(segs.slice(2));
    return {
      sourceIndex: idx,
      ...defined({ sourceId: id, field }),
    };
  }
  const field = fieldOf(segs);
  return defined({ field });
}

const SOURCE_FIELDS = Object.keys(
  (schema.definitions.source as { properties: Record<string, unknown> }).properties,
);

/**
 * A schema problem in the sources file: where (and whether at the key), and its words from the
 * common catalogue (`core/schema-messages.ts`) with this file's parameters: fact names, the source
 * types of the registry, and what a property, layer or no-data value may be.
 */
function problemMessage(
  problem: SchemaProblem,
  types: SourceTypes,
): { segs: Seg[]; atKey: boolean; message: string } {
  const segs = problem.parent;
  const last = segs[segs.length - 1];
  const words = (options: SchemaWordOptions = {}): string => schemaProblemText(problem, options);
  switch (problem.kind) {
    case 'missing-field':
      return { segs: problem.at, atKey: false, message: words() };
    case 'unknown-field': {
      const isFacts =
        segs.length === 3 &&
        segs[0] === 'sources' &&
        (segs[2] === 'properties' || segs[2] === 'valueMap');
      const allowed = isFacts
        ? [...FACT_NAMES]
        : segs.length === 0
          ? ['sources', 'extends', '$schema']
          : SOURCE_FIELDS;
      const message = words({ what: isFacts ? 'fact' : 'field', allowed });
      return { segs: problem.at, atKey: true, message };
    }
    case 'not-allowed':
      return {
        segs,
        atKey: true,
        message: words(isSourceTypePath(segs) ? { allowed: Object.keys(types) } : {}),
      };
    case 'empty':
      return {
        segs,
        atKey: true,
        message: words(
          problem.what === 'object'
            ? { hint: schemaText('hintFacts', { facts: FACT_NAMES.join(', ') }) }
            : {},
        ),
      };
    case 'no-branch':
      return {
        segs,
        atKey: true,
        message: words({
          expected: schemaText(
            last === 'layer'
              ? 'expectLayer'
              : segs.includes('noData')
                ? 'expectNoData'
                : 'expectProperty',
          ),
        }),
      };
    case 'too-few-items':
    case 'too-many-items':
      return {
        segs,
        atKey: true,
        message: words(last === 'coverage' ? { hint: schemaText('hintCoverage') } : {}),
      };
    case 'pattern':
      return {
        segs,
        atKey: true,
        message: words({ expected: schemaText(last === 'checked' ? 'ruleDate' : 'ruleId') }),
      };
    default:
      return { segs, atKey: true, message: words() };
  }
}
