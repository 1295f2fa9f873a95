/**
 * Faithful to the cahier (issue #9): every V-tagged principle quotes the words it rests on; advice
 * texts give general advice and keep the cahier's towns in the separate `example` field.
 */
import { describe, expect, it } from 'vitest';
import { defaultKnowledgeBase } from '../../../src/core/kb/load.js';

const kb = defaultKnowledgeBase();
const TOWNS =
  /\b(Velp|Rheden|Breda|Nijmegen|Den Bosch|Apeldoorn|de Maten|Arnhem|Ede|Haarlem|Amersfoort|Tilburg)\b/;

describe('principles are faithful to the cahier', () => {
  it(`every V-tagged principle has a quote (${kb.principles.filter((p) => p.source.tag === 'V').length} V principles)`, () => {
    const without = kb.principles
      .filter((p) => p.source.tag === 'V' && !(p.source.quote && p.source.quote.trim().length > 10))
      .map((p) => p.id);
    expect(without).toEqual([]);
  });
  it('no advice text names a cahier town; the town is in the example', () => {
    for (const p of kb.principles) {
      for (const lang of ['nl', 'en']) {
        expect(TOWNS.test(p.text[lang] ?? ''), `${p.id} text (${lang})`).toBe(false);
      }
      if (p.example) {
        expect(TOWNS.test(p.example.nl), `${p.id} example names a town`).toBe(true);
        expect(p.example.en.length, `${p.id} example en`).toBeGreaterThan(0);
      }
    }
  });
  it('the six principles of issue #9 say what the cahier says', () => {
    const byId = new Map(kb.principles.map((p) => [p.id, p]));
    const kwel = byId.get('apeldoorn-kwel-benutten');
    expect(kwel?.text.nl).not.toMatch(/schoon|kelder/i);
    expect(kwel?.actions).not.toContain('niet-diep-bouwen');
    expect(kwel?.example?.nl).toContain('vervuild');
    expect(byId.get('veenweide-bouwen-op-stroomrug')?.source.tag).toBe('S');
    expect(byId.get('breda-waterbuffer-bij-brandgevaar')?.conditions.landUse).toEqual([
      'heide',
      'bos',
      'bedrijventerrein',
    ]);
    expect(byId.get('nijmegen-verlaagd-speelterrein')?.conditions.flood?.max).toBe(0.5);
    expect(
      byId.get('denbosch-water-bovengronds-naar-beek')?.conditions.landscapeType,
    ).not.toContain('rivierengebied');
    for (const p of kb.principles.filter((x) => x.id.startsWith('isolatie-'))) {
      expect(p.conditions.groundwater, p.id).toEqual(['shallow']);
      expect(p.source.quote, p.id).toContain('Ondiep grondwater');
    }
    for (const d of kb.discouraged.filter((x) => x.action === 'infiltreren')) {
      expect(d.source.ref, `${d.id} does not cite the isolatiemodel`).not.toMatch(/isolatie/i);
    }
  });
});
