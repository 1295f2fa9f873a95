/**
 * The one reader of JSON-schema (ajv) errors. Every file the project validates with a schema (the
 * knowledge base and its extension, the sources file) turns ajv's `ErrorObject`s into
 * {@link SchemaProblem}s here: plain data saying where the problem is (the path of the value, array
 * indices as numbers; for a missing, unknown or invalid key the path of that key), what kind of
 * problem it is, and its parameters. `schema-messages.ts` words them, the same for every file;
 * each reader adds its own parameters (a fact name, a source type, a language). ajv's error shapes
 * are known only here.
 */
import type { ErrorObject } from 'ajv';
import { parsePointer } from './located-json.js';

/** A segment of a value's path: a key, or an array index. */
export type Seg = string | number;

interface ProblemBase {
  /** Path of the value the problem is about (for a key problem: of the key). */
  at: Seg[];
  /** Path of the object that holds the offending key or value (`at` without its last key for key problems). */
  parent: Seg[];
  /** The value at `at` (undefined for a missing field). */
  value: unknown;
  /** The `description` of the schema that failed, if it has one. */
  description: string | undefined;
  /** The schema that failed (its properties, propertyNames, …), for readers that need more. */
  schema: Readonly<Record<string, unknown>>;
  /** The schema keyword that failed (`required`, `enum`, …). */
  keyword: string;
  /** ajv's own English text, if it made one, for a fallback. */
  ajvMessage: string | undefined;
}

/** One problem of a JSON-schema check, as data. */
export type SchemaProblem = ProblemBase &
  (
    | { kind: 'missing-field'; field: string }
    | { kind: 'unknown-field'; field: string; allowed: string[] }
    | { kind: 'invalid-key'; key: string }
    | { kind: 'not-allowed'; allowed: unknown[] }
    | { kind: 'wrong-type'; types: string[] }
    | { kind: 'empty'; what: 'text' | 'object' }
    | { kind: 'too-few-items' | 'too-many-items'; limit: number }
    | { kind: 'duplicate-item'; index: number; other: number }
    | { kind: 'pattern'; pattern: string }
    | { kind: 'out-of-range'; bound: 'minimum' | 'maximum'; comparison: string; limit: number }
    | { kind: 'no-branch' }
    | { kind: 'other' }
  );

/** Options of {@link schemaProblems}. */
export interface SchemaProblemOptions {
  /**
   * Of the errors under a failed `anyOf`, keep only those of the branch that matches the data's
   * JSON type (a string's `minLength`, an integer's `minimum`), so the problem is about what was
   * written; without such a branch, the `anyOf` itself (kind `no-branch`). Default false.
   */
  branchOfData?: boolean;
}

/**
 * The problems of a failed validation.
 * @param errors `validate.errors` of an ajv validator compiled with `verbose: true` (as
 *   `scripts/compile-validators.mjs` does: the failing schema and data are in the errors)
 * @param data the data that was validated
 */
export function schemaProblems(
  errors: readonly ErrorObject[],
  data: unknown,
  options: SchemaProblemOptions = {},
): SchemaProblem[] {
  const kept = options.branchOfData ? withoutOtherBranches(errors) : errors;
  const out: SchemaProblem[] = [];
  for (const e of kept) {
    const problem = toProblem(e, data);
    if (problem !== undefined) out.push(problem);
  }
  return out;
}

function toProblem(e: ErrorObject, data: unknown): SchemaProblem | undefined {
  // The inner error of `propertyNames` names the key (below, through `propertyName`).
  if (e.keyword === 'propertyNames') return undefined;
  const p = e.params as Record<string, unknown>;
  const segs = segments(e.instancePath, data);
  const schema: Record<string, unknown> = isObject(e.parentSchema) ? e.parentSchema : {};
  const description = typeof schema.description === 'string' ? schema.description : undefined;
  const base = (at: Seg[], value: unknown): ProblemBase => ({
    at,
    parent: segs,
    value,
    description,
    schema,
    keyword: e.keyword,
    ajvMessage: e.message,
  });
  const here = base(segs, valueAt(data, segs));
  const propertyName = (e as ErrorObject & { propertyName?: string }).propertyName;
  if (propertyName !== undefined) {
    return {
      ...base([...segs, propertyName], propertyName),
      kind: 'invalid-key',
      key: propertyName,
    };
  }
  switch (e.keyword) {
    case 'required': {
      const field = String(p.missingProperty);
      return { ...base([...segs, field], undefined), kind: 'missing-field', field };
    }
    case 'additionalProperties': {
      const field = String(p.additionalProperty);
      const props = schema.properties;
      const allowed = isObject(props) ? Object.keys(props).filter((k) => k !== '$schema') : [];
      return {
        ...base([...segs, field], valueAt(data, [...segs, field])),
        kind: 'unknown-field',
        field,
        allowed,
      };
    }
    case 'enum':
      return { ...here, kind: 'not-allowed', allowed: [...(p.allowedValues as unknown[])] };
    case 'type':
      return { ...here, kind: 'wrong-type', types: String(p.type).split(',') };
    case 'minLength':
      return { ...here, kind: 'empty', what: 'text' };
    case 'minProperties':
      return { ...here, kind: 'empty', what: 'object' };
    case 'minItems':
      return { ...here, kind: 'too-few-items', limit: Number(p.limit) };
    case 'maxItems':
      return { ...here, kind: 'too-many-items', limit: Number(p.limit) };
    case 'uniqueItems': {
      const index = Number(p.i);
      const at = [...segs, index];
      return {
        ...base(at, valueAt(data, at)),
        parent: segs,
        kind: 'duplicate-item',
        index,
        other: Number(p.j),
      };
    }
    case 'pattern':
      return { ...here, kind: 'pattern', pattern: String(p.pattern) };
    case 'minimum':
    case 'maximum':
      return {
        ...here,
        kind: 'out-of-range',
        bound: e.keyword,
        comparison: String(p.comparison),
        limit: Number(p.limit),
      };
    case 'anyOf':
    case 'oneOf':
      return { ...here, kind: 'no-branch' };
    default:
      return { ...here, kind: 'other' };
  }
}

/** The segments of an instance path, array indices as numbers. */
function segments(pointer: string, data: unknown): Seg[] {
  const out: Seg[] = [];
  let cur: unknown = data;
  for (const key of parsePointer(pointer)) {
    if (Array.isArray(cur) && /^\d+$/.test(key)) {
      out.push(Number(key));
      cur = cur[Number(key)];
    } else {
      out.push(key);
      cur = isObject(cur) ? cur[key] : undefined;
    }
  }
  return out;
}

function valueAt(data: unknown, segs: readonly Seg[]): unknown {
  let node = data;
  for (const seg of segs) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[seg];
  }
  return node;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * Keeps, of the errors under a failed `anyOf`, only those of the branch that matches the data's
 * JSON type; without such a branch, the `anyOf` error itself.
 */
function withoutOtherBranches(errors: readonly ErrorObject[]): ErrorObject[] {
  const anyOfs = errors.filter((e) => e.keyword === 'anyOf');
  if (anyOfs.length === 0) return [...errors];
  const keep = new Set<ErrorObject>(errors);
  for (const a of anyOfs) {
    const branches = Array.isArray(a.schema) ? (a.schema as Array<{ type?: unknown }>) : [];
    const t = jsonType(a.data);
    let idx = branches.findIndex((b) => b.type === t);
    if (idx < 0 && t === 'number') idx = branches.findIndex((b) => b.type === 'integer');
    const inside = errors.filter(
      (e) =>
        e !== a &&
        e.schemaPath.startsWith(`${a.schemaPath}/`) &&
        (e.instancePath === a.instancePath || e.instancePath.startsWith(`${a.instancePath}/`)),
    );
    for (const e of inside) keep.delete(e);
    if (idx >= 0) {
      const branch = inside.filter((e) => e.schemaPath.startsWith(`${a.schemaPath}/${idx}/`));
      if (branch.length > 0) {
        keep.delete(a);
        for (const e of branch) keep.add(e);
      }
    }
  }
  return errors.filter((e) => keep.has(e));
}

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}
