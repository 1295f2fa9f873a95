import { describe, expect, it } from 'vitest';
import { assess } from '../../src/core/assess.js';
import { evaluate } from '../../src/core/conditions.js';
import type { KnowledgeBase, Principle } from '../../src/core/kb/types.js';
import { localizeReport } from '../../src/core/localize.js';
import type { Fact, FactName } from '../../src/core/types.js';

const t = (s: string) => ({ nl: `${s} (nl)`, en: `${s} (en)` });
const src = { ref: 'test' };

function principle(
  id: string,
  conditions: Principle['conditions'],
  extra: Partial<Principle> = {},
): Principle {
  return {
    id,
    title: t(id),
    text: t(`${id} text`),
    scale: 'wijk/dorp',
    domain: 'water',
    actions: ['infiltreren'],
    conditions,
    reason: {
      nl: 'Hier ligt {texture} in zone {zone}, Gt {gt}.',
      en: 'Here is {texture} in zone {zone}, Gt {gt}.',
    },
    source: src,
    ...extra,
  };
}

/** A tiny knowledge base, so these tests check the engine, not the content. */
function tinyKb(): KnowledgeBase {
  return {
    version: 'test',
    landscapeTypes: [
      {
        id: 'dekzand',
        name: t('Dekzand'),
        description: t('dekzand'),
        system: { soil: t('s'), water: t('w'), relief: t('r') },
        waterModel: 'infiltratie',
        colour: '#e0c080',
        sources: [src],
      },
      {
        id: 'veenweide',
        name: t('Veenweide'),
        description: t('veen'),
        system: { soil: t('s'), water: t('w'), relief: t('r') },
        waterModel: 'isolatie',
        colour: '#806040',
        sources: [src],
      },
    ],
    zoneGroups: [{ id: 'dekzandgebied', name: t('Dekzandgebied'), colour: '#e0c080' }],
    zones: [
      {
        code: 'Dz1',
        name: { nl: 'Dekzandrug', en: 'Cover-sand ridge' },
        group: 'dekzandgebied',
        landscapeType: 'dekzand',
        description: t('rug'),
        position: 'ridge',
        seepage: 'wegzijging',
        colour: '#f0d090',
        principles: ['zone-listed'],
        sources: [src],
      },
      {
        code: 'Dz5',
        name: { nl: 'Beekdal zand/leem', en: 'Stream valley' },
        group: 'dekzandgebied',
        landscapeType: 'dekzand',
        description: t('beekdal'),
        position: 'low',
        seepage: 'kwel',
        colour: '#a0c0e0',
        principles: [],
        sources: [src],
      },
    ],
    principles: [
      principle('infiltrate-sand', { texture: ['zand'], gt: { min: 'V' } }),
      principle('ridge-only', { landscapeType: ['dekzand'], position: ['ridge'] }),
      principle('peat-only', { landscapeType: ['veenweide'] }),
      principle('heat', { heat: { min: 35 } }, { scale: 'straat', actions: ['koelen'] }),
      principle('zone-listed', { landscapeType: ['veenweide'], texture: ['zand'] }),
      principle(
        'any-of',
        { anyOf: [{ texture: ['klei'] }, { gt: { max: 'III' } }] },
        { actions: ['bergen'] },
      ),
      principle('infiltrate-anyway', { zone: ['Dz5'] }),
      principle('off', {}, { disabled: true }),
    ],
    discouraged: [
      {
        id: 'no-infiltration-shallow',
        action: 'infiltreren',
        conditions: { gt: { max: 'III' } },
        reason: { nl: 'Grondwater te ondiep (Gt {gt}).', en: 'Groundwater too shallow (Gt {gt}).' },
        source: src,
      },
    ],
    labels: { 'texture.zand': { nl: 'zand', en: 'sand' } },
  };
}

function facts(values: Partial<Record<FactName, string | number>>, sourceId = 'test'): Fact[] {
  return Object.entries(values).map(
    ([name, value]) =>
      ({ name, status: 'ok', value, provenance: { sourceId, title: 'Test' } }) as Fact,
  );
}
const ids = (r: ReturnType<typeof assess>) => r.principles.map((p) => p.id);

describe('assess', () => {
  it('applies principles whose conditions hold, with the facts that made them apply', () => {
    const kb = tinyKb();
    const r = assess(facts({ zone: 'Dz1', soilCode: 'Hn21', gt: 'VII' }), kb);
    expect(ids(r)).toContain('infiltrate-sand');
    expect(ids(r)).toContain('ridge-only');
    expect(ids(r)).not.toContain('peat-only');
    const p = r.principles.find((x) => x.id === 'infiltrate-sand');
    expect(p?.reasons.map((x) => x.key)).toEqual(['texture', 'gt']);
    expect(p?.reason.nl).toBe('Hier ligt zand in zone Dekzandrug (Dz1), Gt VII.');
    expect(p?.reason.en).toBe('Here is sand in zone Cover-sand ridge (Dz1), Gt VII.');
  });

  it('derives the landscape type and typical position from the zone, marked as derived', () => {
    const r = assess(facts({ zone: 'Dz1' }), tinyKb());
    expect(r.derived.landscapeType).toBe('dekzand');
    expect(r.derived.position).toBe('ridge');
    const lt = r.facts.find((f) => f.name === 'landscapeType');
    expect(lt?.provenance.derived).toBe(true);
    expect(r.landscape.zone?.code).toBe('Dz1');
  });

  it('a principle listed by the zone applies without its landscape condition', () => {
    const r = assess(facts({ zone: 'Dz1', soilCode: 'Hn21' }), tinyKb());
    const p = r.principles.find((x) => x.id === 'zone-listed');
    expect(p).toBeDefined();
    expect(p?.reasons[0]?.key).toBe('zone');
    const r2 = assess(facts({ zone: 'Dz5', soilCode: 'Hn21' }), tinyKb());
    expect(ids(r2)).not.toContain('zone-listed');
  });

  it('lists principles that depend on missing facts instead of dropping them', () => {
    const r = assess(facts({ zone: 'Dz1' }), tinyKb());
    const missing = r.missing.filter((m) => m.kind === 'principle');
    const heat = missing.find((m) => m.kind === 'principle' && m.principle === 'heat');
    expect(heat).toMatchObject({ needs: ['heat'] });
    const sand = missing.find((m) => m.kind === 'principle' && m.principle === 'infiltrate-sand');
    expect(sand).toMatchObject({ needs: ['texture', 'gt'] });
    // Part of the conditions hold (sand), the groundwater is unknown: listed with what it needs.
    const partly = assess(facts({ zone: 'Dz1', soilCode: 'Hn21' }), tinyKb());
    expect(partly.missing).toContainEqual(
      expect.objectContaining({ kind: 'principle', principle: 'infiltrate-sand', needs: ['gt'] }),
    );
    expect(
      r.missing.some(
        (m) => m.kind === 'fact' && m.fact === 'soilCode' && m.reason === 'not-configured',
      ),
    ).toBe(true);
  });

  it('keeps the why of a no-data fact', () => {
    const nd: Fact = {
      name: 'soilCode',
      status: 'no-data',
      reason: 'built-up-not-mapped',
      provenance: { sourceId: 'bodem', title: 'Bodemkaart' },
    };
    const r = assess([...facts({ zone: 'Dz1' }), nd], tinyKb());
    expect(r.missing).toContainEqual(
      expect.objectContaining({
        kind: 'fact',
        fact: 'soilCode',
        reason: 'built-up-not-mapped',
        sourceId: 'bodem',
      }),
    );
  });

  it('discourages actions with reasons', () => {
    const r = assess(facts({ zone: 'Dz5', gt: 'IIb' }), tinyKb());
    expect(r.discouraged.map((d) => d.action)).toEqual(['infiltreren']);
    expect(r.discouraged[0]?.reasons[0]?.reason.nl).toBe('Grondwater te ondiep (Gt IIb).');
    expect(ids(r)).toContain('any-of');
    // A principle whose action is discouraged here does not apply (and is reported as such).
    expect(ids(r)).not.toContain('infiltrate-anyway');
    expect(r.suppressed).toEqual([{ principle: 'infiltrate-anyway', actions: ['infiltreren'] }]);
    const deep = assess(facts({ zone: 'Dz5', gt: 'VII' }), tinyKb());
    expect(deep.discouraged).toEqual([]);
  });

  it('anyOf: one alternative is enough; none matching and none missing is no match', () => {
    const kb = tinyKb();
    expect(ids(assess(facts({ soilCode: 'Mn35A' }), kb))).not.toContain('peat-only');
    const r = assess(facts({ soilCode: 'Hn21', gt: 'VII' }), kb);
    expect(ids(r)).not.toContain('any-of');
    expect(r.missing.some((m) => m.kind === 'principle' && m.principle === 'any-of')).toBe(false);
  });

  it('numeric ranges are inclusive', () => {
    expect(ids(assess(facts({ heat: 35 }), tinyKb()))).toContain('heat');
    expect(ids(assess(facts({ heat: 34.9 }), tinyKb()))).not.toContain('heat');
  });

  it('skips disabled principles', () => {
    expect(ids(assess(facts({ zone: 'Dz1' }), tinyKb()))).not.toContain('off');
  });

  it('turns unknown codes into errors that name the code, and keeps going', () => {
    const r = assess(facts({ zone: 'Xx9', soilCode: 'QQ12', gt: 'IX', heat: 40 }), tinyKb());
    expect(r.errors.map((e) => e.code).sort()).toEqual(['IX', 'QQ12', 'Xx9']);
    expect(r.errors.find((e) => e.fact === 'soilCode')?.message).toContain('QQ12');
    expect(ids(r)).toContain('heat');
  });

  it('shows disagreeing sources as a conflict, and a wet zone on deep groundwater', () => {
    const r = assess(
      [...facts({ zone: 'Dz5', gt: 'VII' }, 'a'), ...facts({ zone: 'Dz1' }, 'b')],
      tinyKb(),
    );
    expect(r.conflicts.map((c) => c.key).sort()).toEqual(['gt', 'zone']);
    expect(r.derived.position).toBe('low');
  });

  it('is deterministic and does not depend on fact order', () => {
    const f = facts({ zone: 'Dz1', soilCode: 'Hn21', gt: 'VII', heat: 38, elevation: 12.5 });
    const a = assess(f, tinyKb());
    const b = assess([...f].reverse(), tinyKb());
    expect(ids(b)).toEqual(ids(a));
    expect(b.discouraged).toEqual(a.discouraged);
    expect(JSON.stringify(assess(f, tinyKb()))).toBe(JSON.stringify(a));
  });

  it('marks reports on illustrative data', () => {
    const f = facts({ zone: 'Dz1' });
    expect(assess(f, tinyKb()).illustrative).toBe(false);
    f[0]!.provenance.illustrative = true;
    expect(assess(f, tinyKb()).illustrative).toBe(true);
  });

  it('localizes to one language with principles grouped by scale', () => {
    const r = localizeReport(
      assess(facts({ zone: 'Dz1', soilCode: 'Hn21', gt: 'VII', heat: 40 }), tinyKb()),
      tinyKb(),
      'en',
    );
    expect(r.principlesByScale.straat).toEqual(['heat']);
    expect(r.principlesByScale['wijk/dorp']).toContain('infiltrate-sand');
    expect(r.principles.find((p) => p.id === 'infiltrate-sand')?.reason).toBe(
      'Here is sand in zone Cover-sand ridge (Dz1), Gt VII.',
    );
    expect(r.facts.find((f) => f.name === 'heat')?.valueLabel).toBe('40 °C PET');
    expect(r.derived.texture).toBe('zand');
  });
});

describe('evaluate', () => {
  it('reports what is missing', () => {
    const ev = evaluate({ texture: ['zand'], seepage: ['kwel'] }, new Map());
    expect(ev).toEqual({ kind: 'missing', needs: ['texture', 'seepage'], reasons: [] });
  });
});

describe('fall-back and conflicts with the default knowledge base', async () => {
  const { defaultKnowledgeBase } = await import('../../src/core/kb/load.js');
  const kb = defaultKnowledgeBase();
  const builtUp: Fact = {
    name: 'soilCode',
    status: 'no-data',
    reason: 'built-up-not-mapped',
    provenance: { sourceId: 'bodem', title: 'Bodemkaart' },
  };

  it('uses the typical texture of the zone where the soil map has no data, and says so', () => {
    const r = assess([...facts({ zone: 'Dz1', gt: 'VII' }), builtUp], kb);
    expect(r.derived.texture).toBe('zand');
    expect(r.derived.textureFrom).toBe('zone');
    expect(r.missing).toContainEqual(
      expect.objectContaining({ fact: 'soilCode', reason: 'built-up-not-mapped' }),
    );
    const texture = r.principles.flatMap((p) => p.reasons).find((x) => x.key === 'texture');
    expect(texture?.sourceId).toBe('kennisbank');
    expect(texture?.label.nl).toContain('typisch voor Dekzandrug');
  });

  it('prefers the soil map over the zone', () => {
    const r = assess(facts({ zone: 'Dz1', soilCode: 'kVc' }), kb);
    expect(r.derived.texture).toBe('veen');
    expect(r.derived.textureFrom).toBe('soil');
  });

  it('shows a wet stream-valley zone on a dry podzol as a conflict', () => {
    const r = assess(facts({ zone: 'Dz5', soilCode: 'Hn21' }), kb);
    expect(r.conflicts.map((c) => c.key)).toContain('soilCode');
    expect(assess(facts({ zone: 'Dz5', soilCode: 'pZg23' }), kb).conflicts).toEqual([]);
  });
});
