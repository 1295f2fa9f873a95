/**
 * The zonering layer reads the code of a main-type polygon (a source with only `landscapeType`,
 * e.g. the BKNSN main types of the Klimaateffectatlas) as `type:<id>`, so it is drawn and
 * labelled with the landscape type; a BKNSN zone still wins.
 */
import Feature from 'ol/Feature.js';
import { describe, expect, it } from 'vitest';
import { defaultKnowledgeBase } from '../../src/core/kb/load.js';
import type {
  PolygonFeatureCollection,
  PolygonSource,
  SupportedCrs,
} from '../../src/core/types.js';
import { ZoneringLayer } from '../../src/map/zonering-layer.js';

const empty: PolygonSource = {
  id: 'x',
  title: 'x',
  provides: ['landscapeType'],
  query: () => Promise.reject(new Error('not used')),
  polygons: (crs: SupportedCrs) =>
    Promise.resolve({ type: 'FeatureCollection', crs, features: [] } as PolygonFeatureCollection),
} as unknown as PolygonSource;

describe('ZoneringLayer.codeOf with main types', () => {
  const layer = new ZoneringLayer(empty, defaultKnowledgeBase());
  it('a polygon with only a landscape type has the code type:<id>', () => {
    expect(layer.codeOf(new Feature({ landscapeType: 'dekzand', gridcode: 9000 }))).toBe(
      'type:dekzand',
    );
  });
  it('a BKNSN zone wins over the landscape type; nothing gives no code', () => {
    expect(layer.codeOf(new Feature({ zone: 'Dz1', landscapeType: 'dekzand' }))).toBe('Dz1');
    expect(layer.codeOf(new Feature({ gridcode: 9000 }))).toBeUndefined();
  });
});
