/**
 * Size budgets of size-budget.json, checked in `npm test` (a size test, not a timing test): each
 * package entry bundled with esbuild like a host's bundler would (peers external, minified, code
 * split at dynamic imports), gzip level 9, counting what loads up front. The script-tag bundles are
 * measured by `npm run bench -- bundle-size` (they need a vite build).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/shared.js';
// @ts-expect-error: a plain ES module of the benchmarks, without types
import * as bench from '../bench/bundle-size.bench.mjs';

const {
  bundleFileSize,
  entrySize,
  lazyChunks,
  FIRST_LOAD_GOAL_KB,
  ALL_WIDGETS_GOAL_KB,
  SCRIPT_TAG_BUNDLE,
  SCRIPT_TAG_GOAL_KB,
} = bench as {
  bundleFileSize: unknown;
  entrySize: unknown;
  lazyChunks: unknown;
  FIRST_LOAD_GOAL_KB: number;
  ALL_WIDGETS_GOAL_KB: number;
  SCRIPT_TAG_BUNDLE: string;
  SCRIPT_TAG_GOAL_KB: number;
};

interface EntrySize {
  gzip: number;
  lazyGzip: number;
  composition: Array<[string, number]>;
}
const measure = entrySize as (file: string) => Promise<EntrySize>;
const onDemand = lazyChunks as (
  file: string,
) => Promise<Array<{ chunk: string; inputs: string[] }>>;

const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as {
  exports: Record<string, string | { default?: string }>;
};
const budgets = JSON.parse(readFileSync(join(projectRoot, 'size-budget.json'), 'utf8')) as {
  entries: Record<string, number>;
  bundles: Record<string, number>;
};
const measureBundle = bundleFileSize as (
  file: string,
) => Promise<{ gzip: number; lazyGzip: number; files: number }>;
const builtFile = (key: string): string => {
  const target = pkg.exports[key];
  const file = typeof target === 'string' ? target : target?.default;
  if (file === undefined) throw new Error(`no file for ${key}`);
  return join(projectRoot, file);
};

describe('bundle size budgets (size-budget.json)', () => {
  for (const [key, budget] of Object.entries(budgets.entries)) {
    it(`${key} loads at most ${budget} kB gzip up front`, async () => {
      const file = builtFile(key);
      expect(existsSync(file), `${file} is built (tsc -p tsconfig.build.json)`).toBe(true);
      const size = await measure(file);
      expect(size.gzip / 1000).toBeLessThanOrEqual(budget);
    }, 60_000);
  }

  // The script-tag bundles with every chunk they import statically (what a page loads before the
  // elements are defined); `npm test` builds them first (npm run build:bundle).
  for (const [file, budget] of Object.entries(budgets.bundles)) {
    it(`${file} and its static chunks load at most ${budget} kB gzip up front`, async () => {
      const path = join(projectRoot, file);
      expect(existsSync(path), `${file} is built (npm run build:bundle)`).toBe(true);
      const size = await measureBundle(path);
      expect(size.gzip / 1000).toBeLessThanOrEqual(budget);
    }, 60_000);
  }

  it('all widgets and the script-tag bundle meet the goals of issue #11', async () => {
    const widgets = await measure(builtFile('./widgets'));
    expect(widgets.gzip / 1000).toBeLessThanOrEqual(ALL_WIDGETS_GOAL_KB);
    const path = join(projectRoot, SCRIPT_TAG_BUNDLE);
    expect(existsSync(path), `${path} is built (npm run build:bundle)`).toBe(true);
    const bundle = await measureBundle(path);
    expect(bundle.gzip / 1000).toBeLessThanOrEqual(SCRIPT_TAG_GOAL_KB);
  }, 60_000);

  it('<na-scenario-compare> loads its parser, map side and comparison on demand', async () => {
    const size = await measure(builtFile('./scenario-compare'));
    const parts = size.composition.map(([name]) => name);
    // proj4 (parser, map side), the polygon clipper, strict JSON, the spatial index, the defaults.
    const heavy = ['npm:proj4', 'npm:polyclip-ts', 'npm:jsonc-parser', 'npm:flatbush', 'npm:ajv'];
    expect(parts.filter((p) => heavy.some((h) => p.includes(h)))).toEqual([]);
    expect(size.lazyGzip).toBeGreaterThan(size.gzip);
  }, 60_000);

  it('the first load of <na-location-check> meets the goal and leaves the check engine out', async () => {
    const size = await measure(builtFile('./location-check'));
    expect(size.gzip / 1000).toBeLessThanOrEqual(FIRST_LOAD_GOAL_KB);
    const parts = size.composition.map(([name]) => name);
    // Loaded on demand: the knowledge base and soil tables, the schema validators, proj4.
    const heavy = ['npm:proj4', 'npm:ajv', 'validators.generated', 'principles.json', 'zones.json'];
    expect(parts.filter((p) => heavy.some((h) => p.includes(h)) || p.includes('bro-'))).toEqual([]);
    // …and it is really there, behind a dynamic import().
    expect(size.lazyGzip).toBeGreaterThan(size.gzip);
  }, 60_000);

  // The engines need only the default knowledge base, which is cross-checked without the JSON
  // schema (src/core/kb/default.ts); the knowledge-base validators (about 200 kB minified) are for
  // a municipality's own file. (The sources file has validators of its own, in a chunk apart.)
  for (const key of ['./location-check', './zonering-layer', './kansenkaart-layer']) {
    it(`the on-demand chunks of ${key} have the default knowledge base without its schema validators`, async () => {
      const chunks = await onDemand(builtFile(key));
      const inputs = chunks.flatMap((c) => c.inputs);
      // Not vacuous: the knowledge base is there, in a chunk loaded on demand.
      expect(inputs.some((i) => i.endsWith('src/core/kb/data/zones.json'))).toBe(true);
      const schemaParts = ['src/core/kb/validators.generated', 'src/core/kb/schema-checks'];
      expect(inputs.filter((i) => schemaParts.some((p) => i.includes(p)))).toEqual([]);
    }, 60_000);
  }
});
