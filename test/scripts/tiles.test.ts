/**
 * `npm run tiles` (scripts/tiles.mjs): the tiles GDAL writes in NetherlandsRDNewQuad decode, with
 * OpenLayers' own MVT reader and tile grid, to the input polygons: every feature, its properties,
 * and its place (the centre of each input square lies inside its decoded polygon, and the centre
 * of each hole outside). Runs ogr2ogr (GDAL) on a 400-square fixture.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Feature from 'ol/Feature.js';
import MVT from 'ol/format/MVT.js';
import type Polygon from 'ol/geom/Polygon.js';
import type MultiPolygon from 'ol/geom/MultiPolygon.js';
import Projection from 'ol/proj/Projection.js';
import TileGrid from 'ol/tilegrid/TileGrid.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/shared.js';
// @ts-expect-error: a JavaScript build script without types
import { buildTiles, RD_NEW_QUAD } from '../../scripts/tiles.mjs';

interface TilesJson {
  format: string;
  tiles: string;
  layer: string;
  crs: string;
  origin: [number, number];
  tileSize: number;
  resolutions: number[];
  minZoom: number;
  maxZoom: number;
  extent: [number, number, number, number];
  featureCount: number;
  tileCount: number;
}

interface InFeature {
  properties: { code: string; nr: number };
  geometry: { coordinates: number[][][] };
}

const input = resolve(projectRoot, 'test/fixtures/flatgeobuf/grid-rd.geojson');
const inputFc = JSON.parse(readFileSync(input, 'utf8')) as { features: InFeature[] };
const MAX_ZOOM = 10;
let dir: string;
let described: TilesJson;

/** Every feature of every tile of a zoom level, as OpenLayers features in EPSG:28992. */
function decodeLevel(z: number): Feature[] {
  const grid = new TileGrid({
    origin: described.origin,
    resolutions: described.resolutions,
    tileSize: described.tileSize,
  });
  const format = new MVT<Feature>({ featureClass: Feature, layers: [described.layer] });
  // The map projection the tile-pixel coordinates are transformed to (metres, no proj4 needed).
  const rd = new Projection({ code: 'EPSG:28992', units: 'm' });
  const features: Feature[] = [];
  for (const x of readdirSync(join(dir, String(z)))) {
    for (const file of readdirSync(join(dir, String(z), x))) {
      const y = Number(file.replace(/\.pbf$/, ''));
      const extent = grid.getTileCoordExtent([z, Number(x), y]);
      const bytes = readFileSync(join(dir, String(z), x, file));
      const data = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
      features.push(...format.readFeatures(data, { extent, featureProjection: rd }));
    }
  }
  return features;
}

function contains(feature: Feature, x: number, y: number): boolean {
  const g = feature.getGeometry() as Polygon | MultiPolygon | undefined;
  return g?.intersectsCoordinate([x, y]) ?? false;
}

beforeAll(() => {
  const gdal = spawnSync('ogr2ogr', ['--version']);
  if (gdal.status !== 0) throw new Error('these tests need ogr2ogr (GDAL)');
  dir = join(mkdtempSync(join(tmpdir(), 'na-tiles-')), 'tiles');
  described = buildTiles({ input, outDir: dir, maxZoom: MAX_ZOOM }) as TilesJson;
});

afterAll(() => {
  if (dir !== undefined) rmSync(resolve(dir, '..'), { recursive: true, force: true });
});

describe('scripts/tiles.mjs', () => {
  it('describes the tile set in tiles.json: NetherlandsRDNewQuad, zooms, extent, count', () => {
    const onDisk = JSON.parse(readFileSync(join(dir, 'tiles.json'), 'utf8')) as TilesJson;
    expect(onDisk).toEqual(described);
    expect(onDisk.format).toBe('mvt');
    expect(onDisk.tiles).toBe('{z}/{x}/{y}.pbf');
    expect(onDisk.crs).toBe('EPSG:28992');
    expect(onDisk.origin).toEqual([...RD_NEW_QUAD.origin]);
    expect(onDisk.resolutions).toHaveLength(MAX_ZOOM + 1);
    expect(onDisk.resolutions[0]).toBe(3440.64);
    expect(onDisk.resolutions[MAX_ZOOM]).toBeCloseTo(3440.64 / 2 ** MAX_ZOOM, 9);
    expect(onDisk.featureCount).toBe(400);
    expect(onDisk.extent).toEqual([150000, 460000, 153980, 463980]);
    expect(onDisk.tileCount).toBeGreaterThan(MAX_ZOOM);
  });

  it('writes tiles that decode to every input feature with its properties', () => {
    const features = decodeLevel(MAX_ZOOM);
    const byNr = new Map<number, string>();
    for (const f of features) byNr.set(f.get('nr') as number, f.get('code') as string);
    expect(byNr.size).toBe(400);
    for (const f of inputFc.features) {
      expect(byNr.get(f.properties.nr), `feature ${f.properties.nr}`).toBe(f.properties.code);
    }
  });

  it('puts every polygon in its place at the highest zoom, holes included', () => {
    const features = decodeLevel(MAX_ZOOM);
    let checked = 0;
    for (const f of inputFc.features) {
      const [outer, hole] = f.geometry.coordinates;
      const xs = (outer ?? []).map((p) => p[0] as number);
      const ys = (outer ?? []).map((p) => p[1] as number);
      // A point 20 m inside the square's corner: inside the polygon even where it has a hole.
      const x = Math.min(...xs) + 20;
      const y = Math.min(...ys) + 20;
      const mine = features.filter((g) => g.get('nr') === f.properties.nr);
      expect(
        mine.some((g) => contains(g, x, y)),
        `feature ${f.properties.nr} at ${x} ${y}`,
      ).toBe(true);
      if (hole !== undefined) {
        const hx = hole.reduce((s, p) => s + (p[0] as number), 0) / hole.length;
        const hy = hole.reduce((s, p) => s + (p[1] as number), 0) / hole.length;
        expect(
          mine.some((g) => contains(g, hx, hy)),
          `hole of ${f.properties.nr}`,
        ).toBe(false);
        checked += 1;
      }
    }
    expect(checked, 'squares with a hole').toBe(80);
  });

  it('refuses a missing input and impossible zoom levels', () => {
    expect(() => buildTiles({ input: join(dir, 'nothing.geojson'), outDir: dir })).toThrow(
      /does not exist/,
    );
    expect(() =>
      buildTiles({ input, outDir: join(dir, '..', 'x'), minZoom: 5, maxZoom: 2 }),
    ).toThrow(/min-zoom/);
  });
});
