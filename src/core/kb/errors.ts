/**
 * Errors of knowledge-base files: each problem names the file, the line and column, the entry
 * (e.g. `principles[12]` with its id) and the field, with a stable code.
 */
import { NaError } from '../types.js';

/** Stable codes of knowledge-base problems (for tests, logs and translation). */
export type KbIssueCode =
  | 'syntax'
  | 'duplicate-key'
  | 'missing-field'
  | 'missing-language'
  | 'unknown-field'
  | 'invalid-key'
  | 'invalid-value'
  | 'invalid-type'
  | 'invalid-format'
  | 'empty'
  | 'too-few-items'
  | 'duplicate-item'
  | 'out-of-range'
  | 'schema'
  | 'duplicate-id'
  | 'unknown-group'
  | 'unknown-principle'
  | 'unknown-zone'
  | 'unknown-landscape-type'
  | 'missing-landscape-type'
  | 'invalid-gt'
  | 'invalid-range'
  | 'unknown-placeholder'
  | 'invalid-template'
  | 'missing-label'
  | 'invalid-label'
  | 'unknown-disable-id';

/** One problem in a knowledge-base file. */
export interface KnowledgeBaseIssue {
  /** File name as given by the caller (or the data file of the default knowledge base). */
  file: string;
  /** Line, 1-based; 0 when the position is unknown (data that was not parsed from text). */
  line: number;
  /** Column, 1-based (UTF-16 code units); 0 when the position is unknown. */
  column: number;
  /** JSON pointer of the offending value, e.g. `/principles/12/scale` (`''` is the root). */
  pointer: string;
  /** The entry, e.g. `principles[12]`, `zones[3]`, `labels["action.bergen"]`, `disable[0]`. */
  entry?: string;
  /** The entry's id (or code for zones), when it has one. */
  id?: string;
  /** The field inside the entry, e.g. `scale`, `title.en`, `conditions.zone[1]`. */
  field?: string;
  code: KbIssueCode;
  /** What is wrong, in English. */
  message: string;
}

/** Formats one issue as `file:line:column entry (id "x") field "f": message`. */
export function formatIssue(issue: KnowledgeBaseIssue): string {
  const where = issue.line > 0 ? `${issue.file}:${issue.line}:${issue.column}` : issue.file;
  let what = '';
  if (issue.entry !== undefined) {
    what += ` ${issue.entry}`;
    if (issue.id !== undefined) {
      what += issue.entry.startsWith('zones[') ? ` (code "${issue.id}")` : ` (id "${issue.id}")`;
    }
  }
  if (issue.field !== undefined) what += ` field "${issue.field}"`;
  if (what === '' && issue.code !== 'syntax')
    what = ` ${issue.pointer === '' ? '(root)' : issue.pointer}`;
  return `${where}${what}: ${issue.message}`;
}

const MAX_LISTED = 50;

/**
 * A knowledge-base file (or extension) is malformed or inconsistent. `errors` lists every problem
 * found; `message` lists them one per line. `code` is `kb-syntax` for malformed JSON and
 * `kb-invalid` for schema and cross-reference problems.
 */
export class KnowledgeBaseError extends NaError {
  readonly errors: KnowledgeBaseIssue[];
  constructor(code: 'kb-syntax' | 'kb-invalid', errors: KnowledgeBaseIssue[]) {
    const n = errors.length;
    const lines = errors.slice(0, MAX_LISTED).map(formatIssue);
    if (n > MAX_LISTED) lines.push(`… and ${n - MAX_LISTED} more`);
    const head =
      code === 'kb-syntax'
        ? `Knowledge base file is not valid JSON (${n} ${n === 1 ? 'error' : 'errors'}):`
        : `Knowledge base is invalid (${n} ${n === 1 ? 'error' : 'errors'}):`;
    super(code, [head, ...lines].join('\n'), { errors });
    this.name = 'KnowledgeBaseError';
    this.errors = errors;
  }
}
