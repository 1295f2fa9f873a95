/**
 * Fixture-driven tests of the rule engine with the default knowledge base: facts in → principles
 * out. One JSON file per case in test/fixtures/assess/ (the cahier's cases and every landscape type).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assess } from '../../src/core/assess.js';
import { defaultKnowledgeBase } from '../../src/core/kb/load.js';
import type { Fact } from '../../src/core/types.js';
import { projectRoot } from '../helpers/shared.js';

interface Fixture {
  name: string;
  source?: string;
  facts: Record<string, string | number>;
  expect: {
    principles?: string[];
    notPrinciples?: string[];
    discouraged?: string[];
    notDiscouraged?: string[];
    missingPrinciples?: string[];
  };
}

const dir = resolve(projectRoot, 'test/fixtures/assess');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort();
const kb = defaultKnowledgeBase();

describe('assess fixtures (default knowledge base)', () => {
  it('has fixtures for every landscape type', () => {
    const types = new Set<string>();
    for (const file of files) {
      const fx = JSON.parse(readFileSync(resolve(dir, file), 'utf8')) as Fixture;
      const facts = toFacts(fx.facts);
      const r = assess(facts, kb);
      if (r.derived.landscapeType) types.add(r.derived.landscapeType);
    }
    expect([...types].sort()).toEqual(kb.landscapeTypes.map((t) => t.id).sort());
  });

  for (const file of files) {
    const fx = JSON.parse(readFileSync(resolve(dir, file), 'utf8')) as Fixture;
    it(`${file}: ${fx.name}`, () => {
      const r = assess(toFacts(fx.facts), kb);
      expect(r.errors).toEqual([]);
      const applied = r.principles.map((p) => p.id);
      for (const id of fx.expect.principles ?? []) expect(applied, `principle ${id}`).toContain(id);
      for (const id of fx.expect.notPrinciples ?? [])
        expect(applied, `not ${id}`).not.toContain(id);
      const actions = r.discouraged.map((d) => d.action);
      for (const a of fx.expect.discouraged ?? []) expect(actions, `discouraged ${a}`).toContain(a);
      for (const a of fx.expect.notDiscouraged ?? [])
        expect(actions, `not discouraged ${a}`).not.toContain(a);
      const missing = r.missing.flatMap((m) => (m.kind === 'principle' ? [m.principle] : []));
      for (const id of fx.expect.missingPrinciples ?? [])
        expect(missing, `missing ${id}`).toContain(id);
      // Every applied principle explains itself.
      for (const p of r.principles) {
        expect(p.reason.nl, p.id).not.toMatch(/[{}]/);
        expect(p.reason.en, p.id).not.toMatch(/[{}]/);
        expect(p.source.ref, p.id).toBeTruthy();
      }
    });
  }
});

function toFacts(values: Record<string, string | number>): Fact[] {
  return Object.entries(values).map(
    ([name, value]) =>
      ({
        name,
        status: 'ok',
        value,
        provenance: { sourceId: 'fixture', title: 'Fixture' },
      }) as Fact,
  );
}
