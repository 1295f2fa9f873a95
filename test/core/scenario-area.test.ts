/**
 * Intersection areas in floating point (`intersectionArea`, `intersectionArea3`) against the
 * polygon clipper (turf / polyclip-ts), for random convex and concave polygons, polygons with
 * holes and multipolygons, including shared edges, containment and disjoint cases; and the areas
 * of the soil × groundwater overlay against splitting with the clipper twice (the old method), on
 * random layers and on features of the demo scenarios over the demo natural system.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { featureCollection, multiPolygon, polygon } from '@turf/helpers';
import intersect from '@turf/intersect';
import fc from 'fast-check';
import type { MultiPolygon, Polygon } from 'geojson';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  intersectionArea,
  intersectionArea3,
  planarArea,
  type PolyGeom,
  type Ring,
} from '../../src/core/geometry.js';
import {
  naturalSystem,
  soilGroundwaterAreas,
  type NaturalSystem,
  type SystemPolygon,
} from '../../src/core/scenario/overlay.js';
import { overlayScenario } from '../../src/core/scenario/indicators.js';
import { resolveParams } from '../../src/core/scenario/params.js';
import { parseScenario } from '../../src/core/scenario/scenario.js';
import { naturalSystemFromSources } from '../../src/sources/natural-system.js';
import { loadSourcesFile } from '../../src/sources/node.js';
import { projectRoot } from '../helpers/shared.js';

// Counts the calls of the clipper: valid polygons never need it.
const clipper = vi.hoisted(() => ({ calls: 0 }));
vi.mock('@turf/intersect', async (importOriginal) => {
  const original = (await importOriginal()) as { default: typeof intersect };
  return {
    default: (...args: Parameters<typeof intersect>) => {
      clipper.calls++;
      return original.default(...args);
    },
  };
});
/** Runs `f` and expects it not to call the clipper. */
function withoutClipper<T>(f: () => T): T {
  const before = clipper.calls;
  const r = f();
  expect(clipper.calls, 'calls of the clipper').toBe(before);
  return r;
}

function clip(a: PolyGeom | null, b: PolyGeom | null): PolyGeom | null {
  if (!a || !b) return null;
  const t = (g: PolyGeom) =>
    g.type === 'Polygon' ? polygon(g.coordinates) : multiPolygon(g.coordinates);
  const r = intersect(featureCollection<Polygon | MultiPolygon>([t(a), t(b)]));
  return r ? (r.geometry as PolyGeom) : null;
}
const clipArea = (...gs: PolyGeom[]) => {
  let r: PolyGeom | null = gs[0]!;
  for (const g of gs.slice(1)) r = clip(r, g);
  return r ? planarArea(r) : 0;
};

/** Coordinates on a 1/64 grid: exact after shifting to RD-sized numbers. */
const snap = (v: number) => Math.round(v * 64) / 64;
const closed = (pts: Array<[number, number]>): Ring => [...pts, pts[0]!];
const rect = (x: number, y: number, w: number, h: number): Ring =>
  closed([
    [x, y],
    [x + w, y],
    [x + w, y + h],
    [x, y + h],
  ]);
/** Convex hull (monotone chain), counter-clockwise, collinear points dropped. */
function hull(points: Array<[number, number]>): Array<[number, number]> {
  const p = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const cross = (o: number[], a: number[], b: number[]) =>
    (a[0]! - o[0]!) * (b[1]! - o[1]!) - (a[1]! - o[1]!) * (b[0]! - o[0]!);
  const half = (pts: Array<[number, number]>) => {
    const h: Array<[number, number]> = [];
    for (const q of pts) {
      while (h.length >= 2 && cross(h[h.length - 2]!, h[h.length - 1]!, q) <= 0) h.pop();
      h.push(q);
    }
    h.pop();
    return h;
  };
  return [...half(p), ...half([...p].reverse())];
}
const poly = (...rings: Ring[]): PolyGeom => ({ type: 'Polygon', coordinates: rings });

const coord = fc.integer({ min: 0, max: 40 });
const size = fc.integer({ min: 1, max: 30 });
const rectShape = fc.tuple(coord, coord, size, size).map(([x, y, w, h]) => poly(rect(x, y, w, h)));
const convexShape = fc
  .tuple(
    coord,
    coord,
    fc.array(
      fc.tuple(
        fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
        fc.integer({ min: 2, max: 20 }),
      ),
      {
        minLength: 3,
        maxLength: 9,
      },
    ),
  )
  .map(([cx, cy, pts]) =>
    hull(pts.map(([t, r]) => [snap(cx + r * Math.cos(t)), snap(cy + r * Math.sin(t))])),
  )
  .filter((h) => h.length >= 3)
  .map((h) => poly(closed(h)));
/** A star-shaped (concave, simple) polygon around (cx, cy), clockwise or counter-clockwise. */
const starRing = (cx: number, cy: number, radii: number[], cw: boolean): Ring => {
  const pts = radii.map((r, i): [number, number] => {
    const t = (2 * Math.PI * i) / radii.length;
    return [snap(cx + r * Math.cos(t)), snap(cy + r * Math.sin(t))];
  });
  return closed(cw ? pts.reverse() : pts);
};
const starShape = fc
  .tuple(
    coord,
    coord,
    fc.array(fc.integer({ min: 2, max: 20 }), { minLength: 5, maxLength: 12 }),
    fc.boolean(),
  )
  .map(([cx, cy, radii, cw]) => poly(starRing(cx, cy, radii, cw)));
const lShape = fc.tuple(coord, coord, size).map(([x, y, s]) =>
  poly(
    closed([
      [x, y],
      [x + 2 * s, y],
      [x + 2 * s, y + s],
      [x + s, y + s],
      [x + s, y + 2 * s],
      [x, y + 2 * s],
    ]),
  ),
);
const holed = fc.oneof(
  // A square with a square hole (the hole may touch the outer ring).
  fc
    .tuple(coord, coord, fc.integer({ min: 6, max: 30 }), fc.integer({ min: 0, max: 2 }))
    .map(([x, y, s, m]) => poly(rect(x, y, s, s), [...rect(x + m, y + 2, s - 4, s - 4)].reverse())),
  // A star with a triangular hole around its centre (rings in any orientation).
  fc
    .tuple(
      coord,
      coord,
      fc.array(fc.integer({ min: 3, max: 20 }), { minLength: 6, maxLength: 12 }),
      fc.boolean(),
    )
    .map(([cx, cy, radii, cw]) =>
      poly(starRing(cx, cy, radii, cw), starRing(cx, cy, [1.5, 1.5, 1.5], !cw)),
    ),
);
const single = fc.oneof(rectShape, convexShape, starShape, lShape, holed);
/** Two parts side by side (touching or apart). */
const multi = fc
  .tuple(single, fc.integer({ min: 0, max: 10 }), coord, size)
  .map(([a, gap, y, s]): PolyGeom => {
    const xs = a.coordinates.flat().map((p) => (p as [number, number])[0]);
    const right = Math.max(...xs);
    return {
      type: 'MultiPolygon',
      coordinates: [a.coordinates as Ring[], [rect(right + gap, y, s, s)]],
    };
  });
const shape: fc.Arbitrary<PolyGeom> = fc.oneof(
  { arbitrary: single, weight: 4 },
  { arbitrary: multi, weight: 1 },
);

const shift = (g: PolyGeom, dx: number, dy: number): PolyGeom => {
  const m = (r: Ring): Ring => r.map(([x, y]) => [x + dx, y + dy]);
  return g.type === 'Polygon'
    ? { type: 'Polygon', coordinates: g.coordinates.map(m) }
    : { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map(m)) };
};
const near = (got: number, want: number) =>
  expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-6 * Math.max(1, want));

describe('intersectionArea', () => {
  it('equals the clipper on random polygons (convex, concave, holes, multipolygons)', () => {
    fc.assert(
      fc.property(shape, shape, (a, b) => {
        const want = clipArea(a, b);
        near(
          withoutClipper(() => intersectionArea(a, b)),
          want,
        );
        near(
          withoutClipper(() => intersectionArea(b, a)),
          want,
        );
      }),
      { numRuns: 300, seed: 20261128 },
    );
  });

  it('keeps its precision at RD coordinates', () => {
    fc.assert(
      fc.property(shape, shape, (a, b) => {
        const want = clipArea(a, b);
        near(intersectionArea(shift(a, 190000, 445000), shift(b, 190000, 445000)), want);
      }),
      { numRuns: 100, seed: 28 },
    );
  });

  it('handles touching, contained, disjoint and degenerate cases', () => {
    const sq = poly(rect(0, 0, 10, 10));
    expect(intersectionArea(sq, poly(rect(10, 0, 10, 10)))).toBe(0); // shared edge
    expect(intersectionArea(sq, poly(rect(10, 10, 5, 5)))).toBe(0); // shared corner
    expect(intersectionArea(sq, poly(rect(30, 30, 5, 5)))).toBe(0);
    expect(intersectionArea(sq, poly(rect(2, 2, 3, 3)))).toBeCloseTo(9, 12);
    expect(intersectionArea(poly(rect(-5, -5, 30, 30)), sq)).toBeCloseTo(100, 12);
    // Collinear points and (nearly) repeated points on a convex ring.
    const messy = poly(
      closed([
        [0, 0],
        [5, 0],
        [10, 0],
        [10, 0],
        [10 + 1e-13, 1e-13],
        [10, 10],
        [0, 10],
      ]),
    );
    expect(intersectionArea(messy, poly(rect(5, -5, 10, 20)))).toBeCloseTo(50, 9);
    // A square inside the hole of a donut, and one around the hole.
    const donut = poly(rect(0, 0, 100, 100), [...rect(30, 30, 40, 40)].reverse());
    expect(intersectionArea(poly(rect(40, 40, 5, 5)), donut)).toBe(0);
    expect(intersectionArea(poly(rect(20, 20, 60, 60)), donut)).toBeCloseTo(3600 - 1600, 9);
    // Two concave polygons (both cut into convex pieces).
    const l1 = poly(
      closed([
        [0, 0],
        [20, 0],
        [20, 10],
        [10, 10],
        [10, 20],
        [0, 20],
      ]),
    );
    const l2 = shift(l1, 5, 5);
    expect(withoutClipper(() => intersectionArea(l1, l2))).toBeCloseTo(clipArea(l1, l2), 9);
  });

  it('falls back to the clipper for a polygon it cannot cut into convex pieces', () => {
    const bowtie = poly(
      closed([
        [0, 0],
        [10, 10],
        [10, 0],
        [0, 10],
      ]),
    );
    const l = poly(
      closed([
        [-5, -5],
        [20, -5],
        [20, 5],
        [5, 5],
        [5, 20],
        [-5, 20],
      ]),
    );
    const before = clipper.calls;
    expect(intersectionArea(bowtie, l)).toBeCloseTo(clipArea(bowtie, l), 9);
    expect(clipper.calls).toBeGreaterThan(before);
  });
});

describe('intersectionArea3', () => {
  it('equals the clipper (a ∩ b ∩ c) on random polygons', () => {
    fc.assert(
      fc.property(shape, shape, shape, (a, b, c) => {
        const want = clipArea(a, b, c);
        near(
          withoutClipper(() => intersectionArea3(a, b, c)),
          want,
        );
        near(
          withoutClipper(() => intersectionArea3(c, a, b)),
          want,
        );
      }),
      { numRuns: 300, seed: 1128 },
    );
  });
});

/** The overlay as it was: split by soil with the clipper, then each piece by groundwater. */
function twoStage(system: NaturalSystem, g: PolyGeom): Map<string, number> {
  const out = new Map<string, number>();
  const add = (soil: string | undefined, gt: string | undefined, a: number) => {
    const k = `${soil ?? '-'}|${gt ?? '-'}`;
    out.set(k, (out.get(k) ?? 0) + a);
  };
  const soil = system.soil.split(g);
  for (const p of soil.pieces) {
    const gw = system.groundwater.split(p.geometry, p.area);
    for (const w of gw.pieces) add(p.value, w.value, w.area);
    if (gw.uncovered > 1e-6) add(p.value, undefined, gw.uncovered);
  }
  if (soil.uncovered > 1e-6) {
    const by = new Map<string, number>();
    for (const w of system.groundwater.split(g).pieces)
      by.set(w.value, (by.get(w.value) ?? 0) + w.area);
    const best = [...by.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0];
    add(undefined, best?.[0], soil.uncovered);
  }
  return out;
}

/** Both maps have the same combinations, with areas equal up to `tol` (combinations below it may be missing). */
function expectSameCombinations(
  got: Map<string, number>,
  want: Map<string, number>,
  tol: number,
): void {
  for (const k of new Set([...got.keys(), ...want.keys()])) {
    const d = Math.abs((got.get(k) ?? 0) - (want.get(k) ?? 0));
    expect(d, k).toBeLessThanOrEqual(tol);
  }
}

describe('soilGroundwaterAreas', () => {
  const layer = (values: string[]) =>
    fc
      .array(single, { minLength: 0, maxLength: 3 })
      .map((gs) =>
        gs.map((geometry, i): SystemPolygon => ({ geometry, value: values[i % values.length]! })),
      );
  it('gives the areas of splitting by soil and then groundwater with the clipper', () => {
    fc.assert(
      fc.property(shape, layer(['Hn21', 'Mn35A']), layer(['VII', 'IIb', 'V']), (g, soil, gw) => {
        const system = naturalSystem({ soil, groundwater: gw });
        const got = new Map<string, number>();
        for (const p of withoutClipper(() => soilGroundwaterAreas(system, g))) {
          const k = `${p.soil ?? '-'}|${p.gt ?? '-'}`;
          got.set(k, (got.get(k) ?? 0) + p.area);
        }
        expectSameCombinations(got, twoStage(system, g), 1e-6 * Math.max(1, planarArea(g)));
      }),
      { numRuns: 150, seed: 445 },
    );
  });

  it('takes the overlap with the other layer only when the geometry lies inside a polygon', () => {
    const f = poly(rect(0, 0, 100, 100));
    const areas = (soil: Ring, gt: Ring) =>
      soilGroundwaterAreas(
        naturalSystem({
          soil: [{ geometry: poly(soil), value: 'Hn21' }],
          groundwater: [{ geometry: poly(gt), value: 'VII' }],
        }),
        f,
      ).map((p) => [p.soil ?? null, p.gt ?? null, Math.round(p.area * 1e6) / 1e6]);
    // Soil covers 99 % of the feature: the overlap of all three is 49 × 100, not the 5,000 m² of
    // the feature with the groundwater polygon.
    expect(areas(rect(0, 0, 99, 100), rect(50, 0, 60, 100))).toEqual([
      ['Hn21', 'VII', 4900],
      ['Hn21', null, 5000],
      [null, 'VII', 100],
    ]);
    expect(areas(rect(-1, -1, 102, 102), rect(50, 0, 60, 100))).toEqual([
      ['Hn21', 'VII', 5000],
      ['Hn21', null, 5000],
    ]);
    expect(areas(rect(0, 0, 30, 100), rect(-10, -10, 200, 200))).toEqual([
      ['Hn21', 'VII', 3000],
      [null, 'VII', 7000],
    ]);
  });
});

describe('the overlay on the demo data (Voorbeeldstad)', () => {
  const params = resolveParams();
  let system: NaturalSystem;
  beforeAll(async () => {
    system = await naturalSystemFromSources(
      await loadSourcesFile(resolve(projectRoot, 'demo/data/sources.json')),
    );
  });
  const scenario = (name: string) =>
    parseScenario(
      JSON.parse(
        readFileSync(resolve(projectRoot, `demo/data/scenarios/${name}.geojson`), 'utf8'),
      ) as unknown,
      { fileName: name },
    );
  // Features across soil and groundwater boundaries, one partly off the soil map (12), multipolygons
  // (87, 84, 85, 98) and concave ones (89, 85).
  const picks: Record<string, number[]> = {
    huidig: [1, 12, 20, 44, 87, 89],
    grijs: [12, 98],
    groenblauw: [84, 85, 100],
  };
  for (const [name, indexes] of Object.entries(picks)) {
    it(`${name}: the pieces of each soil × groundwater combination have the areas of the old method`, () => {
      const s = scenario(name);
      const overlay = withoutClipper(() => overlayScenario(s, system, params));
      for (const index of indexes) {
        const o = overlay.find((x) => x.feature.index === index)!;
        const got = new Map<string, number>();
        for (const p of o.pieces) {
          const k = `${p.soilCode ?? '-'}|${p.gt ?? '-'}`;
          got.set(k, (got.get(k) ?? 0) + p.area);
        }
        const want = twoStage(system, o.feature.geometry);
        expect(got.size, `${name} feature ${index}`).toBeGreaterThan(0);
        expectSameCombinations(got, want, 1e-6 * o.feature.area);
      }
    });
  }
});
