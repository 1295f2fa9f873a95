/**
 * The land-use fact (issue #9): a source's value becomes one of the land-use classes, matched
 * without case or accents; anything else is a clear error naming the allowed classes.
 */
import { describe, expect, it } from 'vitest';
import { LAND_USES } from '../../src/core/types.js';
import { coerceFact } from '../../src/sources/facts.js';

describe('landUse fact', () => {
  it('accepts every land-use class, ignoring case and surrounding space', () => {
    for (const v of LAND_USES) {
      expect(coerceFact('landUse', ` ${v.toUpperCase()} `, 'gebruik')).toEqual({
        ok: true,
        value: v,
      });
    }
  });
  it('rejects other values with the allowed classes named', () => {
    const r = coerceFact('landUse', 'moeras', 'gebruik');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('heide, bos, bedrijventerrein');
  });
});
