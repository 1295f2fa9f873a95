/**
 * JSON text with positions: parses a knowledge-base file with `jsonc-parser` so that a JSON
 * pointer can be turned back into a line and column, and describes pointers as entry and field.
 * Internal to the knowledge-base loader. Lines, columns, pointers, the byte-order mark and the
 * words for syntax errors are those of `src/core/located-json.ts`, the one module through which
 * every JSON file is read; what is the knowledge base's own is naming a pointer
 * (`principles[12]`) and the syntax tree kept for many lookups in one file.
 */
import { defined } from '../defined.js';
import {
  findNodeAtOffset,
  getNodePath,
  getNodeValue,
  parseTree,
  printParseErrorCode,
  type Node as JsonNode,
  type ParseError,
} from 'jsonc-parser';
import { KnowledgeBaseError, type KbIssueCode, type KnowledgeBaseIssue } from './errors.js';
import {
  JSON_SYNTAX_MESSAGES,
  lineStarts as computeLineStarts,
  parsePointer,
  positionAt,
  stripBom,
  toPointer,
  type TextPosition,
} from '../located-json.js';

export { parsePointer, toPointer };

/** A parsed JSON text with its syntax tree. */
export interface JsonText {
  file: string;
  text: string;
  root: JsonNode | undefined;
  /** Offsets at which each line starts. */
  lineStarts: number[];
}

/** A problem found at a JSON pointer, before it is located in a file. */
export interface RawIssue {
  pointer: string;
  code: KbIssueCode;
  message: string;
}

/** Where a pointer lies: file, position, and the document the pointer refers to. */
export interface Where {
  file: string;
  line: number;
  column: number;
  pointer: string;
  /** The document the pointer refers to (used to name entries by their id). */
  data: unknown;
}

/** Maps a pointer of the validated document to a file position. */
export type Resolve = (pointer: string) => Where;

/** Sections whose entries are array items. */
const ARRAY_SECTIONS = new Set([
  'landscapeTypes',
  'zoneGroups',
  'zones',
  'principles',
  'discouraged',
  'disable',
  'summaryRules',
  'citations',
  'links',
]);

/** The deepest node on the path of `segments`, and whether the whole path exists. */
function nodeAt(
  root: JsonNode | undefined,
  segments: string[],
): { node: JsonNode | undefined; exact: boolean } {
  let node = root;
  for (const seg of segments) {
    if (!node) return { node, exact: false };
    let next: JsonNode | undefined;
    if (node.type === 'object') {
      // The last property with the name wins, as in JSON.parse.
      const props = (node.children ?? []).filter((p) => p.children?.[0]?.value === seg);
      next = props[props.length - 1]?.children?.[1];
    } else if (node.type === 'array' && /^\d+$/.test(seg)) {
      next = node.children?.[Number(seg)];
    }
    if (!next) return { node, exact: false };
    node = next;
  }
  return { node, exact: true };
}

/** Line and column of the value at `pointer` (its field name when it is a field's value). */
export function positionOf(src: JsonText, pointer: string): TextPosition {
  const { node, exact } = nodeAt(src.root, parsePointer(pointer));
  if (!node) return { line: 1, column: 1 };
  const offset = exact && node.parent?.type === 'property' ? node.parent.offset : node.offset;
  return positionAt(src.lineStarts, offset);
}

/** A resolver for pointers into a parsed text. */
export function textResolver(src: JsonText, data: unknown, file = src.file): Resolve {
  return (pointer) => ({ file, ...positionOf(src, pointer), pointer, data });
}

function formatField(segments: string[]): string | undefined {
  let out = '';
  for (const s of segments) {
    if (/^\d+$/.test(s)) out += `[${s}]`;
    else out += out === '' ? s : `.${s}`;
  }
  return out === '' ? undefined : out;
}

function member(value: unknown, key: string): unknown {
  if (Array.isArray(value) && /^\d+$/.test(key)) return value[Number(key)];
  if (value !== null && typeof value === 'object') return (value as Record<string, unknown>)[key];
  return undefined;
}

/** Names the entry (e.g. `principles[12]` with its id) and the field of a pointer. */
export function describePointer(
  pointer: string,
  data: unknown,
): { entry?: string; id?: string; field?: string } {
  const segs = parsePointer(pointer);
  const [section, key] = segs;
  if (section === undefined) return {};
  if (ARRAY_SECTIONS.has(section) && key !== undefined && /^\d+$/.test(key)) {
    const item = member(member(data, section), key);
    const idValue = member(item, section === 'zones' ? 'code' : 'id');
    const out: { entry?: string; id?: string; field?: string } = { entry: `${section}[${key}]` };
    if (typeof idValue === 'string') out.id = idValue;
    const field = formatField(segs.slice(2));
    if (field !== undefined) out.field = field;
    return out;
  }
  if (section === 'labels' && key !== undefined) {
    const out: { entry?: string; field?: string } = { entry: `labels[${JSON.stringify(key)}]` };
    const field = formatField(segs.slice(2));
    if (field !== undefined) out.field = field;
    return out;
  }
  const field = formatField(segs);
  return defined({ field });
}

/** Turns a raw issue into a located issue. */
export function locate(raw: RawIssue, resolve: Resolve): KnowledgeBaseIssue {
  const where = resolve(raw.pointer);
  return {
    file: where.file,
    line: where.line,
    column: where.column,
    pointer: where.pointer,
    ...describePointer(where.pointer, where.data),
    code: raw.code,
    message: raw.message,
  };
}

/** Sorts issues by file and position (stable for equal positions). */
export function sortIssues(issues: KnowledgeBaseIssue[]): KnowledgeBaseIssue[] {
  return [...issues].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column,
  );
}

/** Throws a KnowledgeBaseError (`kb-invalid`) with every problem located by `resolve`. */
export function fail(raw: RawIssue[], resolve: Resolve): never {
  const issues: KnowledgeBaseIssue[] = raw.map((r) => locate(r, resolve));
  throw new KnowledgeBaseError('kb-invalid', sortIssues(issues));
}

/** Properties written twice in one object (JSON.parse silently keeps the last). */
function duplicateKeys(root: JsonNode | undefined): RawIssue[] {
  const out: RawIssue[] = [];
  const walk = (node: JsonNode): void => {
    if (node.type === 'object') {
      const seen = new Set<string>();
      for (const prop of node.children ?? []) {
        const key = prop.children?.[0]?.value;
        if (typeof key === 'string') {
          if (seen.has(key)) {
            const path = getNodePath(prop.children?.[0] ?? prop);
            out.push({
              pointer: toPointer(path),
              code: 'duplicate-key',
              message: `field "${key}" is written twice in the same object`,
            });
          }
          seen.add(key);
        }
      }
    }
    for (const child of node.children ?? []) walk(child);
  };
  if (root) walk(root);
  return out;
}

/**
 * Parses JSON text. Throws a KnowledgeBaseError (`kb-syntax`) with line and column for
 * malformed JSON, and (`kb-invalid`) for a field written twice in one object.
 */
export function parseJsonText(text: string, file: string): { value: unknown; src: JsonText } {
  const clean = stripBom(text);
  const errors: ParseError[] = [];
  const root = parseTree(clean, errors, { disallowComments: true, allowTrailingComma: false });
  const src: JsonText = { file, text: clean, root, lineStarts: computeLineStarts(clean) };
  if (errors.length > 0) {
    let partial: unknown;
    if (root) partial = getNodeValue(root);
    const issues = errors.map((e): KnowledgeBaseIssue => {
      const { line, column } = positionAt(src.lineStarts, e.offset);
      const name = printParseErrorCode(e.error);
      const near = root ? findNodeAtOffset(root, e.offset) : undefined;
      const pointer = near ? toPointer(getNodePath(near)) : '';
      return {
        file,
        line,
        column,
        pointer,
        ...describePointer(pointer, partial),
        code: 'syntax',
        message: JSON_SYNTAX_MESSAGES[name] ?? name,
      };
    });
    throw new KnowledgeBaseError('kb-syntax', issues);
  }
  const value: unknown = root ? getNodeValue(root) : undefined;
  const dups = duplicateKeys(root);
  if (dups.length > 0) {
    const resolve = textResolver(src, value);
    throw new KnowledgeBaseError(
      'kb-invalid',
      dups.map((d) => locate(d, resolve)),
    );
  }
  return { value, src };
}
