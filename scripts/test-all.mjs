#!/usr/bin/env node
// Runs every test suite in order and prints one summary; writes .cache/test-summary.json
// ({ passed, failed, suites[] }) for .ci/run. Exit status 1 when anything failed.
//   suites: lint (eslint, prettier, tsc), build, unit (vitest), browser (web-test-runner), e2e (playwright),
//   ol-matrix (the browser suite's map tests on older ol majors),
//   pack (npm pack into fresh host apps: Vite, webpack, Rollup; ol 7.5-10; checked in Chromium),
//   integration (vitest against a real QGIS Server on 127.0.0.1; installs qgis-server when missing)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cache = resolve(root, '.cache');
mkdirSync(cache, { recursive: true });
const only = process.argv.slice(2);
const suites = [];

function sh(cmd, args, extraEnv = {}) {
  console.log(`\n[test] $ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...extraEnv },
  });
  return r.status === 0;
}

function check(name, cmd, args) {
  const ok = sh(cmd, args);
  suites.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1 });
  return ok;
}

function want(name) {
  return only.length === 0 || only.includes(name);
}

const bin = (n) => resolve(root, 'node_modules/.bin', n);

if (want('lint')) {
  check('eslint', bin('eslint'), ['.']);
  check('prettier', bin('prettier'), ['--check', '.']);
  check('typecheck', bin('tsc'), ['-p', 'tsconfig.json']);
}

// The CLI tests and benchmarks run the built package.
const built = check('build', bin('tsc'), ['-p', 'tsconfig.build.json']);
// The script-tag bundles (dist/bundle/): the browser suite loads one as a second copy of the
// library, the pack suite serves both.
if (built && (want('browser') || want('pack'))) {
  check('bundle', 'npm', ['run', '--silent', 'build:bundle']);
}

/**
 * Runs a suite that writes a JSON summary to `.cache/<file>` and counts it: `read(summary)` gives
 * `{ passed, failed }`. A failing exit without a summary, or without a failed test in it, counts as
 * one failure more (a crash is never a pass).
 */
function suite(name, file, run, read) {
  const out = resolve(cache, file);
  rmSync(out, { force: true });
  const ok = run(out);
  let passed = 0;
  let failed = ok ? 0 : 1;
  if (existsSync(out)) {
    const r = read(JSON.parse(readFileSync(out, 'utf8')));
    passed = r.passed;
    failed = r.failed + (ok || r.failed ? 0 : 1);
  }
  suites.push({ name, passed, failed });
}

/** Counts of a vitest JSON report (a failed file counts too). */
const vitestCounts = (r) => ({
  passed: r.numPassedTests ?? 0,
  failed: (r.numFailedTests ?? 0) + (r.numFailedTestSuites ?? 0),
});
/** Counts of this project's own summaries (web-test-runner, ol-matrix, pack): `{ passed, failed }`. */
const ownCounts = (r) => ({ passed: r.passed, failed: r.failed });
const vitestJson = (out) => ['--reporter=default', '--reporter=json', `--outputFile.json=${out}`];

if (want('unit')) {
  suite(
    'unit (vitest)',
    'vitest.json',
    (out) => sh(bin('vitest'), ['run', ...vitestJson(out)], { NA_SKIP_BUILD: built ? '1' : '' }),
    vitestCounts,
  );
}

if (want('browser') && existsSync(resolve(root, 'web-test-runner.config.mjs'))) {
  suite(
    'browser (web-test-runner)',
    'wtr-summary.json',
    (out) => sh(bin('wtr'), ['--config', 'web-test-runner.config.mjs'], { NA_WTR_SUMMARY: out }),
    ownCounts,
  );
}

if (want('ol-matrix') && existsSync(resolve(root, 'scripts/ol-matrix.mjs'))) {
  // The browser suite's map tests on the older ol majors of the peer range (installed once into
  // .cache/ol-matrix/, aliased for the test server).
  suite(
    'ol-matrix (map tests on ol 7.5, 8, 9)',
    'ol-matrix-summary.json',
    (out) => sh(process.execPath, ['scripts/ol-matrix.mjs'], { NA_OL_MATRIX_SUMMARY: out }),
    ownCounts,
  );
}

if (want('e2e') && built && existsSync(resolve(root, 'playwright.config.mjs'))) {
  // @playwright/test with its JSON reporter: expected = passed, unexpected = failed.
  suite(
    'e2e (playwright)',
    'e2e-results.json',
    (out) => sh(bin('playwright'), ['test'], { NA_E2E_JSON: out }),
    ({ stats = {} }) => ({
      passed: (stats.expected ?? 0) + (stats.flaky ?? 0),
      failed: stats.unexpected ?? 0,
    }),
  );
}

if (want('integration')) {
  // The global setup installs QGIS Server when missing (apt-get, as root) and starts it; an
  // install or start failure fails this suite with its message (it is never skipped).
  suite(
    'integration (qgis server)',
    'vitest-integration.json',
    (out) =>
      sh(bin('vitest'), ['run', '--config', 'vitest.integration.config.ts', ...vitestJson(out)]),
    vitestCounts,
  );
}

if (want('pack') && built && existsSync(resolve(root, 'test/pack/pack.test.mjs'))) {
  // npm pack → a fresh Vite host app with its own ol → built and checked in Chromium.
  suite(
    'pack (npm pack + host app)',
    'pack-summary.json',
    (out) => sh(process.execPath, ['test/pack/pack.test.mjs'], { NA_PACK_SUMMARY: out }),
    ownCounts,
  );
}

const passed = suites.reduce((s, x) => s + x.passed, 0);
const failed = suites.reduce((s, x) => s + x.failed, 0);
writeFileSync(
  resolve(cache, 'test-summary.json'),
  JSON.stringify({ passed, failed, suites }, null, 2),
);
console.log('\nSummary');
for (const s of suites)
  console.log(`  ${s.failed ? 'FAIL' : 'ok  '} ${s.name}: ${s.passed} passed, ${s.failed} failed`);
process.exit(failed > 0 ? 1 : 0);
