#!/usr/bin/env node
// Issue #14 diagnostic (not in CI): main-thread CPU of `<na-kansenkaart-layer>` on the demo's
// kansenkaart page (production build, strict CSP) while a user pans, zooms, picks another action
// or shows the whole coverage (test/bench/kansenkaart-steps.mjs, the same steps as the bench), in
// its Worker (or with --main the fallback on the main thread). A Chromium trace (devtools.timeline)
// gives each main-thread task's thread time (`tdur`), which a loaded machine's preemption does not
// inflate, unlike the long-task durations of the bench; listed in time order with what they hold.
// With --profile a CPU profile of the same runs names the functions that take the time.
//
//   node scripts/trace-kansenkaart.mjs [--step pan|zoom|action|coverage] [--runs 2] [--main]
//                                      [--min 2] [--profile] [--no-build]
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startDemoServer } from './demo-server.mjs';
import {
  afterStep,
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  openKansenkaartPage,
  runStep,
} from '../test/bench/kansenkaart-steps.mjs';

const argOf = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const STEP = argOf('--step', 'coverage');
const RUNS = Number(argOf('--runs', 2));
const MIN = Number(argOf('--min', 2));
const PROFILE = process.argv.includes('--profile');
const server = await startDemoServer({
  port: 0,
  quiet: true,
  build: !process.argv.includes('--no-build'),
});
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const page = await openKansenkaartPage(browser, server.url, !process.argv.includes('--main'));

await runStep(page, STEP, 0); // warm up: this step's code paths once
await afterStep(page, STEP);
const cdp = await page.context().newCDPSession(page);
const events = [];
cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
if (PROFILE) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
}
await cdp.send('Tracing.start', {
  categories: 'devtools.timeline,toplevel,v8,disabled-by-default-devtools.timeline',
  transferMode: 'ReportEvents',
});
const outcomes = [];
for (let i = 1; i <= RUNS; i++) {
  outcomes.push(await runStep(page, STEP, i));
  await afterStep(page, STEP);
}
await cdp.send('Tracing.end');
await done;
const { profile } = PROFILE ? await cdp.send('Profiler.stop') : { profile: undefined };
if (PROFILE) {
  const file = join(mkdtempSync(join(tmpdir(), 'kansenkaart-trace-')), 'profile.cpuprofile');
  writeFileSync(file, JSON.stringify(profile));
  console.log(`CPU profile: ${file}`);
}

const main = new Set(
  events
    .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
    .map((e) => `${e.pid}:${e.tid}`),
);
const onMain = events.filter((e) => main.has(`${e.pid}:${e.tid}`) && e.ph === 'X');
const tasks = onMain.filter((e) => e.name === 'RunTask').sort((a, b) => a.ts - b.ts);
const byCpu = [...tasks].sort((a, b) => (b.tdur ?? 0) - (a.tdur ?? 0));
console.log(
  `step ${STEP}, ${RUNS} runs: ` +
    outcomes
      .map(
        (o) =>
          `${o.mode} ${o.state} ${o.cells} cells ${o.wall.toFixed(0)} ms, long tasks ` +
          `[${o.tasks.map((t) => t.toFixed(0)).join(', ')}]`,
      )
      .join('; '),
);
console.log(
  `main-thread CPU per run ${(tasks.reduce((a, t) => a + (t.tdur ?? 0), 0) / 1000 / RUNS).toFixed(1)} ms; ` +
    `longest tasks (CPU ms): ${byCpu
      .slice(0, 8)
      .map((t) => (t.tdur / 1000).toFixed(1))
      .join(', ')}`,
);

/** What a task holds: its events by name with thread time, and the JS functions it called. */
function contents(t) {
  const kids = onMain.filter(
    (e) => e !== t && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + t.dur && e.name !== 'RunTask',
  );
  const by = new Map();
  for (const k of kids) by.set(k.name, (by.get(k.name) ?? 0) + (k.tdur ?? 0) / 1000);
  const calls = kids
    .filter(
      (k) => k.name === 'FunctionCall' || k.name === 'EventDispatch' || k.name === 'TimerFire',
    )
    .map((k) => {
      const d = k.args?.data ?? {};
      const what = d.functionName || d.type || k.name;
      return `${what}${d.url ? `@${d.url.split('/').pop()}:${d.lineNumber}` : ''} ${((k.tdur ?? 0) / 1000).toFixed(1)}`;
    })
    .slice(0, 4);
  return (
    [...by]
      .filter(([n]) => !n.startsWith('ThreadController'))
      .sort((a, b) => b[1] - a[1])
      .slice(0, 6)
      .map(([n, ms]) => `${n} ${ms.toFixed(1)}`)
      .join(', ') + (calls.length ? ` | ${calls.join(', ')}` : '')
  );
}
console.log(`main-thread tasks of at least ${MIN} ms CPU, in time order (CPU / wall ms):`);
const t0 = tasks[0]?.ts ?? 0;
for (const t of tasks.filter((t) => (t.tdur ?? 0) / 1000 >= MIN))
  console.log(
    `  +${((t.ts - t0) / 1000).toFixed(0).padStart(6)} ms  ${(t.tdur / 1000).toFixed(1).padStart(5)} / ` +
      `${(t.dur / 1000).toFixed(1).padStart(5)}  ${contents(t)}`,
  );

// With a profile: the functions (self time) inside each of the longest tasks, and overall.
if (PROFILE) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  let t = profile.startTime;
  const stamps = profile.timeDeltas.map((d) => (t += d));
  const key = (c) =>
    `${c.functionName || '(anon)'}@${c.url.split('/').pop()}:${c.lineNumber}:${c.columnNumber}`;
  for (const task of byCpu.slice(0, 5)) {
    const self = new Map();
    profile.samples.forEach((id, i) => {
      if (stamps[i] < task.ts || stamps[i] > task.ts + task.dur) return;
      const k = key(byId.get(id).callFrame);
      self.set(k, (self.get(k) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
    });
    console.log(
      `  in task ${(task.tdur / 1000).toFixed(1)} ms: ` +
        [...self]
          .filter(([k]) => !k.startsWith('(idle)'))
          .sort((a, b) => b[1] - a[1])
          .slice(0, 10)
          .map(([k, ms]) => `${k} ${ms.toFixed(1)}`)
          .join(', '),
    );
  }
  const self = new Map();
  profile.samples.forEach((id, i) => {
    const k = key(byId.get(id).callFrame);
    self.set(k, (self.get(k) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  console.log('top self time (ms, all runs):');
  for (const [k, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25))
    console.log(`  ${ms.toFixed(1)}  ${k}`);
}
await browser.close();
await server.close();
