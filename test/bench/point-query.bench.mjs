/**
 * Point query over 100,000 polygons: the indexed GeoJsonSource against a naive scan with
 * @turf/boolean-point-in-polygon over all features, on the same points, in the same run.
 *
 * Also, each as a ratio against a baseline measured in the same run:
 * - the same polygons DISSOLVED by code into 27 MultiPolygons (thousands of parts each, as the
 *   BKNSN 2023 download ships them) plus three country-wide bands of 40,000-vertex rings: the
 *   per-part, strip-split index against one box per feature + turf (the index before issue #11);
 * - index build on RD data against OpenLayers' `VectorSource` (GeoJSON format + R-tree);
 * - index build on lon/lat data (bulk typed-array reprojection) against per-point proj4.
 * All times are process CPU time (see cpuMs). Run through `npm run bench` (scripts/bench.mjs).
 */
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import Flatbush from 'flatbush';
import { RD_EXTENT, cpuMs, fmt, hexagonGrid, prng } from './helpers.mjs';

const POLYGONS = 100_000;
const COLS = 400;
const ROWS = POLYGONS / COLS; // 250
const { minX: MIN_X, maxX: MAX_X, minY: MIN_Y, maxY: MAX_Y } = RD_EXTENT;
const INDEXED_QUERIES = 20_000;
const NAIVE_QUERIES = 200;

/** A jittered grid of hexagons over RD space; every 7th has a square hole. */
const generate = () =>
  hexagonGrid({
    cols: COLS,
    rows: ROWS,
    holeEvery: 7,
    properties: (i, rnd) => ({ code: `Z${i % 54}`, hoogte: (rnd() * 40 - 5).toFixed(2) }),
  });

const DISSOLVED_CODES = 27;
const BAND_VERTICES = 20_000; // per side: rings of 40,000 vertices

/**
 * Dissolves the grid by code: one MultiPolygon per code (27 codes, ~3,700 parts each), plus, for
 * the first three codes, a sinuous band across the whole country as one more, huge part.
 */
function dissolve(data) {
  const byCode = Array.from({ length: DISSOLVED_CODES }, () => []);
  data.features.forEach((f, i) => byCode[i % DISSOLVED_CODES].push(f.geometry.coordinates));
  for (let c = 0; c < 3; c++) {
    const y0 = MIN_Y + ((c + 1) * (MAX_Y - MIN_Y)) / 4;
    const top = [];
    const bottom = [];
    for (let k = 0; k <= BAND_VERTICES; k++) {
      const x = MIN_X + ((MAX_X - MIN_X) * k) / BAND_VERTICES;
      const wiggle = 3000 * Math.sin(k / 150) + 400 * Math.sin(k / 7);
      top.push([x, y0 + wiggle + 1500]);
      bottom.push([x, y0 + wiggle - 1500]);
    }
    const ring = [...bottom, ...top.reverse()];
    ring.push([...ring[0]]);
    byCode[c].unshift([ring]);
  }
  return {
    type: 'FeatureCollection',
    crs: data.crs,
    features: byCode.map((polys, c) => ({
      type: 'Feature',
      properties: { code: `Z${c}` },
      geometry: { type: 'MultiPolygon', coordinates: polys },
    })),
  };
}

/** The index before issue #11: one Flatbush box per feature, turf on each candidate. */
function featureBoxIndex(data) {
  const geoms = data.features.map((f) => f.geometry);
  const index = new Flatbush(geoms.length);
  for (const g of geoms) {
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const poly of g.type === 'Polygon' ? [g.coordinates] : g.coordinates) {
      for (const [x, y] of poly[0]) {
        minX = Math.min(minX, x);
        minY = Math.min(minY, y);
        maxX = Math.max(maxX, x);
        maxY = Math.max(maxY, y);
      }
    }
    index.add(minX, minY, maxX, maxY);
  }
  index.finish();
  return (x, y) => {
    const c = index.search(x, y, x, y).sort((a, b) => a - b);
    for (const k of c) if (booleanPointInPolygon([x, y], geoms[k])) return k;
    return -1;
  };
}

async function timeQueries(source, points) {
  for (let i = 0; i < Math.min(1000, points.length); i++) {
    const [x, y] = points[i];
    await source.query({ x, y, crs: 'EPSG:28992' });
  }
  const t = cpuMs();
  let hits = 0;
  for (const [x, y] of points) {
    const r = await source.query({ x, y, crs: 'EPSG:28992' });
    if (r.status === 'ok') hits++;
  }
  return { us: ((cpuMs() - t) * 1000) / points.length, hits };
}

export default async function run({ importDist, log }) {
  const { GeoJsonSource } = await importDist('src/sources/geojson.js');

  let t = cpuMs();
  const data = generate();
  log(`generated ${fmt(POLYGONS)} polygons in ${(cpuMs() - t).toFixed(0)} ms`);

  // Builds are timed twice, the faster counts (the first includes JIT warm-up); the same for
  // the OpenLayers baseline below.
  let source;
  let buildMs = Infinity;
  const firstBuilds = [];
  for (let run = 0; run < 2; run++) {
    t = cpuMs();
    source = new GeoJsonSource({
      id: 'bench',
      title: 'bench',
      data,
      properties: { zone: 'code', elevation: 'hoogte' },
    });
    const ms = cpuMs() - t;
    firstBuilds.push(ms.toFixed(0));
    buildMs = Math.min(buildMs, ms);
  }
  log(`build (RD data, validate + index): ${firstBuilds.join(' ms, ')} ms (two runs)`);

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
  t = cpuMs();
  let hits = 0;
  for (const [x, y] of points) {
    const r = await source.query({ x, y, crs: 'EPSG:28992' });
    if (r.status === 'ok') hits++;
  }
  const indexedOps = INDEXED_QUERIES / ((cpuMs() - t) / 1000);
  log(`indexed query(): ${fmt(INDEXED_QUERIES)} points, ${fmt(hits)} in a polygon`);

  // Naive: scan all features in data order with turf, first hit wins (same rule as the source).
  const geometries = data.features.map((f) => f.geometry);
  const naivePoints = points.slice(0, NAIVE_QUERIES);
  const naiveAnswers = [];
  t = cpuMs();
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
  const naiveOps = NAIVE_QUERIES / ((cpuMs() - t) / 1000);

  let mismatches = 0;
  naivePoints.forEach(([x, y], k) => {
    if ((source.featureIndexAt(x, y) ?? -1) !== naiveAnswers[k]) mismatches++;
  });
  log(`naive scan: ${NAIVE_QUERIES} points; answers differing from the index: ${mismatches}`);
  if (mismatches > 0) throw new Error(`indexed and naive answers differ for ${mismatches} points`);

  const line = `point-query: indexed ${fmt(indexedOps)} ops/s, naive ${fmt(naiveOps)} ops/s, ratio ${fmt(indexedOps / naiveOps)}×`;
  log(line);
  const smallUs = 1e6 / indexedOps;

  // Dissolved national-style data: same polygons, one MultiPolygon per code.
  const dissolved = dissolve(data);
  const parts = dissolved.features.reduce((n, f) => n + f.geometry.coordinates.length, 0);
  const vertices = dissolved.features.reduce(
    (n, f) =>
      n + f.geometry.coordinates.reduce((m, p) => m + p.reduce((k, r) => k + r.length, 0), 0),
    0,
  );
  t = cpuMs();
  const dSource = new GeoJsonSource({
    id: 'bench-dissolved',
    title: 'bench',
    data: dissolved,
    properties: { zone: 'code' },
  });
  const dBuildMs = cpuMs() - t;
  log(
    `dissolved: ${dissolved.features.length} MultiPolygons, ${fmt(parts)} parts, ${fmt(vertices)} vertices; build ${dBuildMs.toFixed(0)} ms`,
  );
  const dPoints = points.slice(0, 10_000);
  const dIndexed = await timeQueries(dSource, dPoints);
  const boxQuery = featureBoxIndex(dissolved);
  const basePoints = points.slice(0, NAIVE_QUERIES);
  t = cpuMs();
  const baseAnswers = basePoints.map(([x, y]) => boxQuery(x, y));
  const dBaseUs = ((cpuMs() - t) * 1000) / basePoints.length;
  let dMismatch = 0;
  basePoints.forEach(([x, y], k) => {
    if ((dSource.featureIndexAt(x, y) ?? -1) !== baseAnswers[k]) dMismatch++;
  });
  log(`dissolved: answers differing from box-per-feature + turf: ${dMismatch} of ${NAIVE_QUERIES}`);
  if (dMismatch > 0)
    throw new Error(`dissolved: index and baseline differ for ${dMismatch} points`);
  const dissolvedLine = `point-query dissolved (${DISSOLVED_CODES} MultiPolygons, ${fmt(parts)} parts, ${fmt(vertices)} vertices): ${dIndexed.us.toFixed(1)} µs/query (goal ≤ 20 µs: ${dIndexed.us <= 20 ? 'met' : 'NOT met'}); box per feature + turf ${fmt(dBaseUs)} µs, ratio ${fmt(dBaseUs / dIndexed.us)}×; small polygons ${smallUs.toFixed(1)} µs (dissolved/small ${(dIndexed.us / smallUs).toFixed(2)})`;
  log(dissolvedLine);

  // Build against OpenLayers' VectorSource on the same data.
  const olBuildMs = await olBuild(data);
  const buildLine =
    olBuildMs === undefined
      ? `point-query: build ${buildMs.toFixed(0)} ms (RD, ${fmt(POLYGONS)} polygons); OpenLayers baseline not available`
      : `point-query: build ${buildMs.toFixed(0)} ms (RD, ${fmt(POLYGONS)} polygons); OpenLayers VectorSource ${fmt(olBuildMs)} ms (faster of two runs each), ratio ${(olBuildMs / buildMs).toFixed(1)}× (goal ≥ 10×: ${olBuildMs / buildMs >= 10 ? 'met' : 'NOT met'})`;
  log(buildLine);

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
  let llBuildMs = Infinity;
  for (let run = 0; run < 2; run++) {
    t = cpuMs();
    new GeoJsonSource({
      id: 'bench-ll',
      title: 'bench',
      data: lonlat,
      properties: { zone: 'code' },
    });
    llBuildMs = Math.min(llBuildMs, cpuMs() - t);
  }
  log(`build (lon/lat data, reprojected to RD + index): ${llBuildMs.toFixed(0)} ms`);
  // Baseline: the per-point proj4 reprojection alone (as before issue #11), same positions.
  t = cpuMs();
  for (const f of lonlat.features) {
    for (const ring of f.geometry.coordinates) {
      for (const p of ring) toCrs(p, 'EPSG:4326', 'EPSG:28992');
    }
  }
  const perPointMs = cpuMs() - t;
  const llLine = `point-query: build ${llBuildMs.toFixed(0)} ms (lon/lat, bulk reprojection + index; goal ≤ 400 ms: ${llBuildMs <= 400 ? 'met' : 'NOT met'}); per-point proj4 reprojection alone ${fmt(perPointMs)} ms, ratio ${(perPointMs / llBuildMs).toFixed(1)}×`;
  log(llLine);

  return [line, dissolvedLine, buildLine, llLine];
}

/** OpenLayers: GeoJSON format → features → VectorSource (its R-tree), in ms; undefined without ol. */
async function olBuild(data) {
  let GeoJSON;
  let VectorSource;
  try {
    GeoJSON = (await import('ol/format/GeoJSON.js')).default;
    VectorSource = (await import('ol/source/Vector.js')).default;
  } catch (e) {
    console.warn(`  OpenLayers baseline skipped: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
  let best = Infinity;
  for (let run = 0; run < 2; run++) {
    const t = cpuMs();
    const features = new GeoJSON().readFeatures(data);
    const source = new VectorSource({ features });
    const ms = cpuMs() - t;
    if (source.getFeatures().length !== data.features.length) {
      throw new Error('OpenLayers baseline lost features');
    }
    best = Math.min(best, ms);
  }
  return best;
}
