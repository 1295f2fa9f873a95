/**
 * Bundle sizes against the budgets in size-budget.json (see docs/embedding.md).
 *
 * - Each JavaScript entry of package.json `exports`: what a host's bundler adds for
 *   `import … from 'natuurlijke-alliantie/<entry>'`, measured as one esbuild bundle of the built
 *   entry (dist/), minified, with the peer dependencies (ol, ol-ext, @arcgis/core) external.
 * - Both script-tag bundles as built by `npm run build:bundle` (built here when missing or older
 *   than the library build).
 *
 * Sizes are gzip level 9, in kB (1000 bytes), of what loads up front; chunks behind a dynamic
 * `import()` (loaded only when used, e.g. the GeoTIFF decoder) are shown apart and not budgeted. Prints `size <entry>: X kB gz (budget Y kB) OK|OVER`;
 * the bench fails when an entry is over its budget or missing. The same budgets are checked in
 * `npm test` by test/size/bundle-size.test.ts (which uses {@link entrySize}).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { init as lexerReady, parse as parseImports } from 'es-module-lexer';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const budgets = JSON.parse(readFileSync(join(root, 'size-budget.json'), 'utf8'));
const peers = Object.keys(pkg.peerDependencies ?? {});

const kB = (bytes) => bytes / 1000;
const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;

/**
 * Bundles one built entry like a host's bundler would (peers external, minified, code split at
 * dynamic imports), without writing. Returns esbuild's outputs (metafile), their bytes by absolute
 * path, and `initial`: the entry's output with the chunks it imports statically.
 */
async function bundleEntry(file) {
  const outdir = join(root, '.cache/bundle-size');
  const result = await build({
    entryPoints: { entry: file },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    outdir,
    logLevel: 'silent',
    external: peers.flatMap((p) => [p, `${p}/*`]),
    metafile: true,
  });
  const contents = new Map(result.outputFiles.map((f) => [f.path, f.contents]));
  const outputs = result.metafile.outputs;
  const entryPoint = relative(process.cwd(), file).split(sep).join('/');
  const entryOut = Object.keys(outputs).find((p) => outputs[p].entryPoint === entryPoint);
  if (entryOut === undefined) throw new Error(`no output for ${entryPoint}`);
  const initial = new Set();
  const visit = (p) => {
    if (initial.has(p)) return;
    initial.add(p);
    for (const i of outputs[p].imports)
      if (!i.external && i.kind === 'import-statement') visit(i.path);
  };
  visit(entryOut);
  return { outputs, contents, initial };
}

/**
 * Bundles one built entry like a host's bundler would (peers external, minified, code split at
 * dynamic imports). `gzip` counts what loads up front: the entry and the chunks it imports
 * statically; `lazyGzip` the chunks behind dynamic `import()` (e.g. the GeoTIFF decoder), which a
 * page only downloads when it uses them.
 */
export async function entrySize(file) {
  const { outputs, contents, initial } = await bundleEntry(file);
  const abs = (p) => resolve(root, p);
  let raw = 0;
  let gzip = 0;
  let lazyGzip = 0;
  for (const p of Object.keys(outputs)) {
    if (!p.endsWith('.js')) continue;
    const bytes = contents.get(abs(p)) ?? new Uint8Array();
    if (initial.has(p)) {
      raw += bytes.length;
      gzip += gz(bytes);
    } else lazyGzip += gz(bytes);
  }
  const externals = [
    ...new Set(
      Object.values(outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path)),
    ),
  ];
  // What the up-front part is made of: minified bytes per package, data file or source folder.
  const parts = new Map();
  for (const p of initial) {
    for (const [input, { bytesInOutput }] of Object.entries(outputs[p].inputs)) {
      parts.set(partName(input), (parts.get(partName(input)) ?? 0) + bytesInOutput);
    }
  }
  const composition = [...parts].sort((a, b) => b[1] - a[1]);
  return { raw, gzip, lazyGzip, externals, composition };
}

/**
 * The on-demand chunks of a built entry (bundled as in {@link entrySize}): every output reachable
 * from the entry through a dynamic `import()`, with their own imports, that does not load up front;
 * each with the source files (esbuild's inputs, e.g. `dist/src/core/kb/default.js`) it contains.
 */
export async function lazyChunks(file) {
  const { outputs, initial } = await bundleEntry(file);
  const reachable = new Set();
  const stack = [...initial];
  while (stack.length > 0) {
    const p = stack.pop();
    if (reachable.has(p)) continue;
    reachable.add(p);
    for (const i of outputs[p].imports) if (!i.external && i.path in outputs) stack.push(i.path);
  }
  return [...reachable]
    .filter((p) => !initial.has(p) && p.endsWith('.js'))
    .map((chunk) => ({ chunk, inputs: Object.keys(outputs[chunk].inputs) }));
}

/** Groups a bundle input: `npm:<package>`, a JSON data file, or a source folder. */
function partName(input) {
  const pkgMatch = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  if (pkgMatch !== null) return `npm:${pkgMatch[1]}`;
  if (input.endsWith('.json') || input.includes('validators.generated')) {
    return input.split('/').slice(-2).join('/');
  }
  const m = /dist\/((?:src|widgets)\/[^/]+(?:\/[^/.]+(?=\/))?)/.exec(input);
  return m === null ? input : m[1];
}

/**
 * The script-tag bundle and the chunks it imports statically, followed through their own static
 * imports (what the browser loads before the elements are defined: all of it counts); chunks
 * behind a dynamic `import()` only, and chunks of the other bundle, are counted apart as lazy.
 * (Until session 5 only the main file was counted: 129.6 kB, while the page loaded 9 static
 * chunks more.)
 */
export async function bundleFileSize(path) {
  await lexerReady;
  /** The files `file` imports (relative specifiers), static or dynamic. */
  const importsOf = (file, dynamic) =>
    parseImports(readFileSync(file, 'utf8'))[0]
      // `d === -1`: a static import (or export … from); a dynamic import() has d ≥ 0.
      .filter((i) => (dynamic ? i.d >= 0 : i.d === -1) && i.n !== undefined && i.n.startsWith('.'))
      .map((i) => resolve(dirname(file), i.n));
  const closure = (roots, seen) => {
    const stack = [...roots];
    while (stack.length > 0) {
      const file = stack.pop();
      if (seen.has(file)) continue;
      seen.add(file);
      stack.push(...importsOf(file, false));
    }
    return seen;
  };
  const initial = closure([path], new Set());
  // What a page may load later: the dynamic imports of everything reachable, with their own
  // static imports, less what is loaded up front.
  const reachable = new Set(initial);
  for (let grew = true; grew;) {
    grew = false;
    for (const f of [...reachable]) {
      const before = reachable.size;
      closure(importsOf(f, true), reachable);
      grew ||= reachable.size > before;
    }
  }
  const sum = (files) => {
    let raw = 0;
    let gzip = 0;
    for (const f of files) {
      const bytes = readFileSync(f);
      raw += bytes.length;
      gzip += gz(bytes);
    }
    return { raw, gzip };
  };
  const lazy = [...reachable].filter((f) => !initial.has(f));
  return { ...sum(initial), lazyGzip: sum(lazy).gzip, files: initial.size };
}

function ensureBundles() {
  const files = Object.keys(budgets.bundles ?? {}).map((f) => join(root, f));
  const libStamp = join(root, 'dist/widgets/index.js');
  const newest = existsSync(libStamp) ? statSync(libStamp).mtimeMs : Infinity;
  if (files.every((f) => existsSync(f) && statSync(f).mtimeMs >= newest)) return;
  console.log('  bundle-size: script-tag bundles missing or stale; npm run build:bundle …');
  const r = spawnSync('npm', ['run', '--silent', 'build:bundle'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('npm run build:bundle failed');
}

/** Goal of issue #11 for the first load of `<na-location-check>` (kB gzip, `ol` external). */
export const FIRST_LOAD_GOAL_KB = 60;
/** Goal of issue #11 for all widgets (`natuurlijke-alliantie/widgets`, kB gzip, `ol` external). */
export const ALL_WIDGETS_GOAL_KB = 100;
/** Goal of issue #11 for the script-tag bundle with `ol` from the host (kB gzip, static chunks). */
export const SCRIPT_TAG_GOAL_KB = 110;
/** The script-tag bundle with `ol` from the host. */
export const SCRIPT_TAG_BUNDLE = 'dist/bundle/natuurlijke-alliantie.js';

/** A line saying how a size compares with its goal. */
function goalLine(what, gzip, goal) {
  const size = kB(gzip);
  return `${what}: ${size.toFixed(1)} kB gz, ${(size / goal).toFixed(2)}× the goal of ${goal} kB (${size <= goal ? 'met' : 'NOT met'})`;
}

export default async function bundleSize(context) {
  const rows = [];
  const goals = [];
  let firstLoad;
  for (const [key, target] of Object.entries(pkg.exports ?? {})) {
    const file = typeof target === 'string' ? target : target?.default;
    if (typeof file !== 'string' || !file.endsWith('.js')) continue;
    const budget = budgets.entries?.[key];
    const path = join(root, file);
    if (!existsSync(path)) {
      rows.push({ name: key, missing: true, budget });
      continue;
    }
    const size = await entrySize(path);
    rows.push({ name: key, ...size, budget });
    if (key === './widgets')
      goals.push(goalLine('all widgets (./widgets)', size.gzip, ALL_WIDGETS_GOAL_KB));
    if (key === './location-check') {
      const top = size.composition
        .slice(0, 10)
        .map(([name, bytes]) => `${name} ${kB(bytes).toFixed(1)}`)
        .join(', ');
      context.log(`first load of <na-location-check>, largest parts (kB minified): ${top}`);
      firstLoad = { gzip: size.gzip, top };
    }
    // The core entry runs without a DOM: no viewer or UI library may reach it.
    if (key === '.' && size.externals.some((e) => /^(ol|ol-ext|@arcgis\/core)(\/|$)/.test(e))) {
      throw new Error(`the core entry imports a viewer: ${size.externals.join(', ')}`);
    }
  }
  ensureBundles();
  for (const [file, budget] of Object.entries(budgets.bundles ?? {})) {
    const path = join(root, file);
    const size = await bundleFileSize(path);
    rows.push({ name: file, ...size, budget });
    if (file === SCRIPT_TAG_BUNDLE)
      goals.push(
        goalLine(`script-tag bundle (${file}, ol from the host)`, size.gzip, SCRIPT_TAG_GOAL_KB),
      );
  }

  const lines = [];
  const problems = [];
  for (const row of rows) {
    let line;
    if (row.missing) {
      line = `size ${row.name}: MISSING (not built; budget ${row.budget ?? '–'} kB)`;
      problems.push(row.name);
    } else {
      const size = kB(row.gzip);
      const over = row.budget !== undefined && size > row.budget;
      if (over) problems.push(row.name);
      line =
        `size ${row.name}: ${size.toFixed(1)} kB gz (budget ${row.budget ?? '–'} kB) ` +
        `${row.budget === undefined ? 'NO BUDGET' : over ? 'OVER' : 'OK'}` +
        `  [${kB(row.raw).toFixed(0)} kB min${row.lazyGzip ? `; +${kB(row.lazyGzip).toFixed(1)} kB gz loaded on demand` : ''}]`;
    }
    context.log(line);
    lines.push(line);
  }
  if (firstLoad !== undefined) {
    const size = kB(firstLoad.gzip);
    const line = `first load of <na-location-check>: ${size.toFixed(1)} kB gz, ${(size / FIRST_LOAD_GOAL_KB).toFixed(1)}× the goal of ${FIRST_LOAD_GOAL_KB} kB (${size <= FIRST_LOAD_GOAL_KB ? 'met' : 'NOT met'}); largest parts: ${firstLoad.top}`;
    context.log(line);
    lines.push(line);
  }
  for (const line of goals) {
    context.log(line);
    lines.push(line);
  }
  if (problems.length > 0) {
    throw new Error(`over budget or missing: ${problems.join(', ')}`);
  }
  return lines;
}
