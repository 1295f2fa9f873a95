import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain ESM script without type declarations
import { domainReview } from '../../scripts/domain-review.mjs';
import * as wetness from '../../src/core/wetness.js';
import * as groundwater from '../../src/core/groundwater.js';
import * as hsg from '../../src/core/hsg.js';

/**
 * docs/domain-review.md is generated (`npm run build:lib && node scripts/domain-review.mjs
 * --write`); this test regenerates it from the sources and fails when the committed page is stale.
 */
describe('docs/domain-review.md', () => {
  it('is current: regenerating it from the knowledge base and the core gives the committed page', () => {
    const committed = readFileSync(resolve(__dirname, '../../docs/domain-review.md'), 'utf8');
    const fresh = (domainReview as (core: object) => string)({
      ...wetness,
      ...groundwater,
      ...hsg,
    });
    expect(fresh.length).toBeGreaterThan(1000);
    expect(fresh).toBe(committed);
  });
});
