/**
 * Builds the demo geoportal (`demo/`, production build with Vite) and serves `demo/dist` with
 * `vite preview`, which sends the strict Content-Security-Policy header (see vite.config.ts).
 * The production build is served because Vite's dev server injects inline styles, which the CSP
 * forbids.
 *
 * Used by `scripts/start.mjs` (`npm start`) and the end-to-end tests (`test/e2e/demo.spec.mjs`, started by `test/e2e/global-setup.mjs`).
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';
import { ensureNationalData } from './national-data.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const configFile = resolve(root, 'vite.config.ts');

/** @type {Promise<void> | undefined} */
let built;

/**
 * Builds the demo into `demo/dist`, once per process (later calls reuse the first build).
 * @param {{ quiet?: boolean }} [options]
 * @returns {Promise<void>}
 */
export function buildDemo(options = {}) {
  // The whole-country page's data (demo/national/, gitignored): generated when missing or stale.
  built ??= Promise.resolve()
    .then(() => ensureNationalData({ quiet: options.quiet }))
    .then(() =>
      build({
        configFile,
        root: resolve(root, 'demo'),
        logLevel: options.quiet ? 'warn' : 'info',
      }),
    )
    .then(() => undefined);
  return built;
}

/**
 * Builds (once) and serves the demo.
 * @param {{ port?: number, host?: string, build?: boolean, quiet?: boolean, middleware?: Record<string, import('node:http').RequestListener> }} [options]
 *   `middleware`: more routes of the same server by path prefix (the soak's hostile WMS).
 *   `port` 0 picks a free port; default 5173 (the next free one when taken). `build: false`
 *   serves an existing `demo/dist`.
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 *   `url` ends with a slash, e.g. `http://127.0.0.1:5173/`.
 */
export async function startDemoServer(options = {}) {
  const { port = 5173, host = '127.0.0.1', quiet = false } = options;
  if (options.build ?? true) await buildDemo({ quiet });
  const server = await preview({
    configFile,
    root: resolve(root, 'demo'),
    logLevel: quiet ? 'warn' : 'info',
    preview: { host, port, strictPort: false, open: false },
    plugins: Object.keys(options.middleware ?? {}).length
      ? [
          {
            name: 'na-extra-routes',
            configurePreviewServer(previewServer) {
              for (const [path, handler] of Object.entries(options.middleware ?? {}))
                previewServer.middlewares.use(path, handler);
            },
          },
        ]
      : [],
  });
  const address = server.httpServer.address();
  if (address === null || typeof address === 'string') {
    await server.close();
    throw new Error('The demo server has no TCP address.');
  }
  return {
    url: `http://${host}:${address.port}/`,
    port: address.port,
    close: () => server.close(),
  };
}
