/**
 * FlatGeobufSource against real static servers on 127.0.0.1: Vite's preview server (sirv, with
 * HTTP Range support) and Python's `http.server` (no Range support: it always sends the whole
 * file). Answers are compared with GeoJsonSource on the same data (test/fixtures/flatgeobuf).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { preview } from 'vite';
import type { PreviewServer } from 'vite';
import {
  FlatGeobufSource,
  bufferRangeReader,
  httpRangeReader,
} from '../../src/sources/flatgeobuf.js';
import { GeoJsonSource } from '../../src/sources/geojson.js';
import type { SourceResult } from '../../src/core/types.js';

const dir = fileURLToPath(new URL('../fixtures/flatgeobuf/', import.meta.url));
const geojson = JSON.parse(readFileSync(`${dir}grid-rd.geojson`, 'utf8')) as unknown;
const fgbBytes = readFileSync(`${dir}grid-rd.fgb`);
const reference = new GeoJsonSource({
  id: 'grid',
  title: 'Grid',
  data: geojson,
  properties: { zone: 'code' },
  coverage: [150000, 460000, 153980, 463980],
});

let rangeServer: PreviewServer;
let rangeBase: string;
let plain: ChildProcess;
let plainBase: string;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(url);
      await r.body?.cancel();
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`server at ${url} did not start`);
}

beforeAll(async () => {
  rangeServer = await preview({
    configFile: false,
    root: dir,
    logLevel: 'silent',
    build: { outDir: dir },
    preview: { host: '127.0.0.1', port: 0 },
  });
  rangeBase = rangeServer.resolvedUrls?.local[0] as string;
  const port = await freePort();
  plain = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1'], {
    cwd: dir,
    stdio: 'ignore',
  });
  plainBase = `http://127.0.0.1:${port}/`;
  await waitFor(`${plainBase}README.md`);
}, 30_000);

afterAll(async () => {
  await rangeServer?.close();
  plain?.kill();
});

function source(url: string): FlatGeobufSource {
  return new FlatGeobufSource({
    id: 'grid',
    title: 'Grid',
    properties: { zone: 'code' },
    reader: httpRangeReader(url, { sourceId: 'grid', retries: 0 }),
  });
}

/** What matters of an answer: status, reason and the zone. */
function gist(r: SourceResult): unknown {
  return {
    status: r.status,
    reason: 'reason' in r ? r.reason : undefined,
    zone: r.facts.find((f) => f.name === 'zone' && f.status === 'ok')?.value,
  };
}

describe('FlatGeobufSource over HTTP Range (Vite preview server)', () => {
  it('answers like GeoJsonSource on the same data, for any point (inside, in holes, in gaps, outside)', async () => {
    const src = source(`${rangeBase}grid-rd.fgb`);
    await fc.assert(
      fc.asyncProperty(
        fc.double({ min: 149_900, max: 154_100, noNaN: true }),
        fc.double({ min: 459_900, max: 464_100, noNaN: true }),
        async (x, y) => {
          const location = { x, y, crs: 'EPSG:28992' as const };
          expect(gist(await src.query(location))).toEqual(gist(await reference.query(location)));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('reads a point check in at most 4 requests and far less than the file; warm checks less', async () => {
    const src = source(`${rangeBase}grid-rd.fgb`);
    const r = await src.query({ x: 150_090, y: 460_030, crs: 'EPSG:28992' });
    expect(gist(r)).toEqual({ status: 'ok', reason: undefined, zone: 'Z0' });
    const cold = { ...src.stats };
    expect(cold.requests).toBeLessThanOrEqual(4);
    expect(cold.bytes).toBeLessThan(fgbBytes.length / 2);
    await src.query({ x: 153_890, y: 463_890, crs: 'EPSG:28992' });
    const warmRequests = src.stats.requests - cold.requests;
    expect(warmRequests).toBeGreaterThan(0);
    expect(warmRequests).toBeLessThan(cold.requests);
  });

  it('takes points in lon/lat too', async () => {
    const src = source(`${rangeBase}grid-rd.fgb`);
    const { toCrs } = await import('../../src/core/crs.js');
    const [lon, lat] = toCrs([150_090, 460_030], 'EPSG:28992', 'EPSG:4326');
    expect(gist(await src.query({ x: lon, y: lat, crs: 'EPSG:4326' }))).toMatchObject({
      status: 'ok',
      zone: 'Z0',
    });
  });

  it('a JSON file where the .fgb should be gives the http layer’s wrong-content-type error', async () => {
    const src = source(`${rangeBase}grid-rd.geojson`);
    const r = await src.query({ x: 150_090, y: 460_030, crs: 'EPSG:28992' });
    expect(r.status).toBe('error');
    expect(r).toMatchObject({ code: 'wrong-content-type' });
  });

  it('bytes that are not FlatGeobuf give a clear, translated error', async () => {
    const src = new FlatGeobufSource({
      id: 'grid',
      title: 'Grid',
      properties: { zone: 'code' },
      reader: bufferRangeReader(new TextEncoder().encode('PK\u0003\u0004 not a flatgeobuf').buffer),
    });
    const r = await src.query({ x: 150_090, y: 460_030, crs: 'EPSG:28992' });
    expect(r.status).toBe('error');
    expect(r).toMatchObject({ code: 'invalid-flatgeobuf' });
    const um = (r as { userMessage?: { nl: string; en: string } }).userMessage;
    expect(um?.nl).toMatch(/FlatGeobuf/);
    expect(um?.en).toMatch(/FlatGeobuf/);
  });

  it('a missing file gives the http layer’s http-status error', async () => {
    const src = source(`${rangeBase}missing.fgb`);
    const r = await src.query({ x: 150_090, y: 460_030, crs: 'EPSG:28992' });
    expect(r.status).toBe('error');
    expect(r).toMatchObject({ code: 'http-status' });
  });

  it('rejects with the reason when aborted', async () => {
    const src = source(`${rangeBase}grid-rd.fgb`);
    const controller = new AbortController();
    const reason = new Error('stop');
    controller.abort(reason);
    await expect(
      src.query({ x: 150_090, y: 460_030, crs: 'EPSG:28992' }, { signal: controller.signal }),
    ).rejects.toBe(reason);
  });
});

describe('FlatGeobufSource without Range support (Python http.server)', () => {
  it('gives a clear error naming Range, in Dutch and English, and keeps working after', async () => {
    const src = source(`${plainBase}grid-rd.fgb`);
    for (let i = 0; i < 2; i++) {
      const r = await src.query({ x: 150_090, y: 460_030, crs: 'EPSG:28992' });
      expect(r.status).toBe('error');
      expect(r).toMatchObject({ code: 'no-range-support' });
      expect(r.status === 'error' ? r.message : '').toMatch(/Range/);
      const um = (r as { userMessage?: { nl: string; en: string } }).userMessage;
      expect(um?.nl).toMatch(/Range/);
      expect(um?.en).toMatch(/Range/);
    }
  });
});

describe('FlatGeobufSource on bytes in memory (a local file in the CLI)', () => {
  it('answers like GeoJsonSource', async () => {
    const bytes = fgbBytes.buffer.slice(
      fgbBytes.byteOffset,
      fgbBytes.byteOffset + fgbBytes.byteLength,
    ) as ArrayBuffer;
    const src = new FlatGeobufSource({
      id: 'grid',
      title: 'Grid',
      properties: { zone: 'code' },
      reader: bufferRangeReader(bytes),
    });
    for (let k = 0; k < 50; k++) {
      const location = {
        x: 149_950 + ((k * 7919) % 4100),
        y: 459_950 + ((k * 104_729) % 4100),
        crs: 'EPSG:28992' as const,
      };
      expect(gist(await src.query(location))).toEqual(gist(await reference.query(location)));
    }
  });
});
