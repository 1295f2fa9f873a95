import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import {
  FlatPolygonsBuilder,
  PolygonIndex,
  flattenPolygons,
} from '../../src/sources/polygon-index.js';
import type { PartsOfRings } from '../../src/sources/polygon-index.js';
import { nearBoundary } from '../../src/core/geometry.js';

type Ring = number[][];

/** A star-shaped ring around (cx, cy): `n` vertices at radii in [r/2, r], closed. */
function starRing(cx: number, cy: number, r: number, radii: number[], clockwise = false): Ring {
  const n = radii.length;
  const ring: Ring = radii.map((f, k) => {
    const a = ((clockwise ? -k : k) / n) * 2 * Math.PI;
    return [cx + Math.cos(a) * r * (0.5 + f / 2), cy + Math.sin(a) * r * (0.5 + f / 2)];
  });
  ring.push([...(ring[0] as number[])]);
  return ring;
}

/** A part: a star outer ring, optionally a hole (a smaller star inside the inner radius). */
const part = fc
  .record({
    cx: fc.double({ min: 0, max: 1000, noNaN: true }),
    cy: fc.double({ min: 0, max: 1000, noNaN: true }),
    r: fc.double({ min: 5, max: 400, noNaN: true }),
    // up to 600 vertices: large parts get many strips
    radii: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 3, maxLength: 600 }),
    hole: fc.option(
      fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 3, maxLength: 40 }),
    ),
  })
  .map(({ cx, cy, r, radii, hole }) => {
    const rings = [starRing(cx, cy, r, radii)];
    if (hole !== null) rings.push(starRing(cx, cy, r * 0.4, hole, true));
    return rings;
  });

const items = fc.array(fc.array(part, { minLength: 1, maxLength: 6 }), {
  minLength: 1,
  maxLength: 8,
});

/** The reference: every item in order, every part with turf and a scan of all edges. */
function reference(data: Ring[][][], x: number, y: number, t: number): number | undefined {
  for (let i = 0; i < data.length; i++) {
    for (const rings of data[i] as Ring[][]) {
      const g = { type: 'Polygon' as const, coordinates: rings };
      if (booleanPointInPolygon([x, y], g) || nearBoundary(x, y, g, t)) return i;
    }
  }
  return undefined;
}

describe('PolygonIndex', () => {
  it('answers like a full scan (turf + boundary tolerance, first item wins), for any polygons and points', () => {
    fc.assert(
      fc.property(
        items,
        fc.array(
          fc.tuple(
            fc.double({ min: -500, max: 1500, noNaN: true }),
            fc.double({ min: -500, max: 1500, noNaN: true }),
          ),
          { minLength: 1, maxLength: 40 },
        ),
        fc.constantFrom(0, 0.01, 1),
        (data, points, t) => {
          const index = new PolygonIndex(flattenPolygons(data as PartsOfRings[]));
          for (const [x, y] of points) {
            expect(index.firstAt(x, y, t)).toBe(reference(data, x, y, t));
          }
          // Vertices and edge midpoints lie on the boundary: always found (within any tolerance).
          const first = (data[0] as Ring[][])[0] as Ring[];
          const outer = first[0] as Ring;
          const [ax, ay] = outer[0] as number[];
          const [bx, by] = outer[1] as number[];
          for (const [x, y] of [
            [ax, ay],
            [((ax as number) + (bx as number)) / 2, ((ay as number) + (by as number)) / 2],
          ] as [number, number][]) {
            expect(index.firstAt(x, y, Math.max(t, 1e-6))).toBe(
              reference(data, x, y, Math.max(t, 1e-6)),
            );
            expect(index.firstAt(x, y, Math.max(t, 1e-6))).toBeDefined();
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('splits a large ring into strips and reports the bounds of all parts', () => {
    const radii = Array.from({ length: 2000 }, (_, k) => (k % 2 === 0 ? 1 : 0));
    const data = [[[starRing(500, 500, 400, radii)]], [[starRing(2000, 100, 10, [1, 1, 1, 1])]]];
    const index = new PolygonIndex(flattenPolygons(data));
    expect(index.parts).toBe(2);
    const b = index.bounds as number[];
    expect(b[0]).toBeCloseTo(100, 6);
    expect(b[2]).toBeCloseTo(2010, 6);
    expect(index.firstAt(500, 500, 0)).toBe(0);
    expect(index.firstAt(2000, 100, 0)).toBe(1);
    expect(index.firstAt(1500, 1500, 0)).toBeUndefined();
  });

  it('is empty without parts', () => {
    const index = new PolygonIndex(flattenPolygons([]));
    expect(index.bounds).toBeUndefined();
    expect(index.firstAt(0, 0, 1)).toBeUndefined();
  });
});

describe('FlatPolygonsBuilder', () => {
  it('builds the same arrays as flattenPolygons, however small its starting capacity', () => {
    fc.assert(
      fc.property(items, fc.integer({ min: 0, max: 64 }), (data, capacity) => {
        const b = new FlatPolygonsBuilder(capacity, capacity);
        data.forEach((item, i) => {
          for (const rings of item) {
            b.startPart(i);
            for (const ring of rings) {
              b.startRing(ring.length);
              for (const [x, y] of ring) {
                b.coords[2 * b.vertices] = x as number;
                b.coords[2 * b.vertices + 1] = y as number;
                b.vertices++;
              }
            }
          }
        });
        const built = b.finish();
        const flat = flattenPolygons(data);
        expect(Array.from(built.coords)).toEqual(Array.from(flat.coords));
        expect(Array.from(built.ringStart)).toEqual(Array.from(flat.ringStart));
        expect(Array.from(built.partRingStart)).toEqual(Array.from(flat.partRingStart));
        expect(Array.from(built.partItem)).toEqual(Array.from(flat.partItem));
      }),
      { numRuns: 100 },
    );
  });
});
