/**
 * The sources file for remote sources: the new fields, located errors, `extends` with the PDOK
 * preset, and a full location check over the PDOK preset with recorded-style answers (a fake
 * fetch: nothing leaves the machine).
 */
import { describe, expect, it } from 'vitest';
import { defaultKnowledgeBase } from '../../src/core/kb/load.js';
import type { FactSource, Location } from '../../src/core/types.js';
import { ArcGisRestSource } from '../../src/sources/arcgis-rest.js';
import { checkLocation } from '../../src/sources/check.js';
import {
  ConfigError,
  createSources,
  parseSourcesConfig,
  presetSourcesConfig,
} from '../../src/sources/config.js';
import { GeoJsonSource } from '../../src/sources/geojson.js';
import { GeoTiffSource } from '../../src/sources/geotiff.js';
import { OgcApiFeaturesSource } from '../../src/sources/ogc-api-features.js';
import { pdokPreset } from '../../src/sources/presets.js';
import { WfsSource } from '../../src/sources/wfs.js';
import { WmsSource } from '../../src/sources/wms.js';

const AT: Location = { x: 155000, y: 463000, crs: 'EPSG:28992' };
const kb = defaultKnowledgeBase();

function issues(text: string): string[] {
  try {
    parseSourcesConfig(text, 'sources.json');
  } catch (e) {
    if (e instanceof ConfigError) return e.errors.map((x) => x.text);
    throw e;
  }
  throw new Error('expected a ConfigError');
}

const json = (body: unknown, type = 'application/json'): Response =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': type } });
const fc = (properties: Record<string, unknown>): unknown => ({
  type: 'FeatureCollection',
  features: [{ type: 'Feature', geometry: null, properties }],
});

const ALL_TYPES = JSON.stringify(
  {
    sources: [
      {
        id: 'zones',
        type: 'ogc-api-features',
        url: 'http://127.0.0.1:9/',
        layer: 'bknsn',
        itemsPath: 'wfs3/collections/{collection}/items.json',
        crsUri: 'http://www.opengis.net/def/crs/EPSG/9.6.2/28992',
        properties: { zone: 'BKNSN_code' },
        timeoutMs: 3000,
        retries: 1,
      },
      {
        id: 'fgr',
        type: 'wfs',
        url: 'https://service.pdok.nl/ez/fysischgeografischeregios/wfs/v1_0',
        layer: 'fysischgeografischeregios:fysischgeografischeregios',
        serviceVersion: '1.1.0',
        outputFormat: 'application/json;subtype=geojson',
        properties: { landscapeType: 'fgr' },
        valueMap: { landscapeType: { 'Hogere Zandgronden': 'dekzand', 'Niet indeelbaar': null } },
      },
      {
        id: 'bodem',
        type: 'wms',
        url: 'https://service.pdok.nl/bzk/bro-bodemkaart/wms/v1_0',
        layer: 'soilarea',
        infoFormat: 'application/json',
        properties: { soilCode: ['first_soilcode', 'soilcode'] },
        detail: ['first_soilname'],
      },
      {
        id: 'kea',
        type: 'arcgis-rest',
        url: 'https://services.arcgis.com/x/arcgis/rest/services/kea/FeatureServer',
        layer: 0,
        properties: { zone: 'gridcode' },
      },
      {
        id: 'ahn',
        type: 'geotiff',
        url: 'https://example.org/ahn.tif',
        properties: { elevation: 1 },
      },
    ],
  },
  null,
  2,
);

describe('remote source types in the sources file', () => {
  it('parses every type with its fields and creates the sources (fetch injected)', async () => {
    const config = parseSourcesConfig(ALL_TYPES, 'sources.json');
    expect(config.sources.map((s) => [s.id, s.type, s.layer])).toEqual([
      ['zones', 'ogc-api-features', 'bknsn'],
      ['fgr', 'wfs', 'fysischgeografischeregios:fysischgeografischeregios'],
      ['bodem', 'wms', 'soilarea'],
      ['kea', 'arcgis-rest', '0'],
      ['ahn', 'geotiff', undefined],
    ]);
    expect(config.sources[2]?.propertyRefs).toEqual({ soilCode: ['first_soilcode', 'soilcode'] });
    expect(config.sources[4]?.bands).toEqual({ elevation: 1 });
    expect(config.sources[1]?.valueMap).toEqual({
      landscapeType: { 'Hogere Zandgronden': 'dekzand', 'Niet indeelbaar': null },
    });
    let fetched = 0;
    const sources = await createSources(config, {
      load: () => Promise.reject(new Error('no files')),
      fetch: () => {
        fetched++;
        return Promise.resolve(json(fc({ BKNSN_code: 'Dz5' })));
      },
    });
    expect(sources.map((s) => s.constructor)).toEqual([
      OgcApiFeaturesSource,
      WfsSource,
      WmsSource,
      ArcGisRestSource,
      GeoTiffSource,
    ]);
    expect(sources.map((s) => s.provides)).toEqual([
      ['zone'],
      ['landscapeType'],
      ['soilCode'],
      ['zone'],
      ['elevation'],
    ]);
    // Creating does not touch the network; querying uses the injected fetch.
    expect(fetched).toBe(0);
    const r = await (sources[0] as FactSource).query(AT);
    expect(r.facts[0]).toMatchObject({ value: 'Dz5' });
    expect(fetched).toBe(1);
  });

  it('located errors for misplaced or missing fields', () => {
    const one = (entry: Record<string, unknown>): string[] =>
      issues(
        JSON.stringify(
          { sources: [{ id: 'x', properties: { soilCode: 'c' }, ...entry }] },
          null,
          2,
        ),
      );
    expect(one({ type: 'wfs', url: 'http://x/wfs' })).toEqual([
      'sources.json:3:5 sources[0] (id "x") field "layer": missing required field "layer" (the feature type name)',
    ]);
    expect(one({ type: 'wms', url: 'http://x/wms', layer: 'l', serviceVersion: '2.0.0' })).toEqual([
      'sources.json:11:7 sources[0] (id "x") field "serviceVersion": a wms source speaks 1.3.0 or 1.1.1',
    ]);
    expect(one({ type: 'wms', url: 'http://x/wms', layer: 'l', itemsPath: 'a' })).toEqual([
      'sources.json:11:7 sources[0] (id "x") field "itemsPath": "itemsPath" is only for ogc-api-features sources',
    ]);
    expect(one({ type: 'wms', layer: 'l', path: 'a.json' })).toEqual([
      'sources.json:3:5 sources[0] (id "x") field "url": a wms source needs "url" (the service endpoint)',
      'sources.json:10:7 sources[0] (id "x") field "path": a wms source is a service: give its "url", not "path"',
    ]);
    expect(one({ type: 'geotiff', url: 'http://x/a.tif' })).toEqual([
      'sources.json:6:9 sources[0] (id "x") field "properties.soilCode": a geotiff source maps a fact to a band number (1 = the first band)',
    ]);
    expect(one({ type: 'arcgis-rest', url: 'http://x/FeatureServer' })).toEqual([
      'sources.json:3:5 sources[0] (id "x") field "layer": missing required field "layer" (the layer id), unless "url" ends with …/FeatureServer/<id>',
    ]);
    expect(
      parseSourcesConfig(
        JSON.stringify({
          sources: [
            {
              id: 'x',
              type: 'arcgis-rest',
              url: 'http://x/FeatureServer/3',
              properties: { zone: 'c' },
            },
          ],
        }),
        'sources.json',
      ).sources,
    ).toHaveLength(1);
  });

  it('property values: names, lists of names, band numbers; clear messages otherwise', () => {
    const props = (p: unknown, type = 'wms'): string[] =>
      issues(
        JSON.stringify({
          sources: [{ id: 'x', type, url: 'http://x', layer: 'l', properties: { elevation: p } }],
        }),
      );
    expect(props('')).toEqual([
      'sources.json:1:79 sources[0] (id "x") field "properties.elevation": must not be empty',
    ]);
    expect(props([])[0]).toMatch(/field "properties.elevation": must have at least 1 item$/);
    expect(props(0, 'geotiff')).toContainEqual(
      expect.stringMatching(/field "properties.elevation": must be ≥ 1 \(got 0\)/),
    );
    expect(props(true)[0]).toMatch(
      /field "properties.elevation": must be a property name, a list of property names, or \(geotiff\) a band number ≥ 1 \(got true\)$/,
    );
    expect(props(2)[0]).toMatch(/a band number is only for geotiff sources/);
    expect(
      issues(
        JSON.stringify({
          sources: [{ id: 'x', type: 'geojson', path: 'a', properties: { zone: ['a', 'b'] } }],
        }),
      )[0],
    ).toMatch(/give one property name for a geojson source/);
  });

  it('valueMap, timeoutMs and retries are checked', () => {
    const e = issues(
      JSON.stringify({
        sources: [
          {
            id: 'x',
            type: 'wms',
            url: 'http://x',
            layer: 'l',
            properties: { gt: 'gt' },
            valueMap: { gtt: {}, gt: { a: 1 } },
            timeoutMs: 5,
            retries: 9,
          },
        ],
      }),
    );
    expect(e.join('\n')).toMatch(/field "valueMap.gtt": unknown fact "gtt"; did you mean "gt"\?/);
    expect(e.join('\n')).toMatch(
      /field "valueMap.gt.a": must be a text or null \(got the number 1\)/,
    );
    expect(e.join('\n')).toMatch(/field "timeoutMs": must be ≥ 100 \(got 5\)/);
    expect(e.join('\n')).toMatch(/field "retries": must be ≤ 5 \(got 9\)/);
  });

  it('a source with only detail properties needs no facts; one with neither is an error', () => {
    expect(
      parseSourcesConfig(
        JSON.stringify({
          sources: [
            {
              id: 'g',
              type: 'wms',
              url: 'http://x',
              layer: 'l',
              detail: ['landform_subgroup_code'],
            },
          ],
        }),
        'sources.json',
      ).sources[0]?.detail,
    ).toEqual(['landform_subgroup_code']);
    expect(
      issues(JSON.stringify({ sources: [{ id: 'g', type: 'wms', url: 'http://x', layer: 'l' }] })),
    ).toEqual([
      'sources.json:1:13 sources[0] (id "g") field "properties": missing required field "properties"',
    ]);
    expect(
      issues(
        JSON.stringify({
          sources: [{ id: 'g', type: 'wms', url: 'http://x', layer: 'l', properties: {} }],
        }),
      )[0],
    ).toMatch(
      /field "properties": must not be empty; map at least one fact \(landscapeType, zone, .*\) to a property name$/,
    );
  });
});

describe('extends: the PDOK preset', () => {
  it('one line gives the national sources', () => {
    const config = parseSourcesConfig('{ "extends": ["pdok"] }', 'sources.json');
    expect(config.extends).toEqual(['pdok']);
    expect(config.sources.map((s) => [s.id, s.type, s.preset])).toEqual([
      ['pdok-bodemkaart', 'wms', 'pdok'],
      ['pdok-grondwatertrap', 'wms', 'pdok'],
      ['pdok-ahn', 'wms', 'pdok'],
      ['pdok-fgr', 'wfs', 'pdok'],
      ['pdok-geomorfologie', 'wms', 'pdok'],
    ]);
    expect(presetSourcesConfig('pdok').sources).toEqual(config.sources);
  });

  it('the file’s own sources come first; one with a preset id replaces it', () => {
    const config = parseSourcesConfig(
      JSON.stringify({
        extends: ['pdok'],
        sources: [
          { id: 'zones', type: 'geojson', path: 'z.geojson', properties: { zone: 'code' } },
          { id: 'pdok-ahn', type: 'geotiff', path: 'ahn.tif', properties: { elevation: 1 } },
        ],
      }),
      'sources.json',
    );
    expect(config.sources.map((s) => s.id)).toEqual([
      'zones',
      'pdok-ahn',
      'pdok-bodemkaart',
      'pdok-grondwatertrap',
      'pdok-fgr',
      'pdok-geomorfologie',
    ]);
    expect(config.sources[1]?.type).toBe('geotiff');
  });

  it('unknown presets and a file without sources or extends are errors', () => {
    expect(issues('{ "extends": ["osm"] }')).toEqual([
      'sources.json:1:15 field "extends[0]": must be one of pdok, klimaateffectatlas (got "osm")',
    ]);
    expect(issues('{}')).toEqual([
      'sources.json:1:1 field "sources": missing required field "sources"',
    ]);
  });

  it('pdokPreset() is a valid sources file on its own and uses only PDOK endpoints', () => {
    const data = pdokPreset();
    const config = parseSourcesConfig(JSON.stringify(data), 'pdok.json');
    expect(config.sources).toHaveLength(5);
    for (const s of config.sources) expect(new URL(s.url as string).host).toBe('service.pdok.nl');
    // A copy: changing it changes no later call.
    (data.sources as unknown[]).length = 0;
    expect(pdokPreset().sources).toHaveLength(5);
  });

  it('a location check over the PDOK preset (fake PDOK answers): facts, value map, built-up land, detail', async () => {
    const urls: string[] = [];
    const fetchImpl = (input: string): Promise<Response> => {
      urls.push(input);
      const u = new URL(input);
      if (u.pathname.includes('bro-bodemkaart'))
        return Promise.resolve(
          json(
            fc({ soilcode: '|h BEBOUW', first_soilcode: '|h BEBOUW', first_soilname: 'Bebouwing' }),
          ),
        );
      if (u.pathname.includes('grondwaterspiegeldiepte'))
        return Promise.resolve(json(fc({ value_list: '16' })));
      if (u.pathname.includes('/actueel-hoogtebestand-nederland/'))
        return Promise.resolve(json(fc({ value_list: '12.34' })));
      if (u.pathname.includes('fysisch-geografische-regios'))
        return Promise.resolve(
          json({
            type: 'FeatureCollection',
            features: [
              {
                type: 'Feature',
                properties: { fgr: 'Hogere Zandgronden', afk: 'HZ' },
                geometry: {
                  type: 'Polygon',
                  coordinates: [
                    [
                      [150000, 460000],
                      [160000, 460000],
                      [160000, 470000],
                      [150000, 470000],
                      [150000, 460000],
                    ],
                  ],
                },
              },
            ],
          }),
        );
      if (u.pathname.includes('geomorfologischekaart'))
        return Promise.resolve(
          json(
            fc({
              landform_subgroup_code: 'B44',
              landform_subgroup_description: 'Stroomrug',
              genese_code: 4,
            }),
          ),
        );
      return Promise.resolve(new Response('not found', { status: 404 }));
    };
    const sources = await createSources(presetSourcesConfig('pdok'), {
      load: () => Promise.reject(new Error('none')),
      fetch: fetchImpl,
    });
    const report = await checkLocation(sources, AT, kb);
    expect(urls).toHaveLength(5);
    const fact = (n: string) => report.facts.find((f) => f.name === n);
    expect(fact('landscapeType')).toMatchObject({
      status: 'ok',
      value: 'dekzand',
      provenance: { sourceId: 'pdok-fgr' },
    });
    expect(fact('elevation')).toMatchObject({ status: 'ok', value: 12.34 });
    expect(fact('gt')).toMatchObject({ status: 'ok', value: 'VIIo' });
    expect(report.missing).toContainEqual(
      expect.objectContaining({ kind: 'fact', fact: 'soilCode', reason: 'built-up-not-mapped' }),
    );
    expect(report.sources.find((s) => s.id === 'pdok-geomorfologie')).toMatchObject({
      status: 'ok',
      detail: {
        landform_subgroup_code: 'B44',
        landform_subgroup_description: 'Stroomrug',
        genese_code: 4,
      },
    });
    expect(report.sources.find((s) => s.id === 'pdok-fgr')?.detail).toEqual({
      fgr: 'Hogere Zandgronden',
      afk: 'HZ',
    });
  });
});

describe('combining sources', () => {
  it('a beekdal zone (low, kwel) and a deep Gt from the groundwater map give a conflict', async () => {
    const zones = new GeoJsonSource({
      id: 'bknsn',
      title: 'BKNSN',
      crs: 'EPSG:28992',
      data: {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { code: 'Dz5' },
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
      },
      properties: { zone: 'code' },
    });
    const gt = new WmsSource({
      id: 'pdok-grondwatertrap',
      url: 'https://service.pdok.nl/bzk/bro-grondwaterspiegeldiepte/wms/v2_0',
      layers: 'bro-grondwaterspiegeldieptemetingen-GT',
      properties: { gt: 'gt' },
      fetch: () => Promise.resolve(json(fc({ gt: 'VIId' }))),
    });
    const report = await checkLocation([zones, gt], AT, kb);
    expect(report.landscape.zone?.code).toBe('Dz5');
    const c = report.conflicts.find((x) => x.key === 'gt');
    expect(c?.values).toEqual([
      { value: 'Dz5', sourceId: 'bknsn' },
      { value: 'VIId', sourceId: 'pdok-grondwatertrap' },
    ]);
  });
});
