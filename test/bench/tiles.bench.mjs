/**
 * Frame times of the zonering over the whole country (issue #11): the vector-tile layer against
 * the plain vector layer with the same data loaded whole, in the same run, in headless Chromium
 * (Playwright, test/helpers/chromium.mjs) on the whole-country demo page (`land.html?layer=tiles`,
 * and `land.html?layer=vector` for the baseline), served by the demo server (production build).
 *
 * Per layer: the time to the first complete render, then animated pans across the country at three
 * zoom levels (country, region, town: RD zoom 3, 6 and 9) and zooms between them; frame times are
 * the deltas between `requestAnimationFrame` callbacks during the animations (land-frames.mjs). Prints p50/p95 per
 * layer, overall and per zoom, and the vector/tile ratios. Needs GDAL (the data is generated when missing).
 */
import { measureLand, withLandPage } from './land-frames.mjs';

const ZOOMS = [3, 6, 9];

export default async function tilesBench({ log }) {
  return withLandPage(async (browser, url) => {
    const vector = await measureLand(browser, url('vector'), { zooms: ZOOMS });
    const tiles = await measureLand(browser, url('tiles'), { zooms: ZOOMS });
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
  });
}
