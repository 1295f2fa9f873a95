/**
 * `diagnose` and `natuurlijke-alliantie doctor` against a REAL OGC server: QGIS Server on
 * 127.0.0.1 (started by test/integration/qgis-setup.ts) serving the illustrative Voorbeeldstad
 * layers as WMS, WFS and OGC API Features. A correct setup gives only ok lines and exit 0; a wrong
 * layer name or property name is named on its line.
 *
 * Run: npm run test:integration
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { createSources, parseSourcesConfig } from '../../src/sources/config.js';
import { diagnose } from '../../src/sources/diagnose.js';
import { projectRoot } from '../helpers/shared.js';

const qgisUrl = inject('qgisUrl');
const demoDir = resolve(projectRoot, 'demo/data');

interface DemoEntry {
  id: string;
  path: string;
  properties: Record<string, string>;
  [key: string]: unknown;
}
const demo = (
  JSON.parse(readFileSync(join(demoDir, 'sources.json'), 'utf8')) as { sources: DemoEntry[] }
).sources;
const known = JSON.parse(readFileSync(join(demoDir, 'locations.json'), 'utf8')) as {
  locations: Array<{ id: string; x: number; y: number }>;
};
const sample = known.locations.find((l) => l.id === 'dekzandrug') as { x: number; y: number };

let crsUri = '';
let tmp = '';

/** Every demo layer as a source of each protocol on QGIS Server, with a sample point. */
function entries(override: (e: Record<string, unknown>) => Record<string, unknown> = (e) => e) {
  const out: Array<Record<string, unknown>> = [];
  for (const e of demo) {
    const { path, type: _type, crs: _crs, coverage: _coverage, ...rest } = e;
    const base = {
      ...rest,
      url: qgisUrl,
      layer: basename(path, '.geojson'),
      samplePoint: [sample.x, sample.y],
    };
    out.push(override({ ...base, id: `${e.id}-wms`, type: 'wms' }));
    out.push(override({ ...base, id: `${e.id}-wfs`, type: 'wfs', serviceVersion: '1.1.0' }));
    out.push(
      override({
        ...base,
        id: `${e.id}-ogc`,
        type: 'ogc-api-features',
        itemsPath: 'wfs3/collections/{collection}/items.json',
        crsUri,
      }),
    );
  }
  return out;
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'na-doctor-it-'));
  const collection = (await (await fetch(`${qgisUrl}wfs3/collections/zonering.json`)).json()) as {
    crs?: string[];
  };
  crsUri = (collection.crs ?? []).find((u) => /\/EPSG\/[^/]+\/28992$/.test(u)) ?? '';
});
afterAll(() => {
  if (tmp !== '') rmSync(tmp, { recursive: true, force: true });
});

describe('doctor against QGIS Server', () => {
  it('WMS, WFS and OGC API Features as configured: every line ok', async () => {
    const list = entries();
    const config = parseSourcesConfig(JSON.stringify({ sources: list }), 'qgis.json');
    const d = await diagnose(config);
    expect(d.lines.filter((l) => l.status !== 'ok')).toEqual([]);
    expect(d.ok).toBe(true);
    // Every source went through all five checks (no origin: no CORS line).
    for (const e of list) {
      expect(d.lines.filter((l) => l.sourceId === e.id).map((l) => l.check)).toEqual([
        'reachable',
        'layer',
        'crs',
        'sample',
        'properties',
      ]);
    }
  });

  it('the CLI prints the table and exits 0', async () => {
    const file = join(tmp, 'ok.json');
    writeFileSync(file, JSON.stringify({ sources: entries() }, null, 2));
    let out = '';
    let err = '';
    const code = await main(['doctor', '--data', file, '--lang', 'en'], {
      out: (t) => (out += t),
      err: (t) => (err += t),
    });
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toMatch(/bodem-wms\s+layer\s+ok\s+Layer "soil" exists/);
    expect(out).toMatch(/, 0 warnings, 0 errors/);
  });

  it('a wrong layer and a wrong property name are named (exit 1)', async () => {
    const list = entries((e) => {
      if (e.id === 'bodem-wms') return { ...e, layer: 'soils' };
      if (e.id === 'grondwater-wfs') return { ...e, properties: { gt: 'gt_klasse' } };
      return e;
    });
    const config = parseSourcesConfig(JSON.stringify({ sources: list }), 'qgis.json');
    const d = await diagnose(config);
    const bad = d.lines.filter((l) => l.status !== 'ok');
    expect(bad.map((l) => [l.sourceId, l.check, l.status])).toEqual([
      ['bodem-wms', 'layer', 'error'],
      // The server's own answer to the sample query confirms it.
      ['bodem-wms', 'sample', 'error'],
      ['grondwater-wfs', 'properties', 'error'],
    ]);
    expect(bad[0]?.message.en).toMatch(/"soils" is not in GetCapabilities.*similar: soil/);
    expect(bad[1]?.message.en).toMatch(/soils/);
    expect(bad[2]?.message.en).toMatch(/"gt_klasse" is not in the answer \(it has .*gt/);
  });
});

describe('WMS GetFeatureInfo asked in EPSG:4326 (as the Klimaateffectatlas is) on QGIS Server', () => {
  it.each(['1.3.0', '1.1.1'])(
    'WMS %s: the reprojected click finds the same facts as in RD at every known location',
    async (version) => {
      const rd = entries().filter((e) => e.type === 'wms');
      const geo = rd.map((e) => ({ ...e, queryCrs: 'EPSG:4326', serviceVersion: version }));
      const load = { load: () => Promise.reject(new Error('no files')) };
      const [a, b] = await Promise.all([
        createSources(parseSourcesConfig(JSON.stringify({ sources: rd }), 'rd.json'), load),
        createSources(parseSourcesConfig(JSON.stringify({ sources: geo }), 'geo.json'), load),
      ]);
      const inside = known.locations.filter((l) => !l.id.startsWith('buiten'));
      let okFacts = 0;
      for (const l of inside) {
        const at = { x: l.x, y: l.y, crs: 'EPSG:28992' as const };
        for (let i = 0; i < (a ?? []).length; i++) {
          const ra = await (a ?? [])[i]?.query(at);
          const rb = await (b ?? [])[i]?.query(at);
          const facts = (r: typeof ra) =>
            (r?.facts ?? []).map((f) => [f.name, f.status, f.value ?? null]);
          expect({ id: l.id, facts: facts(rb) }).toEqual({ id: l.id, facts: facts(ra) });
          okFacts += (ra?.facts ?? []).filter((f) => f.status === 'ok').length;
        }
      }
      // The comparison means something: most facts have values.
      expect(okFacts).toBeGreaterThan(inside.length);
      // The requests really were in EPSG:4326 (diagnose confirms the layers offer it).
      const d = await diagnose(parseSourcesConfig(JSON.stringify({ sources: geo }), 'geo.json'));
      expect(d.lines.filter((x) => x.check === 'crs').map((x) => x.status)).toEqual(
        geo.map(() => 'ok'),
      );
    },
  );
});
