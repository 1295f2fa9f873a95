/**
 * Property-based fuzzing of every reader (issue #13): sources file, knowledge-base file, widget
 * texts, GeoJSON data, scenarios, CSV, the remote answers (GetFeatureInfo / WFS / OGC API /
 * ArcGIS through the request layer and the feature parser), Locatieserver answers, OGC exception
 * bodies. For any input:
 *
 * - no uncaught exception: a reader returns, or throws a typed error (NaError or one of its
 *   subclasses, WidgetTextsError for widget texts); a source's `query` never rejects;
 * - `Object.prototype` is unchanged (no prototype pollution through `__proto__`/`constructor`);
 * - bounded work: the worst cases (900 kB ReDoS body, deep nesting, unclosed CSV quote, 16 MiB
 *   answer) run in a child process on the built package within a generous wall budget (the old
 *   code needed 31 s for the ReDoS body alone), not as a tight timing assertion.
 */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/core/csv.js';
import { parseKnowledgeBaseExtension } from '../../src/core/kb/load.js';
import { parseScenario } from '../../src/core/scenario/scenario.js';
import { NaError, type Location } from '../../src/core/types.js';
import { parseSourcesConfig } from '../../src/sources/config.js';
import { parseFeatureCollection } from '../../src/sources/features.js';
import { GeoJsonSource } from '../../src/sources/geojson.js';
import { classifyText, exceptionText } from '../../src/sources/http.js';
import { parseJsonStrict } from '../../src/core/located-json.js';
import { parseDocs, parseLookup } from '../../src/sources/locatieserver.js';
import { WmsSource } from '../../src/sources/wms.js';
import { OgcApiFeaturesSource } from '../../src/sources/ogc-api-features.js';
import { ArcGisRestSource } from '../../src/sources/arcgis-rest.js';
import { WfsSource } from '../../src/sources/wfs.js';
import { WidgetTextsError, applyWidgetTexts, registerMessages } from '../../widgets/shared/lang.js';
import { projectRoot } from '../helpers/shared.js';

const RUNS = 200;
const AT: Location = { x: 155000, y: 463000, crs: 'EPSG:28992' };

const protoNames = Object.getOwnPropertyNames(Object.prototype).sort();
afterEach(() => {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoNames);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.getPrototypeOf({})).toBe(Object.prototype);
});

/** Keys an attacker likes. */
const evilKey = fc.constantFrom(
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'polluted',
  'sources',
  'features',
  'properties',
  'type',
  'id',
  'zone',
);
/** JSON values with hostile keys and strings (formulas, escapes, markup). */
const hostileString = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '=HYPERLINK("x")',
    '\u001b[2J',
    '<script>alert(1)</script>',
    '|h BEBOUW',
    '0x2E64E',
    '1e400',
    '',
  ),
);
const { value: hostileJson } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    hostileString,
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(evilKey, fc.string()), tie('value'), { maxKeys: 5 }),
  ),
}));
/** JSON text: valid JSON of hostile values, JSON with an own `__proto__` key, or broken text. */
const hostileText = fc.oneof(
  hostileJson.map((v) => JSON.stringify(v) ?? 'null'),
  hostileJson.map((v) => `{"__proto__": {"polluted": true}, "x": ${JSON.stringify(v) ?? 'null'}}`),
  fc.string(),
  fc.nat({ max: 300 }).map((n) => '['.repeat(n)),
  hostileJson.map((v) => {
    const t = JSON.stringify(v) ?? 'null';
    return t.slice(0, Math.floor(t.length / 2));
  }),
);
/** A FeatureCollection-shaped value with hostile parts. */
const hostileCollection = fc.record({
  type: fc.constantFrom('FeatureCollection', 'Feature', 'x'),
  crs: fc.option(hostileJson, { nil: undefined }),
  features: fc.oneof(
    fc.array(
      fc.record({
        type: fc.constantFrom('Feature', 'feature'),
        properties: fc.oneof(hostileJson, fc.dictionary(evilKey, hostileJson)),
        geometry: fc.oneof(
          hostileJson,
          fc.record({
            type: fc.constantFrom('Polygon', 'MultiPolygon', 'Point', 'GeometryCollection'),
            coordinates: hostileJson,
          }),
          fc.constant({
            type: 'Polygon',
            coordinates: [
              [
                [155000, 463000],
                [155100, 463000],
                [155100, 463100],
                [155000, 463000],
              ],
            ],
          }),
        ),
      }),
      { maxLength: 4 },
    ),
    hostileJson,
  ),
});

function typed(e: unknown): boolean {
  return e instanceof NaError;
}

describe('fuzz: configuration readers throw only typed errors', () => {
  it('sources file', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        try {
          parseSourcesConfig(text, 'bronnen.json');
        } catch (e) {
          expect(typed(e), String(e)).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('knowledge-base file', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        try {
          parseKnowledgeBaseExtension(text, 'kb.json');
        } catch (e) {
          expect(typed(e), String(e)).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('widget texts', () => {
    registerMessages('fuzz-widget', { hello: { nl: 'hallo', en: 'hello' } });
    fc.assert(
      fc.property(
        fc.oneof(
          hostileJson,
          fc.dictionary(
            fc.constantFrom('fuzz-widget', '__proto__', 'constructor'),
            fc.dictionary(fc.oneof(evilKey, fc.constant('hello')), hostileJson),
          ),
        ),
        (data) => {
          try {
            applyWidgetTexts(data, 'teksten.json');
          } catch (e) {
            expect(e instanceof WidgetTextsError, String(e)).toBe(true);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('fuzz: data readers throw only typed errors', () => {
  it('GeoJSON data (text and parsed), with queries', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          hostileText.map((t) => ({ t })),
          hostileCollection,
        ),
        async (input) => {
          try {
            const data = 't' in input ? parseJsonStrict(input.t as string, 'd.geojson') : input;
            const s = new GeoJsonSource({
              id: 'd',
              title: 'D',
              data,
              crs: 'EPSG:28992',
              properties: { zone: 'zone', heat: 'constructor', soilCode: '__proto__' },
            });
            const r = await s.query(AT);
            expect(['ok', 'no-data', 'error']).toContain(r.status);
          } catch (e) {
            expect(typed(e), String(e)).toBe(true);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('scenarios', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          hostileText.map((t) => ({ t })),
          hostileCollection,
        ),
        (input) => {
          try {
            const data = 't' in input ? parseJsonStrict(input.t as string, 's.geojson') : input;
            parseScenario(data, { fileName: 's.geojson' });
          } catch (e) {
            expect(typed(e), String(e)).toBe(true);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('CSV', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 2000 }), async (text) => {
        try {
          const rows = await parseCsvText(text, { maxRecordChars: 500 });
          for (const r of rows) expect(Array.isArray(r.cells)).toBe(true);
        } catch (e) {
          expect(typed(e), String(e)).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('OGC exception bodies and other non-JSON text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc
            .array(
              fc.constantFrom(
                '<ows:Exception code="a">',
                '<![CDATA[',
                ']]>',
                '<',
                '>',
                'x',
                '</ows:Exception>',
                '<ows:ExceptionText>',
              ),
              {
                maxLength: 200,
              },
            )
            .map((parts) => `<ows:ExceptionReport>${parts.join('')}`),
        ),
        (text) => {
          const kind = classifyText(text);
          expect(['html', 'ogc-exception', 'xml', 'other']).toContain(kind.kind);
          expect(exceptionText(text).length).toBeLessThanOrEqual(300);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('Locatieserver answers', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          hostileJson,
          fc.record({
            response: fc.record({
              numFound: fc.integer(),
              docs: fc.array(fc.dictionary(evilKey, hostileJson), { maxLength: 3 }),
            }),
          }),
        ),
        (json) => {
          for (const parse of [parseDocs, parseLookup]) {
            try {
              parse(json);
            } catch (e) {
              expect(typed(e), String(e)).toBe(true);
            }
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('fuzz: remote answers through the request layer never reject a query', () => {
  const contentTypes = fc.constantFrom(
    'application/json',
    'application/geo+json',
    'text/html',
    'text/xml',
    'application/problem+json',
    'text/plain',
    'image/png',
    '',
  );
  const answer = fc.record({
    status: fc.constantFrom(200, 200, 200, 400, 404, 500),
    type: contentTypes,
    body: fc.oneof(
      hostileText,
      hostileCollection.map((c) => JSON.stringify(c)),
      fc.constant('<ows:ExceptionReport><ows:Exception exceptionCode="X">'.repeat(50)),
    ),
  });
  const kinds = {
    wms: (fetch: typeof globalThis.fetch) =>
      new WmsSource({
        id: 'w',
        url: 'http://fuzz.invalid/wms',
        layers: 'l',
        properties: { zone: 'zone' },
        retries: 0,
        fetch,
      }),
    wfs: (fetch: typeof globalThis.fetch) =>
      new WfsSource({
        id: 'f',
        url: 'http://fuzz.invalid/wfs',
        typeName: 'l',
        properties: { zone: 'zone' },
        retries: 0,
        fetch,
      } as never),
    ogc: (fetch: typeof globalThis.fetch) =>
      new OgcApiFeaturesSource({
        id: 'o',
        url: 'http://fuzz.invalid/ogc',
        collection: 'l',
        properties: { zone: 'zone' },
        retries: 0,
        fetch,
      } as never),
    arcgis: (fetch: typeof globalThis.fetch) =>
      new ArcGisRestSource({
        id: 'a',
        url: 'http://fuzz.invalid/arcgis',
        layer: 0,
        properties: { zone: 'zone' },
        retries: 0,
        fetch,
      } as never),
  };
  for (const [kind, make] of Object.entries(kinds)) {
    it(`${kind}: any status, type and body gives a result, never a rejection`, async () => {
      await fc.assert(
        fc.asyncProperty(answer, async (a) => {
          const fetch = (async () =>
            new Response(a.body, {
              status: a.status,
              headers: a.type === '' ? {} : { 'content-type': a.type },
            })) as typeof globalThis.fetch;
          const r = await make(fetch).query(AT);
          expect(['ok', 'no-data', 'error']).toContain(r.status);
          if (r.status === 'error') expect(typeof r.message).toBe('string');
        }),
        { numRuns: 60 },
      );
    });
  }

  it('the feature parser throws only typed errors', () => {
    fc.assert(
      fc.property(fc.oneof(hostileJson, hostileCollection), (json) => {
        try {
          parseFeatureCollection(json, { name: 'x' });
        } catch (e) {
          expect(typed(e), String(e)).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('bounded work on the worst inputs (child process, generous wall budget)', () => {
  it('ReDoS body, deep nesting, unclosed CSV quote and a 16 MiB answer finish within 20 s', async () => {
    const script = `
      import { exceptionText, classifyText, readJson } from './dist/src/sources/http.js';
      import { jsonDepth } from './dist/src/core/json-limits.js';
      import { parseCsvText } from './dist/src/core/csv.js';
      import { parseSourcesConfig } from './dist/src/sources/config.js';
      const open = '<ows:Exception exceptionCode="A">';
      const redos = '<ows:ExceptionReport>' + open.repeat(Math.floor(900 * 1024 / open.length));
      classifyText(redos); exceptionText(redos);
      const lts = '<ows:ExceptionReport>' + '<'.repeat(900 * 1024);
      exceptionText(lts);
      jsonDepth('['.repeat(5_000_000));
      try { parseSourcesConfig('['.repeat(200_000), 'x.json'); } catch (e) { if (e.code !== 'too-complex') throw e; }
      try { await parseCsvText('id\\n"' + 'x'.repeat(5_000_000)); } catch (e) { if (e.code !== 'too-large') throw e; }
      try { await readJson(new Response(new Uint8Array(17 * 1024 * 1024), { headers: { 'content-type': 'application/json' } })); } catch (e) { if (e.code !== 'too-large') throw e; }
      console.log('done');
    `;
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--input-type=module', '-e', script],
      {
        cwd: resolve(projectRoot),
        timeout: 20_000,
      },
    );
    expect(stdout.trim()).toBe('done');
  });
});
