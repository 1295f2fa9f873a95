#!/usr/bin/env node
/**
 * The OpenLayers version matrix: runs the browser suite's map tests (the ol glue and the widgets on
 * a real map) on every older `ol` major the peer range promises, next to the main run on the
 * version in package.json. Each version is installed ONCE into `.cache/ol-matrix/ol<major>/`
 * (from the npm registry/cache) and aliased for the test server (test/helpers/ol-alias.mjs); a
 * smoke test checks that the aliased version is the one that runs.
 *
 * Run: `node scripts/ol-matrix.mjs [major …]` (scripts/test-all.mjs suite `ol-matrix`). Writes
 * `{ passed, failed, versions }` to $NA_OL_MATRIX_SUMMARY when set. Exit status 1 when a version
 * failed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The versions proved besides the main one (keep in step with peerDependencies.ol). */
const OL_MATRIX = JSON.parse(readFileSync(join(root, 'scripts/ol-versions.json'), 'utf8'));

/** The map tests: the ol glue, the layer and legend, the location check on a map. */
const MAP_TESTS = [
  'test/browser/smoke.test.ts',
  'test/browser/ol-viewer.test.ts',
  'test/browser/zonering-layer.test.ts',
  'test/browser/zonering-legend.test.ts',
  'test/browser/location-check.test.ts',
  'test/browser/map-target.test.ts',
];

function install(major, version) {
  const dir = join(root, '.cache/ol-matrix', `ol${major}`);
  const olDir = join(dir, 'node_modules/ol');
  const have = existsSync(join(olDir, 'package.json'))
    ? JSON.parse(readFileSync(join(olDir, 'package.json'), 'utf8')).version
    : undefined;
  if (have === version) return olDir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ private: true }));
  const r = spawnSync(
    'npm',
    ['install', '--no-audit', '--no-fund', '--prefer-offline', `ol@${version}`],
    { cwd: dir, stdio: 'inherit' },
  );
  if (r.status !== 0) throw new Error(`npm install ol@${version} failed (${r.status})`);
  return olDir;
}

const wanted = process.argv.slice(2);
const majors = Object.keys(OL_MATRIX).filter((m) => wanted.length === 0 || wanted.includes(m));
const results = [];
for (const major of majors) {
  const version = OL_MATRIX[major];
  console.log(`\n[ol-matrix] ol ${version}`);
  const summary = join(root, '.cache', `ol-matrix-${major}.json`);
  rmSync(summary, { force: true });
  let passed = 0;
  let failed = 0;
  try {
    const olDir = install(major, version);
    const r = spawnSync(
      join(root, 'node_modules/.bin/wtr'),
      ['--config', 'web-test-runner.config.mjs', '--group', 'default', '--files', ...MAP_TESTS],
      {
        cwd: root,
        stdio: 'inherit',
        env: { ...process.env, NA_OL_DIR: olDir, NA_WTR_SUMMARY: summary },
      },
    );
    if (existsSync(summary)) ({ passed, failed } = JSON.parse(readFileSync(summary, 'utf8')));
    if (r.status !== 0 && failed === 0) failed = 1;
  } catch (e) {
    console.error(`[ol-matrix] ol ${version}: ${e instanceof Error ? e.message : String(e)}`);
    failed += 1;
  }
  results.push({ version, passed, failed });
}

for (const r of results) {
  console.log(
    `[ol-matrix] ${r.failed ? 'FAIL' : 'ok  '} ol ${r.version}: ${r.passed} passed, ${r.failed} failed`,
  );
}
const passed = results.reduce((s, r) => s + r.passed, 0);
const failed = results.reduce((s, r) => s + r.failed, 0);
if (process.env.NA_OL_MATRIX_SUMMARY) {
  writeFileSync(
    process.env.NA_OL_MATRIX_SUMMARY,
    JSON.stringify({ passed, failed, versions: results }),
  );
}
process.exit(failed > 0 ? 1 : 0);
