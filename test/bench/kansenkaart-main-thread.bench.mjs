/**
 * Kansenkaart in the browser (issue #14): how busy the main thread is while a user works with the
 * kansenkaart page of the demo (production build, strict CSP) in Chromium. One page, its own
 * `<na-kansenkaart-layer>` (one element, one Worker that loaded and indexed the sources once, at
 * page load); the steps of kansenkaart-steps.mjs: pan (a new view computed, ~19,000 cells), zoom
 * out and in (four times the area), another action (no computation: image and legend), and the
 * whole coverage (128,000 cells). Each step ROUNDS times, with the Worker and, on a page without
 * Workers, with the main-thread fallback (in steps), in the same run.
 *
 * Per step, from its start until the map has drawn the result: the main-thread long tasks (wall
 * time, `PerformanceObserver`; stretched by the machine's load, as a user would feel them), and
 * from a Chromium trace the thread (CPU) time of every main-thread task (not stretched by the
 * load). Printed, not asserted. Goal: no task over 50 ms with the Worker, i.e. the longest
 * main-thread task well under 25 ms CPU (on 2 cores the Worker and Chromium's raster threads
 * share the machine with the main thread, so wall time is about twice the CPU time when idle).
 *
 * `BENCH_BASELINE=/path/to/another/checkout` (its demo built: `demo/dist`) runs the same steps on
 * that checkout's demo too, in the same run, page after page, for a before/after comparison.
 * Run through `npm run bench -- kansenkaart-main` (scripts/bench.mjs); builds the demo first.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startDemoServer } from '../../scripts/demo-server.mjs';
import { mainThreadTaskCpu } from './helpers.mjs';
import {
  afterStep,
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  openKansenkaartPage,
  runStep,
  STEPS,
} from './kansenkaart-steps.mjs';

const ROUNDS = 3;

/** Every step ROUNDS times on one page of `url`; per step its runs (with `cpu`, longest first). */
async function measurePage(browser, url, worker) {
  const page = await openKansenkaartPage(browser, url, worker);
  const runs = Object.fromEntries(STEPS.map((s) => [s, []]));
  try {
    await runStep(page, 'coverage', 0); // warm up: every code path once
    await afterStep(page, 'coverage');
    for (let round = 1; round <= ROUNDS; round++)
      for (const step of STEPS) {
        let r;
        const cpu = await mainThreadTaskCpu(page, async () => {
          r = await runStep(page, step, round);
        });
        r.cpu = cpu;
        runs[step].push(r);
        await afterStep(page, step);
      }
  } finally {
    await page.close();
  }
  return runs;
}

const longestCpu = (list) => Math.max(0, ...list.map((r) => r.cpu[0] ?? 0));
const longestWall = (list) => Math.max(0, ...list.flatMap((r) => r.tasks));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

function line(label, step, list) {
  const r0 = list[0];
  return (
    `${label} ${step} (${r0.mode}, ${r0.cells} cells, ${r0.units} units): longest main-thread ` +
    `task ${longestCpu(list).toFixed(1)} ms CPU (per round ${list.map((r) => (r.cpu[0] ?? 0).toFixed(1)).join(', ')}), ` +
    `long tasks (wall) ${list.map((r) => r.tasks.length).join('/')} per round, max ` +
    `${longestWall(list).toFixed(0)} ms; step ${median(list.map((r) => r.wall)).toFixed(0)} ms (median)`
  );
}

export default async function kansenkaartMainThread(context) {
  const baseline = process.env.BENCH_BASELINE;
  const server = await startDemoServer({ port: 0, quiet: true });
  const base = baseline
    ? await (
        await import(join(baseline, 'scripts/demo-server.mjs'))
      ).startDemoServer({ port: 0, quiet: true, build: false })
    : undefined;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  try {
    const lines = [`load average at the start ${load()}`];
    const builds = [['this', server.url], ...(base ? [['baseline', base.url]] : [])];
    for (const worker of [true, false]) {
      const results = [];
      // Alternating builds page by page: both see the same load.
      for (const [label, url] of builds)
        results.push([label, await measurePage(browser, url, worker)]);
      for (const step of STEPS)
        for (const [label, runs] of results) {
          const text = line(label, step, runs[step]);
          context.log(text);
          lines.push(text);
        }
      const worst = results.map(
        ([label, runs]) =>
          `${label} ${Math.max(...STEPS.map((s) => longestCpu(runs[s]))).toFixed(1)} ms CPU / ` +
          `${Math.max(...STEPS.map((s) => longestWall(runs[s]))).toFixed(0)} ms wall`,
      );
      lines.push(
        `${worker ? 'Worker' : 'main-thread fallback'}: longest main-thread task over all steps: ` +
          `${worst.join('; ')} (goal with the Worker: under 50 ms wall)`,
      );
    }
    lines.push(`load average at the end ${load()}`);
    return lines;
  } finally {
    await browser.close();
    await server.close();
    await base?.close();
  }
}
