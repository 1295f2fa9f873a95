#!/usr/bin/env node
/**
 * The package as a host installs it: `npm pack` of the built library, a fresh Vite host app in a
 * temporary folder OUTSIDE this repository (so nothing resolves from our node_modules) with its own
 * `ol` (the version we use), installed from the tarball through the npm registry/cache, built,
 * served and checked in Chromium. Plus the script-tag bundles on plain pages under a strict
 * Content-Security-Policy header.
 *
 * Checks: the tarball holds every `exports` target and its types; the core entry imports in plain
 * Node and runs in a module Worker (no DOM); every entry resolves; the host type-checks against the
 * package's types; the built host has ONE copy of OpenLayers; the elements render and a location
 * check click gives a report; both script-tag pages work under the CSP.
 *
 * Run: `node test/pack/pack.test.mjs [name filter]` (scripts/test-all.mjs suite `pack`). Writes
 * `{ passed, failed }` to $NA_PACK_SUMMARY when set. Exit status 1 when a test failed.
 * Keeps the host folder when NA_PACK_KEEP=1 (its path is printed).
 */
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../helpers/chromium.mjs';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { buildReadmeHost } from './readme-hosts.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const here = join(root, 'test/pack');
const filter = process.argv[2];
const artifacts = join(root, '.cache/pack');
mkdirSync(artifacts, { recursive: true });

const CHROMIUM = CHROMIUM_PATH;

/** The strict policy every page is served with (plus the hash of an inline import map). */
function csp(scriptHashes = [], connect = []) {
  return [
    "default-src 'self'",
    `script-src 'self'${scriptHashes.map((h) => ` '${h}'`).join('')}`,
    "style-src 'self'",
    "img-src 'self' data: blob:",
    `connect-src 'self'${connect.map((c) => ` ${c}`).join('')}`,
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

const version = (name) =>
  JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

function run(cmd, args, cwd, options = {}) {
  const t0 = Date.now();
  console.log(`[pack] $ ${cmd} ${args.join(' ')}   (in ${cwd})`);
  const r = spawnSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    stdio: options.capture ? ['ignore', 'pipe', 'inherit'] : 'inherit',
    env: { ...process.env, ...options.env },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) {
    throw new Error(
      `${cmd} ${args.join(' ')} failed (${r.status ?? r.signal}) ${r.error?.message ?? ''}`,
    );
  }
  console.log(`[pack]   done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return r.stdout ?? '';
}

// ---- Tiny runner ------------------------------------------------------------------------------

const tests = [];
function test(name, fn) {
  tests.push({ name, fn });
}

// ---- Fixture: tarball, host app, server, browser ------------------------------------------------

let tarball;
let packedFiles = [];
let host;
let server;
let baseUrl;
let browser;
/** Mounts added by tests (the README hosts' build outputs, each under a sub-path). */
const extraMounts = [];
/** Folders to remove at the end. */
const tempDirs = [];

function setUp() {
  // 1. The package exactly as `npm publish` would make it.
  run('npm', ['run', '--silent', 'build'], root);
  const packDir = mkdtempSync(join(tmpdir(), 'na-pack-'));
  const out = run(
    'npm',
    ['pack', '--json', '--ignore-scripts', '--pack-destination', packDir],
    root,
    { capture: true },
  );
  const info = JSON.parse(out.slice(out.indexOf('[')))[0];
  tarball = join(packDir, info.filename);
  packedFiles = info.files.map((f) => f.path);
  console.log(
    `[pack] ${info.filename}: ${info.files.length} files, ${(info.size / 1e6).toFixed(2)} MB`,
  );

  // 2. A fresh host app, outside the repository.
  host = mkdtempSync(join(tmpdir(), 'na-pack-host-'));
  cpSync(join(here, 'host'), host, { recursive: true });
  writeFileSync(
    join(host, 'package.json'),
    JSON.stringify(
      {
        name: 'na-pack-host',
        private: true,
        type: 'module',
        dependencies: { [pkg.name]: `file:${tarball}`, ol: version('ol') },
        devDependencies: { vite: version('vite'), typescript: version('typescript') },
      },
      null,
      2,
    ),
  );
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline'], host);
  const installed = join(host, 'node_modules', pkg.name);
  cpSync(join(installed, 'demo/data'), join(host, 'public/data'), { recursive: true });
}

/** Serves the host build and the script-tag pages with the CSP header. */
function startServer() {
  const installed = join(host, 'node_modules', pkg.name);
  // The hash of each page's inline import map (allowed by hash, never 'unsafe-inline').
  const importMapHashes = new Map();
  for (const name of ['script-tag-importmap.html', 'old-host.html']) {
    const html = readFileSync(join(here, name), 'utf8');
    const importMap = /<script type="importmap">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    importMapHashes.set(
      `/pages/${name}`,
      `sha256-${createHash('sha256').update(importMap).digest('base64')}`,
    );
  }
  const mounts = [
    ['/bundle/', join(installed, 'dist/bundle')],
    ['/data/', join(installed, 'demo/data')],
    ['/ol/', join(host, 'node_modules/ol')],
    ['/deps/', join(host, 'node_modules')],
    ['/pages/', here],
    // A stand-in for the PDOK Locatieserver (the address search of the location check), answering
    // every request with a recorded response: the pages stay within connect-src 'self'.
    ['/pdok/', join(root, 'test/fixtures/locatieserver')],
    ['/', join(host, 'dist')],
  ];
  const types = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.mjs': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.json': 'application/json',
    '.geojson': 'application/geo+json',
    '.map': 'application/json',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
  };
  const srv = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let path = decodeURIComponent(url.pathname);
    if (path.startsWith('/pdok/')) path = `/pdok/${path.split('/').pop()}.json`;
    if (path.endsWith('/')) path += 'index.html';
    const mount = [...extraMounts, ...mounts].find(([prefix]) => path.startsWith(prefix));
    const base = mount?.[1];
    const file =
      base === undefined ? undefined : normalize(join(base, path.slice(mount[0].length)));
    if (
      file === undefined ||
      !file.startsWith(base + sep) ||
      !existsSync(file) ||
      statSync(file).isDirectory()
    ) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    const hashes = importMapHashes.has(path) ? [importMapHashes.get(path)] : [];
    res.writeHead(200, {
      'content-type': types[extname(file)] ?? 'application/octet-stream',
      // The README hosts use the address search as written: PDOK's Locatieserver (answered below by
      // a stand-in through the browser's request interception), allowed as a host must allow it.
      'content-security-policy': csp(hashes, path.startsWith('/readme/') ? [PDOK] : []),
      'x-content-type-options': 'nosniff',
    });
    res.end(readFileSync(file));
  });
  return new Promise((resolveServer) => {
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      baseUrl = `http://127.0.0.1:${address.port}/`;
      resolveServer(srv);
    });
  });
}

/** A page that records console errors, page errors, failed requests and CSP violations. */
const PDOK = 'https://api.pdok.nl';

/**
 * Answers requests to PDOK's Locatieserver from the recorded responses (no network here), as the
 * /pdok/ mount does for pages that point the search elsewhere.
 */
async function routePdok(page) {
  await page.route(`${PDOK}/**`, async (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop();
    const file = join(root, 'test/fixtures/locatieserver', `${name}.json`);
    if (!existsSync(file)) {
      await route.fulfill({ status: 404, body: 'not found' });
      return;
    }
    await route.fulfill({
      status: 200,
      contentType: 'application/json',
      headers: { 'access-control-allow-origin': '*' },
      body: readFileSync(file),
    });
  });
}

async function openPage(path, options = {}) {
  const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) =>
    problems.push(`requestfailed: ${r.url()} ${r.failure()?.errorText}`),
  );
  page.on('response', (r) => {
    if (r.status() >= 400 && !r.url().endsWith('/favicon.ico'))
      problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  if (options.pdok) await routePdok(page);
  await page.goto(new URL(path, baseUrl).href);
  return { page, problems };
}

/** Clicks the map at an RD location (after centring on it) and waits for a report. */
async function clickForReport(page, globalName, location) {
  await page.evaluate(
    ([g, x, y]) => {
      const map = window[g].map;
      map.getView().setCenter([x, y]);
      map.renderSync();
    },
    [globalName, location.x, location.y],
  );
  const point = await page.evaluate(
    ([g, x, y]) => {
      const map = window[g].map;
      const pixel = map.getPixelFromCoordinate([x, y]);
      const rect = map.getViewport().getBoundingClientRect();
      return [rect.left + pixel[0], rect.top + pixel[1]];
    },
    [globalName, location.x, location.y],
  );
  await page.mouse.click(point[0], point[1]);
  await page.waitForFunction((g) => window[g].reports.length > 0, globalName, { timeout: 15000 });
  return page.evaluate((g) => window[g].reports.at(-1), globalName);
}

async function shadowText(page, selector) {
  return page.evaluate((s) => document.querySelector(s)?.shadowRoot?.textContent ?? '', selector);
}

const known = JSON.parse(readFileSync(join(root, 'demo/data/locations.json'), 'utf8')).locations;
const located = known.filter((l) => l.expect?.zone);

/** Waits until the host page's legend lists the zones (the zonering has loaded). */
async function legendShowsZones(page) {
  await page.waitForFunction(
    () =>
      (document.querySelector('na-zonering-legend')?.shadowRoot?.textContent ?? '').includes('Dz'),
    null,
    { timeout: 15000 },
  );
}

/** Clicks the first known place on the host's map: the report has its zone, the panel shows it. */
async function reportForFirstPlace(page) {
  const place = located[0];
  const report = await clickForReport(page, '__host', place);
  assert.equal(report.landscape.zone?.code, place.expect.zone);
  await page.waitForFunction(
    (zone) =>
      (document.querySelector('na-location-check')?.shadowRoot?.textContent ?? '').includes(
        `(${zone})`,
      ),
    place.expect.zone,
  );
}

// ---- Tests ------------------------------------------------------------------------------------

test('the tarball holds every exports target with its types, the manifest and both bundles', () => {
  const files = new Set(packedFiles);
  for (const [key, target] of Object.entries(pkg.exports)) {
    const entries = typeof target === 'string' ? [target] : Object.values(target);
    for (const file of entries) {
      assert.ok(
        files.has(file.replace(/^\.\//, '')),
        `exports["${key}"] → ${file} is not in the tarball`,
      );
    }
  }
  for (const file of [
    'custom-elements.json',
    'dist/bundle/natuurlijke-alliantie.js',
    'dist/bundle/natuurlijke-alliantie.standalone.js',
    'dist/styles/zonering.sld',
    'dist/styles/zonering.qml',
    'demo/data/zonering.geojson',
  ]) {
    assert.ok(files.has(file), `${file} is not in the tarball`);
  }
  assert.ok(![...files].some((f) => f.startsWith('test/') || f.startsWith('node_modules/')));
  const manifest = JSON.parse(
    readFileSync(join(host, 'node_modules', pkg.name, 'custom-elements.json'), 'utf8'),
  );
  const tags = manifest.modules
    .flatMap((m) => (m.declarations ?? []).map((d) => d.tagName))
    .filter(Boolean);
  assert.deepEqual([...new Set(tags)].sort(), [
    'na-address-search',
    'na-kansenkaart-layer',
    'na-kansenkaart-legend',
    'na-location-check',
    'na-scenario-compare',
    'na-zonering-layer',
    'na-zonering-legend',
  ]);
});

test('ol is the host copy: the package brings no ol (or ol-ext) of its own', () => {
  assert.ok(!existsSync(join(host, 'node_modules', pkg.name, 'node_modules/ol')), 'nested ol');
  assert.ok(
    !existsSync(join(host, 'node_modules', pkg.name, 'node_modules/ol-ext')),
    'nested ol-ext',
  );
  // ol-ext (the scenario swipe) is a peer dependency: npm installed it beside the host's ol.
  assert.ok(
    existsSync(join(host, 'node_modules/ol-ext/package.json')),
    'ol-ext peer not installed',
  );
  assert.equal(
    JSON.parse(readFileSync(join(host, 'node_modules/ol/package.json'), 'utf8')).version,
    version('ol'),
  );
});

test('the core entry imports and runs in plain Node (no DOM), every entry resolves', () => {
  const script = `
    import * as na from '${pkg.name}';
    const kb = na.defaultKnowledgeBase();
    const report = na.assess([{ name: 'zone', status: 'ok', value: 'Sw1', provenance: { sourceId: 'x', title: 'x' } }], kb);
    const entries = ${JSON.stringify(Object.keys(pkg.exports).filter((k) => k !== '.'))};
    const resolved = entries.map((e) => import.meta.resolve('${pkg.name}' + e.slice(1)));
    console.log(JSON.stringify({
      dom: typeof document !== 'undefined' || typeof window !== 'undefined',
      zones: kb.zones.length,
      principles: report.principles.length,
      sld: na.zoneringSld(kb).includes('<se:Rule>'),
      resolved,
    }));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: host,
    encoding: 'utf8',
  });
  const r = JSON.parse(out.trim().split('\n').at(-1));
  assert.equal(r.dom, false);
  assert.ok(r.zones >= 50, `zones ${r.zones}`);
  assert.ok(r.principles > 0, 'principles for Sw1');
  assert.equal(r.sld, true);
  for (const url of r.resolved) {
    assert.ok(url.includes(`/node_modules/${pkg.name}/`), url);
    if (!url.endsWith('.json')) assert.ok(existsSync(fileURLToPath(url)), `missing ${url}`);
  }
});

test('the host type-checks against the package types (every entry it imports)', () => {
  run(join(host, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json'], host);
});

test('the host builds with Vite and contains ONE copy of OpenLayers', () => {
  run(join(host, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], host);
  const jsFiles = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.js')) jsFiles.push(p);
    }
  };
  walk(join(host, 'dist'));
  // A string only ol/Map.js has (the class name of the controls container it creates).
  const marker = 'ol-overlaycontainer-stopevent';
  const count = jsFiles.reduce((n, f) => n + readFileSync(f, 'utf8').split(marker).length - 1, 0);
  assert.equal(count, 1, `ol's Map class appears ${count} times in the host build`);
  const manifest = JSON.parse(readFileSync(join(host, 'dist/.vite/manifest.json'), 'utf8'));
  const olModules = Object.keys(manifest).filter(
    (k) => k.includes('node_modules/ol/') && !k.endsWith('.css'),
  );
  assert.ok(
    olModules.every((k) => !k.includes(`${pkg.name}/node_modules`)),
    olModules.join(', '),
  );
});

test('built host: the elements render, the layer loads, a click gives a report; core runs in a Worker', async () => {
  const { page, problems } = await openPage('/');
  try {
    await page.waitForFunction(() => window.__host?.widgets?.length === 5, null, {
      timeout: 15000,
    });
    const worker = await page.waitForFunction(() => window.__host.worker, null, { timeout: 15000 });
    const w = await worker.jsonValue();
    assert.equal(w.error, undefined, `worker error: ${w.error}`);
    assert.equal(w.hasDocument, false);
    assert.equal(w.zone, 'Dz1');
    assert.ok(w.principles > 0 && w.qmlBytes > 1000);
    await legendShowsZones(page);
    // The panel says "Bronnen laden…" until the check's sources are read (in the request
    // worker, a moment after the legend's zonering); then it invites the click.
    await page
      .waitForFunction(
        () =>
          /Klik op de kaart/.test(
            document.querySelector('na-location-check')?.shadowRoot?.textContent ?? '',
          ),
        null,
        { timeout: 15000 },
      )
      .catch(() => undefined);
    assert.match(await shadowText(page, 'na-location-check'), /Klik op de kaart/);
    await reportForFirstPlace(page);
    assert.deepEqual(problems, []);
  } catch (e) {
    await page.screenshot({ path: join(artifacts, 'host.png') });
    if (problems.length > 0)
      console.log(`       page problems:\n         ${problems.join('\n         ')}`);
    throw e;
  } finally {
    await page.close();
  }
});

for (const [name, path, global] of [
  ['standalone bundle (ol included)', '/pages/script-tag.html', '__page'],
  [
    'bundle with the page’s own ol (import map, allowed by hash)',
    '/pages/script-tag-importmap.html',
    '__page',
  ],
]) {
  test(`script tag under a strict CSP: ${name}`, async () => {
    const { page, problems } = await openPage(path);
    try {
      await page.waitForFunction((g) => window[g]?.map !== undefined, global, { timeout: 15000 });
      await page.waitForFunction(
        () =>
          (document.querySelector('na-zonering-legend')?.shadowRoot?.textContent ?? '').includes(
            'Dz',
          ),
        null,
        { timeout: 15000 },
      );
      const place = located[1] ?? located[0];
      const report = await clickForReport(page, global, place);
      assert.equal(report.landscape.zone?.code, place.expect.zone);
      if (path.includes('importmap')) {
        // The elements use the page's own OpenLayers: the map they got is an instance of its Map.
        const same = await page.evaluate(() => window.__page.map instanceof window.__page.OlMap);
        assert.equal(same, true);
      }
      assert.deepEqual(problems, []);
    } catch (e) {
      await page.screenshot({ path: join(artifacts, `${path.split('/').pop()}.png`) });
      if (problems.length > 0)
        console.log(`       page problems:\n         ${problems.join('\n         ')}`);
      throw e;
    } finally {
      await page.close();
    }
  });
}

test('an older host (ol 6) keeps its own map; the standalone bundle works beside it', async () => {
  // The host's ol 6, installed as such a host has it (no bundler: ES modules via an import map).
  const ol6 = mkdtempSync(join(tmpdir(), 'na-pack-ol6-'));
  tempDirs.push(ol6);
  writeFileSync(join(ol6, 'package.json'), JSON.stringify({ private: true }));
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', 'ol@6.15.1'], ol6);
  extraMounts.push(['/ol6/', join(ol6, 'node_modules')]);
  const { page, problems } = await openPage('/pages/old-host.html');
  try {
    await page.waitForFunction(() => window.__page?.map !== undefined, null, { timeout: 15000 });
    assert.equal(await page.evaluate(() => window.__page.hostOlVersion), '6.15.1');
    await page.waitForFunction(
      () =>
        (document.querySelector('na-zonering-legend')?.shadowRoot?.textContent ?? '').includes(
          'Dz',
        ),
      null,
      { timeout: 15000 },
    );
    const place = located[0];
    const report = await clickForReport(page, '__page', place);
    assert.equal(report.landscape.zone?.code, place.expect.zone);
    // The host's map still works on its own ol after the bundle loaded: it renders its layer.
    const host = await page.evaluate(() => {
      const m = window.__page.hostMap;
      m.getView().setZoom(10);
      m.renderSync();
      const canvas = document.querySelector('#host-map canvas');
      return {
        zoom: m.getView().getZoom(),
        canvas: canvas !== null && canvas.width > 0,
        layers: m.getLayers().getLength(),
      };
    });
    assert.deepEqual(host, { zoom: 10, canvas: true, layers: 1 });
    assert.deepEqual(problems, []);
  } catch (e) {
    await page.screenshot({ path: join(artifacts, 'old-host.png') });
    if (problems.length > 0)
      console.log(`       page problems:\n         ${problems.join('\n         ')}`);
    throw e;
  } finally {
    await page.close();
  }
});

// ---- The README's embedding steps, as written (test/pack/readme-hosts.mjs) --------------------

const ELEMENT_TAGS = [
  'na-address-search',
  'na-location-check',
  'na-scenario-compare',
  'na-zonering-layer',
  'na-zonering-legend',
];
const olMatrix = JSON.parse(readFileSync(join(root, 'scripts/ol-versions.json'), 'utf8'));
/** A host with every bundler on our ol, and a Vite host on each older ol the peer range allows. */
const readmeHosts = [
  { ol: version('ol'), bundlers: ['vite', 'webpack', 'rollup'] },
  ...Object.values(olMatrix)
    .reverse()
    .map((ol) => ({ ol, bundlers: ['vite'] })),
];
const builtHosts = new Map();

function readmeHost(spec) {
  const key = spec.ol;
  if (!builtHosts.has(key)) {
    try {
      const built = buildReadmeHost({
        tarball,
        ol: spec.ol,
        bundlers: spec.bundlers,
        versions: { vite: version('vite') },
        readme: readFileSync(join(root, 'README.md'), 'utf8'),
        run: (cmd, args, cwd) => run(cmd, args, cwd),
      });
      tempDirs.push(built.dir);
      builtHosts.set(key, { built });
    } catch (e) {
      builtHosts.set(key, { error: e });
    }
  }
  const entry = builtHosts.get(key);
  if (entry.error) throw entry.error;
  return entry.built;
}

for (const spec of readmeHosts) {
  for (const bundler of spec.bundlers) {
    const name = `${bundler}-ol${spec.ol.split('.')[0]}`;
    test(`README embedding as written: production ${bundler} build, ol ${spec.ol}, under a sub-path`, async () => {
      const built = readmeHost(spec);
      const prefix = `/readme/${name}/`;
      extraMounts.push([prefix, built.outputs[bundler]]);
      const { page, problems } = await openPage(`${prefix}index.html`, { pdok: true });
      try {
        const defined = await page.evaluate(
          (tags) => tags.filter((t) => customElements.get(t) !== undefined),
          ELEMENT_TAGS,
        );
        assert.deepEqual(defined, ELEMENT_TAGS, 'elements registered by the README import');
        await page.waitForFunction(() => window.__host?.map !== undefined, null, {
          timeout: 15000,
        });
        // map-target found the host's map; the legend shows the zonering loaded by relative path.
        await page.waitForFunction(
          () => document.querySelector('na-location-check')?.map === window.__host.map,
          null,
          { timeout: 15000 },
        );
        await legendShowsZones(page);
        await reportForFirstPlace(page);
        assert.deepEqual(problems, []);
      } catch (e) {
        await page.screenshot({ path: join(artifacts, `readme-${name}.png`) });
        if (problems.length > 0)
          console.log(`       page problems:\n         ${problems.join('\n         ')}`);
        throw e;
      } finally {
        await page.close();
      }
    });
  }
}

test('every README host build holds ONE OpenLayers, the version the host installed', () => {
  for (const spec of readmeHosts) {
    const built = readmeHost(spec);
    // The host's own ol stayed the version it asked for (npm did not upgrade it), and the package
    // brought no ol of its own: the build can only hold that one.
    const hostOl = JSON.parse(
      readFileSync(join(built.dir, 'node_modules/ol/package.json'), 'utf8'),
    );
    assert.equal(hostOl.version, spec.ol);
    assert.ok(!existsSync(join(built.dir, 'node_modules', pkg.name, 'node_modules/ol')));
    for (const [bundler, out] of Object.entries(built.outputs)) {
      const js = [];
      const walk = (dir) => {
        for (const f of readdirSync(dir)) {
          const p = join(dir, f);
          if (statSync(p).isDirectory()) walk(p);
          else if (f.endsWith('.js')) js.push(readFileSync(p, 'utf8'));
        }
      };
      walk(out);
      const all = js.join('\n');
      // A string only ol/Map.js has.
      const maps = all.split('ol-overlaycontainer-stopevent').length - 1;
      assert.equal(maps, 1, `${bundler}, ol ${spec.ol}: ol's Map appears ${maps} times`);
    }
  }
});

test('every link in the packed README and docs resolves to a packed file', () => {
  const files = new Set(packedFiles);
  const docs = packedFiles.filter((f) => f.endsWith('.md'));
  assert.ok(docs.includes('README.md'));
  const broken = [];
  for (const doc of docs) {
    const text = readFileSync(join(host, 'node_modules', pkg.name, doc), 'utf8');
    const base = dirname(doc);
    for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      const target = m[1].split('#')[0];
      if (target === '' || /^[a-z]+:/i.test(target)) continue;
      const path = normalize(join(base, target)).split(sep).join('/');
      if (!files.has(path)) broken.push(`${doc}: ${m[1]}`);
    }
  }
  // Paths the README names in backticks under docs/ and demo/data/ are shipped too.
  const readme = readFileSync(join(host, 'node_modules', pkg.name, 'README.md'), 'utf8');
  for (const m of readme.matchAll(/`((?:docs|demo\/data)\/[\w./-]+\.\w+)`/g)) {
    if (!files.has(m[1])) broken.push(`README.md: \`${m[1]}\``);
  }
  assert.deepEqual(broken, []);
});

// ---- Main -------------------------------------------------------------------------------------

let passed = 0;
let failed = 0;
const selected = tests.filter((t) => filter === undefined || t.name.includes(filter));
try {
  setUp();
  server = await startServer();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  for (const t of selected) {
    const t0 = Date.now();
    try {
      await t.fn();
      passed += 1;
      console.log(`  ok   ${t.name} (${Date.now() - t0} ms)`);
    } catch (e) {
      failed += 1;
      console.log(
        `  FAIL ${t.name}\n       ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
      );
    }
  }
} catch (e) {
  failed += 1;
  console.error(`pack: set-up failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
} finally {
  await browser?.close();
  server?.close();
  if (host && process.env.NA_PACK_KEEP !== '1') rmSync(host, { recursive: true, force: true });
  else if (host) console.log(`[pack] host app kept at ${host}`);
  if (tarball) rmSync(dirname(tarball), { recursive: true, force: true });
  for (const d of tempDirs) {
    if (process.env.NA_PACK_KEEP === '1') console.log(`[pack] README host kept at ${d}`);
    else rmSync(d, { recursive: true, force: true });
  }
}

console.log(`pack: ${passed} passed, ${failed} failed`);
if (process.env.NA_PACK_SUMMARY) {
  mkdirSync(dirname(process.env.NA_PACK_SUMMARY), { recursive: true });
  writeFileSync(process.env.NA_PACK_SUMMARY, JSON.stringify({ passed, failed }));
}
process.exit(failed > 0 ? 1 : 0);
