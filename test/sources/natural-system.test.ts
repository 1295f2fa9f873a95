/**
 * The natural system from the demo sources (Voorbeeldstad): each layer is filled from the source
 * that provides its fact, built-up soil (`|h BEBOUW`) is left out as unmapped, a bbox limits the
 * polygons, and the values under the known demo locations are those locations.json expects.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PolyGeom } from '../../src/core/geometry.js';
import type { FactSource, QueryOptions, SourceResult } from '../../src/core/types.js';
import {
  isPolygonSource,
  naturalSystemFromSources,
  systemPolygonsFromSources,
} from '../../src/sources/natural-system.js';
import { GeoJsonSource } from '../../src/sources/geojson.js';
import { loadSourcesFile } from '../../src/sources/node.js';
import { projectRoot } from '../helpers/shared.js';

interface DemoLocation {
  id: string;
  x: number;
  y: number;
  expect: { zone: string | null; soilCode?: string | null; gt?: string | null };
}

const dataDir = resolve(projectRoot, 'demo/data');
const locations = (
  JSON.parse(readFileSync(resolve(dataDir, 'locations.json'), 'utf8')) as {
    locations: DemoLocation[];
  }
).locations;

/** A 10 m square around a point (the demo locations lie ≥ 40 m from any edge). */
function square(x: number, y: number, half = 5): PolyGeom {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [x - half, y - half],
        [x + half, y - half],
        [x + half, y + half],
        [x - half, y + half],
        [x - half, y - half],
      ],
    ],
  };
}

let sources: FactSource[] = [];
beforeAll(async () => {
  sources = await loadSourcesFile(resolve(dataDir, 'sources.json'));
});

describe('systemPolygonsFromSources on the demo data', () => {
  it('fills zones, soil and groundwater from the sources that provide them', async () => {
    const p = await systemPolygonsFromSources(sources);
    expect(p.sourceIds).toEqual({
      zones: ['zonering'],
      soil: ['bodem'],
      groundwater: ['grondwater'],
      // The zone data carries seepage (kwel/wegzijging) per polygon.
      seepage: ['zonering'],
    });
    expect(p.zones.length).toBeGreaterThan(20);
    expect(p.soil.length).toBeGreaterThan(20);
    expect(p.groundwater.length).toBeGreaterThan(20);
    expect(new Set(p.zones.map((z) => z.value))).toContain('Dz1');
    // Built-up and water soil polygons are not mapped: left out, so their area counts as unknown.
    expect(p.soil.some((s) => s.value.startsWith('|'))).toBe(false);
    for (const layer of [p.zones, p.soil, p.groundwater]) {
      for (const poly of layer) {
        expect(['Polygon', 'MultiPolygon']).toContain(poly.geometry.type);
        const first =
          poly.geometry.type === 'Polygon'
            ? poly.geometry.coordinates[0]![0]!
            : poly.geometry.coordinates[0]![0]![0]!;
        // RD New metres, inside the demo extent.
        expect(first[0]).toBeGreaterThanOrEqual(187000);
        expect(first[0]).toBeLessThanOrEqual(197000);
        expect(first).toHaveLength(2);
      }
    }
  });

  it('limits the polygons to a bbox', async () => {
    const all = await systemPolygonsFromSources(sources);
    const some = await systemPolygonsFromSources(sources, {
      bbox: [193380, 445880, 193980, 446320],
    });
    expect(some.zones.length).toBeGreaterThan(0);
    expect(some.zones.length).toBeLessThan(all.zones.length);
    expect(some.soil.length).toBeLessThan(all.soil.length);
    expect(some.groundwater.length).toBeLessThan(all.groundwater.length);
  });

  it('skips sources that cannot hand out polygons or provide none of the three facts', async () => {
    const pointSource: FactSource = {
      id: 'punt',
      title: 'Punt',
      provides: ['gt'],
      query: (): Promise<SourceResult> =>
        Promise.resolve({ sourceId: 'punt', title: 'Punt', status: 'no-data', facts: [] }),
    };
    const heightOnly = new GeoJsonSource({
      id: 'hoogte',
      title: 'Hoogte',
      crs: 'EPSG:28992',
      properties: { elevation: 'h' },
      data: {
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: { h: 12 }, geometry: square(193500, 446000, 50) },
        ],
      },
    });
    expect(isPolygonSource(pointSource)).toBe(false);
    expect(isPolygonSource(heightOnly)).toBe(true);
    const p = await systemPolygonsFromSources([pointSource, heightOnly]);
    expect(p.zones).toEqual([]);
    expect(p.soil).toEqual([]);
    expect(p.groundwater).toEqual([]);
  });

  it('reads lon/lat data in RD and keeps source order', async () => {
    const lonLat = new GeoJsonSource({
      id: 'wgs',
      title: 'WGS',
      properties: { zone: 'code', gt: 'gt' },
      data: {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { code: 'Dz1', gt: 'VII' },
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [5.38, 52.15],
                  [5.39, 52.15],
                  [5.39, 52.16],
                  [5.38, 52.16],
                  [5.38, 52.15],
                ],
              ],
            },
          },
        ],
      },
    });
    const p = await systemPolygonsFromSources([...sources, lonLat]);
    expect(p.sourceIds.zones).toEqual(['zonering', 'wgs']);
    expect(p.sourceIds.groundwater).toEqual(['grondwater', 'wgs']);
    const last = p.zones[p.zones.length - 1]!;
    expect(last.value).toBe('Dz1');
    const [x, y] = (last.geometry.coordinates[0] as Array<[number, number]>)[0]!;
    expect(x).toBeGreaterThan(154000);
    expect(x).toBeLessThan(156000);
    expect(y).toBeGreaterThan(462000);
    expect(y).toBeLessThan(464000);
  });

  it('passes the abort signal on', async () => {
    const controller = new AbortController();
    controller.abort(new DOMException('stop', 'AbortError'));
    await expect(systemPolygonsFromSources(sources, { signal: controller.signal })).rejects.toThrow(
      'stop',
    );
    let seen: AbortSignal | undefined;
    const spy = {
      id: 'spy',
      title: 'Spy',
      provides: ['zone'] as const,
      query: () => Promise.reject(new Error('not used')),
      polygons: (_crs: string, options: QueryOptions = {}) => {
        seen = options.signal;
        return Promise.resolve({
          type: 'FeatureCollection' as const,
          crs: 'EPSG:28992' as const,
          features: [],
        });
      },
    };
    const live = new AbortController();
    await systemPolygonsFromSources([spy], { signal: live.signal });
    expect(seen).toBe(live.signal);
  });
});

describe('naturalSystemFromSources', () => {
  it('gives the expected zone, soil and Gt under the known demo locations', async () => {
    const system = await naturalSystemFromSources(sources);
    for (const id of ['dekzandrug', 'beekdal-kwel', 'stuwwal-top', 'laagveen', 'centrum']) {
      const l = locations.find((x) => x.id === id)!;
      const g = square(l.x, l.y);
      expect(system.zones.dominant(g), `${id} zone`).toBe(l.expect.zone);
      expect(system.soil.dominant(g) ?? null, `${id} soil`).toBe(l.expect.soilCode ?? null);
      expect(system.groundwater.dominant(g) ?? null, `${id} gt`).toBe(l.expect.gt ?? null);
    }
  });

  it('leaves the built-up centre unmapped for soil and groundwater', async () => {
    const system = await naturalSystemFromSources(sources);
    const c = locations.find((x) => x.id === 'centrum')!;
    const split = system.soil.split(square(c.x, c.y, 20));
    expect(split.pieces).toEqual([]);
    expect(split.uncovered).toBeCloseTo(1600, 6);
  });
});
