/** The permalink format of <na-location-check>: `?na-check=x,y,CRS`, never disturbing the host URL. */
import { describe, expect, it } from 'vitest';
import {
  formatLocationParam,
  parseLocationParam,
  readPermalink,
  writePermalink,
} from '../../widgets/location-check/permalink.js';

describe('location-check permalink', () => {
  it('parses x,y,CRS (CRS optional: RD) and rejects anything else', () => {
    expect(parseLocationParam('155000,463000,EPSG:28992')).toEqual({
      x: 155000,
      y: 463000,
      crs: 'EPSG:28992',
    });
    expect(parseLocationParam('155000.5, 463000')).toEqual({
      x: 155000.5,
      y: 463000,
      crs: 'EPSG:28992',
    });
    expect(parseLocationParam('5.38,52.15,epsg:4326')).toEqual({
      x: 5.38,
      y: 52.15,
      crs: 'EPSG:4326',
    });
    expect(parseLocationParam('0,0,EPSG:3857')).toEqual({ x: 0, y: 0, crs: 'EPSG:3857' });
    for (const bad of [
      null,
      undefined,
      '',
      '1',
      '1,',
      ',2',
      'a,b',
      '1,2,EPSG:2056',
      '1,2,3,4',
      'Infinity,1',
    ]) {
      expect(parseLocationParam(bad)).toBeUndefined();
    }
  });

  it('formats with 0.01 m (RD, Web Mercator) or 6 decimals (degrees)', () => {
    expect(formatLocationParam({ x: 155000.1234, y: 463000.9876, crs: 'EPSG:28992' })).toBe(
      '155000.12,463000.99,EPSG:28992',
    );
    expect(formatLocationParam({ x: 5.123456789, y: 52.1, crs: 'EPSG:4326' })).toBe(
      '5.123457,52.1,EPSG:4326',
    );
  });

  it('writes the parameter and keeps every other parameter, its encoding, and the hash', () => {
    const href =
      'https://gemeente.example/kaart/?b=2&q=a%20b&na-check=1,2,EPSG:28992&z=x+y#/route?x=1';
    const next = writePermalink(href, { x: 190038, y: 448663, crs: 'EPSG:28992' });
    expect(next).toBe(
      'https://gemeente.example/kaart/?b=2&q=a%20b&z=x+y&na-check=190038,448663,EPSG:28992#/route?x=1',
    );
    expect(readPermalink(next)).toEqual({ x: 190038, y: 448663, crs: 'EPSG:28992' });
    expect(writePermalink(next, null)).toBe(
      'https://gemeente.example/kaart/?b=2&q=a%20b&z=x+y#/route?x=1',
    );
    expect(writePermalink('https://a.example/', null)).toBe('https://a.example/');
  });

  it('uses its own key, so two widgets on one page can keep two locations', () => {
    const one = writePermalink('https://a.example/', { x: 1, y: 2, crs: 'EPSG:28992' }, 'links');
    const two = writePermalink(one, { x: 3, y: 4, crs: 'EPSG:28992' }, 'rechts');
    expect(readPermalink(two, 'links')).toEqual({ x: 1, y: 2, crs: 'EPSG:28992' });
    expect(readPermalink(two, 'rechts')).toEqual({ x: 3, y: 4, crs: 'EPSG:28992' });
    expect(readPermalink(two)).toBeUndefined();
  });

  it('reads the hash form, alone or as one &-part of the hash', () => {
    expect(readPermalink('https://a.example/#na-check=190038,448663,EPSG:28992')).toEqual({
      x: 190038,
      y: 448663,
      crs: 'EPSG:28992',
    });
    expect(readPermalink('https://a.example/#map=12/5/52&na-check=1,2')).toEqual({
      x: 1,
      y: 2,
      crs: 'EPSG:28992',
    });
    expect(readPermalink('https://a.example/#/na-check')).toBeUndefined();
    expect(readPermalink('https://a.example/#na-check=%E0%A4%A')).toBeUndefined();
  });
});
