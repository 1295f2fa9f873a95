/**
 * docs/toegankelijkheid.md (the draft accessibility statement, #18) stays true: it names every
 * WCAG 2.2 level A and AA success criterion (4.1.1 is obsolete in 2.2), in its table or as not
 * applicable, and every test file it names exists.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/shared.js';

/** WCAG 2.2 success criteria of level A and AA (https://www.w3.org/TR/WCAG22/). */
const WCAG22_A_AA = [
  // Level A
  '1.1.1',
  '1.2.1',
  '1.2.2',
  '1.2.3',
  '1.3.1',
  '1.3.2',
  '1.3.3',
  '1.4.1',
  '1.4.2',
  '2.1.1',
  '2.1.2',
  '2.1.4',
  '2.2.1',
  '2.2.2',
  '2.3.1',
  '2.4.1',
  '2.4.2',
  '2.4.3',
  '2.4.4',
  '2.5.1',
  '2.5.2',
  '2.5.3',
  '2.5.4',
  '3.1.1',
  '3.2.1',
  '3.2.2',
  '3.2.6',
  '3.3.1',
  '3.3.2',
  '3.3.7',
  '4.1.2',
  // Level AA
  '1.2.4',
  '1.2.5',
  '1.3.4',
  '1.3.5',
  '1.4.3',
  '1.4.4',
  '1.4.5',
  '1.4.10',
  '1.4.11',
  '1.4.12',
  '1.4.13',
  '2.4.5',
  '2.4.6',
  '2.4.7',
  '2.4.11',
  '2.5.7',
  '2.5.8',
  '3.1.2',
  '3.2.3',
  '3.2.4',
  '3.3.3',
  '3.3.4',
  '3.3.8',
  '4.1.3',
];

/** Every file under a folder, as paths relative to the project root. */
function files(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(resolve(projectRoot, dir))) {
    const path = join(dir, name);
    if (statSync(resolve(projectRoot, path)).isDirectory()) out.push(...files(path));
    else out.push(path);
  }
  return out;
}

describe('docs/toegankelijkheid.md', () => {
  const doc = readFileSync(resolve(projectRoot, 'docs/toegankelijkheid.md'), 'utf8');

  it('names every WCAG 2.2 A and AA success criterion', () => {
    expect(WCAG22_A_AA).toHaveLength(55);
    // A criterion number stands alone ("1.4.1", not part of "1.4.10").
    const missing = WCAG22_A_AA.filter(
      (c) => !new RegExp(`(^|[^\\d.])${c.replace(/\./g, '\\.')}(?![\\d])`).test(doc),
    );
    expect(missing).toEqual([]);
  });

  it('names only test files that exist', () => {
    const tests = files('test').map((p) => p.split('\\').join('/'));
    const named = [
      ...doc.matchAll(/`(test\/[\w/.-]+\.(?:ts|mjs)|[\w.-]+\.test\.(?:ts|mjs))`/g),
    ].map((m) => m[1] ?? '');
    expect(named.length).toBeGreaterThan(10);
    const absent = named.filter((n) =>
      n.includes('/')
        ? !existsSync(resolve(projectRoot, n))
        : !tests.some((t) => t.endsWith(`/${n}`)),
    );
    expect(absent).toEqual([]);
  });
});
