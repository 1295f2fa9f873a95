// Honours the `"browser": { "fs": false, ... }` field of some packages in the test runner's dev
// server: bare imports that a package maps to `false` for browsers (geotiff's `fs`, `http`, …,
// used only by its Node file source) are served as an empty module, as Vite and other bundlers do.
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const EMPTY = '/__na-browser-field-empty__.js';

/** @param {string[]} packages names of packages whose `browser` field is honoured */
export function browserFieldFalse(packages) {
  const maps = packages.map((name) => {
    // Not require.resolve: packages with an `exports` map (geotiff) do not export package.json.
    const dir = join(process.cwd(), 'node_modules', name);
    const file = join(dir, 'package.json');
    const pkg = JSON.parse(readFileSync(file, 'utf8'));
    const browser = typeof pkg.browser === 'object' && pkg.browser !== null ? pkg.browser : {};
    const off = new Set(Object.keys(browser).filter((k) => browser[k] === false));
    const root = `/${relative(process.cwd(), dir).split(sep).join('/')}/`;
    return { root, off };
  });
  return {
    name: 'browser-field-false',
    resolveImport({ source, context }) {
      const m = maps.find((x) => context.path.startsWith(x.root));
      if (m !== undefined && m.off.has(source)) return EMPTY;
      return undefined;
    },
    serve(context) {
      if (context.path === EMPTY) return { body: 'export default {};\n', type: 'js' };
      return undefined;
    },
  };
}
