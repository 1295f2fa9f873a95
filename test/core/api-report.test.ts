// The public API is deliberate: the exports of every package entry match the committed
// api-report.json (scripts/api-report.mjs). Adding or removing an export means regenerating it.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain ESM script without type declarations
import { ENTRIES, apiReport } from '../../scripts/api-report.mjs';

const root = resolve(import.meta.dirname, '../..');

describe('public API report', () => {
  it('every entry exports exactly what api-report.json lists (run npm run api-report)', () => {
    const committed = JSON.parse(readFileSync(resolve(root, 'api-report.json'), 'utf8')) as Record<
      string,
      string[]
    >;
    const current = apiReport() as Record<string, string[]>;
    expect(Object.keys(current).sort()).toEqual(Object.keys(ENTRIES as object).sort());
    for (const entry of Object.keys(current)) {
      expect(current[entry], `exports of ${entry}`).toEqual(committed[entry]);
      expect(current[entry]?.length ?? 0).toBeGreaterThan(0);
    }
  }, 120_000);
});
