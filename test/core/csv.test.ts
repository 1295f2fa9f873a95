/**
 * The one CSV module (issue #13, finding 3): OWASP formula neutralisation on every cell, as an
 * invariant over arbitrary text; round trips through the reader; the streaming reader's bound.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, csvRecords, csvText, parseCsvText, toCsv } from '../../src/core/csv.js';
import { NaError } from '../../src/core/types.js';
import { indicatorsCsv } from '../../widgets/scenario-compare/export.js';
import { compareCsv } from '../../src/cli/compare.js';

const DANGER = ['=', '+', '-', '@', '\t', '\r'];

describe('csvText / csvCell: formula neutralisation (OWASP)', () => {
  it.each([
    ['=HYPERLINK("http://evil","x")', `'=HYPERLINK("http://evil","x")`],
    ['+1+1', `'+1+1`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\t=1', `'\t=1`],
    ['\r=1', `'\r=1`],
    ['Dz1', 'Dz1'],
  ])('%j → %j', (input, expected) => {
    expect(csvText(input)).toBe(expected);
  });

  it('numbers stay numbers (a negative value is data, not a formula)', () => {
    expect(csvCell(-0.5)).toBe('-0.5');
    expect(csvCell(12)).toBe('12');
    expect(csvCell(Number.NaN)).toBe('');
  });

  it('invariant: no parsed cell of any text starts with a formula character', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(fc.string(), { maxLength: 5 }), { maxLength: 5 }),
        async (rows) => {
          const text = toCsv([['a', 'b', 'c', 'd', 'e'], ...rows]);
          const back = await parseCsvText(text);
          for (const r of back) {
            for (const cell of r.cells) expect(DANGER).not.toContain(cell.charAt(0));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('invariant: text without formula start or control characters round-trips exactly', async () => {
    const safe = fc
      .string()
      // csvText removes these characters; the round trip is for the text that remains.
      .map((s) => [...s].filter((ch) => csvText(ch) !== '' || ch === '').join(''))
      .filter((s) => !DANGER.includes(s.charAt(0)) && s.trim() === s);
    await fc.assert(
      fc.asyncProperty(
        fc.array(safe, { minLength: 1, maxLength: 6 }).filter((c) => c.some((x) => x !== '')),
        async (cells) => {
          const text = toCsv([cells.map((_, i) => `h${i}`), cells]);
          const back = await parseCsvText(text);
          const row = back[1]?.cells ?? [];
          expect(row.slice(0, cells.length)).toEqual(cells);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the scenario comparer and compare --format csv neutralise scenario names', () => {
    const result = {
      scenarios: [
        {
          name: '=cmd|calc',
          area_m2: 1,
          fractions: { paved: 0, green: 0, blue: 0, canopy: 0 },
          storage_m3: 0,
          storage_mm: 0,
          runoff: [],
          infiltration_effective_m3: 0,
          infiltration_ineffective_m3: 0,
          infiltration_unknown_m3: 0,
          cooling_capacity: 0,
          cool_place_share: 0,
          recharge_share: 0,
          fit: { score: 0 },
          robustness: { domain: 0, maximin: 0, regret: 0, matrix: [] },
          contributions: [],
        },
      ],
      ranking: ['=cmd|calc'],
      futures: [],
      tests: [],
    } as never;
    const cli = compareCsv(result);
    expect(cli).toContain(`'=cmd|calc`);
    expect(cli).not.toMatch(/(^|,)=cmd/m);
    const widget = indicatorsCsv(
      result,
      [],
      () => '',
      () => '',
      () => '',
    );
    expect(widget.split('\n')[0]).toBe(`indicator,label,unit,'=cmd|calc`);
  });
});

describe('csvRecords: streaming reader', () => {
  it('reads records split across chunks, quoted newlines, CRLF, BOM and ; separators', async () => {
    const chunks = ['\uFEFFid;x;', 'y\r\n"a\nb";1', ';2\r\n\r\n', 'c;3;4'];
    const out = [];
    for await (const r of csvRecords(chunks)) out.push(r);
    expect(out.map((r) => r.cells)).toEqual([
      ['id', 'x', 'y'],
      ['a\nb', '1', '2'],
      ['c', '3', '4'],
    ]);
    expect(out.map((r) => r.line)).toEqual([1, 2, 5]);
  });

  it('an unclosed quote in a long input is too-large, naming the limit and the line', async () => {
    const chunks = [
      'id,x,y\n',
      '"never closed',
      ...Array.from({ length: 100 }, () => 'x'.repeat(1000)),
    ];
    let error: unknown;
    try {
      for await (const _ of csvRecords(chunks, { fileName: 'p.csv', maxRecordChars: 10_000 })) {
        // consume
      }
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(NaError);
    expect((error as NaError).code).toBe('too-large');
    expect((error as NaError).message).toMatch(/^p\.csv:2: .*limit of 10000 characters/);
  });
});
