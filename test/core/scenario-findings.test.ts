/**
 * The findings of issue #17 ("scenario numbers an engineer signs off on"), each on constructed
 * designs over a six-strip natural system (test/fixtures/scenarios, written by make-fixtures.mjs),
 * plus the two property tests: removing paving never increases street water (every soil × Gt), and
 * the scenario's "infiltration works" is the location check's "infiltreren not discouraged" (every
 * zone × soil × Gt × seepage).
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assess } from '../../src/core/assess.js';
import { defaultKnowledgeBase } from '../../src/core/kb/load.js';
import { compareScenarios } from '../../src/core/scenario/compare.js';
import { GroundJudge, groundFactList } from '../../src/core/scenario/ground.js';
import { computeIndicators, overlayScenario } from '../../src/core/scenario/indicators.js';
import {
  naturalSystem,
  type NaturalSystem,
  type SystemPolygon,
} from '../../src/core/scenario/overlay.js';
import { resolveParams } from '../../src/core/scenario/params.js';
import { parseScenario, type Scenario } from '../../src/core/scenario/scenario.js';

const dir = new URL('../fixtures/scenarios/', import.meta.url);
const kb = defaultKnowledgeBase();
const params = resolveParams();
type Ring = Array<[number, number]>;

interface Strip {
  zone: string;
  soilCode: string;
  gt: string;
  seepage?: string;
  ring: Ring;
}
const strips = (
  JSON.parse(readFileSync(new URL('six-strips.system.json', dir), 'utf8')) as { strips: Strip[] }
).strips;
const layer = (value: string, ring: Ring): SystemPolygon => ({
  geometry: { type: 'Polygon', coordinates: [ring] },
  value,
});
const sixStrips: NaturalSystem = naturalSystem({
  zones: strips.map((s) => layer(s.zone, s.ring)),
  soil: strips.map((s) => layer(s.soilCode, s.ring)),
  groundwater: strips.map((s) => layer(s.gt, s.ring)),
  seepage: strips.filter((s) => s.seepage).map((s) => layer(s.seepage!, s.ring)),
});
const rect6 = (x: number, y: number, w: number, h: number): Ring => [
  [190000 + x, 445000 + y],
  [190000 + x + w, 445000 + y],
  [190000 + x + w, 445000 + y + h],
  [190000 + x, 445000 + y + h],
  [190000 + x, 445000 + y],
];
const design = (file: string): Scenario =>
  parseScenario(JSON.parse(readFileSync(new URL(file, dir), 'utf8')), { fileName: file });
const indicators = (s: Scenario, system: NaturalSystem = sixStrips) =>
  computeIndicators(s, overlayScenario(s, system, params), params);
const street = (ind: ReturnType<typeof indicators>, event: string, future = 'today') =>
  ind.runoff.find((r) => r.event === event && r.future === future)!;

describe('1. the rain test rewards less paving (Klimaateffectatlas losses per surface)', () => {
  it('on clay, 100 % grass puts less water on the street than 100 % paving', () => {
    const grass = indicators(design('clay-paved-0.geojson'));
    const paved = indicators(design('clay-paved-100.geojson'));
    for (const storm of ['T100', 'T1000']) {
      expect(street(grass, storm).street_water_m3).toBeLessThan(
        street(paved, storm).street_water_m3,
      );
    }
    // Hand calculation, T100 on clay (HSG D): paving Q = 64.142 mm − 40 mm sewer = 24.142 mm ×
    // 20,000 m² = 482.8 m³; grass Q(CN 80) = 27.18 mm − 40 mm infiltration → 0.
    expect(street(paved, 'T100').street_water_m3).toBeCloseTo(482.84, 1);
    expect(street(grass, 'T100').street_water_m3).toBe(0);
  });

  it('on clay, going from 50 % to 40 % paving does not raise T100 street water', () => {
    const p50 = indicators(design('clay-paved-50.geojson'));
    const p40 = indicators(design('clay-paved-40.geojson'));
    expect(street(p40, 'T100').street_water_m3).toBeLessThan(street(p50, 'T100').street_water_m3);
    expect(street(p40, 'T100').street_water_low_point_depth_m).toBeLessThan(
      street(p50, 'T100').street_water_low_point_depth_m,
    );
  });

  it('on sand, 50 % grass does no worse than 100 % paving in every storm and future', () => {
    const p100 = indicators(design('sand-paved-100.geojson'));
    const p50 = indicators(design('sand-paved-50.geojson'));
    p100.runoff.forEach((r, i) =>
      expect(p50.runoff[i]!.street_water_m3).toBeLessThanOrEqual(r.street_water_m3),
    );
  });

  it('depths use fixed denominators: the planning area, and the low zones for the local maximum', () => {
    const s = design('built-across-strips.geojson');
    const ind = indicators(s);
    const t100 = street(ind, 'T100');
    expect(ind.area_m2).toBeCloseTo(120000, 3);
    expect(t100.street_water_depth_m).toBeCloseTo(t100.street_water_m3 / 120000, 4);
    // Lv1, Dz5 and Dz8 are low zones (stream valley, peat depressions): 3 strips of 20,000 m²;
    // the water gathers on the lowest 10 % of the area (12,000 m²), which lies in them.
    expect(ind.low_point_source).toBe('zones');
    expect(ind.low_point_area_m2).toBeCloseTo(12000, 0);
    expect(t100.street_water_low_point_depth_m).toBeCloseTo(t100.street_water_m3 / 12000, 4);
    // Only one small low zone: the water gathers there (deeper).
    const valley = naturalSystem({
      zones: [layer('Dz1', rect6(0, 0, 550, 200)), layer('Dz5', rect6(550, 0, 50, 200))],
      soil: [layer('Hn21', rect6(0, 0, 600, 200))],
      groundwater: [layer('VII', rect6(0, 0, 600, 200))],
    });
    const v = indicators(s, valley);
    expect(v.low_point_area_m2).toBeCloseTo(10000, 0);
    expect(t100.street_water_low_point_depth_m).toBeGreaterThan(t100.street_water_depth_m);
    // The rain cells test the low points, not the mean.
    const r = compareScenarios([s], sixStrips, kb).scenarios[0]!;
    const cell = r.robustness.matrix.find((c) => c.test === 'rain-T100' && c.future === 'today')!;
    expect(cell.conditions[0]!.name).toBe('street_water_low_point_depth');
    expect(cell.value).toBe(t100.street_water_low_point_depth_m);
  });

  const SOILS = ['Hn21', 'Mn35A', 'hVc', 'pLn5', 'Rn67C', 'pZg23'];
  const GTS = ['I', 'IIa', 'IIb', 'III', 'IIIb', 'IV', 'Vb', 'V', 'VI', 'VII', 'VIII'];
  const PAVED = ['verharding', 'dak'] as const;
  const UNPAVED = ['gras', 'beplanting', 'wadi', 'open-water'] as const;
  const ALL = [...PAVED, ...UNPAVED, 'groen-dak', 'waterdoorlatende-verharding'] as const;
  const X0 = 190000;
  const Y0 = 445000;
  const rect = (x: number, y: number, w: number, h: number): Ring => [
    [X0 + x, Y0 + y],
    [X0 + x + w, Y0 + y],
    [X0 + x + w, Y0 + y + h],
    [X0 + x, Y0 + y + h],
    [X0 + x, Y0 + y],
  ];
  const grid = (types: readonly string[]) =>
    parseScenario({
      type: 'FeatureCollection',
      name: 'grid',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } },
      features: types.map((type, i) => ({
        type: 'Feature',
        properties: { type },
        geometry: {
          type: 'Polygon',
          coordinates: [rect((i % 4) * 25, Math.floor(i / 4) * 25, 25, 25)],
        },
      })),
    });

  it('property: replacing a paved piece by an unpaved one never increases street water, for every soil and Gt', () => {
    const systems = new Map<string, NaturalSystem>();
    const systemOf = (soil: string, gt: string) => {
      const key = `${soil}|${gt}`;
      let sys = systems.get(key);
      if (!sys) {
        sys = naturalSystem({
          soil: [layer(soil, rect(-10, -10, 120, 120))],
          groundwater: [layer(gt, rect(-10, -10, 120, 120))],
        });
        systems.set(key, sys);
      }
      return sys;
    };
    fc.assert(
      fc.property(
        fc.constantFrom(...SOILS),
        fc.constantFrom(...GTS),
        fc.array(fc.constantFrom(...ALL), { minLength: 16, maxLength: 16 }),
        fc.integer({ min: 0, max: 15 }),
        fc.constantFrom(...PAVED),
        fc.constantFrom(...UNPAVED),
        (soil, gt, cells, at, pavedType, unpavedType) => {
          const before = [...cells];
          before[at] = pavedType;
          const after = [...before];
          after[at] = unpavedType;
          const sys = systemOf(soil, gt);
          const a = indicators(grid(before), sys);
          const b = indicators(grid(after), sys);
          a.runoff.forEach((r, i) => {
            expect(b.runoff[i]!.street_water_m3).toBeLessThanOrEqual(r.street_water_m3 + 1e-9);
            expect(b.runoff[i]!.street_water_low_point_depth_m).toBeLessThanOrEqual(
              r.street_water_low_point_depth_m + 1e-9,
            );
          });
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('2. infiltration is judged by the location check (groundwater depth, seepage)', () => {
  it('a wadi in the seepage area (mapped kwel) is not credited and counts against', () => {
    const s = design('wadi-Dz5.geojson');
    const ind = indicators(s);
    expect(ind.infiltration_effective_m3).toBe(0);
    expect(ind.infiltration_ineffective_m3).toBeGreaterThan(0);
    const r = compareScenarios([s], sixStrips, kb).scenarios[0]!;
    const wadi = r.fit.measures.find((m) => m.type === 'wadi')!;
    expect(wadi.verdict).toBe('against');
    expect(wadi.seepage).toBe('kwel');
  });

  it('a wadi on sand with Gt Vb (GHG 25–40 cm: shallow) is not credited and counts against', () => {
    const s = design('wadi-Dz2.geojson');
    const ind = indicators(s);
    expect(ind.infiltration_effective_m3).toBe(0);
    expect(ind.infiltration_ineffective_m3).toBeCloseTo(250 + (237.5 * (0.325 - 0.3)) / 0.5, 1);
    const r = compareScenarios([s], sixStrips, kb).scenarios[0]!;
    expect(r.fit.measures.find((m) => m.type === 'wadi')!.verdict).toBe('against');
  });

  it('seepage from a seepage layer counts even where the zone itself says nothing about seepage', () => {
    const ring = strips[0]!.ring;
    const withKwel = naturalSystem({
      zones: [layer('Dz2', ring)],
      soil: [layer('Hn21', ring)],
      groundwater: [layer('VII', ring)],
      seepage: [layer('kwel', ring)],
    });
    const without = naturalSystem({
      zones: [layer('Dz2', ring)],
      soil: [layer('Hn21', ring)],
      groundwater: [layer('VII', ring)],
    });
    const s = design('wadi-Dz1.geojson');
    expect(indicators(s, without).infiltration_effective_m3).toBeGreaterThan(0);
    expect(indicators(s, withKwel).infiltration_effective_m3).toBe(0);
  });

  it('a crate under Gt IIb loses the storage below the GHG; under Gt VII it keeps it all', () => {
    const full = 20 * 25 * 0.475; // 237.5 m³
    const deep = indicators(design('wadi-Dz1.geojson')).contributions.find(
      (c) => c.type === 'infiltratiekrat',
    )!;
    const wet = indicators(design('wadi-Zk2.geojson')).contributions.find(
      (c) => c.type === 'infiltratiekrat',
    )!;
    expect(deep.storage_m3).toBeCloseTo(full, 1);
    // GHG of IIb 25–40 cm (mid 32.5 cm), crate from 30 to 80 cm: 2.5 of 50 cm stay dry.
    expect(wet.storage_m3).toBeCloseTo(full * (0.025 / 0.5), 1);
  });

  it('recharge and fit use the same judgement: no routed recharge where infiltration cannot work', () => {
    const clay = indicators(design('wadi-Zk2.geojson'));
    const wadi = clay.contributions.find((c) => c.type === 'wadi')!;
    expect(wadi.infiltration_works_share).toBe(0);
  });

  const SOILS = ['Hn21', 'Mn35A', 'hVc', 'pLn5', 'Rn67C'];
  const GTS = [
    'I',
    'II',
    'IIa',
    'IIb',
    'IIc',
    'III',
    'IIIb',
    'IV',
    'V',
    'Va',
    'Vb',
    'VI',
    'VII',
    'VIII',
    'sVI',
  ];
  const SEEPAGE = ['kwel', 'wegzijging', 'neutraal', undefined];

  it('property: for every zone × soil × Gt × seepage, "infiltration works" equals the location check', () => {
    const ring = strips[0]!.ring;
    const s = design('wadi-Dz1.geojson');
    const wadiOnly = { ...s, features: s.features.filter((f) => f.type === 'wadi') };
    const judge = new GroundJudge(kb);
    let compared = 0;
    for (const zone of kb.zones.map((z) => z.code)) {
      for (const soilCode of SOILS) {
        for (const gt of GTS) {
          for (const seepage of SEEPAGE) {
            const sys = naturalSystem({
              zones: [layer(zone, ring)],
              soil: [layer(soilCode, ring)],
              groundwater: [layer(gt, ring)],
              ...(seepage ? { seepage: [layer(seepage, ring)] } : {}),
            });
            const overlay = overlayScenario(wadiOnly, sys, params, judge);
            const wadi = overlay.find((o) => o.feature.type === 'wadi')!;
            const report = assess(
              groundFactList({ zone, soilCode, gt, ...(seepage ? { seepage } : {}) }),
              kb,
            );
            const discouraged = report.discouraged.some((d) => d.action === 'infiltreren');
            for (const p of wadi.pieces) expect(p.infiltrationWorks).toBe(!discouraged);
            compared += 1;
          }
        }
      }
    }
    expect(compared).toBe(kb.zones.length * SOILS.length * GTS.length * SEEPAGE.length);
  }, 300_000);
});

describe('3. every surface is judged against the natural system', () => {
  const result = compareScenarios([design('built-across-strips.geojson')], sixStrips, kb)
    .scenarios[0]!;
  const at = (type: string, zone: string) =>
    result.fit.measures.find((m) => m.type === type && m.zone === zone)!;

  it('paving and roofs in the stream valley (seepage) and on peat count against', () => {
    for (const zone of ['Dz5', 'Lv1']) {
      expect(at('verharding', zone).verdict).toBe('against');
      expect(at('dak', zone).verdict).toBe('against');
      expect(at('verharding', zone).reasons.length).toBeGreaterThan(0);
    }
  });

  it('a basement on peat or in seepage is judged against niet-diep-bouwen; on sand it is not', () => {
    expect(at('kelder', 'Lv1').verdict).toBe('against');
    expect(at('kelder', 'Dz5').verdict).toBe('against');
    expect(at('kelder', 'Dz1').verdict).not.toBe('against');
  });

  it('a lawn is not "in line" through a principle that applies everywhere', () => {
    // Where nothing of the natural system is known only city-wide principles apply (e.g.
    // stadsbodem-niet-verdichten, vergroenen): the lawn is neutral, not in line.
    const ring: Ring = strips[0]!.ring;
    const unknownGround = naturalSystem({ zones: [layer('A', ring)] });
    const r = compareScenarios([design('sand-paved-0.geojson')], unknownGround, kb).scenarios[0]!;
    expect(r.fit.measures.find((m) => m.type === 'gras')!.verdict).toBe('neutral');
    // Where a principle of the place concerns greening, the lawn is in line (clay: isolatie-5).
    expect(at('gras', 'Zk2').verdict).toBe('in_line');
  });

  it('the score is area-weighted and the largest measures against come first', () => {
    const m = result.fit.measures;
    const area = (v: string) => m.filter((x) => x.verdict === v).reduce((s, x) => s + x.area_m2, 0);
    const total = m.reduce((s, x) => s + x.area_m2, 0);
    expect(result.fit.score).toBeCloseTo((area('in_line') - area('against')) / total, 3);
    expect(result.fit.score).toBeLessThan(0.5);
    const against = m.filter((x) => x.verdict === 'against');
    expect(m.slice(0, against.length).every((x) => x.verdict === 'against')).toBe(true);
    for (let i = 1; i < against.length; i++)
      expect(against[i - 1]!.area_m2).toBeGreaterThanOrEqual(against[i]!.area_m2);
  });
});

describe("4. robustness by the book: Starr's domain criterion, Laplace mean, weights per hazard", () => {
  const r = compareScenarios(
    [design('clay-paved-0.geojson'), design('clay-paved-100.geojson')],
    sixStrips,
    kb,
  );

  it('domain = share of futures in which every test passes; the mean pass share has its own name', () => {
    for (const s of r.scenarios) {
      const passed = r.futures.filter((f) =>
        s.robustness.matrix.filter((c) => c.future === f).every((c) => c.pass),
      );
      expect(s.robustness.domain).toBeCloseTo(passed.length / r.futures.length, 4);
      expect(s.robustness.futures_passed).toEqual(passed);
      const w = s.robustness.weights;
      const mean =
        r.futures
          .map((f) =>
            s.robustness.matrix
              .filter((c) => c.future === f && c.pass)
              .reduce((a, c) => a + w[c.test]!, 0),
          )
          .reduce((a, b) => a + b, 0) / r.futures.length;
      expect(s.robustness.mean_pass_share).toBeCloseTo(mean, 4);
    }
  });

  it('rain, heat and drought weigh the same by default; weights are configurable', () => {
    const w = r.scenarios[0]!.robustness.weights;
    expect(w['rain-T100']! + w['rain-T1000']!).toBeCloseTo(1 / 3, 9);
    expect(w['hot-day']).toBeCloseTo(1 / 3, 9);
    expect(w['dry-period']).toBeCloseTo(1 / 3, 9);
    const custom = compareScenarios([design('clay-paved-0.geojson')], sixStrips, kb, {
      testWeights: { value: { 'hot-day': 0, 'dry-period': 0, 'rain-T100': 1, 'rain-T1000': 0 } },
    }).scenarios[0]!;
    expect(custom.robustness.weights['hot-day']).toBe(0);
    // Only T100 counts: the mean is the share of futures in which the T100 cell passes.
    const t100 = custom.robustness.matrix.filter((c) => c.test === 'rain-T100');
    expect(custom.robustness.mean_pass_share).toBeCloseTo(
      t100.filter((c) => c.pass).length / t100.length,
      4,
    );
  });

  it('a design that fails one test in every future has domain 0 but a positive mean', () => {
    // All grass on deep sand: rain and drought pass, the hot day fails (no shade) in every future.
    const grass = compareScenarios([design('sand-paved-0.geojson')], sixStrips, kb).scenarios[0]!;
    expect(grass.robustness.matrix.filter((c) => c.test === 'hot-day').every((c) => !c.pass)).toBe(
      true,
    );
    expect(grass.robustness.domain).toBe(0);
    expect(grass.robustness.mean_pass_share).toBeCloseTo(2 / 3, 4);
  });
});

describe('5. heat and cool places as InVEST and the heat guideline define them', () => {
  it('the park effect does not depend on how the park is drawn', () => {
    const one = indicators(design('park-one.geojson'));
    const two = indicators(design('park-two.geojson'));
    const wadi = indicators(design('park-wadi.geojson'));
    expect(two.cooling_capacity).toBeCloseTo(one.cooling_capacity, 6);
    expect(wadi.cooling_capacity).toBeCloseTo(one.cooling_capacity, 6);
  });

  it('a sunny 400 m² lawn in 600 × 600 m of paving is no cool place; a shaded one is', () => {
    const ring: Ring = [
      [189000, 444000],
      [191000, 444000],
      [191000, 446000],
      [189000, 446000],
      [189000, 444000],
    ];
    const sys = naturalSystem({ soil: [layer('Hn21', ring)], groundwater: [layer('VII', ring)] });
    const sunny = indicators(design('paved-sunny-lawn.geojson'), sys);
    const shaded = indicators(design('paved-shaded-lawn.geojson'), sys);
    expect(sunny.cool_place_share).toBe(0);
    expect(shaded.cool_place_share).toBeGreaterThan(0.5);
  });

  it('shade from buildings counts where the data has it (a `shade` property)', () => {
    const base = JSON.parse(readFileSync(new URL('sand-paved-100.geojson', dir), 'utf8')) as {
      features: Array<{ properties: Record<string, unknown> }>;
    };
    const noShade = indicators(parseScenario(base));
    base.features[1]!.properties.shade = 0.5;
    const withShade = indicators(parseScenario(base));
    expect(noShade.shade_share).toBe(0);
    expect(withShade.shade_share).toBeCloseTo(0.5, 6);
    expect(withShade.cooling_capacity).toBeGreaterThan(noShade.cooling_capacity);
  });

  it('a heat cell that fails on shade says so, with the shade numbers', () => {
    // A lawn with 25 % tree crowns: cooling capacity above 0.35, shade below 30 %.
    const ring = strips[0]!.ring;
    const at = (dx: number, dy: number, w: number, h: number): Ring =>
      [
        [0, 0],
        [w, 0],
        [w, h],
        [0, h],
        [0, 0],
      ].map(([x, y]) => [ring[0]![0] + dx + x!, ring[0]![1] + dy + y!] as [number, number]);
    const lawn = parseScenario({
      type: 'FeatureCollection',
      name: 'lawn with trees',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } },
      features: [
        {
          type: 'Feature',
          properties: { type: 'gras' },
          geometry: { type: 'Polygon', coordinates: [at(0, 0, 100, 200)] },
        },
        {
          type: 'Feature',
          properties: { type: 'bomen' },
          geometry: { type: 'Polygon', coordinates: [at(0, 0, 100, 50)] },
        },
      ],
    });
    const r = compareScenarios([lawn], sixStrips, kb).scenarios[0]!;
    expect(r.cooling_capacity).toBeGreaterThanOrEqual(0.35);
    const cell = r.robustness.matrix.find((c) => c.test === 'hot-day' && c.future === 'today')!;
    const shade = cell.conditions.find((c) => c.name === 'shade_share')!;
    expect(shade.pass).toBe(false);
    expect(cell.pass).toBe(false);
    expect(cell.value).toBe(shade.value);
    expect(cell.threshold).toBe(shade.threshold);
    expect(cell.explanation.en).toContain('shade');
    expect(cell.explanation.nl).toContain('schaduw');
  });
});

describe('drought: recharge kept against the same ground unsealed', () => {
  it('all grass on clay passes the drought test today; paving on clay does not', () => {
    const r = compareScenarios(
      [design('clay-paved-0.geojson'), design('clay-paved-100.geojson')],
      sixStrips,
      kb,
    );
    const cell = (name: string) =>
      r.scenarios
        .find((s) => s.name === name)!
        .robustness.matrix.find((c) => c.test === 'dry-period' && c.future === 'today')!;
    expect(cell('klei 0% verhard').pass).toBe(true);
    expect(cell('klei 100% verhard').pass).toBe(false);
  });
});

describe('why each number is what it is', () => {
  it('every measure has a contribution; they add up to the totals', () => {
    const ind = indicators(design('wadi-Dz1.geojson'));
    // Feature 0 is the planning area; 1 lawn, 2 wadi, 3 crate.
    expect(ind.contributions.map((c) => c.index)).toEqual([1, 2, 3]);
    const storage = ind.contributions.reduce((s, c) => s + c.storage_m3, 0);
    expect(storage).toBeCloseTo(ind.storage_m3, 1);
    const cost = ind.contributions.reduce((s, c) => s + c.cost_eur, 0);
    expect(Math.abs(cost - ind.cost_eur)).toBeLessThanOrEqual(ind.contributions.length);
    expect(ind.cost_eur).toBeGreaterThan(0);
  });

  it('every matrix cell says which condition decided it and by how much', () => {
    const r = compareScenarios([design('built-across-strips.geojson')], sixStrips, kb)
      .scenarios[0]!;
    for (const c of r.robustness.matrix) {
      expect(c.conditions.length).toBeGreaterThan(0);
      expect(c.pass).toBe(c.conditions.every((x) => x.pass));
      for (const x of c.conditions)
        expect(x.margin).toBeCloseTo(
          x.kind === 'max' ? x.threshold - x.value : x.value - x.threshold,
          3,
        );
      expect(c.explanation.nl.length).toBeGreaterThan(10);
      expect(c.explanation.en.length).toBeGreaterThan(10);
    }
  });
});
