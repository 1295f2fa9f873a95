/**
 * The kansenkaart from WFS 2.0 and OGC API Features sources that answer from the demo data
 * (test/helpers/feature-service-fixtures.mjs, the browser tests' endpoint, here behind a plain
 * Node HTTP server) against the same data as GeoJSON files (issue #14).
 *
 * - Where a polygon contains a cell centre (within the 1 cm boundary tolerance of the files), the
 *   services give the polygon the files give: a polygon that only comes within the services'
 *   point tolerance (0.5 m) never wins over one that contains the centre. Where none contains
 *   it, the services give the first polygon within 0.5 m and the files none: the only cells whose
 *   states differ lie in that gap band, layer by layer and cell by cell.
 * - Servers that cap their pages below what is asked (10 here) are read completely: the WFS by
 *   STARTINDEX from the features read until numberMatched, the OGC API by its next links; an OGC
 *   API that says it matched more than its pages give, without a next link, fails the source
 *   (`invalid-response`) instead of giving a partial map.
 */
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BBox } from '../../src/core/geometry.js';
import { gridFor, type Kansenkaart } from '../../src/core/kansenkaart/compute.js';
import { defaultKnowledgeBase } from '../../src/core/kb/load.js';
import type { FactSource, SourceResult } from '../../src/core/types.js';
import { isAreaSource } from '../../src/sources/area-layer.js';
import { GeoJsonSource } from '../../src/sources/geojson.js';
import { kansenkaartFromSources } from '../../src/sources/kansenkaart.js';
import { loadSourcesFile } from '../../src/sources/node.js';
import { projectRoot } from '../helpers/shared.js';
// @ts-expect-error a plain ES module of the test server, without types
import { featureServiceFixtures } from '../helpers/feature-service-fixtures.mjs';

interface Context {
  path: string;
  querystring: string;
  origin: string;
  status: number;
  type: string;
  body: string;
  set(key: string, value: string): void;
}
type Middleware = (context: Context, next: () => Promise<void>) => Promise<void>;

const kb = defaultKnowledgeBase();
const BBOX: BBox = [191_500, 443_500, 194_500, 446_500];
/** The services' point tolerance (WFS and OGC API default), in m. */
const TOLERANCE = 0.5;
const demoDir = resolve(projectRoot, 'demo/data');
interface Entry {
  id: string;
  url?: string;
  path?: string;
  layer?: string;
  properties: Record<string, string>;
  [key: string]: unknown;
}
const demoEntries = (
  JSON.parse(readFileSync(join(demoDir, 'sources.json'), 'utf8')) as { sources: Entry[] }
).sources;
const serviceEntries = (
  JSON.parse(
    readFileSync(
      resolve(projectRoot, 'test/fixtures/kansenkaart/service-sources/sources.json'),
      'utf8',
    ),
  ) as { sources: Entry[] }
).sources;

let server: Server;
let origin = '';
let tmp = '';
let requests: string[] = [];
let files: FactSource[] = [];

beforeAll(async () => {
  const middleware = (featureServiceFixtures as () => Middleware)();
  const cwd = process.cwd();
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', origin);
    requests.push(url.pathname + url.search);
    const headers: Record<string, string> = {};
    const context: Context = {
      path: url.pathname,
      querystring: url.search.slice(1),
      origin,
      status: 404,
      type: 'text/plain',
      body: '',
      set: (key, value) => void (headers[key] = value),
    };
    // The fixture reads demo/data relative to the working directory (the project root).
    if (process.cwd() !== projectRoot) process.chdir(projectRoot);
    void middleware(context, () => Promise.resolve()).then(() => {
      res.writeHead(context.status, { ...headers, 'content-type': context.type });
      res.end(context.body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  if (process.cwd() !== cwd) process.chdir(cwd);
  tmp = mkdtempSync(join(tmpdir(), 'na-kansen-feature-services-'));
  files = await sourcesFrom(demoEntries.map((e) => ({ ...e, path: join(demoDir, e.path!) })));
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
  if (tmp !== '') rmSync(tmp, { recursive: true, force: true });
});

let count = 0;
async function sourcesFrom(entries: Entry[]): Promise<FactSource[]> {
  const file = join(tmp, `sources-${++count}.json`);
  writeFileSync(file, JSON.stringify({ sources: entries }, null, 2));
  return loadSourcesFile(file);
}
/** The service sources, their URLs under `prefix` (e.g. `/features/capped`). */
function services(prefix = '/features'): Promise<FactSource[]> {
  return sourcesFrom(
    serviceEntries.map((e) => ({ ...e, url: origin + e.url!.replace('/features', prefix) })),
  );
}

/** The states of every action per cell centre. */
function cellStates(m: Kansenkaart): Map<string, string> {
  const out = new Map<string, string>();
  const cs = m.grid.cellSize;
  for (const u of m.units) {
    const text = JSON.stringify(m.tuples[u.tuple]!.states);
    for (let x = u.bbox[0]; x < u.bbox[2]; x += cs)
      for (let y = u.bbox[1]; y < u.bbox[3]; y += cs) out.set(`${x + cs / 2},${y + cs / 2}`, text);
  }
  return out;
}
const factsOf = (r: SourceResult): unknown =>
  (r.facts ?? []).map((f) => [f.name, f.status, f.value]);

describe('kansenkaart from WFS and OGC API Features = the same data as files', () => {
  it('per layer and cell: the polygon that contains the centre, else the first within 0.5 m', async () => {
    const grid = gridFor({ bbox: BBOX });
    const svc = await services();
    let gapCells = 0;
    for (const [i, entry] of demoEntries.entries()) {
      const file = files[i] as GeoJsonSource;
      const source = svc[i]!;
      expect(source.id).toBe(entry.id);
      if (!isAreaSource(source)) throw new Error(`${source.id} reads no area`);
      const layer = await source.readArea(grid);
      expect(layer.failed).toBeUndefined();
      // The files' polygons with the services' tolerance as their boundary tolerance: the first
      // within 0.5 m (what the services give where no polygon contains the centre).
      const wide = new GeoJsonSource({
        id: entry.id,
        title: entry.id,
        data: JSON.parse(readFileSync(join(demoDir, entry.path!), 'utf8')),
        crs: 'EPSG:28992',
        properties: entry.properties,
        boundaryTolerance: TOLERANCE,
      });
      for (let r = 0; r < grid.rows; r++)
        for (let c = 0; c < grid.cols; c++) {
          const p = {
            x: grid.x0 + (c + 0.5) * grid.cellSize,
            y: grid.y0 + (r + 0.5) * grid.cellSize,
            crs: 'EPSG:28992' as const,
          };
          const inGap = file.featureIndexAt(p.x, p.y) === undefined;
          const expected = await (inGap ? wide : file).query(p);
          if (inGap && wide.featureIndexAt(p.x, p.y) !== undefined) gapCells++;
          const got = layer.resultAt(layer.keyAt(p.x, p.y), [p.x, p.y]);
          expect(factsOf(got), `${entry.id} at ${p.x}, ${p.y}`).toEqual(factsOf(expected));
          // The point query (the location check) gives the same.
          if ((r * grid.cols + c) % 97 === 0 || inGap)
            expect(factsOf(await source.query(p)), `${entry.id} query ${p.x}, ${p.y}`).toEqual(
              factsOf(expected),
            );
        }
    }
    // The gap band exists on this box (the groundwater map leaves built-up areas out).
    expect(gapCells).toBeGreaterThan(0);
  }, 120_000);

  it('the maps differ only in cells in the gap band of a layer', async () => {
    const svc = await services();
    const a = await kansenkaartFromSources(files, kb, { area: { bbox: BBOX } });
    const b = await kansenkaartFromSources(svc, kb, { area: { bbox: BBOX } });
    expect(b.failed).toEqual([]);
    expect(b.skipped).toEqual([]);
    const fromFiles = cellStates(a.map);
    const fromServices = cellStates(b.map);
    expect(fromServices.size).toBe(120 * 120);
    expect(fromFiles.size).toBe(120 * 120);
    const differ = [...fromFiles].filter(([k, v]) => fromServices.get(k) !== v).map(([k]) => k);
    // In no polygon of a layer's file (within 1 cm), but within 0.5 m of one.
    const inGapBand = (x: number, y: number): boolean =>
      files.some((s) => {
        const f = s as GeoJsonSource;
        return (
          f.featureIndexAt(x, y) === undefined &&
          f.featureIndexWithin(x, y, TOLERANCE) !== undefined
        );
      });
    for (const k of differ) {
      const [x, y] = k.split(',').map(Number) as [number, number];
      expect(inGapBand(x, y), `cell ${k} differs outside the gap band`).toBe(true);
    }
    // Measured: 7 of 14,400 cells (each a groundwater gap within 0.5 m of a Gt polygon).
    expect(differ.length).toBeLessThan(20);
  }, 120_000);
});

describe('services whose server caps the page below the count asked', () => {
  it('are read completely: WFS by STARTINDEX up to numberMatched, OGC API by next links', async () => {
    const grid = gridFor({ bbox: BBOX });
    const full = await services();
    requests = [];
    const capped = await services('/features/capped');
    for (const [i, source] of capped.entries()) {
      if (!isAreaSource(source) || !isAreaSource(full[i]!)) throw new Error('no area read');
      const a = await full[i]!.readArea(grid);
      const b = await source.readArea(grid);
      expect(b.failed).toBeUndefined();
      for (let r = 0; r < grid.rows; r += 3)
        for (let c = 0; c < grid.cols; c += 3) {
          const x = grid.x0 + (c + 0.5) * grid.cellSize;
          const y = grid.y0 + (r + 0.5) * grid.cellSize;
          expect(factsOf(b.resultAt(b.keyAt(x, y), [x, y])), `${source.id} ${x} ${y}`).toEqual(
            factsOf(a.resultAt(a.keyAt(x, y), [x, y])),
          );
        }
    }
    // The WFS asked page after page, from the features read (10, 20, …), not from COUNT.
    const starts = requests
      .filter((u) => u.startsWith('/features/capped/wfs') && /TYPENAMES=zonering/i.test(u))
      .map((u) => Number(new URLSearchParams(u.split('?')[1]).get('STARTINDEX')));
    expect(starts.length).toBeGreaterThan(1);
    expect(starts).toEqual(starts.map((_, k) => k * 10));
    // The map equals the uncapped one.
    const m1 = await kansenkaartFromSources(full, kb, { area: { bbox: BBOX } });
    const m2 = await kansenkaartFromSources(capped, kb, { area: { bbox: BBOX } });
    expect(m2.failed).toEqual([]);
    expect([...cellStates(m2.map)]).toEqual([...cellStates(m1.map)]);
  }, 120_000);

  it('an OGC API that matched more than its pages give, without a next link, fails the source', async () => {
    const grid = gridFor({ bbox: BBOX });
    const sources = await services('/features/nonext');
    const bodem = sources.find((s) => s.id === 'bodem')!;
    if (!isAreaSource(bodem)) throw new Error('no area read');
    const layer = await bodem.readArea(grid);
    expect(layer.failed?.status).toBe('error');
    expect(layer.failed?.code).toBe('invalid-response');
    expect(layer.failed?.message).toMatch(/matched \d+ features in the area but its pages gave 10/);
    const result = await kansenkaartFromSources(sources, kb, { area: { bbox: BBOX } });
    expect(result.failed.map((f) => [f.id, f.code])).toEqual([
      ['bodem', 'invalid-response'],
      ['grondgebruik', 'invalid-response'],
    ]);
  }, 120_000);
});
