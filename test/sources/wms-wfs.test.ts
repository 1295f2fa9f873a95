/**
 * WMS GetFeatureInfo and WFS GetFeature: URL builders (pure) and the sources against the fault
 * server's protocol answers.
 */
import { describe, expect, it } from 'vitest';
import type { Location } from '../../src/core/types.js';
import { WfsSource, wfsGetFeatureUrl } from '../../src/sources/wfs.js';
import { WmsSource, wmsGetFeatureInfoUrl } from '../../src/sources/wms.js';
import { sendJson } from '../helpers/fault-server.js';
import { useFaultServer } from '../helpers/use-fault-server.js';

const AT: Location = { x: 155000.4, y: 463000.6, crs: 'EPSG:28992' };
const server = useFaultServer();

const params = (url: string): Record<string, string> =>
  Object.fromEntries(new URL(url).searchParams.entries());

describe('wmsGetFeatureInfoUrl', () => {
  it('1.3.0: a 101 × 101 px map of 1 m around the point, the point in the middle pixel', () => {
    const url = wmsGetFeatureInfoUrl('https://service.pdok.nl/bzk/bro-bodemkaart/wms/v1_0', {
      layers: 'soilarea',
      x: 155000,
      y: 463000,
    });
    expect(url.startsWith('https://service.pdok.nl/bzk/bro-bodemkaart/wms/v1_0?')).toBe(true);
    expect(params(url)).toEqual({
      SERVICE: 'WMS',
      VERSION: '1.3.0',
      REQUEST: 'GetFeatureInfo',
      LAYERS: 'soilarea',
      QUERY_LAYERS: 'soilarea',
      STYLES: '',
      CRS: 'EPSG:28992',
      BBOX: '154949.5,462949.5,155050.5,463050.5',
      WIDTH: '101',
      HEIGHT: '101',
      I: '50',
      J: '50',
      INFO_FORMAT: 'application/json',
      FEATURE_COUNT: '1',
      FORMAT: 'image/png',
    });
    // Pixel 50 spans [x − 0.5, x + 0.5]: its centre is the point.
    const [minX, , maxX, maxY] = params(url).BBOX!.split(',').map(Number) as number[];
    expect(minX! + 50.5).toBe(155000);
    expect(maxY! - 50.5).toBe(463000);
    expect((maxX! - minX!) / 101).toBe(1);
  });

  it('1.1.1 uses SRS and X/Y; the base URL keeps its own parameters (QGIS MAP=)', () => {
    const url = wmsGetFeatureInfoUrl('http://127.0.0.1:8080/ows?MAP=/data/p.qgs&service=wms', {
      layers: 'a,b',
      x: 1000,
      y: 2000,
      version: '1.1.1',
      size: 11,
      resolution: 2,
      infoFormat: 'application/geo+json',
    });
    const p = params(url);
    expect(p.MAP).toBe('/data/p.qgs');
    expect(p.service).toBeUndefined(); // replaced case-insensitively by SERVICE
    expect(p).toMatchObject({
      SERVICE: 'WMS',
      VERSION: '1.1.1',
      SRS: 'EPSG:28992',
      X: '5',
      Y: '5',
      BBOX: '989,1989,1011,2011',
      INFO_FORMAT: 'application/geo+json',
    });
    expect(p.CRS).toBeUndefined();
    expect(p.I).toBeUndefined();
  });

  it('an even size is made odd so a pixel centre is the point', () => {
    expect(
      params(wmsGetFeatureInfoUrl('http://x/wms', { layers: 'l', x: 0, y: 0, size: 10 })).WIDTH,
    ).toBe('11');
  });
});

describe('WmsSource', () => {
  it('reads the first feature (geometry null, as QGIS Server sends it) and maps facts', async () => {
    server.route('/gfi', (_req, res, url) => {
      expect(url.searchParams.get('REQUEST')).toBe('GetFeatureInfo');
      sendJson(res, {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            id: 'soilarea.1',
            geometry: null,
            properties: {
              maparea_id: 1,
              first_soilcode: 'pZg23',
              first_soilname: 'Gooreerdgronden',
              normal_soilprofile_name: 'x',
            },
          },
          { type: 'Feature', geometry: null, properties: { first_soilcode: 'Hn21' } },
        ],
      });
    });
    const src = new WmsSource({
      id: 'bodem',
      title: 'BRO Bodemkaart',
      url: server.url('/gfi'),
      layers: 'soilarea',
      properties: { soilCode: ['first_soilcode', 'soilcode'] },
      detail: ['first_soilname', 'absent'],
      licence: 'CC0',
      scale: '1:50.000',
    });
    expect(src.provides).toEqual(['soilCode']);
    const r = await src.query(AT);
    expect(r).toMatchObject({
      sourceId: 'bodem',
      status: 'ok',
      detail: { first_soilname: 'Gooreerdgronden' },
      facts: [
        {
          name: 'soilCode',
          status: 'ok',
          value: 'pZg23',
          provenance: {
            sourceId: 'bodem',
            title: 'BRO Bodemkaart',
            licence: 'CC0',
            scale: '1:50.000',
          },
        },
      ],
    });
    const req = server.requests[0] as URL;
    expect(req.searchParams.get('I')).toBe('50');
    expect(Number(req.searchParams.get('BBOX')?.split(',')[0])).toBeCloseTo(155000.4 - 50.5, 3);
  });

  it('built-up land on the Bodemkaart is no-data built-up-not-mapped, not a soil code', async () => {
    server.route('/bebouw', (_req, res) =>
      sendJson(res, {
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', geometry: null, properties: { first_soilcode: '|h BEBOUW' } },
        ],
      }),
    );
    const r = await new WmsSource({
      id: 'bodem',
      url: server.url('/bebouw'),
      layers: 'soilarea',
      properties: { soilCode: 'first_soilcode' },
    }).query(AT);
    expect(r.facts[0]).toMatchObject({ status: 'no-data', reason: 'built-up-not-mapped' });
  });

  it('a configured property the answer lacks is an error fact listing what it has', async () => {
    const r = await new WmsSource({
      id: 'gt',
      url: server.url('/wrong-type'),
      layers: 'gt',
      properties: { gt: ['gt', 'GT'] },
    }).query(AT);
    expect(r.facts[0]).toMatchObject({ name: 'gt', status: 'error', reason: 'source-error' });
    expect(r.facts[0]?.message).toMatch(
      /Property "gt" or "GT" is not in the answer \(it has code, first_soilcode, value_list\)/,
    );
  });

  it('numbers as text become numbers (AHN value_list)', async () => {
    const r = await new WmsSource({
      id: 'ahn',
      url: server.url('/wrong-type'),
      layers: 'dtm_05m',
      properties: { elevation: ['value_list', 'value_0'] },
    }).query(AT);
    expect(r.facts[0]).toMatchObject({ name: 'elevation', status: 'ok', value: 3.25 });
  });

  it('a location outside the coverage gives outside-coverage without a request', async () => {
    const src = new WmsSource({
      id: 'w',
      url: server.url('/html'),
      layers: 'l',
      properties: { soilCode: 'c' },
      coverage: [0, 300000, 100000, 400000],
    });
    const r = await src.query(AT);
    expect(r).toMatchObject({ status: 'no-data', reason: 'outside-coverage' });
    expect(server.count('/html')).toBe(0);
  });

  it('implausible coordinates are an error result, not a throw', async () => {
    const r = await new WmsSource({
      id: 'w',
      url: server.url('/html'),
      layers: 'l',
      properties: { soilCode: 'c' },
    }).query({ x: 5.1, y: 52.1, crs: 'EPSG:28992' });
    expect(r).toMatchObject({ status: 'error', code: 'implausible-coordinates' });
  });
});

describe('wfsGetFeatureUrl', () => {
  it('2.0.0 in RD: TYPENAMES, COUNT, BBOX with the CRS', () => {
    const url = wfsGetFeatureUrl('https://service.pdok.nl/ez/fysischgeografischeregios/wfs/v1_0', {
      typeName: 'fysischgeografischeregios:fysischgeografischeregios',
      bbox: [154999.5, 462999.5, 155000.5, 463000.5],
      outputFormat: 'application/json;subtype=geojson',
    });
    expect(params(url)).toEqual({
      SERVICE: 'WFS',
      VERSION: '2.0.0',
      REQUEST: 'GetFeature',
      TYPENAMES: 'fysischgeografischeregios:fysischgeografischeregios',
      SRSNAME: 'EPSG:28992',
      BBOX: '154999.5,462999.5,155000.5,463000.5,EPSG:28992',
      OUTPUTFORMAT: 'application/json;subtype=geojson',
      COUNT: '10',
    });
  });

  it('1.1.0: TYPENAME and MAXFEATURES', () => {
    const p = params(
      wfsGetFeatureUrl('http://x/wfs', {
        typeName: 't',
        version: '1.1.0',
        bbox: [1, 2, 3, 4],
        count: 5,
      }),
    );
    expect(p).toMatchObject({
      VERSION: '1.1.0',
      TYPENAME: 't',
      MAXFEATURES: '5',
      BBOX: '1,2,3,4,EPSG:28992',
    });
    expect(p.TYPENAMES).toBeUndefined();
    expect(p.COUNT).toBeUndefined();
  });

  it('EPSG:4326: the BBOX in latitude/longitude order with the URN (1.1.0 and 2.0.0)', () => {
    for (const version of ['1.1.0', '2.0.0'] as const) {
      const p = params(
        wfsGetFeatureUrl('http://x/wfs', {
          typeName: 't',
          version,
          bbox: [5.1, 52.0, 5.2, 52.1],
          srsName: 'EPSG:4326',
        }),
      );
      expect(p.BBOX).toBe('52,5.1,52.1,5.2,urn:ogc:def:crs:EPSG::4326');
      expect(p.SRSNAME).toBe('urn:ogc:def:crs:EPSG::4326');
    }
  });
});

describe('WfsSource', () => {
  const square = (x0: number, y0: number, d: number): number[][][] => [
    [
      [x0, y0],
      [x0 + d, y0],
      [x0 + d, y0 + d],
      [x0, y0 + d],
      [x0, y0],
    ],
  ];

  it('keeps the polygon that really contains the point (exact test after the BBOX filter)', async () => {
    server.route('/wfs', (_req, res) =>
      sendJson(
        res,
        {
          type: 'FeatureCollection',
          features: [
            // Touches the query box but not the point.
            {
              type: 'Feature',
              properties: { fgr: 'Duinen' },
              geometry: { type: 'Polygon', coordinates: square(155000.45, 462000, 100) },
            },
            {
              type: 'Feature',
              properties: { fgr: 'Hogere Zandgronden' },
              geometry: { type: 'MultiPolygon', coordinates: [square(154000, 462000, 1000.4)] },
            },
          ],
        },
        200,
        'application/json; subtype=geojson',
      ),
    );
    const src = new WfsSource({
      id: 'fgr',
      url: server.url('/wfs'),
      typeName: 'fgr:fgr',
      outputFormat: 'application/json;subtype=geojson',
      properties: { landscapeType: 'fgr' },
      valueMap: { landscapeType: { 'Hogere Zandgronden': 'dekzand', Duinen: 'kust' } },
      detail: ['fgr'],
    });
    const r = await src.query(AT);
    expect(r.facts[0]).toMatchObject({ name: 'landscapeType', status: 'ok', value: 'dekzand' });
    expect(r.detail).toEqual({ fgr: 'Hogere Zandgronden' });
    const q = server.requests[0] as URL;
    expect(q.searchParams.get('TYPENAMES')).toBe('fgr:fgr');
  });

  it('no polygon contains the point: no-feature', async () => {
    server.route('/wfs-miss', (_req, res) =>
      sendJson(res, {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { fgr: 'Duinen' },
            geometry: { type: 'Polygon', coordinates: square(155001, 463001, 10) },
          },
        ],
      }),
    );
    const r = await new WfsSource({
      id: 'f',
      url: server.url('/wfs-miss'),
      typeName: 't',
      properties: { landscapeType: 'fgr' },
    }).query(AT);
    expect(r).toMatchObject({ status: 'no-data', reason: 'no-feature' });
  });

  it('an OWS exception report is an error, never content', async () => {
    const r = await new WfsSource({
      id: 'f',
      url: server.url('/ows-exception'),
      typeName: 't',
      properties: { landscapeType: 'fgr' },
    }).query(AT);
    expect(r).toMatchObject({ status: 'error', code: 'ogc-exception' });
  });

  it('EPSG:4326 answers are tried in both axis orders', async () => {
    // The point in lon/lat; the server writes lat/lon.
    server.route('/wfs-ll', (_req, res) =>
      sendJson(res, {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { fgr: 'Rivierengebied' },
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [52.0, 5.3],
                  [52.0, 5.5],
                  [52.3, 5.5],
                  [52.3, 5.3],
                  [52.0, 5.3],
                ],
              ],
            },
          },
        ],
      }),
    );
    const r = await new WfsSource({
      id: 'f',
      url: server.url('/wfs-ll'),
      typeName: 't',
      srsName: 'EPSG:4326',
      properties: { landscapeType: 'fgr' },
      valueMap: { landscapeType: { rivierengebied: 'rivierengebied' } },
    }).query(AT);
    expect(r.facts[0]).toMatchObject({ status: 'ok', value: 'rivierengebied' });
  });
});
