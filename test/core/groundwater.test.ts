/**
 * Groundwater classes: every BRO class of the shared catalogue, the older classes of BRIEF §2,
 * the w/s prefixes, ordering and the shallow-groundwater test.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import vendored from '../../src/core/data/bro-gt-classes.json' with { type: 'json' };
import {
  GT_MAIN_CLASSES,
  broGtClassCodes,
  compareGt,
  gtInfo,
  gtMainIndex,
  isShallowGroundwater,
  legacyGtClassCodes,
} from '../../src/core/groundwater.js';
import type { DepthRange } from '../../src/core/report.js';
import { NaError } from '../../src/core/types.js';
import { vendoredDir } from '../helpers/shared.js';

const shared = JSON.parse(
  readFileSync(resolve(vendoredDir(), 'domain/codes/bro-wdm-grondwatertrappen.json'), 'utf8'),
) as { Grondwatertrapklasse: Array<[string, string]> };
const sharedClasses = shared.Grondwatertrapklasse;

/** Independent reading of one catalogue text: "(GHG) in cm-mv: 25 - 40; … (GLG) in cm-mv: > 120". */
function readText(text: string): { ghg: DepthRange; glg: DepthRange } {
  const parts = text.split(';').map((p) => p.split('cm-mv:')[1]?.trim() ?? '');
  const range = (t: string): DepthRange => {
    if (t.startsWith('<')) return { min: null, max: Number(t.slice(1)) };
    if (t.startsWith('>')) return { min: Number(t.slice(1)), max: null };
    const [a, b] = t.split('-').map(Number);
    return { min: a ?? NaN, max: b ?? NaN };
  };
  return { ghg: range(parts[0] ?? ''), glg: range(parts[1] ?? '') };
}

describe('the vendored Gt table', () => {
  it('has the classes of the shared catalogue, same codes and descriptions', () => {
    expect(sharedClasses.length).toBeGreaterThan(20);
    expect(vendored.classes.map((c) => c.code)).toEqual(sharedClasses.map(([code]) => code));
    expect(vendored.classes.map((c) => c.description)).toEqual(sharedClasses.map(([, d]) => d));
    expect(broGtClassCodes()).toEqual(sharedClasses.map(([code]) => code));
    expect(vendored._source.file).toBe('bro-wdm-grondwatertrappen.json');
  });
});

describe('gtInfo: every BRO class', () => {
  it.each(sharedClasses)('%s parses as its catalogue text says', (code, text) => {
    const info = gtInfo(code);
    const expected = readText(text);
    expect(info.ghg).toEqual(expected.ghg);
    expect(info.glg).toEqual(expected.glg);
    expect(info.code).toBe(code);
    expect(info.system).toBe('bro');
    expect(info.description.nl).toBe(text);
    expect(info.description.en).toMatch(/GHG.*GLG/);
    expect(code.startsWith(info.main)).toBe(true);
    expect(GT_MAIN_CLASSES).toContain(info.main);
  });
});

type Case = [code: string, main: string, ghg: DepthRange, glg: DepthRange];
const open = null;

describe('gtInfo: golden classes', () => {
  const cases: Case[] = [
    ['Ia', 'I', { min: open, max: 25 }, { min: open, max: 50 }],
    ['IIb', 'II', { min: 25, max: 40 }, { min: 50, max: 80 }],
    ['IIIb', 'III', { min: 25, max: 40 }, { min: 80, max: 120 }],
    ['VI', 'VI', { min: 40, max: 80 }, { min: 120, max: open }],
    ['VIId', 'VII', { min: 80, max: 140 }, { min: 180, max: open }],
    ['VIII', 'VIII', { min: 140, max: open }, { min: 120, max: open }],
  ];
  it.each(cases)('%s: main %s, GHG %o, GLG %o', (code, main, ghg, glg) => {
    expect(gtInfo(code)).toMatchObject({ code, main, ghg, glg });
  });
});

describe('gtInfo: older classes (BRIEF §2)', () => {
  const cases: Case[] = [
    ['I', 'I', { min: open, max: open }, { min: open, max: 50 }],
    ['II', 'II', { min: open, max: open }, { min: 50, max: 80 }],
    ['III', 'III', { min: open, max: 40 }, { min: 80, max: 120 }],
    ['IV', 'IV', { min: 40, max: 80 }, { min: 80, max: 120 }],
    ['V', 'V', { min: open, max: 40 }, { min: 120, max: open }],
    ['VII', 'VII', { min: 80, max: 140 }, { min: 120, max: open }],
    ['VII*', 'VIII', { min: 140, max: open }, { min: 120, max: open }],
    ['II*', 'II', { min: 25, max: 40 }, { min: 50, max: 80 }],
    ['V*', 'V', { min: 25, max: 40 }, { min: 120, max: open }],
  ];
  it.each(cases)('%s: main %s, GHG %o, GLG %o', (code, main, ghg, glg) => {
    expect(gtInfo(code)).toMatchObject({ code, main, ghg, glg });
  });

  it('gives the typical GHG where the class sets none, and marks the older system', () => {
    expect(gtInfo('I').ghgTypical).toEqual({ min: 0, max: 20 });
    expect(gtInfo('II').ghgTypical).toEqual({ min: 0, max: 30 });
    expect(gtInfo('IV').system).toBe('legacy');
    expect(gtInfo('IV').description.nl).toContain('oudere Gt-indeling');
    expect(gtInfo('IVu').ghgTypical).toBeUndefined();
  });

  it('lists the older classes the BRO list lacks, and each parses', () => {
    const legacy = legacyGtClassCodes();
    expect(legacy).toEqual(expect.arrayContaining(['I', 'II', 'III', 'IV', 'V', 'VII*']));
    for (const code of legacy) {
      expect(broGtClassCodes()).not.toContain(code);
      expect(gtInfo(code).system).toBe('legacy');
    }
  });
});

describe('gtInfo: prefixes and input', () => {
  it('reads w (winter inundation) and s (perched water table)', () => {
    const w = gtInfo('wII');
    expect(w).toMatchObject({ code: 'wII', classCode: 'II', main: 'II', inundated: true });
    expect(w.description.nl).toContain('water boven maaiveld');
    expect(w.perched).toBeUndefined();
    const s = gtInfo('sVId');
    expect(s).toMatchObject({ code: 'sVId', classCode: 'VId', main: 'VI', perched: true });
    expect(s.ghg).toEqual(gtInfo('VId').ghg);
  });

  it('ignores surrounding whitespace', () => {
    expect(gtInfo('  VIId ').code).toBe('VIId');
  });

  const unknown: Array<[string, string | undefined]> = [
    ['X', undefined],
    ['IX', undefined],
    ['Ib', undefined],
    ['', undefined],
    ['viid', 'VIId'],
    ['wvii', 'wVII'],
    ['xVII', undefined],
  ];
  it.each(unknown)('"%s" throws unknown-gt naming it', (gt, hint) => {
    let error: unknown;
    try {
      gtInfo(gt);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(NaError);
    const e = error as NaError;
    expect(e.code).toBe('unknown-gt');
    expect(e.details.gt).toBe(gt);
    expect(e.message).toContain(`"${gt}"`);
    if (hint === undefined) expect(e.message).not.toContain('Did you mean');
    else expect(e.message).toContain(`Did you mean "${hint}"`);
  });
});

describe('gtMainIndex', () => {
  it.each(GT_MAIN_CLASSES.map((m, i) => [m, i + 1] as const))('%s → %i', (main, index) => {
    expect(gtMainIndex(main)).toBe(index);
  });

  it('takes full classes too', () => {
    expect(gtMainIndex('VIId')).toBe(7);
    expect(gtMainIndex('VII*')).toBe(8);
    expect(gtMainIndex('IIIb')).toBe(3);
    expect(gtMainIndex('wVa')).toBe(5);
  });

  it('throws unknown-gt for anything else', () => {
    expect(() => gtMainIndex('IX')).toThrow(NaError);
  });
});

describe('compareGt', () => {
  it('orders classes from wet to dry', () => {
    const dryToWet = [
      'VIIId',
      'VII',
      'VI',
      'Vb',
      'Va',
      'IVc',
      'IVu',
      'IIIb',
      'IIIa',
      'IIc',
      'IIb',
      'IIa',
      'Ic',
      'Ia',
    ];
    expect([...dryToWet].sort(compareGt)).toEqual([...dryToWet].reverse());
  });

  const pairs: Array<[string, string, -1 | 0 | 1]> = [
    ['Ia', 'VIII', -1],
    ['IIa', 'IIb', -1],
    ['IIc', 'IIIa', -1],
    ['VIIo', 'VII', -1],
    ['VII', 'VIId', -1],
    ['VIII', 'VII*', 0],
    ['IV', 'IVu', 0],
    ['V*', 'Vb', 0],
    ['wVI', 'VI', 0],
    ['VIII', 'VII', 1],
  ];
  it.each(pairs)('compareGt(%s, %s) has sign %i', (a, b, sign) => {
    expect(Math.sign(compareGt(a, b))).toBe(sign);
  });

  it('is antisymmetric over all known classes', () => {
    const all = [...broGtClassCodes(), ...legacyGtClassCodes()];
    for (const a of all) {
      for (const b of all) {
        expect(Math.sign(compareGt(a, b)), `${a} vs ${b}`).toBe(0 - Math.sign(compareGt(b, a)));
      }
    }
  });

  it('agrees with the main class order', () => {
    const all = [...broGtClassCodes(), ...legacyGtClassCodes()];
    for (const a of all) {
      for (const b of all) {
        const ma = gtMainIndex(a);
        const mb = gtMainIndex(b);
        if (ma < mb) expect(compareGt(a, b), `${a} vs ${b}`).toBeLessThan(0);
      }
    }
  });
});

describe('isShallowGroundwater (GHG within 40 cm)', () => {
  const cases: Array<[string, boolean]> = [
    ['Ia', true],
    ['Ic', true],
    ['I', true],
    ['II', true],
    ['IIa', true],
    ['IIb', true],
    ['IIc', false], // GHG > 40 although main II
    ['III', true],
    ['IIIb', true],
    ['IVu', false],
    ['IVc', false],
    ['Va', true], // GHG < 25 although main V
    ['Vb', true],
    ['VI', false],
    ['VII', false],
    ['VIII', false],
    ['wVI', false],
  ];
  it.each(cases)('%s → %s', (gt, shallow) => {
    expect(isShallowGroundwater(gt)).toBe(shallow);
  });

  it('takes another limit', () => {
    expect(isShallowGroundwater('IIIb', 25)).toBe(false);
    expect(isShallowGroundwater('IIIa', 25)).toBe(true);
    expect(isShallowGroundwater('VI', 80)).toBe(true);
    expect(isShallowGroundwater('Ic', 25)).toBe(false);
  });
});
