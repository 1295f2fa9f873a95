#!/usr/bin/env node
/**
 * `npm run tiles -- <input> <out-dir> [options]`: turns a polygon layer (GeoJSON, GeoPackage,
 * FlatGeobuf, anything GDAL reads) into Mapbox Vector Tiles in the Dutch RD tiling scheme
 * (NetherlandsRDNewQuad, the tile matrix set of PDOK's vector tiles), as a directory of static
 * files `<out-dir>/{z}/{x}/{y}.pbf` plus `<out-dir>/tiles.json`, the description the zonering
 * layer reads (tile grid, zoom range, layer name, extent). See docs/adr/0006-vector-tiles.md.
 *
 * Made with GDAL's MVT driver (`ogr2ogr -f MVT`, GDAL ≥ 3.1; custom TILING_SCHEME), uncompressed
 * (a static server may compress on the fly; the browser must get plain protobuf or a
 * `Content-Encoding` it understands).
 *
 * Options:
 *   --layer <name>      name of the layer in the tiles (default `zonering`)
 *   --min-zoom <n>      first zoom level (default 0)
 *   --max-zoom <n>      last zoom level (default 9: 6.72 m/px, 1.7 km tiles; the map over-zooms)
 *   --s-srs <crs>       CRS of the input when the file does not say (e.g. EPSG:28992)
 *   --select <a,b>      properties to keep (default: all)
 *
 * Needs `ogr2ogr` (GDAL) on the PATH.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * NetherlandsRDNewQuad (Geonovum / PDOK): EPSG:28992, top-left origin, 256 px tiles, level 0 at
 * 3440.64 m/px (one tile of 880,803.84 m), each level half the resolution of the one above.
 */
export const RD_NEW_QUAD = Object.freeze({
  crs: 'EPSG:28992',
  origin: Object.freeze([-285401.92, 903401.92]),
  tileSize: 256,
  resolution0: 3440.64,
});

/** The resolutions (m/px) of levels 0..maxZoom of NetherlandsRDNewQuad. */
export function rdResolutions(maxZoom) {
  return Array.from({ length: maxZoom + 1 }, (_, z) => RD_NEW_QUAD.resolution0 / 2 ** z);
}

function countTiles(dir) {
  let n = 0;
  let bytes = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) {
      const sub = countTiles(p);
      n += sub.n;
      bytes += sub.bytes;
    } else if (name.endsWith('.pbf')) {
      n += 1;
      bytes += st.size;
    }
  }
  return { n, bytes };
}

/**
 * The feature count and the extent in EPSG:28992 (when the input is in RD) of the input's first
 * layer, from `ogrinfo -so`.
 */
function summaryOf(input, srcSrs) {
  const r = spawnSync('ogrinfo', ['-so', '-al', '-ro', input], { encoding: 'utf8' });
  if (r.status !== 0) return {};
  const count = /Feature Count: (\d+)/.exec(r.stdout);
  const m = /Extent: \(([-\d.]+), ([-\d.]+)\) - \(([-\d.]+), ([-\d.]+)\)/.exec(r.stdout);
  const isRd = srcSrs === 'EPSG:28992' || /ID\["EPSG",28992\]|Amersfoort \/ RD New/.test(r.stdout);
  return {
    ...(m && isRd ? { extent: m.slice(1, 5).map(Number) } : {}),
    ...(count ? { featureCount: Number(count[1]) } : {}),
  };
}

/**
 * Writes the tiles of `input` into `outDir` (emptied first) and returns the `tiles.json` object
 * with the tile count and bytes.
 * @param {{ input: string, outDir: string, layer?: string, minZoom?: number, maxZoom?: number,
 *   srcSrs?: string, select?: string[] }} options
 */
export function buildTiles(options) {
  const { input, outDir, layer = 'zonering', minZoom = 0, maxZoom = 9, srcSrs, select } = options;
  if (!existsSync(input)) throw new Error(`tiles: input ${input} does not exist`);
  if (!(Number.isInteger(minZoom) && Number.isInteger(maxZoom) && 0 <= minZoom))
    throw new Error('tiles: zoom levels must be whole numbers ≥ 0');
  if (maxZoom < minZoom || maxZoom > 15) throw new Error('tiles: need min-zoom ≤ max-zoom ≤ 15');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(dirname(outDir), { recursive: true });
  const { origin, resolution0, tileSize } = RD_NEW_QUAD;
  const args = [
    '-f',
    'MVT',
    outDir,
    input,
    '-t_srs',
    'EPSG:28992',
    ...(srcSrs === undefined ? [] : ['-s_srs', srcSrs]),
    ...(select === undefined ? [] : ['-select', select.join(',')]),
    '-dsco',
    `TILING_SCHEME=EPSG:28992,${origin[0]},${origin[1]},${resolution0 * tileSize}`,
    '-dsco',
    `MINZOOM=${minZoom}`,
    '-dsco',
    `MAXZOOM=${maxZoom}`,
    '-dsco',
    'FORMAT=DIRECTORY',
    '-dsco',
    'COMPRESS=NO',
    '-dsco',
    'TILE_EXTENSION=pbf',
    '-lco',
    `NAME=${layer}`,
  ];
  const r = spawnSync('ogr2ogr', args, { encoding: 'utf8' });
  if (r.error !== undefined) throw new Error(`tiles: ogr2ogr could not run (${r.error.message})`);
  if (r.status !== 0) throw new Error(`tiles: ogr2ogr failed: ${r.stderr.trim()}`);
  const { n, bytes } = countTiles(outDir);
  const description = {
    format: 'mvt',
    tiles: '{z}/{x}/{y}.pbf',
    layer,
    tileMatrixSet: 'NetherlandsRDNewQuad',
    crs: 'EPSG:28992',
    origin: [...origin],
    tileSize,
    resolutions: rdResolutions(maxZoom),
    minZoom,
    maxZoom,
    ...summaryOf(input, srcSrs),
    tileCount: n,
    bytes,
  };
  writeFileSync(join(outDir, 'tiles.json'), `${JSON.stringify(description, null, 2)}\n`);
  return description;
}

function parseArgs(argv) {
  const positional = [];
  const opts = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const value = argv[++i];
    if (value === undefined) throw new Error(`tiles: ${a} needs a value`);
    if (a === '--layer') opts.layer = value;
    else if (a === '--min-zoom') opts.minZoom = Number(value);
    else if (a === '--max-zoom') opts.maxZoom = Number(value);
    else if (a === '--s-srs') opts.srcSrs = value;
    else if (a === '--select') opts.select = value.split(',');
    else throw new Error(`tiles: unknown option ${a}`);
  }
  if (positional.length !== 2)
    throw new Error('usage: npm run tiles -- <input> <out-dir> [options]');
  return { input: resolve(positional[0]), outDir: resolve(positional[1]), ...opts };
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const started = performance.now();
    const d = buildTiles(parseArgs(process.argv.slice(2)));
    console.log(
      `tiles: ${d.tileCount} tiles, ${(d.bytes / 1e6).toFixed(1)} MB, zoom ${d.minZoom}–${d.maxZoom}, ` +
        `layer ${d.layer}, in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}
