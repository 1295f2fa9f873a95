/** Hydrologic soil group: the [S] rules of BRIEF §4 as a table of cases. */
import { describe, expect, it } from 'vitest';
import { broGtClassCodes } from '../../src/core/groundwater.js';
import {
  HSG_PARAMS,
  hydrologicSoilGroup,
  hydrologicSoilGroupFor,
  type HsgRule,
} from '../../src/core/hsg.js';
import { broSoilClassCodes, deriveSoil } from '../../src/core/soil.js';
import {
  HYDROLOGIC_SOIL_GROUPS,
  NaError,
  type HydrologicSoilGroup,
  type Texture,
} from '../../src/core/types.js';

type Case = [
  texture: Texture,
  gt: string | null,
  cover: Texture | null,
  loamySand: boolean,
  group: HydrologicSoilGroup,
  rules: HsgRule[],
];

const CASES: Case[] = [
  ['zand', null, null, false, 'A', ['texture']],
  ['zand', 'VII', null, false, 'A', ['texture']],
  ['zand', 'VI', null, false, 'A', ['texture']],
  ['zand', 'IIc', null, false, 'A', ['texture']],
  ['zand', 'I', null, false, 'D', ['texture', 'shallow-groundwater']],
  ['zand', 'IIIb', null, false, 'D', ['texture', 'shallow-groundwater']],
  ['zand', 'Va', null, false, 'D', ['texture', 'shallow-groundwater']],
  ['zand', null, null, true, 'B', ['loamy-sand']],
  ['zand', 'VIId', null, true, 'B', ['loamy-sand']],
  ['zand', 'VII', 'klei', false, 'C', ['texture', 'cover']],
  ['zand', 'VII', 'zavel', false, 'C', ['texture', 'cover']],
  ['zand', 'VII', 'zand', false, 'A', ['texture']],
  ['zand', 'IIa', 'klei', false, 'D', ['texture', 'cover', 'shallow-groundwater']],
  ['zavel', null, null, false, 'C', ['texture']],
  ['zavel', 'VI', null, false, 'C', ['texture']],
  ['zavel', 'Vb', null, false, 'D', ['texture', 'shallow-groundwater']],
  ['leem', 'VII', null, false, 'C', ['texture']],
  ['klei', null, null, false, 'D', ['texture']],
  ['klei', 'VIII', null, false, 'D', ['texture']],
  ['klei', 'VII', 'zand', false, 'D', ['texture']],
  ['klei', 'VII', 'klei', false, 'D', ['texture', 'cover']],
  ['veen', null, null, false, 'D', ['texture']],
  ['veen', 'II', null, false, 'D', ['texture', 'wet-peat', 'shallow-groundwater']],
  ['veen', 'IIc', null, false, 'D', ['texture', 'wet-peat']],
  ['veen', 'VI', null, false, 'D', ['texture']],
  ['veen', 'II', 'klei', false, 'D', ['texture', 'cover', 'wet-peat', 'shallow-groundwater']],
];

describe('hydrologicSoilGroup: rule table', () => {
  it.each(CASES)(
    '%s, Gt %s, cover %s, loamy %s → %s',
    (texture, gt, cover, loamySand, group, rules) => {
      const r = hydrologicSoilGroup(texture, gt, cover, { loamySand });
      expect(r.group).toBe(group);
      expect(r.rules).toEqual(rules);
      expect(r.basis).toMatch(/\[S/);
    },
  );

  it('explains the rules that applied', () => {
    const r = hydrologicSoilGroup('veen', 'II');
    expect(r.basis).toContain('veen → D');
    expect(r.basis).toContain('saturated');
    expect(r.basis).toContain('GHG within 40 cm');
  });

  it('ignores the loamy-sand hint for textures other than zand', () => {
    expect(hydrologicSoilGroup('klei', null, null, { loamySand: true }).group).toBe('D');
  });

  it('treats an empty Gt as unknown and rejects an unknown one', () => {
    expect(hydrologicSoilGroup('zand', '').group).toBe('A');
    expect(() => hydrologicSoilGroup('zand', 'IX')).toThrow(NaError);
  });
});

describe('hydrologicSoilGroup: parameters', () => {
  it('are frozen defaults', () => {
    expect(HSG_PARAMS.byTexture).toEqual({
      zand: 'A',
      zavel: 'C',
      klei: 'D',
      leem: 'C',
      veen: 'D',
    });
    expect(HSG_PARAMS.shallowGhgCm).toBe(40);
    expect(Object.isFrozen(HSG_PARAMS)).toBe(true);
    expect(Object.isFrozen(HSG_PARAMS.byTexture)).toBe(true);
  });

  it('can be overridden per call, without touching the defaults', () => {
    const params = {
      byTexture: { ...HSG_PARAMS.byTexture, veen: 'C' as const },
      shallowGhgCm: null,
    };
    expect(hydrologicSoilGroup('veen', 'VII', null, { params }).group).toBe('C');
    // Wet peat still saturates with the texture rule softened and the shallow rule off.
    expect(hydrologicSoilGroup('veen', 'II', null, { params })).toMatchObject({
      group: 'D',
      rules: ['texture', 'wet-peat'],
    });
    expect(hydrologicSoilGroup('zand', 'I', null, { params }).group).toBe('A');
    expect(HSG_PARAMS.byTexture.veen).toBe('D');
  });

  it('takes another shallow-groundwater limit', () => {
    const params = { shallowGhgCm: 25 };
    expect(hydrologicSoilGroup('zand', 'IIIb', null, { params }).group).toBe('A');
    expect(hydrologicSoilGroup('zand', 'IIIa', null, { params }).group).toBe('D');
  });
});

describe('hydrologicSoilGroupFor: from a soil code', () => {
  const cases: Array<[code: string, gt: string | null, group: HydrologicSoilGroup | null]> = [
    ['Hn21', 'VII', 'A'],
    ['Hn23', 'VII', 'B'], // lemig fijn zand
    ['kHn21', 'VII', 'C'], // clay cover on sand
    ['Hn21', 'III', 'D'],
    ['Mn25A', 'VI', 'C'], // zware zavel
    ['Mn35A', 'VI', 'D'], // lichte klei
    ['Ld6', 'VIII', 'C'],
    ['Vc', 'II', 'D'],
    ['zVz', 'VI', 'D'],
    ['|h BEBOUW', 'VII', null],
    ['|g WATER', null, null],
  ];
  it.each(cases)('%s with Gt %s → %s', (code, gt, group) => {
    expect(hydrologicSoilGroupFor(deriveSoil(code), gt)?.group ?? null).toBe(group);
  });

  it('gives a group for every BRO soil class with every BRO Gt class', () => {
    for (const code of broSoilClassCodes()) {
      const soil = deriveSoil(code);
      for (const gt of broGtClassCodes()) {
        const r = hydrologicSoilGroupFor(soil, gt);
        expect(HYDROLOGIC_SOIL_GROUPS).toContain(r?.group);
      }
    }
  });
});
