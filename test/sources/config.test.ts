import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FACT_NAMES, NaError } from '../../src/core/types.js';
import type { FactSource } from '../../src/core/types.js';
import {
  ConfigError,
  KNOWN_SOURCE_TYPES,
  createSources,
  defaultSourceTypes,
  geojsonSourceType,
  parseSourcesConfig,
} from '../../src/sources/config.js';
import type { SourceType, SourcesConfig } from '../../src/sources/config.js';
import { GeoJsonSource } from '../../src/sources/geojson.js';
import { loadSourcesFile } from '../../src/sources/node.js';
import schema from '../../src/sources/sources.schema.json' with { type: 'json' };
import { projectRoot } from '../helpers/shared.js';

const fixtures = resolve(projectRoot, 'test/fixtures');
const lines = (...l: string[]): string => l.join('\n');

function configError(text: string, types?: Record<string, SourceType>): ConfigError {
  try {
    parseSourcesConfig(text, 'sources.json', types === undefined ? {} : { types });
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

async function rejection(p: Promise<unknown>): Promise<NaError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof NaError) return e;
    throw e;
  }
  throw new Error('expected a rejection with an NaError');
}

/** Two sources, the second one varying; line 9 is the second entry's `{`. */
const twoSources = (...second: string[]): string =>
  lines(
    '{',
    '  "sources": [',
    '    {',
    '      "id": "zones",',
    '      "type": "geojson",',
    '      "path": "z.geojson",',
    '      "properties": { "zone": "code" }',
    '    },',
    '    {',
    ...second,
    '    }',
    '  ]',
    '}',
  );

const SMALL_RD = JSON.stringify({
  type: 'FeatureCollection',
  crs: { type: 'name', properties: { name: 'EPSG:28992' } },
  features: [
    {
      type: 'Feature',
      properties: { code: 'Dz1' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [150000, 460000],
            [151000, 460000],
            [151000, 461000],
            [150000, 460000],
          ],
        ],
      },
    },
  ],
});

describe('parseSourcesConfig: valid files', () => {
  it('parses the valid fixture with normalized crs and all fields', () => {
    const text = readFileSync(resolve(fixtures, 'sources/valid/sources.json'), 'utf8');
    const c = parseSourcesConfig(text, 'sources.json');
    expect(c.fileName).toBe('sources.json');
    expect(c.sources).toHaveLength(2);
    expect(c.sources[0]).toMatchObject({
      id: 'lagen',
      type: 'geojson',
      path: '../../geojson/layers-rd.geojson',
      title: 'Testlagen',
      licence: 'CC0',
      documentation: 'https://example.org/lagen',
      illustrative: true,
      properties: { zone: 'zone', soilCode: 'bodem', elevation: 'hoogte' },
      index: 0,
    });
    expect(c.sources[1]?.crs).toBe('EPSG:28992');
  });

  it('the schema lists exactly the fact names and the known source types', () => {
    const src = schema.definitions.source.properties;
    expect(Object.keys(src.properties.properties).sort()).toEqual([...FACT_NAMES].sort());
    expect(src.type.enum).toEqual([...KNOWN_SOURCE_TYPES]);
  });
});

describe('parseSourcesConfig: errors name file, line, column, source and field', () => {
  it('a type that does not exist', () => {
    const e = configError(
      twoSources(
        '      "id": "bodem",',
        '      "type": "shapefile",',
        '      "path": "b.geojson",',
        '      "properties": { "soilCode": "code" }',
      ),
    );
    expect(e.code).toBe('invalid-config');
    expect(e.errors).toHaveLength(1);
    expect(e.errors[0]?.text).toBe(
      'sources.json:11:7 sources[1] (id "bodem") field "type": must be one of geojson, ogc-api-features, wfs, wms, arcgis-rest, geotiff, flatgeobuf (got "shapefile")',
    );
    expect(e.errors[0]).toMatchObject({
      line: 11,
      column: 7,
      sourceIndex: 1,
      sourceId: 'bodem',
      field: 'type',
    });
  });

  it('a known type that the registry given leaves out', () => {
    const e = configError(
      twoSources(
        '      "id": "bro-wfs",',
        '      "type": "wfs",',
        '      "url": "https://example.org/wfs",',
        '      "properties": { "zone": "code" }',
      ),
      { geojson: geojsonSourceType },
    );
    expect(e.errors[0]?.text).toBe(
      'sources.json:11:7 sources[1] (id "bro-wfs") field "type": source type "wfs" is not in the registry given (it has: geojson)',
    );
  });

  it('a missing required field points at the entry', () => {
    const e = configError(
      twoSources('      "id": "bodem",', '      "type": "geojson",', '      "path": "b.geojson"'),
    );
    expect(e.errors.map((x) => x.text)).toEqual([
      'sources.json:9:5 sources[1] (id "bodem") field "properties": missing required field "properties"',
    ]);
  });

  it('an unknown field with a suggestion', () => {
    const e = configError(
      twoSources(
        '      "id": "bodem",',
        '      "type": "geojson",',
        '      "path": "b.geojson",',
        '      "license": "CC0",',
        '      "properties": { "soilCode": "code" }',
      ),
    );
    expect(e.errors[0]?.text).toBe(
      'sources.json:13:7 sources[1] (id "bodem") field "license": unknown field "license"; did you mean "licence"?',
    );
  });

  it('an unknown fact name', () => {
    const e = configError(
      twoSources(
        '      "id": "bodem",',
        '      "type": "geojson",',
        '      "path": "b.geojson",',
        '      "properties": { "soilcode": "code", "nonsense": "x" }',
      ),
    );
    expect(e.errors.map((x) => x.text)).toEqual([
      'sources.json:13:23 sources[1] (id "bodem") field "properties.soilcode": unknown fact "soilcode"; did you mean "soilCode"?',
      `sources.json:13:43 sources[1] (id "bodem") field "properties.nonsense": unknown fact "nonsense"; allowed: ${FACT_NAMES.join(', ')}`,
    ]);
  });

  it('a wrong value type', () => {
    const e = configError(
      twoSources(
        '      "id": "bodem",',
        '      "type": "geojson",',
        '      "path": "b.geojson",',
        '      "illustrative": "yes",',
        '      "properties": { "soilCode": "code" }',
      ),
    );
    expect(e.errors[0]?.text).toBe(
      'sources.json:13:7 sources[1] (id "bodem") field "illustrative": must be true or false (got the text "yes")',
    );
  });

  it('an unsupported crs', () => {
    const e = configError(
      twoSources(
        '      "id": "bodem",',
        '      "type": "geojson",',
        '      "path": "b.geojson",',
        '      "crs": "EPSG:4258",',
        '      "properties": { "soilCode": "code" }',
      ),
    );
    expect(e.errors[0]?.text).toMatch(
      /^sources\.json:13:7 sources\[1\] \(id "bodem"\) field "crs": Unsupported CRS "EPSG:4258"\. Supported: EPSG:28992/,
    );
  });

  it('a duplicate id', () => {
    const e = configError(
      twoSources(
        '      "id": "zones",',
        '      "type": "geojson",',
        '      "path": "b.geojson",',
        '      "properties": { "soilCode": "code" }',
      ),
    );
    expect(e.errors[0]?.text).toBe(
      'sources.json:10:7 sources[1] (id "zones") field "id": duplicate id "zones" (also used by sources[0])',
    );
  });

  it('a geojson source without path or url, and one with both', () => {
    const none = configError(
      twoSources(
        '      "id": "bodem",',
        '      "type": "geojson",',
        '      "properties": { "soilCode": "code" }',
      ),
    );
    expect(none.errors[0]?.text).toBe(
      'sources.json:9:5 sources[1] (id "bodem") field "path": a geojson source needs "path" (relative to this file) or "url"',
    );
    const both = configError(
      twoSources(
        '      "id": "bodem",',
        '      "type": "geojson",',
        '      "path": "b.geojson",',
        '      "url": "https://example.org/b.geojson",',
        '      "properties": { "soilCode": "code" }',
      ),
    );
    expect(both.errors[0]?.text).toBe(
      'sources.json:13:7 sources[1] (id "bodem") field "url": give either "path" or "url", not both',
    );
  });

  it('an empty coverage box and a bad id', () => {
    const e = configError(
      twoSources(
        '      "id": "bo dem",',
        '      "type": "geojson",',
        '      "path": "b.geojson",',
        '      "coverage": [10, 0, 5, 1],',
        '      "properties": { "soilCode": "code" }',
      ),
    );
    expect(e.errors.map((x) => `${x.line}:${x.column} ${x.field}`)).toEqual([
      '10:7 id',
      '13:7 coverage',
    ]);
  });

  it('top-level problems: no sources, an empty list, an unknown field', () => {
    expect(configError('{}').errors[0]?.text).toBe(
      'sources.json:1:1 field "sources": missing required field "sources"',
    );
    expect(configError('{\n  "sources": []\n}').errors[0]?.text).toBe(
      'sources.json:2:3 field "sources": must have at least 1 item',
    );
    expect(configError('{ "sources": [ 1 ] }').errors[0]?.text).toBe(
      'sources.json:1:16 sources[0]: must be an object (got the number 1)',
    );
    expect(configError('{ "source": [] }').errors.map((x) => x.text)).toEqual([
      'sources.json:1:1 field "sources": missing required field "sources"',
      'sources.json:1:3 field "source": unknown field "source"; did you mean "sources"?',
    ]);
  });

  it('a JSON syntax error', () => {
    const e = configError(lines('{', '  "sources": [', '    { "id": "a", }', '  ]', '}'));
    expect(e.errors.map((x) => x.text)).toEqual([
      'sources.json:3:18: JSON syntax error: expected a field name in double quotes (a trailing comma is not allowed)',
    ]);
  });

  it('reports every problem at once, in file order', () => {
    const e = configError(
      twoSources(
        '      "id": "zones",',
        '      "type": "geojson",',
        '      "crs": "EPSG:9999",',
        '      "properties": { "zonee": "code" }',
      ),
    );
    expect(e.errors.map((x) => `${x.line} ${x.field}`)).toEqual([
      '9 path',
      '10 id',
      '12 crs',
      '13 properties.zonee',
    ]);
    expect(e.message.split('\n')[0]).toBe('4 problems in the sources file:');
  });

  it('a type added through the registry passes the schema and its own check', () => {
    const fake: SourceType = {
      check: () => [{ field: 'url', message: 'needs a layer' }],
      create: () => Promise.reject(new Error('unused')),
    };
    const e = configError(
      twoSources(
        '      "id": "eigen",',
        '      "type": "my-type",',
        '      "url": "x",',
        '      "properties": { "zone": "code" }',
      ),
      { ...defaultSourceTypes, 'my-type': fake },
    );
    expect(e.errors.map((x) => x.text)).toEqual([
      'sources.json:12:7 sources[1] (id "eigen") field "url": needs a layer',
    ]);
  });
});

describe('createSources', () => {
  const config = (entries: string): SourcesConfig =>
    parseSourcesConfig(`{ "sources": [ ${entries} ] }`, 'conf/sources.json');

  it('resolves path and url against the baseUrl and loads through the injected loader', async () => {
    const asked: string[] = [];
    const sources = await createSources(
      config(
        [
          '{ "id": "a", "type": "geojson", "path": "data/a.geojson", "properties": { "zone": "code" } }',
          '{ "id": "b", "type": "geojson", "url": "../shared/b.geojson", "properties": { "zone": "code" } }',
          '{ "id": "c", "type": "geojson", "url": "https://other.example/c.geojson", "properties": { "zone": "code" } }',
        ].join(','),
      ),
      {
        baseUrl: 'https://gis.example.org/na/config/sources.json',
        load: (u) => {
          asked.push(u);
          return Promise.resolve(SMALL_RD);
        },
      },
    );
    expect(asked).toEqual([
      'https://gis.example.org/na/config/data/a.geojson',
      'https://gis.example.org/na/shared/b.geojson',
      'https://other.example/c.geojson',
    ]);
    expect(sources.map((s) => s.id)).toEqual(['a', 'b', 'c']);
    expect(sources[0]).toBeInstanceOf(GeoJsonSource);
    const r = await (sources[0] as FactSource).query({ x: 150100, y: 460050, crs: 'EPSG:28992' });
    expect(r.facts[0]).toMatchObject({
      name: 'zone',
      value: 'Dz1',
      provenance: { sourceId: 'a', title: 'a' },
    });
  });

  it('without baseUrl the loader gets the path as written', async () => {
    const asked: string[] = [];
    await createSources(
      config(
        '{ "id": "a", "type": "geojson", "path": "data/a.geojson", "properties": { "zone": "code" } }',
      ),
      {
        load: (u) => {
          asked.push(u);
          return Promise.resolve(SMALL_RD);
        },
      },
    );
    expect(asked).toEqual(['data/a.geojson']);
  });

  it('a load failure names the source id and the file', async () => {
    const e = await rejection(
      createSources(
        config(
          '{ "id": "bodem", "type": "geojson", "path": "b.geojson", "properties": { "zone": "code" } }',
        ),
        {
          baseUrl: 'file:///srv/na/sources.json',
          load: () => Promise.reject(new Error('ENOENT: no such file or directory')),
        },
      ),
    );
    expect(e.code).toBe('source-load-failed');
    expect(e.message).toBe(
      'Source "bodem" (sources[0] in conf/sources.json): cannot load data file "b.geojson" (file:///srv/na/b.geojson): ENOENT: no such file or directory',
    );
    expect(e.details).toMatchObject({ sourceId: 'bodem', file: 'b.geojson' });
  });

  it('invalid data names the source id and the file; syntax errors keep line and column', async () => {
    const one = (data: string): Promise<FactSource[]> =>
      createSources(
        config(
          '{ "id": "bodem", "type": "geojson", "path": "b.geojson", "properties": { "zone": "code" } }',
        ),
        {
          load: () => Promise.resolve(data),
        },
      );
    const geo = await rejection(
      one(
        '{ "type": "FeatureCollection", "features": [ { "type": "Feature", "geometry": null } ] }',
      ),
    );
    expect(geo.code).toBe('invalid-geojson');
    expect(geo.message).toBe(
      'Source "bodem" (b.geojson): Invalid GeoJSON: features[0] has no geometry.',
    );
    const syntax = await rejection(one('{\n  "type": "FeatureCollection",\n  "features": [,]\n}'));
    expect(syntax.code).toBe('invalid-json');
    expect(syntax.message).toBe(
      'Source "bodem": b.geojson:3:16: JSON syntax error: expected a value (a trailing comma is not allowed)',
    );
    expect(syntax.details).toMatchObject({ sourceId: 'bodem', line: 3, column: 16 });
  });

  it('a type without implementation is rejected clearly', async () => {
    const cfg: SourcesConfig = {
      fileName: 'sources.json',
      sources: [
        {
          id: 'w',
          type: 'wms',
          url: 'https://example.org/wms',
          properties: { zone: 'x' },
          index: 0,
        },
      ],
    };
    const e = await rejection(
      createSources(cfg, {
        load: () => Promise.resolve(''),
        types: { geojson: geojsonSourceType },
      }),
    );
    expect(e.code).toBe('unsupported-source-type');
    expect(e.message).toContain('source type "wms" is not in the registry given (it has: geojson)');
  });

  it('uses a registered factory for a new type', async () => {
    const made: FactSource = {
      id: 'w',
      title: 'W',
      provides: ['zone'],
      query: () => Promise.reject(new Error('unused')),
    };
    const types = { ...defaultSourceTypes, wms: { create: () => Promise.resolve(made) } };
    const cfg = parseSourcesConfig(
      '{ "sources": [ { "id": "w", "type": "wms", "url": "https://example.org/wms", "properties": { "zone": "x" } } ] }',
      'sources.json',
      { types },
    );
    expect(await createSources(cfg, { load: () => Promise.resolve(''), types })).toEqual([made]);
  });
});

describe('loadSourcesFile (Node)', () => {
  it('reads data relative to the sources file, not the working directory', async () => {
    const path = relative(process.cwd(), resolve(fixtures, 'sources/valid/sources.json'));
    const sources = await loadSourcesFile(path);
    expect(sources.map((s) => s.id)).toEqual(['lagen', 'klein']);
    const [lagen, klein] = sources as [FactSource, FactSource];
    const at = { x: 150200, y: 460200, crs: 'EPSG:28992' } as const;
    const r = await lagen.query(at);
    expect(r.facts.find((f) => f.name === 'zone')).toMatchObject({
      value: 'Dz1',
      provenance: {
        sourceId: 'lagen',
        title: 'Testlagen',
        licence: 'CC0',
        version: '2024-01',
        scale: '1:25.000',
        url: 'https://example.org/lagen',
        illustrative: true,
      },
    });
    expect((await klein.query(at)).facts[0]).toMatchObject({ name: 'heat', value: 41.5 });
  });

  it('a missing data file names the source and the file', async () => {
    const e = await rejection(
      loadSourcesFile(resolve(fixtures, 'sources/missing-data/sources.json')),
    );
    expect(e.code).toBe('source-load-failed');
    expect(e.message).toMatch(
      /Source "weg" .*cannot load data file "does-not-exist\.geojson".*ENOENT/,
    );
  });

  it('a missing sources file', async () => {
    const e = await rejection(loadSourcesFile(resolve(fixtures, 'sources/nope.json')));
    expect(e.code).toBe('config-unreadable');
    expect(e.message).toContain('nope.json');
  });
});
