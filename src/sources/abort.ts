/**
 * Telling an abort from a failure. A module of its own, without dependencies, so that a widget's
 * first load can use it without the source classes, the sources-file parser or its validators.
 */

/** Whether `e` is an abort (the caller's reason, or any `AbortError`), not a failure. */
export function isAbortError(e: unknown, signal?: AbortSignal): boolean {
  if (signal?.aborted === true && (e === signal.reason || signal.reason === undefined)) return true;
  return e instanceof DOMException && e.name === 'AbortError';
}
