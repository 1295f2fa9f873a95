/**
 * The one CSV module: every CSV the package writes (the batch `check --csv`, `compare --format
 * csv`, the scenario comparer's download) and reads (the batch's `id,x,y` input) goes through it.
 * Quoting and parsing are `d3-dsv`'s (RFC 4180); this module adds:
 *
 * - **Formula-injection neutralisation** (OWASP "CSV Injection"): a text cell that starts with
 *   `=`, `+`, `-`, `@`, a tab or a carriage return (also after leading spaces) gets a leading `'`, so a spreadsheet shows it
 *   as text instead of running it (`=HYPERLINK(…)` as a soil code, a scenario named `@SUM(…)`).
 *   Numbers are data and are written as numbers (`-0.5` stays `-0.5`).
 * - Other control characters (C0 except tab/newline, DEL, C1, bidi overrides) are removed from
 *   text cells.
 * - Cells with `;` are quoted as well, so spreadsheets set to a Dutch locale (`;` separator) do
 *   not split them.
 * - A streaming reader ({@link csvRecords}) that yields one record at a time from chunks of text,
 *   in constant memory, with a bound on the length of one record (`too-large`).
 *
 * Pure: no DOM, no Node APIs; the caller supplies the chunks.
 */
import { dsvFormat } from 'd3-dsv';
import { NaError } from './types.js';

const comma = dsvFormat(',');

/** First characters that make a spreadsheet evaluate a cell (OWASP). */
const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r']);
/** Control characters removed from text cells (keeps tab, LF and CR; CR/tab at the start is neutralised). */
/* eslint-disable no-control-regex -- this pattern exists to find control characters */
const CONTROL =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/* eslint-enable no-control-regex */

/** The text of one CSV cell before quoting: neutralised, control characters removed. */
export function csvText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return String(value);
  const s = String(value).replace(CONTROL, '');
  // Leading spaces do not stop every spreadsheet from evaluating: look past them too.
  return FORMULA_START.has(s.charAt(0)) || FORMULA_START.has(s.trimStart().charAt(0)) ? `'${s}` : s;
}

/** One CSV cell, neutralised and quoted when needed (`"`, `,`, `;`, newline). */
export function csvCell(value: unknown): string {
  const s = csvText(value);
  if (s.includes(';') && !/[",\n\r]/.test(s)) return `"${s}"`;
  return comma.formatRows([[s]]);
}

/** One CSV line (no line end). */
export function csvLine(cells: readonly unknown[]): string {
  return cells.map(csvCell).join(',');
}

/** A whole CSV text: one line per row, `\n` line ends, a final newline. */
export function toCsv(rows: readonly (readonly unknown[])[]): string {
  return rows.map(csvLine).join('\n') + '\n';
}

/** Options of the readers. */
export interface CsvReadOptions {
  /** Longest record (characters) accepted; longer is a `too-large` error. Default 65,536. */
  maxRecordChars?: number;
  /** Name of the input, for messages. */
  fileName?: string;
}

/** Default bound on one record. */
export const DEFAULT_MAX_RECORD_CHARS = 65_536;

/** One record of a CSV text: its cells (trimmed) and its 1-based first line. */
export interface CsvRecord {
  cells: string[];
  line: number;
}

/**
 * Reads CSV records from chunks of text, one at a time, in constant memory (one record at most
 * is held). The separator is `,`, or `;` when the first record has `;` and no `,` (a spreadsheet
 * in a Dutch locale). Empty lines are skipped; a leading byte-order mark is removed.
 * @throws NaError `too-large` for a record over `maxRecordChars` (an unclosed quote in a huge
 *   file, or a file that is not CSV), naming the limit and the line.
 */
export async function* csvRecords(
  chunks: AsyncIterable<string> | Iterable<string>,
  options: CsvReadOptions = {},
): AsyncGenerator<CsvRecord> {
  const max = options.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS;
  const where = options.fileName === undefined ? '' : `${options.fileName}:`;
  let parse: ((text: string) => string[][]) | undefined;
  let buf = '';
  let quoted = false;
  let scanned = 0;
  let line = 1;
  let recordLine = 1;
  let first = true;
  const emit = (text: string): CsvRecord | undefined => {
    const startLine = recordLine;
    if (text.trim() === '') return undefined;
    if (parse === undefined) {
      const sep = text.includes(';') && !text.includes(',') ? ';' : ',';
      const fmt = dsvFormat(sep);
      parse = (t) => fmt.parseRows(t);
    }
    const cells = (parse(text)[0] ?? []).map((c) => c.trim());
    return { cells, line: startLine };
  };
  for await (const chunk of chunks) {
    buf += first && chunk.charCodeAt(0) === 0xfeff ? chunk.slice(1) : chunk;
    first = false;
    let start = 0;
    for (let i = scanned; i < buf.length; i++) {
      const c = buf.charCodeAt(i);
      if (c === 34 /* " */) quoted = !quoted;
      else if (c === 10 /* \n */) {
        if (!quoted) {
          const end = i > start && buf.charCodeAt(i - 1) === 13 ? i - 1 : i;
          const rec = emit(buf.slice(start, end));
          line++;
          recordLine = line;
          start = i + 1;
          if (rec !== undefined) yield rec;
          continue;
        }
        line++;
      }
    }
    buf = buf.slice(start);
    scanned = buf.length;
    if (buf.length > max) {
      throw new NaError(
        'too-large',
        `${where}${recordLine}: a CSV record is longer than the limit of ${max} characters (an unclosed quote, or not a CSV file).`,
        { limit: 'maxRecordChars', max, line: recordLine },
      );
    }
  }
  const rest = buf.endsWith('\r') ? buf.slice(0, -1) : buf;
  const rec = emit(rest);
  if (rec !== undefined) yield rec;
}

/** Reads a whole CSV text into records (see {@link csvRecords}). */
export async function parseCsvText(
  text: string,
  options: CsvReadOptions = {},
): Promise<CsvRecord[]> {
  const out: CsvRecord[] = [];
  for await (const r of csvRecords([text], options)) out.push(r);
  return out;
}
