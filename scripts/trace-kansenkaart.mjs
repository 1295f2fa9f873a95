#!/usr/bin/env node
// Issue #14 diagnostic (not in CI): main-thread CPU of `<na-kansenkaart-layer>` computing in its
// Worker, on the demo's kansenkaart page (production build, strict CSP). A Chromium trace
// (devtools.timeline) gives each main-thread task's thread time (`tdur`), which a loaded machine's
// preemption does not inflate, unlike the long-task durations of the bench; a CPU profile of the
// same run names the functions that take the time.
//
//   node scripts/trace-kansenkaart.mjs [--area view|coverage] [--runs 2] [--no-build]
import { writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { startDemoServer } from './demo-server.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/helpers/chromium.mjs';

const argOf = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const AREA = argOf('--area', 'view');
const RUNS = Number(argOf('--runs', 2));
const server = await startDemoServer({
  port: 0,
  quiet: true,
  build: !process.argv.includes('--no-build'),
});
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(`${server.url}kansenkaart.html`);
await page.waitForFunction(
  () => document.querySelector('na-kansenkaart-layer')?.state === 'ready',
  null,
  { timeout: 120000 },
);

const run = (area) =>
  page.evaluate(async (area) => {
    const el = document.createElement('na-kansenkaart-layer');
    el.map = window.__naDemo.maps.kansenkaart;
    el.setAttribute('sources', 'data/sources.json');
    el.setAttribute('area', area);
    document.body.append(el);
    while (el.state !== 'ready' && el.state !== 'error') await el.whenComputed();
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const out = { state: el.state, mode: el.computeMode, units: el.kansenkaart?.units.length };
    el.remove();
    return out;
  }, area);

await run(AREA); // warm up: code and data loaded, the Worker started
const cdp = await page.context().newCDPSession(page);
const events = [];
cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
const PROFILE = process.argv.includes('--profile');
if (PROFILE) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
}
await cdp.send('Tracing.start', {
  categories: 'devtools.timeline,toplevel,v8,disabled-by-default-devtools.timeline',
  transferMode: 'ReportEvents',
});
if (PROFILE) await cdp.send('Profiler.start');
const outcomes = [];
for (let i = 0; i < RUNS; i++) outcomes.push(await run(AREA));
const { profile } = PROFILE ? await cdp.send('Profiler.stop') : { profile: undefined };
await cdp.send('Tracing.end');
await done;
if (PROFILE) writeFileSync('/tmp/kt/profile.cpuprofile', JSON.stringify(profile));

const main = new Set(
  events
    .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
    .map((e) => `${e.pid}:${e.tid}`),
);
const onMain = events.filter((e) => main.has(`${e.pid}:${e.tid}`) && e.ph === 'X');
const tasks = onMain
  .filter((e) => e.name === 'RunTask')
  .sort((a, b) => (b.tdur ?? 0) - (a.tdur ?? 0));
console.log(`area ${AREA}, ${RUNS} runs: ${JSON.stringify(outcomes)}`);
console.log(
  `main-thread CPU per run ${(tasks.reduce((a, t) => a + (t.tdur ?? 0), 0) / 1000 / RUNS).toFixed(1)} ms; ` +
    `longest tasks (CPU ms): ${tasks
      .slice(0, 8)
      .map((t) => (t.tdur / 1000).toFixed(1))
      .join(', ')}`,
);
// Requests made during the runs (any thread), with the thread that made them.
const threadName = new Map(
  events.filter((e) => e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args?.name]),
);
for (const e of events.filter((e) => e.name === 'ResourceSendRequest'))
  console.log(`  request ${e.args?.data?.url} on ${threadName.get(`${e.pid}:${e.tid}`) ?? e.tid}`);
// What the longest tasks hold: their direct children by name with thread time.
for (const t of tasks.slice(0, 4)) {
  const kids = onMain.filter(
    (e) => e !== t && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + t.dur && e.name !== 'RunTask',
  );
  const by = new Map();
  for (const k of kids) by.set(k.name, (by.get(k.name) ?? 0) + (k.tdur ?? 0) / 1000);
  console.log(
    `  task ${(t.tdur / 1000).toFixed(1)} ms: ` +
      [...by]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 8)
        .map(([n, ms]) => `${n} ${ms.toFixed(1)}`)
        .join(', '),
  );
}
// With a profile: the functions (self time) inside each of the longest tasks.
if (PROFILE) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  let t = profile.startTime;
  const stamps = profile.timeDeltas.map((d) => (t += d));
  for (const task of tasks.slice(0, 5)) {
    const self = new Map();
    profile.samples.forEach((id, i) => {
      if (stamps[i] < task.ts || stamps[i] > task.ts + task.dur) return;
      const c = byId.get(id).callFrame;
      const key = `${c.functionName || '(anon)'}@${c.url.split('/').pop()}:${c.lineNumber}:${c.columnNumber}`;
      self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
    });
    console.log(
      `  in task ${(task.tdur / 1000).toFixed(1)} ms: ` +
        [...self]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 10)
          .map(([k, ms]) => `${k} ${ms.toFixed(1)}`)
          .join(', '),
    );
  }
}
// CPU profile: self time by function (main thread only: the page's target).
if (PROFILE) printProfile(profile);
function printProfile(profile) {
  const self = new Map();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i++) {
    const n = byId.get(profile.samples[i]);
    const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
  }
  console.log('top self time (ms, all runs):');
  for (const [k, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25))
    console.log(`  ${ms.toFixed(1)}  ${k}`);
}
await browser.close();
await server.close();
