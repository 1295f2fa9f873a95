/**
 * BKNSN main types as polygons (issue #10): the ArcGIS REST source reads a layer's polygons by
 * extent, page by page, against recorded answers of the Klimaateffectatlas FeatureServer served by
 * the project's local fault server; the preset's gridcode → main type table turns them into
 * landscape types, which the zonering style and legend show with the type's colour and name.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultKnowledgeBase } from '../../src/core/kb/load.js';
import {
  mainTypeCode,
  zoneringColour,
  zoneringLabel,
  zoneringLegend,
} from '../../src/core/zonering-style.js';
import {
  ArcGisRestSource,
  arcgisExceededLimit,
  arcgisExtentQueryUrl,
} from '../../src/sources/arcgis-rest.js';
import { sendJson } from '../helpers/fault-server.js';
import { projectRoot } from '../helpers/shared.js';
import { useFaultServer } from '../helpers/use-fault-server.js';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(resolve(projectRoot, 'test/fixtures/services', name), 'utf8'));
const preset = (
  JSON.parse(
    readFileSync(resolve(projectRoot, 'src/sources/presets/klimaateffectatlas.json'), 'utf8'),
  ) as {
    sources: Array<{
      id: string;
      properties: Record<string, string>;
      valueMap: Record<string, Record<string, string>>;
      comment: string;
    }>;
  }
).sources.find((s) => s.id === 'kea-bknsn-hoofdtypen');
if (!preset) throw new Error('no kea-bknsn-hoofdtypen preset');

const kb = defaultKnowledgeBase();
const BBOX = [154000, 462000, 157000, 464000] as const;
const server = useFaultServer();

function servePages(path: string): void {
  server.route(path, (_req, res, url) => {
    const offset = Number(url.searchParams.get('resultOffset'));
    sendJson(
      res,
      fixture(`bknsn-hoofdtypen-extent-page${offset === 0 ? 1 : 2}.json`),
      200,
      'application/geo+json',
    );
  });
}

function mainTypeSource(path: string, extra: { coverage?: [number, number, number, number] } = {}) {
  return new ArcGisRestSource({
    id: 'kea-bknsn-hoofdtypen',
    url: server.url(path),
    layer: 0,
    properties: preset?.properties ?? {},
    valueMap: preset?.valueMap ?? {},
    pageSize: 2,
    ...extra,
  } as ConstructorParameters<typeof ArcGisRestSource>[0]);
}

describe('arcgisExtentQueryUrl', () => {
  it('an envelope in RD, geometry in the asked CRS, one page', () => {
    const u = new URL(
      arcgisExtentQueryUrl('https://x/FeatureServer', {
        layer: 0,
        bbox: BBOX,
        outCrs: 'EPSG:3857',
        offset: 2000,
        pageSize: 1000,
      }),
    );
    expect(u.pathname).toBe('/FeatureServer/0/query');
    expect(Object.fromEntries(u.searchParams)).toMatchObject({
      geometry: '154000,462000,157000,464000',
      geometryType: 'esriGeometryEnvelope',
      inSR: '28992',
      spatialRel: 'esriSpatialRelIntersects',
      outSR: '3857',
      returnGeometry: 'true',
      resultOffset: '2000',
      resultRecordCount: '1000',
      f: 'geojson',
    });
  });
  it('reads exceededTransferLimit at the top level and under properties', () => {
    expect(arcgisExceededLimit(fixture('bknsn-hoofdtypen-extent-page1.json'))).toBe(true);
    expect(arcgisExceededLimit(fixture('bknsn-hoofdtypen-extent-page2.json'))).toBe(false);
    expect(arcgisExceededLimit({ exceededTransferLimit: true, features: [] })).toBe(true);
  });
});

describe('ArcGisRestSource.polygons (BKNSN main types)', () => {
  it('reads every page of the extent and maps gridcode to the landscape type', async () => {
    servePages('/kea/FeatureServer/0/query');
    const fc = await mainTypeSource('/kea/FeatureServer').polygons('EPSG:28992', { bbox: BBOX });
    // two pages: the first said exceededTransferLimit, the second did not
    expect(server.requests.map((u) => u.searchParams.get('resultOffset'))).toEqual(['0', '2']);
    expect(server.requests[0]?.searchParams.get('geometry')).toBe(BBOX.join(','));
    expect(fc.crs).toBe('EPSG:28992');
    expect(
      fc.features.map((f) => [f.id, f.properties.gridcode, f.properties.landscapeType]),
    ).toEqual([
      [101, 8000, 'dekzand'],
      [102, 7000, 'stuwwal'],
      [103, 3000, 'veenweide'],
      // 99999 is no main type: the polygon is kept, without a landscape type
      [104, 99999, undefined],
    ]);
    expect(fc.features[1]?.geometry.type).toBe('MultiPolygon');
  });

  it('uses the source coverage as the extent when none is given', async () => {
    servePages('/cov/FeatureServer/0/query');
    await mainTypeSource('/cov/FeatureServer', {
      coverage: [150000, 460000, 160000, 470000],
    }).polygons('EPSG:28992');
    expect(server.requests[0]?.searchParams.get('geometry')).toBe('150000,460000,160000,470000');
  });

  it('an ArcGIS error answer is an error, never an empty map', async () => {
    server.route('/bad/FeatureServer/0/query', (_req, res) =>
      sendJson(res, { error: { code: 400, message: 'Invalid query parameters', details: [] } }),
    );
    await expect(
      mainTypeSource('/bad/FeatureServer').polygons('EPSG:28992', { bbox: BBOX }),
    ).rejects.toThrow(/Invalid query parameters/);
  });

  it('a server that always says "more" stops at maxPages with a clear error', async () => {
    server.route('/loop/FeatureServer/0/query', (_req, res) =>
      sendJson(res, fixture('bknsn-hoofdtypen-extent-page1.json')),
    );
    const source = new ArcGisRestSource({
      id: 'loop',
      url: server.url('/loop/FeatureServer'),
      layer: 0,
      properties: { landscapeType: 'gridcode' },
      maxPages: 3,
    } as ConstructorParameters<typeof ArcGisRestSource>[0]);
    await expect(source.polygons('EPSG:28992', { bbox: BBOX })).rejects.toThrow(
      /more than 3 pages/,
    );
    expect(server.count('/loop/FeatureServer/0/query')).toBe(3);
  });
});

describe('main-type polygons in the zonering style and legend', () => {
  const dekzand = kb.landscapeTypes.find((t) => t.id === 'dekzand');
  it('a main type has its landscape type colour and name at every scale', () => {
    for (const scale of ['regio/stad', 'wijk/dorp', 'straat'] as const) {
      expect(zoneringColour(kb, mainTypeCode('dekzand'), scale)).toBe(dekzand?.colour);
      expect(zoneringLabel(kb, mainTypeCode('dekzand'), scale, 'nl')).toBe(dekzand?.name.nl);
    }
    expect(zoneringLabel(kb, mainTypeCode('dekzand'), 'straat', 'en')).toBe(dekzand?.name.en);
  });
  it('the legend shows main types as type entries, not as unknown codes', () => {
    const legend = zoneringLegend(
      kb,
      [mainTypeCode('dekzand'), mainTypeCode('stuwwal'), mainTypeCode('nope')],
      'wijk/dorp',
      'nl',
    );
    const ids = legend.entries.map((e) => [e.kind, e.id]);
    expect(ids).toContainEqual(['landscape', 'dekzand']);
    expect(ids).toContainEqual(['landscape', 'stuwwal']);
    expect(legend.entries.find((e) => e.id === 'dekzand')?.colour).toBe(dekzand?.colour);
    // a type the knowledge base does not know stays unknown
    expect(legend.entries.at(-1)).toMatchObject({ kind: 'unknown', id: 'type:nope' });
  });
  it('the preset says where the gridcode order comes from and that it is unverified online', () => {
    expect(preset?.comment).toMatch(/NOT confirmed/);
    expect(preset?.comment).toMatch(/legend/i);
  });
});
