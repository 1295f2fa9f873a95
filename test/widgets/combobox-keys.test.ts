/** The keys of the address combobox (widgets/address-search/combobox-keys.ts), as a pure function. */
import { describe, expect, it } from 'vitest';
import { comboboxKey, type ComboboxState } from '../../widgets/address-search/combobox-keys.js';

const key = (k: string, mods: Partial<{ altKey: boolean; ctrlKey: boolean }> = {}) => ({
  key: k,
  altKey: mods.altKey ?? false,
  ctrlKey: mods.ctrlKey ?? false,
  metaKey: false,
  isComposing: false,
});
const listed: ComboboxState = { count: 3, open: true, active: 2, searchPending: false, value: 'a' };

describe('comboboxKey', () => {
  it('ArrowDown wraps from the last to the first; ArrowUp from a closed list takes the last', () => {
    expect(comboboxKey(key('ArrowDown'), listed)).toEqual({
      kind: 'show',
      open: true,
      active: 0,
      prevent: true,
    });
    expect(comboboxKey(key('ArrowUp'), { ...listed, open: false, active: -1 })).toMatchObject({
      active: 2,
    });
  });

  it('Alt+ArrowDown opens without moving; with nothing listed it searches now, if a search waits', () => {
    expect(
      comboboxKey(key('ArrowDown', { altKey: true }), { ...listed, open: false }),
    ).toMatchObject({ kind: 'show', active: 2 });
    const empty = { ...listed, count: 0, open: false, active: -1 };
    expect(comboboxKey(key('ArrowDown'), { ...empty, searchPending: true })?.kind).toBe(
      'search-now',
    );
    expect(comboboxKey(key('ArrowDown'), empty)).toBeUndefined();
  });

  it('Enter chooses the active suggestion or the first; Escape closes, then clears', () => {
    expect(comboboxKey(key('Enter'), listed)).toMatchObject({ kind: 'choose', index: 2 });
    expect(comboboxKey(key('Enter'), { ...listed, active: -1 })).toMatchObject({ index: 0 });
    expect(comboboxKey(key('Enter'), { ...listed, open: false })).toBeUndefined();
    expect(comboboxKey(key('Escape'), listed)?.kind).toBe('close');
    expect(comboboxKey(key('Escape'), { ...listed, open: false })?.kind).toBe('clear');
    expect(comboboxKey(key('Escape'), { ...listed, open: false, value: '' })).toBeUndefined();
  });

  it('leaves Ctrl combinations to the browser; Home deactivates without taking the key', () => {
    expect(comboboxKey(key('ArrowDown', { ctrlKey: true }), listed)).toBeUndefined();
    expect(comboboxKey(key('Home'), listed)).toEqual({ kind: 'deactivate', prevent: false });
  });
});
