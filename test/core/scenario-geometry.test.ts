/**
 * The fast path of `intersection` (containment or disjointness when the boundaries do not meet)
 * gives the same area as the polygon clipper, for random rectangles, L shapes, holes and
 * multipolygons, including shared edges and nested cases.
 */
import fc from 'fast-check';
import { featureCollection, multiPolygon, polygon } from '@turf/helpers';
import intersect from '@turf/intersect';
import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { intersection, planarArea, type PolyGeom, type Ring } from '../../src/core/geometry.js';

const rect = (x: number, y: number, w: number, h: number): Ring => [
  [x, y],
  [x + w, y],
  [x + w, y + h],
  [x, y + h],
  [x, y],
];
const lShape = (x: number, y: number, s: number): Ring => [
  [x, y],
  [x + 2 * s, y],
  [x + 2 * s, y + s],
  [x + s, y + s],
  [x + s, y + 2 * s],
  [x, y + 2 * s],
  [x, y],
];
const holeRing = (x: number, y: number, w: number, h: number): Ring =>
  [...rect(x, y, w, h)].reverse();

function clipperArea(a: PolyGeom, b: PolyGeom): number {
  const t = (g: PolyGeom) =>
    g.type === 'Polygon' ? polygon(g.coordinates) : multiPolygon(g.coordinates);
  const r = intersect(featureCollection<Polygon | MultiPolygon>([t(a), t(b)]));
  return r ? planarArea(r.geometry as PolyGeom) : 0;
}

const coord = fc.integer({ min: 0, max: 40 });
const size = fc.integer({ min: 1, max: 30 });
const shape: fc.Arbitrary<PolyGeom> = fc.oneof(
  fc
    .tuple(coord, coord, size, size)
    .map(([x, y, w, h]) => ({ type: 'Polygon' as const, coordinates: [rect(x, y, w, h)] })),
  fc
    .tuple(coord, coord, size)
    .map(([x, y, s]) => ({ type: 'Polygon' as const, coordinates: [lShape(x, y, s)] })),
  fc.tuple(coord, coord, fc.integer({ min: 6, max: 30 })).map(([x, y, s]) => ({
    type: 'Polygon' as const,
    coordinates: [rect(x, y, s, s), holeRing(x + 2, y + 2, s - 4, s - 4)],
  })),
  fc.tuple(coord, coord, size, coord, coord, size).map(([x, y, s, u, v, t]) => ({
    type: 'MultiPolygon' as const,
    coordinates: [[rect(x, y, s, s)], [rect(x + s + 1 + u, y + v, t, t)]],
  })),
);

describe('intersection', () => {
  it('matches the clipper on random shapes', () => {
    fc.assert(
      fc.property(shape, shape, (a, b) => {
        const got = intersection(a, b);
        const area = got ? planarArea(got) : 0;
        expect(area).toBeCloseTo(clipperArea(a, b), 6);
      }),
      { numRuns: 400, seed: 20261128 },
    );
  });

  it('returns the inner polygon when one contains the other, null when disjoint', () => {
    const outer: PolyGeom = { type: 'Polygon', coordinates: [rect(0, 0, 100, 100)] };
    const inner: PolyGeom = { type: 'Polygon', coordinates: [rect(10, 10, 5, 5)] };
    const away: PolyGeom = { type: 'Polygon', coordinates: [rect(200, 0, 5, 5)] };
    const inHole: PolyGeom = { type: 'Polygon', coordinates: [rect(40, 40, 5, 5)] };
    const donut: PolyGeom = {
      type: 'Polygon',
      coordinates: [rect(0, 0, 100, 100), holeRing(30, 30, 40, 40)],
    };
    expect(intersection(inner, outer)).toBe(inner);
    expect(intersection(outer, inner)).toBe(inner);
    expect(intersection(inner, away)).toBeNull();
    expect(intersection(inHole, donut)).toBeNull();
    // A polygon around the hole is not contained: the clipper gives the ring.
    const around: PolyGeom = { type: 'Polygon', coordinates: [rect(20, 20, 60, 60)] };
    expect(planarArea(intersection(around, donut)!)).toBeCloseTo(3600 - 1600, 6);
  });
});
