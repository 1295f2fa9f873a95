/**
 * Strict JSON parsing with error positions (line and column) for data and configuration files.
 */
import { parse as parseJsonc, printParseErrorCode } from 'jsonc-parser';
import type { ParseError } from 'jsonc-parser';
import { NaError } from '../core/types.js';
import { JSON_SYNTAX_MESSAGES } from '../core/json-syntax.js';
import { MAX_DATA_DEPTH, checkJsonDepth } from '../core/json-limits.js';

/** A 1-based line and column in a text. */
export interface TextPosition {
  line: number;
  column: number;
}

/**
 * Converts a character offset to a 1-based line and column (`\n`, `\r\n` and `\r` end lines;
 * columns count UTF-16 code units).
 */
export function lineColumn(text: string, offset: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(Math.max(offset, 0), text.length);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */) {
      line++;
      lineStart = i + 1;
    } else if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) !== 10) {
        line++;
        lineStart = i + 1;
      }
    }
  }
  return { line, column: end - lineStart + 1 };
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
