#!/usr/bin/env node
// The public API report: every name each package entry exports (every JavaScript entry of
// package.json "exports": src/index.ts, src/map/index.ts, src/arcgis/index.ts, widgets/index.ts,
// widgets/*/define.ts), read with the TypeScript compiler, written to api-report.json. `--check` fails when the exports differ from the committed report, so an export
// is added or removed deliberately: change the entry, run `npm run api-report`, commit both.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));
/** Every JavaScript entry of package.json "exports" → its TypeScript source (dist/x.d.ts → x.ts). */
export const ENTRIES = Object.fromEntries(
  Object.entries(pkg.exports)
    .filter(([, target]) => typeof target === 'object' && typeof target.types === 'string')
    .map(([entry, target]) => [
      entry,
      target.types.replace(/^\.\/dist\//, '').replace(/\.d\.ts$/, '.ts'),
    ]),
);
const REPORT = resolve(root, 'api-report.json');

/** Entry → sorted export names, each marked `type` when it exists only as a type. */
export function apiReport() {
  const files = Object.values(ENTRIES).map((f) => resolve(root, f));
  const config = ts.readConfigFile(resolve(root, 'tsconfig.json'), ts.sys.readFile).config;
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, root);
  const program = ts.createProgram(files, { ...parsed.options, noEmit: true });
  const checker = program.getTypeChecker();
  const out = {};
  for (const [entry, file] of Object.entries(ENTRIES)) {
    const source = program.getSourceFile(resolve(root, file));
    const symbol = source && checker.getSymbolAtLocation(source);
    if (!symbol) throw new Error(`cannot read the exports of ${file}`);
    out[entry] = checker
      .getExportsOfModule(symbol)
      .map((s) => {
        const target = s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s;
        return target.flags & ts.SymbolFlags.Value ? s.name : `type ${s.name}`;
      })
      .sort((a, b) => a.replace(/^type /, '').localeCompare(b.replace(/^type /, '')));
  }
  return out;
}

const isMain =
  process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const text = JSON.stringify(apiReport(), null, 2) + '\n';
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(REPORT, 'utf8');
    } catch {
      current = '';
    }
    if (current !== text) {
      console.error(
        'The public API differs from api-report.json: run npm run api-report and commit it if the change is meant.',
      );
      process.exitCode = 1;
    }
  } else {
    writeFileSync(REPORT, text);
    console.log('wrote api-report.json');
  }
}
