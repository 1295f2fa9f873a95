/**
 * The zonering read per view extent from the FlatGeobuf file (issue #11) against the plain vector
 * layer with the same data loaded whole and against the vector tiles, in the same run, on the
 * whole-country demo page (`land.html?layer=fgb|vector|tiles`, 22,400 synthetic polygons, demo
 * server, production build, headless Chromium): frame times (p50/p95) of animated pans across the
 * country and bytes read, per RD zoom level 5–9 (land-frames.mjs; the .fgb in a fresh page per
 * level, bytes counted by the layer: its ranges are fetched in the http Worker). The .fgb layer's resolution
 * limit is lifted here, so the zoom levels where it is cheaper can be read off: that is how its
 * default `maxResolution` (DEFAULT_FGB_MAX_RESOLUTION) was chosen. Needs GDAL (the data is
 * generated when missing).
 */
import { fmt } from './helpers.mjs';
import { measureLand, withLandPage } from './land-frames.mjs';

const ZOOMS = [5, 6, 7, 8, 9];

/** In the page: the .fgb layer draws at every zoom (its limit lifted for the measurement). */
function liftLimit() {
  const layer = document.querySelector('na-zonering-layer')?.mapLayer;
  layer?.setMaxResolution(Infinity);
}

export default async function fgbZoneringBench({ log }) {
  return withLandPage(async (browser, url) => {
    const vector = await measureLand(browser, url('vector'), { zooms: ZOOMS });
    const tiles = await measureLand(browser, url('tiles'), { zooms: ZOOMS });
    // One fresh page per zoom level: the extents read at one level hold the views of the next
    // (the bbox strategy reads nothing again), which would make the closer levels look free.
    const fgbPages = [];
    for (const zoom of ZOOMS) {
      fgbPages.push(await measureLand(browser, url('fgb'), { zooms: [zoom], prepare: liftLimit }));
    }
    const fgb = {
      ...fgbPages[0],
      frames: fgbPages.flatMap((p) => p.frames),
      perZoom: fgbPages.map((p) => p.perZoom[0]),
    };
    const kB = (n) => `${fmt(n / 1024)} kB`;
    const row = (name, r) =>
      `${name}: first render ${r.firstMs} ms, ${kB(r.firstBytes)}; frames ${r.frames.length}, p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms`;
    log(row('vector layer (whole data, baseline)', vector));
    log(row('vector tiles', tiles));
    log(row('fgb by extent (first page)', fgb));
    const lines = ZOOMS.map((zoom, k) => {
      const f = fgb.perZoom[k];
      const v = vector.perZoom[k];
      const t = tiles.perZoom[k];
      return (
        `fgb at RD zoom ${zoom}: p50 ${f.p50.toFixed(1)} / p95 ${f.p95.toFixed(1)} ms, ${kB(f.bytes)}; ` +
        `vector ${v.p50.toFixed(1)} / ${v.p95.toFixed(1)} ms; tiles ${t.p50.toFixed(1)} / ${t.p95.toFixed(1)} ms, ${kB(t.bytes)}`
      );
    });
    for (const l of lines) log(l);
    return lines;
  });
}
