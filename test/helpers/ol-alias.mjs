// Serves another OpenLayers to the browser tests: every `ol` / `ol/…` import (from the library,
// the tests and ol-ext) resolves into the copy installed under `.cache/ol-matrix/ol<N>/`
// (scripts/ol-matrix.mjs installs it once). Used by web-test-runner.config.mjs when NA_OL_DIR is set.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * @param {string} olPackageDir - absolute path of the `ol` package folder to serve instead
 * @param {string} rootDir - the dev server's root (the repository)
 */
export function olAlias(olPackageDir, rootDir) {
  const pkgFile = join(olPackageDir, 'package.json');
  if (!existsSync(pkgFile)) throw new Error(`ol-alias: no ol package at ${olPackageDir}`);
  const version = JSON.parse(readFileSync(pkgFile, 'utf8')).version;
  const base = `/${relative(rootDir, olPackageDir).split(sep).join('/')}`;
  console.log(`[ol-alias] serving ol ${version} from ${base}`);
  return {
    name: 'ol-alias',
    resolveImport({ source }) {
      if (source === 'ol') return `${base}/index.js`;
      if (source.startsWith('ol/')) {
        const sub = source.slice(3);
        return `${base}/${sub.endsWith('.js') || sub.endsWith('.css') ? sub : `${sub}.js`}`;
      }
      return undefined;
    },
  };
}

/**
 * Serves `/__ol-version.json` ({ version }): the OpenLayers version the tests are meant to run
 * on, so a test can check that the alias above took effect.
 *
 * @param {string} olPackageDir - the `ol` package folder the tests should be using
 */
export function olVersionInfo(olPackageDir) {
  const version = JSON.parse(readFileSync(join(olPackageDir, 'package.json'), 'utf8')).version;
  return {
    name: 'ol-version-info',
    serve(context) {
      if (context.path !== '/__ol-version.json') return undefined;
      return { body: JSON.stringify({ version }), type: 'json' };
    },
  };
}
