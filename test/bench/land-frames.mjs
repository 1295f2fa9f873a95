/**
 * Frame times on the whole-country demo page (demo/land.html) in headless Chromium, shared by the
 * `tiles` and `fgb-zonering` benches: the time to the first complete render, then animated pans
 * across the country at each zoom level and zooms between them; frame times are the deltas between
 * `requestAnimationFrame` callbacks during the animations, and bytes are those of the page's
 * `national/` resources (tiles, `.fgb` ranges, GeoJSON) per zoom level.
 */

import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../helpers/chromium.mjs';
import { startDemoServer } from '../../scripts/demo-server.mjs';

/**
 * Runs `measure(browser, url)` with the demo server and a headless Chromium, closed afterwards;
 * `url(layer)` is the whole-country page with `?layer=<layer>` (vector, tiles or fgb).
 */
export async function withLandPage(measure) {
  const server = await startDemoServer({ port: 0, quiet: true });
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
  });
  try {
    return await measure(browser, (layer) => new URL(`land.html?layer=${layer}`, server.url).href);
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Pan targets (RD), visited in order at every zoom. */
export const STOPS = [
  [100000, 400000],
  [230000, 560000],
  [200000, 380000],
  [120000, 520000],
];

export function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/**
 * Measures one page.
 * @param {import('playwright-core').Browser} browser
 * @param {string} url
 * @param {{ zooms: number[], prepare?: () => void }} options `prepare` runs in the page once the
 *   layer is ready (e.g. to lift a resolution limit)
 */
export async function measureLand(browser, url, { zooms, prepare }) {
  const page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
  // Every resource counted (the default buffer keeps 250 entries).
  await page.addInitScript(() => performance.setResourceTimingBufferSize(1_000_000));
  const t0 = Date.now();
  await page.goto(url);
  await page.waitForFunction(
    () => document.querySelector('na-zonering-layer')?.state === 'ready',
    null,
    { timeout: 300_000 },
  );
  if (prepare !== undefined) await page.evaluate(prepare);
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
      // The .fgb ranges are fetched in the http Worker (not in the page's resource timing): the
      // layer counts them.
      const bytes = () =>
        performance
          .getEntriesByType('resource')
          .filter((e) => e.name.includes('/national/') && !e.name.endsWith('.fgb'))
          .reduce(
            (sum, e) => sum + (e.encodedBodySize > 0 ? e.encodedBodySize : (e.transferSize ?? 0)),
            0,
          ) + (document.querySelector('na-zonering-layer')?.mapLayer?.fgbSource?.stats.bytes ?? 0);
      const firstBytes = bytes();
      const deltas = [];
      /** The zoom each frame belongs to (the pans at that zoom, and the zoom to it). */
      const zoomOf = [];
      const bytesPerZoom = [];
      let current = zooms[0];
      let last = performance.now();
      let running = true;
      /** False while waiting for the render after the pans (not an animation frame). */
      let recording = true;
      const tick = (now) => {
        if (recording) {
          deltas.push(now - last);
          zoomOf.push(current);
        }
        last = now;
        if (running) requestAnimationFrame(tick);
      };
      requestAnimationFrame((now) => {
        last = now;
        requestAnimationFrame(tick);
      });
      const animate = (options) =>
        new Promise((resolve) => view.animate({ duration: 1200, ...options }, () => resolve()));
      const settled = () =>
        new Promise((resolve) => {
          map.once('rendercomplete', resolve);
          map.render();
        });
      for (const zoom of zooms) {
        current = zoom;
        const before = bytes();
        await animate({ zoom });
        for (const center of stops) await animate({ center });
        recording = false;
        await settled();
        bytesPerZoom.push(bytes() - before);
        recording = true;
      }
      running = false;
      return { deltas, zoomOf, bytesPerZoom, firstBytes };
    },
    { zooms, stops: STOPS },
  );
  await page.close();
  const perZoom = zooms.map((zoom, k) => {
    const at = frames.deltas.filter((_, i) => frames.zoomOf[i] === zoom);
    return {
      zoom,
      frames: at.length,
      p50: quantile(at, 0.5),
      p95: quantile(at, 0.95),
      bytes: frames.bytesPerZoom[k],
    };
  });
  return {
    firstMs,
    firstBytes: frames.firstBytes,
    frames: frames.deltas,
    perZoom,
    p50: quantile(frames.deltas, 0.5),
    p95: quantile(frames.deltas, 0.95),
  };
}
