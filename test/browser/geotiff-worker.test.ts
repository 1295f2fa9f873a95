/**
 * The GeoTIFF source in Chromium (issue #13): geotiff loads in the browser, compressed blocks are
 * decoded in a module Worker of the page's own origin (no `blob:`, so a strict CSP allows it),
 * the decompression bomb is refused (`too-large`) before decoding, and the page has no long task
 * over 200 ms meanwhile. The real AHN4 tile (test/fixtures/shared/reference/ahn) gives the
 * elevation its own pixels hold. Rasters come from the fault server through `/fault/`
 * (test/helpers/fault-proxy.mjs), read with HTTP range requests.
 */
import { expect } from '@open-wc/testing';
import { fromArrayBuffer } from 'geotiff';
import { GeoTiffSource } from '../../src/sources/geotiff.js';
import { decoderWorkersStarted } from '../../src/sources/geotiff-pool.js';
import type { SourceResult } from '../../src/core/types.js';

const LONG_TASK_MS = 200;
const AHN = '/fault/fixture/shared/reference/ahn/ahn4-5m-zeeuws-vlaanderen.tif';

/** Runs `fn` and returns its result with the long tasks (> 200 ms) seen meanwhile. */
async function watched<T>(fn: () => Promise<T>): Promise<{ value: T; longTasks: number[] }> {
  const seen: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) seen.push(Math.round(e.duration));
  });
  observer.observe({ type: 'longtask' });
  try {
    const value = await fn();
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    for (const e of observer.takeRecords()) seen.push(Math.round(e.duration));
    return { value, longTasks: seen.filter((d) => d > LONG_TASK_MS) };
  } finally {
    observer.disconnect();
  }
}

const url = (path: string): string => new URL(path, location.href).href;

describe('GeoTIFF source in the browser (issue #13)', () => {
  it('the bomb (8192² Float32 in one DEFLATE strip) is too-large, not decoded, no long task', async () => {
    const source = new GeoTiffSource({
      id: 'bom',
      title: 'Bom-raster',
      url: url('/fault/bomb.tif'),
      bands: { elevation: 1 },
      retries: 0,
    });
    const { value, longTasks } = await watched(() =>
      source.query({ x: 151000.5, y: 459000.5, crs: 'EPSG:28992' }),
    );
    expect(value.status).to.equal('error');
    const r = value as SourceResult & { code?: string; message?: string };
    expect(r.message).to.contain('maxDecodedBytes');
    expect(JSON.stringify(r)).to.contain('too-large');
    expect(longTasks, `long tasks (ms): ${longTasks.join(', ')}`).to.deep.equal([]);
  });

  it('a 36 MB DEFLATE strip under the limit is decoded in a Worker: the value, no long task', async () => {
    const source = new GeoTiffSource({
      id: 'strook',
      url: url('/fault/bomb.tif?size=3000'),
      bands: { elevation: 1 },
      retries: 0,
      timeoutMs: 15000,
    });
    const { value, longTasks } = await watched(() =>
      source.query({ x: 151000.5, y: 459000.5, crs: 'EPSG:28992' }),
    );
    expect(value.status, JSON.stringify(value)).to.equal('ok');
    expect(value.facts[0]).to.include({ name: 'elevation', status: 'ok', value: 0 });
    // The block went to the decoder worker (geotiff decodes DEFLATE in the pool when it has one).
    expect(decoderWorkersStarted()).to.equal(1);
    expect(longTasks, `long tasks (ms): ${longTasks.join(', ')}`).to.deep.equal([]);
  });

  it('the real AHN4 tile gives the elevation of its own pixel', async () => {
    // The truth, read independently: the whole raster, indexed by hand from the tags.
    const bytes = await (await fetch(AHN)).arrayBuffer();
    const image = await (await fromArrayBuffer(bytes)).getImage();
    const [tieX, tieY] = image.getOrigin() as [number, number];
    const [sx, sy] = image.getResolution() as [number, number];
    const all = (await image.readRasters({ interleave: false }))[0] as Float32Array;
    const source = new GeoTiffSource({
      id: 'ahn',
      title: 'AHN4',
      url: url(AHN),
      bands: { elevation: 1 },
      licence: 'CC0',
    });
    let checked = 0;
    for (const [col, row] of [
      [200, 200],
      [10, 390],
      [333, 77],
    ] as const) {
      const v = all[row * image.getWidth() + col] as number;
      const r = await source.query({
        x: tieX + (col + 0.5) * sx,
        y: tieY + (row + 0.5) * sy,
        crs: 'EPSG:28992',
      });
      if (v > 1e38) {
        expect(r.status).to.equal('no-data');
        continue;
      }
      expect(r.status, JSON.stringify(r)).to.equal('ok');
      expect(r.facts[0]).to.include({ name: 'elevation', value: v });
      checked += 1;
    }
    expect(checked).to.be.at.least(2);
  });
});
