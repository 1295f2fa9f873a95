/**
 * End-to-end tests of the demo geoportal: the production build that `npm start` serves (with the
 * strict Content-Security-Policy header), driven by @playwright/test in Debian's Chromium
 * (playwright.config.mjs; the demo server is started by test/e2e/global-setup.mjs).
 *
 * Run: `npm run test:e2e` (or `npx playwright test -g "<part of a test name>"`). The JSON report
 * (.cache/e2e/results.json, or $NA_E2E_JSON) gives scripts/test-all.mjs its counts. Screenshots of
 * failures go to `.cache/e2e/`.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from '@playwright/test';
import { nationalZonering } from '../../scripts/national-data.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const artifacts = resolve(root, '.cache/e2e');
/** The known demo locations and what the data says there (demo/data/locations.json). */
const known = JSON.parse(readFileSync(resolve(root, 'demo/data/locations.json'), 'utf8'));
/** @param {string} id */
function place(id) {
  const loc = known.locations.find((l) => l.id === id);
  if (!loc) throw new Error(`demo/data/locations.json has no location "${id}"`);
  return loc;
}

// ---- Runner -----------------------------------------------------------------------------------

// One worker, the tests of this file in order: the last test checks the whole run for CSP
// violations and page errors.
test.describe.configure({ mode: 'default' });

// ---- Browser helpers --------------------------------------------------------------------------

/** @type {import('@playwright/test').Browser} */
let browser;
/** The demo server's URL, from test/e2e/global-setup.mjs. */
const baseUrl = process.env.NA_E2E_BASE_URL ?? '';

/**
 * Everything a page reported that a test of CSP and errors cares about, over the whole run.
 * @type {Array<{ page: string, kind: string, text: string }>}
 */
const problems = [];

/** Records CSP violations (console and `securitypolicyviolation`) and page errors of a page. */
async function watch(page) {
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(
        `CSP violation (securitypolicyviolation): ${e.violatedDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });
  page.on('console', (msg) => {
    const text = msg.text();
    if (/Content Security Policy|CSP violation/i.test(text)) {
      problems.push({ page: page.url(), kind: 'csp', text });
    } else if (msg.type() === 'error') {
      problems.push({ page: page.url(), kind: 'console-error', text });
    }
  });
  page.on('pageerror', (error) => {
    problems.push({ page: page.url(), kind: 'pageerror', text: String(error?.stack ?? error) });
  });
}

/** Contexts opened by the running test; the runner closes them (after screenshots on failure). */
const openContexts = new Set();

/** A fresh browser context (own storage), closed by the runner after the test. */
async function newContext(options) {
  const context = await browser.newContext(options);
  openContexts.add(context);
  // This machine is offline: the location check's reverse geocoding asks PDOK's Locatieserver for
  // the nearest address after each click. Answer it locally (no address found) so the network
  // errors of an offline machine do not count as page errors.
  await context.route('https://api.pdok.nl/bzk/locatieserver/**', (route) =>
    route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({ response: { numFound: 0, start: 0, docs: [] } }),
    }),
  );
  return context;
}

/**
 * Opens a page of the demo in a fresh context (its own storage) and waits until its maps are
 * rendered and its zonering layers loaded.
 * @param {string} path e.g. `index.html`
 * @param {{ width?: number, height?: number }} [viewport]
 */
async function open(path, viewport = { width: 1280, height: 800 }) {
  const context = await newContext({ viewport });
  const page = await context.newPage();
  await watch(page);
  const response = await page.goto(new URL(path, baseUrl).href);
  assert.ok(response?.ok(), `${path}: HTTP ${response?.status()}`);
  await ready(page);
  return { context, page, response };
}

/** Waits until every map on the page is rendered and every zonering layer is loaded. */
async function ready(page) {
  await page.waitForFunction(() => Object.keys(window.__naDemo?.maps ?? {}).length > 0, null, {
    timeout: 15000,
  });
  await page.waitForFunction(
    () => [...document.querySelectorAll('na-zonering-layer')].every((el) => el.state === 'ready'),
    null,
    { timeout: 15000 },
  );
  await rendered(page);
}

/** Resolves when every map on the page has finished rendering. */
async function rendered(page) {
  await page.evaluate(() =>
    Promise.all(
      Object.values(window.__naDemo?.maps ?? {}).map(
        (map) =>
          new Promise((resolvePromise) => {
            map.once('rendercomplete', () => resolvePromise(undefined));
            map.render();
          }),
      ),
    ),
  );
}

/** The client pixel of an RD coordinate on a named map; asserts it is well inside the map. */
async function pixelOf(page, mapName, x, y) {
  const result = await page.evaluate(
    ({ mapName, x, y }) => {
      const hook = window.__naDemo;
      const map = hook?.maps[mapName];
      const pixel = hook?.rdToClient(mapName, x, y);
      const rect = map?.getViewport().getBoundingClientRect();
      if (!pixel || !rect) return null;
      // The part of the map inside the browser window.
      const box = {
        left: Math.max(rect.left, 0),
        top: Math.max(rect.top, 0),
        right: Math.min(rect.right, window.innerWidth),
        bottom: Math.min(rect.bottom, window.innerHeight),
      };
      return { pixel, box };
    },
    { mapName, x, y },
  );
  assert.ok(result, `map "${mapName}" has no pixel for ${x}, ${y}`);
  const [px, py] = result.pixel;
  const { box } = result;
  // Stay clear of the controls in the corners (zoom, scale line, attribution).
  assert.ok(
    px > box.left + 40 && px < box.right - 40 && py > box.top + 40 && py < box.bottom - 30,
    `${x}, ${y} lies outside the visible map "${mapName}" (pixel ${px}, ${py})`,
  );
  return { x: Math.round(px), y: Math.round(py) };
}

/** Clicks a known location on a named map (a real pointer click, like a user). */
async function clickAt(page, mapName, loc) {
  const { x, y } = await pixelOf(page, mapName, loc.x, loc.y);
  await page.mouse.click(x, y);
}

/**
 * Waits until a `<na-location-check>` (a locator) shows a report and returns its zone code and
 * landscape type as rendered (read through the shadow root with Playwright's piercing CSS).
 */
async function reportOf(check) {
  const zone = check.locator('[part~="landscape"] [data-zone]');
  const type = check.locator('[part~="landscape"] [data-landscape-type]');
  await zone.waitFor({ timeout: 15000 });
  return {
    zone: await zone.getAttribute('data-zone'),
    type: await type.getAttribute('data-landscape-type'),
    zoneText: (await zone.locator('strong').innerText()).trim(),
  };
}

/** Waits until a check shows the report of a location with the expected zone. */
async function expectReport(check, loc) {
  await check
    .locator(`[part~="landscape"] [data-zone="${loc.expect.zone}"]`)
    .waitFor({ timeout: 15000 })
    .catch(() => undefined);
  const report = await reportOf(check);
  assert.equal(report.zone, loc.expect.zone, `zone at ${loc.id}`);
  assert.equal(report.type, loc.expect.landscapeType, `landscape type at ${loc.id}`);
  assert.match(report.zoneText, new RegExp(`\\(${loc.expect.zone}\\)`));
  return report;
}

/**
 * The colour of a pixel region in a PNG screenshot: the most common colour of the (2r+1)² pixels
 * around (x, y), so a thin outline or a label letter does not decide it. Decoded in a blank page.
 */
async function sampleColour(png, x, y, r = 3) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    return await page.evaluate(
      async ({ data, x, y, r }) => {
        const img = new Image();
        img.src = `data:image/png;base64,${data}`;
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = img.naturalWidth;
        canvas.height = img.naturalHeight;
        const ctx = canvas.getContext('2d');
        ctx.drawImage(img, 0, 0);
        const px = ctx.getImageData(x - r, y - r, 2 * r + 1, 2 * r + 1).data;
        const counts = new Map();
        for (let i = 0; i < px.length; i += 4) {
          const key = `${px[i]},${px[i + 1]},${px[i + 2]}`;
          counts.set(key, (counts.get(key) ?? 0) + 1);
        }
        const [best] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
        return best.split(',').map(Number);
      },
      { data: png.toString('base64'), x, y, r },
    );
  } finally {
    await context.close();
  }
}

/** `rgb(r, g, b)` or `#rrggbb` → [r, g, b]. */
function parseColour(text) {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(text);
  if (hex) return [hex[1], hex[2], hex[3]].map((h) => parseInt(h, 16));
  const rgb = /rgba?\(\s*(\d+)[,\s]+(\d+)[,\s]+(\d+)/.exec(text);
  if (rgb) return [rgb[1], rgb[2], rgb[3]].map(Number);
  throw new Error(`Not a colour: ${text}`);
}

function assertColourClose(actual, expected, tolerance, what) {
  const diff = Math.max(...actual.map((v, i) => Math.abs(v - expected[i])));
  assert.ok(
    diff <= tolerance,
    `${what}: got rgb(${actual.join(', ')}), expected rgb(${expected.map((v) => Math.round(v)).join(', ')}) ±${tolerance}`,
  );
}

/** Fails with a short list (kind, count, first 240 characters) when any problem was recorded. */
function assertNoProblems(list) {
  if (list.length === 0) return;
  const counts = new Map();
  for (const p of list) {
    // Chromium names a hash per blocked inline style: one line for all of them.
    const text = p.text.replace(/'sha256-[^']*'/g, "'sha256-…'").replace(/:\d+:\d+/g, '');
    const key = `${p.kind}: ${text.slice(0, 240)}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const lines = [...counts].map(([key, n]) => `  ${n}× ${key}`);
  assert.fail(`${list.length} CSP violation(s), console or page error(s):\n${lines.join('\n')}`);
}

/** Moves the pointer off the map (no hover tooltip in screenshots). */
async function pointerAway(page) {
  await page.mouse.move(5, 5);
}

// ---- Tests ------------------------------------------------------------------------------------

test('the illustrative-data banner is visible on every page', async () => {
  for (const path of ['index.html', 'embed.html', 'two-maps.html']) {
    const { page } = await open(path);
    const banner = page.locator('.demo-banner');
    assert.ok(await banner.isVisible(), `${path}: banner visible`);
    assert.match(await banner.innerText(), /Illustratieve demodata — geen echte gegevens/);
    const box = await banner.boundingBox();
    assert.ok(box && box.y < 200 && box.height > 10, `${path}: banner near the top`);
  }
});

test('clicking known locations shows their zone and landscape type', async () => {
  const { page } = await open('index.html');
  const check = page.locator('na-location-check');
  for (const id of ['stuwwal-top', 'dekzandrug', 'oeverwal', 'beekdal-kwel']) {
    const loc = place(id);
    await clickAt(page, 'main', loc);
    await expectReport(check, loc);
  }
  // The report says the data is illustrative.
  assert.ok(await check.locator('[part~="notice"]').isVisible(), 'illustrative notice in report');
});

test('permalink round trip: the URL keeps the location, opening it shows the same report', async () => {
  const loc = place('es');
  const { page } = await open('index.html');
  await clickAt(page, 'main', loc);
  const first = await expectReport(page.locator('na-location-check'), loc);
  const url = page.url();
  const value = new URL(url).searchParams.get('na-check');
  assert.ok(value, `the URL has the location: ${url}`);
  const [x, y, crs] = value.split(',');
  assert.equal(crs, 'EPSG:28992');
  // One pixel is about 12 m at the fitted view.
  assert.ok(Math.abs(Number(x) - loc.x) < 30 && Math.abs(Number(y) - loc.y) < 30, value);
  assert.equal(first.zone, loc.expect.zone);
  const again = await newContext({ viewport: { width: 1280, height: 800 } });
  const page2 = await again.newPage();
  await watch(page2);
  await page2.goto(url);
  await ready(page2);
  await expectReport(page2.locator('na-location-check'), loc);
  // The map is centred on the location from the link.
  const centre = await page2.evaluate(() => window.__naDemo.maps.main.getView().getCenter());
  assert.ok(
    Math.abs(centre[0] - loc.x) < 30 && Math.abs(centre[1] - loc.y) < 30,
    `centre ${centre}`,
  );
});

test('the zonering on the map has the colours of the legend (screenshot)', async () => {
  const { page } = await open('index.html');
  const legend = page.locator('na-zonering-legend');
  await legend.locator('[part~="list"]').waitFor();
  await pointerAway(page);
  const box = await page.locator('[data-map="main"]').boundingBox();
  assert.ok(box);
  const mapBox = {
    x: Math.round(box.x),
    y: Math.round(box.y),
    width: Math.floor(box.width),
    height: Math.floor(box.height),
  };
  const shot = async () => {
    await rendered(page);
    return page.screenshot({ clip: mapBox });
  };
  for (const id of ['dekzandvlakte', 'stuwwal-top', 'oeverwal']) {
    const loc = place(id);
    const pixel = await pixelOf(page, 'main', loc.x, loc.y);
    const at = { x: pixel.x - mapBox.x, y: pixel.y - mapBox.y };

    // The legend entry of this zone at the current scale: the zone itself, or its type.
    const key = await legend.evaluate(
      (el, { zone, type }) => {
        const model = el.legend;
        if (!model) return null;
        if (model.types) return model.entries.find((e) => e.id === type)?.key ?? null;
        for (const e of model.entries) {
          const z = e.zones?.find((zz) => zz.id === zone);
          if (z) return z.key;
        }
        return null;
      },
      { zone: loc.expect.zone, type: loc.expect.landscapeType },
    );
    assert.ok(key, `${id}: the legend lists ${loc.expect.zone}`);
    const swatch = legend.locator(`li[data-key="${key}"] > [part~="entry-row"] [part~="swatch"]`);
    const swatchCss = await swatch.evaluate((el) => getComputedStyle(el).backgroundColor);
    assert.ok(
      !/^rgba\(.*,\s*0\)$/.test(swatchCss) && swatchCss !== 'transparent',
      `${id}: the legend swatch of ${key} has no colour (${swatchCss}); an inline style blocked by the CSP?`,
    );
    const swatchColour = parseColour(swatchCss);

    // The base colour there, with the zonering switched off through the legend.
    const toggle = legend.locator('[part~="toggle"]');
    await toggle.uncheck();
    const baseColour = await sampleColour(await shot(), at.x, at.y);
    await toggle.check();

    // With the legend's opacity (default 70 %): the swatch colour blended over the base.
    const opacity = Number(await legend.locator('[part~="opacity"]').inputValue()) / 100;
    assert.ok(opacity > 0 && opacity < 1, `opacity ${opacity}`);
    const blended = swatchColour.map((c, i) => c * opacity + baseColour[i] * (1 - opacity));
    assertColourClose(
      await sampleColour(await shot(), at.x, at.y),
      blended,
      4,
      `${id} (${key}) at ${opacity * 100}% over the base`,
    );

    // At 100 % through the slider: exactly the swatch colour.
    await legend.locator('[part~="opacity"]').fill('100');
    assertColourClose(
      await sampleColour(await shot(), at.x, at.y),
      swatchColour,
      3,
      `${id} (${key}) at 100%`,
    );
    await legend.locator('[part~="opacity"]').fill(String(Math.round(opacity * 100)));
  }
});

test('PDOK base map: off by default; switched on, it asks WMTS tiles in RD', async () => {
  const { page } = await open('index.html');
  const toggle = page.locator('input[data-setting="pdok"]');
  assert.equal(await toggle.isChecked(), false, 'off by default (the demo works offline)');
  // This machine is offline: answer PDOK's tile requests with a grey 1×1 PNG.
  const tile = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGO4AwAA3gDdXeHJVgAAAABJRU5ErkJggg==',
    'base64',
  );
  const requests = [];
  await page.route('https://service.pdok.nl/**', (route) => {
    requests.push(new URL(route.request().url()));
    return route.fulfill({ status: 200, contentType: 'image/png', body: tile });
  });
  await toggle.check();
  await rendered(page);
  assert.ok(requests.length > 0, 'tiles requested');
  // OGC KVP parameter names are case-insensitive (OpenLayers writes `Service`, `layer`, …).
  const params = new Map([...requests[0].searchParams].map(([k, v]) => [k.toUpperCase(), v]));
  const q = { get: (name) => params.get(name) ?? null };
  assert.equal(
    requests[0].origin + requests[0].pathname,
    'https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0',
  );
  assert.equal(q.get('SERVICE'), 'WMTS');
  assert.equal(q.get('REQUEST'), 'GetTile');
  assert.equal(q.get('LAYER'), 'grijs');
  assert.equal(q.get('TILEMATRIXSET'), 'EPSG:28992');
  assert.equal(q.get('FORMAT'), 'image/png');
  assert.match(q.get('TILEMATRIX') ?? '', /^\d+$/);
  await toggle.uncheck();
});

test('strict CSP: header and meta on every page, no violations and no page errors', async () => {
  const policy = {
    'default-src': "'self'",
    'script-src': "'self'",
    'style-src': "'self'",
    'object-src': "'none'",
    'frame-ancestors': "'none'",
  };
  const before = problems.length;
  for (const path of ['index.html', 'embed.html', 'two-maps.html']) {
    const { page, response } = await open(path);
    const header = response.headers()['content-security-policy'];
    assert.ok(header, `${path}: CSP header`);
    for (const [directive, value] of Object.entries(policy)) {
      assert.ok(
        header.includes(`${directive} ${value}`),
        `${path}: header has ${directive} ${value}`,
      );
    }
    assert.ok(!/unsafe-(inline|eval)/.test(header), `${path}: no unsafe-* in the header`);
    const meta = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    assert.ok(
      meta?.includes("script-src 'self'") && meta.includes("style-src 'self'"),
      `${path}: meta`,
    );
    assert.ok(!/unsafe-(inline|eval)/.test(meta), `${path}: no unsafe-* in the meta`);
    // No inline scripts or styles in the built page.
    assert.equal(await page.locator('script:not([src])').count(), 0, `${path}: inline <script>`);
    assert.equal(await page.locator('style').count(), 0, `${path}: <style> in the document`);
    // Interact: a click on the (first) map, then the report renders.
    const name = await page.evaluate(() => Object.keys(window.__naDemo.maps)[0]);
    const loc = place('dekzandrug');
    await clickAt(page, name, loc);
    // The check of the map that was clicked (on two-maps, the maps register in either order: the
    // first check is not always the one of the first map registered).
    const checked = page
      .locator('na-location-check')
      .filter({ has: page.locator('[part~="landscape"] [data-zone]') })
      .first();
    await expectReport(checked, loc);
  }
  assertNoProblems(problems.slice(before));
});

test('print: a clean one-page A4 report with a map snapshot', async () => {
  const loc = place('dekzandrug');
  const { page } = await open(`index.html?na-check=${loc.x},${loc.y},EPSG:28992`);
  const check = page.locator('na-location-check').first();
  await expectReport(check, loc);
  // The print button prepares the snapshot, then opens the print dialog (stubbed here).
  await page.evaluate(async () => {
    window.print = () => undefined;
    await document.querySelector('na-location-check').print();
  });
  const src = await check.locator('[part~="snapshot"] img').getAttribute('src');
  assert.match(src ?? '', /^data:image\/png;base64,/, 'map snapshot in the report');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.map-area').isVisible(), false, 'the live map is not printed');
  const pdf = await page.pdf({ format: 'A4' });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  assert.equal(pages, 1, `the report prints on one A4 page (got ${pages})`);
});

test('scenarios page: three designs compared under the strict CSP, green-blue most robust', async () => {
  const before = problems.length;
  const { page, response } = await open('scenarios.html');
  assert.ok(!/unsafe-(inline|eval)/.test(response.headers()['content-security-policy'] ?? 'x'));
  const { ranking, mode } = await page.evaluate(async () => {
    const el = document.querySelector('na-scenario-compare');
    const result = await el.whenComputed();
    return { ranking: result?.ranking ?? [], mode: el.computeMode };
  });
  assert.equal(ranking.length, 3, 'three scenarios ranked');
  // Vite emitted the module worker and the CSP (worker-src 'self') let it run (#11).
  assert.equal(mode, 'worker', 'the comparison ran in a module Worker');
  assert.match(
    response.headers()['content-security-policy'] ?? '',
    /worker-src 'self'/,
    'the CSP allows same-origin workers',
  );
  assert.match(ranking[0], /Groenblauw/);
  const compare = page.locator('na-scenario-compare');
  await compare.locator('[part~="ranking"]').waitFor({ timeout: 30000 });
  assert.match(await compare.locator('[part~="ranking"]').innerText(), /Groenblauw/);
  // The indicator table has a column per scenario.
  const headers = await compare.locator('table th[scope="col"]').allInnerTexts();
  for (const name of ['Huidig', 'Grijs', 'Groenblauw']) {
    assert.ok(
      headers.some((h) => h.includes(name)),
      `column for ${name} in ${JSON.stringify(headers)}`,
    );
  }
  assertNoProblems(problems.slice(before));
});

test('kansenkaart page: layer and legend under the strict CSP, a click opens the location check', async () => {
  const before = problems.length;
  const { page, response } = await open('kansenkaart.html');
  assert.ok(!/unsafe-(inline|eval)/.test(response.headers()['content-security-policy'] ?? 'x'));
  await page.waitForFunction(
    () => document.querySelector('na-kansenkaart-layer')?.state === 'ready',
    null,
    {
      timeout: 30000,
    },
  );
  // The page comes to rest: the map's size does not follow the panel beside it (the progress bar
  // gone, the legend filled), which moved the view and started a new computation, for ever.
  const sizeAt = () => page.evaluate(() => window.__naDemo.maps.kansenkaart.getSize());
  const size = await sizeAt();
  await rendered(page);
  await rendered(page);
  assert.deepEqual(await sizeAt(), size);
  assert.equal(
    await page.evaluate(() => document.querySelector('na-kansenkaart-layer').state),
    'ready',
  );
  const legend = page.locator('na-kansenkaart-legend');
  await legend.locator('select').selectOption('grondwater-hoog');
  assert.deepEqual(await sizeAt(), size);
  assert.equal(
    await page.evaluate(() => document.querySelector('na-kansenkaart-layer').action),
    'grondwater-hoog',
  );
  assert.match(await legend.locator('caption').innerText(), /grondwater/i);
  // The centre is built-up (zone A, no landscape type): the report shows that zone.
  const loc = place('centrum');
  await clickAt(page, 'kansenkaart', loc);
  await page
    .locator('na-location-check')
    .first()
    .locator(`[part~="landscape"] [data-zone="${loc.expect.zone}"]`)
    .waitFor({ timeout: 30000 });
  assertNoProblems(problems.slice(before));
});

test('whole-country page: zonering from vector tiles, a click answers from the .fgb by HTTP Range', async () => {
  const before = problems.length;
  const tiles = [];
  const fgb = [];
  const context = await newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await watch(page);
  // The 'response' event hands over the response itself: nothing is awaited after the test ends
  // (awaiting request.response() on 'requestfinished' threw once the page had closed).
  page.on('response', (response) => {
    const url = response.url();
    if (/\/national\/tiles\/\d+\/\d+\/\d+\.pbf$/.test(url)) tiles.push(response.status());
    if (url.endsWith('/national/zonering.fgb')) {
      fgb.push({ range: response.request().headers()['range'], status: response.status() });
    }
  });
  const response = await page.goto(new URL('land.html', baseUrl).href);
  assert.ok(response?.ok(), `land.html: HTTP ${response?.status()}`);
  await ready(page);
  // A hexagon in the middle of the country (deterministic data): its centre and its zone.
  const hex = nationalZonering().features[80 * 140 + 70];
  const ring = hex.geometry.coordinates[0].slice(0, -1);
  const cx = ring.reduce((sum, p) => sum + p[0], 0) / ring.length;
  const cy = ring.reduce((sum, p) => sum + p[1], 0) / ring.length;
  await page.evaluate(
    ([x, y]) => {
      const view = window.__naDemo.maps.land.getView();
      view.setCenter([x, y]);
      view.setZoom(7);
    },
    [cx, cy],
  );
  await rendered(page);
  await rendered(page);
  assert.ok(tiles.length > 0, 'vector tiles were requested');
  assert.ok(
    tiles.every((status) => status === 200),
    `tile answers: ${tiles.join(', ')}`,
  );
  const drawn = await page.evaluate(() => {
    const canvas = document.querySelector('.na-zonering-layer canvas');
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return 0;
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let i = 3; i < data.length; i += 4 * 97) if (data[i] > 0) n += 1;
    return n / (data.length / (4 * 97));
  });
  // At zoom 7 the .fgb read for the view draws (the tiles drew at the first zoom).
  assert.ok(drawn > 0.5, `the zonering covers the map (${(drawn * 100).toFixed(0)} % drawn)`);
  await clickAt(page, 'land', { x: cx, y: cy });
  const code = hex.properties.BKNSN_code;
  await page
    .locator('na-location-check')
    .locator(`[part~="landscape"] [data-zone="${code}"]`)
    .waitFor({ timeout: 30000 });
  assert.ok(fgb.length > 0, 'the check read the .fgb');
  assert.ok(
    fgb.every((r) => r.range !== undefined && r.status === 206),
    `only Range requests: ${JSON.stringify(fgb)}`,
  );
  assertNoProblems(problems.slice(before));
});

test('embed page: the components work in the existing map, the host keeps its own layers', async () => {
  const { page } = await open('embed.html');
  const layersBefore = await page.evaluate(() =>
    window.__naDemo.maps.host
      .getLayers()
      .getArray()
      .map((l) => l.getClassName()),
  );
  assert.ok(layersBefore.includes('host-base') && layersBefore.includes('host-playgrounds'));
  assert.ok(layersBefore.includes('na-zonering-layer'), `zonering added: ${layersBefore}`);
  const loc = place('stuwwal-flank');
  await clickAt(page, 'host', loc);
  await expectReport(page.locator('na-location-check'), loc);
  // The legend follows the layer (bound with the `for` attribute).
  assert.ok(await page.locator('na-zonering-legend [part~="swatch"]').first().isVisible());
  // Removing the elements leaves the host's map as it was.
  const after = await page.evaluate(() => {
    for (const el of document.querySelectorAll(
      'na-zonering-layer, na-location-check, na-zonering-legend',
    ))
      el.remove();
    const map = window.__naDemo.maps.host;
    return {
      layers: map
        .getLayers()
        .getArray()
        .map((l) => l.getClassName()),
      overlays: map.getOverlays().getLength(),
    };
  });
  assert.deepEqual(after.layers, ['host-base', 'host-playgrounds']);
  assert.equal(after.overlays, 0);
});

test('layout recipes page: side panel, panel over the map, phone bottom sheet (map-target)', async () => {
  const boxes = async (page) => ({
    map: await page.locator('#map').boundingBox(),
    panel: await page.locator('.na-layout__panel').boundingBox(),
  });
  {
    const { page } = await open('layouts.html');
    // The elements found the page's map through map-target="#map": a click gives a report.
    const loc = place('dekzandrug');
    await clickAt(page, 'main', loc);
    await expectReport(page.locator('na-location-check'), loc);
    const side = await boxes(page);
    assert.ok(side.panel.x >= side.map.x + side.map.width - 1, 'side: the panel is beside the map');
    await page.getByRole('button', { name: 'Over de kaart' }).click();
    const over = await boxes(page);
    assert.ok(
      over.panel.x > over.map.x &&
        over.panel.x + over.panel.width <= over.map.x + over.map.width + 1 &&
        over.panel.y >= over.map.y,
      'over: the panel lies over the map',
    );
  }
  {
    const { page } = await open('layouts.html', { width: 390, height: 800 });
    const sheet = await boxes(page);
    assert.ok(Math.abs(sheet.panel.y + sheet.panel.height - 800) <= 1, 'sheet at the bottom');
    assert.ok(sheet.panel.height <= 0.45 * 800 + 1, `sheet height ${sheet.panel.height}`);
    assert.ok(sheet.map.height >= 799, 'the map fills the screen');
  }
});

test('two maps on one page (RD and Web Mercator): each its own report, the other unchanged', async () => {
  const { page } = await open('two-maps.html', { width: 1400, height: 900 });
  const rdCheck = page.locator('[data-card="rd"] na-location-check');
  const webCheck = page.locator('[data-card="web"] na-location-check');
  const a = place('stuwwal-top');
  const b = place('oeverwal');
  assert.equal(
    await page.evaluate(() => window.__naDemo.maps.web.getView().getProjection().getCode()),
    'EPSG:3857',
  );

  await clickAt(page, 'rd', a);
  await expectReport(rdCheck, a);
  assert.equal(
    await webCheck.evaluate((el) => el.state),
    'empty',
    'the web map check is untouched',
  );
  assert.equal(await webCheck.locator('[part~="report"]').count(), 0);

  await clickAt(page, 'web', b);
  await expectReport(webCheck, b);
  // The RD card still shows its own location.
  const rdReport = await reportOf(rdCheck);
  assert.equal(rdReport.zone, a.expect.zone, 'the RD report is unchanged');
  // Each permalink has its own key.
  const params = new URL(page.url()).searchParams;
  assert.ok(params.get('check-rd') && params.get('check-web'), page.url());
});

test('phone (360×640): no horizontal scroll, the panel is reachable and collapsible', async () => {
  const { page } = await open('index.html', { width: 360, height: 640 });
  const overflow = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  assert.ok(
    overflow.scroll <= overflow.client,
    `no horizontal scroll (${overflow.scroll} > ${overflow.client})`,
  );

  // The skip link moves focus to the panel.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip-link');
  assert.ok(await page.locator('.skip-link').isVisible(), 'the skip link shows when focused');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'panel');

  // The panel: visible after scrolling, with the location check; a button collapses it.
  const check = page.locator('na-location-check');
  await check.scrollIntoViewIfNeeded();
  assert.ok(await check.isVisible(), 'location check visible');
  const toggle = page.locator('.panel-toggle');
  assert.ok(await toggle.isVisible(), 'panel toggle visible on a phone');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.ok(!(await check.isVisible()), 'collapsed');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  assert.ok(await check.isVisible(), 'expanded again');

  // A tap on the map still gives a report in the panel.
  const loc = place('dekzandrug');
  await page.locator('[data-map="main"]').scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollTo(0, 0));
  await rendered(page);
  const map = page.locator('[data-map="main"]');
  const box = await map.boundingBox();
  assert.ok(box && box.width <= 360, 'the map fits the screen');
  const at = await page.evaluate(() => {
    const m = window.__naDemo.maps.main;
    return m.getView().getCenter();
  });
  // Centre the known location so it is on screen at this width.
  await page.evaluate(({ x, y }) => window.__naDemo.maps.main.getView().setCenter([x, y]), loc);
  await rendered(page);
  await clickAt(page, 'main', loc);
  await expectReport(check, loc);
  assert.ok(at.length === 2);
  for (const path of ['embed.html', 'two-maps.html']) {
    await page.goto(new URL(path, baseUrl).href);
    await ready(page);
    const o = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    assert.ok(o.scroll <= o.client, `${path}: no horizontal scroll (${o.scroll} > ${o.client})`);
  }
});

test('phone (360×740): after a click the summary and the first plot advice show without scrolling', async () => {
  const { page } = await open('index.html', { width: 360, height: 740 });
  const loc = place('dekzandrug');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.evaluate(({ x, y }) => window.__naDemo.maps.main.getView().setCenter([x, y]), loc);
  await rendered(page);
  await clickAt(page, 'main', loc);
  const check = page.locator('na-location-check');
  await expectReport(check, loc);
  // The host page scrolls once the report is rendered; wait until it settles.
  await page.waitForFunction(() => window.scrollY > 0, undefined, { timeout: 10000 });
  const summary = check.locator('[part~="summary"]');
  const firstPlot = check
    .locator('[part~="scale"][data-scale="perceel/tuin"] [part~="principle"]')
    .first();
  const mapBox = await page.locator('[data-map="main"]').boundingBox();
  const summaryBox = await summary.boundingBox();
  const plotTitle = await firstPlot.locator('.principle-title').boundingBox();
  await rendered(page);
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: resolve(artifacts, 'phone-360x740-summary.png') });
  assert.ok(mapBox && mapBox.y + mapBox.height > 40, 'a strip of the map stays visible above');
  assert.ok(summaryBox, 'the summary is rendered');
  assert.ok(
    summaryBox.y >= 0 && summaryBox.y + summaryBox.height <= 740,
    `the whole summary is on screen (${JSON.stringify(summaryBox)})`,
  );
  assert.ok(plotTitle, 'a plot-scale principle is rendered');
  assert.ok(
    plotTitle.y >= 0 && plotTitle.y + plotTitle.height <= 740,
    `the first plot advice is on screen (${JSON.stringify(plotTitle)})`,
  );
  const lines = await check.locator('[part~="summary-line"]').count();
  assert.ok(lines >= 3 && lines <= 5, `three to five summary lines (got ${lines})`);
  // The city's own principles are folded away for residents; professionals get the full report.
  assert.equal(await check.locator('[part~="municipality"]').getAttribute('open'), null);
  await check.evaluate((el) => el.setAttribute('audience', 'professional'));
  await check
    .locator('[part~="scale"][data-scale="regio/stad"]')
    .first()
    .waitFor({ state: 'visible', timeout: 5000 })
    .catch(() => undefined);
  assert.equal(
    await check.locator('[part~="municipality"]').count(),
    0,
    'professional: nothing folded',
  );
});

test('accessibility (axe-core): no serious or critical violations on the pages', async () => {
  const axeSource = readFileSync(resolve(root, 'node_modules/axe-core/axe.min.js'), 'utf8');
  const failures = [];
  const pages = [
    ['index.html', { width: 1280, height: 800 }],
    ['index.html', { width: 360, height: 640 }],
    ['embed.html', { width: 1280, height: 800 }],
    ['two-maps.html', { width: 1400, height: 900 }],
  ];
  for (const [path, viewport] of pages) {
    const { page } = await open(path, viewport);
    // A report on screen too (the location check is the largest part).
    const name = await page.evaluate(() => Object.keys(window.__naDemo.maps)[0]);
    const loc = place('dekzandrug');
    if (viewport.width < 400) {
      await page.evaluate(({ x, y }) => window.__naDemo.maps.main.getView().setCenter([x, y]), loc);
      await rendered(page);
    }
    await clickAt(page, name, loc);
    // The check of the map that was clicked (on two-maps, the maps register in either order).
    const checked = page
      .locator('na-location-check')
      .filter({ has: page.locator('[part~="landscape"] [data-zone]') })
      .first();
    await expectReport(checked, loc);
    // Evaluated through the DevTools protocol: not subject to the page's CSP.
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      const result = await window.axe.run(document, { resultTypes: ['violations'] });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
      }));
    });
    for (const v of violations) {
      const line = `${path} @${viewport.width}px: ${v.impact} ${v.id}: ${v.nodes.join(' | ')}`;
      if (v.impact === 'serious' || v.impact === 'critical') failures.push(line);
      else console.log(`       note: ${line}`);
    }
  }
  assert.deepEqual(failures, [], 'serious or critical axe violations');
});

test('language switch: English for the page and the widgets, kept across pages', async () => {
  const { page } = await open('index.html');
  await page.getByRole('button', { name: /EN/ }).click();
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.match(
    await page.locator('.demo-banner').innerText(),
    /Illustrative demo data — not real data/,
  );
  // `lang` is set once, on <html>: the widgets follow it, none carries a lang of its own.
  for (const tag of ['na-location-check', 'na-zonering-legend', 'na-zonering-layer']) {
    assert.equal(await page.getAttribute(tag, 'lang'), null, `${tag} has no lang of its own`);
  }
  assert.equal(
    await page.locator('na-zonering-legend [part~="title"]').innerText(),
    'Zoning legend',
  );
  const titleEn = await page.locator('na-location-check [part~="title"]').innerText();
  assert.equal(titleEn, 'What fits here?');
  await page.getByRole('button', { name: /NL/ }).click();
  const titleNl = await page.locator('na-location-check [part~="title"]').innerText();
  assert.notEqual(titleEn, titleNl, 'the widget title changes with the language');
  await page.getByRole('button', { name: /EN/ }).click();
  await page.locator('.site-nav a[href="./embed.html"]').click();
  await ready(page);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.locator('na-location-check [part~="title"]').innerText(), titleEn);
});

/** Every demo page with a map, at a desktop size. */
const MAP_PAGES = [
  'index.html',
  'embed.html',
  'two-maps.html',
  'scenarios.html',
  'theme.html',
  'layouts.html',
];

test('zoom buttons on every demo page: ≥ 24 × 24 px, a visible focus ring, Dutch titles (#18)', async () => {
  const failures = [];
  for (const path of MAP_PAGES) {
    const { page } = await open(path, { width: 1280, height: 800 });
    const buttons = await page.evaluate(() =>
      [...document.querySelectorAll('.ol-zoom-in, .ol-zoom-out')].map((b) => {
        const r = b.getBoundingClientRect();
        return {
          title: b.getAttribute('title'),
          name: b.getAttribute('aria-label') ?? b.textContent,
          x: r.x + r.width / 2,
          y: r.y + r.height / 2,
          width: r.width,
          height: r.height,
        };
      }),
    );
    if (buttons.length === 0) failures.push(`${path}: no zoom buttons`);
    for (const b of buttons) {
      if (b.width < 24 || b.height < 24)
        failures.push(`${path}: ${b.title} ${b.width}×${b.height}`);
      if (!['Inzoomen', 'Uitzoomen'].includes(b.title ?? '') || b.name !== b.title) {
        failures.push(`${path}: title "${b.title}", name "${b.name}"`);
      }
    }
    for (let i = 0; i + 1 < buttons.length; i += 2) {
      const [a, b] = [buttons[i], buttons[i + 1]];
      const distance = Math.hypot(a.x - b.x, a.y - b.y);
      if (distance < 24) failures.push(`${path}: centres ${distance.toFixed(1)} px apart`);
    }
    // Reached with a real Tab from the map: the page's focus ring (≥ 2 px, not OpenLayers' 1 px).
    const map = page.locator('.ol-viewport').first().locator('..');
    await map.focus();
    await page.keyboard.press('Tab');
    const ring = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el?.matches('.ol-zoom-in')) return { focused: el?.className ?? null };
      const s = getComputedStyle(el);
      return {
        focused: 'ol-zoom-in',
        style: s.outlineStyle,
        width: parseFloat(s.outlineWidth),
        visible: el.matches(':focus-visible'),
      };
    });
    if (ring.focused !== 'ol-zoom-in') {
      failures.push(`${path}: Tab from the map went to ${ring.focused}`);
    } else if (!ring.visible || ring.style === 'none' || ring.width < 2) {
      failures.push(`${path}: focus ring ${ring.style} ${ring.width}px`);
    }
  }
  assert.deepEqual(failures, []);
});

test('two maps on one page: unique accessible names of regions, search boxes and toggles (#18)', async () => {
  const { page } = await open('two-maps.html', { width: 1400, height: 900 });
  const names = async () => {
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    await cdp.detach();
    const out = { region: [], combobox: [], toggle: [] };
    for (const n of nodes) {
      if (n.ignored) continue;
      const role = n.role?.value;
      const name = String(n.name?.value ?? '').trim();
      const pressed = (n.properties ?? []).some((p) => p.name === 'pressed');
      if (role === 'region') out.region.push(name);
      else if (role === 'combobox') out.combobox.push(name);
      else if (role === 'button' && pressed) out.toggle.push(name);
    }
    return out;
  };
  const duplicates = (list) => list.filter((n, i) => list.indexOf(n) !== i);
  for (const lang of ['nl', 'en']) {
    if (lang === 'en') {
      await page.getByRole('button', { name: /EN/ }).click();
      await page.waitForFunction(() =>
        [...document.querySelectorAll('na-location-check')].every((el) =>
          el.getAttribute('context-label')?.startsWith('map'),
        ),
      );
    }
    const found = await names();
    // Two location-check panels, two maps; two search boxes; two keyboard toggles (and the language
    // buttons, which differ).
    assert.ok(found.region.length >= 4, `${lang}: regions ${found.region}`);
    assert.equal(found.combobox.length, 2, `${lang}: search boxes ${found.combobox}`);
    assert.ok(found.toggle.length >= 2, `${lang}: toggles ${found.toggle}`);
    for (const [role, list] of Object.entries(found)) {
      assert.deepEqual(duplicates(list), [], `${lang}: ${role} names repeat: ${list.join(' | ')}`);
    }
    const wanted =
      lang === 'nl' ? /Wat past hier\? \(kaart in RD\)/ : /What fits here\? \(map in RD\)/;
    assert.ok(
      found.region.some((n) => wanted.test(n)),
      `${lang}: ${found.region.join(' | ')}`,
    );
  }
});

test('no CSP violations or page errors during the whole run', async () => {
  assertNoProblems(problems);
});

/** Screenshots of every page still open, for a failed test. */
async function saveScreenshots(name) {
  mkdirSync(artifacts, { recursive: true });
  const slug = name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
  let i = 0;
  for (const context of openContexts) {
    for (const page of context.pages()) {
      const file = resolve(artifacts, `${slug}-${(i += 1)}.png`);
      await page.screenshot({ path: file, fullPage: true }).then(
        () => console.log(`       screenshot: ${file}`),
        (e) => console.log(`       (no screenshot: ${e.message})`),
      );
    }
  }
}

// ---- Hooks ------------------------------------------------------------------------------------

test.beforeAll(({ browser: b }) => {
  if (baseUrl === '')
    throw new Error('NA_E2E_BASE_URL is not set: run through playwright.config.mjs.');
  browser = b;
});

test.afterEach(async () => {
  const testInfo = test.info();
  if (testInfo.status !== testInfo.expectedStatus) await saveScreenshots(testInfo.title);
  for (const context of openContexts) await context.close();
  openContexts.clear();
});
