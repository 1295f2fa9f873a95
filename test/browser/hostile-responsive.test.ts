/**
 * Issue #13 in Chromium: with a hostile service configured (the fault server's decompression
 * bomb, quadratic-regex exception body, 40 MB answer, slow answer), a check through
 * <na-location-check> on a real map keeps the page responsive — no long task over 200 ms on the
 * main thread from the click until the report (or its error) is on screen — and the next click
 * works. The hostile answers come from test/helpers/fault-server.ts through the dev server's
 * `/fault/` proxy (test/helpers/fault-proxy.mjs).
 *
 * The long tasks are counted by a `PerformanceObserver({ type: 'longtask' })` started after the
 * page, the map and the sources are loaded: only the check is measured. A count of tasks over
 * 200 ms is a signal of a frozen page, not a timing assertion on the check. On a heavily loaded
 * machine the OS can preempt the renderer in the middle of a short task, which then counts as
 * long: a case passes when one of two checks has no long task (a freeze caused by the answer
 * shows in both; before the yielding read, the 40 MB answer gave a 1–2.6 s task every time).
 */
import { expect } from '@open-wc/testing';
import '../../widgets/location-check/define.js';
import type { NaLocationCheck } from '../../widgets/location-check/location-check.js';
import type { FactSource, Location } from '../../src/core/types.js';
import { createSources, parseSourcesConfig, type SourceEntry } from '../../src/sources/config.js';
// The page reads its requests in the request worker (on by default).
import { requestWorkersStarted } from '../../src/sources/http-worker.js';
import { centreOn, makeMap, realClick, type TestMap } from './helpers/map.js';

const LONG_TASK_MS = 200;
const DEMO_SOURCES = '/demo/data/sources.json';
const DEMO_POINT: Location = { x: 192000, y: 445000, crs: 'EPSG:28992' };
/** Inside the fault server's bomb GeoTIFF (origin 150000, 460000; 1 m pixels). */
const BOMB_POINT: Location = { x: 151000.5, y: 459000.5, crs: 'EPSG:28992' };

/** Sources from entries, loaded as the widget loads a sources file (paths relative to the demo). */
async function sources(entries: SourceEntry[]): Promise<FactSource[]> {
  const base = new URL(DEMO_SOURCES, location.href).href;
  const load = async (url: string): Promise<string> => {
    const r = await fetch(url);
    if (!r.ok) throw new Error(`HTTP ${r.status} for ${url}`);
    return r.text();
  };
  const config = parseSourcesConfig(JSON.stringify({ sources: entries }), 'sources.json');
  return createSources(config, { load, baseUrl: base });
}

let demoEntries: SourceEntry[] = [];
before(async () => {
  const r = await fetch(DEMO_SOURCES);
  demoEntries = ((await r.json()) as { sources: SourceEntry[] }).sources;
});

const wms = (id: string, path: string): SourceEntry =>
  ({
    id,
    type: 'wms',
    title: `Vijandige dienst ${id}`,
    url: new URL(`/fault/${path}`, location.href).href,
    layer: 'bodem',
    retries: 0,
    timeoutMs: 1500,
    properties: { soilCode: 'code' },
  }) as SourceEntry;

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c();
});

async function mount(
  center: [number, number],
  list: FactSource[],
): Promise<{ tm: TestMap; el: NaLocationCheck }> {
  const tm = makeMap({ center, width: 400, height: 300 });
  tm.map.getView().setResolution(30);
  centreOn(tm.map, center);
  const el = document.createElement('na-location-check');
  el.sources = list;
  el.map = tm.map;
  document.body.append(el);
  cleanups.push(() => {
    el.remove();
    tm.dispose();
  });
  await el.updateComplete;
  return { tm, el };
}

/** The report or the error after a real click, with the long tasks seen meanwhile. */
async function measuredClick(
  tm: TestMap,
  el: NaLocationCheck,
  at: Location,
  bound = LONG_TASK_MS,
): Promise<{ longTasks: number[]; outcome: 'ready' | 'error' }> {
  const longTasks: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push(Math.round(e.duration));
  });
  observer.observe({ type: 'longtask' });
  try {
    const outcome = await new Promise<'ready' | 'error'>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no report within 20 s')), 20_000);
      const done = (o: 'ready' | 'error') => () => {
        clearTimeout(timer);
        resolve(o);
      };
      el.addEventListener('na-report-ready', done('ready'), { once: true });
      el.addEventListener('na-report-error', done('error'), { once: true });
      realClick(tm.map, at);
    });
    await el.updateComplete;
    // Two frames: the report is painted.
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    for (const e of observer.takeRecords()) longTasks.push(Math.round(e.duration));
    return { longTasks: longTasks.filter((d) => d > bound), outcome };
  } finally {
    observer.disconnect();
  }
}

describe('a hostile service does not freeze the page (issue #13)', () => {
  // The 40 MB answer: before the request worker, reading it up to the 16 MiB limit on the main
  // thread gave 220–280 ms tasks (0.5–2.6 s before the yielding read loop). A Chromium trace named
  // them: SimpleWatcher::OnHandleReady, the browser's own loading of the fetch body on the thread
  // that made the request, which no yielding in our loop can split. The request and its body are
  // now read in a worker (src/sources/http-worker.ts), and the bound is the same for every case.
  for (const [name, path] of [
    ['quadratic-regex exception body (900 kB)', 'redos'],
    ['40 MB answer (over the 16 MiB limit)', 'huge?mb=40'],
    ['slow answer (past the time budget)', 'slow?ms=4000'],
    ['terminal escapes, 100 kB exception text', 'ansi'],
  ] as const) {
    it(`${name}: no long task over ${LONG_TASK_MS} ms, the source is reported failed, the next click works`, async () => {
      const list = await sources([...demoEntries, wms('vijandig', path)]);
      const { tm, el } = await mount([DEMO_POINT.x, DEMO_POINT.y], list);
      // Warm up once (first render of a report, the knowledge base): not measured.
      const warm = await measuredClick(tm, el, { ...DEMO_POINT, x: DEMO_POINT.x + 150 });
      expect(warm.outcome).to.equal('ready');
      const seen: number[][] = [];
      for (const at of [DEMO_POINT, { ...DEMO_POINT, x: DEMO_POINT.x - 150 }]) {
        const { longTasks, outcome } = await measuredClick(tm, el, at);
        expect(outcome).to.equal('ready');
        expect(el.state).to.equal('partial');
        const failed = el.shadowRoot?.querySelector('[part~="warning"]')?.textContent ?? '';
        expect(failed).to.contain('Vijandige dienst vijandig');
        // The hostile answer was read in the request worker, not on the page's main thread.
        expect(requestWorkersStarted()).to.equal(1);
        seen.push(longTasks);
        if (longTasks.length === 0) break;
      }
      // A freeze caused by the hostile answer shows in every check; a second check is made only
      // when the first had a long task, so that one preemption of a loaded machine is not a failure.
      expect(
        seen.some((l) => l.length === 0),
        `long tasks (ms) per check: ${seen.map((l) => `[${l.join(', ')}]`).join(' ')}`,
      ).to.equal(true);
      // The next click works: a healthy-only check on the same widget.
      el.sources = await sources(demoEntries);
      await el.updateComplete;
      const next = await measuredClick(tm, el, { ...DEMO_POINT, y: DEMO_POINT.y + 150 });
      expect(next.outcome).to.equal('ready');
      expect(el.state).to.equal('report');
    });
  }

  it('a GeoTIFF decompression bomb: too-large, not decoded, no long task', async () => {
    const list = await sources([
      {
        id: 'bom',
        type: 'geotiff',
        title: 'Bom-raster',
        url: new URL('/fault/bomb.tif', location.href).href,
        properties: { elevation: 1 },
        retries: 0,
      } as unknown as SourceEntry,
    ]);
    const { tm, el } = await mount([BOMB_POINT.x, BOMB_POINT.y], list);
    const reports: unknown[] = [];
    el.addEventListener('na-report-error', (e) => reports.push((e as CustomEvent).detail));
    const { longTasks, outcome } = await measuredClick(tm, el, BOMB_POINT);
    expect(outcome).to.equal('error');
    const detail = reports[0] as { code: string; message: string };
    expect(detail.code).to.equal('all-sources-failed');
    expect(detail.message).to.contain('maxDecodedBytes');
    expect(longTasks, `long tasks (ms): ${longTasks.join(', ')}`).to.deep.equal([]);
  });
});
