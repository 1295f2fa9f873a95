/**
 * Nothing heavy on the main thread (#11): the scenarios page of the demo (production build, strict
 * CSP) in Chromium compares the three demo scenarios again (new parameters), once with the
 * comparison in the module Worker and once on the main thread (the fallback in steps, as when the
 * page has no Worker), in the same run. A `PerformanceObserver` for long tasks records every main
 * thread task over 50 ms from the change until the new result is rendered; printed, not asserted.
 * Run through `npm run bench` (scripts/bench.mjs); builds the demo with Vite first.
 */
import { chromium } from 'playwright-core';
import { startDemoServer } from '../../scripts/demo-server.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ROUNDS = 3;

/** In the page: change the parameters of `el` and collect the long tasks until it has rendered. */
async function measure(page, selector, round) {
  return page.evaluate(
    async ({ selector, round }) => {
      const el = document.querySelector(selector);
      await el.whenComputed();
      const tasks = [];
      const observer = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) tasks.push(e.duration);
      });
      observer.observe({ type: 'longtask' });
      const t0 = performance.now();
      el.params = { sewerCapacityMmH: { value: 20 + round, source: 'bench', tag: 'U' } };
      await el.whenComputed();
      await el.updateComplete;
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const wall = performance.now() - t0;
      for (const e of observer.takeRecords()) tasks.push(e.duration);
      observer.disconnect();
      return { mode: el.computeMode, wall, tasks };
    },
    { selector, round },
  );
}

export default async function mainThread(context) {
  const server = await startDemoServer({ port: 0, quiet: true });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.url}scenarios.html`);
    await page.waitForFunction(() => customElements.get('na-scenario-compare') !== undefined);
    // A second element on the same page without a Worker: the main-thread fallback. Its runner is
    // made while `Worker` is hidden (a runner made without Worker stays on the main thread); the
    // global comes back at once, so the first element can still start (and restart) its worker.
    await page.evaluate(() => {
      const first = document.querySelector('na-scenario-compare');
      const OwnWorker = window.Worker;
      window.Worker = undefined;
      const second = document.createElement('na-scenario-compare');
      window.Worker = OwnWorker;
      second.id = 'no-worker';
      second.setAttribute('sources', first.getAttribute('sources'));
      second.setAttribute('scenarios', first.getAttribute('scenarios'));
      first.after(second);
    });
    // Both loaded and compared once before anything is measured.
    await page.evaluate(() =>
      Promise.all(
        [...document.querySelectorAll('na-scenario-compare')].map((e) => e.whenComputed()),
      ),
    );
    const runs = { worker: [], main: [] };
    for (let round = 1; round <= ROUNDS; round++) {
      const w = await measure(page, 'na-scenario-compare:not(#no-worker)', round);
      const m = await measure(page, '#no-worker', round);
      runs.worker.push(w);
      runs.main.push(m);
      const fmt = (r) =>
        `${r.mode}: ${r.wall.toFixed(0)} ms, long tasks ${r.tasks.length} (max ${Math.max(0, ...r.tasks).toFixed(0)} ms)`;
      context.log(`round ${round}: ${fmt(w)}; ${fmt(m)}`);
    }
    if (runs.worker.some((r) => r.mode !== 'worker') || runs.main.some((r) => r.mode !== 'main')) {
      throw new Error(
        `the comparison ran in the wrong place (modes ${runs.worker.map((r) => r.mode)} / ${runs.main.map((r) => r.mode)})`,
      );
    }
    const worst = (list) => Math.max(0, ...list.flatMap((r) => r.tasks));
    const total = (list) => list.flatMap((r) => r.tasks).reduce((a, b) => a + b, 0);
    const w = worst(runs.worker);
    const m = worst(runs.main);
    return [
      `main thread, comparing the 3 demo scenarios: longest task with the Worker ${w.toFixed(0)} ms ` +
        `(${w > 50 ? 'OVER' : 'within'} 50 ms), on the main thread ${m.toFixed(0)} ms; ` +
        `long-task time Worker/main ${(total(runs.worker) / Math.max(1, total(runs.main))).toFixed(2)} ` +
        `(modes: ${runs.worker[0]?.mode} / ${runs.main[0]?.mode})`,
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}
