import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CRS_BOUNDS, toCrs, transformCoords } from '../../src/core/crs.js';
import { NaError } from '../../src/core/types.js';

/** Pairs over the RD New area of use, in lon/lat (a generous box around the Netherlands). */
const lonLat = fc.tuple(
  fc.double({ min: 2.5, max: 7.6, noNaN: true }),
  fc.double({ min: 50.3, max: 54.0, noNaN: true }),
);

describe('transformCoords', () => {
  it('lon/lat → RD equals the per-point proj4 transformation to within 1 µm, for any pairs', () => {
    fc.assert(
      fc.property(fc.array(lonLat, { minLength: 1, maxLength: 50 }), (pairs) => {
        const flat = pairs.flat();
        const out = transformCoords(flat, 'EPSG:4326', 'EPSG:28992');
        expect(out).toHaveLength(flat.length);
        pairs.forEach(([lon, lat], i) => {
          const [x, y] = toCrs([lon, lat], 'EPSG:4326', 'EPSG:28992');
          expect(Math.abs((out[2 * i] as number) - x)).toBeLessThan(1e-6);
          expect(Math.abs((out[2 * i + 1] as number) - y)).toBeLessThan(1e-6);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('lon/lat → RD agrees with proj4 beyond the Netherlands too (inlined gauss + sterea, west and east of lon_0)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.double({ min: -10, max: 30, noNaN: true }),
            fc.double({ min: 35, max: 70, noNaN: true }),
          ),
          { minLength: 1, maxLength: 20 },
        ),
        (pairs) => {
          const out = transformCoords(pairs.flat(), 'EPSG:4326', 'EPSG:28992');
          pairs.forEach(([lon, lat], i) => {
            const [x, y] = toCrs([lon, lat], 'EPSG:4326', 'EPSG:28992');
            expect(Math.abs((out[2 * i] as number) - x)).toBeLessThan(1e-6);
            expect(Math.abs((out[2 * i + 1] as number) - y)).toBeLessThan(1e-6);
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('lon/lat → RD: repeated pairs (shared vertices, closing vertices) give the same numbers bit for bit', () => {
    fc.assert(
      fc.property(
        fc.array(lonLat, { minLength: 1, maxLength: 12 }),
        fc.array(fc.nat(), { minLength: 64, maxLength: 400 }),
        (pool, picks) => {
          const pairs = picks.map((k) => pool[k % pool.length]!);
          const out = transformCoords(pairs.flat(), 'EPSG:4326', 'EPSG:28992');
          pairs.forEach(([lon, lat], i) => {
            // One pair alone (no cache) against the pair in a long run (cached after its first).
            const alone = transformCoords([lon, lat], 'EPSG:4326', 'EPSG:28992');
            expect(out[2 * i]).toBe(alone[0]);
            expect(out[2 * i + 1]).toBe(alone[1]);
          });
        },
      ),
      { numRuns: 100 },
    );
  });

  it('writes into a given output array (also in place) and leaves a plain array input alone', () => {
    const input = [5.3872, 52.1552, 6.5665, 53.2194];
    const copy = [...input];
    const inPlace = Float64Array.from(input);
    const res = transformCoords(inPlace, 'EPSG:4326', 'EPSG:28992', inPlace);
    expect(res).toBe(inPlace);
    expect(input).toEqual(copy);
    const [x, y] = toCrs([6.5665, 53.2194], 'EPSG:4326', 'EPSG:28992');
    expect(inPlace[2]).toBeCloseTo(x, 6);
    expect(inPlace[3]).toBeCloseTo(y, 6);
  });

  it('other CRS pairs agree with toCrs point by point', () => {
    fc.assert(
      fc.property(
        fc.tuple(
          fc.double({ min: CRS_BOUNDS['EPSG:28992'][0], max: 280_000, noNaN: true }),
          fc.double({ min: 300_000, max: 620_000, noNaN: true }),
        ),
        ([x, y]) => {
          const out = transformCoords([x, y], 'EPSG:28992', 'EPSG:3857');
          const [ex, ey] = toCrs([x, y], 'EPSG:28992', 'EPSG:3857');
          expect(out[0]).toBe(ex);
          expect(out[1]).toBe(ey);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('rejects a non-finite or out-of-range pair with implausible-coordinates naming its index', () => {
    for (const bad of [Number.NaN, Infinity, 91]) {
      let error: unknown;
      try {
        transformCoords([5, 52, 5, bad], 'EPSG:4326', 'EPSG:28992');
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(NaError);
      expect((error as NaError).code).toBe('implausible-coordinates');
      expect((error as NaError).details).toMatchObject({ index: 1 });
    }
  });
});
