/**
 * The error of a remote source that could not give usable data, apart from the request code of
 * http.ts (which re-exports it): widgets test for it up front, and load the requests on demand.
 */
import { NaError, type LocalizedText } from '../core/types.js';

/** Stable codes of {@link SourceRequestError}. */
export const SOURCE_ERROR_CODES = [
  'timeout',
  'network',
  'http-status',
  'html-response',
  'ogc-exception',
  'invalid-json',
  'invalid-response',
  'wrong-content-type',
  'problem',
  'too-large',
  'too-complex',
] as const;
export type SourceErrorCode = (typeof SOURCE_ERROR_CODES)[number];

/** Details of a {@link SourceRequestError}. */
export interface SourceRequestErrorDetails {
  sourceId?: string;
  /** The request URL. */
  url?: string;
  /** HTTP status, when there was a response. */
  status?: number;
  /** Content-Type of the response, when there was one. */
  contentType?: string;
  /** Number of attempts made. */
  attempts?: number;
  /** Text reported by the service (exception text, problem detail), as plain text. */
  serviceMessage?: string;
  [key: string]: unknown;
}

/**
 * A remote source could not give usable data. `code` is stable (see {@link SOURCE_ERROR_CODES});
 * `message` is English for logs; `userMessage` says in words a user can act on what happened,
 * naming the source.
 */
export class SourceRequestError extends NaError {
  declare readonly code: SourceErrorCode;
  declare readonly details: SourceRequestErrorDetails;
  readonly userMessage: LocalizedText;
  constructor(
    code: SourceErrorCode,
    message: string,
    userMessage: LocalizedText,
    details: SourceRequestErrorDetails = {},
  ) {
    super(code, message, details);
    this.name = 'SourceRequestError';
    this.userMessage = userMessage;
  }
}
