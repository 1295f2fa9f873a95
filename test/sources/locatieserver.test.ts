/**
 * PDOK Locatieserver client: URL builders (only documented parameters), parsers on the recorded
 * answers (shared/reference/locatieserver), safe highlight parsing, WKT points, errors.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_LOCATIESERVER_URL,
  createLocatieserverClient,
  freeUrl,
  locatieserverErrorOf,
  lookupUrl,
  parseDocs,
  parseHighlight,
  parseLookup,
  parseWktPoint,
  reverseUrl,
  suggestUrl,
} from '../../src/sources/locatieserver.js';
import { SourceRequestError } from '../../src/sources/http.js';
import { sendJson, startFaultServer } from '../helpers/fault-server.js';
import type { FaultServer } from '../helpers/fault-server.js';
import { vendoredDir } from '../helpers/shared.js';

const recordedText = (name: string): string =>
  readFileSync(resolve(vendoredDir(), 'reference/locatieserver', name), 'utf8');
const recorded = (name: string): unknown => JSON.parse(recordedText(name)) as unknown;

/** Parameters the OpenAPI spec documents per endpoint (plus reverse's, from PDOK's docs). */
const DOCUMENTED: Record<string, string[]> = {
  suggest: ['q', 'fl', 'sort', 'qf', 'bq', 'rows', 'start', 'wt', 'indent', 'lat', 'lon', 'fq'],
  free: ['q', 'fl', 'sort', 'df', 'rows', 'start', 'wt', 'indent', 'lat', 'lon', 'fq'],
  lookup: ['id', 'rows', 'start', 'wt', 'indent', 'lat', 'lon', 'fq'],
  reverse: ['lat', 'lon', 'X', 'Y', 'type', 'distance', 'rows', 'start', 'fl', 'fq', 'wt'],
};

function onlyDocumented(url: string): void {
  const u = new URL(url);
  const endpoint = u.pathname.split('/').pop() as string;
  for (const k of u.searchParams.keys()) expect(DOCUMENTED[endpoint]).toContain(k);
}

describe('URL builders', () => {
  it('suggest: q, rows (≤ 100), every fq, near as lat/lon', () => {
    const url = suggestUrl('Westeringlaan 18', {
      rows: 500,
      fq: ['type:adres', 'gemeentecode:0344'],
      near: { x: 155000, y: 463000, crs: 'EPSG:28992' },
    });
    expect(url.startsWith(`${DEFAULT_LOCATIESERVER_URL}suggest?`)).toBe(true);
    const u = new URL(url);
    expect(u.searchParams.get('q')).toBe('Westeringlaan 18');
    expect(u.searchParams.get('rows')).toBe('100');
    expect(u.searchParams.getAll('fq')).toEqual(['type:adres', 'gemeentecode:0344']);
    expect(Number(u.searchParams.get('lat'))).toBeCloseTo(52.1552, 3);
    expect(Number(u.searchParams.get('lon'))).toBeCloseTo(5.3872, 3);
    onlyDocumented(url);
    expect(() => suggestUrl('  ')).toThrow(RangeError);
  });

  it('lookup: only id', () => {
    const url = lookupUrl('adr-bf54db721969487ed33ba84d9973c702', 'https://example.org/ls/v3_1');
    expect(url).toBe('https://example.org/ls/v3_1/lookup?id=adr-bf54db721969487ed33ba84d9973c702');
    onlyDocumented(url);
  });

  it('reverse: RD as X/Y, other CRSs as lat/lon; distance and type', () => {
    const rd = reverseUrl(
      { x: 135782.745, y: 452910.011, crs: 'EPSG:28992' },
      { distance: 50, type: 'adres', rows: 1 },
    );
    expect(Object.fromEntries(new URL(rd).searchParams)).toEqual({
      X: '135782.745',
      Y: '452910.011',
      distance: '50',
      rows: '1',
      type: 'adres',
    });
    const ll = reverseUrl({ x: 5.10696041, y: 52.06415055, crs: 'EPSG:4326' });
    expect(new URL(ll).searchParams.get('lat')).toBe('52.0641506');
    expect(new URL(ll).searchParams.get('lon')).toBe('5.1069604');
    onlyDocumented(rd);
    onlyDocumented(ll);
    expect(() => reverseUrl({ x: 5.1, y: 52.1, crs: 'EPSG:28992' })).toThrow(
      /do not fit EPSG:28992/,
    );
  });

  it('free', () => {
    const url = freeUrl('Bolstraat 1 Utrecht', { rows: 1, fl: 'id,weergavenaam,centroide_rd' });
    onlyDocumented(url);
    expect(new URL(url).pathname.endsWith('/free')).toBe(true);
  });
});

describe('parsers on the recorded answers', () => {
  it('suggest: docs in order with the raw highlight string', () => {
    const docs = parseDocs(recorded('suggest.json'));
    expect(docs).toHaveLength(10);
    expect(docs[0]).toMatchObject({
      id: 'adr-e85f57567117b6063da3169022c89513',
      label: 'Westeringlaan 18A-1, 5993CG Maasbree',
      type: 'adres',
      score: 11.602813,
      highlight: '<b>Westeringlaan</b> 18A-1, 5993CG Maasbree',
    });
    expect(parseHighlight(docs[0]!.highlight!)).toEqual([
      { text: 'Westeringlaan', mark: true },
      { text: ' 18A-1, 5993CG Maasbree', mark: false },
    ]);
  });

  it('lookup: centroids from WKT, fields kept', () => {
    const obj = parseLookup(recorded('lookup.json'));
    expect(obj).toMatchObject({
      id: 'adr-bf54db721969487ed33ba84d9973c702',
      label: 'Europalaan 93, 3526KP Utrecht',
      type: 'adres',
      rd: { x: 135782.745, y: 452910.011 },
      lonLat: { lon: 5.10696041, lat: 52.06415055 },
      fields: { postcode: '3526KP', huisnummer: 93, gemeentenaam: 'Utrecht' },
    });
  });

  it('free: docs with fields', () => {
    const docs = parseDocs(recorded('free.json'));
    expect(docs[0]).toMatchObject({
      label: 'Bolstraat 1, 3581WS Utrecht',
      fields: { centroide_rd: 'POINT(137569.474 455650.561)' },
    });
    expect(docs[0]?.highlight).toBeUndefined();
  });

  it('error: the message without the Solr class name', () => {
    expect(locatieserverErrorOf(recorded('error.json'))).toBe(
      "Verplichte parameter 'id' ontbreekt (400)",
    );
    expect(locatieserverErrorOf(recorded('lookup.json'))).toBeUndefined();
  });

  it('a lookup without results is undefined; an answer without docs is invalid', () => {
    expect(parseLookup({ response: { numFound: 0, docs: [] } })).toBeUndefined();
    expect(() => parseDocs({ foo: 1 })).toThrow(SourceRequestError);
    expect(() => parseLookup({ response: { docs: [{ id: 'x' }] } })).toThrow(/no centroide_rd/);
  });

  it('a lookup with only centroide_ll computes the RD point', () => {
    const obj = parseLookup({
      response: { docs: [{ id: 'x', centroide_ll: 'POINT(5.10696041 52.06415055)' }] },
    });
    expect(obj?.rd.x).toBeCloseTo(135782.745, 0);
    expect(obj?.rd.y).toBeCloseTo(452910.011, 0);
  });
});

describe('parseWktPoint', () => {
  it('reads points, rejects the rest', () => {
    expect(parseWktPoint('POINT(135782.745 452910.011)')).toEqual([135782.745, 452910.011]);
    expect(parseWktPoint(' point ( -1.5e2   3 ) ')).toEqual([-150, 3]);
    expect(parseWktPoint('POINT Z (1 2 3)')).toEqual([1, 2]);
    expect(parseWktPoint('MULTIPOLYGON(((0 0,1 0,1 1,0 0)))')).toBeUndefined();
    expect(parseWktPoint('POINT(1)')).toBeUndefined();
    expect(parseWktPoint(undefined)).toBeUndefined();
  });
});

describe('parseHighlight: text segments, never HTML', () => {
  it('marks, entities, other tags stay literal text', () => {
    expect(parseHighlight('<b>Dorps</b>straat &amp; <B>plein</B>')).toEqual([
      { text: 'Dorps', mark: true },
      { text: 'straat & ', mark: false },
      { text: 'plein', mark: true },
    ]);
    expect(parseHighlight('<img src=x onerror=alert(1)><b>a</b>')).toEqual([
      { text: '<img src=x onerror=alert(1)>', mark: false },
      { text: 'a', mark: true },
    ]);
    expect(parseHighlight('&lt;script&gt;&quot;&#39;')).toEqual([
      { text: '<script>"\'', mark: false },
    ]);
  });

  it('unbalanced marks, empty and adjacent segments', () => {
    expect(parseHighlight('a<b>b')).toEqual([
      { text: 'a', mark: false },
      { text: 'b', mark: true },
    ]);
    expect(parseHighlight('a</b>b')).toEqual([{ text: 'ab', mark: false }]);
    expect(parseHighlight('<b></b><b>x</b><b>y</b>')).toEqual([{ text: 'xy', mark: true }]);
    expect(parseHighlight('')).toEqual([]);
  });
});

describe('the client against a local server', () => {
  let server: FaultServer;
  beforeAll(async () => {
    server = await startFaultServer();
    server.route('/ls/suggest', (_req, res) => sendJson(res, recorded('suggest.json')));
    server.route('/ls/lookup', (_req, res) => sendJson(res, recorded('lookup.json')));
    server.route('/ls-err/lookup', (_req, res) => sendJson(res, recorded('error.json'), 400));
    server.route('/ls/reverse', (_req, res) =>
      sendJson(res, {
        response: {
          numFound: 1,
          start: 0,
          docs: [
            {
              type: 'adres',
              weergavenaam: 'Europalaan 93, 3526KP Utrecht',
              id: 'adr-1',
              score: 1,
              afstand: 3.2,
            },
          ],
        },
      }),
    );
    server.route('/ls-html/suggest', (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<html><body>Maintenance</body></html>');
    });
  });
  afterAll(async () => {
    await server.close();
  });
  beforeEach(() => server.reset());

  it('suggest, lookup and reverse', async () => {
    const ls = createLocatieserverClient({ baseUrl: server.url('/ls') });
    const docs = await ls.suggest('Westeringlaan', { rows: 10 });
    expect(docs).toHaveLength(10);
    const obj = await ls.lookup(docs[0]!.id);
    expect(obj?.rd).toEqual({ x: 135782.745, y: 452910.011 });
    const near = await ls.reverse({ x: 135782, y: 452910, crs: 'EPSG:28992' }, { rows: 1 });
    expect(near[0]).toMatchObject({ id: 'adr-1', distance: 3.2 });
    expect(server.requests.map((u) => u.pathname)).toEqual([
      '/ls/suggest',
      '/ls/lookup',
      '/ls/reverse',
    ]);
  });

  it('the service error JSON (HTTP 400) is a problem error with its message', async () => {
    const ls = createLocatieserverClient({ baseUrl: server.url('/ls-err') });
    const err = await ls.lookup('x').catch((x: unknown) => x);
    expect(err).toBeInstanceOf(SourceRequestError);
    expect((err as SourceRequestError).code).toBe('problem');
    expect((err as SourceRequestError).userMessage.nl).toBe(
      'De bron "PDOK Locatieserver" meldt een fout: Verplichte parameter \'id\' ontbreekt (400).',
    );
    expect(server.count('/ls-err/lookup')).toBe(1); // a 400 is not retried
  });

  it('an HTML maintenance page is an html-response error; abort rejects with the reason', async () => {
    const ls = createLocatieserverClient({ baseUrl: server.url('/ls-html') });
    await expect(ls.suggest('x')).rejects.toMatchObject({ code: 'html-response' });
    const c = new AbortController();
    c.abort('typing on');
    await expect(
      createLocatieserverClient({ baseUrl: server.url('/ls') }).suggest('x', { signal: c.signal }),
    ).rejects.toBe('typing on');
  });
});
