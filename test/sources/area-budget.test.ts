/**
 * The budget of an area read (AreaBudget): pages add up over one source, and the first page that
 * takes the features or the vertices over their limit throws `too-complex` naming that limit.
 */
import { describe, expect, it } from 'vitest';
import { AreaBudget, type ParsedFeature } from '../../src/sources/features.js';
import { SourceRequestError } from '../../src/sources/http.js';

const source = { sourceId: 'zones', name: 'Zones', url: 'http://127.0.0.1/zones' };

/** A feature whose polygon is one closed ring of `n` vertices. */
function feature(n: number): ParsedFeature {
  const ring = Array.from({ length: n }, (_, i) => [i, i % 2]);
  return {
    properties: {},
    geometryType: 'Polygon',
    polygon: { type: 'Polygon', coordinates: [ring] },
  };
}

function thrown(run: () => void): SourceRequestError {
  try {
    run();
  } catch (e) {
    if (e instanceof SourceRequestError) return e;
    throw e;
  }
  throw new Error('nothing was thrown');
}

describe('AreaBudget', () => {
  it('accepts pages up to both limits, counted over all pages', () => {
    const budget = new AreaBudget(source, 3, 12);
    budget.add([feature(4), feature(4)]);
    expect(() => budget.add([feature(4)])).not.toThrow();
  });

  it('throws too-complex on the page that takes the features over maxAreaFeatures', () => {
    const budget = new AreaBudget(source, 3, 1000);
    budget.add([feature(4), feature(4)]);
    const e = thrown(() => budget.add([feature(4), feature(4)]));
    expect(e.code).toBe('too-complex');
    expect(e.details).toMatchObject({ limit: 'maxAreaFeatures', max: 3, sourceId: 'zones' });
    expect(e.message).toBe(
      'Zones: the answer has more than 3 features in the area, over the limit maxAreaFeatures = 3.',
    );
  });

  it('throws too-complex on the page that takes the vertices over maxAreaVertices', () => {
    const budget = new AreaBudget(source, 100, 10);
    budget.add([feature(5)]);
    const e = thrown(() => budget.add([feature(6)]));
    expect(e.code).toBe('too-complex');
    expect(e.details).toMatchObject({ limit: 'maxAreaVertices', max: 10 });
    expect(e.message).toBe(
      'Zones: the answer has more than 10 vertices in the area, over the limit maxAreaVertices = 10.',
    );
  });
});
