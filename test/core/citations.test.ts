/**
 * Sources a reader can find (issue #15): every knowledge-base source resolves to a publication in
 * the citation table, and no source line shown to users (JSON report, CLI text, both audiences,
 * both languages, every zone) names an internal document or section.
 */
import { describe, expect, it } from 'vitest';
import { assess } from '../../src/core/assess.js';
import { citationFor, sourceLine } from '../../src/core/citations.js';
import { defaultKnowledgeBase, extendKnowledgeBase } from '../../src/core/kb/load.js';
import type { KbSource } from '../../src/core/kb/types.js';
import { localizeReport } from '../../src/core/localize.js';
import { reportToText } from '../../src/cli/text.js';
import type { Fact, FactName, FactValues } from '../../src/core/types.js';

const kb = defaultKnowledgeBase();
const INTERNAL = /BRIEF|§|SERVICES\.md|\.md\b|[Ss]ynthesis|Description, typical position/;

function facts(values: Partial<FactValues>): Fact[] {
  return (Object.entries(values) as Array<[FactName, FactValues[FactName]]>).map(
    ([name, value]) =>
      ({ name, status: 'ok', value, provenance: { sourceId: 't', title: 't' } }) as Fact,
  );
}

function everySource(): Array<[string, KbSource]> {
  return [
    ...kb.principles.map((p) => [`principle ${p.id}`, p.source] as [string, KbSource]),
    ...kb.discouraged.map((d) => [`discouraged ${d.id}`, d.source] as [string, KbSource]),
    ...(kb.summaryRules ?? []).map((r) => [`summary ${r.id}`, r.source] as [string, KbSource]),
    ...kb.zones.flatMap((z) => z.sources.map((s) => [`zone ${z.code}`, s] as [string, KbSource])),
    ...kb.landscapeTypes.flatMap((t) =>
      t.sources.map((s) => [`type ${t.id}`, s] as [string, KbSource]),
    ),
  ];
}

describe('citation table', () => {
  it('every source of the knowledge base resolves to a citation entry', () => {
    const unresolved = everySource().filter(([, s]) => !citationFor(kb, s));
    expect(unresolved.map(([what, s]) => `${what}: ${s.ref}`)).toEqual([]);
  });

  it('every citation names author, title and year, links only over https, and is used', () => {
    const used = new Set(everySource().map(([, s]) => citationFor(kb, s)?.id));
    for (const c of kb.citations ?? []) {
      expect(c.author.length).toBeGreaterThan(2);
      expect(c.title.length).toBeGreaterThan(2);
      expect(c.year).toMatch(/\d{4}|z\.j\./);
      if (c.url) expect(c.url).toMatch(/^https:\/\//);
      expect(used.has(c.id), `citation ${c.id} is used`).toBe(true);
      expect(`${c.author} ${c.title}`).not.toMatch(INTERNAL);
    }
  });

  it('the longest matching prefix wins (a specific publication over the general one)', () => {
    expect(citationFor(kb, { ref: 'BRIEF §6 (HvA-richtlijnen, Kluck et al. 2020)' })?.id).toBe(
      'kluck',
    );
    expect(citationFor(kb, { ref: 'BRIEF §1 (Veenweide: isolatiemodel)' })?.id).toBe(
      'gidsmodellen',
    );
    const line = sourceLine(kb, { ref: 'cahier p. 8–9 (Breda, inrichting/straat)', page: 8 }, 'nl');
    expect(line.text).toContain('De Natuurlijke Alliantie');
    expect(line.text).toContain('p. 8');
  });

  it('a municipality source without a citation is shown as the municipality wrote it', () => {
    const ext = extendKnowledgeBase(kb, {
      citations: [
        {
          id: 'gemeente',
          refs: ['Gemeente Voorbeeldstad'],
          author: 'Gemeente Voorbeeldstad',
          title: 'Hemelwaterplan',
          year: '2024',
          url: 'https://example.org/hemelwaterplan',
        },
      ],
    });
    expect(sourceLine(ext, { ref: 'Gemeente Voorbeeldstad, hemelwaterplan' }, 'nl')).toEqual({
      text: 'Gemeente Voorbeeldstad (2024). Hemelwaterplan.',
      url: 'https://example.org/hemelwaterplan',
    });
    expect(sourceLine(kb, { ref: 'Eigen notitie 2024' }, 'nl').text).toBe('Eigen notitie 2024');
  });

  it('refuses a citation link that is not https', () => {
    expect(() =>
      extendKnowledgeBase(kb, {
        citations: [
          {
            id: 'x',
            refs: ['x'],
            author: 'a',
            title: 't',
            year: '2020',
            url: 'http://example.org',
          },
        ],
      }),
    ).toThrow(/citations\[0\].*url/s);
  });

  it('no rendered source line names an internal document (every zone, audience, language)', () => {
    let checked = 0;
    const places: Array<Partial<FactValues>> = kb.zones.flatMap((z) => [
      { zone: z.code },
      { zone: z.code, soilCode: 'Vc', gt: 'II', heat: 42, floodDepth: 0.4 },
      { zone: z.code, soilCode: 'Hn21', gt: 'VII', heat: 36, floodDepth: 0.1 },
    ]);
    for (const values of places) {
      const report = assess(facts(values), kb);
      for (const lang of ['nl', 'en']) {
        const json = localizeReport(report, kb, lang);
        const lines = [
          ...json.summary.map((l) => l.source),
          ...json.principles.map((p) => p.source),
          ...json.discouraged.flatMap((d) => d.reasons.map((r) => r.source)),
        ].map((s) => `${s.citation} ${s.citationNote ?? ''}`);
        for (const line of lines) expect(line).not.toMatch(INTERNAL);
        checked += lines.length;
        for (const audience of ['bewoner', 'professional'] as const) {
          const text = reportToText(json, { audience });
          for (const line of text.split('\n')) {
            if (!/\b(bron|source): /.test(line)) continue;
            expect(line).not.toMatch(INTERNAL);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });
});
