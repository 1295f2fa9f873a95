import { describe, expect, it } from 'vitest';
import type { Provenance } from '../../src/core/types.js';
import { coerceFact, factsFromProperties, mapValue } from '../../src/sources/facts.js';
import { parseFeatureCollection, pickFeatureAt } from '../../src/sources/features.js';
import { SourceRequestError } from '../../src/sources/http.js';

const P: Provenance = { sourceId: 's', title: 'S' };

describe('mapValue', () => {
  const map = {
    'Hogere Zandgronden': 'dekzand',
    'Niet indeelbaar': null,
    Rivierengebied: 'rivierengebied',
  };
  it('exact, then ignoring case, accents and spaces; unknown values pass', () => {
    expect(mapValue('Hogere Zandgronden', map)).toBe('dekzand');
    expect(mapValue('  hogere   zandgronden ', map)).toBe('dekzand');
    expect(mapValue('Niet indeelbaar', map)).toBeNull();
    expect(mapValue('Duinen', map)).toBe('Duinen');
    expect(mapValue(3, { '3': 'x' })).toBe('x');
    expect(mapValue(null, map)).toBeNull();
    expect(mapValue('a', undefined)).toBe('a');
  });
});

describe('factsFromProperties', () => {
  it('the first present property of a list; value maps; null maps to no-value', () => {
    const facts = factsFromProperties(
      { soilcode: 'Hn21', fgr: 'Niet indeelbaar', h: '1.5' },
      { soilCode: ['first_soilcode', 'soilcode'], landscapeType: 'fgr', elevation: 'h' },
      P,
      { valueMap: { landscapeType: { 'Niet indeelbaar': null } } },
    );
    expect(facts).toEqual([
      { name: 'soilCode', status: 'ok', value: 'Hn21', provenance: P },
      { name: 'landscapeType', status: 'no-data', reason: 'no-value', provenance: P },
      { name: 'elevation', status: 'ok', value: 1.5, provenance: P },
    ]);
  });

  it('prefers a present property with a value over a present empty one', () => {
    const [f] = factsFromProperties({ a: null, b: 'x' }, { zone: ['a', 'b'] }, P);
    expect(f).toMatchObject({ value: 'x' });
  });

  it('a missing property: no-value by default, an error naming what the answer has when asked', () => {
    expect(factsFromProperties({ x: 1 }, { zone: 'code' }, P)[0]).toMatchObject({
      status: 'no-data',
      reason: 'no-value',
    });
    expect(
      factsFromProperties({ x: 1, y: 2 }, { zone: 'code' }, P, { missing: 'error' })[0],
    ).toMatchObject({
      status: 'error',
      reason: 'source-error',
      message: 'Property "code" is not in the answer (it has x, y).',
    });
  });

  it('a mapped value that is no landscape type is an error fact', () => {
    expect(coerceFact('landscapeType', 'Duinen', 'fgr')).toMatchObject({
      ok: false,
      status: 'error',
    });
    expect(coerceFact('landscapeType', 'Kust', 'fgr')).toEqual({ ok: true, value: 'kust' });
  });
});

describe('parseFeatureCollection / pickFeatureAt', () => {
  it('rejects what is no FeatureCollection, and malformed polygons', () => {
    expect(() => parseFeatureCollection({ error: {} }, { name: 'x' })).toThrow(SourceRequestError);
    expect(() => parseFeatureCollection([], { name: 'x' })).toThrow(/got an array/);
    expect(() =>
      parseFeatureCollection(
        {
          type: 'FeatureCollection',
          features: [
            {
              type: 'Feature',
              properties: {},
              geometry: {
                type: 'Polygon',
                coordinates: [
                  [
                    [0, 0],
                    [1, 'a'],
                  ],
                ],
              },
            },
          ],
        },
        { name: 'x' },
      ),
    ).toThrow(/malformed Polygon/);
  });

  it('a point on the boundary (within tolerance) counts; holes do not', () => {
    const fc = parseFeatureCollection(
      {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { n: 1 },
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [0, 0],
                  [10, 0],
                  [10, 10],
                  [0, 10],
                  [0, 0],
                ],
                [
                  [4, 4],
                  [6, 4],
                  [6, 6],
                  [4, 6],
                  [4, 4],
                ],
              ],
            },
          },
        ],
      },
      { name: 'x' },
    );
    expect(pickFeatureAt(fc.features, [10.005, 5], 0.01)?.properties).toEqual({ n: 1 });
    expect(pickFeatureAt(fc.features, [5, 5], 0.01)).toBeUndefined();
    expect(pickFeatureAt(fc.features, [2, 2], 0.01)?.properties).toEqual({ n: 1 });
  });

  it('a polygon that contains the point wins over an earlier one that only comes within the tolerance', () => {
    const square = (x0: number, n: number) => ({
      type: 'Feature',
      properties: { n },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [x0, 0],
            [x0 + 10, 0],
            [x0 + 10, 10],
            [x0, 10],
            [x0, 0],
          ],
        ],
      },
    });
    // 1 ends at x = 10, 2 starts at x = 10.2 (a gap of 0.2 m); 3 is 2 again, later in the answer.
    const fc = parseFeatureCollection(
      { type: 'FeatureCollection', features: [square(0, 1), square(10.2, 2), square(10.2, 3)] },
      { name: 'x' },
    );
    const n = (x: number): unknown =>
      pickFeatureAt(fc.features, [x, 5], 0.5, 0.01)?.properties['n'];
    expect(n(10.4)).toBe(2); // inside 2, 0.4 m from 1
    expect(n(10.1)).toBe(1); // in the gap, within 0.5 m of both: the first
    expect(n(10.005)).toBe(1); // on 1's edge (1 cm)
    expect(n(10.195)).toBe(2); // on 2's edge (1 cm), 0.195 m from 1
    expect(n(-0.3)).toBe(1); // outside everything, within 0.5 m of 1
    expect(n(-0.6)).toBeUndefined();
    // Without a boundary tolerance of its own: one rule, the first within the tolerance.
    expect(pickFeatureAt(fc.features, [10.4, 5], 0.5)?.properties['n']).toBe(1);
  });
});
