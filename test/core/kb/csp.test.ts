import { describe, expect, it, vi } from 'vitest';

// A page whose Content-Security-Policy forbids eval: ajv cannot compile the schema.
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

describe('without eval (strict Content-Security-Policy)', () => {
  it('still loads the bundled knowledge base, with the cross-checks', () => {
    const kb = defaultKnowledgeBase();
    expect(kb.zones).toHaveLength(54);
    expect(Object.isFrozen(kb)).toBe(true);
  });

  it('does not hide the problem for files a municipality loads', () => {
    expect(() => parseKnowledgeBaseFile('{}', 'x.json')).toThrow(EvalError);
  });
});
