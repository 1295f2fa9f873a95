#!/usr/bin/env node
/**
 * A national-size, SYNTHETIC zonering for the whole-country demo page (demo/land.html) and the
 * tile benchmark: a jittered grid of hexagons over the whole RD extent (as the FlatGeobuf and
 * point-query benchmarks generate), each with a real BKNSN zone code chosen by a smooth seeded
 * pattern, so neighbours share codes and the map shows landscape-like regions. Nothing in it is
 * real.
 *
 * `node scripts/national-data.mjs [--force]` writes into `demo/national/` (gitignored):
 * `zonering.geojson` (EPSG:28992), `sources.json` (a `flatgeobuf` source), `zonering.fgb` (GDAL, packed Hilbert R-tree, for HTTP Range
 * reads) and `tiles/` (`scripts/tiles.mjs`). It does nothing when the files are newer than this
 * script (`--force` writes them again). `scripts/demo-server.mjs` calls {@link ensureNationalData}
 * before building the demo, so `npm start` and the e2e tests have them. Deterministic (seeded).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildTiles } from './tiles.mjs';

const here = fileURLToPath(import.meta.url);
const root = resolve(dirname(here), '..');
/** Where the generated files go (gitignored; copied into the demo build by vite.config.ts). */
export const NATIONAL_DIR = resolve(root, 'demo/national');

/** RD extent of the Netherlands (about), metres. */
export const RD_EXTENT = Object.freeze([10_000, 300_000, 290_000, 620_000]);

/** Codes of the demo knowledge base's zones (all have colours and names). */
const CODES = [
  'Sw1', 'Sw2', 'Sw3', 'Dz1', 'Dz2', 'Dz4', 'Dz5', 'Dz6', 'Dz8', 'Dr1',
  'Lv1', 'Lv2', 'Rg1', 'Rg2', 'Rg3', 'Rg5', 'Sw4', 'Sw5', 'W', 'A',
]; // prettier-ignore

function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The synthetic national zonering as a GeoJSON FeatureCollection in EPSG:28992 (with a `crs`
 * member): `cols × rows` hexagons over {@link RD_EXTENT}, properties `BKNSN_code` and `nr`.
 * @param {{ cols?: number, rows?: number }} [options] default 140 × 160 (22,400 polygons, 2 km).
 */
export function nationalZonering(options = {}) {
  const { cols = 140, rows = 160 } = options;
  const [minX, minY, maxX, maxY] = RD_EXTENT;
  const rnd = prng(28992);
  const w = (maxX - minX) / cols;
  const h = (maxY - minY) / rows;
  // A smooth field of a few seeded waves picks the code: regions tens of km across.
  const waves = Array.from({ length: 4 }, () => ({
    kx: (rnd() - 0.5) * 0.00006,
    ky: (rnd() - 0.5) * 0.00006,
    phase: rnd() * 2 * Math.PI,
  }));
  const field = (x, y) =>
    waves.reduce((s, k) => s + Math.sin(k.kx * x + k.ky * y + k.phase), 0) / waves.length;
  const features = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const cx = minX + (c + 0.5) * w + (rnd() - 0.5) * 0.1 * w;
      const cy = minY + (r + 0.5) * h + (rnd() - 0.5) * 0.1 * h;
      const outer = [];
      for (let k = 0; k < 6; k++) {
        const a = (k / 6) * 2 * Math.PI + (rnd() - 0.5) * 0.3;
        const f = 0.45 + rnd() * 0.05;
        outer.push([
          Math.round((cx + Math.cos(a) * f * w) * 100) / 100,
          Math.round((cy + Math.sin(a) * f * h) * 100) / 100,
        ]);
      }
      outer.push([...outer[0]]);
      const v = (field(cx, cy) + 1) / 2;
      const code = CODES[Math.min(CODES.length - 1, Math.floor(v * CODES.length))];
      features.push({
        type: 'Feature',
        properties: { BKNSN_code: code, nr: features.length },
        geometry: { type: 'Polygon', coordinates: [outer] },
      });
    }
  }
  return {
    type: 'FeatureCollection',
    name: 'zonering',
    crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } },
    features,
  };
}

/**
 * Writes `zonering.geojson`, `zonering.fgb` and `tiles/` into `dir`.
 * @param {{ dir?: string, cols?: number, rows?: number, maxZoom?: number }} [options]
 * @returns {{ dir: string, features: number, tiles: number, ms: number }}
 */
export function writeNationalData(options = {}) {
  const { dir = NATIONAL_DIR, maxZoom = 7, ...grid } = options;
  const started = performance.now();
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const fc = nationalZonering(grid);
  const geojson = join(dir, 'zonering.geojson');
  writeFileSync(geojson, JSON.stringify(fc));
  const fgb = join(dir, 'zonering.fgb');
  const r = spawnSync(
    'ogr2ogr',
    ['-f', 'FlatGeobuf', fgb, geojson, '-a_srs', 'EPSG:28992', '-nln', 'zonering'],
    { encoding: 'utf8' },
  );
  if (r.error !== undefined || r.status !== 0) {
    throw new Error(`national-data: ogr2ogr failed: ${r.error?.message ?? r.stderr.trim()}`);
  }
  writeFileSync(
    join(dir, 'sources.json'),
    `${JSON.stringify(
      {
        sources: [
          {
            id: 'zonering-nl',
            type: 'flatgeobuf',
            url: 'zonering.fgb',
            title: 'Zonering Nederland (verzonnen)',
            illustrative: true,
            properties: { zone: 'BKNSN_code' },
          },
        ],
      },
      null,
      2,
    )}\n`,
  );
  const tiles = buildTiles({
    input: fgb,
    outDir: join(dir, 'tiles'),
    layer: 'zonering',
    maxZoom,
    select: ['BKNSN_code'],
  });
  return {
    dir,
    features: fc.features.length,
    tiles: tiles.tileCount,
    ms: performance.now() - started,
  };
}

/** True when the national data in `dir` is complete and newer than its generators. */
export function nationalDataFresh(dir = NATIONAL_DIR) {
  const marker = join(dir, 'tiles/tiles.json');
  if (!existsSync(marker) || !existsSync(join(dir, 'zonering.fgb'))) return false;
  const made = statSync(marker).mtimeMs;
  return [here, resolve(root, 'scripts/tiles.mjs')].every((p) => statSync(p).mtimeMs <= made);
}

/**
 * Generates the national demo data when it is missing or stale. Without GDAL it warns and returns
 * false (the whole-country page then says the data is missing).
 */
export function ensureNationalData(options = {}) {
  const { quiet = false } = options;
  if (nationalDataFresh()) return true;
  const gdal = spawnSync('ogr2ogr', ['--version'], { encoding: 'utf8' });
  if (gdal.error !== undefined || gdal.status !== 0) {
    console.warn('national-data: ogr2ogr (GDAL) is not installed; demo/land.html has no data.');
    return false;
  }
  const made = writeNationalData();
  if (!quiet) {
    console.log(
      `national-data: ${made.features} polygons, ${made.tiles} tiles in ${(made.ms / 1000).toFixed(1)} s → ${made.dir}`,
    );
  }
  return true;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === here) {
  if (process.argv.includes('--force')) rmSync(NATIONAL_DIR, { recursive: true, force: true });
  ensureNationalData();
}
