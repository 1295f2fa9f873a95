import { describe, expect, it } from 'vitest';
import type { Location } from '../../src/core/types.js';
import {
  ArcGisRestSource,
  arcgisErrorOf,
  arcgisQueryUrl,
  parseArcGisJson,
} from '../../src/sources/arcgis-rest.js';
import { sendJson } from '../helpers/fault-server.js';
import { useFaultServer } from '../helpers/use-fault-server.js';

const AT: Location = { x: 155000, y: 463000, crs: 'EPSG:28992' };
const server = useFaultServer();

const ERROR = {
  error: {
    code: 400,
    message: 'Invalid or missing input parameters.',
    details: ["'f' parameter is invalid"],
  },
};

describe('arcgisQueryUrl', () => {
  it('a point query in RD with every field, as GeoJSON', () => {
    const url = arcgisQueryUrl(
      'https://services.arcgis.com/nSZVuSZjHpEZZbRo/arcgis/rest/services/Klimaateffectatlas_Basiskaart_natuurlijk_systeem_hoofdtypen/FeatureServer',
      { layer: 0, x: 155000, y: 463000 },
    );
    const u = new URL(url);
    expect(u.pathname.endsWith('/FeatureServer/0/query')).toBe(true);
    expect(Object.fromEntries(u.searchParams)).toEqual({
      geometry: '155000,463000',
      geometryType: 'esriGeometryPoint',
      inSR: '28992',
      spatialRel: 'esriSpatialRelIntersects',
      outFields: '*',
      returnGeometry: 'false',
      f: 'geojson',
    });
  });

  it('without a layer the URL already names it', () => {
    expect(
      new URL(
        arcgisQueryUrl('https://x/arcgis/rest/services/s/MapServer/3', {
          x: 1,
          y: 2,
          format: 'json',
        }),
      ).pathname,
    ).toBe('/arcgis/rest/services/s/MapServer/3/query');
  });
});

describe('parsers', () => {
  it('arcgisErrorOf reads the error JSON; data is no error', () => {
    expect(arcgisErrorOf(ERROR)).toBe(
      "400: Invalid or missing input parameters. ('f' parameter is invalid)",
    );
    expect(arcgisErrorOf({ features: [] })).toBeUndefined();
  });
  it('parseArcGisJson: attributes become properties', () => {
    expect(
      parseArcGisJson({ features: [{ attributes: { gridcode: 3000 } }] }, { name: 'x' }),
    ).toEqual([{ properties: { gridcode: 3000 }, geometryType: null }]);
    expect(() => parseArcGisJson({ error: 1 }, { name: 'x' })).toThrow(/features/);
  });
});

describe('ArcGisRestSource', () => {
  it('reads f=geojson', async () => {
    server.route('/new/FeatureServer/0/query', (_req, res, url) => {
      expect(url.searchParams.get('f')).toBe('geojson');
      sendJson(
        res,
        {
          type: 'FeatureCollection',
          features: [{ type: 'Feature', geometry: null, properties: { gridcode: 3000 } }],
        },
        200,
        'application/geo+json',
      );
    });
    const r = await new ArcGisRestSource({
      id: 'kea',
      url: server.url('/new/FeatureServer'),
      layer: 0,
      properties: { zone: 'gridcode' },
    }).query(AT);
    expect(r.facts[0]).toMatchObject({ name: 'zone', status: 'ok', value: '3000' });
  });

  it('an old server without f=geojson (error JSON with HTTP 200): falls back to f=json once and remembers', async () => {
    server.route('/old/MapServer/2/query', (_req, res, url) => {
      if (url.searchParams.get('f') === 'geojson') sendJson(res, ERROR);
      else sendJson(res, { features: [{ attributes: { gridcode: 5000 } }] }, 200, 'text/plain');
    });
    const src = new ArcGisRestSource({
      id: 'kea',
      url: server.url('/old/MapServer/2'),
      properties: { zone: 'gridcode' },
    });
    expect((await src.query(AT)).facts[0]).toMatchObject({ value: '5000' });
    expect(server.count('/old/MapServer/2/query')).toBe(2);
    await src.query(AT);
    expect(server.count('/old/MapServer/2/query')).toBe(3);
    expect(server.requests.map((u) => u.searchParams.get('f'))).toEqual([
      'geojson',
      'json',
      'json',
    ]);
  });

  it('an error JSON in both formats is a problem error, never data', async () => {
    server.route('/err/MapServer/0/query', (_req, res) => sendJson(res, ERROR));
    const r = await new ArcGisRestSource({
      id: 'kea',
      url: server.url('/err/MapServer/0'),
      properties: { zone: 'gridcode' },
    }).query(AT);
    expect(r).toMatchObject({ status: 'error', code: 'problem' });
    expect(r.message).toMatch(/Invalid or missing input parameters/);
    expect(server.count('/err/MapServer/0/query')).toBe(2);
  });

  it('no feature at the point: no-feature', async () => {
    server.route('/none/FeatureServer/0/query', (_req, res) =>
      sendJson(res, { type: 'FeatureCollection', features: [] }),
    );
    const r = await new ArcGisRestSource({
      id: 'kea',
      url: server.url('/none/FeatureServer'),
      layer: '0',
      properties: { zone: 'gridcode' },
    }).query(AT);
    expect(r).toMatchObject({ status: 'no-data', reason: 'no-feature' });
  });
});
