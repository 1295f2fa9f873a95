/**
 * GeoTIFF source on the real AHN4 reference raster (shared/reference/ahn): the values at points
 * match the file's own pixels (read independently: the whole raster, indexed by hand from the
 * tie point and pixel scale tags), nodata pixels and points outside the raster are no-data.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fromArrayBuffer } from 'geotiff';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toCrs } from '../../src/core/crs.js';
import { GeoTiffSource, crsFromGeoKeys, isNoData, pixelAt } from '../../src/sources/geotiff.js';
import { loadSourcesFile } from '../../src/sources/node.js';
import { startFaultServer } from '../helpers/fault-server.js';
import type { FaultServer } from '../helpers/fault-server.js';
import { vendoredDir } from '../helpers/shared.js';

const TIF = resolve(vendoredDir(), 'reference/ahn/ahn4-5m-zeeuws-vlaanderen.tif');

interface Truth {
  width: number;
  height: number;
  tie: [number, number];
  scale: [number, number];
  noData: number;
  values: Float32Array;
}
let truth: Truth;
let bytes: ArrayBuffer;
let server: FaultServer;

beforeAll(async () => {
  const buf = readFileSync(TIF);
  bytes = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
  const tiff = await fromArrayBuffer(bytes.slice(0));
  const image = await tiff.getImage();
  const fd = image.getFileDirectory();
  const tie = (await fd.loadValue('ModelTiepoint')) as number[];
  const scale = (await fd.loadValue('ModelPixelScale')) as number[];
  const noData = Number(String(await fd.loadValue('GDAL_NODATA')).replace(/\0/g, ''));
  const all = (await image.readRasters({ interleave: false }))[0] as Float32Array;
  truth = {
    width: image.getWidth(),
    height: image.getHeight(),
    tie: [tie[3] as number, tie[4] as number],
    scale: [scale[0] as number, scale[1] as number],
    noData,
    values: all,
  };
  server = await startFaultServer();
});
afterAll(async () => {
  await server.close();
});

/** The centre of pixel (col, row) in RD, computed by hand from the tags. */
function centre(col: number, row: number): { x: number; y: number; crs: 'EPSG:28992' } {
  return {
    x: truth.tie[0] + (col + 0.5) * truth.scale[0],
    y: truth.tie[1] - (row + 0.5) * truth.scale[1],
    crs: 'EPSG:28992',
  };
}
const valueAt = (col: number, row: number): number =>
  truth.values[row * truth.width + col] as number;

function samplePixels(): Array<[number, number]> {
  const out: Array<[number, number]> = [
    [0, 0],
    [399, 399],
    [200, 200],
  ];
  let seed = 7;
  while (out.length < 25) {
    seed = (seed * 48271) % 2147483647;
    const col = seed % truth.width;
    seed = (seed * 48271) % 2147483647;
    const row = seed % truth.height;
    out.push([col, row]);
  }
  return out;
}

describe('the reference raster (facts for the test itself)', () => {
  it('is 400 × 400 px of 5 m in RD with GDAL nodata 3.4028235e+38', () => {
    expect([truth.width, truth.height]).toEqual([400, 400]);
    expect(truth.scale).toEqual([5, 5]);
    expect(truth.noData).toBeCloseTo(3.4028235e38, -31);
    expect(truth.values.some((v) => v > 1e38)).toBe(true);
  });
});

describe('GeoTiffSource from bytes', () => {
  const source = (): GeoTiffSource =>
    new GeoTiffSource({
      id: 'ahn',
      title: 'AHN4 5 m',
      data: bytes.slice(0),
      bands: { elevation: 1 },
      licence: 'CC0',
    });

  it('describes the raster from its GeoKeys and tags', async () => {
    const info = await source().info();
    expect(info).toMatchObject({
      width: 400,
      height: 400,
      bands: 1,
      crs: 'EPSG:28992',
      origin: truth.tie,
      resolution: [5, -5],
      bbox: [32300, 369600, 34300, 371600],
    });
  });

  it('the elevation at pixel centres equals the file’s values', async () => {
    const src = source();
    for (const [col, row] of samplePixels()) {
      const v = valueAt(col, row);
      const r = await src.query(centre(col, row));
      if (v > 1e38) {
        expect(r).toMatchObject({ status: 'no-data', reason: 'no-value' });
      } else {
        expect(r.status).toBe('ok');
        expect(r.facts[0]).toMatchObject({
          name: 'elevation',
          status: 'ok',
          value: v,
          provenance: { sourceId: 'ahn', licence: 'CC0' },
        });
      }
    }
  });

  it('pixel edges: the left/top edge belongs to the pixel', async () => {
    const src = source();
    const x = truth.tie[0] + 10 * 5; // left edge of column 10
    const y = truth.tie[1] - 20 * 5; // top edge of row 20
    const r = await src.query({ x, y, crs: 'EPSG:28992' });
    const v = valueAt(10, 20);
    if (v < 1e38) expect(r.facts[0]).toMatchObject({ value: v });
  });

  it('a nodata pixel is no-data no-value', async () => {
    const i = truth.values.findIndex((v) => v > 1e38);
    const r = await source().query(centre(i % truth.width, Math.floor(i / truth.width)));
    expect(r).toMatchObject({ status: 'no-data', reason: 'no-value' });
    expect(r.facts[0]).toMatchObject({ name: 'elevation', status: 'no-data', reason: 'no-value' });
  });

  it('points outside the raster are outside-coverage', async () => {
    const src = source();
    for (const p of [
      { x: 32299.9, y: 370000 },
      { x: 34300, y: 370000 }, // the right edge belongs to the next (absent) pixel
      { x: 33000, y: 371600.1 },
      { x: 155000, y: 463000 },
    ]) {
      expect(await src.query({ ...p, crs: 'EPSG:28992' })).toMatchObject({
        status: 'no-data',
        reason: 'outside-coverage',
      });
    }
  });

  it('a location in WGS 84 is transformed to the raster CRS', async () => {
    const c = centre(123, 321);
    const [lon, lat] = toCrs([c.x, c.y], 'EPSG:28992', 'EPSG:4326');
    const r = await source().query({ x: lon, y: lat, crs: 'EPSG:4326' });
    const v = valueAt(123, 321);
    if (v < 1e38) expect(r.facts[0]).toMatchObject({ value: v });
  });

  it('a band the raster lacks is a configuration error result', async () => {
    const r = await new GeoTiffSource({
      id: 'x',
      data: bytes.slice(0),
      bands: { elevation: 2 },
    }).query(centre(1, 1));
    expect(r).toMatchObject({ status: 'error', code: 'not-configured' });
    expect(r.message).toMatch(/band 2 .* does not exist \(the raster has 1\)/);
  });

  it('bytes that are no TIFF: an error result, not a throw; the next query tries again', async () => {
    const src = new GeoTiffSource({
      id: 'x',
      data: new TextEncoder().encode('<html>nope</html>').buffer as ArrayBuffer,
      bands: { elevation: 1 },
    });
    const r = await src.query(centre(1, 1));
    expect(r).toMatchObject({ status: 'error', reason: 'source-error' });
  });
});

describe('GeoTiffSource from a URL (HTTP range requests through the request policy)', () => {
  it('reads the same values with a few range requests', async () => {
    const src = new GeoTiffSource({
      id: 'ahn',
      url: server.url(`/file?path=${encodeURIComponent(TIF)}`),
      bands: { elevation: 1 },
    });
    for (const [col, row] of samplePixels().slice(0, 8)) {
      const v = valueAt(col, row);
      const r = await src.query(centre(col, row));
      if (v < 1e38) expect(r.facts[0]).toMatchObject({ value: v });
      else expect(r.status).toBe('no-data');
    }
    expect(server.count('/file')).toBeGreaterThan(0);
    expect(server.count('/file')).toBeLessThan(40);
  });

  it('a missing file (404) or an HTML page is an error result with a code', async () => {
    const missing = await new GeoTiffSource({
      id: 'a',
      url: server.url('/404'),
      bands: { elevation: 1 },
    }).query(centre(1, 1));
    expect(missing).toMatchObject({ status: 'error', code: 'http-status' });
    const html = await new GeoTiffSource({
      id: 'a',
      url: server.url('/html'),
      bands: { elevation: 1 },
    }).query(centre(1, 1));
    expect(html).toMatchObject({ status: 'error', code: 'html-response' });
  });
});

describe('GeoTiffSource through a sources file (Node, a local path)', () => {
  it('"properties": { "elevation": 1 } maps the fact to band 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'na-geotiff-'));
    const file = join(dir, 'sources.json');
    writeFileSync(
      file,
      JSON.stringify({
        sources: [
          { id: 'ahn', type: 'geotiff', path: TIF, title: 'AHN4', properties: { elevation: 1 } },
        ],
      }),
    );
    const [ahn] = await loadSourcesFile(file);
    expect(ahn?.provides).toEqual(['elevation']);
    const r = await ahn!.query(centre(200, 200));
    const v = valueAt(200, 200);
    if (v < 1e38) expect(r.facts[0]).toMatchObject({ value: v });
  });
});

describe('helpers', () => {
  it('pixelAt, isNoData, crsFromGeoKeys', () => {
    const info = {
      width: 2,
      height: 2,
      origin: [0, 10] as [number, number],
      resolution: [5, -5] as [number, number],
    };
    expect(pixelAt(info, 0, 10)).toEqual({ col: 0, row: 0 });
    expect(pixelAt(info, 9.99, 0.01)).toEqual({ col: 1, row: 1 });
    expect(pixelAt(info, 10, 5)).toBeUndefined();
    expect(pixelAt(info, -0.01, 5)).toBeUndefined();
    expect(isNoData(Math.fround(3.4028235e38), 3.4028235e38)).toBe(true);
    expect(isNoData(Number.NaN, null)).toBe(true);
    expect(isNoData(1.5, null)).toBe(false);
    expect(crsFromGeoKeys({ ProjectedCSTypeGeoKey: 28992 })).toBe('EPSG:28992');
    expect(crsFromGeoKeys({ GTModelTypeGeoKey: 2, GeographicTypeGeoKey: 4326 })).toBe('EPSG:4326');
    expect(crsFromGeoKeys({ ProjectedCSTypeGeoKey: 32767 })).toBeUndefined();
    expect(crsFromGeoKeys(null)).toBeUndefined();
  });
});
