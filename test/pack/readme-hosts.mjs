/**
 * The README's embedding steps, as written, built into fresh host apps (used by pack.test.mjs).
 *
 * The snippets are taken from README.md by their markers (`<!-- doc-test: install|html|js -->`
 * before a fenced block), so the README cannot drift from what works: the `npx …` lines of the
 * install block are run in the host, the HTML block is the page body, the JS block is the top of
 * the host's module. What the README leaves to the host is added around them: the host's own map
 * (an RD map in `#map`, as a geoportal has) and a test hook that records reports.
 *
 * Each host is installed from the packed tarball with a given `ol` and built for production with
 * the given bundlers (Vite, webpack, Rollup), each into its own output folder that is then served
 * under a sub-path (the relative paths of the README must hold there).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The marked snippets of README.md: `{ install, html, js }` (each the fenced block's text). */
export function readmeSnippets(readme) {
  const snippets = {};
  const re = /<!-- doc-test: ([\w-]+) -->\s*\n```(\w+)\n([\s\S]*?)\n```/g;
  for (const m of readme.matchAll(re)) snippets[m[1]] = { lang: m[2], text: m[3] };
  for (const name of ['install', 'html', 'js']) {
    if (snippets[name] === undefined)
      throw new Error(`README.md has no <!-- doc-test: ${name} --> block`);
  }
  return snippets;
}

/** The host's own map and the test hook (not from the README: what every host already has). */
const HOST_CODE = `
// ---- The host's own code (not from the README) ----
import OlMap from 'ol/Map.js';
import View from 'ol/View.js';

const map = new OlMap({
  target: 'map',
  view: new View({ projection: 'EPSG:28992', center: [192000, 445000], resolution: 12 }),
});
window.__host = { map, reports: [] };
document.addEventListener('na-report-ready', (e) => window.__host.reports.push(e.detail));
`;

const HOST_CSS = `body { margin: 0; font-family: system-ui, sans-serif; }
main { display: grid; grid-template-columns: 560px 1fr; gap: 16px; }
#map { width: 560px; height: 420px; }
`;

function page(bodyHtml, head, script) {
  return `<!doctype html>
<html lang="nl">
  <head>
    <meta charset="utf-8" />
    <link rel="icon" href="data:," />
    <title>README host</title>
    ${head}
  </head>
  <body>
    <main>
${bodyHtml}
    </main>
    ${script}
  </body>
</html>
`;
}

const BUNDLER_DEPS = {
  vite: (v) => ({ vite: v.vite }),
  webpack: () => ({ webpack: '^5.100.0', 'webpack-cli': '^6.0.1' }),
  rollup: () => ({
    // Exact: `npm install --prefer-offline` with a cached packument of rollup's native package
    // that predates a new rollup release skips that optional dependency (rollup then fails with
    // "Cannot find module @rollup/rollup-linux-x64-gnu"), seen when 4.69.3 came out.
    rollup: '4.69.1',
    '@rollup/plugin-node-resolve': '^16.0.1',
    '@rollup/plugin-commonjs': '^28.0.6',
    '@rollup/plugin-json': '^6.1.0',
    '@rollup/plugin-terser': '^0.4.4',
    // Copies the module workers (new Worker(new URL(…, import.meta.url))) into the output, as
    // docs/embedding.md tells Rollup hosts.
    '@web/rollup-plugin-import-meta-assets': '^2.3.3',
  }),
};

const CONFIGS = {
  'vite.config.mjs': `import { defineConfig } from 'vite';
export default defineConfig({
  base: './',
  publicDir: 'public',
  build: { outDir: 'dist-vite', target: 'es2022' },
  worker: { format: 'es' },
});
`,
  'webpack.config.mjs': `import { resolve } from 'node:path';
export default {
  mode: 'production',
  entry: './main.js',
  output: { path: resolve('dist-webpack'), filename: 'main.js', publicPath: 'auto', clean: true },
  performance: { hints: false },
};
`,
  'rollup.config.mjs': `import { nodeResolve } from '@rollup/plugin-node-resolve';
import commonjs from '@rollup/plugin-commonjs';
import json from '@rollup/plugin-json';
import terser from '@rollup/plugin-terser';
import { importMetaAssets } from '@web/rollup-plugin-import-meta-assets';
// Rollup has no production mode of its own: minifying is what a production config adds.
export default {
  input: 'main.js',
  output: { dir: 'dist-rollup', format: 'es' },
  plugins: [nodeResolve({ browser: true }), commonjs(), json(), importMetaAssets(), terser()],
};
`,
};

/**
 * Installs and builds one host.
 * @param {object} o
 * @param {string} o.tarball - the packed library
 * @param {string} o.ol - the `ol` version of the host
 * @param {string[]} o.bundlers - any of vite, webpack, rollup
 * @param {{ vite: string, olExt: string }} o.versions - dev tool versions
 * @param {string} o.readme - the README text
 * @param {(cmd: string, args: string[], cwd: string) => void} o.run
 * @returns {{ dir: string, outputs: Record<string, string> }} output folder per bundler
 */
export function buildReadmeHost({ tarball, ol, bundlers, versions, readme, run }) {
  const snippets = readmeSnippets(readme);
  const dir = mkdtempSync(join(tmpdir(), `na-readme-host-ol${ol.split('.')[0]}-`));
  const devDependencies = Object.assign({}, ...bundlers.map((b) => BUNDLER_DEPS[b](versions)));
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify(
      {
        name: 'na-readme-host',
        private: true,
        type: 'module',
        dependencies: { ol },
        devDependencies,
      },
      null,
      2,
    ),
  );
  // The host has its own ol; then the README's install block, with the package from the tarball.
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline'], dir);
  for (const line of snippets.install.text.split('\n').map((l) => l.trim())) {
    if (line === '' || line.startsWith('#')) continue;
    const args = line.split(/\s+/);
    if (args[0] === 'npm' && args[1] === 'install') {
      const pkgs = args.slice(2).map((a) => (a === 'natuurlijke-alliantie' ? tarball : a));
      run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', ...pkgs], dir);
    } else if (args[0] === 'npx') {
      run('npx', ['--no-install', ...args.slice(1)], dir);
    } else {
      throw new Error(`README install block: unexpected command "${line}"`);
    }
  }
  const installedOl = JSON.parse(
    readFileSync(join(dir, 'node_modules/ol/package.json'), 'utf8'),
  ).version;
  if (installedOl !== ol) throw new Error(`the host's ol became ${installedOl} (wanted ${ol})`);

  writeFileSync(join(dir, 'main.js'), `${snippets.js.text}\n${HOST_CODE}`);
  writeFileSync(join(dir, 'host.css'), HOST_CSS);
  const body = snippets.html.text.replace(/^/gm, '      ');
  writeFileSync(
    join(dir, 'index.html'),
    page(
      body,
      '<link rel="stylesheet" href="./host.css" />',
      '<script type="module" src="./main.js"></script>',
    ),
  );
  const outputs = {};
  for (const bundler of bundlers) {
    const out = join(dir, `dist-${bundler}`);
    if (bundler === 'vite') {
      writeFileSync(join(dir, 'vite.config.mjs'), CONFIGS['vite.config.mjs']);
      run('npx', ['--no-install', 'vite', 'build', '--config', 'vite.config.mjs'], dir);
    } else {
      const config = `${bundler}.config.mjs`;
      writeFileSync(join(dir, config), CONFIGS[config]);
      run('npx', ['--no-install', bundler, '--config', config], dir);
      // The page and the static folder, as the host's deploy step copies them.
      mkdirSync(out, { recursive: true });
      writeFileSync(
        join(out, 'index.html'),
        page(
          body,
          '<link rel="stylesheet" href="./host.css" />',
          '<script type="module" src="./main.js"></script>',
        ),
      );
      cpSync(join(dir, 'host.css'), join(out, 'host.css'));
      cpSync(join(dir, 'public'), out, { recursive: true });
    }
    if (!existsSync(join(out, 'natuurlijk-systeem/sources.json'))) {
      throw new Error(`${bundler}: the init data is not in the build output`);
    }
    outputs[bundler] = out;
  }
  return { dir, outputs };
}

/** Runs a command synchronously and throws on failure (for callers without their own runner). */
export function runSync(cmd, args, cwd) {
  const r = spawnSync(cmd, args, { cwd, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status})`);
}
