// Browser tests in Debian's Chromium (no downloaded browsers), real pointer and keyboard input.
// Writes a pass/fail summary for scripts/test-all.mjs when NA_WTR_SUMMARY is set.
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './test/helpers/chromium.mjs';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { build } from 'esbuild';
import { defaultReporter, summaryReporter } from '@web/test-runner';
// A stand-in for PDOK Locatieserver under /locatieserver/ (fixtures in test/fixtures/locatieserver/).
import { locatieserverFixtures } from './test/helpers/locatieserver-fixtures.mjs';
// Another OpenLayers for the map tests when NA_OL_DIR is set (scripts/ol-matrix.mjs).
import { olAlias, olVersionInfo } from './test/helpers/ol-alias.mjs';
// geotiff's browser field (`fs: false`, …), as bundlers honour it.
import { browserFieldFalse } from './test/helpers/browser-field.mjs';
// A Worker's `.js` URL served from its `.ts` source.
import { tsForJsUrls } from './test/helpers/ts-for-js-urls.mjs';
// The fault server's hostile answers under /fault/ (issue #13).
import { faultProxy } from './test/helpers/fault-proxy.mjs';
// A WFS and an OGC API Features endpoint answering from the demo data under /features/ (issue #14).
import { featureServiceFixtures } from './test/helpers/feature-service-fixtures.mjs';

const args = CHROMIUM_ARGS;

const require = createRequire(import.meta.url);

/**
 * Some dependencies are CommonJS/UMD: ajv's runtime helpers (imported by the precompiled schema
 * validators) and axe-core (accessibility checks in the tests). The dev server serves ES modules
 * only, so every `.js` file of these packages is served as one ES module bundled by esbuild, with
 * the file's own export names (`module.exports = x` defeats the usual CommonJS-to-ESM converters,
 * which then give a default export only). Vite does the same pre-bundling for the demo.
 */
function commonJsAsEsm(packages) {
  const roots = packages.map((name) => {
    const dir = dirname(require.resolve(`${name}/package.json`));
    return `/${relative(process.cwd(), dir).split(sep).join('/')}/`;
  });
  const bundles = new Map();
  const bundle = async (file) => {
    const names = Object.keys(require(file)).filter(
      (n) => n !== 'default' && /^[A-Za-z_$][\w$]*$/.test(n),
    );
    const contents =
      `import m from ${JSON.stringify(file)};\nexport default m;\n` +
      (names.length > 0 ? `export const { ${names.join(', ')} } = m;\n` : '');
    const result = await build({
      stdin: { contents, resolveDir: process.cwd(), loader: 'js' },
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      write: false,
      logLevel: 'silent',
    });
    return result.outputFiles[0].text;
  };
  return {
    name: 'commonjs-as-esm',
    async serve(context) {
      if (!context.path.endsWith('.js') || !roots.some((r) => context.path.startsWith(r))) {
        return undefined;
      }
      const file = join(process.cwd(), context.path);
      if (!bundles.has(file)) bundles.set(file, bundle(file));
      return { body: await bundles.get(file), type: 'js' };
    },
  };
}

/**
 * JSON imported by a module (`import x from './a.json'`, as esbuild leaves the knowledge base's
 * `with { type: 'json' }` imports for an ES2022 target) is served as a JS module; the same file
 * fetched as data (`fetch('/demo/data/sources.json')`) stays JSON. Told apart by the browser's
 * Sec-Fetch-Dest header.
 */
/** Sec-Fetch-Dest of a module import: a page's (`script`) or a module worker's graph (`worker`). */
const MODULE_DESTS = new Set(['script', 'worker', 'sharedworker', 'serviceworker']);

function jsonModules() {
  // A module Worker's imports come with `worker`, not `script`: served as data there, a JSON file
  // of the knowledge base failed in the worker and its JSON answer then sat in the browser's cache
  // under the same URL, so the page's own later import() of the module failed too ("Failed to
  // fetch dynamically imported module"). Both answers say they vary by the header.
  const asModule = (context) =>
    context.path.endsWith('.json') && MODULE_DESTS.has(context.get('sec-fetch-dest'));
  return {
    name: 'json-modules',
    transformCacheKey(context) {
      return asModule(context) ? 'json-module' : undefined;
    },
    resolveMimeType(context) {
      return asModule(context) ? 'js' : undefined;
    },
    transform(context) {
      if (!context.path.endsWith('.json')) return undefined;
      context.set('Vary', 'Sec-Fetch-Dest');
      if (asModule(context) && typeof context.body === 'string') {
        return { body: `export default ${context.body};` };
      }
      return undefined;
    },
  };
}

/**
 * `@arcgis/core` is published for bundlers: its modules read `process.env.NODE_ENV` and Calcite
 * imports its stylesheet from JavaScript. Served as a bundler would: the env read replaced, a CSS
 * file imported by a module (Sec-Fetch-Dest: script) turned into a module that adopts it.
 */
function arcgisAsBundled() {
  const cssAsModule = (context) =>
    context.path.endsWith('.css') && MODULE_DESTS.has(context.get('sec-fetch-dest'));
  return {
    name: 'arcgis-as-bundled',
    transformCacheKey(context) {
      return cssAsModule(context) ? 'css-module' : undefined;
    },
    resolveMimeType(context) {
      return cssAsModule(context) ? 'js' : undefined;
    },
    transform(context) {
      if (typeof context.body !== 'string') return undefined;
      if (cssAsModule(context)) {
        return {
          body:
            `const sheet = new CSSStyleSheet();\nsheet.replaceSync(${JSON.stringify(context.body)});\n` +
            'document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];\nexport default sheet;\n',
        };
      }
      if (
        /\/node_modules\/@(arcgis|esri)\/.*\.js$/.test(context.path) &&
        context.body.includes('process.env')
      ) {
        return {
          body: context.body
            .replace(/process\.env\.NODE_ENV/g, '"production"')
            .replace(/process\.env\.ESRI_INTERNAL/g, 'undefined'),
        };
      }
      return undefined;
    },
  };
}

/**
 * The ArcGIS Maps SDK draws with WebGL 2: its tests run in a Chromium with SwiftShader (software
 * WebGL) instead of `--disable-gpu`.
 */
const webglArgs = [
  ...args.filter((a) => a !== '--disable-gpu'),
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

/**
 * `executeServerCommand('na-emulate-media', { colorScheme, forcedColors })`: emulates
 * `prefers-color-scheme` and `forced-colors` through the DevTools protocol (the `emulateMedia`
 * command of @web/test-runner-commands ignores `forcedColors` with the Chrome launcher).
 */
function emulateMediaFeatures() {
  // Emulation set through a DevTools session ends when that session detaches: keep one per page.
  const sessions = new Map();
  return {
    name: 'na-emulate-media',
    async executeCommand({ command, payload, session }) {
      if (command !== 'na-emulate-media') return undefined;
      const page = session.browser.getPage(session.id);
      let cdp = sessions.get(page);
      if (cdp === undefined) {
        cdp = await page.createCDPSession();
        sessions.set(page, cdp);
        page.once('close', () => sessions.delete(page));
      }
      await cdp.send('Emulation.setEmulatedMedia', {
        features: [
          { name: 'prefers-color-scheme', value: payload?.colorScheme ?? '' },
          { name: 'forced-colors', value: payload?.forcedColors ?? '' },
        ],
      });
      return true;
    },
  };
}

/**
 * `executeServerCommand('na-screenshot', { x, y, width, height })`: a PNG (base64) of that part of
 * the page as the browser painted it (CSS px), for tests that need real pixels (focus rings,
 * forced colours) which a canvas cannot read back from the DOM.
 */
function screenshotCommand() {
  return {
    name: 'na-screenshot',
    async executeCommand({ command, payload, session }) {
      if (command !== 'na-screenshot') return undefined;
      const page = session.browser.getPage(session.id);
      const { x, y, width, height } = payload;
      return page.screenshot({ clip: { x, y, width, height, scale: 1 }, encoding: 'base64' });
    },
  };
}

/**
 * `executeServerCommand('na-ax-tree')`: Chromium's own accessibility tree of the page (through the
 * DevTools protocol), flat: `{ role, name, description }` per node that is not ignored, so tests
 * read accessible names and descriptions as a screen reader gets them (shadow DOM included).
 */
function accessibilityTreeCommand() {
  const value = (v) => (v && typeof v.value === 'string' ? v.value : '');
  return {
    name: 'na-ax-tree',
    async executeCommand({ command, session }) {
      if (command !== 'na-ax-tree') return undefined;
      const page = session.browser.getPage(session.id);
      const cdp = await page.createCDPSession();
      try {
        await cdp.send('Accessibility.enable');
        const { nodes } = await cdp.send('Accessibility.getFullAXTree');
        return nodes
          .filter((n) => !n.ignored)
          .map((n) => ({
            role: value(n.role),
            name: value(n.name),
            description: value(n.description),
          }));
      } finally {
        await cdp.detach();
      }
    },
  };
}

function countTests(suite, acc) {
  for (const t of suite.tests ?? []) {
    if (t.passed) acc.passed += 1;
    else if (!t.skipped) acc.failed += 1;
  }
  for (const s of suite.suites ?? []) countTests(s, acc);
  return acc;
}

/** Counts passed/failed tests over all files for the one-line CI summary. */
function countingReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const acc = { passed: 0, failed: 0 };
      for (const s of sessions) {
        if (s.testResults) countTests(s.testResults, acc);
        if (!s.passed && (s.errors?.length ?? 0) > 0) acc.failed += 1;
      }
      if (process.env.NA_WTR_SUMMARY)
        writeFileSync(process.env.NA_WTR_SUMMARY, JSON.stringify(acc));
    },
  };
}

/**
 * An import map that sends every production module of Lit to its `development/` twin, so the
 * tests of the `lit-dev` group run Lit in dev mode (its warnings, e.g. `change-in-update`, go to
 * `console.warn`) while the other groups keep the production build the package ships with.
 */
function litDevImportMap() {
  const imports = {};
  for (const name of ['lit', 'lit-html', 'lit-element', '@lit/reactive-element']) {
    // Lit's packages export no `./package.json`: the copies the dev server resolves are hoisted.
    const dir = join(process.cwd(), 'node_modules', name);
    const url = `/node_modules/${name}/`;
    for (const file of readdirSync(join(dir, 'development'), { recursive: true })) {
      const rel = String(file).split(sep).join('/');
      if (!rel.endsWith('.js') || !existsSync(join(dir, rel))) continue;
      imports[`${url}${rel}`] = `${url}development/${rel}`;
    }
  }
  return JSON.stringify({ imports });
}

/**
 * Every module a page loads stays in its resource timing (by default the browser keeps 250
 * entries, fewer than the modules of one element): a test proves from it what loads on demand
 * (test/browser/scenario-lazy.test.ts).
 */
const KEEP_RESOURCE_ENTRIES = '<script>performance.setResourceTimingBufferSize(100000)</script>';

export default {
  files: ['test/browser/**/*.test.ts', '!test/browser/arcgis/**', '!test/browser/lit-dev/**'],
  groups: [
    {
      name: 'lit-dev',
      files: 'test/browser/lit-dev/**/*.test.ts',
      testRunnerHtml: (testFramework) =>
        `<!DOCTYPE html><html><head><script type="importmap">${litDevImportMap()}</script>` +
        `${KEEP_RESOURCE_ENTRIES}</head>` +
        `<body><script type="module" src="${testFramework}"></script></body></html>`,
    },
    {
      name: 'arcgis',
      files: 'test/browser/arcgis/**/*.test.ts',
      browsers: [
        chromeLauncher({
          launchOptions: { executablePath: CHROMIUM_PATH, headless: true, args: webglArgs },
        }),
      ],
    },
  ],
  // The `browser` export condition: geotiff's `web-worker` dependency has a Node entry by default.
  nodeResolve: { exportConditions: ['browser'] },
  // Answers /locatieserver/{suggest,lookup,reverse} from fixtures, plus test controls (__count,
  // __reset, __delay, __fail); see test/helpers/locatieserver-fixtures.mjs.
  middleware: [locatieserverFixtures(), tsForJsUrls(), faultProxy(), featureServiceFixtures()],
  concurrency: 1,
  // The lit-dev group has its own page (with the same script).
  testRunnerHtml: (testFramework) =>
    `<!DOCTYPE html><html><head>${KEEP_RESOURCE_ENTRIES}</head>` +
    `<body><script type="module" src="${testFramework}"></script></body></html>`,
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 180000,
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: CHROMIUM_PATH, headless: true, args },
    }),
  ],
  plugins: [
    ...(process.env.NA_OL_DIR ? [olAlias(process.env.NA_OL_DIR, process.cwd())] : []),
    olVersionInfo(process.env.NA_OL_DIR ?? join(process.cwd(), 'node_modules/ol')),
    browserFieldFalse(['geotiff']),
    emulateMediaFeatures(),
    screenshotCommand(),
    accessibilityTreeCommand(),
    arcgisAsBundled(),
    jsonModules(),
    commonJsAsEsm(['ajv', 'axe-core']),
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }),
  ],
  reporters: [defaultReporter(), summaryReporter(), countingReporter()],
};
