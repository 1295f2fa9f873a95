/**
 * Loading the knowledge base: knowledge-base files and municipal extension files, each validated
 * with the JSON schema and cross-reference checks, and the default data files (`./default.ts`,
 * re-exported here; cross-checked only, the tests prove them schema-valid). Every problem is
 * reported with the file, line, column, entry and field (see KnowledgeBaseError).
 *
 * Pure TypeScript: no DOM, no network. Files are passed in as text.
 */
import { checkConfigText } from '../json-limits.js';
import { crossCheck, extensionIssues } from './checks.js';
import {
  fail,
  parseJsonText,
  parsePointer,
  textResolver,
  toPointer,
  type JsonText,
  type RawIssue,
  type Resolve,
} from './json-text.js';
import { getValidators, schemaIssues } from './schema-checks.js';
import type { KnowledgeBase, KnowledgeBaseExtension, LandscapeType, Zone } from './types.js';

export { defaultKnowledgeBase } from './default.js';
export { KnowledgeBaseError, formatIssue } from './errors.js';
export { label } from './label.js';
export type { KbIssueCode, KnowledgeBaseIssue } from './errors.js';
export {
  GT_MAIN_CLASSES,
  NO_DATA_REASONS,
  REASON_PLACEHOLDERS,
  requiredLabelKeys,
} from './checks.js';
export { KNOWLEDGE_BASE_SCHEMA } from './schema-checks.js';

/** Extension objects parsed from text, with their syntax tree (for line numbers later). */
const extensionSources = new WeakMap<object, JsonText>();

/** Schema then cross-reference checks; throws with every problem located by `resolve`. */
function check(value: unknown, resolve: Resolve, extra: RawIssue[] = []): KnowledgeBase {
  const schemaProblems = schemaIssues(getValidators().kb, value);
  if (schemaProblems.length > 0) fail([...extra, ...schemaProblems], resolve);
  return crossChecked(value, resolve, extra);
}

/** The cross-reference checks alone (after the schema, or when the schema cannot run). */
function crossChecked(value: unknown, resolve: Resolve, extra: RawIssue[] = []): KnowledgeBase {
  const kb = value as KnowledgeBase;
  const problems = [...extra, ...crossCheck(kb)];
  if (problems.length > 0) fail(problems, resolve);
  return kb;
}

/** A resolver without text positions (line 0): data built in code, or the bundled data. */
function plainResolver(file: string, data: unknown): Resolve {
  return (pointer) => ({ file, line: 0, column: 0, pointer, data });
}

/**
 * Validates a knowledge base built in code (no text positions: errors have line 0).
 *
 * @param value - the candidate knowledge base
 * @param fileName - name used in error messages
 * @returns the same object, typed
 * @throws KnowledgeBaseError listing every problem
 */
export function validateKnowledgeBase(value: unknown, fileName = 'knowledge base'): KnowledgeBase {
  return check(value, plainResolver(fileName, value));
}

/**
 * Parses and validates a whole knowledge-base file (all sections in one JSON object).
 *
 * @param text - the file's JSON text
 * @param fileName - the name used in error messages, e.g. `kennisbank.json`
 * @throws KnowledgeBaseError (`kb-syntax` for malformed JSON, `kb-invalid` otherwise); each
 *   error names the file, line, column, entry, field and JSON pointer
 */
export function parseKnowledgeBaseFile(text: string, fileName: string): KnowledgeBase {
  const { value, src } = parseJsonText(text, fileName);
  return check(value, textResolver(src, value));
}

/**
 * Parses and validates a municipal extension file. Entries need only their id (or code for
 * zones) plus the fields they change. Whether the ids in `disable` exist is checked by
 * extendKnowledgeBase, which still reports the line in this file.
 *
 * @param text - the file's JSON text
 * @param fileName - the name used in error messages, e.g. `gemeente-breda.kb.json`
 * @throws KnowledgeBaseError naming file, line, column, entry and field
 */
export function parseKnowledgeBaseExtension(
  text: string,
  fileName: string,
): KnowledgeBaseExtension {
  checkConfigText(text, 'knowledge-base file', fileName);
  const { value, src } = parseJsonText(text, fileName);
  const resolve = textResolver(src, value);
  const problems = schemaIssues(getValidators().ext, value);
  if (problems.length > 0) fail(problems, resolve);
  const ext = value as KnowledgeBaseExtension;
  const dups = extensionIssues(ext);
  if (dups.length > 0) fail(dups, resolve);
  extensionSources.set(ext, src);
  return ext;
}

/** Marks issue pointers that point into the extension file, not into the merged result. */
const EXT_PREFIX = '/$extension';

const LOCALIZED_FIELDS = new Set(['name', 'description', 'title', 'text', 'reason']);

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Shallow merge of an entry; texts (LocalizedText) are merged per language. */
function mergeEntry(
  base: Record<string, unknown>,
  patch: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const current = out[key];
    if (LOCALIZED_FIELDS.has(key) && isRecord(current) && isRecord(value)) {
      out[key] = { ...current, ...value };
    } else if (key === 'system' && isRecord(current) && isRecord(value)) {
      const system: Record<string, unknown> = { ...current };
      for (const [part, text] of Object.entries(value)) {
        const old = system[part];
        system[part] = isRecord(old) && isRecord(text) ? { ...old, ...text } : text;
      }
      out[key] = system;
    } else {
      out[key] = structuredClone(value);
    }
  }
  return out;
}

/**
 * Applies a municipality's extension to a knowledge base and validates the result.
 *
 * - An entry with a new id (zones: code) is ADDED; it must be complete.
 * - An entry with an existing id OVERRIDES the fields it gives (shallow merge; texts are merged
 *   per language, so `{ "title": { "fy": "…" } }` adds a Frisian title and keeps nl and en).
 * - `disable: ["id"]` sets `disabled: true` on that principle or discouraged action.
 * - Labels are merged per key and language.
 * - The version becomes `<base version>+<extension version or "local">`.
 *
 * Pure: `base` is not changed; the result shares nothing with it.
 *
 * @param base - the knowledge base to extend (e.g. defaultKnowledgeBase())
 * @param ext - the extension (from parseKnowledgeBaseExtension, or built in code)
 * @param fileName - name used in error messages; defaults to the name given when parsing
 * @throws KnowledgeBaseError naming the extension file, line and entry (unknown ids in
 *   `disable`, incomplete new entries, overrides that break the schema or references)
 */
export function extendKnowledgeBase(
  base: KnowledgeBase,
  ext: KnowledgeBaseExtension,
  fileName?: string,
): KnowledgeBase {
  const src = extensionSources.get(ext);
  const file = fileName ?? src?.file ?? 'extension';
  const resolveExt: Resolve = src ? textResolver(src, ext, file) : plainResolver(file, ext);

  // Objects built in code were not validated by parseKnowledgeBaseExtension.
  const own = [...schemaIssues(getValidators().ext, ext)];
  if (own.length === 0) own.push(...extensionIssues(ext));
  if (own.length > 0) fail(own, resolveExt);

  const out = structuredClone(base) as KnowledgeBase;
  /** Pointer of a merged entry → pointer of the extension entry it came from. */
  const origin = new Map<string, string>();
  /** Problems found while merging; their pointers point into the extension. */
  const idIssues: RawIssue[] = [];

  const mergeList = (
    section:
      | 'landscapeTypes'
      | 'zones'
      | 'principles'
      | 'discouraged'
      | 'summaryRules'
      | 'citations'
      | 'links',
  ) => {
    const key = section === 'zones' ? 'code' : 'id';
    const target = (out[section] ??= [] as never) as unknown as Array<Record<string, unknown>>;
    const patches = (ext[section] ?? []) as Array<Record<string, unknown>>;
    const otherRules =
      section === 'principles' ? out.discouraged : section === 'discouraged' ? out.principles : [];
    patches.forEach((patch, i) => {
      const at = target.findIndex((e) => e[key] === patch[key]);
      if (at < 0 && otherRules.some((r) => r.id === patch.id)) {
        // Principles and discouraged actions share one id space (see `disable`).
        idIssues.push({
          pointer: EXT_PREFIX + toPointer([section, i, 'id']),
          code: 'duplicate-id',
          message: `id "${String(patch.id)}" is already used by a ${section === 'principles' ? 'discouraged action' : 'principle'}`,
        });
        return;
      }
      if (at < 0) {
        target.push(structuredClone(patch));
        origin.set(toPointer([section, target.length - 1]), toPointer([section, i]));
      } else {
        target[at] = mergeEntry(target[at] ?? {}, patch);
        origin.set(toPointer([section, at]), toPointer([section, i]));
      }
    });
  };
  mergeList('landscapeTypes');
  mergeList('zones');
  mergeList('principles');
  mergeList('discouraged');
  mergeList('summaryRules');
  mergeList('citations');
  mergeList('links');

  for (const [key, patch] of Object.entries(ext.labels ?? {})) {
    const merged: Record<string, string> = { ...(out.labels[key] ?? {}) };
    for (const [lang, text] of Object.entries(patch)) {
      if (text !== undefined) merged[lang] = text;
    }
    out.labels[key] = merged as KnowledgeBase['labels'][string];
    origin.set(toPointer(['labels', key]), toPointer(['labels', key]));
  }

  (ext.disable ?? []).forEach((id, i) => {
    const p = out.principles.findIndex((e) => e.id === id);
    const d = out.discouraged.findIndex((e) => e.id === id);
    const entry = p >= 0 ? out.principles[p] : d >= 0 ? out.discouraged[d] : undefined;
    if (!entry) {
      idIssues.push({
        pointer: EXT_PREFIX + toPointer(['disable', i]),
        code: 'unknown-disable-id',
        message: `"${id}" is not the id of a principle or a discouraged action`,
      });
      return;
    }
    entry.disabled = true;
    const entryPointer = p >= 0 ? toPointer(['principles', p]) : toPointer(['discouraged', d]);
    origin.set(`${entryPointer}/disabled`, toPointer(['disable', i]));
  });
  out.version = `${base.version}+${ext.version ?? 'local'}`;

  // Problems in the merged knowledge base are reported where the extension caused them.
  const resolveMerged: Resolve = (pointer) => {
    if (pointer.startsWith(EXT_PREFIX)) return resolveExt(pointer.slice(EXT_PREFIX.length));
    const segs = parsePointer(pointer);
    for (let n = segs.length; n > 0; n--) {
      const from = origin.get(toPointer(segs.slice(0, n)));
      if (from !== undefined) return resolveExt(from + toPointer(segs.slice(n)));
    }
    return {
      file: `${file} (merged with the base knowledge base)`,
      line: 0,
      column: 0,
      pointer,
      data: out,
    };
  };
  return check(out, resolveMerged, idIssues);
}

const zoneIndex = new WeakMap<readonly Zone[], Map<string, Zone>>();

/**
 * The zone with a BKNSN code (exact match, e.g. `Dz1`, `Sw4v`), or undefined.
 * Never look zones up by label: several labels occur under two codes.
 */
export function zoneByCode(kb: KnowledgeBase, code: string): Zone | undefined {
  let index = zoneIndex.get(kb.zones);
  if (!index) {
    index = new Map(kb.zones.map((z) => [z.code, z]));
    zoneIndex.set(kb.zones, index);
  }
  return index.get(code.trim());
}

/** The landscape type with an id (e.g. `stuwwal`), or undefined. */
export function landscapeTypeById(kb: KnowledgeBase, id: string): LandscapeType | undefined {
  return kb.landscapeTypes.find((t) => t.id === id);
}
