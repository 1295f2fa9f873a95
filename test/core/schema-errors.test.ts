/**
 * The one reader of JSON-schema errors (src/core/schema-errors.ts): ajv's errors become problems
 * with a kind, the path of the value (array indices as numbers; the key's path for a missing,
 * unknown or invalid key) and the value, whatever file is checked. The knowledge-base check and the
 * sources file word them (their tests: test/core/kb/load-errors.test.ts, test/sources/config.test.ts).
 */
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { schemaProblems, type SchemaProblem } from '../../src/core/schema-errors.js';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'items'],
  properties: {
    name: { type: 'string', minLength: 1 },
    kind: { enum: ['a', 'b'] },
    items: {
      type: 'array',
      minItems: 1,
      uniqueItems: true,
      items: { type: 'integer', minimum: 0 },
    },
    code: { type: 'string', pattern: '^[A-Z]+$', description: 'capitals only' },
    labels: {
      type: 'object',
      minProperties: 1,
      propertyNames: { pattern: '^[a-z]{2}$' },
      description: 'language codes',
    },
    layer: {
      anyOf: [
        { type: 'string', minLength: 1 },
        { type: 'integer', minimum: 0 },
      ],
    },
  },
};
// As scripts/compile-validators.mjs compiles the project's validators.
const validate = new Ajv({ allErrors: true, verbose: true }).compile(schema);

function problems(data: unknown, branchOfData = false): SchemaProblem[] {
  expect(validate(data)).toBe(false);
  return schemaProblems(validate.errors ?? [], data, { branchOfData });
}

const brief = (p: SchemaProblem) => ({ kind: p.kind, at: p.at });

describe('schemaProblems', () => {
  it('turns every kind of ajv error into a problem at the path of the value or key', () => {
    const found = problems({
      kind: 'c',
      items: [3, -1, 3],
      code: 'abc',
      labels: { nld: 'x' },
      extra: true,
    });
    expect(found.map(brief)).toEqual(
      expect.arrayContaining([
        { kind: 'missing-field', at: ['name'] },
        { kind: 'unknown-field', at: ['extra'] },
        { kind: 'not-allowed', at: ['kind'] },
        { kind: 'out-of-range', at: ['items', 1] },
        { kind: 'duplicate-item', at: ['items', 0] },
        { kind: 'pattern', at: ['code'] },
        { kind: 'invalid-key', at: ['labels', 'nld'] },
      ]),
    );
    const unknown = found.find((p) => p.kind === 'unknown-field');
    expect(unknown?.kind === 'unknown-field' && unknown.allowed).toContain('labels');
    const duplicate = found.find((p) => p.kind === 'duplicate-item');
    expect(duplicate?.kind === 'duplicate-item' && [duplicate.index, duplicate.other]).toEqual([
      0, 2,
    ]);
    expect(duplicate?.value).toBe(3);
    expect(found.find((p) => p.kind === 'pattern')?.description).toBe('capitals only');
    expect(found.find((p) => p.kind === 'out-of-range')).toMatchObject({
      bound: 'minimum',
      limit: 0,
      value: -1,
    });
    // propertyNames itself is not reported: the invalid key is.
    expect(found.filter((p) => p.keyword === 'propertyNames')).toEqual([]);
  });

  it('reports types, empty texts and objects and too few items', () => {
    const found = problems({ name: '', items: [], labels: {}, kind: 1, code: 7 });
    expect(found.map(brief)).toEqual(
      expect.arrayContaining([
        { kind: 'empty', at: ['name'] },
        { kind: 'empty', at: ['labels'] },
        { kind: 'too-few-items', at: ['items'] },
        { kind: 'wrong-type', at: ['code'] },
      ]),
    );
    expect(found.find((p) => p.kind === 'wrong-type')).toMatchObject({
      types: ['string'],
      value: 7,
    });
  });

  it('keeps, under a failed anyOf, the branch of the data type when asked', () => {
    const data = { name: 'n', items: [1], layer: -2 };
    expect(problems(data).map((p) => p.kind)).toEqual(
      expect.arrayContaining(['wrong-type', 'out-of-range', 'no-branch']),
    );
    expect(problems(data, true).map(brief)).toEqual([{ kind: 'out-of-range', at: ['layer'] }]);
    expect(problems({ name: 'n', items: [1], layer: true }, true).map(brief)).toEqual([
      { kind: 'no-branch', at: ['layer'] },
    ]);
  });
});
