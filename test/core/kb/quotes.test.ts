/**
 * Quotes are the source's own words (issue #9): a `source.quote` in the knowledge base is in the
 * publication's language (Dutch for every source used here) and never a sentence of the project's
 * internal brief. Where the original publication was not at hand, the entry says so with
 * `paraphrase: true`, which the domain review shows as a paraphrase, not as a quote.
 */
import { describe, expect, it } from 'vitest';
import { defaultKnowledgeBase } from '../../../src/core/kb/load.js';
import type { KbSource } from '../../../src/core/kb/types.js';

const kb = defaultKnowledgeBase();

const ENGLISH =
  /\b(the|and|of|to|with|for|keep|avoid|account|should|from|level|per cent|within|up to)\b/gi;
const DUTCH = /\b(de|het|een|en|van|op|te|dat|die|wordt|voor|naar|niet|bij|zijn|tot|met|door)\b/gi;

/** True when a text reads as English rather than Dutch (function words of each language). */
function looksEnglish(text: string): boolean {
  const en = text.match(ENGLISH)?.length ?? 0;
  const nl = text.match(DUTCH)?.length ?? 0;
  return en >= 2 && en > nl;
}

/** A quote that names the internal brief instead of a publication. */
function citesBrief(text: string): boolean {
  return /\bBRIEF\b|domain brief|\[V\b|\[S\]/.test(text);
}

/** Every source with a quote in the knowledge base, with where it is. */
function quotedSources(): Array<{ where: string; source: KbSource }> {
  const out: Array<{ where: string; source: KbSource }> = [];
  const walk = (value: unknown, where: string): void => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => {
        const id = (v as { id?: unknown } | null)?.id;
        walk(v, `${where}/${typeof id === 'string' ? id : i}`);
      });
    } else if (value && typeof value === 'object') {
      const o = value as Record<string, unknown>;
      if (typeof o.quote === 'string' && typeof o.ref === 'string') {
        out.push({ where, source: o as unknown as KbSource });
      }
      for (const [k, v] of Object.entries(o)) walk(v, `${where}/${k}`);
    }
  };
  walk(kb, '');
  return out;
}

describe('knowledge-base quotes are the source’s own words, or marked as a paraphrase', () => {
  it('tells an English sentence of the brief from a Dutch quote of the cahier (the detector works)', () => {
    expect(
      looksEnglish(
        'Peat (V/W) advice: keep groundwater high; account for pile-rot and subsidence risk',
      ),
    ).toBe(true);
    expect(
      looksEnglish(
        'Water bufferen in de buurt van plekken waar brandgevaar is. Denk daarbij aan heide- en bosgebieden.',
      ),
    ).toBe(false);
    expect(citesBrief('keep water high [V AGV] (BRIEF §1)')).toBe(true);
    expect(citesBrief('1. Groenblauwe structuur in dalen')).toBe(false);
  });

  const all = quotedSources();
  const paraphrases = all.filter((q) => q.source.paraphrase === true);
  it(`no quote is English or cites the brief unless marked paraphrase (${all.length} quotes, ${paraphrases.length} paraphrases)`, () => {
    expect(all.length).toBeGreaterThan(30);
    const bad = all
      .filter((q) => q.source.paraphrase !== true)
      .filter((q) => looksEnglish(q.source.quote ?? '') || citesBrief(q.source.quote ?? ''))
      .map((q) => `${q.where}: ${q.source.quote ?? ''}`);
    expect(bad).toEqual([]);
  });

  it('the nine brief sentences of the previous round are marked as paraphrases', () => {
    const ids = [
      'perceel-boom-schaduw',
      'perceel-groen-dak',
      'perceel-fundering-veen',
      'perceel-waterbestendig',
      'droogmakerij-peil-laten-meebewegen',
      'veenweide-grondwater-hoog',
      'veenweide-geen-diepe-ontwatering',
      'veenweide-houten-palen-nat',
      'stuwwal-geen-diepe-kelders',
    ];
    const byId = new Map(kb.principles.map((p) => [p.id, p]));
    for (const id of ids) expect(byId.get(id)?.source.paraphrase, id).toBe(true);
  });

  it('a paraphrase is not counted as the quote a V-tagged cahier principle needs', () => {
    const vCahier = kb.principles.filter(
      (p) => p.source.tag === 'V' && /^cahier/.test(p.source.ref),
    );
    expect(vCahier.length).toBeGreaterThan(10);
    for (const p of vCahier) expect(p.source.paraphrase, p.id).not.toBe(true);
  });
});
