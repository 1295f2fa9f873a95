#!/usr/bin/env node
/**
 * `npm run bench [-- <name filter>]`: runs every `test/bench/*.bench.mjs` in ONE process,
 * sequentially, and prints their results.
 *
 * Benchmarks import the compiled library from `dist/` (built by `tsc -p tsconfig.build.json`,
 * so `src/sources/geojson.ts` → `dist/src/sources/geojson.js`). The build runs first when dist is
 * missing or older than any source file.
 *
 * A bench file exports `default async function (context)` with
 * `context.importDist(path)` (e.g. `importDist('src/sources/geojson.js')`) and `context.log(line)`;
 * it may return an array of summary lines, printed at the end.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const dist = join(root, 'dist');
const stamp = join(dist, 'src/core/types.js');

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return /\.(ts|json)$/.test(path) ? st.mtimeMs : 0;
  let newest = 0;
  for (const name of readdirSync(path)) {
    if (name === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(join(path, name)));
  }
  return newest;
}

function ensureBuilt() {
  const sourcesTime = Math.max(
    newestMtime(join(root, 'src')),
    newestMtime(join(root, 'widgets')),
    newestMtime(join(root, 'tsconfig.json')),
    newestMtime(join(root, 'tsconfig.build.json')),
  );
  const builtTime = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
  if (builtTime >= sourcesTime) return;
  console.log('bench: dist is missing or stale; building with tsc -p tsconfig.build.json …');
  const tsc = join(root, 'node_modules/typescript/bin/tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) {
    // tsc still emits JavaScript when there are type errors elsewhere in the project.
    if (existsSync(stamp) && statSync(stamp).mtimeMs >= sourcesTime) {
      console.warn('bench: tsc reported errors (see above); benchmarking the emitted output.');
    } else {
      console.error('bench: the build failed; nothing to benchmark.');
      process.exit(1);
    }
  }
}

async function main() {
  ensureBuilt();
  const filter = process.argv[2];
  const benchDir = join(root, 'test/bench');
  const files = (existsSync(benchDir) ? readdirSync(benchDir) : [])
    .filter((f) => f.endsWith('.bench.mjs'))
    .filter((f) => filter === undefined || f.includes(filter))
    .sort();
  // An exact bench name runs that bench alone (`main-thread` is also part of
  // `kansenkaart-main-thread`).
  if (filter !== undefined && files.includes(`${filter}.bench.mjs`)) {
    files.splice(0, files.length, `${filter}.bench.mjs`);
  }
  if (files.length === 0) {
    console.error(
      `bench: no bench files${filter === undefined ? '' : ` matching "${filter}"`} in test/bench/`,
    );
    process.exit(1);
  }
  const context = {
    importDist: (path) => import(pathToFileURL(join(dist, path)).href),
    log: (line) => console.log(`  ${line}`),
  };
  const summary = [];
  let failed = 0;
  for (const file of files) {
    const path = join(benchDir, file);
    console.log(`\n▶ ${relative(root, path)}`);
    // Each bench starts on a collected heap: what an earlier one left (the kansenkaart bench
    // holds a gigabyte at its end) would otherwise be marked again in every collection of the next
    // one and slow its timings (the dissolved point query 5.2 → 29.6 µs after the others).
    globalThis.gc?.();
    const t0 = performance.now();
    try {
      const mod = await import(pathToFileURL(path).href);
      const lines = await mod.default(context);
      if (Array.isArray(lines)) summary.push(...lines);
      console.log(`  (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    } catch (e) {
      failed++;
      console.error(`  FAILED: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
  }
  if (summary.length > 0) {
    console.log('\nSummary');
    for (const line of summary) console.log(line);
  }
  if (failed > 0) process.exit(1);
}

await main();
