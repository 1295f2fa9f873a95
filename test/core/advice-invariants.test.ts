/**
 * The advice never contradicts itself, proven over the whole input space: every BKNSN zone × every
 * texture class (incl. loamy sand, a clay cover, peat under clay and boulder clay) × every Gt class
 * (BRO and older, and with the `s`/`w` prefixes) × seepage × position, with the default knowledge
 * base and ALL its principles (new principles are covered automatically). A second sweep adds flood
 * depths, heat and land use; a third gives landscape types without a zone; a fourth every water
 * quality (known good, matig, slecht, or unknown). Asserted for every place:
 *
 * - no action is both recommended (by an applied principle) and discouraged;
 * - no principle was held back by the engine's safety net (the knowledge base's own conditions
 *   already exclude principles whose action is discouraged);
 * - the water model is consistent with the discouraged actions: never `infiltratie` where
 *   infiltration is discouraged; `isolatie` (from the location) only where an isolatie principle
 *   applies, and the reverse;
 * - every applied principle has a reason whose placeholders are all filled (it needs no fact the
 *   place lacks);
 * - the infiltration verdict and the discouragement of `infiltreren` are one truth.
 */
import { describe, expect, it } from 'vitest';
import { assess } from '../../src/core/assess.js';
import { broGtClassCodes, legacyGtClassCodes } from '../../src/core/groundwater.js';
import { defaultKnowledgeBase } from '../../src/core/kb/load.js';
import type { Report } from '../../src/core/report.js';
import type { Fact, FactName, FactValues } from '../../src/core/types.js';

const kb = defaultKnowledgeBase();

function facts(values: Partial<Record<FactName, string | number>>): Fact[] {
  return Object.entries(values)
    .filter(([, v]) => v !== undefined)
    .map(
      ([name, value]) =>
        ({
          name: name as FactName,
          status: 'ok',
          value: value as FactValues[FactName],
          provenance: { sourceId: 'test', title: 'test' },
        }) as Fact,
    );
}

/** One soil code per texture class and layer the rules know, and none (soil map without data). */
const SOILS = [
  'Hn21', // zand, leemarm
  'Hn23', // lemig zand (HSG B)
  'kHn21', // zand met kleidek
  'Hn23x', // lemig zand op keileem
  'Mn25A', // zavel
  'Rd90A', // zware zavel / lichte klei → klei
  'Rn47C', // zware klei
  'Mv41C', // klei op veen (drechtvaaggrond)
  'Vc', // veen
  'Ln5', // leem
  undefined,
];
const GTS = [
  ...broGtClassCodes(),
  ...legacyGtClassCodes(),
  'sVI',
  'sVII',
  'sIII',
  'wII',
  'wI',
  undefined,
];
const SEEPAGES = [undefined, 'kwel', 'wegzijging', 'neutraal'];
const POSITIONS = [undefined, 'ridge', 'flank', 'low'];

interface Tally {
  places: number;
  contradictions: string[];
  suppressed: string[];
  waterModel: string[];
  reasons: string[];
  verdict: string[];
  applied: Map<string, number>;
}

function check(r: Report, label: string, t: Tally): void {
  t.places++;
  const discouraged = new Set(r.discouraged.map((d) => d.action));
  for (const p of r.principles) {
    t.applied.set(p.id, (t.applied.get(p.id) ?? 0) + 1);
    const against = p.actions.filter((a) => discouraged.has(a));
    if (against.length > 0)
      t.contradictions.push(`${label}: ${p.id} recommends ${against.join(',')}`);
    const text = `${p.reason.nl} ${p.reason.en}`;
    if (text.trim() === '' || /\{\w+\}/.test(text) || /(^|\s)\?([\s.,;:)]|$)/.test(text)) {
      t.reasons.push(`${label}: ${p.id} reason "${p.reason.nl}"`);
    }
  }
  for (const s of r.suppressed ?? []) t.suppressed.push(`${label}: ${s.principle}`);
  const model = r.derived.waterModel;
  if (model === 'infiltratie' && discouraged.has('infiltreren')) {
    t.waterModel.push(`${label}: infiltratie where infiltreren is discouraged`);
  }
  const isolatie = r.principles.some((p) => p.id.startsWith('isolatie-'));
  if (model === 'isolatie' && r.derived.waterModelFrom === 'location' && !isolatie) {
    t.waterModel.push(`${label}: isolatie without an isolatie principle`);
  }
  if (isolatie && model !== 'isolatie') {
    t.waterModel.push(`${label}: isolatie principles with water model ${String(model)}`);
  }
  const verdict = r.derived.infiltration?.verdict;
  if ((verdict === 'discouraged') !== discouraged.has('infiltreren')) {
    t.verdict.push(
      `${label}: verdict ${String(verdict)} vs discouraged ${discouraged.has('infiltreren')}`,
    );
  }
  if (
    verdict !== 'works' &&
    verdict !== 'partial' &&
    r.principles.some((p) => p.actions.includes('infiltreren'))
  ) {
    t.verdict.push(`${label}: an infiltreren principle with verdict ${String(verdict)}`);
  }
}

function newTally(): Tally {
  return {
    places: 0,
    contradictions: [],
    suppressed: [],
    waterModel: [],
    reasons: [],
    verdict: [],
    applied: new Map(),
  };
}

function summary(t: Tally): string {
  return (
    `${t.places} places: ${t.contradictions.length} contradictions, ${t.suppressed.length} held back, ` +
    `${t.waterModel.length} water-model inconsistencies, ${t.reasons.length} unfilled reasons, ` +
    `${t.verdict.length} verdict mismatches; ${t.applied.size} of ${kb.principles.length} principles applied`
  );
}

// Sweep 1: zones × soils × Gt × seepage × position.
const main = newTally();
for (const zone of [...kb.zones.map((z) => z.code), undefined]) {
  for (const soilCode of SOILS) {
    for (const gt of GTS) {
      for (const seepage of SEEPAGES) {
        for (const position of POSITIONS) {
          const r = assess(facts({ zone, soilCode, gt, seepage, position }), kb);
          check(r, JSON.stringify({ zone, soilCode, gt, seepage, position }), main);
        }
      }
    }
  }
}

// Sweep 2: every zone and a soil per texture, with flood depths, heat and land use.
const extra = newTally();
for (const zone of kb.zones.map((z) => z.code)) {
  for (const soilCode of ['Hn21', 'Rn47C', 'Mv41C', 'Vc', undefined]) {
    for (const gt of ['IIb', 'VI', 'VIId', undefined]) {
      for (const floodDepth of [0.05, 0.25, 0.6, 1.5, 2.5]) {
        for (const heat of [30, 38, 42]) {
          for (const landUse of ['heide', 'bebouwd', undefined]) {
            const r = assess(facts({ zone, soilCode, gt, floodDepth, heat, landUse }), kb);
            check(r, JSON.stringify({ zone, soilCode, gt, floodDepth, heat, landUse }), extra);
          }
        }
      }
    }
  }
}

// Sweep 3: landscape types without a zone (IJsselmeerpolders has no BKNSN zone of its own).
for (const landscapeType of kb.landscapeTypes.map((t) => t.id)) {
  for (const soilCode of SOILS) {
    for (const gt of ['IIb', 'IIc', 'VI', 'VIId', 'sVI', undefined]) {
      for (const seepage of SEEPAGES) {
        for (const position of POSITIONS) {
          const r = assess(facts({ landscapeType, soilCode, gt, seepage, position }), kb);
          check(r, JSON.stringify({ landscapeType, soilCode, gt, seepage, position }), extra);
        }
      }
    }
  }
}

// Sweep 4: water quality (the isolatiemodel's third condition, cahier bijlage 1): every zone ×
// soil × Gt × each quality, known or not.
const quality = newTally();
const isolatieWithGoodWater: string[] = [];
for (const zone of [...kb.zones.map((z) => z.code), undefined]) {
  for (const soilCode of SOILS) {
    for (const gt of ['IIb', 'IIc', 'IVu', 'VI', 'VIId', 'sVI', undefined]) {
      for (const waterQuality of [undefined, 'goed', 'matig', 'slecht']) {
        const r = assess(facts({ zone, soilCode, gt, waterQuality }), kb);
        const label = JSON.stringify({ zone, soilCode, gt, waterQuality });
        check(r, label, quality);
        if (waterQuality === 'goed' && r.principles.some((p) => p.id.startsWith('isolatie-'))) {
          isolatieWithGoodWater.push(label);
        }
      }
    }
  }
}

describe('advice is consistent at every place (default knowledge base, all principles)', () => {
  it(`zone × soil × Gt × seepage × position — ${summary(main)}`, () => {
    expect(main.places).toBeGreaterThan(100_000);
    expect(main.contradictions.slice(0, 5)).toEqual([]);
    expect(main.suppressed.slice(0, 5)).toEqual([]);
    expect(main.waterModel.slice(0, 5)).toEqual([]);
    expect(main.reasons.slice(0, 5)).toEqual([]);
    expect(main.verdict.slice(0, 5)).toEqual([]);
  });
  it(`with flood depth, heat and land use, and landscape types without a zone — ${summary(extra)}`, () => {
    expect(extra.contradictions.slice(0, 5)).toEqual([]);
    expect(extra.suppressed.slice(0, 5)).toEqual([]);
    expect(extra.waterModel.slice(0, 5)).toEqual([]);
    expect(extra.reasons.slice(0, 5)).toEqual([]);
    expect(extra.verdict.slice(0, 5)).toEqual([]);
  });
  it(`with every water quality (goed, matig, slecht, unknown) — ${summary(quality)}`, () => {
    expect(quality.places).toBeGreaterThan(3000);
    expect(quality.contradictions.slice(0, 5)).toEqual([]);
    expect(quality.suppressed.slice(0, 5)).toEqual([]);
    expect(quality.waterModel.slice(0, 5)).toEqual([]);
    expect(quality.reasons.slice(0, 5)).toEqual([]);
    expect(quality.verdict.slice(0, 5)).toEqual([]);
    // The isolatiemodel needs "Geen goede waterkwaliteit": never where the water is known good.
    expect(isolatieWithGoodWater.slice(0, 5)).toEqual([]);
  });
  it('every principle of the knowledge base applies somewhere in the space (so the checks cover it)', () => {
    const never = kb.principles
      .filter((p) => !p.disabled)
      .map((p) => p.id)
      .filter((id) => !main.applied.has(id) && !extra.applied.has(id) && !quality.applied.has(id));
    expect(never).toEqual([]);
  });
});
