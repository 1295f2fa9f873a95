/**
 * The script-tag bundles, for host pages without a bundler (see docs/embedding.md):
 *
 * - `vite build -c vite.bundle.config.ts` → `dist/bundle/natuurlijke-alliantie.js`: one ES module
 *   that registers every element; `ol` stays EXTERNAL (bare `ol/…` imports), so the host maps
 *   `ol/` to its own copy with an import map and the page keeps one OpenLayers.
 * - `vite build -c vite.bundle.config.ts --mode standalone` →
 *   `dist/bundle/natuurlijke-alliantie.standalone.js`: the same, self-contained (ol included).
 *
 * Entry: widgets/bundle.ts (every element, plus `createRdMap` and a few OpenLayers classes for
 * pages without a map of their own). Lit, proj4 and the other dependencies are bundled in both. Code loaded on demand (dynamic
 * `import()`, e.g. the GeoTIFF decoder) goes into `dist/bundle/chunks/`: copy the whole folder. No eval, no inline styles
 * (Lit uses constructable stylesheets), so both work under a strict Content-Security-Policy.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig(({ mode }) => {
  const standalone = mode === 'standalone';
  return {
    publicDir: false,
    logLevel: 'warn',
    // Relative URLs for what the bundle loads beside itself (module workers: `assets/*.worker-*.js`),
    // so a page that serves the bundle under any path finds them (the default base '/' pointed at
    // the site root).
    base: './',
    build: {
      outDir: resolve(here, 'dist/bundle'),
      // Both builds write into the same folder: the second must not delete the first.
      emptyOutDir: false,
      target: 'es2022',
      sourcemap: true,
      minify: true,
      reportCompressedSize: false,
      lib: {
        entry: resolve(here, 'widgets/bundle.ts'),
        formats: ['es'],
        fileName: () =>
          standalone ? 'natuurlijke-alliantie.standalone.js' : 'natuurlijke-alliantie.js',
      },
      rolldownOptions: {
        external: standalone ? [] : [/^ol(\/|$)/],
        // Everything that loads up front is in the one file; only what the code loads on demand
        // with a dynamic import() (the GeoTIFF decoder) goes into chunks/ beside it.
        output: {
          chunkFileNames: `chunks/${standalone ? 'natuurlijke-alliantie.standalone' : 'natuurlijke-alliantie'}-[name]-[hash].js`,
        },
      },
    },
  };
});
