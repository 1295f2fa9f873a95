/**
 * Plain language (B1) for the texts residents read (issue #15): the summary rules, the plot-scale
 * principles, the labels of facts, values and no-data reasons, and the new resident interface
 * texts. Checked with the Flesch–Douma reading ease for Dutch (Douma 1960: 206.835 − 0.93 ×
 * words per sentence − 77 × syllables per word), with Dutch syllables counted as vowel groups
 * (aa, ee, ie, oe, ui, eu, ij-less groups count once; a diaeresis starts a new syllable), plus
 * sentence length limits, and a jargon rule: a technical term appears only with a one-line
 * explanation on its first use in a text.
 */
import { describe, expect, it } from 'vitest';
import { assess } from '../../src/core/assess.js';
import { defaultKnowledgeBase } from '../../src/core/kb/load.js';
import { localizeReport } from '../../src/core/localize.js';
import type { Fact, FactName, FactValues } from '../../src/core/types.js';
import { messages } from '../../widgets/location-check/messages.js';

const kb = defaultKnowledgeBase();

/** Dutch syllables as vowel groups; a vowel with a diaeresis (ë, ï, ü, ö) starts a new one. */
export function syllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-zà-ÿ]/g, '');
  if (w.length === 0) return 0;
  const split = w.replace(/ë/g, '|e').replace(/ï/g, '|i').replace(/ü/g, '|u').replace(/ö/g, '|o');
  const groups = split.split('|').flatMap((part) => part.match(/[aeiouyáéíóúàèâêôû]+/g) ?? []);
  return Math.max(1, groups.length);
}

function words(text: string): string[] {
  return text.split(/\s+/).filter((w) => /[A-Za-zÀ-ÿ0-9]/.test(w));
}

function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?:])\s+/)
    .map((s) => s.trim())
    .filter((s) => words(s).length > 0);
}

/** Flesch–Douma reading ease: higher is easier; 60–70 reads as "fairly easy" (about B1). */
export function fleschDouma(text: string): number {
  const ss = sentences(text);
  const ws = words(text);
  const syl = ws.reduce((n, w) => n + syllables(w), 0);
  return 206.835 - 0.93 * (ws.length / ss.length) - 77 * (syl / ws.length);
}

/** Technical terms a resident does not know, and the words that explain them. */
const JARGON: Array<{ term: RegExp; name: string }> = [
  { term: /\bPET\b/, name: 'PET' },
  { term: /\bGHG\b/, name: 'GHG' },
  { term: /\bGLG\b/, name: 'GLG' },
  { term: /\bGt\b/, name: 'Gt' },
  { term: /\bkwel\b/i, name: 'kwel' },
  { term: /\bwegzijging\b/i, name: 'wegzijging' },
  { term: /\binfiltr\w*/i, name: 'infiltratie' },
  { term: /\bmaaiveld\b/i, name: 'maaiveld' },
  { term: /\bstresstest\b/i, name: 'stresstest' },
  { term: /\blöss\b/i, name: 'löss' },
];

/**
 * Whether the first use of a term is explained right there: `term (uitleg)`, `term: uitleg`,
 * `(… term)` after the explanation, or `term… is …` (a sentence that defines it).
 */
function explainedOnFirstUse(text: string, term: RegExp): boolean {
  const m = term.exec(text);
  if (!m) return true;
  const after = text.slice(m.index + m[0].length);
  const before = text.slice(0, m.index);
  return (
    /^\s*\(/.test(after) ||
    /^:\s/.test(after) ||
    /^\s+is\s/.test(after) ||
    (/\([^)]*$/.test(before) && /^[^(]*\)/.test(after))
  );
}

interface ResidentText {
  where: string;
  text: string;
}

function residentTexts(): ResidentText[] {
  const out: ResidentText[] = [];
  for (const r of kb.summaryRules ?? []) {
    out.push({ where: `summary ${r.id}`, text: `${r.text.nl} ${r.reason.nl}` });
  }
  for (const p of kb.principles.filter((pp) => pp.scale === 'perceel/tuin')) {
    out.push({ where: `principle ${p.id}`, text: `${p.title.nl}. ${p.text.nl} ${p.reason.nl}` });
  }
  for (const [key, label] of Object.entries(kb.labels)) {
    if (/^(fact|reason|position|seepage|texture|confidence)\./.test(key)) {
      out.push({ where: `label ${key}`, text: label.nl });
    }
  }
  for (const key of [
    'answerHeading',
    'municipalityHeading',
    'missingOneLine',
    'missingDetails',
    'linksLabel',
    'scale.perceel/tuin',
  ] as const) {
    out.push({ where: `message ${key}`, text: messages[key].nl });
  }
  return out;
}

function facts(values: Partial<FactValues>): Fact[] {
  return (Object.entries(values) as Array<[FactName, FactValues[FactName]]>).map(
    ([name, value]) =>
      ({ name, status: 'ok', value, provenance: { sourceId: 't', title: 't' } }) as Fact,
  );
}

describe('syllables and Flesch–Douma', () => {
  it('count Dutch syllables', () => {
    expect(syllables('regenwater')).toBe(4);
    expect(syllables('grondwater')).toBe(3);
    expect(syllables('tuin')).toBe(1);
    expect(syllables('boom')).toBe(1);
    expect(syllables('geïnstalleerd')).toBe(4);
    expect(syllables('België')).toBe(3);
  });

  it('score short, plain sentences high and long, learned ones low', () => {
    expect(
      fleschDouma('Zet een ton bij de pijp. Dan blijft het water in de tuin.'),
    ).toBeGreaterThan(80);
    expect(
      fleschDouma(
        'Infiltratievoorzieningen dienen overeenkomstig de geohydrologische randvoorwaarden gedimensioneerd te worden teneinde grondwateroverlast te voorkomen.',
      ),
    ).toBeLessThan(20);
  });
});

describe('resident texts are B1', () => {
  const texts = residentTexts();

  it('covers the summary rules, the plot principles and the labels', () => {
    expect(texts.filter((t) => t.where.startsWith('summary')).length).toBeGreaterThanOrEqual(15);
    expect(texts.filter((t) => t.where.startsWith('principle')).length).toBeGreaterThanOrEqual(15);
    expect(texts.filter((t) => t.where.startsWith('label')).length).toBeGreaterThanOrEqual(20);
  });

  it('reads at B1 level: Flesch–Douma ≥ 60 on average and ≥ 40 for every text of 5+ words', () => {
    // Flesch–Douma needs sentences; labels of a word or three get a word-length limit instead.
    const short = texts.filter((t) => words(t.text).length < 5);
    const longWords = short.flatMap((t) =>
      words(t.text)
        .filter((w) => syllables(w) > 6)
        .map((w) => `${t.where}: ${w}`),
    );
    expect(longWords).toEqual([]);
    const prose = texts.filter((t) => words(t.text).length >= 5);
    expect(prose.length).toBeGreaterThan(40);
    const low = prose
      .map((t) => ({ ...t, score: fleschDouma(t.text.replace(/\{\w+\}/g, 'hier')) }))
      .filter((t) => t.score < 40);
    expect(low.map((t) => `${t.where}: ${t.score.toFixed(0)}`)).toEqual([]);
    const mean =
      prose.reduce((n, t) => n + fleschDouma(t.text.replace(/\{\w+\}/g, 'hier')), 0) / prose.length;
    expect(mean).toBeGreaterThanOrEqual(60);
  });

  it('keeps sentences short: at most 20 words each, 12 on average', () => {
    const all = texts.flatMap((t) => sentences(t.text).map((s) => ({ where: t.where, s })));
    const long = all.filter(({ s }) => words(s).length > 20);
    expect(long.map(({ where, s }) => `${where}: ${s}`)).toEqual([]);
    const mean = all.reduce((n, { s }) => n + words(s).length, 0) / all.length;
    expect(mean).toBeLessThanOrEqual(12);
  });

  it('explains jargon on first use, in the texts and in the filled-in reports', () => {
    const problems: string[] = [];
    const check = (where: string, text: string) => {
      for (const j of JARGON) {
        if (!explainedOnFirstUse(text, j.term)) problems.push(`${where}: "${j.name}" in "${text}"`);
      }
    };
    for (const t of texts.filter((tt) => !tt.where.startsWith('label fact.'))) {
      check(t.where, t.text);
    }
    // Filled in: placeholders bring values such as "42 °C PET".
    for (const values of [
      { zone: 'Lv1', soilCode: 'Vc', gt: 'II', heat: 42, floodDepth: 0.4 },
      { zone: 'Dz1', soilCode: 'Hn21', gt: 'VII', heat: 36, floodDepth: 0.15 },
      { zone: 'Dz5', seepage: 'kwel' as const, heat: 30 },
    ]) {
      const r = localizeReport(assess(facts(values), kb), kb, 'nl');
      for (const l of r.summary) check(`summary ${l.id}`, `${l.text} ${l.reason}`);
      for (const p of r.principles.filter((pp) => pp.scale === 'perceel/tuin')) {
        check(`principle ${p.id}`, `${p.title}. ${p.text} ${p.reason}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('the jargon rule itself catches an unexplained term', () => {
    expect(explainedOnFirstUse('Hier is kwel.', /\bkwel\b/i)).toBe(false);
    expect(explainedOnFirstUse('Hier is kwel (grondwater komt omhoog).', /\bkwel\b/i)).toBe(true);
    expect(explainedOnFirstUse('Water zakt weg (wegzijging).', /\bwegzijging\b/i)).toBe(true);
  });
});
