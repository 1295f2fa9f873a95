/**
 * Named places: realistic locations in all 10 landscape types and the cahier's towns, each with the
 * answer a water-board expert expects (issue #9), in `test/fixtures/named-places.json`. Facts as
 * `explain --facts` takes them. Soil and Gt codes are BRO codes; the places are typical, not
 * surveyed points.
 */
import { describe, expect, it } from 'vitest';
import { assess } from '../../src/core/assess.js';
import { defaultKnowledgeBase } from '../../src/core/kb/load.js';
import type { Report } from '../../src/core/report.js';
import type { Fact, FactName, FactValues } from '../../src/core/types.js';
import namedPlaces from '../fixtures/named-places.json' with { type: 'json' };

const kb = defaultKnowledgeBase();

interface Place {
  name: string;
  type: string;
  facts: Partial<Record<FactName, string | number>>;
  /** Principles that must apply. */
  has?: string[];
  /** Principles that must not apply. */
  not?: string[];
  discouraged?: string[];
  notDiscouraged?: string[];
  waterModel?: string;
  infiltration?: string;
  hsg?: string;
  /** Words the discouragement of infiltreren must contain (nl), e.g. the real depth range. */
  infiltrationText?: string;
}

/** The places, shared with `scripts/domain-review.mjs` (which lists them per principle). */
const PLACES = namedPlaces.places as Place[];

function facts(values: Place['facts']): Fact[] {
  return Object.entries(values).map(
    ([name, value]) =>
      ({
        name: name as FactName,
        status: 'ok',
        value: value as FactValues[FactName],
        provenance: { sourceId: 'test', title: 'test' },
      }) as Fact,
  );
}

function ids(r: Report): string[] {
  return r.principles.map((p) => p.id);
}

describe(`named places (${PLACES.length})`, () => {
  it('cover all 10 landscape types and at least 60 places', () => {
    expect(PLACES.length).toBeGreaterThanOrEqual(60);
    expect(new Set(PLACES.map((p) => p.type)).size).toBe(10);
    for (const p of PLACES) {
      const r = assess(facts(p.facts), kb);
      const type = r.derived.landscapeType;
      if (type !== undefined) expect(type, p.name).toBe(p.type);
    }
  });
  for (const place of PLACES) {
    it(place.name, () => {
      const r = assess(facts(place.facts), kb);
      expect(r.errors, 'no unknown codes').toEqual([]);
      const got = ids(r);
      for (const id of place.has ?? []) expect(got, `applies ${id}`).toContain(id);
      for (const id of place.not ?? []) expect(got, `does not apply ${id}`).not.toContain(id);
      const actions = r.discouraged.map((d) => d.action);
      for (const a of place.discouraged ?? []) expect(actions, `discouraged ${a}`).toContain(a);
      for (const a of place.notDiscouraged ?? [])
        expect(actions, `not discouraged ${a}`).not.toContain(a);
      if (place.waterModel) expect(r.derived.waterModel, 'water model').toBe(place.waterModel);
      if (place.infiltration) expect(r.derived.infiltration?.verdict).toBe(place.infiltration);
      if (place.hsg) expect(r.derived.hydrologicSoilGroup, 'HSG').toBe(place.hsg);
      if (place.infiltrationText) {
        const text = r.discouraged
          .filter((d) => d.action === 'infiltreren')
          .flatMap((d) => d.reasons.map((x) => x.reason.nl))
          .join(' ');
        expect(text).toContain(place.infiltrationText);
      }
      // Never self-contradicting, and no conflict for a drained polder or a dry valley.
      for (const p of r.principles) {
        expect(
          p.actions.filter((a) => actions.includes(a)),
          p.id,
        ).toEqual([]);
      }
      if (['Dr1', 'Sw4', 'Lg6'].includes(String(place.facts.zone))) {
        expect(r.conflicts.filter((c) => c.key === 'gt')).toEqual([]);
      }
    });
  }
});
