/**
 * The location check through a REAL OGC server: QGIS Server 3.22 on 127.0.0.1 (started by
 * test/integration/qgis-setup.ts) serving the ILLUSTRATIVE Voorbeeldstad demo data as WMS, WFS and
 * OGC API Features. For every known location, each protocol must give the same facts and the same
 * principles as the in-memory demo sources (demo/data/sources.json).
 *
 * Run: npm run test:integration
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { defaultKnowledgeBase } from '../../src/core/kb/load.js';
import type { Report } from '../../src/core/report.js';
import type { FactSource, Location } from '../../src/core/types.js';
import { checkLocation } from '../../src/sources/check.js';
import { loadSourcesFile } from '../../src/sources/node.js';
import { projectRoot } from '../helpers/shared.js';

const qgisUrl = inject('qgisUrl');
const kb = defaultKnowledgeBase();
const demoDir = resolve(projectRoot, 'demo/data');

interface DemoEntry {
  id: string;
  type: string;
  path: string;
  properties: Record<string, string>;
  [key: string]: unknown;
}
interface KnownLocation {
  id: string;
  x: number;
  y: number;
  expect: Record<string, unknown> & { outside?: boolean };
}

const demoSources = (
  JSON.parse(readFileSync(join(demoDir, 'sources.json'), 'utf8')) as { sources: DemoEntry[] }
).sources;
const known = JSON.parse(readFileSync(join(demoDir, 'locations.json'), 'utf8')) as {
  crs: 'EPSG:28992';
  locations: KnownLocation[];
};
const inside = known.locations.filter((l) => l.expect.outside !== true);
const outside = known.locations.filter((l) => l.expect.outside === true);
const at = (l: KnownLocation): Location => ({ x: l.x, y: l.y, crs: known.crs });

/** QGIS layer name of a demo source: its GeoJSON file name (zonering, soil, groundwater). */
const layerOf = (e: DemoEntry): string => basename(e.path, '.geojson');

type Protocol = 'wms' | 'wfs' | 'ogc-api-features';
const PROTOCOLS: Protocol[] = ['wms', 'wfs', 'ogc-api-features'];

/** QGIS Server's own URI for EPSG:28992, as its OGC API advertises it (…/EPSG/9.6.2/28992). */
let crsUri = '';

/** A demo entry as a remote source of `protocol` on the QGIS Server, same facts and provenance. */
function remoteEntry(
  e: DemoEntry,
  protocol: Protocol,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  const { path: _path, type: _type, crs: _crs, ...rest } = e;
  const base = { ...rest, type: protocol, url: qgisUrl, layer: layerOf(e) };
  switch (protocol) {
    case 'wms':
      return { ...base, ...overrides };
    case 'wfs':
      // QGIS Server 3.22 speaks WFS 1.0/1.1 only (a 2.0.0 request is answered as 1.1.0).
      return { ...base, serviceVersion: '1.1.0', ...overrides };
    case 'ogc-api-features':
      return {
        ...base,
        itemsPath: 'wfs3/collections/{collection}/items.json',
        crsUri,
        ...overrides,
      };
  }
}

let tmp = '';
let fileCount = 0;
/** Writes a sources file into the temp dir and loads it the way the CLI does. */
async function sourcesFrom(entries: Array<Record<string, unknown>>): Promise<FactSource[]> {
  const file = join(tmp, `sources-${++fileCount}.json`);
  writeFileSync(file, JSON.stringify({ sources: entries }, null, 2));
  return loadSourcesFile(file);
}

/** What must be equal between protocols: fact values, principles, and what the report derives. */
function essence(r: Report): unknown {
  return {
    facts: r.facts
      .map((f) => ({
        name: f.name,
        sourceId: f.provenance.sourceId,
        status: f.status,
        value: f.value ?? null,
        reason: f.reason ?? null,
      }))
      .sort((a, b) => `${a.name}/${a.sourceId}`.localeCompare(`${b.name}/${b.sourceId}`)),
    principles: r.principles.map((p) => p.id),
    discouraged: r.discouraged.map((d) => d.action),
    landscapeType: r.landscape.type?.id ?? null,
    zone: r.landscape.zone?.code ?? null,
    derived: r.derived,
    sources: r.sources.map((s) => ({ id: s.id, status: s.status, reason: s.reason ?? null })),
    conflicts: r.conflicts.map((c) => c.key),
    errors: r.errors.map((e) => `${e.fact}:${e.code}`),
    illustrative: r.illustrative,
  };
}

const factValue = (r: Report, name: string): unknown =>
  r.facts.find((f) => f.name === name && f.status === 'ok')?.value ?? null;

let demo: FactSource[] = [];
const remote = {} as Record<Protocol, FactSource[]>;
const baseline = new Map<string, Report>();

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'na-qgis-it-'));
  const collection = (await (await fetch(`${qgisUrl}wfs3/collections/zonering.json`)).json()) as {
    crs?: string[];
  };
  crsUri = (collection.crs ?? []).find((u) => /\/EPSG\/[^/]+\/28992$/.test(u)) ?? '';
  demo = await loadSourcesFile(join(demoDir, 'sources.json'));
  for (const p of PROTOCOLS)
    remote[p] = await sourcesFrom(demoSources.map((e) => remoteEntry(e, p)));
  for (const l of known.locations) baseline.set(l.id, await checkLocation(demo, at(l), kb));
});

afterAll(() => {
  if (tmp !== '') rmSync(tmp, { recursive: true, force: true });
});

describe('QGIS Server as it is served', () => {
  it('advertises RD New in OGC API Features under its own URI version', () => {
    expect(crsUri).toMatch(/^http:\/\/www\.opengis\.net\/def\/crs\/EPSG\/[^/]+\/28992$/);
  });

  it('serves all four layers in WMS GetCapabilities', async () => {
    const xml = await (await fetch(`${qgisUrl}?SERVICE=WMS&REQUEST=GetCapabilities`)).text();
    for (const name of ['zonering', 'soil', 'groundwater', 'landuse']) {
      expect(xml).toContain(`<Name>${name}</Name>`);
    }
    expect(xml).toContain('EPSG:28992');
  });

  it('the baseline (in-memory demo sources) matches locations.json, so the comparison means something', () => {
    for (const l of inside) {
      const r = baseline.get(l.id) as Report;
      for (const key of ['zone', 'soilCode', 'gt', 'position', 'seepage'] as const) {
        if (!(key in l.expect)) continue;
        expect({ id: l.id, key, value: factValue(r, key) }).toEqual({
          id: l.id,
          key,
          value: l.expect[key] ?? null,
        });
      }
    }
    expect(
      inside.filter((l) => (baseline.get(l.id) as Report).principles.length > 0).length,
    ).toBeGreaterThan(inside.length / 2);
  });
});

describe.each(PROTOCOLS)('checkLocation through %s on QGIS Server', (protocol) => {
  it.each(inside.map((l) => [l.id, l] as const))(
    '%s: same facts and principles as the demo data',
    async (_id, l) => {
      const report = await checkLocation(remote[protocol], at(l), kb);
      expect(report.sources.filter((s) => s.status === 'error')).toEqual([]);
      expect(essence(report)).toEqual(essence(baseline.get(l.id) as Report));
    },
  );

  it.each(outside.map((l) => [l.id, l] as const))(
    '%s: outside the data → no data from every source',
    async (_id, l) => {
      // As configured (with the demo coverage): no request is made.
      const report = await checkLocation(remote[protocol], at(l), kb);
      expect(essence(report)).toEqual(essence(baseline.get(l.id) as Report));
      expect(report.sources.every((s) => s.status === 'no-data')).toBe(true);
      // Without a coverage the server itself is asked, and finds nothing there.
      const asked = await sourcesFrom(
        demoSources.map((e) => {
          const { coverage: _coverage, ...entry } = remoteEntry(e, protocol);
          return entry;
        }),
      );
      const direct = await checkLocation(asked, at(l), kb);
      expect(direct.sources.map((s) => [s.id, s.status, s.reason])).toEqual(
        demoSources.map((e) => [e.id, 'no-data', 'no-feature']),
      );
      expect(direct.facts.filter((f) => f.status === 'ok')).toEqual([]);
      // Only the principles that hold everywhere (city-wide ones), as with the demo data.
      expect(direct.principles.map((p) => p.id)).toEqual(
        (baseline.get(l.id) as Report).principles.map((p) => p.id),
      );
      expect(direct.landscape).toEqual({});
    },
  );

  it('a wrong layer name → an error for that source in sources[], the others still answer', async () => {
    const entries = demoSources.map((e) =>
      e.id === 'bodem'
        ? remoteEntry(e, protocol, { layer: 'no_such_layer' })
        : remoteEntry(e, protocol),
    );
    const sources = await sourcesFrom(entries);
    const l = inside.find((x) => x.id === 'dekzandrug') as KnownLocation;
    const report = await checkLocation(sources, at(l), kb);
    const bodem = report.sources.find((s) => s.id === 'bodem');
    expect(bodem?.status).toBe('error');
    expect(bodem?.message ?? '').toMatch(/no_such_layer/);
    expect(report.facts.find((f) => f.name === 'soilCode')?.status).toBe('error');
    expect(factValue(report, 'zone')).toBe('Dz1');
    expect(factValue(report, 'gt')).toBe('VII');
    expect(report.sources.filter((s) => s.status === 'ok').map((s) => s.id)).toEqual(
      demoSources.map((e) => e.id).filter((id) => id !== 'bodem'),
    );
  });
});
