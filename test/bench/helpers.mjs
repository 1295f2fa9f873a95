/**
 * What the benchmarks share: the seeded PRNG, the national-size grid of hexagons over RD space,
 * rectangles, process CPU time and number formatting. Not a bench itself (scripts/bench.mjs runs
 * `*.bench.mjs` only).
 */
export { prng } from '../../scripts/lib/prng.mjs';
import { prng } from '../../scripts/lib/prng.mjs';

/** The RD New extent the national-size benches cover, in metres. */
export const RD_EXTENT = { minX: 10_000, maxX: 290_000, minY: 300_000, maxY: 620_000 };

/** A closed axis-aligned rectangle ring, [x, y] to [x + w, y + h], as Polygon coordinates. */
export const rectangle = (x, y, w, h) => [
  [
    [x, y],
    [x + w, y],
    [x + w, y + h],
    [x, y + h],
    [x, y],
  ],
];

/**
 * A jittered grid of `cols × rows` hexagons over RD space (EPSG:28992), from seed 28992: each
 * reaches 0.4–0.5 of its cell, so there are gaps and near-touches.
 * @param {object} options
 * @param {number} options.cols
 * @param {number} options.rows
 * @param {number} [options.holeEvery] every n-th hexagon gets a square hole (none when absent)
 * @param {boolean} [options.roundCm] round coordinates to centimetres
 * @param {(i: number, rnd: () => number) => object} options.properties a feature's properties
 */
export function hexagonGrid({ cols, rows, holeEvery, roundCm = false, properties }) {
  const { minX, maxX, minY, maxY } = RD_EXTENT;
  const rnd = prng(28992);
  const w = (maxX - minX) / cols;
  const h = (maxY - minY) / rows;
  const round = roundCm ? (v) => Math.round(v * 100) / 100 : (v) => v;
  const features = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const cx = minX + (c + 0.5) * w + (rnd() - 0.5) * 0.1 * w;
      const cy = minY + (r + 0.5) * h + (rnd() - 0.5) * 0.1 * h;
      const outer = [];
      for (let k = 0; k < 6; k++) {
        const a = (k / 6) * 2 * Math.PI + (rnd() - 0.5) * 0.3;
        const f = 0.4 + rnd() * 0.1;
        outer.push([round(cx + Math.cos(a) * f * w), round(cy + Math.sin(a) * f * h)]);
      }
      outer.push([...outer[0]]);
      const rings = [outer];
      const i = features.length;
      if (holeEvery !== undefined && i % holeEvery === 0) {
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
        properties: properties(i, rnd),
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

/**
 * Process CPU time in ms (user + system). The bench machines are shared, so wall-clock time
 * measures the neighbours too.
 */
export const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** A whole number with thousands separators (en-US). */
export const fmt = (n) => Math.round(n).toLocaleString('en-US');

/**
 * Runs `action` while Chromium traces the page, and returns the thread (CPU) time of every task
 * of the page's main thread in ms, longest first. Unlike wall-time long tasks, thread time is not
 * stretched when a loaded machine preempts the renderer, so it compares across noisy runs.
 * @param {import('playwright-core').Page} page
 * @param {() => Promise<unknown>} action
 */
export async function mainThreadTaskCpu(page, action) {
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,toplevel,disabled-by-default-devtools.timeline',
    transferMode: 'ReportEvents',
  });
  try {
    await action();
  } finally {
    await cdp.send('Tracing.end');
    await done;
    await cdp.detach();
  }
  const main = new Set(
    events
      .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  return events
    .filter((e) => e.name === 'RunTask' && e.ph === 'X' && main.has(`${e.pid}:${e.tid}`))
    .map((e) => (e.tdur ?? 0) / 1000)
    .sort((a, b) => b - a);
}
