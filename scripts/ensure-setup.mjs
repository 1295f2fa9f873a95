#!/usr/bin/env node
// Installs what a fresh machine is missing: node modules (npm ci), and for tests Debian's chromium
// (browser tests) — with apt-get, as root. Safe to run again: it only acts when something is missing.
// Usage: node scripts/ensure-setup.mjs [--browser] [--qgis]
//        (as an npm pre-script it picks the extras itself: pretest → --browser)
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const event = process.env.npm_lifecycle_event ?? '';
const wantBrowser = args.has('--browser') || event === 'pretest' || event === 'prestart';
const wantQgis = args.has('--qgis');

function run(cmd, opts = {}) {
  console.log(`[setup] ${cmd}`);
  execSync(cmd, { stdio: 'inherit', cwd: root, ...opts });
}

function has(cmd) {
  try {
    execSync(`command -v ${cmd}`, { stdio: 'ignore', shell: '/bin/bash' });
    return true;
  } catch {
    return false; // not installed
  }
}

// 1. Node modules, when missing or older than the lockfile.
const marker = resolve(root, 'node_modules/.package-lock.json');
const lock = resolve(root, 'package-lock.json');
if (
  !existsSync(marker) ||
  (existsSync(lock) && statSync(lock).mtimeMs > statSync(marker).mtimeMs + 1000)
) {
  run(existsSync(lock) ? 'npm ci --no-audit --no-fund' : 'npm install --no-audit --no-fund');
}

// 2. Debian packages (as root, with apt-get), only when missing.
const apt = [];
if (wantBrowser && !existsSync('/usr/bin/chromium')) apt.push('chromium');
if (wantQgis && !(has('qgis_mapserver') && has('ogr2ogr'))) apt.push('qgis-server', 'gdal-bin');
if (apt.length > 0) {
  if (process.getuid && process.getuid() !== 0) {
    console.error(
      `[setup] Missing ${apt.join(', ')}: run as root, or install them: apt-get install -y ${apt.join(' ')}`,
    );
    process.exit(1);
  }
  run('apt-get update -qq', { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  run(`apt-get install -y -qq --no-install-recommends ${apt.join(' ')}`, {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}
