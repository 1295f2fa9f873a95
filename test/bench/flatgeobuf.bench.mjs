/**
 * A national-size FlatGeobuf read by HTTP Range requests: requests and bytes per cold and warm
 * point check, and the time to the first answer against the GeoJSON source on the same data (which
 * downloads, parses and indexes the whole file first), both through a real static server with
 * Range support (Vite's preview server, sirv) on 127.0.0.1, in the same run.
 *
 * Data: 100,000 polygons over the whole RD extent (a jittered grid of hexagons, as in
 * point-query.bench.mjs), written to .fgb by GDAL (`ogr2ogr -f FlatGeobuf`, packed Hilbert R-tree).
 * Needs `ogr2ogr` (GDAL); without it the rows say so. Run through `npm run bench`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { preview } from 'vite';
import { RD_EXTENT, hexagonGrid, prng } from './helpers.mjs';

const COLS = 400;
const ROWS = 250;
const { minX: MIN_X, maxX: MAX_X, minY: MIN_Y, maxY: MAX_Y } = RD_EXTENT;
const CHECKS = 20;

const generate = () =>
  hexagonGrid({
    cols: COLS,
    rows: ROWS,
    roundCm: true,
    properties: (i) => ({ code: `Z${i % 27}` }),
  });

const kB = (n) => `${(n / 1000).toFixed(1)} kB`;

export default async function flatgeobufBench({ importDist, log }) {
  const gdal = spawnSync('ogr2ogr', ['--version'], { encoding: 'utf8' });
  if (gdal.status !== 0) {
    const line = 'flatgeobuf: NOT MEASURED (ogr2ogr from GDAL is not installed)';
    log(line);
    return [line];
  }
  const { FlatGeobufSource, httpRangeReader } = await importDist('src/sources/flatgeobuf.js');
  const { GeoJsonSource } = await importDist('src/sources/geojson.js');
  const dir = mkdtempSync(join(tmpdir(), 'na-fgb-bench-'));
  let server;
  try {
    const data = generate();
    writeFileSync(join(dir, 'national.geojson'), JSON.stringify(data));
    const r = spawnSync(
      'ogr2ogr',
      ['-f', 'FlatGeobuf', join(dir, 'national.fgb'), join(dir, 'national.geojson')],
      { encoding: 'utf8' },
    );
    if (r.status !== 0) throw new Error(`ogr2ogr failed: ${r.stderr}`);
    const fgbSize = statSync(join(dir, 'national.fgb')).size;
    const jsonSize = statSync(join(dir, 'national.geojson')).size;
    log(
      `national-size data: ${data.features.length.toLocaleString('en')} polygons; .fgb ${kB(fgbSize)}, .geojson ${kB(jsonSize)}`,
    );
    server = await preview({
      configFile: false,
      root: dir,
      logLevel: 'silent',
      build: { outDir: dir },
      preview: { host: '127.0.0.1', port: 0 },
    });
    const base = server.resolvedUrls.local[0];
    const rnd = prng(463000);
    const points = Array.from({ length: CHECKS }, () => ({
      x: MIN_X + 0.1 * (MAX_X - MIN_X) + rnd() * 0.8 * (MAX_X - MIN_X),
      y: MIN_Y + 0.1 * (MAX_Y - MIN_Y) + rnd() * 0.8 * (MAX_Y - MIN_Y),
      crs: 'EPSG:28992',
    }));

    // Cold: a new source (nothing cached) per check.
    let coldReq = 0;
    let coldBytes = 0;
    let coldMaxReq = 0;
    let coldMaxBytes = 0;
    let coldMs = 0;
    for (const p of points) {
      const src = new FlatGeobufSource({
        id: 'n',
        title: 'n',
        properties: { zone: 'code' },
        reader: httpRangeReader(`${base}national.fgb`),
      });
      const t = performance.now();
      const res = await src.query(p);
      coldMs += performance.now() - t;
      if (res.status === 'error') throw new Error(res.message);
      coldReq += src.stats.requests;
      coldBytes += src.stats.bytes;
      coldMaxReq = Math.max(coldMaxReq, src.stats.requests);
      coldMaxBytes = Math.max(coldMaxBytes, src.stats.bytes);
    }
    // Warm: one source, the first check opens it, the rest are counted.
    const warm = new FlatGeobufSource({
      id: 'n',
      title: 'n',
      properties: { zone: 'code' },
      reader: httpRangeReader(`${base}national.fgb`),
    });
    await warm.query(points[0]);
    const before = { ...warm.stats };
    for (const p of points.slice(1)) await warm.query(p);
    const warmReq = (warm.stats.requests - before.requests) / (points.length - 1);
    const warmBytes = (warm.stats.bytes - before.bytes) / (points.length - 1);

    // GeoJSON: fetch + parse + index the whole file, then the first answer.
    let t = performance.now();
    const text = await (await fetch(`${base}national.geojson`)).text();
    const gj = GeoJsonSource.fromText(text, { id: 'n', title: 'n', properties: { zone: 'code' } });
    const gjAnswer = await gj.query(points[0]);
    const gjMs = performance.now() - t;
    // Same answers on every point.
    let differ = 0;
    for (const p of points) {
      const a = await gj.query(p);
      const b = await warm.query(p);
      const za = a.facts.find((f) => f.name === 'zone')?.value;
      const zb = b.facts.find((f) => f.name === 'zone')?.value;
      if (a.status !== b.status || za !== zb) differ++;
    }
    void gjAnswer;
    if (differ > 0) throw new Error(`flatgeobuf and geojson answers differ on ${differ} points`);
    const coldAvgMs = coldMs / points.length;
    const met = coldMaxReq <= 4 && coldMaxBytes <= 150_000;
    const lines = [
      `flatgeobuf cold check (national-size .fgb, ${kB(fgbSize)}): ${(coldReq / points.length).toFixed(1)} requests, ${kB(coldBytes / points.length)} on average; worst ${coldMaxReq} requests, ${kB(coldMaxBytes)} (goal ≤ 4 requests, ≤ 150 kB: ${met ? 'met' : 'NOT met'})`,
      `flatgeobuf warm check: ${warmReq.toFixed(1)} requests, ${kB(warmBytes)} on average (ratio to cold: ${(warmBytes / (coldBytes / points.length)).toFixed(2)} of the bytes)`,
      `flatgeobuf time to first answer ${coldAvgMs.toFixed(0)} ms (cold, local server) vs GeoJSON source ${gjMs.toFixed(0)} ms (download ${kB(jsonSize)}, parse, index), ratio ${(gjMs / coldAvgMs).toFixed(0)}×; same answers on ${points.length} points`,
    ];
    for (const l of lines) log(l);
    return lines;
  } finally {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
