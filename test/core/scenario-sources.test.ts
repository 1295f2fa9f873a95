/**
 * The scenario comparer shows every assumption with its source (widget, docs, CLI): a reader must be
 * able to find it, so no source names an internal document or one of its sections (issue #15).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../src/core/scenario/params.js';

function sources(value: unknown, path: string, out: Array<[string, string]>): void {
  if (value === null || typeof value !== 'object') return;
  for (const [key, v] of Object.entries(value)) {
    if (key === 'source' && typeof v === 'string') out.push([path, v]);
    else sources(v, `${path}.${key}`, out);
  }
}

describe('scenario assumption sources', () => {
  const all: Array<[string, string]> = [];
  sources(DEFAULT_PARAMS, 'params', all);
  it(`name publications, never an internal document (${all.length} sources)`, () => {
    expect(all.length).toBeGreaterThan(20);
    const internal = all.filter(([, s]) => /\bBRIEF\b|§|\.md\b|src\//.test(s));
    expect(internal).toEqual([]);
  });
});
