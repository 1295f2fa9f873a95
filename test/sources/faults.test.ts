/**
 * Surviving every failure: each fault of the fault server gives a SourceResult with status
 * `error`, the right code and a clear message; nothing hangs or throws out of `checkLocation`;
 * the next query works; retries only for network errors and 502/503/504; the caller's abort
 * rejects with its reason and is never retried.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultKnowledgeBase } from '../../src/core/kb/load.js';
import type { KnowledgeBase } from '../../src/core/kb/types.js';
import { localizeReport } from '../../src/core/localize.js';
import type { FactSource, Location } from '../../src/core/types.js';
import { checkLocation } from '../../src/sources/check.js';
import { GeoJsonSource } from '../../src/sources/geojson.js';
import { WmsSource } from '../../src/sources/wms.js';
import { startFaultServer } from '../helpers/fault-server.js';
import type { FaultServer } from '../helpers/fault-server.js';

const realSetTimeout = globalThis.setTimeout;
const realClearTimeout = globalThis.clearTimeout;

/** Resolves once `check()` holds (polled on real timers; fails the test after 5 s). */
async function until(check: () => boolean): Promise<void> {
  const end = Date.now() + 5000;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => realSetTimeout(r, 5));
  }
}

const AT: Location = { x: 155000, y: 463000, crs: 'EPSG:28992' };
let server: FaultServer;
let kb: KnowledgeBase;

beforeAll(async () => {
  server = await startFaultServer();
  kb = defaultKnowledgeBase();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => server.reset());

function wms(
  path: string,
  extra: Partial<ConstructorParameters<typeof WmsSource>[0]> = {},
): WmsSource {
  return new WmsSource({
    id: 'bodem',
    title: 'BRO Bodemkaart',
    url: server.url(path),
    layers: 'soilarea',
    properties: { soilCode: 'first_soilcode' },
    timeoutMs: 300,
    retries: 2,
    backoffMs: 10,
    ...extra,
  });
}

const cases: Array<{ path: string; code: string; message: RegExp; nl: RegExp; attempts?: number }> =
  [
    {
      path: '/slow?ms=3000',
      code: 'timeout',
      message: /no answer within 300 ms/,
      nl: /reageert niet binnen 1 seconde/,
    },
    {
      path: '/slow-body?ms=3000',
      code: 'timeout',
      message: /no answer within 300 ms/,
      nl: /reageert niet/,
    },
    {
      path: '/500',
      code: 'http-status',
      message: /HTTP 500/,
      nl: /storing \(HTTP 500\)/,
      attempts: 1,
    },
    {
      path: '/502',
      code: 'http-status',
      message: /HTTP 502.*after 3 attempts/,
      nl: /storing/,
      attempts: 3,
    },
    {
      path: '/404',
      code: 'http-status',
      message: /HTTP 404/,
      nl: /weigert het verzoek \(HTTP 404\)/,
      attempts: 1,
    },
    {
      path: '/html',
      code: 'html-response',
      message: /HTML page instead of data/,
      nl: /foutpagina \(HTML\)/,
    },
    {
      path: '/ogc-exception',
      code: 'ogc-exception',
      message: /LayerNotDefined: Layer 'soilarea2' is not defined & cannot be queried <here>/,
      nl: /meldt een fout: LayerNotDefined/,
    },
    {
      path: '/ows-exception',
      code: 'ogc-exception',
      message: /InvalidParameterValue: Unknown feature type 'foo:bar'/,
      nl: /meldt een fout/,
    },
    {
      path: '/malformed',
      code: 'invalid-json',
      message: /malformed JSON|truncated JSON/,
      nl: /onvolledige of onleesbare/,
    },
    {
      path: '/truncated',
      code: 'invalid-json',
      message: /truncated JSON/,
      nl: /onvolledige of onleesbare/,
    },
    { path: '/dropped', code: 'network', message: /connection broke/, nl: /niet bereikbaar/ },
    {
      path: '/wrong-type-text',
      code: 'wrong-content-type',
      message: /expected JSON, got text\/plain/,
      nl: /stuurde geen JSON maar text\/plain/,
    },
    {
      path: '/image',
      code: 'wrong-content-type',
      message: /image\/png/,
      nl: /geen JSON maar image\/png/,
    },
    {
      path: '/redirect-loop',
      code: 'network',
      message: /redirect loop/,
      nl: /niet bereikbaar/,
      attempts: 21,
    },
    {
      path: '/problem',
      code: 'problem',
      message: /Not Found — collection 'bodem' does not exist/,
      nl: /meldt een fout: Not Found/,
    },
    {
      path: '/arcgis-error',
      code: 'invalid-response',
      message: /expected a GeoJSON FeatureCollection/,
      nl: /onverwachte vorm/,
    },
  ];

describe('every fault becomes an error result with a code and a clear message', () => {
  for (const c of cases) {
    it(`${c.path} → ${c.code}`, async () => {
      const t0 = Date.now();
      // A short budget where the fault is slowness; elsewhere room for a busy CI machine.
      const src = wms(c.path, { timeoutMs: c.code === 'timeout' ? 300 : 3000 });
      const r = await src.query(AT);
      expect(Date.now() - t0).toBeLessThan(2500);
      expect(r.status).toBe('error');
      expect(r.reason).toBe('source-error');
      expect(r.code).toBe(c.code);
      expect(r.message).toMatch(c.message);
      expect(r.userMessage?.nl).toMatch(c.nl);
      expect(r.userMessage?.nl).toContain('"BRO Bodemkaart"');
      expect(r.userMessage?.en).toContain('"BRO Bodemkaart"');
      // Every provided fact is an error fact with the message.
      expect(r.facts).toEqual([
        expect.objectContaining({ name: 'soilCode', status: 'error', reason: 'source-error' }),
      ]);
      const path = c.path.split('?')[0] as string;
      if (c.attempts !== undefined && path !== '/redirect-loop') {
        expect(server.count(path)).toBe(c.attempts);
      }
      // The next query of the same source works (the server is fine again).
      const good = wms('/wms-ok');
      server.route('/wms-ok', (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(
          JSON.stringify({
            type: 'FeatureCollection',
            features: [{ type: 'Feature', geometry: null, properties: { first_soilcode: 'Hn21' } }],
          }),
        );
      });
      expect((await good.query(AT)).status).toBe('ok');
      expect((await src.query(AT)).status).toBe('error');
    });
  }

  it('the user message never carries the HTML of an error page', async () => {
    const r = await wms('/html').query(AT);
    expect(JSON.stringify(r)).not.toContain('<script>');
    expect(JSON.stringify(r)).not.toContain('Er ging iets mis');
  });

  it('a redirect loop is not retried', async () => {
    const r = await wms('/redirect-loop').query(AT);
    expect(r.code).toBe('network');
    // fetch follows 20 redirects once (21 requests); no second round.
    expect(server.count('/redirect-loop')).toBeLessThanOrEqual(21);
  });

  it('a JSON body labelled text/html is data (the body decides, not the label)', async () => {
    const r = await wms('/wrong-type', { properties: { soilCode: 'first_soilcode' } }).query(AT);
    expect(r.status).toBe('ok');
    expect(r.facts[0]).toMatchObject({ name: 'soilCode', status: 'ok', value: 'Hn21' });
  });

  it('an empty FeatureCollection is no-data no-feature, not an error', async () => {
    const r = await wms('/empty').query(AT);
    expect(r).toMatchObject({ status: 'no-data', reason: 'no-feature' });
    expect(r.facts[0]).toMatchObject({ status: 'no-data', reason: 'no-feature' });
  });
});

describe('retries', () => {
  it('503 twice, then 200: three attempts, data', async () => {
    const r = await wms('/503?fail=2').query(AT);
    expect(r.status).toBe('ok');
    expect(server.count('/503')).toBe(3);
  });

  it('503 more often than the retries: an error after retries + 1 attempts', async () => {
    const r = await wms('/503?fail=5', { retries: 1 }).query(AT);
    expect(r.code).toBe('http-status');
    expect(server.count('/503')).toBe(2);
  });

  it('500 and 4xx are never retried', async () => {
    await wms('/500').query(AT);
    await wms('/404').query(AT);
    await wms('/problem').query(AT);
    expect(server.count('/500')).toBe(1);
    expect(server.count('/404')).toBe(1);
    expect(server.count('/problem')).toBe(1);
  });

  it('a network error is retried', async () => {
    // A port with nothing listening: connection refused.
    const closed = await startFaultServer();
    const url = closed.url('/x');
    await closed.close();
    let calls = 0;
    const counting: typeof fetch = (input, init) => {
      calls++;
      return fetch(input, init);
    };
    const src = new WmsSource({
      id: 'w',
      url,
      layers: 'l',
      properties: { soilCode: 'c' },
      retries: 2,
      backoffMs: 5,
      timeoutMs: 2000,
      fetch: counting,
    });
    const r = await src.query(AT);
    expect(r.code).toBe('network');
    expect(calls).toBe(3);
    expect(r.message).toMatch(/after 3 attempt/);
  });

  it('a timeout is not retried', async () => {
    await wms('/slow?ms=2000').query(AT);
    expect(server.count('/slow')).toBe(1);
  });
});

describe('abort', () => {
  it('the caller abort rejects with its reason, at once, and is never retried', async () => {
    const controller = new AbortController();
    const reason = new Error('newer click');
    const p = wms('/slow?ms=3000', { timeoutMs: 5000 }).query(AT, { signal: controller.signal });
    setTimeout(() => controller.abort(reason), 50);
    const t0 = Date.now();
    await expect(p).rejects.toBe(reason);
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(server.count('/slow')).toBe(1);
  });

  it('an abort during the backoff wait rejects with the reason and stops retrying', async () => {
    const controller = new AbortController();
    const reason = new DOMException('gone', 'AbortError');
    // Every timer made during the query, and every one cleared: the backoff wait (375–625 ms for
    // a base of 500) must be cleared by the abort, so no retry can follow.
    const made = new Map<ReturnType<typeof setTimeout>, number>();
    const cleared = new Set<unknown>();
    const setSpy = vi.spyOn(globalThis, 'setTimeout').mockImplementation(((
      fn: () => void,
      ms?: number,
    ) => {
      const handle = realSetTimeout(fn, ms);
      made.set(handle as ReturnType<typeof setTimeout>, ms ?? 0);
      return handle;
    }) as typeof setTimeout);
    const clearSpy = vi.spyOn(globalThis, 'clearTimeout').mockImplementation((h) => {
      cleared.add(h);
      realClearTimeout(h);
    });
    try {
      const p = wms('/502', { backoffMs: 500 }).query(AT, { signal: controller.signal });
      await until(() => server.count('/502') === 1);
      const backoff = (): Array<ReturnType<typeof setTimeout>> =>
        [...made].filter(([, ms]) => ms >= 375 && ms <= 625).map(([h]) => h);
      await until(() => backoff().length === 1);
      controller.abort(reason);
      await expect(p).rejects.toBe(reason);
      expect(backoff().every((h) => cleared.has(h))).toBe(true);
    } finally {
      setSpy.mockRestore();
      clearSpy.mockRestore();
    }
    expect(server.count('/502')).toBe(1);
  });

  it('an already aborted signal rejects before any request', async () => {
    const controller = new AbortController();
    controller.abort('stop');
    await expect(wms('/html').query(AT, { signal: controller.signal })).rejects.toBe('stop');
    expect(server.count('/html')).toBe(0);
  });
});

describe('checkLocation with a failing source', () => {
  const zones = {
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
  };

  it('the facts of the other sources still count; the failure is in the report with its code and user message', async () => {
    const sources: FactSource[] = [
      new GeoJsonSource({ id: 'zones', title: 'Zones', data: zones, properties: { zone: 'code' } }),
      wms('/html'),
    ];
    const report = await checkLocation(sources, AT, kb);
    expect(report.landscape.zone?.code).toBe('Dz1');
    const failed = report.sources.find((s) => s.id === 'bodem');
    expect(failed).toMatchObject({
      status: 'error',
      reason: 'source-error',
      code: 'html-response',
    });
    expect(failed?.userMessage?.nl).toMatch(/foutpagina/);
    expect(report.principles.length).toBeGreaterThan(0);

    const nl = localizeReport(report, kb, 'nl');
    const en = localizeReport(report, kb, 'en');
    expect(nl.sources.find((s) => s.id === 'bodem')).toMatchObject({
      code: 'html-response',
      message: expect.stringMatching(/^De bron "BRO Bodemkaart" antwoordde met een foutpagina/),
    });
    expect(en.sources.find((s) => s.id === 'bodem')?.message).toMatch(
      /^The source "BRO Bodemkaart" answered with an error page/,
    );
  });

  it('never throws for any fault, and nothing hangs', async () => {
    const sources = cases.map((c, i) =>
      wms(c.path, {
        id: `s${i}`,
        title: `Bron ${i}`,
        timeoutMs: c.code === 'timeout' ? 300 : 3000,
      }),
    );
    const t0 = Date.now();
    const report = await checkLocation(sources, AT, kb);
    expect(Date.now() - t0).toBeLessThan(4000);
    expect(report.sources.map((s) => s.code)).toEqual(cases.map((c) => c.code));
  });
});
