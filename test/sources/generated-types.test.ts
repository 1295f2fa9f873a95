// The TypeScript types of the sources file are generated from its JSON schema
// (scripts/compile-types.mjs, json-schema-to-typescript): the schema is their single source.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain ESM script without type declarations
import { TYPE_TARGETS, generatedTypes } from '../../scripts/compile-types.mjs';
import {
  KNOWN_SOURCE_TYPES,
  type SourceEntry,
  type SourceFileEntry,
} from '../../src/sources/config.js';
import schema from '../../src/sources/sources.schema.json' with { type: 'json' };

const root = resolve(import.meta.dirname, '../..');

describe('types generated from the JSON schemas', () => {
  for (const target of TYPE_TARGETS as Array<{ schema: string; out: string; name: string }>) {
    it(`${target.out} is current with ${target.schema} (run npm run compile:types)`, async () => {
      const current = readFileSync(resolve(root, target.out), 'utf8');
      expect(current).toBe(await generatedTypes(target));
    });
  }

  it('the generated entry type names every field of the schema, and the type enum is the known types', () => {
    const fields = Object.keys(schema.definitions.source.properties).sort();
    const text = readFileSync(resolve(root, 'src/sources/sources-file.generated.ts'), 'utf8');
    const body = text.slice(text.indexOf('export interface Source {'));
    for (const f of fields) expect(body).toMatch(new RegExp(`\\n  ${f.replace('$', '\\$')}\\??:`));
    expect(schema.definitions.source.properties.type.enum).toEqual([...KNOWN_SOURCE_TYPES]);
  });

  it('a normalised entry keeps the schema fields (compile-time check)', () => {
    // Every field of the file's entry exists on SourceEntry: a field added to the schema appears
    // in SourceEntry without a hand-written declaration.
    type Missing = Exclude<keyof SourceFileEntry, keyof SourceEntry>;
    const none: [Missing] extends [never] ? true : Missing = true;
    expect(none).toBe(true);
  });
});
