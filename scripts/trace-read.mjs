#!/usr/bin/env node
// Issue #13 diagnostic (not in CI): the main-thread CPU of reading a 40 MB answer up to the 16 MiB
// limit in Chromium, through `requestJson` as a source does: in the request worker (the default in
// a page) and on the main thread (a `fetchImpl` given), in the same run. A Chromium trace
// (devtools.timeline) gives each main-thread task's thread time (`tdur`), which a loaded machine's
// preemption does not inflate, unlike the long-task durations.
//
//   node scripts/trace-read.mjs [--runs 3] [--mb 40]
import { createServer } from 'node:http';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { mainThreadTaskCpu } from '../test/bench/helpers.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/helpers/chromium.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const RUNS = arg('--runs', 3);
const MB = arg('--mb', 40);

const bundle = async (entry, outName) =>
  (
    await build({
      entryPoints: [resolve(root, entry)],
      bundle: true,
      format: 'esm',
      write: false,
      target: 'es2022',
      outdir: '/',
      entryNames: outName,
    })
  ).outputFiles[0].text;
const page = await build({
  stdin: {
    contents: `import { requestJson } from './src/sources/http.ts';
      globalThis.read = async (mb, mainThread) => {
        try {
          await requestJson('/huge?mb=' + mb, { retries: 0, timeoutMs: 20000,
            ...(mainThread ? { fetchImpl: (u, i) => fetch(u, i) } : {}) });
          return 'read';
        } catch (e) { return e.code ?? String(e); }
      };`,
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  format: 'esm',
  write: false,
  target: 'es2022',
});
const worker = await bundle('src/sources/fetch.worker.ts', 'fetch.worker');
const chunk = Buffer.from(`[${'0,'.repeat(32 * 1024)}`.slice(0, 64 * 1024));
const server = createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  if (url.pathname === '/') {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    return res.end('<!doctype html><script type="module" src="/page.js"></script>');
  }
  if (url.pathname.endsWith('.js')) {
    res.writeHead(200, { 'Content-Type': 'text/javascript' });
    return res.end(url.pathname.endsWith('fetch.worker.js') ? worker : page.outputFiles[0].text);
  }
  const bytes = Number(url.searchParams.get('mb')) * 1024 * 1024;
  res.writeHead(200, { 'Content-Type': 'application/json' });
  let sent = 0;
  let closed = false;
  res.on('close', () => (closed = true));
  const pump = () => {
    while (!closed && sent < bytes) {
      sent += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    if (!closed) res.end();
  };
  pump();
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const tab = await browser.newPage();
await tab.goto(`http://127.0.0.1:${server.address().port}/`);
await tab.waitForFunction(() => typeof globalThis.read === 'function');

async function traced(mainThread) {
  await tab.evaluate(([mb, m]) => globalThis.read(mb, m), [MB, mainThread]); // warm up
  const outcomes = [];
  const cpu = await mainThreadTaskCpu(tab, async () => {
    for (let i = 0; i < RUNS; i++)
      outcomes.push(await tab.evaluate(([mb, m]) => globalThis.read(mb, m), [MB, mainThread]));
  });
  return {
    outcomes,
    cpuPerRead: cpu.reduce((a, b) => a + b, 0) / RUNS,
    longestTaskCpu: Math.max(0, ...cpu),
  };
}

const inWorker = await traced(false);
const onMain = await traced(true);
await browser.close();
server.close();
const f = (x) => `${x.toFixed(1)} ms`;
console.log(
  `reading a ${MB} MB answer up to the 16 MiB limit, ${RUNS} runs each (main-thread CPU, trace tdur)`,
);
console.log(`| path | outcome | main-thread CPU per read | longest main-thread task (CPU) |`);
console.log(`| --- | --- | --- | --- |`);
console.log(
  `| main thread (baseline) | ${onMain.outcomes[0]} | ${f(onMain.cpuPerRead)} | ${f(onMain.longestTaskCpu)} |`,
);
console.log(
  `| request worker | ${inWorker.outcomes[0]} | ${f(inWorker.cpuPerRead)} | ${f(inWorker.longestTaskCpu)} |`,
);
console.log(
  `ratio (worker / main thread): ${(inWorker.cpuPerRead / onMain.cpuPerRead).toFixed(3)}`,
);
