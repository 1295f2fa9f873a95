/**
 * The error result of anything thrown while a source answers, shared by the remote sources and
 * the GeoTIFF source: a request error keeps its code and user message, another library error its
 * code; anything else is described by the source (`otherwise`).
 */
import { NaError } from '../core/types.js';
import type { LocalizedText, SourceResult } from '../core/types.js';
import { errorResult, type ResultSource } from './facts.js';
import { SourceRequestError } from './http.js';

/** What a source says of a thrown value that is not one of the library's errors. */
export interface OtherFailure {
  message: string;
  code: string;
  userMessage?: LocalizedText;
}

export function failureResult(
  source: ResultSource,
  e: unknown,
  otherwise: (message: string) => OtherFailure,
): SourceResult {
  if (e instanceof SourceRequestError) {
    return errorResult(source, e.message, { code: e.code, userMessage: e.userMessage });
  }
  if (e instanceof NaError) return errorResult(source, e.message, { code: e.code });
  const other = otherwise(e instanceof Error ? e.message : String(e));
  return errorResult(source, other.message, other);
}
