/**
 * The kansenkaart from sources read in parts (issue #14): FlatGeobuf files over HTTP Range and a
 * GeoTIFF raster, served by the fault server's `/file` route (206 / Content-Range), and services
 * that fail in each way (HTML, OGC exception, ArcGIS error, timeout, a raster over the decoded-
 * bytes budget, an OGC API that pages beyond the area budget).
 *
 * - The .fgb files (made from the demo GeoJSON with ogr2ogr) give the same map as the files.
 * - Property: at random cell centres of random units, the location check through the same sources
 *   (`checkLocation`) gives the unit's actions; anywhere in a unit, too, when the point lies in the
 *   same polygons and raster pixel as its cell centre.
 * - A failing source does not sink the map: it is listed with its code and a Dutch and English
 *   message, its facts are missing, and the map still equals the location check at cell centres.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { tupleFromReport, unitAt, type Kansenkaart } from '../../src/core/kansenkaart/compute.js';
import type { BBox } from '../../src/core/geometry.js';
import { defaultKnowledgeBase } from '../../src/core/kb/load.js';
import type { FactSource } from '../../src/core/types.js';
import { checkLocation } from '../../src/sources/check.js';
import { isCellKeyed, kansenkaartFromSources } from '../../src/sources/kansenkaart.js';
import { loadSourcesFile } from '../../src/sources/node.js';
import { projectRoot } from '../helpers/shared.js';
import { useFaultServer } from '../helpers/use-fault-server.js';

const kb = defaultKnowledgeBase();
const server = useFaultServer();
const demoDir = resolve(projectRoot, 'demo/data');
const BBOX: BBox = [191_000, 443_000, 194_000, 446_000];
/** The raster covers the west part of the box only (the rest is outside its coverage). */
const RASTER_BOX: BBox = [191_000, 443_000, 193_500, 446_000];
const PIXEL = 5;

interface DemoEntry {
  id: string;
  type: string;
  path: string;
  properties: Record<string, string>;
  [key: string]: unknown;
}
const demoEntries = (
  JSON.parse(readFileSync(join(demoDir, 'sources.json'), 'utf8')) as { sources: DemoEntry[] }
).sources;

let tmp = '';
let fileCount = 0;
async function sourcesFrom(entries: Array<Record<string, unknown>>): Promise<FactSource[]> {
  const file = join(tmp, `sources-${++fileCount}.json`);
  writeFileSync(file, JSON.stringify({ sources: entries }, null, 2));
  return loadSourcesFile(file);
}
const fileUrl = (path: string): string => server.url(`/file?path=${encodeURIComponent(path)}`);

/** The demo entry with its GeoJSON file as a .fgb over HTTP Range. */
function fgbEntry(e: DemoEntry): Record<string, unknown> {
  const { path, ...rest } = e;
  return {
    ...rest,
    type: 'flatgeobuf',
    url: fileUrl(join(tmp, `${basename(path, '.geojson')}.fgb`)),
  };
}
/** The zonering entry without the facts a test gives from another source. */
function zoneringWithout(...facts: string[]): Record<string, unknown> {
  const z = demoEntries.find((e) => e.id === 'zonering')!;
  const properties = Object.fromEntries(
    Object.entries(z.properties).filter(([k]) => !facts.includes(k)),
  );
  return { ...z, path: join(demoDir, z.path), properties };
}
const demoEntry = (id: string): Record<string, unknown> => {
  const e = demoEntries.find((d) => d.id === id)!;
  return { ...e, path: join(demoDir, e.path) };
};

/** What a unit means: its box, and its tuple's states, water model and principles. */
function unitsOf(map: Kansenkaart): unknown[] {
  return map.units.map((u) => {
    const t = map.tuples[u.tuple]!;
    return [u.bbox, t.states, t.waterModel ?? null, t.principles, t.missingFacts];
  });
}

let files: FactSource[] = [];
let fgb: FactSource[] = [];

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'na-kansen-services-'));
  for (const e of demoEntries) {
    const name = basename(e.path, '.geojson');
    execFileSync('ogr2ogr', ['-f', 'FlatGeobuf', join(tmp, `${name}.fgb`), join(demoDir, e.path)]);
    // The spatial index puts the features in Hilbert order, and where demo polygons overlap the
    // first one wins: the GeoJSON to compare with is the .fgb's own features, in its order.
    execFileSync('ogr2ogr', [
      '-f',
      'GeoJSON',
      join(tmp, `${name}.geojson`),
      join(tmp, `${name}.fgb`),
    ]);
  }
  execFileSync('gdal_rasterize', [
    ...['-a', 'heat', '-a_srs', 'EPSG:28992', '-ot', 'Float32', '-a_nodata', '-9999'],
    ...['-tr', String(PIXEL), String(PIXEL), '-te', ...RASTER_BOX.map(String)],
    ...['-co', 'TILED=YES', '-co', 'BLOCKXSIZE=128', '-co', 'BLOCKYSIZE=128'],
    join(demoDir, 'zonering.geojson'),
    join(tmp, 'heat.tif'),
  ]);
  files = await sourcesFrom(demoEntries.map((e) => ({ ...e, path: join(tmp, basename(e.path)) })));
  fgb = await sourcesFrom(demoEntries.map(fgbEntry));
});

afterAll(() => {
  if (tmp !== '') rmSync(tmp, { recursive: true, force: true });
});

describe('kansenkaart from FlatGeobuf over HTTP Range', () => {
  it('combines the .fgb files (none left out) into the same map as the same features in GeoJSON', async () => {
    const fromFiles = await kansenkaartFromSources(files, kb, { area: { bbox: BBOX } });
    const fromFgb = await kansenkaartFromSources(fgb, kb, { area: { bbox: BBOX } });
    expect(fromFgb.skipped).toEqual([]);
    expect(fromFgb.failed).toEqual([]);
    expect(fromFgb.map.cells).toBe(120 * 120);
    expect(fromFgb.map.tuples.length).toBeGreaterThan(3);
    expect(unitsOf(fromFgb.map)).toEqual(unitsOf(fromFiles.map));
    // Read by range: requests went to /file with a Range header, not one per cell.
    expect(server.count('/file')).toBeGreaterThan(0);
    expect(server.count('/file')).toBeLessThan(200);
  });
});

describe('kansenkaart from FlatGeobuf and a GeoTIFF = location check (property)', () => {
  let sources: FactSource[] = [];
  let map: Kansenkaart;
  let keyed: FactSource[] = [];

  beforeAll(async () => {
    const zonering = demoEntries.find((e) => e.id === 'zonering')!;
    sources = await sourcesFrom([
      {
        ...fgbEntry(zonering),
        properties: Object.fromEntries(
          Object.entries(zonering.properties).filter(([k]) => k !== 'heat'),
        ),
      },
      ...demoEntries.filter((e) => e.id !== 'zonering').map(fgbEntry),
      {
        id: 'hitte',
        type: 'geotiff',
        url: fileUrl(join(tmp, 'heat.tif')),
        title: 'Hitte (raster)',
        properties: { heat: 1 },
      },
    ]);
    ({ map } = await kansenkaartFromSources(sources, kb, { area: { bbox: BBOX } }));
    keyed = files.filter(isCellKeyed);
  });

  it('maps the area with the raster combined', () => {
    expect(map.layerIds).toContain('hitte');
    expect(map.cells).toBe(120 * 120);
    // East of the raster there is no heat: koelen cannot be decided there from the raster.
    expect(map.tuples.some((t) => t.missingFacts.includes('heat'))).toBe(true);
  });

  /** Checks the location at (x, y) against the unit; false when the point is not comparable. */
  async function compare(x: number, y: number, unitIndex: number): Promise<boolean> {
    const unit = map.units[unitIndex]!;
    const tuple = map.tuples[unit.tuple]!;
    const cs = map.grid.cellSize;
    const cx = map.grid.x0 + (Math.floor((x - map.grid.x0) / cs) + 0.5) * cs;
    const cy = map.grid.y0 + (Math.floor((y - map.grid.y0) / cs) + 0.5) * cs;
    const samePixel =
      Math.floor((x - RASTER_BOX[0]) / PIXEL) === Math.floor((cx - RASTER_BOX[0]) / PIXEL) &&
      Math.floor((y - RASTER_BOX[1]) / PIXEL) === Math.floor((cy - RASTER_BOX[1]) / PIXEL);
    const samePolygons = keyed.every(
      (s) => isCellKeyed(s) && s.cellKeyAt(x, y) === s.cellKeyAt(cx, cy),
    );
    if (!samePixel || !samePolygons) return false;
    const report = await checkLocation(sources, { x, y, crs: 'EPSG:28992' }, kb);
    const atPoint = tupleFromReport(0, report, kb);
    expect(atPoint.states).toEqual(tuple.states);
    expect(atPoint.waterModel).toEqual(tuple.waterModel);
    expect(atPoint.principles).toEqual(tuple.principles);
    expect(atPoint.missingFacts).toEqual(tuple.missingFacts);
    return true;
  }

  it('at random cell centres of random units', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.nat(), fc.nat(), async (ui, ci, ri) => {
        const u = ui % map.units.length;
        const [x0, y0, x1, y1] = map.units[u]!.bbox;
        const cs = map.grid.cellSize;
        const x = x0 + ((ci % Math.round((x1 - x0) / cs)) + 0.5) * cs;
        const y = y0 + ((ri % Math.round((y1 - y0) / cs)) + 0.5) * cs;
        expect(await compare(x, y, u)).toBe(true);
      }),
      { numRuns: 60, seed: 1414 },
    );
  });

  it('at random points anywhere (same polygons and pixel → same answer)', async () => {
    let same = 0;
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: (BBOX[2] - BBOX[0]) * 1000 - 1 }),
        fc.integer({ min: 0, max: (BBOX[3] - BBOX[1]) * 1000 - 1 }),
        async (mx, my) => {
          const x = BBOX[0] + mx / 1000;
          const y = BBOX[1] + my / 1000;
          const unit = unitAt(map, x, y);
          expect(unit).toBeDefined();
          runs++;
          if (await compare(x, y, unit!.id)) same++;
        },
      ),
      { numRuns: 60, seed: 14 },
    );
    // A 5 m pixel inside a 25 m cell: one point in 25 shares the centre's pixel; the property
    // must have been tested at some points.
    expect(same).toBeGreaterThan(0);
    expect(same).toBeLessThanOrEqual(runs);
  });
});

describe('kansenkaart with failing services', () => {
  /** The failing sources, each providing facts the zonering entry below leaves out. */
  function failingEntries(): Array<Record<string, unknown>> {
    return [
      zoneringWithout('heat', 'floodDepth', 'seepage', 'elevation'),
      demoEntry('bodem'),
      demoEntry('grondgebruik'),
      {
        id: 'hitte-wfs',
        type: 'wfs',
        title: 'Hitte (WFS, HTML)',
        url: server.url('/html'),
        layer: 'hitte',
        properties: { heat: 'heat' },
        retries: 0,
      },
      {
        id: 'overstroming-ogc',
        type: 'ogc-api-features',
        title: 'Overstroming (OGC-uitzondering)',
        url: server.url('/ogc-exc/'),
        layer: 'overstroming',
        crsUri: 'http://www.opengis.net/def/crs/EPSG/0/28992',
        properties: { floodDepth: 'floodDepth' },
        retries: 0,
      },
      {
        id: 'gt-arcgis',
        type: 'arcgis-rest',
        title: 'Grondwater (ArcGIS-fout)',
        url: server.url('/arcgis-err/FeatureServer'),
        layer: 0,
        properties: { gt: 'gt' },
        retries: 0,
      },
      {
        id: 'kwel-traag',
        type: 'wfs',
        title: 'Kwel (traag)',
        url: server.url('/slow?ms=5000'),
        layer: 'kwel',
        properties: { seepage: 'seepage' },
        timeoutMs: 300,
        retries: 0,
      },
      {
        id: 'ahn-bom',
        type: 'geotiff',
        title: 'Hoogte (bom)',
        url: server.url('/bomb.tif'),
        properties: { elevation: 1 },
        retries: 0,
      },
      {
        id: 'eindeloos',
        type: 'ogc-api-features',
        title: 'Eindeloze pagina’s',
        url: server.url('/pages/'),
        layer: 'x',
        crsUri: 'http://www.opengis.net/def/crs/EPSG/0/28992',
        properties: { landscapeType: 'fgr' },
        retries: 0,
      },
    ];
  }

  function addRoutes(): void {
    server.route('/ogc-exc/*', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/xml' });
      res.end(
        '<?xml version="1.0"?><ServiceExceptionReport version="1.3.0"><ServiceException code="InvalidParameterValue">layer unknown</ServiceException></ServiceExceptionReport>',
      );
    });
    server.route('/arcgis-err/*', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 400, message: 'Invalid query', details: [] } }));
    });
    // An OGC API whose every page links to a next one: never a complete read.
    server.route('/pages/*', (_req, res, url) => {
      const page = Number(url.searchParams.get('page') ?? 0);
      const next = new URL(url.pathname, server.base);
      for (const [k, v] of url.searchParams) next.searchParams.set(k, v);
      next.searchParams.set('page', String(page + 1));
      res.writeHead(200, { 'content-type': 'application/geo+json' });
      res.end(
        JSON.stringify({
          type: 'FeatureCollection',
          features: [],
          links: [{ rel: 'next', href: next.href, type: 'application/geo+json' }],
        }),
      );
    });
  }

  it('maps the area, lists each failed source with its code and a Dutch and English message', async () => {
    addRoutes();
    const sources = await sourcesFrom(failingEntries());
    const { map, failed, skipped } = await kansenkaartFromSources(sources, kb, {
      area: { bbox: [192_000, 444_000, 193_000, 445_000] },
    });
    expect(skipped).toEqual([]);
    expect(map.cells).toBe(40 * 40);
    const codes = Object.fromEntries(failed.map((f) => [f.id, f.code]));
    expect(codes).toEqual({
      'hitte-wfs': 'html-response',
      'overstroming-ogc': 'ogc-exception',
      'gt-arcgis': 'problem',
      'kwel-traag': 'timeout',
      'ahn-bom': 'too-large',
      eindeloos: 'too-complex',
    });
    for (const f of failed) {
      expect(f.userMessage.nl).toContain(f.title);
      expect(f.userMessage.en).toContain(f.title);
      expect(f.userMessage.nl).toMatch(/ontbreken daarom de gegevens/);
      expect(f.userMessage.en).toMatch(/lacks the data/);
      expect(f.userMessage.nl).not.toEqual(f.userMessage.en);
      expect(f.message).not.toBe('');
    }
    // The facts of the failed sources are missing where principles need them.
    const missing = new Set(map.tuples.flatMap((t) => t.missingFacts));
    expect(
      ['heat', 'floodDepth', 'gt', 'seepage', 'elevation'].some((f) => missing.has(f as never)),
    ).toBe(true);
    // And the map is still what the location check says with the same failing sources.
    for (const u of [0, Math.floor(map.units.length / 2), map.units.length - 1]) {
      const unit = map.units[u]!;
      const x = unit.bbox[0] + map.grid.cellSize / 2;
      const y = unit.bbox[1] + map.grid.cellSize / 2;
      const report = await checkLocation(sources, { x, y, crs: 'EPSG:28992' }, kb);
      const atPoint = tupleFromReport(0, report, kb);
      expect(atPoint.states).toEqual(map.tuples[unit.tuple]!.states);
      expect(atPoint.missingFacts).toEqual(map.tuples[unit.tuple]!.missingFacts);
    }
  });

  it('the CLI says which source failed and why, in Dutch by default and in English', async () => {
    addRoutes();
    const data = join(tmp, 'failing.json');
    writeFileSync(data, JSON.stringify({ sources: failingEntries().slice(0, 5) }));
    const run = async (args: string[]): Promise<{ code: number; out: string; err: string }> => {
      let out = '';
      let err = '';
      const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t) });
      return { code, out, err };
    };
    const args = ['kansenkaart', '--data', data, '--bbox', '192000', '444000', '192500', '444500'];
    const nl = await run([...args, '--out', join(tmp, 'nl.geojson')]);
    expect(nl.code).toBe(0);
    expect(nl.out).toMatch(/Bronnen die niet konden worden gelezen:/);
    expect(nl.out).toMatch(/Bron "Hitte \(WFS, HTML\)" kon niet worden gelezen/);
    expect(nl.out).toMatch(/html-response/);
    expect(nl.err).toMatch(/warning: Bron "Overstroming/);
    const en = await run([...args, '--lang', 'en', '--out', join(tmp, 'en.geojson')]);
    expect(en.code).toBe(0);
    expect(en.out).toMatch(/Sources that could not be read:/);
    expect(en.out).toMatch(/Source "Hitte \(WFS, HTML\)" could not be read/);
    const json = await run([...args, '--format', 'json', '--out', join(tmp, 'j.geojson')]);
    const parsed = JSON.parse(json.out) as { failedSources: Array<{ id: string; code: string }> };
    expect(parsed.failedSources.map((f) => f.id).sort()).toEqual(['hitte-wfs', 'overstroming-ogc']);
  });

  it('an abort stops the area reads with the signal’s reason', async () => {
    const sources = await sourcesFrom([
      demoEntry('bodem'),
      {
        id: 'traag',
        type: 'wfs',
        url: server.url('/slow?ms=5000'),
        layer: 'x',
        properties: { heat: 'heat' },
        timeoutMs: 20_000,
        retries: 0,
      },
    ]);
    const controller = new AbortController();
    const run = kansenkaartFromSources(sources, kb, {
      area: { bbox: [192_000, 444_000, 192_500, 444_500] },
      signal: controller.signal,
    });
    const reason = new Error('moved the map');
    setTimeout(() => controller.abort(reason), 50);
    await expect(run).rejects.toBe(reason);
  });

  it('a WFS pages with STARTINDEX; a server that ignores it fails instead of giving a partial map', async () => {
    // 2,500 squares of 20 m with a Gt class each, answered by BBOX and STARTINDEX like a WFS.
    const squares = Array.from({ length: 2500 }, (_, i) => {
      const x = 192_000 + (i % 50) * 20;
      const y = 444_000 + Math.floor(i / 50) * 20;
      return {
        type: 'Feature',
        id: i + 1,
        properties: { gt: (i * 7) % 3 === 0 ? 'III' : 'VI' },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [x, y],
              [x + 20, y],
              [x + 20, y + 20],
              [x, y + 20],
              [x, y],
            ],
          ],
        },
      };
    });
    const serve =
      (ignoreStart: boolean) =>
      (_req: unknown, res: import('node:http').ServerResponse, url: URL) => {
        const p = Object.fromEntries([...url.searchParams].map(([k, v]) => [k.toUpperCase(), v]));
        const [x0, y0, x1, y1] = (p.BBOX ?? '').split(',').map(Number) as [
          number,
          number,
          number,
          number,
        ];
        const hits = squares.filter((f) => {
          const ring = f.geometry.coordinates[0]!;
          const [a, b] = ring[0]!;
          const [c, d] = ring[2]!;
          return a! <= x1 && c! >= x0 && b! <= y1 && d! >= y0;
        });
        const start = ignoreStart ? 0 : Number(p.STARTINDEX ?? 0);
        const count = Number(p.COUNT ?? p.MAXFEATURES ?? 10);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({ type: 'FeatureCollection', features: hits.slice(start, start + count) }),
        );
      };
    server.route('/wfs-paged', serve(false));
    server.route('/wfs-unpaged', serve(true));
    const entry = (id: string, path: string): Record<string, unknown> => ({
      id,
      type: 'wfs',
      title: id,
      url: server.url(path),
      layer: 'gt',
      properties: { gt: 'gt' },
      retries: 0,
    });
    const sources = await sourcesFrom([
      zoneringWithout(),
      entry('gt-wfs', '/wfs-paged'),
      entry('gt-wfs-kapot', '/wfs-unpaged'),
    ]);
    const area = { bbox: [192_000, 444_000, 193_000, 445_000] as BBox };
    const { map, failed } = await kansenkaartFromSources(sources, kb, { area });
    const starts = server.requests
      .filter((u) => u.pathname === '/wfs-paged')
      .map((u) => u.searchParams.get('STARTINDEX'));
    // Without numberMatched a short page need not be the last (servers cap pages below COUNT):
    // the read goes on from the features read until a page is empty.
    expect(starts).toEqual(['0', '1000', '2000', '2500']);
    expect(failed.map((f) => [f.id, f.code])).toEqual([['gt-wfs-kapot', 'invalid-response']]);
    expect(failed[0]!.message).toMatch(/STARTINDEX/);
    // Squares read from every page: the location check through the same WFS agrees.
    for (const [x, y] of [
      [192_012.5, 444_012.5],
      [192_512.5, 444_512.5],
      [192_987.5, 444_987.5],
    ] as const) {
      const report = await checkLocation(sources, { x, y, crs: 'EPSG:28992' }, kb);
      expect(report.facts.find((f) => f.name === 'gt' && f.status === 'ok')).toBeDefined();
      const t = map.tuples[unitAt(map, x, y)!.tuple]!;
      expect(tupleFromReport(0, report, kb).states).toEqual(t.states);
    }
  });
});
