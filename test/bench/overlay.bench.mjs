/**
 * Scenario overlay: 2,000 measure polygons over 50,000 soil polygons. The overlay of the scenario
 * comparer (Flatbush index over the soil polygons, overlap areas by convex clipping in floating
 * point: `SystemLayer.areas`) against a naive pairwise turf intersection of every measure with
 * every soil polygon, on the same data, in the same run. The naive side runs on a subset of the measures
 * (it would take far too long on all of them); both are reported per measure and as a ratio.
 * Run through `npm run bench` (scripts/bench.mjs).
 */
import { prng, rectangle } from './helpers.mjs';

const SOIL_COLS = 250;
const SOIL_ROWS = 200; // 50,000 soil polygons
const CELL = 40; // m
const X0 = 150_000;
const Y0 = 420_000;
const MEASURES = 2_000;
const NAIVE_MEASURES = 4;
const CODES = ['Hn21', 'Zn21', 'pZg23', 'Mn25A', 'kVc', 'Vz', 'Rn67C', 'Hd30'];

export default async function overlayBench({ importDist, log }) {
  const { SystemLayer, naiveSplit } = await importDist('src/core/scenario/overlay.js');
  const rnd = prng(2050);
  const soil = [];
  for (let r = 0; r < SOIL_ROWS; r++) {
    for (let c = 0; c < SOIL_COLS; c++) {
      soil.push({
        geometry: {
          type: 'Polygon',
          coordinates: rectangle(X0 + c * CELL, Y0 + r * CELL, CELL, CELL),
        },
        value: CODES[(r * 7 + c * 3) % CODES.length],
      });
    }
  }
  const measures = [];
  for (let i = 0; i < MEASURES; i++) {
    const w = 20 + rnd() * 60;
    const h = 20 + rnd() * 60;
    const x = X0 + rnd() * (SOIL_COLS * CELL - w);
    const y = Y0 + rnd() * (SOIL_ROWS * CELL - h);
    measures.push({ type: 'Polygon', coordinates: rectangle(x, y, w, h) });
  }

  let t = performance.now();
  const layer = new SystemLayer(soil);
  const buildMs = performance.now() - t;
  log(
    `overlay: indexed ${soil.length.toLocaleString('en')} soil polygons in ${buildMs.toFixed(0)} ms`,
  );

  t = performance.now();
  let indexedArea = 0;
  for (const m of measures) {
    const { pieces } = layer.areas(m);
    for (const p of pieces) indexedArea += p.area;
  }
  const indexedMs = performance.now() - t;
  const indexedPer = indexedMs / measures.length;

  t = performance.now();
  let naiveArea = 0;
  let subsetIndexedArea = 0;
  for (const m of measures.slice(0, NAIVE_MEASURES)) {
    naiveArea += naiveSplit(m, soil);
    for (const p of layer.areas(m).pieces) subsetIndexedArea += p.area;
  }
  const naiveMs = performance.now() - t;
  const naivePer = naiveMs / NAIVE_MEASURES;
  const agree = Math.abs(naiveArea - subsetIndexedArea) < 1e-3 * Math.max(1, naiveArea);
  log(
    `overlay: indexed + float clipping, ${measures.length} measures in ${indexedMs.toFixed(0)} ms (${indexedPer.toFixed(2)} ms each, area ${indexedArea.toFixed(0)} m²)`,
  );
  log(
    `overlay: naive pairwise on ${NAIVE_MEASURES} measures in ${naiveMs.toFixed(0)} ms (${naivePer.toFixed(0)} ms each); same area as the index: ${agree ? 'yes' : 'NO'}`,
  );
  const line = `overlay (2,000 measures × 50,000 soil polygons): indexed + float clipping ${indexedPer.toFixed(3)} ms/measure, naive pairwise turf ${naivePer.toFixed(0)} ms/measure, ratio ${(naivePer / indexedPer).toFixed(0)}×`;
  log(line);
  return [line];
}
