/**
 * The wetness model: depths from the Gt class or measured, perched water, boulder clay, clay on
 * peat, loamy sand, and the one infiltration judgement and water model per location. The cases of
 * issue #9 are named; the invariants run over every Gt class (BRO and older, with prefixes).
 */
import { describe, expect, it } from 'vitest';
import { broGtClassCodes, gtInfo, legacyGtClassCodes } from '../../src/core/groundwater.js';
import zones from '../../src/core/kb/data/zones.json' with { type: 'json' };
import {
  WETNESS_BORDERS,
  assess,
  depthText,
  groundwaterDepthClass,
  type InfiltrationVerdict,
} from '../../src/core/wetness.js';

const ALL_GT = [...broGtClassCodes(), ...legacyGtClassCodes()].flatMap((c) => [
  c,
  `s${c}`,
  `w${c}`,
]);

describe('groundwater depth, read from GHG/GLG and not from the main class', () => {
  it('Hn21 with Va (GHG < 25 cm) is shallow: infiltration discouraged, water stored on the surface', () => {
    const j = assess({ zone: 'Dz1', soilCode: 'Hn21', gt: 'Va' });
    expect(j.ghg).toEqual({ min: null, max: 25 });
    expect(j.groundwater).toBe('shallow');
    expect(j.infiltration.verdict).toBe('discouraged');
    expect(j.infiltration.reasons.map((r) => r.key)).toContain('shallow-groundwater');
    expect(j.hsg).toBe('D');
    expect(j.waterModel.model).not.toBe('infiltratie');
  });
  it('Hn21 with IIc (GHG > 40 cm, GLG 50–80) is in between: partial, not discouraged', () => {
    const j = assess({ zone: 'Dz1', soilCode: 'Hn21', gt: 'IIc' });
    expect(j.groundwater).toBe('intermediate');
    expect(j.infiltration.verdict).toBe('partial');
    expect(j.infiltration.reasons.map((r) => r.key)).toContain('between-classes');
  });
  it('Hn21 with Vb (GHG 25–40 cm) on a dekzandvlakte is shallow', () => {
    const j = assess({ zone: 'Dz2', soilCode: 'Hn21', gt: 'Vb' });
    expect(j.groundwater).toBe('shallow');
    expect(j.infiltration.verdict).toBe('discouraged');
  });
  it('Hn21 with VIId on a dekzandrug: infiltration works, water model infiltratie from the facts', () => {
    const j = assess({ zone: 'Dz1', soilCode: 'Hn21', gt: 'VIId' });
    expect(j.groundwater).toBe('deep');
    expect(j.infiltration.verdict).toBe('works');
    expect(j.hsg).toBe('A');
    expect(j.waterModel).toEqual({
      model: 'infiltratie',
      from: 'location',
      decidedBy: ['texture', 'ghg', 'seepage'],
    });
  });
  it('measured depths win over the Gt class', () => {
    const wet = assess({ soilCode: 'Hn21', gt: 'VIId', ghgCm: 30, glgCm: 150 });
    expect(wet.depthFrom).toBe('measured');
    expect(wet.groundwater).toBe('shallow');
    const dry = assess({ soilCode: 'Hn21', ghgCm: 60, glgCm: 150 });
    expect(dry.groundwater).toBe('deep');
    expect(dry.infiltration.verdict).toBe('works');
    expect(assess({ soilCode: 'Hn21', ghgCm: 60 }).groundwater).toBe('intermediate');
  });
  it('every Gt class is classified by its depth range, with the cited borders', () => {
    const b = WETNESS_BORDERS;
    expect([b.shallowGhgCm, b.deepGlgCm]).toEqual([40, 120]);
    for (const code of ALL_GT) {
      const info = gtInfo(code);
      const ghg = info.ghgTypical ?? info.ghg;
      const cls = groundwaterDepthClass(ghg, info.glg);
      const j = assess({ soilCode: 'Hn21', gt: code });
      if (code.startsWith('w')) expect(j.groundwater, code).toBe('shallow');
      else expect(j.groundwater, code).toBe(cls);
      if (cls === 'shallow') {
        // The whole GHG range lies within 40 cm, or the GLG within 50 cm (class Ic).
        expect((ghg.max ?? Infinity) <= 40 || (info.glg.max ?? Infinity) <= 50, code).toBe(true);
      }
      if (cls === 'deep') {
        expect(ghg.min ?? -Infinity, code).toBeGreaterThanOrEqual(40);
        expect(
          Math.max(info.glg.min ?? -Infinity, ghg.min ?? -Infinity),
          code,
        ).toBeGreaterThanOrEqual(120);
      }
      expect(cls, code).not.toBe('unknown');
      // Sand with shallow groundwater, perched or inundated water never "works".
      if (cls === 'shallow' || code.startsWith('s') || code.startsWith('w')) {
        expect(j.infiltration.verdict, code).toBe('discouraged');
      }
      if (cls === 'deep' && !code.startsWith('s') && !code.startsWith('w')) {
        expect(j.infiltration.verdict, code).toBe('works');
      }
    }
  });
  it('main classes VI–VIII are deep and I–III shallow or in between, whatever the subclass', () => {
    for (const code of broGtClassCodes()) {
      const main = gtInfo(code).main;
      const cls = assess({ gt: code }).groundwater;
      if (['VI', 'VII', 'VIII'].includes(main)) expect(cls, code).toBe('deep');
      if (['I', 'III', 'V'].includes(main))
        expect(cls, code).toBe(code === 'IVc' ? 'intermediate' : 'shallow');
    }
    expect(assess({ gt: 'IIc' }).groundwater).toBe('intermediate');
    expect(assess({ gt: 'IVu' }).groundwater).toBe('intermediate');
  });
  it('formats depth ranges', () => {
    expect(depthText({ min: 25, max: 40 })).toBe('25–40 cm');
    expect(depthText({ min: null, max: 25 })).toBe('< 25 cm');
    expect(depthText({ min: 140, max: null })).toBe('> 140 cm');
  });
});

describe('soils that reach the judgement', () => {
  it('loamy sand (Hn23, cHn23, pZg23, bEZ23) is hydrologic soil group B', () => {
    for (const code of ['Hn23', 'cHn23', 'pZg23', 'bEZ23']) {
      const j = assess({ soilCode: code, gt: 'VII' });
      expect(j.loamySand, code).toBe(true);
      expect(j.hsg, code).toBe('B');
      expect(j.infiltration.verdict, code).toBe('works');
    }
  });
  it('clay on peat (drechtvaag- and liedeerdgronden) carries a peat layer from 40–80 cm', () => {
    for (const code of [
      'Mv41C',
      'Mv51A',
      'Mv61C',
      'Mv81A',
      'Rv01A',
      'Rv01C',
      'pMv51',
      'pMv81',
      'pRv81',
    ]) {
      const j = assess({ soilCode: code, gt: 'IIb' });
      expect(j.peatLayer, code).toEqual({ min: 40, max: 80 });
      expect(j.waterModel.model, code).toBe('isolatie');
    }
    expect(assess({ soilCode: 'Mn86C', gt: 'IIb' }).peatLayer).toBeNull();
  });
  it('boulder clay and perched water: HSG at least C, infiltration discouraged with that reason', () => {
    const j = assess({ zone: 'Kl1', soilCode: 'Hn23x', gt: 'sVI' });
    expect(j.boulderClay).toEqual({ min: 40, max: 120 });
    expect(j.perched).toBe(true);
    expect(['C', 'D']).toContain(j.hsg);
    expect(j.infiltration.verdict).toBe('discouraged');
    const keys = j.infiltration.reasons.map((r) => r.key);
    expect(keys).toEqual(expect.arrayContaining(['perched', 'boulder-clay']));
    expect(j.waterModel.model).toBe('fluctuatie');
    expect(assess({ soilCode: 'Hn21', gt: 'sVII' }).infiltration.reasons.map((r) => r.key)).toEqual(
      ['perched'],
    );
    expect(assess({ soilCode: 'Hn21x', gt: 'VII' }).infiltration.reasons.map((r) => r.key)).toEqual(
      ['boulder-clay'],
    );
  });
  it('a clay cover on sand makes infiltration partial (HSG C)', () => {
    const j = assess({ soilCode: 'kHn21', gt: 'VII' });
    expect(j.cover).toBe('klei');
    expect(j.hsg).toBe('C');
    expect(j.infiltration.verdict).toBe('partial');
  });
  it('heavy clay with deep groundwater is discouraged (clay), and not isolatie (groundwater not shallow)', () => {
    const j = assess({ zone: 'Rg1', soilCode: 'Rd90A', gt: 'VI' });
    expect(j.infiltration.verdict).toBe('discouraged');
    expect(j.infiltration.reasons.map((r) => r.key)).toEqual(['clay']);
    expect(j.waterModel.model).toBe('fluctuatie');
  });
  it('zavel with deep groundwater is partial; peat with shallow groundwater is isolatie', () => {
    expect(assess({ soilCode: 'Mn25A', gt: 'VII' }).infiltration.verdict).toBe('partial');
    const peat = assess({ zone: 'Lv1', soilCode: 'Vc', gt: 'II' });
    expect(peat.waterModel).toEqual({
      model: 'isolatie',
      from: 'location',
      decidedBy: ['texture', 'ghg'],
    });
  });
  it('seepage discourages infiltration, also on sand with deep groundwater', () => {
    const j = assess({ zone: 'Dz5', soilCode: 'pZg23', gt: 'III' });
    expect(j.seepage).toBe('kwel');
    expect(j.infiltration.reasons.map((r) => r.key)).toEqual(
      expect.arrayContaining(['shallow-groundwater', 'seepage']),
    );
    expect(assess({ soilCode: 'Hn21', gt: 'VII', seepage: 'kwel' }).infiltration.verdict).toBe(
      'discouraged',
    );
  });
  it('without soil or groundwater facts the verdict is unknown and the landscape model is the default', () => {
    const j = assess({ zone: 'Dz1' });
    expect(j.texture).toBe('zand');
    expect(j.textureFrom).toBe('zone');
    expect(j.infiltration.verdict).toBe('unknown');
    expect(j.waterModel).toEqual({
      model: 'infiltratie',
      from: 'landscape',
      decidedBy: ['landscapeType'],
    });
    // A wet zone without depths is discouraged by the zone itself.
    expect(assess({ zone: 'Lv1' }).infiltration.reasons.map((r) => r.key)).toEqual(
      expect.arrayContaining(['peat', 'wet-zone']),
    );
    expect(assess({}).waterModel.model).toBeNull();
  });
  it('bad codes are listed, not thrown, and left out of the judgement', () => {
    const j = assess({ soilCode: 'Qx99', gt: 'IX', zone: 'Dz1' });
    expect(j.errors.map((e) => e.fact)).toEqual(['soilCode', 'gt']);
    expect(j.texture).toBeNull();
    expect(j.infiltration.verdict).toBe('unknown');
  });
  it('answers from a cache for a repeated fact tuple', () => {
    const a = assess({ zone: 'Dz2', soilCode: 'Hn21', gt: 'VI' });
    expect(assess({ zone: 'Dz2', soilCode: 'Hn21', gt: 'VI' })).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
  });
});

describe('invariants over zones × soils × Gt × seepage', () => {
  const soils = [
    'Hn21',
    'Hn23',
    'kHn21',
    'Hn23x',
    'Mn25A',
    'Rd90A',
    'Rn47C',
    'Mv41C',
    'Vc',
    'Ln5',
    null,
  ];
  const seepages = [undefined, 'kwel', 'wegzijging', 'neutraal'] as const;
  const gts = [...ALL_GT, null];
  let count = 0;
  const verdicts = new Map<InfiltrationVerdict, number>();
  const failures: string[] = [];
  for (const z of zones) {
    for (const soilCode of soils) {
      for (const gt of gts) {
        for (const seepage of seepages) {
          const j = assess({ zone: z.code, soilCode, gt, ...(seepage ? { seepage } : {}) });
          count++;
          verdicts.set(j.infiltration.verdict, (verdicts.get(j.infiltration.verdict) ?? 0) + 1);
          const discouraged = j.infiltration.verdict === 'discouraged';
          const clayOrPeat = j.texture === 'klei' || j.texture === 'veen' || j.peatLayer !== null;
          const bad =
            (discouraged && j.waterModel.model === 'infiltratie') ||
            (j.waterModel.model === 'isolatie' &&
              j.waterModel.from === 'location' &&
              !(clayOrPeat && j.groundwater === 'shallow')) ||
            (j.infiltration.verdict === 'works' &&
              (j.groundwater !== 'deep' ||
                j.seepage === 'kwel' ||
                j.perched ||
                j.boulderClay !== null)) ||
            j.infiltration.reasons.length === 0;
          if (bad) failures.push(JSON.stringify({ z: z.code, soilCode, gt, seepage }));
        }
      }
    }
  }
  it(`${count} combinations: infiltratie never where infiltration is discouraged, isolatie only on clay/peat with shallow groundwater, "works" only with deep groundwater (${[...verdicts].map(([k, v]) => `${k} ${v}`).join(', ')})`, () => {
    expect(failures.slice(0, 5)).toEqual([]);
    expect(count).toBe(zones.length * soils.length * gts.length * seepages.length);
    expect(verdicts.get('works') ?? 0).toBeGreaterThan(0);
    expect(verdicts.get('partial') ?? 0).toBeGreaterThan(0);
    expect(verdicts.get('discouraged') ?? 0).toBeGreaterThan(0);
  });
});
