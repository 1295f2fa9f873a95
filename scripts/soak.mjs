#!/usr/bin/env node
// Soak test (issue #13): `npm run soak [-- --rows N] [--checks N] [--only cli|widget]`, not part of
// `npm test`. Two halves, each printing a table: the CLI batch (`--rows`, default 10,000; the
// 1M-row run is `--rows 1000000`) and the widget in Chromium (`--checks`, default 150; the long
// run is `--checks 10000`; see scripts/soak-widget.mjs).
//
// Runs the CLI's streamed batch (`check --csv`, in this process, from dist/) over N points against a
// mix of a healthy in-memory GeoJSON source and local services on 127.0.0.1 that answer well or fail
// (503, HTML error page, OGC exception with terminal escapes) in turn, and once every
// `--heavy-every` answers (default 2,500) with a 40 MB answer over the limit or a slow answer past
// the time budget. (Those two cost the batch time, not CPU: a 300 ms wait in the ordered window, 16
// MiB read and thrown away; with one in eight answers, as before, a million rows would take hours.) It samples heap and RSS during the run and counts open
// handles and listeners before and after, and prints a table. It exits 1 when memory grows (the
// median of the last quarter of samples over 1.5 × the first quarter + 32 MB) or handles leak.
//
// Needs a build (`npm run build:lib`; `npm run soak` does it).
import { createServer } from 'node:http';
import { closeSync, mkdtempSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const ROWS = Number(arg('--rows', 10_000));
const CHECKS = Number(arg('--checks', 150));
const ONLY = arg('--only', 'both');
const HEAVY_EVERY = Number(arg('--heavy-every', 2_500));
if (!['both', 'cli', 'widget'].includes(ONLY)) {
  console.error('soak: --only cli|widget');
  process.exit(2);
}
if (ONLY === 'widget') {
  process.exit(await widgetHalf());
}

/** The widget half (scripts/soak-widget.mjs); resolves to its exit status. */
async function widgetHalf() {
  const { soakWidget, printTable } = await import('./soak-widget.mjs');
  console.log(`\nsoak (widget): ${CHECKS} checks through <na-location-check> in Chromium`);
  const { rows, ok, errors } = await soakWidget({ checks: CHECKS });
  printTable(rows);
  for (const e of errors.slice(0, 5)) console.log(`page error: ${e}`);
  console.log(ok ? 'soak (widget): flat memory and listeners' : 'FAIL: the widget soak grew');
  return ok ? 0 : 1;
}

const { main } = await import(resolve(root, 'dist/src/cli/main.js'));

let n = 0;
const faults = ['ok', '503', 'html', 'ansi', 'ok', 'ok', 'ok', 'ok'];
const heavy = { huge: 0, slow: 0 };
const server = createServer((req, res) => {
  const i = n++;
  const kind =
    i % HEAVY_EVERY === HEAVY_EVERY - 1
      ? 'huge'
      : i % HEAVY_EVERY === Math.floor(HEAVY_EVERY / 2)
        ? 'slow'
        : faults[i % faults.length];
  if (kind === 'huge' || kind === 'slow') heavy[kind]++;
  const json = (body, status = 200) => {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(text);
  };
  if (kind === 'ok')
    return json({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { gt: 'VIId' }, geometry: null }],
    });
  if (kind === '503') {
    res.writeHead(503, { 'Content-Type': 'text/plain' });
    return res.end('busy');
  }
  if (kind === 'html') {
    res.writeHead(500, { 'Content-Type': 'text/html' });
    return res.end('<!doctype html><html><body>fout</body></html>');
  }
  if (kind === 'ansi') {
    res.writeHead(400, { 'Content-Type': 'application/xml' });
    return res.end(
      `<ows:ExceptionReport><ows:Exception exceptionCode="X"><ows:ExceptionText>\u001b[2J${'x'.repeat(50_000)}</ows:ExceptionText></ows:Exception></ows:ExceptionReport>`,
    );
  }
  if (kind === 'huge') {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    const pump = () => {
      while (sent < 40 * 1024 * 1024) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      res.end();
    };
    res.on('close', () => (sent = Infinity));
    return pump();
  }
  setTimeout(() => json({ type: 'FeatureCollection', features: [] }), 1500).unref();
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;

const dir = mkdtempSync(join(tmpdir(), 'na-soak-'));
const sources = join(dir, 'sources.json');
const demo = resolve(root, 'demo/data/sources.json');
const demoSources = JSON.parse((await import('node:fs')).readFileSync(demo, 'utf8')).sources.map(
  (s) => ({
    ...s,
    ...(s.path === undefined ? {} : { path: resolve(dirname(demo), s.path) }),
  }),
);
writeFileSync(
  sources,
  JSON.stringify({
    sources: [
      ...demoSources.filter((s) => s.type === 'geojson'),
      {
        id: 'dienst',
        type: 'wms',
        url: `${base}/wms`,
        layer: 'gt',
        retries: 0,
        timeoutMs: 300,
        properties: { gt: 'gt' },
      },
    ],
  }),
);
const locations = JSON.parse(
  (await import('node:fs')).readFileSync(resolve(root, 'demo/data/locations.json'), 'utf8'),
);
const pts = (Array.isArray(locations) ? locations : locations.locations).filter(
  (l) => l.expect?.zone,
);
const csv = join(dir, 'points.csv');
// Written in blocks, so the soak process itself holds no million-row array while it measures.
const fd = openSync(csv, 'w');
writeSync(fd, 'id,x,y\n');
for (let i = 0; i < ROWS; i += 10_000) {
  let block = '';
  for (let j = i; j < Math.min(ROWS, i + 10_000); j++) {
    const p = pts[j % pts.length];
    block += `p${j},${p.x},${p.y}\n`;
  }
  writeSync(fd, block);
}
closeSync(fd);

const handles = () => process.getActiveResourcesInfo().length;
const listeners = () => process.listenerCount('exit') + process.listenerCount('uncaughtException');
global.gc?.();
const before = { handles: handles(), listeners: listeners(), ...process.memoryUsage() };
const samples = [];
const timer = setInterval(() => samples.push(process.memoryUsage()), 250);
let outBytes = 0;
let errBytes = 0;
const started = Date.now();
const cpuStart = process.cpuUsage();
const code = await main(['check', '--csv', csv, '--data', sources, '--format', 'csv'], {
  out: (t) => (outBytes += t.length),
  err: (t) => (errBytes += t.length),
});
clearInterval(timer);
const seconds = (Date.now() - started) / 1000;
const cpu = process.cpuUsage(cpuStart);
server.closeAllConnections();
await new Promise((r) => server.close(r));
global.gc?.();
await new Promise((r) => setTimeout(r, 200));
const after = { handles: handles(), listeners: listeners(), ...process.memoryUsage() };

const q = Math.max(1, Math.floor(samples.length / 4));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const firstHeap = median(samples.slice(0, q).map((s) => s.heapUsed));
const lastHeap = median(samples.slice(-q).map((s) => s.heapUsed));
const peakRss = Math.max(...samples.map((s) => s.rss), after.rss);
const mb = (b) => `${(b / 1024 / 1024).toFixed(1)} MB`;
const rows = [
  ['rows checked', String(ROWS)],
  ['service answers (mixed faults)', String(n)],
  ['of which 40 MB / slow answers', `${heavy.huge} / ${heavy.slow}`],
  ['exit status', String(code)],
  ['time', `${seconds.toFixed(1)} s (${(ROWS / seconds).toFixed(0)} rows/s)`],
  [
    'CPU (user + system) per row',
    `${((cpu.user + cpu.system) / 1000 / ROWS).toFixed(3)} ms (${(ROWS / ((cpu.user + cpu.system) / 1e6)).toFixed(0)} rows per CPU second)`,
  ],
  ['output', `${mb(outBytes)} stdout, ${errBytes} B stderr`],
  ['heap before / after the run (after GC)', `${mb(before.heapUsed)} / ${mb(after.heapUsed)}`],
  ['heap, first quarter (median)', mb(firstHeap)],
  ['heap, last quarter (median)', mb(lastHeap)],
  ['peak RSS', mb(peakRss)],
  ['active handles before / after', `${before.handles} / ${after.handles}`],
  ['process listeners before / after', `${before.listeners} / ${after.listeners}`],
];
const w = Math.max(...rows.map((r) => r[0].length));
console.log(`| ${'measure'.padEnd(w)} | value |`);
console.log(`| ${'-'.repeat(w)} | ----- |`);
for (const [k, v] of rows) console.log(`| ${k.padEnd(w)} | ${v} |`);
const grew = lastHeap > firstHeap * 1.5 + 32 * 1024 * 1024;
const leaked = after.handles > before.handles || after.listeners > before.listeners;
const cliFailed = grew || leaked || code === 1;
if (cliFailed) {
  console.log(grew ? 'FAIL: memory grew' : leaked ? 'FAIL: handles or listeners leaked' : 'FAIL');
} else {
  console.log('soak: flat memory, no leaked handles or listeners');
}
const widgetStatus = ONLY === 'cli' ? 0 : await widgetHalf();
process.exit(cliFailed ? 1 : widgetStatus);
