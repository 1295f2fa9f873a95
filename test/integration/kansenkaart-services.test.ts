/**
 * The kansenkaart through a REAL OGC server (issue #14): QGIS Server 3.22 on 127.0.0.1 (started by
 * test/integration/qgis-setup.ts) serves the demo layers as WFS 1.1 and OGC API Features; the
 * kansenkaart reads the polygons of the area from it (WFS GetFeature with BBOX, OGC API
 * `items?bbox=` with `next` links) and must
 * - combine every service source (none left out, none failed), and give the same map as the demo
 *   files it serves;
 * - equal the location check through the same service sources at random cell centres (property);
 * - survive a source the server answers with an error (an unknown layer): listed as failed with a
 *   Dutch and English message, its facts missing, the rest of the map intact.
 *
 * Run: npx vitest run --config vitest.integration.config.ts test/integration/kansenkaart-services.test.ts
 */
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { tupleFromReport, unitAt, type Kansenkaart } from '../../src/core/kansenkaart/compute.js';
import type { BBox } from '../../src/core/geometry.js';
import { defaultKnowledgeBase } from '../../src/core/kb/load.js';
import type { FactSource } from '../../src/core/types.js';
import { checkLocation } from '../../src/sources/check.js';
import { kansenkaartFromSources } from '../../src/sources/kansenkaart.js';
import type { GeoJsonSource } from '../../src/sources/geojson.js';
import { loadSourcesFile } from '../../src/sources/node.js';
import { projectRoot } from '../helpers/shared.js';

const qgisUrl = inject('qgisUrl');
const kb = defaultKnowledgeBase();
const demoDir = resolve(projectRoot, 'demo/data');
const BBOX: BBox = [191_500, 443_500, 193_500, 445_500];

interface DemoEntry {
  id: string;
  type: string;
  path: string;
  properties: Record<string, string>;
  [key: string]: unknown;
}
const demoSources = (
  JSON.parse(readFileSync(join(demoDir, 'sources.json'), 'utf8')) as { sources: DemoEntry[] }
).sources;

type Protocol = 'wfs' | 'ogc-api-features';
const PROTOCOLS: Protocol[] = ['wfs', 'ogc-api-features'];
let crsUri = '';

function remoteEntry(e: DemoEntry, protocol: Protocol): Record<string, unknown> {
  const { path, type: _type, crs: _crs, ...rest } = e;
  const base = { ...rest, type: protocol, url: qgisUrl, layer: basename(path, '.geojson') };
  return protocol === 'wfs'
    ? { ...base, serviceVersion: '1.1.0' }
    : { ...base, itemsPath: 'wfs3/collections/{collection}/items.json', crsUri };
}

let tmp = '';
let fileCount = 0;
async function sourcesFrom(entries: Array<Record<string, unknown>>): Promise<FactSource[]> {
  const file = join(tmp, `sources-${++fileCount}.json`);
  writeFileSync(file, JSON.stringify({ sources: entries }, null, 2));
  return loadSourcesFile(file);
}

let fromFiles: Kansenkaart;
let files: FactSource[] = [];

/**
 * Whether (x, y) lies within `m` metres of a polygon edge of one of the demo files: the polygon
 * that contains the point changes when the point moves `m` in one of eight directions.
 */
function nearAnEdge(x: number, y: number, m: number): boolean {
  return files.some((f) => {
    const g = f as GeoJsonSource;
    const here = g.featureIndexAt(x, y);
    for (let k = 0; k < 8; k++) {
      const a = (k * Math.PI) / 4;
      if (g.featureIndexAt(x + m * Math.cos(a), y + m * Math.sin(a)) !== here) return true;
    }
    return false;
  });
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'na-kansen-qgis-services-'));
  const collection = (await (await fetch(`${qgisUrl}wfs3/collections/zonering.json`)).json()) as {
    crs?: string[];
  };
  crsUri = (collection.crs ?? []).find((u) => /\/EPSG\/[^/]+\/28992$/.test(u)) ?? '';
  files = await loadSourcesFile(join(demoDir, 'sources.json'));
  ({ map: fromFiles } = await kansenkaartFromSources(files, kb, { area: { bbox: BBOX } }));
});

afterAll(() => {
  if (tmp !== '') rmSync(tmp, { recursive: true, force: true });
});

describe.each(PROTOCOLS)('kansenkaart through %s on QGIS Server', (protocol) => {
  let sources: FactSource[] = [];
  let map: Kansenkaart;

  beforeAll(async () => {
    sources = await sourcesFrom(demoSources.map((e) => remoteEntry(e, protocol)));
    const result = await kansenkaartFromSources(sources, kb, { area: { bbox: BBOX } });
    expect(result.skipped).toEqual([]);
    expect(result.failed).toEqual([]);
    map = result.map;
  });

  it('combines every layer into the same map as the demo files it serves', () => {
    expect(map.layerIds).toEqual(demoSources.map((e) => e.id));
    expect(map.cells).toBe(80 * 80);
    expect(map.tuples.length).toBeGreaterThan(3);
    // Cell by cell: the same states as the files' map, except where a cell centre lies in a gap
    // of a layer within the services' point tolerance (0.5 m) of a polygon (docs/kansenkaart.md:
    // where no polygon contains the centre, a service gives the first within 0.5 m), or where
    // QGIS Server's rounded output coordinates move an edge across it: both within 0.6 m of an
    // edge of the files' polygons. Every differing cell must lie there (measured: 3 of 6,400).
    const { grid } = map;
    const differ: string[] = [];
    for (let r = 0; r < grid.rows; r++)
      for (let c = 0; c < grid.cols; c++) {
        const x = grid.x0 + (c + 0.5) * grid.cellSize;
        const y = grid.y0 + (r + 0.5) * grid.cellSize;
        const a = map.tuples[unitAt(map, x, y)!.tuple]!;
        const b = fromFiles.tuples[unitAt(fromFiles, x, y)!.tuple]!;
        if (JSON.stringify([a.states, a.principles]) !== JSON.stringify([b.states, b.principles]))
          differ.push(`${x},${y}`);
      }
    for (const k of differ) {
      const [x, y] = k.split(',').map(Number) as [number, number];
      expect(nearAnEdge(x, y, 0.6), `cell ${k} differs away from every polygon edge`).toBe(true);
    }
  });

  it('equals the location check through the same services at random cell centres', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.nat(), fc.nat(), async (ui, ci, ri) => {
        const u = map.units[ui % map.units.length]!;
        const [x0, y0, x1, y1] = u.bbox;
        const cs = map.grid.cellSize;
        const x = x0 + ((ci % Math.round((x1 - x0) / cs)) + 0.5) * cs;
        const y = y0 + ((ri % Math.round((y1 - y0) / cs)) + 0.5) * cs;
        const report = await checkLocation(sources, { x, y, crs: 'EPSG:28992' }, kb);
        expect(report.sources.filter((s) => s.status === 'error')).toEqual([]);
        const atPoint = tupleFromReport(0, report, kb);
        const tuple = map.tuples[u.tuple]!;
        expect(atPoint.states).toEqual(tuple.states);
        expect(atPoint.waterModel).toEqual(tuple.waterModel);
        expect(atPoint.principles).toEqual(tuple.principles);
        expect(atPoint.missingFacts).toEqual(tuple.missingFacts);
      }),
      { numRuns: 30, seed: 1414 },
    );
  });

  it('a layer the server does not know fails alone: listed, its facts missing, the rest mapped', async () => {
    const entries = demoSources.map((e) => remoteEntry(e, protocol));
    const gt = entries.find((e) => e.id === 'grondwater')!;
    gt.layer = 'bestaat_niet';
    gt.title = 'Grondwatertrappen (onbekende laag)';
    gt.retries = 0;
    const broken = await sourcesFrom(entries);
    const { map: partial, failed } = await kansenkaartFromSources(broken, kb, {
      area: { bbox: BBOX },
    });
    expect(failed.map((f) => f.id)).toEqual(['grondwater']);
    const f = failed[0]!;
    expect(f.code).not.toBe('');
    expect(f.userMessage.nl).toMatch(/Bron "Grondwatertrappen \(onbekende laag\)"/);
    expect(f.userMessage.nl).toMatch(/\(gt\)/);
    expect(f.userMessage.en).toMatch(/Source "Grondwatertrappen \(onbekende laag\)"/);
    expect(partial.cells).toBe(map.cells);
    // Gt is missing wherever a principle needs it; the zones still come from the other layers.
    expect(partial.tuples.some((t) => t.missingFacts.includes('gt'))).toBe(true);
    expect(partial.tuples.some((t) => t.zone !== undefined)).toBe(true);
    // The location check with the same broken source says the same at a cell centre.
    const u = partial.units[0]!;
    const x = u.bbox[0] + partial.grid.cellSize / 2;
    const y = u.bbox[1] + partial.grid.cellSize / 2;
    const atPoint = tupleFromReport(
      0,
      await checkLocation(broken, { x, y, crs: 'EPSG:28992' }, kb),
      kb,
    );
    expect(atPoint.states).toEqual(partial.tuples[u.tuple]!.states);
  });
});
