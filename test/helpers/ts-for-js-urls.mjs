// The one hook that serves a TypeScript source for a built `.js` URL in the test runner's dev
// server. The dev server maps `.js` to `.ts` in import specifiers, but a module Worker is started
// from its built file name (`new URL('./x.worker.js', import.meta.url)`, what tsc and the bundlers
// emit) and requests that `.js` path itself. Where only the `.ts` exists, the request is rewritten
// to it, so it is compiled by the same esbuild plugin (and tsconfig) as every other source file.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A web-test-runner middleware: `/src/…/x.js` and `/widgets/…/x.js` are served from `x.ts` when
 * only the TypeScript file exists.
 * @param {string[]} dirs URL prefixes (below the server root) whose `.js` requests may be rewritten
 * @param {string} root the server root on disk
 */
export function tsForJsUrls(dirs = ['/src/', '/widgets/'], root = process.cwd()) {
  return async (context, next) => {
    const path = context.path;
    if (path.endsWith('.js') && dirs.some((d) => path.startsWith(d))) {
      const ts = `${path.slice(0, -3)}.ts`;
      if (!existsSync(join(root, path)) && existsSync(join(root, ts))) {
        context.url = context.url.replace(path, ts);
      }
    }
    return next();
  };
}
