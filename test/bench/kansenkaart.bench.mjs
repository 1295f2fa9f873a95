/**
 * Kansenkaart: the whole map of (1) the demo municipality Voorbeeldstad and (2) a generated
 * 20 × 20 km municipality with 50,000 soil, 5,000 zone and 10,000 groundwater (Gt) polygons, at
 * 25 m, against the naive baseline: the location check (`checkLocation`, the widget's and the
 * CLI's path) at every cell centre of the same 25 m grid. The full baseline would take minutes to
 * hours, so it is SAMPLED: the location check runs at a sample of cell centres (spread over the
 * whole grid, same run), and its time per point × the number of cells is the baseline's estimate.
 * The sampled points also measure accuracy: the kansenkaart's action states there must equal
 * the location check's (100 % expected, ADR 0005). Goal: ≥ 50× faster.
 * Run through `npm run bench -- kansenkaart` (scripts/bench.mjs).
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prng, rectangle } from './helpers.mjs';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const SAMPLE = 1500;

/** A layer of `cols × rows` rectangles over [x0, y0, x0 + w, y0 + h], values drawn from `codes`. */
function rectangles(x0, y0, w, h, cols, rows, property, codes, seed) {
  const rnd = prng(seed);
  const cw = w / cols;
  const ch = h / rows;
  const features = [];
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      const x = x0 + c * cw;
      const y = y0 + r * ch;
      features.push({
        type: 'Feature',
        properties: { [property]: codes[Math.floor(rnd() * codes.length)] },
        geometry: { type: 'Polygon', coordinates: rectangle(x, y, cw, ch) },
      });
    }
  return { type: 'FeatureCollection', features };
}

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function run(name, sources, kb, area, mods, log) {
  const { kansenkaartFromSources } = mods.kk;
  const { checkLocation } = mods.check;
  const { tupleFromReport, unitAt } = mods.compute;
  global.gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const { map } = await kansenkaartFromSources(sources, kb, area ? { area } : {});
  const ms = performance.now() - t0;
  const heap = process.memoryUsage().heapUsed - heap0;
  // Baseline: the location check at a sample of cell centres spread over the grid.
  const { grid } = map;
  const rnd = prng(14);
  const points = [];
  for (let i = 0; i < SAMPLE; i++) {
    const c = Math.floor(rnd() * grid.cols);
    const r = Math.floor(rnd() * grid.rows);
    points.push([grid.x0 + (c + 0.5) * grid.cellSize, grid.y0 + (r + 0.5) * grid.cellSize]);
  }
  let agree = 0;
  let compared = 0;
  const reports = [];
  const b0 = performance.now();
  for (const [x, y] of points)
    reports.push(await checkLocation(sources, { x, y, crs: 'EPSG:28992' }, kb));
  const perPoint = (performance.now() - b0) / SAMPLE;
  points.forEach(([x, y], i) => {
    const unit = unitAt(map, x, y);
    if (!unit) return;
    compared++;
    const a = JSON.stringify(tupleFromReport(0, reports[i], kb).states);
    if (a === JSON.stringify(map.tuples[unit.tuple].states)) agree++;
  });
  const baselineMs = perPoint * map.cells;
  const ratio = baselineMs / ms;
  log(
    `${name}: ${map.cells} cells (${map.areaHa} ha) → ${map.units.length} units, ${map.tuples.length} fact combinations (= rule-engine calls)`,
  );
  log(
    `  kansenkaart ${(ms / 1000).toFixed(2)} s, heap +${mb(heap)}, rss ${mb(process.memoryUsage().rss)}`,
  );
  log(
    `  baseline: location check ${perPoint.toFixed(3)} ms/point on ${SAMPLE} sampled cell centres → ${(baselineMs / 1000).toFixed(0)} s estimated for all ${map.cells}`,
  );
  log(`  agreement at the sampled centres: ${agree}/${compared}`);
  return `kansenkaart ${name}: ${ratio.toFixed(0)}× faster than the location check on the 25 m grid (sampled baseline; goal ≥ 50×), ${map.tuples.length} rule-engine calls, agreement ${agree}/${compared}`;
}

export default async function kansenkaartBench({ importDist, log }) {
  const mods = {
    kk: await importDist('src/sources/kansenkaart.js'),
    check: await importDist('src/sources/check.js'),
    compute: await importDist('src/core/kansenkaart/compute.js'),
  };
  const { loadSourcesFile } = await importDist('src/sources/node.js');
  const { GeoJsonSource } = await importDist('src/sources/geojson.js');
  const { defaultKnowledgeBase } = await importDist('src/core/kb/load.js');
  const kb = defaultKnowledgeBase();
  const lines = [];

  const demo = await loadSourcesFile(resolve(root, 'demo/data/sources.json'));
  lines.push(await run('Voorbeeldstad (demo)', demo, kb, undefined, mods, log));

  // 20 × 20 km, edges off the 25 m grid (origin 7 m off, cell sizes not multiples of 25 m).
  const X0 = 160_007;
  const Y0 = 430_007;
  const W = 20_000;
  const zones = ['Dz1', 'Dz2', 'Dz3', 'Dz5', 'Zk2', 'Zk3', 'Bd1', 'Rg2', 'Sw2', 'Lv1'];
  const soil = ['Hn21', 'Zn21', 'pZg23', 'Mn25A', 'kVc', 'Vz', 'Rn67C', 'Hd30', 'cHn23', 'zEZ21'];
  const gts = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII'];
  const gen = [
    new GeoJsonSource({
      id: 'zones',
      title: 'zones',
      crs: 'EPSG:28992',
      properties: { zone: 'code' },
      data: rectangles(X0, Y0, W, W, 100, 50, 'code', zones, 1),
    }),
    new GeoJsonSource({
      id: 'soil',
      title: 'soil',
      crs: 'EPSG:28992',
      properties: { soilCode: 'code' },
      data: rectangles(X0, Y0, W, W, 250, 200, 'code', soil, 2),
    }),
    new GeoJsonSource({
      id: 'gt',
      title: 'gt',
      crs: 'EPSG:28992',
      properties: { gt: 'code' },
      data: rectangles(X0, Y0, W, W, 100, 100, 'code', gts, 3),
    }),
  ];
  lines.push(
    await run(
      'generated 20 × 20 km (5,000 zone, 50,000 soil, 10,000 Gt polygons)',
      gen,
      kb,
      { bbox: [X0, Y0, X0 + W, Y0 + W] },
      mods,
      log,
    ),
  );
  return lines;
}
