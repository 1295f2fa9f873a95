/**
 * Kansenkaart in the browser (issue #14): the kansenkaart page of the demo (production build,
 * strict CSP) in Chromium computes (1) the map's view, as the page does, and (2) the demo's whole
 * coverage (10 × 8 km, 128,000 cells of 25 m) with a new `<na-kansenkaart-layer>`, in its module
 * Worker and on the main thread (the fallback in steps, as when the page has no Worker), in the
 * same run. A
 * `PerformanceObserver` for long tasks records every main-thread task over 50 ms from the start
 * until the units are drawn, and a Chromium trace the thread (CPU) time of every main-thread task
 * (the machine's load stretches wall time, not thread time); printed, not asserted. Goal: no task
 * over 50 ms with the Worker.
 * Run through `npm run bench -- kansenkaart-main` (scripts/bench.mjs); builds the demo first.
 */
import { chromium } from 'playwright-core';
import { startDemoServer } from '../../scripts/demo-server.mjs';
import { mainThreadTaskCpu } from './helpers.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ROUNDS = 2;

/** In the page: a new element computing the coverage; the long tasks until it is drawn. */
async function measure(page, worker, area) {
  return page.evaluate(
    async ({ worker, area }) => {
      if (!worker) window.Worker = undefined;
      const tasks = [];
      const observer = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) tasks.push(e.duration);
      });
      observer.observe({ type: 'longtask' });
      const t0 = performance.now();
      const el = document.createElement('na-kansenkaart-layer');
      el.map = window.__naDemo.maps.kansenkaart;
      el.setAttribute('sources', 'data/sources.json');
      el.setAttribute('area', area);
      document.body.append(el);
      while (el.state !== 'ready' && el.state !== 'error') await el.whenComputed();
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const wall = performance.now() - t0;
      for (const e of observer.takeRecords()) tasks.push(e.duration);
      observer.disconnect();
      const result = {
        mode: el.computeMode,
        state: el.state,
        wall,
        tasks,
        cells: el.kansenkaart?.cells ?? 0,
        units: el.kansenkaart?.units.length ?? 0,
      };
      el.remove();
      return result;
    },
    { worker, area },
  );
}

function summary(area, runs, context) {
  const fmt = (r) =>
    `${area}, ${r.mode} (${r.state}, ${r.cells} cells, ${r.units} units): ${r.wall.toFixed(0)} ms, ` +
    `long tasks ${r.tasks.length} (max ${Math.max(0, ...r.tasks).toFixed(0)} ms wall); ` +
    `longest task in CPU time ${(r.cpu[0] ?? 0).toFixed(0)} ms, tasks over 50 ms CPU ` +
    `${r.cpu.filter((c) => c > 50).length}`;
  for (const r of [...runs.worker, ...runs.main]) context.log(fmt(r));
  const worst = (list) => Math.max(0, ...list.flatMap((r) => r.tasks));
  const total = (list) => list.flatMap((r) => r.tasks).reduce((a, b) => a + b, 0);
  const wall = (list) => list.reduce((a, r) => a + r.wall, 0) / list.length;
  const w = worst(runs.worker);
  const m = worst(runs.main);
  const cpu = (list) => Math.max(0, ...list.map((r) => r.cpu[0] ?? 0));
  const wc = cpu(runs.worker);
  const r0 = runs.worker[0];
  return (
    `kansenkaart in the browser, ${area} (${r0?.cells} cells, ${r0?.units} units): longest ` +
    `main-thread task with the Worker ${wc.toFixed(0)} ms CPU (${wc > 50 ? 'OVER' : 'within'} ` +
    `50 ms; ${w.toFixed(0)} ms wall time on this machine's load), ` +
    `fallback ${cpu(runs.main).toFixed(0)} ms CPU; ` +
    `wall: fallback ${m.toFixed(0)} ms; long-task time Worker/main ` +
    `${(total(runs.worker) / Math.max(1, total(runs.main))).toFixed(2)}; wall time Worker/main ` +
    `${(wall(runs.worker) / Math.max(1, wall(runs.main))).toFixed(2)}`
  );
}

export default async function kansenkaartMainThread(context) {
  const server = await startDemoServer({ port: 0, quiet: true });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  try {
    const lines = [];
    for (const area of ['view', 'coverage']) {
      const runs = { worker: [], main: [] };
      for (const worker of [true, false]) {
        // A fresh page per mode: the main-thread runs take the page's Worker constructor away.
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        await page.goto(`${server.url}kansenkaart.html`);
        // The page's own element computes its view first (loads the code and the data).
        await page.waitForFunction(
          () => document.querySelector('na-kansenkaart-layer')?.state === 'ready',
          null,
          { timeout: 60000 },
        );
        for (let round = 1; round <= ROUNDS; round++) {
          // Traced: the thread (CPU) time of each main-thread task besides its wall time.
          let r;
          const cpu = await mainThreadTaskCpu(page, async () => {
            r = await measure(page, worker, area);
          });
          r.cpu = cpu;
          runs[worker ? 'worker' : 'main'].push(r);
        }
        await page.close();
      }
      lines.push(summary(area, runs, context));
    }
    return lines;
  } finally {
    await browser.close();
    await server.close();
  }
}
