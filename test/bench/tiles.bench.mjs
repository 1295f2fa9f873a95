/**
 * Frame times of the zonering over the whole country (issue #11): the vector-tile layer against
 * the plain vector layer with the same data loaded whole, in the same run, in headless Chromium
 * (Playwright, test/helpers/chromium.mjs) on the whole-country demo page (demo/land.html, and
 * `land.html?layer=vector` for the baseline), served by the demo server (production build).
 *
 * Per layer: the time to the first complete render, then animated pans across the country at three
 * zoom levels (country, region, town: RD zoom 3, 6 and 9) and zooms between them; frame times are
 * the deltas between `requestAnimationFrame` callbacks during the animations. Prints p50/p95 per
 * layer, overall and per zoom, and the vector/tile ratios. Needs GDAL (the data is generated when missing).
 */
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../helpers/chromium.mjs';
import { startDemoServer } from '../../scripts/demo-server.mjs';

const ZOOMS = [3, 6, 9];
/** Pan targets (RD), visited in order at every zoom. */
const STOPS = [
  [100000, 400000],
  [230000, 560000],
  [200000, 380000],
  [120000, 520000],
];

function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

async function measure(browser, url) {
  const page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
  const t0 = Date.now();
  await page.goto(url);
  await page.waitForFunction(
    () => document.querySelector('na-zonering-layer')?.state === 'ready',
    null,
    { timeout: 300_000 },
  );
  await page.evaluate(
    () =>
      new Promise((resolve) => {
        const map = window.__naDemo.maps.land;
        map.once('rendercomplete', resolve);
        map.render();
      }),
  );
  const firstMs = Date.now() - t0;
  const frames = await page.evaluate(
    async ({ zooms, stops }) => {
      const map = window.__naDemo.maps.land;
      const view = map.getView();
      const deltas = [];
      /** The zoom each frame belongs to (the pans at that zoom, and the zoom to it). */
      const zoomOf = [];
      let current = zooms[0];
      let last = performance.now();
      let running = true;
      const tick = (now) => {
        deltas.push(now - last);
        zoomOf.push(current);
        last = now;
        if (running) requestAnimationFrame(tick);
      };
      requestAnimationFrame((now) => {
        last = now;
        requestAnimationFrame(tick);
      });
      const animate = (options) =>
        new Promise((resolve) => view.animate({ duration: 1200, ...options }, () => resolve()));
      for (const zoom of zooms) {
        current = zoom;
        await animate({ zoom });
        for (const center of stops) await animate({ center });
      }
      running = false;
      return { deltas, zoomOf };
    },
    { zooms: ZOOMS, stops: STOPS },
  );
  await page.close();
  const perZoom = ZOOMS.map((zoom) => {
    const at = frames.deltas.filter((_, i) => frames.zoomOf[i] === zoom);
    return { zoom, frames: at.length, p50: quantile(at, 0.5), p95: quantile(at, 0.95) };
  });
  return {
    firstMs,
    frames: frames.deltas,
    perZoom,
    p50: quantile(frames.deltas, 0.5),
    p95: quantile(frames.deltas, 0.95),
  };
}

export default async function tilesBench({ log }) {
  const server = await startDemoServer({ port: 0, quiet: true });
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
  });
  try {
    const vector = await measure(browser, new URL('land.html?layer=vector', server.url).href);
    const tiles = await measure(browser, new URL('land.html', server.url).href);
    const row = (name, r) =>
      `${name}: first render ${r.firstMs} ms; frames ${r.frames.length}, p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms`;
    log(row('vector layer (whole data, baseline)', vector));
    log(row('vector tiles', tiles));
    const zoomLines = ZOOMS.map((zoom, k) => {
      const t = tiles.perZoom[k];
      const v = vector.perZoom[k];
      return (
        `tiles at RD zoom ${zoom}: p50 ${t.p50.toFixed(1)} vs vector ${v.p50.toFixed(1)} ms (ratio ${(v.p50 / t.p50).toFixed(2)}), ` +
        `p95 ${t.p95.toFixed(1)} vs ${v.p95.toFixed(1)} ms (ratio ${(v.p95 / t.p95).toFixed(2)}); frames ${t.frames} vs ${v.frames}`
      );
    });
    for (const l of zoomLines) log(l);
    const line =
      `tiles: frame time p50 ${tiles.p50.toFixed(1)} ms vs vector ${vector.p50.toFixed(1)} ms (ratio vector/tiles ${(vector.p50 / tiles.p50).toFixed(2)}), ` +
      `p95 ${tiles.p95.toFixed(1)} vs ${vector.p95.toFixed(1)} ms (ratio ${(vector.p95 / tiles.p95).toFixed(2)}); ` +
      `first render ${tiles.firstMs} vs ${vector.firstMs} ms (ratio ${(vector.firstMs / tiles.firstMs).toFixed(2)})`;
    log(line);
    return [line, ...zoomLines];
  } finally {
    await browser.close();
    await server.close();
  }
}
