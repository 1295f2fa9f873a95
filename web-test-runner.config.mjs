// Browser tests in Debian's Chromium (no downloaded browsers), real pointer and keyboard input.
// Writes a pass/fail summary for scripts/test-all.mjs when NA_WTR_SUMMARY is set.
import { writeFileSync } from 'node:fs';
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { createRequire } from 'node:module';
import { relative, sep } from 'node:path';
import { build } from 'esbuild';
import { defaultReporter, summaryReporter } from '@web/test-runner';

const args = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
];

const require = createRequire(import.meta.url);

/**
 * ajv (schema validation of the knowledge base and the sources file) and axe-core (accessibility
 * checks in the tests) are CommonJS/UMD, and the dev
 * server serves ES modules only. Serve each listed package's entry as one ES module bundled by
 * esbuild, with the package's own export names (ajv's `module.exports = Ajv` defeats the usual
 * CommonJS-to-ESM converters, which then give a default export only). Vite does the same
 * pre-bundling for the demo.
 */
function commonJsAsEsm(packages) {
  const entries = new Map(
    packages.map((name) => [
      `/${relative(process.cwd(), require.resolve(name)).split(sep).join('/')}`,
      name,
    ]),
  );
  const bundles = new Map();
  const bundle = async (name) => {
    const names = Object.keys(require(name)).filter(
      (n) => n !== 'default' && /^[A-Za-z_$][\w$]*$/.test(n),
    );
    const contents = `import m from ${JSON.stringify(name)};\nexport default m;\nexport const { ${names.join(', ')} } = m;\n`;
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
      const name = entries.get(context.path);
      if (name === undefined) return undefined;
      if (!bundles.has(name)) bundles.set(name, bundle(name));
      return { body: await bundles.get(name), type: 'js' };
    },
  };
}

/**
 * JSON imported by a module (`import x from './a.json'`, as esbuild leaves the knowledge base's
 * `with { type: 'json' }` imports for an ES2022 target) is served as a JS module; the same file
 * fetched as data (`fetch('/demo/data/sources.json')`) stays JSON. Told apart by the browser's
 * Sec-Fetch-Dest header.
 */
function jsonModules() {
  const asModule = (context) =>
    context.path.endsWith('.json') && context.get('sec-fetch-dest') === 'script';
  return {
    name: 'json-modules',
    transformCacheKey(context) {
      return asModule(context) ? 'json-module' : undefined;
    },
    resolveMimeType(context) {
      return asModule(context) ? 'js' : undefined;
    },
    transform(context) {
      if (asModule(context) && typeof context.body === 'string') {
        return { body: `export default ${context.body};` };
      }
      return undefined;
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

export default {
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 180000,
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: '/usr/bin/chromium', headless: true, args },
    }),
  ],
  plugins: [
    jsonModules(),
    commonJsAsEsm(['ajv', 'axe-core']),
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }),
  ],
  reporters: [defaultReporter(), summaryReporter(), countingReporter()],
};
