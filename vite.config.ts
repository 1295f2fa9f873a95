import { cpSync, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
const demo = resolve(here, 'demo');

/**
 * The Content-Security-Policy of the demo pages: no inline script or style, no eval, workers only
 * from the site's own files. Sent as an
 * HTTP header by `vite preview` (what `npm start` serves); every page also carries it in a
 * `<meta http-equiv>` (without `frame-ancestors`, which a meta tag cannot set).
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // Module workers (the scenario comparison) from the page's own files only: no blob: or data:.
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob: https://service.pdok.nl",
  "connect-src 'self' https://service.pdok.nl https://api.pdok.nl",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Copies `demo/data/` (the illustrative demo data the pages fetch at `./data/…`) into the build
 * output, so the same paths work in the dev server (which serves the root) and in the build.
 */
function demoData(): Plugin {
  return {
    name: 'na-demo-data',
    apply: 'build',
    writeBundle(options) {
      const outDir = options.dir ?? resolve(demo, 'dist');
      // `national/`: the generated whole-country data (scripts/national-data.mjs, gitignored).
      for (const dir of ['data', 'national']) {
        const from = resolve(demo, dir);
        if (existsSync(from)) cpSync(from, resolve(outDir, dir), { recursive: true });
      }
    },
  };
}

/**
 * Vite's dev server injects CSS as inline `<style>` elements, which the pages' strict CSP meta tag
 * would block; in dev only, the meta tag is dropped. `npm start` serves the production build with
 * the full policy (header and meta).
 */
function devWithoutCspMeta(): Plugin {
  return {
    name: 'na-dev-without-csp-meta',
    apply: 'serve',
    transformIndexHtml(html) {
      return html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>\s*/i, '');
    },
  };
}

// The demo geoportal (`npm start`) is built from `demo/` and served by `vite preview`; library
// builds use tsc (see package.json).
export default defineConfig({
  root: 'demo',
  publicDir: false,
  plugins: [demoData(), devWithoutCspMeta()],
  server: { host: '127.0.0.1', port: 5173, strictPort: false, fs: { allow: ['..'] } },
  preview: { host: '127.0.0.1', port: 5173, headers: { 'Content-Security-Policy': CSP } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // No inline data: URIs for assets and no modulepreload polyfill script: everything is a file.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    // The demo bundles ol, lit and the knowledge base: more than Vite's 500 kB hint.
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      input: {
        index: resolve(demo, 'index.html'),
        embed: resolve(demo, 'embed.html'),
        'two-maps': resolve(demo, 'two-maps.html'),
        scenarios: resolve(demo, 'scenarios.html'),
        theme: resolve(demo, 'theme.html'),
        layouts: resolve(demo, 'layouts.html'),
        kansenkaart: resolve(demo, 'kansenkaart.html'),
        land: resolve(demo, 'land.html'),
      },
      output: {
        // Named shared chunks: OpenLayers, other libraries, this library (src/ and widgets/).
        codeSplitting: {
          groups: [
            { name: 'ol', test: /node_modules[\\/]ol[\\/]/, priority: 3 },
            { name: 'vendor', test: /node_modules[\\/]/, priority: 2 },
            { name: 'natuurlijke-alliantie', test: /[\\/](src|widgets)[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
});
