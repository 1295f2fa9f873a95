/**
 * OGC API Features: URL builders, CRS discovery (QGIS Server's `EPSG/9.6.2` vs PDOK's `EPSG/0`),
 * paging by `next` links (bounded), problem+json, empty collections, polygons(); parsers on the
 * recorded PDOK (gokoala) shapes in the shared reference folder.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toCrs } from '../../src/core/crs.js';
import type { Location } from '../../src/core/types.js';
import { nextLink, parseFeatureCollection, pickFeatureAt } from '../../src/sources/features.js';
import { problemText } from '../../src/sources/http.js';
import {
  OgcApiFeaturesSource,
  QGIS_ITEMS_PATH,
  collectionExtent,
  findCrsUri,
  ogcCollectionUrl,
  ogcItemsUrl,
} from '../../src/sources/ogc-api-features.js';
import { sendJson } from '../helpers/fault-server.js';
import { vendoredDir } from '../helpers/shared.js';
import { useFaultServer } from '../helpers/use-fault-server.js';

const recorded = (name: string): unknown =>
  JSON.parse(readFileSync(resolve(vendoredDir(), 'reference/ogcapi', name), 'utf8')) as unknown;

const AT: Location = { x: 155000, y: 463000, crs: 'EPSG:28992' };
const QGIS_RD = 'http://www.opengis.net/def/crs/EPSG/9.6.2/28992';
const PDOK_RD = 'http://www.opengis.net/def/crs/EPSG/0/28992';
const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';

const server = useFaultServer();

const square = (x0: number, y0: number, d: number): number[][][] => [
  [
    [x0, y0],
    [x0 + d, y0],
    [x0 + d, y0 + d],
    [x0, y0 + d],
    [x0, y0],
  ],
];
const feature = (id: number, code: string, rings: number[][][]): Record<string, unknown> => ({
  type: 'Feature',
  id,
  properties: { code },
  geometry: { type: 'Polygon', coordinates: rings },
});

describe('URL builders', () => {
  it('PDOK style: collections/{c}/items?f=json with bbox, bbox-crs, crs, limit', () => {
    const url = ogcItemsUrl('https://api.pdok.nl/rvo/fysisch-geografische-regios/ogc/v1', {
      collection: 'fysisch_geografische_regios',
      bbox: [154999.5, 462999.5, 155000.5, 463000.5],
      bboxCrs: PDOK_RD,
      crs: PDOK_RD,
      limit: 10,
    });
    const u = new URL(url);
    expect(u.pathname).toBe(
      '/rvo/fysisch-geografische-regios/ogc/v1/collections/fysisch_geografische_regios/items',
    );
    expect(Object.fromEntries(u.searchParams)).toEqual({
      f: 'json',
      bbox: '154999.5,462999.5,155000.5,463000.5',
      'bbox-crs': PDOK_RD,
      crs: PDOK_RD,
      limit: '10',
    });
  });

  it('QGIS Server style: wfs3/collections/{c}/items.json; collection document derived', () => {
    const base = 'http://127.0.0.1:8080/';
    expect(ogcItemsUrl(base, { collection: 'bodem vlak', itemsPath: QGIS_ITEMS_PATH })).toBe(
      'http://127.0.0.1:8080/wfs3/collections/bodem%20vlak/items.json',
    );
    expect(ogcCollectionUrl(base, { collection: 'b', itemsPath: QGIS_ITEMS_PATH })).toBe(
      'http://127.0.0.1:8080/wfs3/collections/b.json',
    );
    expect(ogcCollectionUrl('https://x/ogc/v1', { collection: 'b' })).toBe(
      'https://x/ogc/v1/collections/b?f=json',
    );
  });
});

describe('parsers on the recorded PDOK shapes', () => {
  it('a FeatureCollection with a polygon: the point inside is found (lon/lat)', () => {
    const fc = parseFeatureCollection(recorded('expected_features_cql_basic.json'), {
      name: 'pdok',
    });
    expect(fc.features).toHaveLength(1);
    expect(fc.numberReturned).toBe(1);
    expect(fc.features[0]).toMatchObject({
      id: '5',
      geometryType: 'Polygon',
      properties: { prop3: 'Park' },
    });
    expect(pickFeatureAt(fc.features, [5.0429, 52.1028], 1e-7)?.id).toBe('5');
    expect(pickFeatureAt(fc.features, [5.05, 52.2], 1e-7)).toBeUndefined();
  });

  it('next link with a cursor, resolved; alternate/self links are ignored', () => {
    const fc = parseFeatureCollection(recorded('expected_features_properties_order_exclude.json'), {
      name: 'pdok',
    });
    expect(fc.features).toHaveLength(10);
    expect(
      nextLink(fc.links, 'http://localhost:8080/collections/dutch-addresses/items?f=json'),
    ).toBe('http://localhost:8080/collections/dutch-addresses/items?cursor=Cw%7C&f=json');
    // Point features are no polygons: with none containing, the first non-polygon is taken.
    expect(pickFeatureAt(fc.features, [0, 0], 0)?.id).toBe('1');
  });

  it('an empty collection, a single feature, a 404 problem, a collection document', () => {
    const empty = parseFeatureCollection(recorded('expected_empty_feature_collection.json'), {
      name: 'pdok',
    });
    expect(empty.features).toEqual([]);
    expect(nextLink(empty.links, 'http://localhost:8080/x')).toBeUndefined();
    const one = parseFeatureCollection(recorded('expected_feature_4030.json'), { name: 'pdok' });
    expect(one.features[0]).toMatchObject({ id: '4030', geometryType: 'Point' });
    expect(problemText(recorded('expected_feature_404.json'))).toBe(
      "Not Found — the requested feature with id: 999999 does not exist in collection 'dutch-addresses'",
    );
    const doc = recorded('expected_collection_features.json');
    expect(findCrsUri(doc, 'EPSG:28992')).toBeUndefined(); // only CRS84
    expect(collectionExtent(doc)).toEqual([50.2129, 2.52713, 55.7212, 7.37403]);
  });

  it('findCrsUri returns the server’s own spelling', () => {
    expect(
      findCrsUri(
        { crs: [CRS84, QGIS_RD, 'http://www.opengis.net/def/crs/EPSG/9.6.2/4326'] },
        'EPSG:28992',
      ),
    ).toBe(QGIS_RD);
    expect(
      findCrsUri(
        { crs: [CRS84, PDOK_RD, 'http://www.opengis.net/def/crs/EPSG/0/3857'] },
        'EPSG:28992',
      ),
    ).toBe(PDOK_RD);
    expect(findCrsUri({ crs: [CRS84], storageCrs: PDOK_RD }, 'EPSG:28992')).toBe(PDOK_RD);
    expect(
      findCrsUri({ crs: [CRS84, 'http://www.opengis.net/def/crs/EPSG/0/4258'] }, 'EPSG:4326'),
    ).toBeUndefined();
  });
});

describe('OgcApiFeaturesSource', () => {
  /** A QGIS-like server: only the 9.6.2 URI is accepted; two pages. */
  function qgisRoutes(pages: number): void {
    server.route('/wfs3/collections/bodem.json', (_req, res) =>
      sendJson(res, { id: 'bodem', crs: [CRS84, QGIS_RD], links: [] }),
    );
    server.route('/wfs3/collections/bodem/items.json', (_req, res, url) => {
      const crs = url.searchParams.get('crs');
      if (crs !== QGIS_RD || url.searchParams.get('bbox-crs') !== QGIS_RD) {
        sendJson(res, { code: 'Bad request error', description: `Unsupported crs ${crs}` }, 400);
        return;
      }
      const page = Number(url.searchParams.get('page') ?? 1);
      const next =
        page < pages
          ? [
              {
                rel: 'next',
                type: 'application/geo+json',
                href: `items.json?page=${page + 1}&crs=${encodeURIComponent(QGIS_RD)}&bbox-crs=${encodeURIComponent(QGIS_RD)}`,
              },
            ]
          : [];
      const features =
        page === pages
          ? [feature(page, 'Dz1', square(154000, 462000, 2000))]
          : [feature(page, 'Ha1', square(155000.2, 462000, 10))];
      sendJson(
        res,
        { type: 'FeatureCollection', features, links: next, numberReturned: 1 },
        200,
        'application/geo+json',
      );
    });
  }

  it('discovers the server’s RD URI once, follows next links until a polygon contains the point', async () => {
    qgisRoutes(3);
    const src = new OgcApiFeaturesSource({
      id: 'zones',
      url: server.url('/'),
      collection: 'bodem',
      itemsPath: QGIS_ITEMS_PATH,
      properties: { zone: 'code' },
    });
    const r = await src.query(AT);
    expect(r).toMatchObject({ status: 'ok', facts: [{ name: 'zone', value: 'Dz1' }] });
    expect(server.count('/wfs3/collections/bodem.json')).toBe(1);
    expect(server.count('/wfs3/collections/bodem/items.json')).toBe(3);
    const first = server.requests[1] as URL;
    expect(first.searchParams.get('bbox')).toBe('154999.5,462999.5,155000.5,463000.5');
    // The discovery is cached.
    await src.query({ x: 155001, y: 463001, crs: 'EPSG:28992' });
    expect(server.count('/wfs3/collections/bodem.json')).toBe(1);
  });

  it('paging is bounded by maxPages', async () => {
    qgisRoutes(50);
    const src = new OgcApiFeaturesSource({
      id: 'zones',
      url: server.url('/'),
      collection: 'bodem',
      itemsPath: QGIS_ITEMS_PATH,
      crsUri: QGIS_RD,
      properties: { zone: 'code' },
      maxPages: 4,
    });
    const r = await src.query(AT);
    expect(r).toMatchObject({ status: 'no-data', reason: 'no-feature' });
    expect(server.count('/wfs3/collections/bodem/items.json')).toBe(4);
    expect(server.count('/wfs3/collections/bodem.json')).toBe(0); // crsUri given: no discovery
  });

  it('the wrong URI version is refused by a QGIS-like server: an error result with the service’s words', async () => {
    qgisRoutes(1);
    const r = await new OgcApiFeaturesSource({
      id: 'zones',
      url: server.url('/'),
      collection: 'bodem',
      itemsPath: QGIS_ITEMS_PATH,
      crsUri: PDOK_RD,
      properties: { zone: 'code' },
    }).query(AT);
    expect(r).toMatchObject({ status: 'error', code: 'http-status' });
  });

  it('a server without RD is asked in CRS84 (no crs parameters) and the point is tested in lon/lat', async () => {
    const [lon, lat] = toCrs([155000, 463000], 'EPSG:28992', 'EPSG:4326');
    server.route('/ogc/collections/fgr', (_req, res) => sendJson(res, { id: 'fgr', crs: [CRS84] }));
    server.route('/ogc/collections/fgr/items', (_req, res, url) => {
      expect(url.searchParams.get('crs')).toBeNull();
      expect(url.searchParams.get('bbox-crs')).toBeNull();
      sendJson(
        res,
        {
          type: 'FeatureCollection',
          features: [feature(7, 'Zeekleigebied', square(lon - 0.01, lat - 0.01, 0.02))],
        },
        200,
        'application/geo+json',
      );
    });
    const r = await new OgcApiFeaturesSource({
      id: 'fgr',
      url: server.url('/ogc'),
      collection: 'fgr',
      properties: { landscapeType: 'code' },
      valueMap: { landscapeType: { zeekleigebied: 'zeeklei' } },
    }).query(AT);
    expect(r.facts[0]).toMatchObject({ status: 'ok', value: 'zeeklei' });
  });

  it('a missing collection (problem+json 404 on both documents): a problem error', async () => {
    server.route('/ogc2/*', (_req, res) =>
      sendJson(
        res,
        { title: 'Not Found', status: 404, detail: "collection 'x' does not exist" },
        404,
        'application/problem+json',
      ),
    );
    const r = await new OgcApiFeaturesSource({
      id: 'x',
      url: server.url('/ogc2'),
      collection: 'x',
      properties: { zone: 'code' },
    }).query(AT);
    expect(r).toMatchObject({ status: 'error', code: 'problem' });
    expect(r.userMessage?.nl).toMatch(/collection 'x' does not exist/);
  });

  it('an empty collection: no-data no-feature', async () => {
    server.route('/ogc3/collections/e/items', (_req, res) =>
      sendJson(
        res,
        recorded('expected_empty_feature_collection.json'),
        200,
        'application/geo+json',
      ),
    );
    const r = await new OgcApiFeaturesSource({
      id: 'e',
      url: server.url('/ogc3'),
      collection: 'e',
      crsUri: PDOK_RD,
      properties: { zone: 'code' },
    }).query(AT);
    expect(r).toMatchObject({ status: 'no-data', reason: 'no-feature' });
  });

  it('a failed discovery (timeout) is not cached', async () => {
    let slow = true;
    server.route('/ogc4/collections/z', (_req, res) => {
      if (slow) return; // never answers
      sendJson(res, { crs: [PDOK_RD] });
    });
    server.route('/ogc4/collections/z/items', (_req, res) =>
      sendJson(res, {
        type: 'FeatureCollection',
        features: [feature(1, 'Dz1', square(154000, 462000, 2000))],
      }),
    );
    const src = new OgcApiFeaturesSource({
      id: 'z',
      url: server.url('/ogc4'),
      collection: 'z',
      properties: { zone: 'code' },
      timeoutMs: 200,
    });
    expect((await src.query(AT)).code).toBe('timeout');
    slow = false;
    expect((await src.query(AT)).status).toBe('ok');
  });

  it('polygons(): a bbox query over the coverage, pages followed, reprojected, facts as properties', async () => {
    server.route('/ogc5/collections/zones/items', (_req, res, url) => {
      const page = Number(url.searchParams.get('page') ?? 1);
      expect(url.searchParams.get('bbox')).toBe('150000,460000,160000,470000');
      expect(url.searchParams.get('limit')).toBe('2');
      sendJson(res, {
        type: 'FeatureCollection',
        features:
          page === 1
            ? [
                feature(1, 'Dz1', square(150000, 460000, 1000)),
                {
                  type: 'Feature',
                  properties: {},
                  geometry: { type: 'Point', coordinates: [151000, 461000] },
                },
              ]
            : [feature(2, 'Ha1', square(152000, 460000, 1000))],
        links:
          page === 1
            ? [
                {
                  rel: 'next',
                  href: `${url.pathname}?page=2&bbox=150000,460000,160000,470000&limit=2`,
                },
              ]
            : [],
      });
    });
    const src = new OgcApiFeaturesSource({
      id: 'zones',
      url: server.url('/ogc5'),
      collection: 'zones',
      crsUri: PDOK_RD,
      properties: { zone: 'code' },
      coverage: [150000, 460000, 160000, 470000],
      pageSize: 2,
    });
    const rd = await src.polygons('EPSG:28992');
    expect(rd.features.map((f) => [f.id, f.properties.zone])).toEqual([
      [1, 'Dz1'],
      [2, 'Ha1'],
    ]);
    const ll = await src.polygons('EPSG:4326');
    const first = (ll.features[0]?.geometry.coordinates as number[][][])[0]?.[0] as number[];
    expect(first[0]).toBeCloseTo(toCrs([150000, 460000], 'EPSG:28992', 'EPSG:4326')[0], 9);
    expect(ll.crs).toBe('EPSG:4326');
    // Fetched once (two pages), reprojected per CRS.
    expect(server.count('/ogc5/collections/zones/items')).toBe(2);
  });
});
