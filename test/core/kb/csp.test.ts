import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { projectRoot } from '../../helpers/shared.js';

// A page whose Content-Security-Policy forbids eval: a run-time ajv could not compile schemas.
// The validators are precompiled, so nothing may construct Ajv at run time.
vi.mock('ajv', () => ({
  Ajv: class {
    constructor() {
      throw new EvalError(
        "Refused to evaluate a string as JavaScript: 'unsafe-eval' is not allowed",
      );
    }
  },
}));

const { defaultKnowledgeBase, parseKnowledgeBaseFile } =
  await import('../../../src/core/kb/load.js');
const { parseSourcesConfig } = await import('../../../src/sources/config.js');

describe('without eval (strict Content-Security-Policy)', () => {
  it('loads and cross-checks the bundled knowledge base', () => {
    const kb = defaultKnowledgeBase();
    expect(kb.zones).toHaveLength(54);
    expect(Object.isFrozen(kb)).toBe(true);
  });

  it("validates a municipality's file with located schema errors", () => {
    expect(() => parseKnowledgeBaseFile('{\n  "version": 3\n}', 'x.json')).toThrow(/x\.json:2:/);
  });

  it('validates a sources file', () => {
    expect(() =>
      parseSourcesConfig(
        '{\n  "sources": [ { "id": "a", "type": "nope", "properties": {} } ]\n}',
        's.json',
      ),
    ).toThrow(/s\.json:2/);
  });

  it('the precompiled validators are up to date with the schemas', () => {
    expect(() =>
      execFileSync(
        process.execPath,
        [resolve(projectRoot, 'scripts/compile-validators.mjs'), '--check'],
        { stdio: 'pipe' },
      ),
    ).not.toThrow();
  });
});
