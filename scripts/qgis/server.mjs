#!/usr/bin/env node
// A real QGIS Server (3.22, Debian) on 127.0.0.1 serving the ILLUSTRATIVE Voorbeeldstad demo data
// (layers zonering, soil, groundwater, landuse) as WMS, WFS 1.1 and OGC API Features, for integration tests.
//
//   import { startQgisServer } from './scripts/qgis/server.mjs';
//   const { url, stop } = await startQgisServer({ port: 0 }); // 0 → a free port
//   ... fetch(`${url}?SERVICE=WMS&REQUEST=GetCapabilities`) ...
//   await stop();
//
//   CLI: node scripts/qgis/server.mjs [--port 8765] [--style zonering=file.sld]
//        prints the URL and keeps running until SIGINT/SIGTERM.
//
// What it does, each step only when needed:
// 1. installs qgis-server + gdal-bin (`node scripts/ensure-setup.mjs --qgis`, apt-get as root)
//    when `qgis_mapserver` or `ogr2ogr` is missing; throws a clear error when that fails;
// 2. builds GeoPackages (ogr2ogr) and project.qgs (scripts/qgis/make_project.py) under
//    .cache/qgis/<hash>/, where the hash covers the demo GeoJSON, the builder and style files,
//    so changed data rebuilds and unchanged data is reused (other builds are removed after a day);
// 3. starts `qgis_mapserver -l 1 -p project.qgs 127.0.0.1:PORT` (QT_QPA_PLATFORM=offscreen, a
//    mode-700 XDG_RUNTIME_DIR) and waits until WMS GetCapabilities answers.
// `stop()` ends the server (SIGTERM, then SIGKILL); it is also killed when this process exits.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
export const LAYERS = ['zonering', 'soil', 'groundwater', 'landuse'];
const PYTHON = '/usr/bin/python3';
const MAKE_PROJECT = join(here, 'make_project.py');

function log(message) {
  process.stderr.write(`[qgis] ${message}\n`);
}

function has(cmd) {
  return spawnSync('/bin/sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

/**
 * Makes sure qgis_mapserver, ogr2ogr and PyQGIS are there; installs them with
 * `node scripts/ensure-setup.mjs --qgis` when not. Throws a clear error when that fails.
 * @returns ms spent installing (0 when nothing was missing).
 */
export function ensureQgisInstalled() {
  if (has('qgis_mapserver') && has('ogr2ogr') && existsSync(PYTHON)) return 0;
  const t0 = Date.now();
  log('qgis_mapserver/ogr2ogr missing: installing qgis-server and gdal-bin (≈1–5 min, ≈1 GB)…');
  const r = spawnSync(process.execPath, [join(root, 'scripts/ensure-setup.mjs'), '--qgis'], {
    cwd: root,
    stdio: ['ignore', process.stderr, process.stderr],
  });
  if (r.status !== 0 || !has('qgis_mapserver') || !has('ogr2ogr')) {
    const why = r.error?.message ?? `exit status ${r.status ?? r.signal}`;
    throw new Error(
      `QGIS Server is not installed and installing it failed (${why}). The integration tests need ` +
        'it: run `node scripts/ensure-setup.mjs --qgis` as root, or `apt-get install -y ' +
        'qgis-server gdal-bin` (Debian 12), then run the tests again.',
    );
  }
  const ms = Date.now() - t0;
  log(`installed in ${(ms / 1000).toFixed(1)} s`);
  return ms;
}

/**
 * Builds (or reuses) the GeoPackages and the project under `<cacheDir>/<hash>/`.
 * @param {{ cacheDir?: string, styles?: Record<string, string> }} options
 * @returns {{ dir: string, project: string, built: boolean, ms: number }}
 */
export function buildProject(options = {}) {
  const cacheDir = resolve(options.cacheDir ?? join(root, '.cache/qgis'));
  const styles = options.styles ?? {};
  for (const [name, file] of Object.entries(styles)) {
    if (!LAYERS.includes(name)) throw new Error(`style for unknown layer "${name}" (${LAYERS})`);
    if (!existsSync(file)) throw new Error(`style file for layer "${name}" not found: ${file}`);
  }
  const inputs = [
    ...LAYERS.map((n) => join(root, 'demo/data', `${n}.geojson`)),
    MAKE_PROJECT,
    ...Object.values(styles).map((f) => resolve(f)),
  ];
  const hash = createHash('sha256');
  hash.update(JSON.stringify(Object.entries(styles).sort()));
  for (const f of inputs) hash.update(`\0${f}\0`).update(readFileSync(f));
  const key = hash.digest('hex').slice(0, 12);
  const dir = join(cacheDir, key);
  const project = join(dir, 'project.qgs');
  if (existsSync(join(dir, 'done'))) return { dir, project, built: false, ms: 0 };

  const t0 = Date.now();
  mkdirSync(cacheDir, { recursive: true });
  const tmp = mkdtempSync(join(cacheDir, `${key}.tmp-`));
  try {
    for (const name of LAYERS) {
      // A real integer FID column (fid); PROMOTE_TO_MULTI because the data mixes Polygon and
      // MultiPolygon (a GeoPackage of geometry type "Unknown" otherwise).
      execFileSync(
        'ogr2ogr',
        [
          '-f',
          'GPKG',
          '-lco',
          'FID=fid',
          '-nlt',
          'PROMOTE_TO_MULTI',
          '-nln',
          name,
          join(tmp, `${name}.gpkg`),
          join(root, 'demo/data', `${name}.geojson`),
        ],
        { stdio: ['ignore', 'ignore', 'pipe'] },
      );
    }
    const xdg = makeRuntimeDir();
    try {
      const args = [MAKE_PROJECT, '--data-dir', tmp, '--out', join(tmp, 'project.qgs')];
      for (const [name, file] of Object.entries(styles)) {
        args.push('--style', `${name}=${resolve(file)}`);
      }
      const r = spawnSync(PYTHON, args, {
        env: { ...process.env, QT_QPA_PLATFORM: 'offscreen', XDG_RUNTIME_DIR: xdg },
        encoding: 'utf8',
      });
      if (r.status !== 0 || !existsSync(join(tmp, 'project.qgs'))) {
        throw new Error(
          `make_project.py failed (${r.error?.message ?? `exit ${r.status ?? r.signal}`}):\n` +
            `${r.stdout ?? ''}${r.stderr ?? ''}`.trim(),
        );
      }
    } finally {
      rmSync(xdg, { recursive: true, force: true });
    }
    writeFileSync(join(tmp, 'done'), `${new Date().toISOString()}\n`);
    chmodSync(tmp, 0o755); // mkdtemp makes it 700
    try {
      renameSync(tmp, dir);
    } catch (e) {
      // Another process built the same key at the same time: use theirs.
      if (!existsSync(join(dir, 'done'))) throw e;
      rmSync(tmp, { recursive: true, force: true });
    }
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  // Builds of other data or styles: kept a day (a server started from one may still run), then
  // removed.
  for (const entry of readdirSync(cacheDir)) {
    if (!/^[0-9a-f]{12}$/.test(entry) || entry === key) continue;
    const done = join(cacheDir, entry, 'done');
    if (!existsSync(done) || Date.now() - statSync(done).mtimeMs > 86_400_000) {
      rmSync(join(cacheDir, entry), { recursive: true, force: true });
    }
  }
  const ms = Date.now() - t0;
  log(`built ${basename(dir)}/project.qgs in ${(ms / 1000).toFixed(1)} s`);
  return { dir, project, built: true, ms };
}

/** A fresh XDG_RUNTIME_DIR with mode 700 (Qt refuses others). */
function makeRuntimeDir() {
  const dir = mkdtempSync(join(tmpdir(), 'na-qgis-xdg-'));
  chmodSync(dir, 0o700);
  return dir;
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      srv.close(() => resolvePort(port));
    });
  });
}

const running = new Set();
let exitHookInstalled = false;
function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const child of running) child.kill('SIGKILL');
  });
}

/**
 * Starts QGIS Server on 127.0.0.1.
 * @param {{ port?: number, cacheDir?: string, styles?: Record<string, string>,
 *   readyTimeoutMs?: number, install?: boolean }} options
 *   `port` 0 (default) picks a free port; `styles` maps a layer to a .qml/.sld file;
 *   `install: false` throws instead of installing a missing QGIS.
 * @returns {Promise<{ url: string, port: number, project: string, pid: number,
 *   timings: { installMs: number, buildMs: number, startMs: number }, log(): string,
 *   stop(): Promise<void> }>} `url` ends with `/` (WMS/WFS at `url`, OGC API at `${url}wfs3`).
 */
export async function startQgisServer(options = {}) {
  const installMs = options.install === false ? requireInstalled() : ensureQgisInstalled();
  const { project, ms: buildMs } = buildProject(options);
  const t0 = Date.now();
  const wanted = options.port ?? 0;
  // A port picked as free can be taken before QGIS binds it: try again with another one.
  for (let attempt = 0; ; attempt++) {
    const port = wanted === 0 ? await freePort() : wanted;
    try {
      const server = await launch(project, port, options.readyTimeoutMs ?? 60000);
      const startMs = Date.now() - t0;
      log(`ready at ${server.url} in ${(startMs / 1000).toFixed(1)} s (pid ${server.pid})`);
      return { ...server, project, timings: { installMs, buildMs, startMs } };
    } catch (e) {
      if (wanted !== 0 || attempt >= 2 || !(e instanceof Error) || !e.exitedEarly) throw e;
      log(`port ${port} failed, trying another one`);
    }
  }
}

function requireInstalled() {
  if (!has('qgis_mapserver') || !has('ogr2ogr')) {
    throw new Error(
      'QGIS Server is not installed: run `node scripts/ensure-setup.mjs --qgis` as root, or ' +
        '`apt-get install -y qgis-server gdal-bin`.',
    );
  }
  return 0;
}

async function launch(project, port, readyTimeoutMs) {
  const xdg = makeRuntimeDir();
  const url = `http://127.0.0.1:${port}/`;
  const child = spawn('qgis_mapserver', ['-l', '1', '-p', project, `127.0.0.1:${port}`], {
    env: { ...process.env, QT_QPA_PLATFORM: 'offscreen', XDG_RUNTIME_DIR: xdg },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  installExitHook();
  running.add(child);
  // Keep the last lines of output for error messages; always drain the pipes.
  const lines = [];
  const keep = (chunk) => {
    for (const line of String(chunk).split('\n')) {
      if (line.trim() === '') continue;
      lines.push(line.replace(/\x1b\[[0-9;]*m/g, '')); // eslint-disable-line no-control-regex
      if (lines.length > 200) lines.shift();
    }
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const tail = () => lines.slice(-30).join('\n');

  let exited = false;
  const exitPromise = new Promise((resolveExit) => {
    child.on('exit', (code, signal) => {
      exited = true;
      running.delete(child);
      rmSync(xdg, { recursive: true, force: true });
      resolveExit({ code, signal });
    });
    child.on('error', (e) => {
      lines.push(`spawn error: ${e.message}`);
    });
  });

  const stop = async () => {
    if (exited) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exitPromise;
    clearTimeout(timer);
  };

  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (exited) {
      const { code, signal } = await exitPromise;
      const err = new Error(
        `qgis_mapserver exited before it was ready (code ${code}, signal ${signal}) on port ${port}:\n${tail()}`,
      );
      err.exitedEarly = true;
      throw err;
    }
    try {
      const res = await fetch(`${url}?SERVICE=WMS&REQUEST=GetCapabilities`, {
        signal: AbortSignal.timeout(10000),
      });
      const body = await res.text();
      if (res.ok && body.includes('WMS_Capabilities')) break;
      lines.push(`GetCapabilities answered HTTP ${res.status}: ${body.slice(0, 200)}`);
    } catch (e) {
      void e; // not listening yet: poll again
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(
        `qgis_mapserver did not answer WMS GetCapabilities within ${readyTimeoutMs} ms at ${url}:\n${tail()}`,
      );
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return { url, port, pid: child.pid, stop, log: () => lines.join('\n') };
}

// CLI
if (
  process.argv[1] !== undefined &&
  import.meta.url === pathToFileURL(resolve(process.argv[1])).href
) {
  const argv = process.argv.slice(2);
  let port = 0;
  const styles = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--port') port = Number(argv[++i]);
    else if (a.startsWith('--port=')) port = Number(a.slice(7));
    else if (a === '--style') {
      const [name, file] = String(argv[++i]).split('=');
      styles[name] = file;
    } else if (a === '--help' || a === '-h') {
      console.log('Usage: node scripts/qgis/server.mjs [--port N] [--style LAYER=FILE.qml|sld]');
      process.exit(0);
    } else {
      console.error(`Unknown argument ${a}`);
      process.exit(2);
    }
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error('--port must be an integer 0–65535');
    process.exit(2);
  }
  try {
    const server = await startQgisServer({ port, styles });
    console.log(server.url);
    console.error(
      `[qgis] WMS/WFS: ${server.url}?SERVICE=WMS&REQUEST=GetCapabilities\n` +
        `[qgis] OGC API Features: ${server.url}wfs3/collections\n[qgis] Ctrl+C stops it.`,
    );
    const quit = () => {
      server.stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.once('SIGINT', quit);
    process.once('SIGTERM', quit);
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}
