/**
 * Plot-scale principles (perceel/tuin) and the summary lines at the top of a report, as invariants
 * over the whole input space: every zone (and none) × every texture (and none) × every main
 * groundwater class (and none), plus a random sample over all facts (fast-check).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assess } from '../../src/core/assess.js';
import { defaultKnowledgeBase, extendKnowledgeBase } from '../../src/core/kb/load.js';
import { localizeReport } from '../../src/core/localize.js';
import type { Report } from '../../src/core/report.js';
import {
  LANDSCAPE_TYPES,
  SUMMARY_TOPICS,
  type Fact,
  type FactName,
  type FactValues,
} from '../../src/core/types.js';

const kb = defaultKnowledgeBase();
const plot = kb.principles.filter((p) => p.scale === 'perceel/tuin');

function facts(values: Partial<FactValues>): Fact[] {
  return (Object.entries(values) as Array<[FactName, FactValues[FactName]]>)
    .filter(([, v]) => v !== undefined)
    .map(
      ([name, value]) =>
        ({ name, status: 'ok', value, provenance: { sourceId: 'test', title: 'test' } }) as Fact,
    );
}

/** One soil code per texture group (BRO Bodemkaart codes); the first test checks the mapping. */
const SOIL_BY_TEXTURE = { zand: 'Hn21', klei: 'Mn35A', veen: 'Vc', zavel: 'Mn15A', leem: 'Ld5' };
const GT = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII'];

/** Pairs of plot principles that say opposite things; they must never apply together. */
const EXCLUSIVE: Array<[string, string]> = [
  ['perceel-regenpijp-afkoppelen', 'perceel-regenpijp-regentuin'],
  ['perceel-infiltratiekrat', 'perceel-regenpijp-regentuin'],
  ['perceel-infiltratiekrat', 'perceel-geen-kelder'],
  ['perceel-regenpijp-afkoppelen', 'perceel-geen-kelder'],
  ['perceel-boom-droog', 'perceel-boom-nat'],
  ['perceel-droogte-tuin', 'perceel-boom-nat'],
];

function checkInvariants(r: Report): void {
  const applied = new Set(r.principles.map((p) => p.id));
  const discouraged = new Set<string>(r.discouraged.map((d) => d.action));
  // 1. No plot advice recommends an action that is discouraged at the same place.
  for (const p of r.principles) {
    if (p.scale !== 'perceel/tuin') continue;
    for (const a of p.actions) expect(discouraged.has(a), `${p.id} recommends ${a}`).toBe(false);
  }
  // 2. Opposite plot advice never together.
  for (const [a, b] of EXCLUSIVE) {
    expect(applied.has(a) && applied.has(b), `${a} and ${b} together`).toBe(false);
  }
  // 3. The summary: 1–5 lines, one per topic, in topic order; it agrees with the discouraged list
  //    and with the plot advice.
  expect(r.summary.length).toBeGreaterThanOrEqual(1);
  expect(r.summary.length).toBeLessThanOrEqual(5);
  const topics = r.summary.map((l) => l.topic);
  expect(new Set(topics).size).toBe(topics.length);
  const order = topics.map((t) => SUMMARY_TOPICS.indexOf(t));
  expect([...order].sort((a, b) => a - b)).toEqual(order);
  const lines = new Set(r.summary.map((l) => l.id));
  if (lines.has('water-infiltreren')) expect(discouraged.has('infiltreren')).toBe(false);
  if (lines.has('water-niet-infiltreren')) expect(discouraged.has('infiltreren')).toBe(true);
  if (discouraged.has('infiltreren')) expect(lines.has('water-niet-infiltreren')).toBe(true);
  if (lines.has('grondwater-hoog')) {
    expect(applied.has('perceel-droogte-tuin')).toBe(false);
    expect(applied.has('perceel-infiltratiekrat')).toBe(false);
  }
  if (lines.has('grondwater-diep')) expect(applied.has('perceel-boom-nat')).toBe(false);
  for (const line of r.summary) {
    for (const key of line.missing) expect(line.basedOn.some((b) => b.key === key)).toBe(false);
    if (line.missing.length === 0 && line.basedOn.every((b) => b.sourceId === 'test')) {
      expect(line.confidence).toBe('hoog');
    } else expect(line.confidence).not.toBe('hoog');
  }
}

describe('plot-scale principles (perceel/tuin)', () => {
  it('the soil codes used below have the texture they stand for', () => {
    for (const [texture, code] of Object.entries(SOIL_BY_TEXTURE)) {
      expect(assess(facts({ soilCode: code }), kb).derived.texture).toBe(texture);
    }
  });

  it('at least 15, each with conditions, a reason and a source that resolves to a citation', () => {
    expect(plot.length).toBeGreaterThanOrEqual(15);
    const citations = kb.citations ?? [];
    for (const p of plot) {
      expect(p.reason.nl.length).toBeGreaterThan(10);
      expect(p.reason.en.length).toBeGreaterThan(10);
      const cited = citations.some((c) => c.refs.some((r) => p.source.ref.startsWith(r)));
      expect(cited, `${p.id}: ${p.source.ref}`).toBe(true);
    }
    // Each topic the issue names has a principle.
    for (const id of [
      'perceel-tegels-eruit',
      'perceel-regenton',
      'perceel-regenpijp-afkoppelen',
      'perceel-geveltuin',
      'perceel-boom-droog',
      'perceel-boom-nat',
      'perceel-groen-dak',
      'perceel-infiltratiekrat',
      'perceel-geen-kelder',
      'perceel-fundering-veen',
      'perceel-waterbestendig',
    ]) {
      expect(plot.map((p) => p.id)).toContain(id);
    }
  });

  it('disconnecting the downpipe and the crate follow the discouraged list, not their own rule', () => {
    const sandDeep = assess(facts({ zone: 'Dz1', soilCode: 'Hn21', gt: 'VII' }), kb);
    const ids = sandDeep.principles.map((p) => p.id);
    expect(ids).toContain('perceel-regenpijp-afkoppelen');
    expect(ids).toContain('perceel-infiltratiekrat');
    // Same sand, shallow groundwater: infiltration is discouraged, so the advice turns round.
    const sandWet = assess(facts({ zone: 'Dz1', soilCode: 'Hn21', gt: 'II' }), kb);
    const wetIds = sandWet.principles.map((p) => p.id);
    expect(wetIds).not.toContain('perceel-regenpijp-afkoppelen');
    expect(wetIds).not.toContain('perceel-infiltratiekrat');
    expect(wetIds).toContain('perceel-regenpijp-regentuin');
    expect(wetIds).toContain('perceel-geen-kelder');
    // Groundwater unknown: whether infiltration fits cannot be judged, and the report says so.
    const sandUnknown = assess(facts({ zone: 'Dz1', soilCode: 'Hn21' }), kb);
    const missing = sandUnknown.missing.find(
      (m) => m.kind === 'principle' && m.principle === 'perceel-regenpijp-afkoppelen',
    );
    expect(missing).toMatchObject({ needs: expect.arrayContaining(['gt']) as unknown });
  });

  it('a municipality can switch a plot principle off like any other', async () => {
    const { extendKnowledgeBase } = await import('../../src/core/kb/load.js');
    const ext = extendKnowledgeBase(kb, { disable: ['perceel-regenton'] });
    const r = assess(facts({ zone: 'Dz1' }), ext);
    expect(r.principles.map((p) => p.id)).not.toContain('perceel-regenton');
    expect(assess(facts({ zone: 'Dz1' }), kb).principles.map((p) => p.id)).toContain(
      'perceel-regenton',
    );
  });

  it('no contradiction over every zone × texture × groundwater class (with and without each)', () => {
    const zones = [undefined, ...kb.zones.map((z) => z.code)];
    const soils = [undefined, ...Object.values(SOIL_BY_TEXTURE)];
    const gts = [undefined, ...GT];
    let n = 0;
    for (const zone of zones) {
      for (const soilCode of soils) {
        for (const gt of gts) {
          checkInvariants(assess(facts({ zone, soilCode, gt }), kb));
          n++;
        }
      }
    }
    expect(n).toBe(zones.length * soils.length * gts.length);
  });

  it('no contradiction over a random sample of all facts (fast-check)', () => {
    const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
    fc.assert(
      fc.property(
        fc.record({
          zone: opt(fc.constantFrom(...kb.zones.map((z) => z.code))),
          landscapeType: opt(fc.constantFrom(...LANDSCAPE_TYPES)),
          soilCode: opt(fc.constantFrom(...Object.values(SOIL_BY_TEXTURE))),
          gt: opt(fc.constantFrom(...GT)),
          seepage: opt(
            fc.constantFrom('kwel' as const, 'wegzijging' as const, 'neutraal' as const),
          ),
          position: opt(fc.constantFrom('ridge' as const, 'flank' as const, 'low' as const)),
          heat: opt(fc.double({ min: 15, max: 50, noNaN: true })),
          floodDepth: opt(fc.double({ min: 0, max: 2, noNaN: true })),
        }),
        (values) => {
          checkInvariants(assess(facts(values), kb));
        },
      ),
      { numRuns: 1500, seed: 15 },
    );
  });
});

describe('summary lines ("the answer first")', () => {
  it('cover every landscape type: 3 to 5 lines for each zone and for the type alone', () => {
    for (const type of LANDSCAPE_TYPES) {
      const alone = assess(facts({ landscapeType: type }), kb);
      expect(alone.summary.length, type).toBeGreaterThanOrEqual(3);
      expect(alone.summary.some((l) => l.topic === 'landschap')).toBe(true);
      for (const zone of kb.zones.filter((z) => z.landscapeType === type)) {
        const r = assess(facts({ zone: zone.code }), kb);
        expect(r.summary.length, zone.code).toBeGreaterThanOrEqual(3);
        expect(r.summary.length, zone.code).toBeLessThanOrEqual(5);
      }
    }
  });

  it('say why, on which facts, what is missing and how firm, in the JSON contract', () => {
    const r = assess(
      facts({ zone: 'Lv1', soilCode: 'Vc', gt: 'II', heat: 42, floodDepth: 0.3 }),
      kb,
    );
    const json = localizeReport(r, kb, 'nl');
    expect(json.summary.map((l) => l.text)).toEqual([
      'Regenwater zakt hier slecht in de grond: houd het vast in de tuin.',
      'Het grondwater staat hier in de winter hoog: bouw niet diep.',
      'De grond is hier slap (veen) en kan zakken: let op de fundering.',
      'Bij een zware bui kan hier veel water op straat staan.',
      'Op hete dagen wordt het hier heel erg heet.',
    ]);
    const heat = json.summary.find((l) => l.topic === 'hitte');
    expect(heat?.reason).toContain('42 °C PET');
    expect(heat?.basedOn).toEqual([{ key: 'heat', value: 42, label: '42 °C PET', source: 'test' }]);
    expect(heat?.confidence).toBe('hoog');
    expect(heat?.confidenceLabel).toBe('zeker');
    expect(heat?.source.citation).toContain('Kluck');
    const en = localizeReport(r, kb, 'en');
    expect(en.summary[0]?.text).toBe(
      'Rainwater does not soak in well here: hold it in the garden.',
    );
  });

  it('are less firm on typical values of the zone and name what is missing', () => {
    // Only the zone: texture, position and seepage are typical values from the knowledge base.
    const r = assess(facts({ zone: 'Dz1' }), kb);
    const water = r.summary.find((l) => l.topic === 'water');
    expect(water?.id).toBe('water-infiltreren');
    expect(water?.missing).toContain('gt');
    expect(water?.confidence).toBe('laag');
    const json = localizeReport(r, kb, 'nl');
    expect(json.summary.find((l) => l.topic === 'water')?.missingLabels).toContain(
      'Grondwatertrap',
    );
  });
});

describe("the municipality's links on plot advice", () => {
  it('come from the extension file, next to the matching plot advice only', async () => {
    const { readFileSync } = await import('node:fs');
    const { parseKnowledgeBaseExtension, extendKnowledgeBase } =
      await import('../../src/core/kb/load.js');
    const file = 'demo/data/gemeente-voorbeeldstad.kb.json';
    const ext = extendKnowledgeBase(
      kb,
      parseKnowledgeBaseExtension(readFileSync(file, 'utf8'), file),
    );
    const r = localizeReport(assess(facts({ zone: 'Dz1', soilCode: 'Hn21', gt: 'VII' }), ext), ext);
    const linksOf = (id: string) => r.principles.find((p) => p.id === id)?.links ?? [];
    expect(linksOf('perceel-regenton').map((l) => l.id)).toEqual([
      'voorbeeldstad-subsidie-regenton',
    ]);
    // By action: every plot principle that infiltrates gets the disconnection programme.
    expect(linksOf('perceel-regenpijp-afkoppelen').map((l) => l.id)).toEqual([
      'voorbeeldstad-afkoppelen',
    ]);
    expect(linksOf('perceel-tegels-eruit')).toEqual([]);
    // Never on the city's own principles, even when they infiltrate.
    for (const p of r.principles.filter((pp) => pp.scale !== 'perceel/tuin')) {
      expect(p.links).toBeUndefined();
    }
    for (const p of r.principles) for (const l of p.links ?? []) expect(l.url).toMatch(/^https:/);
  });

  it('refuses a link that is not https, or that names an unknown principle', () => {
    const bad = (link: Record<string, unknown>) => () =>
      extendKnowledgeBase(kb, {
        links: [
          { id: 'x', label: { nl: 'x', en: 'x' }, principles: ['perceel-regenton'], ...link },
        ],
      } as never);
    expect(bad({ url: 'http://example.org' })).toThrow(/links\[0\].*url/s);
    expect(bad({ url: 'javascript:alert(1)' })).toThrow(/links\[0\].*url/s);
    expect(bad({ url: 'https://example.org', principles: ['bestaat-niet'] })).toThrow(
      /bestaat-niet/,
    );
    expect(bad({ url: 'https://example.org' })).not.toThrow();
  });
});
