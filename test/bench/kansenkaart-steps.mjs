/**
 * What a user does with the kansenkaart page of the demo, one step at a time, for the bench
 * (kansenkaart-main-thread.bench.mjs) and the trace script (scripts/trace-kansenkaart.mjs): all on
 * the page's own `<na-kansenkaart-layer id="kansen">` (one element, one Worker that loaded and
 * indexed the sources once, at page load), never a second element next to it.
 *
 * - `pan`: the view moves by half its width (east, then back west) → moveend → a new computation
 *   of the view (about 19,000 cells of 25 m) → drawn;
 * - `zoom`: the view zooms out one level → a computation of four times the area; afterwards (not
 *   measured) back in;
 * - `action`: the next question/action is chosen → the image and the legend change (no new
 *   computation);
 * - `coverage`: the element's `area` becomes `coverage` (the demo's whole 10 × 8 km, 128,000
 *   cells) → computed → drawn; afterwards (not measured) back to `view`.
 *
 * A step is measured from its start until the map has drawn its result (a frame after the element
 * is ready): every main-thread long task (wall time, `PerformanceObserver`) in that time.
 */
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../helpers/chromium.mjs';

export const STEPS = ['pan', 'zoom', 'action', 'coverage'];

export { CHROMIUM_ARGS, CHROMIUM_PATH };

/**
 * Opens the demo's kansenkaart page (with `worker` false: without Workers, so the element computes
 * on the main thread in steps) and waits until its element has drawn the first view.
 * @param {import('playwright-core').Browser} browser
 * @param {string} url the demo server's url
 * @param {boolean} worker
 */
export async function openKansenkaartPage(browser, url, worker) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  if (!worker)
    await page.addInitScript(() => {
      window.Worker = undefined;
    });
  await page.goto(`${url}kansenkaart.html`);
  await page.waitForFunction(() => document.querySelector('#kansen')?.state === 'ready', null, {
    timeout: 120000,
  });
  await settle(page);
  return page;
}

/** Two frames and a task with nothing asked of the page. */
async function settle(page) {
  await page.evaluate(
    () =>
      new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r)))),
  );
}

/**
 * Does `step` (round 1, 2, …: pan alternates its direction) on the page and returns
 * `{ step, mode, state, wall, tasks, cells, units }`: `wall` ms from the start until drawn,
 * `tasks` the wall durations (ms) of the main-thread long tasks in that time.
 * @param {import('playwright-core').Page} page
 * @param {string} step one of {@link STEPS}
 * @param {number} round
 */
export async function runStep(page, step, round) {
  const result = await page.evaluate(
    async ({ step, round }) => {
      const el = document.querySelector('#kansen');
      const map = window.__naDemo.maps.kansenkaart;
      const view = map.getView();
      const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const computed = async () => {
        while (el.state !== 'ready' && el.state !== 'error') await el.whenComputed();
      };
      const tasks = [];
      const observer = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) tasks.push(e.duration);
      });
      observer.observe({ type: 'longtask' });
      const t0 = performance.now();
      if (step === 'pan' || step === 'zoom') {
        const moved = new Promise((r) => map.once('moveend', r));
        const there = round % 2 === 1;
        if (step === 'pan') {
          const [x, y] = view.getCenter();
          const half = (map.getSize()[0] * view.getResolution()) / 2;
          view.setCenter([x + (there ? half : -half), y]);
        } else view.setResolution(view.getResolution() * 2);
        await moved;
        await computed();
      } else if (step === 'action') {
        const actions = ['infiltreren', 'vasthouden', 'bergen', 'koelen'];
        el.action = actions[round % actions.length];
        await el.updateComplete;
      } else if (step === 'coverage') {
        el.area = 'coverage';
        await el.updateComplete;
        await computed();
      }
      await frame();
      const wall = performance.now() - t0;
      for (const e of observer.takeRecords()) tasks.push(e.duration);
      observer.disconnect();
      return {
        step,
        mode: el.computeMode,
        state: el.state,
        wall,
        tasks,
        cells: el.kansenkaart?.cells ?? 0,
        units: el.kansenkaart?.units.length ?? 0,
      };
    },
    { step, round },
  );
  return result;
}

/**
 * After `step` (not measured): the element back on the view (after `coverage`), the view zoomed
 * back in (after `zoom`), and the page at rest again.
 * @param {import('playwright-core').Page} page
 * @param {string} step
 */
export async function afterStep(page, step) {
  if (step === 'coverage' || step === 'zoom')
    await page.evaluate(async (step) => {
      const el = document.querySelector('#kansen');
      const map = window.__naDemo.maps.kansenkaart;
      if (step === 'coverage') {
        el.area = 'view';
        await el.updateComplete;
      } else {
        const moved = new Promise((r) => map.once('moveend', r));
        map.getView().setResolution(map.getView().getResolution() / 2);
        await moved;
      }
      while (el.state !== 'ready' && el.state !== 'error') await el.whenComputed();
    }, step);
  await settle(page);
}
