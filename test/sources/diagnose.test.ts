/**
 * `diagnose(sources)` and `natuurlijke-alliantie doctor` against the fault server: a healthy WMS
 * gives only ok lines (exit 0); every fault of a live setup is named on its own line with an
 * error or a warning and a hint (exit 1): an unreachable service, an HTML page, a missing layer, a
 * CRS the layer does not offer, a failing sample query, properties the answer lacks, no data at the
 * sample point, no sample point, and a service that does not allow the page origin (CORS).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { parseSourcesConfig } from '../../src/sources/config.js';
import { diagnose } from '../../src/sources/diagnose.js';
import type { DiagnosisLine } from '../../src/sources/diagnose.js';
import { SERVICE_EXCEPTION, startFaultServer } from '../helpers/fault-server.js';
import type { FaultServer } from '../helpers/fault-server.js';

const ORIGIN = 'https://kaart.example.nl';
const SAMPLE = [155000, 463000];

function capabilities(layers: Array<{ name: string; crs: string[] }>): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<WMS_Capabilities version="1.3.0" xmlns="http://www.opengis.net/wms">
  <Service><Name>WMS</Name><Title>Test</Title></Service>
  <Capability>
    <Layer>
      <Title>root</Title>
${layers
  .map(
    (l) => `      <Layer queryable="1">
        <Name>${l.name}</Name>
        <Title>${l.name}</Title>
${l.crs.map((c) => `        <CRS>${c}</CRS>`).join('\n')}
        <Style><Name>default</Name><Title>default</Title></Style>
      </Layer>`,
  )
  .join('\n')}
    </Layer>
  </Capability>
</WMS_Capabilities>`;
}

function reply(res: ServerResponse, type: string, body: string, cors?: string): void {
  res.writeHead(200, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    ...(cors === undefined ? {} : { 'Access-Control-Allow-Origin': cors }),
  });
  res.end(body);
}

const fc = (properties: Record<string, unknown> | null): string =>
  JSON.stringify({
    type: 'FeatureCollection',
    features: properties === null ? [] : [{ type: 'Feature', properties, geometry: null }],
  });

/** A WMS at `/<name>/wms` with the given capabilities and GetFeatureInfo answer. */
function wms(
  server: FaultServer,
  name: string,
  o: {
    layers?: Array<{ name: string; crs: string[] }>;
    gfi?: { type: string; body: string };
    cors?: string;
  } = {},
): string {
  const layers = o.layers ?? [{ name: 'soilarea', crs: ['EPSG:28992', 'EPSG:4326'] }];
  const gfi = o.gfi ?? {
    type: 'application/json',
    body: fc({ soilcode: 'Hn21', first_soilname: 'x' }),
  };
  server.route(`/${name}/wms`, (_req, res, u) => {
    if (u.searchParams.get('REQUEST') === 'GetCapabilities')
      reply(res, 'text/xml', capabilities(layers), o.cors);
    else reply(res, gfi.type, gfi.body, o.cors);
  });
  return server.url(`/${name}/wms`);
}

let server: FaultServer;
let tmp = '';
const entries: Record<string, Record<string, unknown>> = {};

beforeAll(async () => {
  server = await startFaultServer();
  tmp = mkdtempSync(join(tmpdir(), 'na-doctor-'));
  const entry = (id: string, url: string, extra: Record<string, unknown> = {}) => {
    entries[id] = {
      id,
      type: 'wms',
      url,
      layer: 'soilarea',
      properties: { soilCode: 'soilcode' },
      samplePoint: SAMPLE,
      ...extra,
    };
  };
  entry('healthy', wms(server, 'healthy', { cors: '*' }));
  entry('allowed-origin', wms(server, 'allowed', { cors: ORIGIN }));
  entry('no-cors', wms(server, 'nocors'));
  entry('unreachable', 'http://127.0.0.1:1/wms');
  entry('html', server.url('/html'));
  entry(
    'no-layer',
    wms(server, 'nolayer', {
      layers: [
        { name: 'soilarea_2026', crs: ['EPSG:28992'] },
        { name: 'roads', crs: ['EPSG:28992'] },
      ],
      cors: '*',
    }),
  );
  entry(
    'wrong-crs',
    wms(server, 'wrongcrs', { layers: [{ name: 'soilarea', crs: ['EPSG:3035'] }], cors: '*' }),
  );
  entry(
    'sample-error',
    wms(server, 'gfierror', { gfi: { type: 'text/xml', body: SERVICE_EXCEPTION }, cors: '*' }),
  );
  entry(
    'wrong-properties',
    wms(server, 'badprops', {
      gfi: { type: 'application/json', body: fc({ bodemcode: 'Hn21', oppervlak: 3 }) },
      cors: '*',
    }),
  );
  entry(
    'no-data',
    wms(server, 'empty', { gfi: { type: 'application/json', body: fc(null) }, cors: '*' }),
  );
  server.route('/arcgis/FeatureServer/0', (_req, res) =>
    reply(
      res,
      'application/json',
      JSON.stringify({ name: 'hoofdtypen', fields: [{ name: 'OBJECTID' }, { name: 'gridcode' }] }),
      '*',
    ),
  );
  server.route('/arcgis/FeatureServer/0/query', (_req, res) =>
    reply(res, 'application/json', fc({ OBJECTID: 1, gridcode: 8000 }), '*'),
  );
  server.route('/arcgis-broken/FeatureServer/0', (_req, res) =>
    reply(
      res,
      'application/json',
      JSON.stringify({ error: { code: 400, message: 'Invalid URL', details: [] } }),
      '*',
    ),
  );
  entries['arcgis'] = {
    id: 'arcgis',
    type: 'arcgis-rest',
    url: server.url('/arcgis/FeatureServer'),
    layer: 0,
    properties: { landscapeType: 'gridcode' },
    valueMap: { landscapeType: { '8000': 'dekzand' } },
    samplePoint: SAMPLE,
  };
  entries['arcgis-broken'] = {
    ...entries['arcgis'],
    id: 'arcgis-broken',
    url: server.url('/arcgis-broken/FeatureServer'),
  };
  entries['geojson-coverage'] = {
    id: 'geojson-coverage',
    type: 'geojson',
    path: 'zones.geojson',
    crs: 'EPSG:28992',
    coverage: [154000, 462000, 156000, 464000],
    properties: { zone: 'code' },
  };
  entry('no-sample-point', wms(server, 'nosample', { cors: '*' }));
  delete entries['no-sample-point']?.samplePoint;
  entry(
    'prefix',
    wms(server, 'prefix', {
      layers: [
        { name: 'depth_20251219', crs: ['EPSG:4326'] },
        { name: 'depth_20260128', crs: ['EPSG:4326'] },
      ],
      cors: '*',
    }),
    { layer: 'depth_*', queryCrs: 'EPSG:4326' },
  );
});

afterAll(async () => {
  await server.close();
  if (tmp !== '') rmSync(tmp, { recursive: true, force: true });
});

async function linesOf(...ids: string[]): Promise<DiagnosisLine[]> {
  const config = parseSourcesConfig(
    JSON.stringify({ sources: ids.map((id) => entries[id]) }),
    'sources.json',
  );
  const d = await diagnose(config, { origin: ORIGIN, timeoutMs: 2000 });
  expect(d.ok).toBe(d.lines.every((l) => l.status === 'ok'));
  return d.lines;
}

const statusOf = (lines: DiagnosisLine[], id: string, check: string): string | undefined =>
  lines.find((l) => l.sourceId === id && l.check === check)?.status;

describe('diagnose', () => {
  it('a healthy WMS: reachable, layer, CRS, sample, properties, CORS all ok', async () => {
    const lines = await linesOf('healthy', 'allowed-origin', 'prefix');
    expect(lines.filter((l) => l.status !== 'ok')).toEqual([]);
    for (const id of ['healthy', 'allowed-origin', 'prefix']) {
      expect(lines.filter((l) => l.sourceId === id).map((l) => l.check)).toEqual([
        'reachable',
        'layer',
        'crs',
        'sample',
        'properties',
        'cors',
      ]);
    }
    const sample = lines.find((l) => l.sourceId === 'healthy' && l.check === 'sample');
    expect(sample?.message.en).toMatch(/soilCode = "Hn21"/);
    expect(lines.find((l) => l.sourceId === 'prefix' && l.check === 'layer')?.message.en).toMatch(
      /depth_20260128/,
    );
  });

  it('names every fault on its own line, with a hint in Dutch and English', async () => {
    const ids = [
      'unreachable',
      'html',
      'no-layer',
      'wrong-crs',
      'sample-error',
      'wrong-properties',
      'no-data',
      'no-sample-point',
      'no-cors',
    ];
    const lines = await linesOf(...ids);
    const expected: Array<[string, string, string, RegExp]> = [
      ['unreachable', 'reachable', 'error', /127\.0\.0\.1:1/],
      ['html', 'reachable', 'error', /HTML page/],
      [
        'no-layer',
        'layer',
        'error',
        /"soilarea" is not in GetCapabilities \(2 layers; similar: soilarea_2026/,
      ],
      ['wrong-crs', 'crs', 'error', /does not list EPSG:28992 \(it lists EPSG:3035\)/],
      ['sample-error', 'sample', 'error', /LayerNotDefined/],
      [
        'wrong-properties',
        'properties',
        'error',
        /"soilcode" is not in the answer \(it has bodemcode, oppervlak\)/,
      ],
      ['no-data', 'sample', 'warning', /No data at \(155000, 463000\) \(no-feature\)/],
      ['no-sample-point', 'sample', 'warning', /No sample point/],
      [
        'no-cors',
        'cors',
        'error',
        /Does not allow the page origin https:\/\/kaart\.example\.nl \(Access-Control-Allow-Origin: none\)/,
      ],
    ];
    for (const [id, check, status, message] of expected) {
      const line = lines.find((l) => l.sourceId === id && l.check === check);
      expect({ id, check, status: line?.status, message: line?.message.en }).toEqual({
        id,
        check,
        status,
        message: expect.stringMatching(message),
      });
      expect(line?.hint.nl).not.toBe('');
      expect(line?.hint.en).not.toBe('');
      expect(line?.message.nl).not.toBe('');
    }
    // An unreachable service stops there: no further lines for it.
    expect(lines.filter((l) => l.sourceId === 'unreachable').map((l) => l.check)).toEqual([
      'reachable',
    ]);
    // A faulty source does not hide the others' good lines.
    expect(statusOf(lines, 'no-cors', 'sample')).toBe('ok');
    expect(statusOf(lines, 'wrong-properties', 'layer')).toBe('ok');
  });
});

describe('diagnose: ArcGIS REST and a local file', () => {
  it('an ArcGIS layer: its description, the sample query and the field; an error answer is named', async () => {
    const lines = await linesOf('arcgis', 'arcgis-broken');
    expect(lines.filter((l) => l.sourceId === 'arcgis').map((l) => [l.check, l.status])).toEqual([
      ['reachable', 'ok'],
      ['layer', 'ok'],
      ['crs', 'ok'],
      ['sample', 'ok'],
      ['properties', 'ok'],
      ['cors', 'ok'],
    ]);
    expect(lines.find((l) => l.sourceId === 'arcgis' && l.check === 'sample')?.message.en).toMatch(
      /landscapeType = "dekzand"/,
    );
    const broken = lines.filter((l) => l.sourceId === 'arcgis-broken');
    expect(broken.map((l) => [l.check, l.status])).toEqual([['reachable', 'error']]);
    expect(broken[0]?.message.en).toMatch(/Invalid URL/);
  });

  it('a GeoJSON file without a sample point is asked at the centre of its coverage', async () => {
    const file = join(tmp, 'zones.geojson');
    writeFileSync(
      file,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { code: 'Dz1' },
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [154000, 462000],
                  [156000, 462000],
                  [156000, 464000],
                  [154000, 464000],
                  [154000, 462000],
                ],
              ],
            },
          },
        ],
      }),
    );
    const config = parseSourcesConfig(
      JSON.stringify({ sources: [entries['geojson-coverage']] }),
      'sources.json',
    );
    const d = await diagnose(config, {
      baseUrl: `file://${tmp}/sources.json`,
      load: (location) => Promise.resolve(readFileSync(new URL(location), 'utf8')),
    });
    expect(d.lines.map((l) => [l.check, l.status, l.message.en])).toEqual([
      ['sample', 'ok', 'Query at (155000, 463000): zone = "Dz1".'],
      ['properties', 'ok', 'Found: code.'],
    ]);
    expect(d.ok).toBe(true);
  });
});

describe('natuurlijke-alliantie doctor', () => {
  async function run(
    ids: string[],
    extra: string[] = [],
  ): Promise<{ code: number; out: string; err: string }> {
    const file = join(tmp, `${ids.join('+')}.json`);
    writeFileSync(file, JSON.stringify({ sources: ids.map((id) => entries[id]) }, null, 2));
    let out = '';
    let err = '';
    const code = await main(['doctor', '--data', file, '--timeout', '2000', ...extra], {
      out: (t) => (out += t),
      err: (t) => (err += t),
    });
    return { code, out, err };
  }

  it('exit 0 and a table of ok lines when all is well (Dutch by default)', async () => {
    const r = await run(['healthy'], ['--origin', ORIGIN]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^bron\s+controle\s+uitkomst\s+bevinding/);
    expect(r.out).toMatch(/healthy\s+cors\s+ok/);
    expect(r.out).toMatch(/6 ok, 0 waarschuwingen, 0 fouten/);
  });

  it('exit 1 and every fault in the table with its hint (English)', async () => {
    const r = await run(
      ['healthy', 'no-layer', 'wrong-properties', 'no-cors'],
      ['--origin', ORIGIN, '--lang', 'en'],
    );
    expect(r.code).toBe(1);
    expect(r.out).toMatch(
      /no-layer\s+layer\s+error\s+Layer "soilarea" is not in GetCapabilities.*→ Put the right layer name/,
    );
    expect(r.out).toMatch(/wrong-properties\s+properties\s+error\s+.*bodemcode.*→ Put the names/);
    expect(r.out).toMatch(/no-cors\s+cors\s+error\s+.*→ Ask the service to allow CORS/);
    expect(r.out).toMatch(/\d+ ok, 0 warnings, 3 errors/);
  });

  it('json output, and bad input is exit 2 with a clear message', async () => {
    const r = await run(['no-data'], ['--format', 'json']);
    expect(r.code).toBe(1);
    const d = JSON.parse(r.out) as { ok: boolean; lines: DiagnosisLine[] };
    expect(d.ok).toBe(false);
    expect(statusOf(d.lines, 'no-data', 'sample')).toBe('warning');

    const bad = await run(['healthy'], ['--origin', 'kaart.example.nl/pad']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--origin must be a page origin/);
    let err = '';
    const missing = await main(['doctor', '--data', join(tmp, 'nope.json')], {
      out: () => undefined,
      err: (t) => (err += t),
    });
    expect(missing).toBe(2);
    expect(err).toMatch(/does not exist/);
  });
});
