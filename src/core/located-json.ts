/**
 * Located JSON: the one module through which every file the project reads (knowledge base,
 * sources file, scenarios, widget texts, GeoJSON data) is parsed with positions. Strict JSON (no
 * comments, no trailing commas), a byte-order mark ignored, syntax errors as `file:line:column`
 * in plain words, offsets and JSON pointers turned into lines and columns, and the size and depth
 * budgets of `json-limits.ts` checked before any parser runs.
 *
 * The readers keep only what is theirs: which schema, and how a pointer is named in their
 * messages (`sources[1] (id "bodem")`, `principles[12]`).
 */
import { parse as parseJsonc, printParseErrorCode } from 'jsonc-parser';
import type { ParseError } from 'jsonc-parser';
import { NaError } from './types.js';
import { MAX_DATA_DEPTH, checkJsonDepth } from './json-limits.js';

export {
  MAX_CONFIG_BYTES,
  MAX_CONFIG_DEPTH,
  MAX_DATA_DEPTH,
  checkConfigText,
  checkJsonDepth,
  jsonDepth,
} from './json-limits.js';

/**
 * Plain-English messages for the syntax error codes of jsonc-parser (`printParseErrorCode`), shared
 * by every reader of JSON files (knowledge base, sources file, GeoJSON data, scenarios).
 */
export const JSON_SYNTAX_MESSAGES: Readonly<Record<string, string>> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'expected a field name in double quotes (a trailing comma is not allowed)',
  ValueExpected: 'expected a value (a trailing comma is not allowed)',
  ColonExpected: 'expected a colon ":" after the field name',
  CommaExpected: 'expected a comma "," between items',
  CloseBraceExpected: 'expected "}" to close the object',
  CloseBracketExpected: 'expected "]" to close the list',
  EndOfFileExpected: 'expected the end of the file after the closing bracket',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'a comment is not closed',
  UnexpectedEndOfString: 'a text in double quotes is not closed',
  UnexpectedEndOfNumber: 'a number is not complete',
  InvalidUnicode: 'invalid unicode escape',
  InvalidEscapeCharacter: 'invalid escape character after "\\"',
  InvalidCharacter: 'invalid character in a text (control characters must be escaped)',
};

/** A 1-based line and column in a text. */
export interface TextPosition {
  line: number;
  column: number;
}

/** The offsets at which the lines of `text` start (`\n`, `\r\n` and `\r` end lines). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 /* \n */) starts.push(i + 1);
    else if (ch === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/**
 * The 1-based line and column of a character offset, given the line starts of the text (from
 * {@link lineStarts}; a binary search, for many positions in one text). Columns count UTF-16
 * code units.
 */
export function positionAt(starts: readonly number[], offset: number): TextPosition {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
}

/** Converts a character offset in `text` to a 1-based line and column. */
export function lineColumn(text: string, offset: number): TextPosition {
  return positionAt(lineStarts(text), Math.min(Math.max(offset, 0), text.length));
}

/** Splits a JSON pointer into its unescaped segments. */
export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Builds a JSON pointer from segments. */
export function toPointer(segments: ReadonlyArray<string | number>): string {
  return segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/**
 * Finds the first JSON syntax error in `text` (strict JSON: no comments, no trailing commas).
 * @returns the error with its position, or undefined when the text is valid JSON.
 */
export function findJsonSyntaxError(
  text: string,
): (TextPosition & { offset: number; message: string }) | undefined {
  const errors: ParseError[] = [];
  parseJsonc(text, errors, {
    disallowComments: true,
    allowTrailingComma: false,
    allowEmptyContent: false,
  });
  const first = errors[0];
  if (first === undefined) return undefined;
  const code = printParseErrorCode(first.error);
  return {
    ...lineColumn(text, first.offset),
    offset: first.offset,
    message: JSON_SYNTAX_MESSAGES[code] ?? code,
  };
}

/** Removes a leading byte-order mark (some Windows tools write one). */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Parses strict JSON. Uses the fast native parser and, only on failure, locates the error.
 * @param fileName used in the message (e.g. `bodem.geojson`); optional.
 * @throws NaError `invalid-json` with `file:line:column: JSON syntax error: …` and details
 *   `{ file, line, column }`.
 */
export function parseJsonStrict(text: string, fileName?: string): unknown {
  const clean = stripBom(text);
  checkJsonDepth(clean, MAX_DATA_DEPTH, fileName);
  try {
    return JSON.parse(clean) as unknown;
  } catch (e) {
    const found = findJsonSyntaxError(clean);
    const where = fileName === undefined ? '' : `${fileName}:`;
    if (found === undefined) {
      const native = e instanceof Error ? e.message : String(e);
      throw new NaError('invalid-json', `${where} JSON syntax error: ${native}`, {
        file: fileName,
      });
    }
    throw new NaError(
      'invalid-json',
      `${where}${found.line}:${found.column}: JSON syntax error: ${found.message}`,
      { file: fileName, line: found.line, column: found.column },
    );
  }
}
