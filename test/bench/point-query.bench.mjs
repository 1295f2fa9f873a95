/**
 * Point query over 100,000 polygons: the Flatbush-indexed GeoJsonSource against a naive scan with
 * @turf/boolean-point-in-polygon over all features, on the same points, in the same run.
 * Run through `npm run bench` (scripts/bench.mjs).
 */
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';

const POLYGONS = 100_000;
const COLS = 400;
const ROWS = POLYGONS / COLS; // 250
const MIN_X = 10_000;
const MAX_X = 290_000;
const MIN_Y = 300_000;
const MAX_Y = 620_000;
const INDEXED_QUERIES = 20_000;
const NAIVE_QUERIES = 200;

/** Deterministic PRNG (mulberry32). */
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

/** A jittered grid of hexagons over RD space; every 7th has a square hole. */
function generate() {
  const rnd = prng(28992);
  const w = (MAX_X - MIN_X) / COLS;
  const h = (MAX_Y - MIN_Y) / ROWS;
  const features = [];
  for (let r = 0; r < ROWS; r++) {
    for (let c = 0; c < COLS; c++) {
      const cx = MIN_X + (c + 0.5) * w + (rnd() - 0.5) * 0.1 * w;
      const cy = MIN_Y + (r + 0.5) * h + (rnd() - 0.5) * 0.1 * h;
      const outer = [];
      for (let k = 0; k < 6; k++) {
        const a = (k / 6) * 2 * Math.PI + (rnd() - 0.5) * 0.3;
        const f = 0.4 + rnd() * 0.1; // reaches 0.4–0.5 of the cell: gaps and near-touches
        outer.push([cx + Math.cos(a) * f * w, cy + Math.sin(a) * f * h]);
      }
      outer.push([...outer[0]]);
      const rings = [outer];
      const i = features.length;
      if (i % 7 === 0) {
        const s = 0.1;
        rings.push([
          [cx - s * w, cy - s * h],
          [cx - s * w, cy + s * h],
          [cx + s * w, cy + s * h],
          [cx + s * w, cy - s * h],
          [cx - s * w, cy - s * h],
        ]);
      }
      features.push({
        type: 'Feature',
        properties: { code: `Z${i % 54}`, hoogte: (rnd() * 40 - 5).toFixed(2) },
        geometry: { type: 'Polygon', coordinates: rings },
      });
    }
  }
  return {
    type: 'FeatureCollection',
    crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } },
    features,
  };
}

const fmt = (n) => Math.round(n).toLocaleString('en-US');

export default async function run({ importDist, log }) {
  const { GeoJsonSource } = await importDist('src/sources/geojson.js');

  let t = performance.now();
  const data = generate();
  log(`generated ${fmt(POLYGONS)} polygons in ${(performance.now() - t).toFixed(0)} ms`);

  t = performance.now();
  const source = new GeoJsonSource({
    id: 'bench',
    title: 'bench',
    data,
    properties: { zone: 'code', elevation: 'hoogte' },
  });
  const buildMs = performance.now() - t;
  log(`build (RD data, validate + index): ${buildMs.toFixed(0)} ms`);

  const rnd = prng(463000);
  const points = Array.from({ length: INDEXED_QUERIES }, () => [
    MIN_X + rnd() * (MAX_X - MIN_X),
    MIN_Y + rnd() * (MAX_Y - MIN_Y),
  ]);

  // Warm-up, then the indexed run through the public query().
  for (let i = 0; i < 1000; i++) {
    const [x, y] = points[i];
    await source.query({ x, y, crs: 'EPSG:28992' });
  }
  t = performance.now();
  let hits = 0;
  for (const [x, y] of points) {
    const r = await source.query({ x, y, crs: 'EPSG:28992' });
    if (r.status === 'ok') hits++;
  }
  const indexedOps = INDEXED_QUERIES / ((performance.now() - t) / 1000);
  log(`indexed query(): ${fmt(INDEXED_QUERIES)} points, ${fmt(hits)} in a polygon`);

  // Naive: scan all features in data order with turf, first hit wins (same rule as the source).
  const geometries = data.features.map((f) => f.geometry);
  const naivePoints = points.slice(0, NAIVE_QUERIES);
  const naiveAnswers = [];
  t = performance.now();
  for (const p of naivePoints) {
    let found = -1;
    for (let i = 0; i < geometries.length; i++) {
      if (booleanPointInPolygon(p, geometries[i])) {
        found = i;
        break;
      }
    }
    naiveAnswers.push(found);
  }
  const naiveOps = NAIVE_QUERIES / ((performance.now() - t) / 1000);

  let mismatches = 0;
  naivePoints.forEach(([x, y], k) => {
    if ((source.featureIndexAt(x, y) ?? -1) !== naiveAnswers[k]) mismatches++;
  });
  log(`naive scan: ${NAIVE_QUERIES} points; answers differing from the index: ${mismatches}`);
  if (mismatches > 0) throw new Error(`indexed and naive answers differ for ${mismatches} points`);

  const line = `point-query: indexed ${fmt(indexedOps)} ops/s, naive ${fmt(naiveOps)} ops/s, ratio ${fmt(indexedOps / naiveOps)}×`;
  log(line);

  // Reprojection cost: the same polygons in lon/lat.
  const { toCrs } = await importDist('src/core/crs.js');
  const lonlat = {
    type: 'FeatureCollection',
    features: data.features.map((f) => ({
      ...f,
      geometry: {
        type: 'Polygon',
        coordinates: f.geometry.coordinates.map((ring) =>
          ring.map((p) => toCrs(p, 'EPSG:28992', 'EPSG:4326')),
        ),
      },
    })),
  };
  t = performance.now();
  new GeoJsonSource({ id: 'bench-ll', title: 'bench', data: lonlat, properties: { zone: 'code' } });
  const llBuildMs = performance.now() - t;
  log(`build (lon/lat data, reprojected to RD + index): ${llBuildMs.toFixed(0)} ms`);

  return [
    line,
    `point-query: build ${buildMs.toFixed(0)} ms (RD), ${llBuildMs.toFixed(0)} ms (lon/lat, reprojected) for ${fmt(POLYGONS)} polygons`,
  ];
}
