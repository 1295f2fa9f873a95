import { describe, expect, it } from 'vitest';
import proj4 from 'proj4';
import {
  CRS_DEFINITIONS,
  RD_NEW_PROJ4,
  isSupportedCrs,
  locationTo,
  normalizeCrs,
  plausibleFor,
  registerCrs,
  suggestCrs,
  toCrs,
} from '../../src/core/crs.js';
import { NaError } from '../../src/core/types.js';

function naError(fn: () => unknown): NaError {
  try {
    fn();
  } catch (e) {
    if (e instanceof NaError) return e;
    throw e;
  }
  throw new Error('expected an NaError');
}

describe('toCrs', () => {
  it('transforms lon/lat to RD New with the +towgs84 definition (TOOLCHAIN check value)', () => {
    const [x, y] = toCrs([5.3872, 52.1552], 'EPSG:4326', 'EPSG:28992');
    expect(Math.abs(x - 154999.76)).toBeLessThan(0.5);
    expect(Math.abs(y - 463003.08)).toBeLessThan(0.5);
  });

  it('uses the exact TOOLCHAIN definition of EPSG:28992', () => {
    expect(RD_NEW_PROJ4).toBe(
      '+proj=sterea +lat_0=52.15616055555555 +lon_0=5.38763888888889 +k=0.9999079 +x_0=155000 +y_0=463000 +ellps=bessel +towgs84=565.417,50.3319,465.552,-0.398957,0.343988,-1.8774,4.0725 +units=m +no_defs',
    );
    expect(CRS_DEFINITIONS['EPSG:28992']).toBe(RD_NEW_PROJ4);
  });

  it('without +towgs84 the result would be off by more than 50 m (the definition matters)', () => {
    const noShift = RD_NEW_PROJ4.replace(/\+towgs84=\S+ /, '');
    const [x, y] = proj4(CRS_DEFINITIONS['EPSG:4326'], noShift).forward([5.3872, 52.1552]);
    const [gx, gy] = toCrs([5.3872, 52.1552], 'EPSG:4326', 'EPSG:28992');
    expect(Math.hypot((x as number) - gx, (y as number) - gy)).toBeGreaterThan(50);
  });

  it('round-trips RD → lon/lat → RD and RD → 3857 → RD within 1 mm', () => {
    for (const p of [
      [155000, 463000],
      [13000, 370000],
      [280000, 610000],
      [100000.123, 500000.456],
    ] as Array<[number, number]>) {
      for (const via of ['EPSG:4326', 'EPSG:3857'] as const) {
        const back = toCrs(toCrs(p, 'EPSG:28992', via), via, 'EPSG:28992');
        expect(Math.hypot(back[0] - p[0], back[1] - p[1])).toBeLessThan(0.001);
      }
    }
  });

  it('transforms lon/lat to Web Mercator by the spherical formula', () => {
    const [x, y] = toCrs([5.3872, 52.1552], 'EPSG:4326', 'EPSG:3857');
    const R = 6378137;
    const rad = Math.PI / 180;
    expect(x).toBeCloseTo(R * 5.3872 * rad, 3);
    expect(y).toBeCloseTo(R * Math.log(Math.tan(Math.PI / 4 + (52.1552 * rad) / 2)), 3);
  });

  it('RD → 3857 directly equals RD → 4326 → 3857', () => {
    const direct = toCrs([155000, 463000], 'EPSG:28992', 'EPSG:3857');
    const via = toCrs(toCrs([155000, 463000], 'EPSG:28992', 'EPSG:4326'), 'EPSG:4326', 'EPSG:3857');
    expect(Math.hypot(direct[0] - via[0], direct[1] - via[1])).toBeLessThan(0.001);
  });

  it('returns a new array for the identity transform and rejects non-finite input', () => {
    const p: [number, number] = [1, 2];
    const out = toCrs(p, 'EPSG:28992', 'EPSG:28992');
    expect(out).toEqual([1, 2]);
    expect(out).not.toBe(p);
    expect(naError(() => toCrs([NaN, 2], 'EPSG:28992', 'EPSG:4326')).code).toBe(
      'implausible-coordinates',
    );
  });

  it('locationTo converts a Location', () => {
    const l = locationTo({ x: 5.3872, y: 52.1552, crs: 'EPSG:4326' }, 'EPSG:28992');
    expect(l.crs).toBe('EPSG:28992');
    expect(l.x).toBeCloseTo(154999.76, 0);
    expect(l.y).toBeCloseTo(463003.08, 0);
  });
});

describe('registerCrs', () => {
  it('defines the three codes on a proj4 instance', () => {
    registerCrs(proj4);
    const [x, y] = proj4('EPSG:4326', 'EPSG:28992').forward([5.3872, 52.1552]);
    expect(Math.abs((x as number) - 154999.76)).toBeLessThan(0.5);
    expect(Math.abs((y as number) - 463003.08)).toBeLessThan(0.5);
  });
});

describe('normalizeCrs', () => {
  it.each([
    ['EPSG:28992', 'EPSG:28992'],
    ['epsg:28992', 'EPSG:28992'],
    ['28992', 'EPSG:28992'],
    ['urn:ogc:def:crs:EPSG::28992', 'EPSG:28992'],
    ['urn:ogc:def:crs:EPSG:9.6.2:28992', 'EPSG:28992'],
    ['http://www.opengis.net/def/crs/EPSG/0/28992', 'EPSG:28992'],
    ['http://www.opengis.net/def/crs/EPSG/9.6.2/28992', 'EPSG:28992'],
    ['https://www.opengis.net/def/crs/EPSG/0/28992', 'EPSG:28992'],
    [' EPSG:4326 ', 'EPSG:4326'],
    ['urn:ogc:def:crs:EPSG::4326', 'EPSG:4326'],
    ['OGC:CRS84', 'EPSG:4326'],
    ['CRS:84', 'EPSG:4326'],
    ['urn:ogc:def:crs:OGC:1.3:CRS84', 'EPSG:4326'],
    ['http://www.opengis.net/def/crs/OGC/1.3/CRS84', 'EPSG:4326'],
    ['EPSG:3857', 'EPSG:3857'],
    ['EPSG:900913', 'EPSG:3857'],
    ['http://www.opengis.net/def/crs/EPSG/0/3857', 'EPSG:3857'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeCrs(input)).toBe(expected);
  });

  it('reads a GeoJSON named crs member as QGIS writes it', () => {
    expect(
      normalizeCrs({ type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } }),
    ).toBe('EPSG:28992');
  });

  it.each(['EPSG:4258', 'EPSG:2892', 'urn:ogc:def:crs:EPSG::28992x', 'RD', '', 'EPSG:'])(
    'rejects %j with unsupported-crs listing the supported CRSs',
    (input) => {
      const e = naError(() => normalizeCrs(input));
      expect(e.code).toBe('unsupported-crs');
      expect(e.details.crs).toBe(input);
      expect(e.message).toContain('EPSG:28992');
      expect(e.message).toContain('EPSG:4326');
      expect(e.message).toContain('EPSG:3857');
    },
  );

  it('rejects non-strings', () => {
    expect(naError(() => normalizeCrs(28992)).code).toBe('unsupported-crs');
    expect(naError(() => normalizeCrs(null)).code).toBe('unsupported-crs');
    expect(naError(() => normalizeCrs({ type: 'name' })).code).toBe('unsupported-crs');
  });

  it('isSupportedCrs accepts only the canonical codes', () => {
    expect(isSupportedCrs('EPSG:28992')).toBe(true);
    expect(isSupportedCrs('urn:ogc:def:crs:EPSG::28992')).toBe(false);
    expect(isSupportedCrs(4326)).toBe(false);
  });
});

describe('plausibleFor', () => {
  it('accepts plausible locations and returns them', () => {
    const l = { x: 155000, y: 463000, crs: 'EPSG:28992' } as const;
    expect(plausibleFor(l)).toBe(l);
    expect(plausibleFor({ x: 5.38, y: 52.15, crs: 'EPSG:4326' }).x).toBe(5.38);
    expect(plausibleFor({ x: 599700, y: 6828236, crs: 'EPSG:3857' }).y).toBe(6828236);
    expect(plausibleFor({ x: -7000, y: 289000, crs: 'EPSG:28992' }).x).toBe(-7000);
  });

  it('catches lon/lat given as RD, with a hint', () => {
    const e = naError(() => plausibleFor({ x: 5.3872, y: 52.1552, crs: 'EPSG:28992' }));
    expect(e.code).toBe('implausible-coordinates');
    expect(e.message).toMatch(/look like longitude\/latitude.*--crs EPSG:4326/);
    expect(e.details.suggestedCrs).toBe('EPSG:4326');
  });

  it('catches RD given as EPSG:4326, with the hint "these look like RD coordinates"', () => {
    const e = naError(() => plausibleFor({ x: 155000, y: 463000, crs: 'EPSG:4326' }));
    expect(e.code).toBe('implausible-coordinates');
    expect(e.message).toContain('these look like RD coordinates; use --crs EPSG:28992');
    expect(e.details.suggestedCrs).toBe('EPSG:28992');
  });

  it('catches Web Mercator given as RD', () => {
    const e = naError(() => plausibleFor({ x: 599700, y: 6828236, crs: 'EPSG:28992' }));
    expect(e.message).toContain('--crs EPSG:3857');
  });

  it('catches lat/lon in the wrong order given as RD', () => {
    const e = naError(() => plausibleFor({ x: 52.1552, y: 5.3872, crs: 'EPSG:28992' }));
    expect(e.code).toBe('implausible-coordinates');
    expect(e.message).toContain('wrong order');
  });

  it('rejects non-finite numbers and out-of-range lon/lat without a hint', () => {
    expect(naError(() => plausibleFor({ x: NaN, y: 1, crs: 'EPSG:4326' })).code).toBe(
      'implausible-coordinates',
    );
    const e = naError(() => plausibleFor({ x: 5, y: 95, crs: 'EPSG:4326' }));
    expect(e.code).toBe('implausible-coordinates');
    expect(e.details.suggestedCrs).toBeUndefined();
    expect(naError(() => plausibleFor({ x: 300001, y: 463000, crs: 'EPSG:28992' })).code).toBe(
      'implausible-coordinates',
    );
  });

  it('suggestCrs returns undefined when no other reading fits', () => {
    expect(suggestCrs(1e9, 1e9, 'EPSG:3857')).toBeUndefined();
    expect(suggestCrs(155000, 463000, 'EPSG:4326')?.crs).toBe('EPSG:28992');
  });
});
