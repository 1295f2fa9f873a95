/**
 * Scenario indicators: fixtures computed by hand from the tables in BRIEF §4–6, robustness
 * criteria on textbook cases, and invariants as property-based tests.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toCrs } from '../../src/core/crs.js';
import { defaultKnowledgeBase } from '../../src/core/kb/load.js';
import { compareScenarios } from '../../src/core/scenario/compare.js';
import {
  computeIndicators,
  overlayScenario,
  scsRunoff,
} from '../../src/core/scenario/indicators.js';
import { naturalSystem, type SystemPolygon } from '../../src/core/scenario/overlay.js';
import { resolveParams } from '../../src/core/scenario/params.js';
import { parseScenario } from '../../src/core/scenario/scenario.js';

const X0 = 190000;
const Y0 = 445000;
type Ring = Array<[number, number]>;
const rect = (x: number, y: number, w: number, h: number): Ring => [
  [X0 + x, Y0 + y],
  [X0 + x + w, Y0 + y],
  [X0 + x + w, Y0 + y + h],
  [X0 + x, Y0 + y + h],
  [X0 + x, Y0 + y],
];
const feature = (type: string, ring: Ring, props: Record<string, unknown> = {}) => ({
  type: 'Feature',
  properties: { type, ...props },
  geometry: { type: 'Polygon', coordinates: [ring] },
});
const rdCollection = (name: string, features: unknown[]) => ({
  type: 'FeatureCollection',
  name,
  crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } },
  features,
});
const layer = (value: string, ring: Ring): SystemPolygon => ({
  geometry: { type: 'Polygon', coordinates: [ring] },
  value,
});

const sandDeep = naturalSystem({
  soil: [layer('Hn21', rect(-50, -50, 200, 200))],
  groundwater: [layer('VII', rect(-50, -50, 200, 200))],
  zones: [layer('Dz1', rect(-50, -50, 200, 200))],
});
const clayShallow = naturalSystem({
  soil: [layer('Mn35A', rect(-50, -50, 200, 200))],
  groundwater: [layer('IIb', rect(-50, -50, 200, 200))],
  zones: [layer('Zk2', rect(-50, -50, 200, 200))],
});
const params = resolveParams();
const kb = defaultKnowledgeBase();

// 1 ha: west half street (verharding), east half grass.
const halfPaved = () =>
  rdCollection('half', [
    feature('verharding', rect(0, 0, 50, 100)),
    feature('gras', rect(50, 0, 50, 100)),
  ]);

describe('SCS curve number (BRIEF §4)', () => {
  it('matches hand calculations', () => {
    // CN 98, P 70: S = 25400/98 − 254 = 5.18367; Q = (70 − 1.03673)² / (70 + 4.14694) = 64.142 mm
    expect(scsRunoff(70, 98)).toBeCloseTo(64.142, 2);
    // CN 80, P 70: S = 63.5; Q = (70 − 12.7)² / (70 + 50.8) = 27.180 mm
    expect(scsRunoff(70, 80)).toBeCloseTo(27.18, 2);
    // CN 39, P 70: S = 397.28; 0.2S = 79.46 > P → no runoff
    expect(scsRunoff(70, 39)).toBe(0);
    expect(scsRunoff(0, 98)).toBe(0);
    expect(scsRunoff(70, 100)).toBe(70);
  });
});

describe('indicators, computed by hand', () => {
  it('half paved on sand with deep groundwater, T100 today', () => {
    const s = parseScenario(halfPaved());
    const ind = computeIndicators(s, overlayScenario(s, sandDeep, params), params);
    expect(ind.area_m2).toBeCloseTo(10000, 3);
    expect(ind.fractions).toEqual({ paved: 0.5, green: 0.5, blue: 0, canopy: 0 });
    const t100 = ind.runoff.find((r) => r.event === 'T100' && r.future === 'today')!;
    // street: 64.142 mm × 5000 m² = 320.71 m³; grass on HSG A: 0; sewer 20 mm/h × 2 h × 5000 m² = 200 m³
    expect(t100.runoff_mm).toBeCloseTo(32.071, 2);
    expect(t100.street_water_m3).toBeCloseTo(120.71, 1);
    // Mean over the planning area (fixed denominator): 120.71 / 10000 m²
    expect(t100.street_water_depth_m).toBeCloseTo(0.0121, 3);
    // No low zone under Dz1 (a ridge): the low points are 10 % of the area, 1000 m²
    expect(ind.low_point_source).toBe('assumed-share');
    expect(t100.street_water_low_point_depth_m).toBeCloseTo(0.1207, 3);
    expect(ind.storage_m3).toBe(0);
  });

  it('a wadi stores 0.25 m × its area and infiltrates on sand', () => {
    const data = halfPaved();
    data.features.push(feature('wadi', rect(60, 10, 20, 20)));
    data.features[1] = {
      type: 'Feature',
      properties: { type: 'gras' },
      geometry: {
        type: 'Polygon',
        coordinates: [rect(50, 0, 50, 100), [...rect(60, 10, 20, 20)].reverse()],
      },
    };
    const s = parseScenario(data);
    const ind = computeIndicators(s, overlayScenario(s, sandDeep, params), params);
    expect(ind.storage_m3).toBeCloseTo(100, 3); // 0.25 m × 400 m²
    const t100 = ind.runoff.find((r) => r.event === 'T100' && r.future === 'today')!;
    expect(t100.street_water_m3).toBeCloseTo(20.71, 1); // 320.71 − 100 − 200
    expect(ind.infiltration_effective_m3).toBeCloseTo(100, 3);
    expect(ind.infiltration_ineffective_m3).toBe(0);
    expect(ind.fractions.paved + ind.fractions.green + ind.fractions.blue).toBeCloseTo(1, 6);
  });

  it('the same wadi on clay with shallow groundwater is flagged, and grass runs off (HSG D)', () => {
    const data = halfPaved();
    data.features.push(feature('wadi', rect(60, 10, 20, 20)));
    data.features[1] = {
      type: 'Feature',
      properties: { type: 'gras' },
      geometry: {
        type: 'Polygon',
        coordinates: [rect(50, 0, 50, 100), [...rect(60, 10, 20, 20)].reverse()],
      },
    };
    const s = parseScenario(data);
    const ind = computeIndicators(s, overlayScenario(s, clayShallow, params), params);
    expect(ind.infiltration_effective_m3).toBe(0);
    expect(ind.infiltration_ineffective_m3).toBeCloseTo(100, 3);
    const t100 = ind.runoff.find((r) => r.event === 'T100' && r.future === 'today')!;
    // street 320.71 − 200 (sewer) = 120.71; grass and wadi (CN 80 on D): 27.180 mm − 40 mm of
    // infiltration into unpaved ground (Klimaateffectatlas 20 mm/h × 2 h) → 0; 120.71 − 100 storage
    expect(t100.street_water_m3).toBeCloseTo(20.71, 1);
  });

  it('a green roof holds 30 mm before it runs off', () => {
    const s = parseScenario(rdCollection('roof', [feature('groen-dak', rect(0, 0, 100, 100))]));
    const ind = computeIndicators(s, overlayScenario(s, sandDeep, params), params);
    const t100 = ind.runoff.find((r) => r.event === 'T100' && r.future === 'today')!;
    // P' = 70 − 30 = 40; Q(40, 98) = (40 − 1.03673)² / (40 + 4.14694) = 34.392 mm
    expect(t100.runoff_mm).toBeCloseTo(34.392, 2);
    expect(ind.storage_mm).toBeCloseTo(30, 6);
  });

  it('canopy share and cooling capacity (InVEST CC = 0.6 shade + 0.2 albedo + 0.2 ETI)', () => {
    const s = parseScenario(
      rdCollection('trees', [
        feature('gras', rect(0, 0, 100, 100)),
        feature('bomen', rect(0, 0, 100, 30)),
      ]),
    );
    const ind = computeIndicators(s, overlayScenario(s, sandDeep, params), params);
    expect(ind.fractions.canopy).toBeCloseTo(0.3, 6);
    expect(ind.fractions.green).toBeCloseTo(1, 6);
    // grass: 0.2·0.25 + 0.2·0.8 = 0.21; under trees: 0.6 + 0.05 + 0.2 = 0.85; 30 % / 70 % → 0.402
    expect(ind.cooling_capacity).toBeCloseTo(0.3 * 0.85 + 0.7 * 0.21, 2);
    expect(ind.cool_place_share).toBe(1);
  });
});

describe('robustness criteria (textbook cases)', () => {
  it('domain, maximin and minimax regret rank a dominant design first', () => {
    const grey = rdCollection('grijs', [feature('verharding', rect(0, 0, 100, 100))]);
    const green = rdCollection('groen', [
      feature('gras', rect(0, 0, 100, 100)),
      feature('bomen', rect(0, 0, 100, 40)),
    ]);
    const r = compareScenarios([parseScenario(grey), parseScenario(green)], sandDeep, kb);
    expect(r.ranking).toEqual(['groen', 'grijs']);
    const g = r.scenarios.find((s) => s.name === 'groen')!;
    const p = r.scenarios.find((s) => s.name === 'grijs')!;
    expect(g.robustness.domain).toBeGreaterThan(p.robustness.domain);
    expect(g.robustness.regret).toBe(0); // best in every future
    expect(p.robustness.regret).toBeGreaterThan(0);
    expect(p.robustness.maximin).toBeLessThanOrEqual(g.robustness.maximin);
    expect(r.explanation.nl).toContain('groen');
    expect(r.assumptions.some((a) => a.tag === 'U')).toBe(true);
    const cells = g.robustness.matrix;
    expect(cells).toHaveLength(r.futures.length * r.tests.length);
  });

  it('regret is the shortfall against the best design per future', () => {
    const a = rdCollection('a', [feature('verharding', rect(0, 0, 100, 100))]);
    const b = rdCollection('b', [feature('verharding', rect(0, 0, 100, 100))]);
    const r = compareScenarios([parseScenario(a), parseScenario(b)], sandDeep, kb);
    expect(r.scenarios[0]!.robustness).toMatchObject({ regret: 0 });
    expect(r.scenarios[0]!.robustness.domain).toBe(r.scenarios[1]!.robustness.domain);
    expect(r.ranking).toEqual(['a', 'b']); // ties broken by name
  });
});

describe('fit with the natural system', () => {
  it('infiltration on sand is in line, on clay with shallow groundwater against', () => {
    const s = parseScenario(rdCollection('w', [feature('wadi', rect(0, 0, 50, 50))]));
    const onSand = compareScenarios([s], sandDeep, kb).scenarios[0]!.fit;
    expect(onSand.measures[0]!.verdict).toBe('in_line');
    const onClay = compareScenarios([s], clayShallow, kb).scenarios[0]!.fit;
    expect(onClay.measures[0]!.verdict).toBe('against');
    expect(onClay.score).toBeLessThan(0);
    expect(onClay.measures[0]!.reasons.length).toBeGreaterThan(0);
  });
});

describe('scenario input errors', () => {
  it('names the feature and the unknown measure type', () => {
    expect(() =>
      parseScenario(rdCollection('x', [feature('zwembad', rect(0, 0, 10, 10))]), {
        fileName: 'x.geojson',
      }),
    ).toThrow(/feature 0: unknown measure type "zwembad"/);
  });
  it('rejects invalid geometry and polygons outside the planning area', () => {
    const bowtie: Ring = [
      [X0, Y0],
      [X0 + 10, Y0 + 10],
      [X0 + 10, Y0],
      [X0, Y0 + 20],
      [X0, Y0],
    ];
    expect(() => parseScenario(rdCollection('x', [feature('gras', bowtie)]))).toThrow(
      /intersects itself/,
    );
    const open = rect(0, 0, 10, 10).slice(0, 4);
    expect(() =>
      parseScenario(rdCollection('x', [feature('gras', [...open, [X0 + 1, Y0 + 1]])])),
    ).toThrow(/not closed/);
    const data = {
      ...rdCollection('x', [
        feature('plangebied', rect(0, 0, 50, 50)),
        feature('gras', rect(40, 40, 20, 20)),
      ]),
    };
    expect(() => parseScenario(data)).toThrow(/outside the planning area/);
  });
  it('uses the file name when the collection has no name', () => {
    const d = rdCollection('', [feature('gras', rect(0, 0, 10, 10))]);
    expect(parseScenario(d, { fileName: '/tmp/ontwerp-a.geojson' }).name).toBe('ontwerp-a');
  });
});

// ---- Invariants (property-based) ----

const TYPES = [
  'dak',
  'groen-dak',
  'blauw-groen-dak',
  'verharding',
  'waterdoorlatende-verharding',
  'gras',
  'beplanting',
  'wadi',
  'open-water',
];
/** A 4×4 grid of 25 m cells with random land cover, plus optional crates and trees. */
const gridScenario = fc.record({
  cells: fc.array(fc.constantFrom(...TYPES), { minLength: 16, maxLength: 16 }),
  crate: fc.option(fc.integer({ min: 0, max: 15 }), { nil: undefined }),
  depths: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 16, maxLength: 16 }),
});
function buildGrid(g: { cells: string[]; crate?: number; depths: number[] }) {
  const features = g.cells.map((t, i) =>
    feature(
      t,
      rect((i % 4) * 25, Math.floor(i / 4) * 25, 25, 25),
      t === 'wadi' || t === 'open-water' ? { storage_depth_m: g.depths[i] } : {},
    ),
  );
  if (g.crate !== undefined)
    features.push(
      feature(
        'infiltratiekrat',
        rect((g.crate % 4) * 25 + 5, Math.floor(g.crate / 4) * 25 + 5, 10, 10),
      ),
    );
  return rdCollection('grid', features);
}
const mixedSystem = naturalSystem({
  soil: [layer('Hn21', rect(-10, -10, 60, 120)), layer('Mn35A', rect(50, -10, 60, 120))],
  groundwater: [layer('VII', rect(-10, -10, 120, 50)), layer('IIb', rect(-10, 40, 120, 70))],
  zones: [layer('Dz1', rect(-10, -10, 120, 120))],
});
const fast = { numRuns: 25 };

describe('invariants', () => {
  it('adding storage never increases runoff or street water', () => {
    fc.assert(
      fc.property(
        gridScenario,
        fc.integer({ min: 0, max: 15 }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        (g, cell, extra) => {
          const before = parseScenario(buildGrid(g));
          const g2 = { ...g, cells: [...g.cells], depths: [...g.depths] };
          if (g2.cells[cell] !== 'wadi' && g2.cells[cell] !== 'open-water') return true;
          g2.depths[cell] = g2.depths[cell]! + extra;
          const after = parseScenario(buildGrid(g2));
          const a = computeIndicators(before, overlayScenario(before, mixedSystem, params), params);
          const b = computeIndicators(after, overlayScenario(after, mixedSystem, params), params);
          return a.runoff.every(
            (r, i) =>
              b.runoff[i]!.runoff_mm <= r.runoff_mm + 1e-9 &&
              b.runoff[i]!.street_water_m3 <= r.street_water_m3 + 1e-9,
          );
        },
      ),
      fast,
    );
  });

  it('areas add up to the planning area; no NaN or negative volumes', () => {
    fc.assert(
      fc.property(gridScenario, (g) => {
        const s = parseScenario(buildGrid(g));
        const ind = computeIndicators(s, overlayScenario(s, mixedSystem, params), params);
        expect(ind.area_m2).toBeCloseTo(10000, 3);
        expect(ind.fractions.paved + ind.fractions.green + ind.fractions.blue).toBeCloseTo(1, 3);
        // Per-measure contributions use null for "not applicable" (no cells, no infiltration).
        const numbers =
          JSON.stringify({ ...ind, contributions: [] }).match(/-?\d+(\.\d+)?(e-?\d+)?|NaN|null/g) ??
          [];
        expect(numbers).not.toContain('NaN');
        expect(numbers).not.toContain('null');
        for (const r of ind.runoff) {
          expect(r.runoff_mm).toBeGreaterThanOrEqual(0);
          expect(r.street_water_m3).toBeGreaterThanOrEqual(0);
        }
        expect(ind.storage_m3).toBeGreaterThanOrEqual(0);
        expect(
          ind.infiltration_effective_m3 + ind.infiltration_ineffective_m3,
        ).toBeGreaterThanOrEqual(0);
      }),
      fast,
    );
  });

  it('results do not depend on feature order', () => {
    fc.assert(
      fc.property(gridScenario, fc.integer({ min: 1, max: 1000 }), (g, seed) => {
        const data = buildGrid(g);
        const shuffled = {
          ...data,
          features: [...data.features].sort(
            (a, b) =>
              ((JSON.stringify(a).length * seed) % 97) - ((JSON.stringify(b).length * seed) % 97),
          ),
        };
        const r1 = compareScenarios([parseScenario(data)], mixedSystem, kb).scenarios[0]!;
        const r2 = compareScenarios([parseScenario(shuffled)], mixedSystem, kb).scenarios[0]!;
        // Per-measure lists are keyed by the feature's index in the file, which the shuffle changes.
        const strip = (r: typeof r1) => ({
          ...r,
          contributions: [],
          fit: { ...r.fit, measures: [] },
        });
        expect(strip(r2)).toEqual(strip(r1));
      }),
      { numRuns: 10 },
    );
  });

  it("results do not depend on the data's CRS (RD file vs lon/lat file)", () => {
    fc.assert(
      fc.property(gridScenario, (g) => {
        const rd = buildGrid(g);
        const ll = {
          type: 'FeatureCollection',
          name: 'grid',
          features: (rd.features as Array<ReturnType<typeof feature>>).map((f) => ({
            type: 'Feature',
            properties: f.properties,
            geometry: {
              type: 'Polygon',
              coordinates: f.geometry.coordinates.map((ring) =>
                ring.map((p) => toCrs(p, 'EPSG:28992', 'EPSG:4326')),
              ),
            },
          })),
        };
        const a = compareScenarios([parseScenario(rd)], mixedSystem, kb).scenarios[0]!;
        const b = compareScenarios([parseScenario(ll)], mixedSystem, kb).scenarios[0]!;
        expect(b.area_m2).toBeCloseTo(a.area_m2, 0);
        expect(b.storage_m3).toBeCloseTo(a.storage_m3, 0);
        b.runoff.forEach((r, i) =>
          expect(r.street_water_m3).toBeCloseTo(a.runoff[i]!.street_water_m3, 0),
        );
        expect(b.robustness.domain).toBe(a.robustness.domain);
      }),
      { numRuns: 8 },
    );
  });
});
