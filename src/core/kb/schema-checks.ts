/**
 * The JSON-schema checks of the knowledge base: the precompiled validators (ajv standalone) with
 * their errors worded by the common catalogue of schema problems (`../schema-messages.ts`).
 * Internal to the knowledge-base loader (`./load.ts`), which runs them on the files and objects a
 * municipality gives; every problem is a RawIssue at a JSON pointer. The default knowledge base
 * (`./default.ts`) does not import this module: the validators are about 200 kB minified, and the
 * data the library ships is proved schema-valid by the unit tests instead.
 */
import type { ValidateFunction } from 'ajv';
import { schemaProblems, type SchemaProblem } from '../schema-errors.js';
import { schemaProblemText, schemaText } from '../schema-messages.js';
import schema from './knowledge-base.schema.json' with { type: 'json' };
import * as validators from './validators.generated.js';
import type { RawIssue } from './json-text.js';
import { toPointer } from './json-text.js';

/** The JSON schema of the knowledge base; `definitions.knowledgeBaseExtension` is the extension. */
export const KNOWLEDGE_BASE_SCHEMA: Readonly<Record<string, unknown>> = schema;

interface Validators {
  kb: ValidateFunction;
  ext: ValidateFunction;
}

/**
 * The schema validators, compiled ahead of time by `scripts/compile-validators.mjs` (ajv standalone):
 * no code generation at run time, so validation works under a strict Content-Security-Policy.
 */
export function getValidators(): Validators {
  return { kb: validators.kb as ValidateFunction, ext: validators.ext as ValidateFunction };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The stable code of each kind of schema problem in a knowledge base. */
const CODES: Record<SchemaProblem['kind'], RawIssue['code']> = {
  'missing-field': 'missing-field',
  'unknown-field': 'unknown-field',
  'invalid-key': 'invalid-key',
  'not-allowed': 'invalid-value',
  'wrong-type': 'invalid-type',
  empty: 'empty',
  'too-few-items': 'too-few-items',
  'too-many-items': 'schema',
  'duplicate-item': 'duplicate-item',
  pattern: 'invalid-format',
  'out-of-range': 'out-of-range',
  'no-branch': 'schema',
  other: 'schema',
};

/**
 * A schema problem in a knowledge base, worded by the common catalogue (`schema-messages.ts`);
 * the knowledge base's own part is a missing text of a language (`missing-language`).
 */
function problemToIssue(problem: SchemaProblem): RawIssue {
  const pointer = toPointer(problem.at);
  if (problem.kind === 'missing-field') {
    const propertyNames = problem.schema.propertyNames;
    if (isObject(propertyNames) && propertyNames.$ref === '#/definitions/languageKey') {
      return {
        pointer,
        code: 'missing-language',
        message: schemaText('missingLanguage', { lang: problem.field }),
      };
    }
  }
  return { pointer, code: CODES[problem.kind], message: schemaProblemText(problem) };
}

/** Runs a compiled schema and returns its errors as RawIssues (deduplicated). */
export function schemaIssues(validate: ValidateFunction, data: unknown, prefix = ''): RawIssue[] {
  if (validate(data)) return [];
  const seen = new Set<string>();
  const out: RawIssue[] = [];
  for (const problem of schemaProblems(validate.errors ?? [], data)) {
    const issue = problemToIssue(problem);
    const key = `${issue.pointer}\u0000${issue.code}\u0000${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ ...issue, pointer: prefix + issue.pointer });
  }
  return out;
}
