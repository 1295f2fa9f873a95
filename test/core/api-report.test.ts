// The public API is deliberate: the exports of every package entry match the committed
// api-report.json (scripts/api-report.mjs), and docs/api.md ("Entry points") lists every one of
// them. Adding or removing an export means regenerating the report and documenting the name.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain ESM script without type declarations
import { ENTRIES, apiReport } from '../../scripts/api-report.mjs';

const root = resolve(import.meta.dirname, '../..');
const committed = JSON.parse(readFileSync(resolve(root, 'api-report.json'), 'utf8')) as Record<
  string,
  string[]
>;
const packageJson = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
  name: string;
  exports: Record<string, unknown>;
};

/**
 * The names listed in the docs/api.md section of a package entry: the name that opens a list item
 * (`- \`name\` (kind): what it is for`), and every name of a `- Names: …` item.
 */
function documentedNames(apiMd: string, entry: string): Set<string> {
  const heading = `### \`${entry === '.' ? packageJson.name : `${packageJson.name}/${entry.slice(2)}`}\``;
  const start = apiMd.indexOf(`\n${heading}\n`);
  if (start < 0) return new Set();
  const rest = apiMd.slice(start + heading.length + 2);
  const next = rest.search(/\n#{2,3} /);
  const section = next < 0 ? rest : rest.slice(0, next);
  const names = new Set<string>();
  for (const line of section.split('\n')) {
    const item = /^- `([A-Za-z_$][\w$]*)`/.exec(line);
    if (item) names.add(item[1]!);
    if (line.startsWith('- Names: ')) {
      for (const m of line.matchAll(/`([A-Za-z_$][\w$]*)`/g)) names.add(m[1]!);
    }
  }
  return names;
}

describe('public API report', () => {
  it('every entry exports exactly what api-report.json lists (run npm run api-report)', () => {
    const current = apiReport() as Record<string, string[]>;
    expect(Object.keys(current).sort()).toEqual(Object.keys(ENTRIES as object).sort());
    for (const entry of Object.keys(current)) {
      expect(current[entry], `exports of ${entry}`).toEqual(committed[entry]);
      expect(current[entry]?.length ?? 0).toBeGreaterThan(0);
    }
  }, 120_000);

  it('the report covers every JavaScript entry of package.json "exports"', () => {
    const jsEntries = Object.entries(packageJson.exports)
      .filter(([, target]) => typeof target === 'object')
      .map(([entry]) => entry)
      .sort();
    expect(Object.keys(committed).sort()).toEqual(jsEntries);
  });

  it('docs/api.md lists every exported name under its entry', () => {
    const apiMd = readFileSync(resolve(root, 'docs/api.md'), 'utf8');
    for (const [entry, names] of Object.entries(committed)) {
      const documented = documentedNames(apiMd, entry);
      const missing = names.map((n) => n.replace(/^type /, '')).filter((n) => !documented.has(n));
      expect(missing, `names of ${entry} missing in docs/api.md`).toEqual([]);
    }
  });

  it('the check of docs/api.md fails when a name is missing', () => {
    const apiMd = readFileSync(resolve(root, 'docs/api.md'), 'utf8');
    const withoutAssess = apiMd.replace(/^- `assess` .*\n/m, '');
    expect(withoutAssess).not.toBe(apiMd);
    expect(documentedNames(apiMd, '.').has('assess')).toBe(true);
    expect(documentedNames(withoutAssess, '.').has('assess')).toBe(false);
  });
});
