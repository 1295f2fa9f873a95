// The widget half of the soak test (issue #13): `npm run soak -- --checks N` (default 150), or
// alone: `node scripts/soak-widget.mjs --checks 10000`. Not part of `npm test`.
//
// Builds and serves the demo geoportal (production build, strict CSP header; as the e2e tests) and
// drives its <na-location-check> in Chromium (Playwright) through N checks. The demo's sources
// file gets one more source, a WMS on the page's own origin (a route of the demo server) that answers in
// turn: healthy, 503, an HTML error page, an OGC exception with terminal escapes, a 900 kB
// quadratic-regex body, a 17 MB answer (over the 16 MiB limit), and one slower than the time
// budget. Every tenth check is a real click on the map, the rest call `check()`. It prints a
// table with the JS heap (after a forced GC), DOM nodes and JS event listeners at the start and
// the end (Chromium's own counters through the DevTools protocol) and exits 1 when they grow
// (heap over 1.5 × start + 8 MB, listeners or nodes over start + 50).
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startDemoServer } from './demo-server.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const FAULTS = ['ok', '503', 'html', 'ansi', 'redos', 'huge', 'slow', 'ok'];
const OPEN = '<ows:Exception exceptionCode="A">';

/** The answer of the hostile WMS for fault `kind`. */
function answer(kind) {
  const xml = 'application/xml';
  switch (kind) {
    case 'ok':
      return {
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({
          type: 'FeatureCollection',
          features: [{ type: 'Feature', properties: { code: 'Hn21' }, geometry: null }],
        }),
      };
    case '503':
      return { status: 503, contentType: 'text/plain', body: 'Service Unavailable' };
    case 'html':
      return {
        status: 500,
        contentType: 'text/html',
        body: '<!doctype html><title>fout</title><script>alert(1)</script>',
      };
    case 'ansi':
      return {
        status: 400,
        contentType: xml,
        body: `<ows:ExceptionReport><ows:Exception exceptionCode="X"><ows:ExceptionText>\u001b[2J\u001b[31m${'x'.repeat(100_000)}</ows:ExceptionText></ows:Exception></ows:ExceptionReport>`,
      };
    case 'redos':
      return {
        status: 400,
        contentType: xml,
        body: `<ows:ExceptionReport>${OPEN.repeat(Math.floor((900 * 1024) / OPEN.length))}`,
      };
    case 'huge':
      return {
        status: 200,
        contentType: 'application/json',
        body: Buffer.alloc(17 * 1024 * 1024, 0x20),
      };
    default:
      return undefined;
  }
}

/**
 * Runs the widget soak; resolves to `{ rows, ok }` (the table rows and whether it passed).
 * @param {{ checks?: number, log?: (line: string) => void }} [options]
 */
export async function soakWidget(options = {}) {
  const checks = options.checks ?? 150;
  /** The answers in turn (default: every kind; `SOAK_FAULTS=slow,ok` narrows a leak hunt). */
  const faults = options.faults ?? process.env.SOAK_FAULTS?.split(',') ?? FAULTS;
  const log = options.log ?? console.log;
  const counts = new Map();
  let n = 0;
  // The hostile WMS is a route of the demo server itself (same origin, so the page's CSP allows
  // it): real HTTP answers on 127.0.0.1, not Playwright routes (whose bodies cross the DevTools
  // protocol base64-encoded: a 17 MB answer every 8 checks made that the soak's bottleneck).
  const hostileWms = (req, res) => {
    const kind = faults[n++ % faults.length];
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
    const send = (a) => {
      if (res.destroyed) return; // aborted by the widget meanwhile
      res.writeHead(a.status, {
        'content-type': a.contentType,
        'content-length': Buffer.byteLength(a.body),
      });
      res.end(a.body);
    };
    res.on('error', () => undefined);
    if (kind === 'slow') setTimeout(() => send(answer('ok')), 1000);
    else send(answer(kind));
  };
  const server = await startDemoServer({
    port: 0,
    quiet: true,
    middleware: { '/soak-wms': hostileWms },
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.route('https://api.pdok.nl/**', (route) =>
      route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({ response: { numFound: 0, start: 0, docs: [] } }),
      }),
    );
    const demoSources = JSON.parse(readFileSync(resolve(root, 'demo/data/sources.json'), 'utf8'));
    await context.route('**/data/sources.json', (route) =>
      route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({
          sources: [
            ...demoSources.sources,
            {
              id: 'vijandig',
              type: 'wms',
              title: 'Wisselvallige dienst',
              url: new URL('soak-wms', server.url).href,
              layer: 'bodem',
              retries: 0,
              timeoutMs: 600,
              properties: { soilCode: 'code' },
            },
          ],
        }),
      }),
    );
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(new URL('index.html', server.url).href);
    await page.waitForFunction(() => {
      const el = document.querySelector('na-location-check');
      return el !== null && el.activeViewer !== undefined && el.state !== 'loading';
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const measure = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      const dom = await cdp.send('Memory.getDOMCounters');
      return { heap: usedSize, nodes: dom.nodes, listeners: dom.jsEventListeners };
    };
    const points = JSON.parse(
      readFileSync(resolve(root, 'demo/data/locations.json'), 'utf8'),
    ).locations.filter((l) => l.expect?.zone);
    const check = (p) =>
      page.evaluate(async ({ x, y }) => {
        const el = document.querySelector('na-location-check');
        await el.check({ x, y, crs: 'EPSG:28992' });
        return el.state;
      }, p);
    // Warm-up: the first reports (knowledge base, sources, fonts) are not a leak.
    for (let i = 0; i < Math.min(16, checks); i++) await check(points[i % points.length]);
    const start = await measure();
    const states = new Map();
    const startedAt = Date.now();
    for (let i = 0; i < checks; i++) {
      const p = points[i % points.length];
      let state;
      if (i % 10 === 9) {
        // A real click in the middle of the map, centred on the point first.
        await page.evaluate(async ({ x, y }) => {
          const el = document.querySelector('na-location-check');
          el.activeViewer.centerOn({ x, y, crs: 'EPSG:28992' });
          await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        }, p);
        const box = await page.locator('.ol-viewport').first().boundingBox();
        if (box === null) throw new Error('soak (widget): the demo map has no viewport');
        const ready = page.evaluate(
          () =>
            new Promise((r) => {
              const el = document.querySelector('na-location-check');
              const t = setTimeout(() => r('no answer to a click within 10 s'), 10_000);
              // Both listeners go when either fires (a `once` listener of the event that did not
              // come would stay: one listener per click, counted as the page's own).
              const stop = new AbortController();
              const done = () => {
                clearTimeout(t);
                stop.abort();
                r(`${el.state} (click)`);
              };
              el.addEventListener('na-report-ready', done, { signal: stop.signal });
              el.addEventListener('na-report-error', done, { signal: stop.signal });
            }),
        );
        await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
        state = await ready;
      } else {
        state = await check(p);
      }
      states.set(state, (states.get(state) ?? 0) + 1);
      if ((i + 1) % 100 === 0) log(`soak (widget): ${i + 1} / ${checks} checks`);
      if ((i + 1) % 1000 === 0) {
        // A reading on the way: a run stopped early still shows whether memory and listeners grew.
        const now = await measure();
        log(
          `soak (widget): after ${i + 1} checks: heap ${(now.heap / 1048576).toFixed(1)} MB, ` +
            `${now.nodes} DOM nodes, ${now.listeners} listeners ` +
            `(start ${(start.heap / 1048576).toFixed(1)} MB, ${start.nodes}, ${start.listeners})`,
        );
      }
    }
    const seconds = (Date.now() - startedAt) / 1000;
    const end = await measure();
    const mb = (b) => `${(b / 1024 / 1024).toFixed(1)} MB`;
    const rows = [
      ['checks (every 10th a real click)', String(checks)],
      ['time', `${seconds.toFixed(1)} s (${(checks / seconds).toFixed(1)} checks/s)`],
      ['outcomes', [...states].map(([k, v]) => `${k} ${v}`).join(', ')],
      ['service answers', [...counts].map(([k, v]) => `${k} ${v}`).join(', ')],
      ['JS heap after GC, start / end', `${mb(start.heap)} / ${mb(end.heap)}`],
      ['DOM nodes, start / end', `${start.nodes} / ${end.nodes}`],
      ['JS event listeners, start / end', `${start.listeners} / ${end.listeners}`],
      ['page errors', String(errors.length)],
    ];
    const grew =
      end.heap > start.heap * 1.5 + 8 * 1024 * 1024 ||
      end.listeners > start.listeners + 50 ||
      end.nodes > start.nodes + 50;
    return { rows, ok: !grew && errors.length === 0, errors };
  } finally {
    await browser.close();
    await server.close();
  }
}

function printTable(rows) {
  const w = Math.max(...rows.map((r) => r[0].length));
  console.log(`| ${'measure'.padEnd(w)} | value |`);
  console.log(`| ${'-'.repeat(w)} | ----- |`);
  for (const [k, v] of rows) console.log(`| ${k.padEnd(w)} | ${v} |`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--checks');
  const checks = i > 0 ? Number(process.argv[i + 1]) : 150;
  const { rows, ok, errors } = await soakWidget({ checks });
  printTable(rows);
  for (const e of errors.slice(0, 5)) console.log(`page error: ${e}`);
  console.log(ok ? 'soak (widget): flat memory and listeners' : 'FAIL: the widget soak grew');
  process.exit(ok ? 0 : 1);
}

export { printTable };
