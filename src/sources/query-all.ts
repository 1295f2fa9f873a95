/**
 * Ask several fact sources at once.
 */
import { NaError } from '../core/types.js';
import type { FactSource, LocalizedText, Location, SourceResult } from '../core/types.js';
import { SourceRequestError, userMessageFor } from './http.js';
import { defined } from '../core/defined.js';
import { errorResult } from './facts.js';

/** Options of {@link queryAll}. */
export interface QueryAllOptions {
  /** Aborts every source query; {@link queryAll} then rejects with the signal's reason. */
  signal?: AbortSignal;
  /**
   * Per-source time limit in milliseconds. A source that takes longer gives a result with status
   * `error` (code `timeout`) and its own query is aborted. Default: no limit.
   */
  timeoutMs?: number;
}

/** A source result, with the error code when a source failed (e.g. `timeout`, `invalid-json`). */
export type QueryAllResult = SourceResult;

/**
 * Queries all sources IN PARALLEL and returns their results in the order of `sources`.
 *
 * A source that throws or rejects (other than by the caller's abort) or exceeds `timeoutMs`
 * becomes a result with status `error`, reason `source-error`, its message and `code` (the
 * NaError code, `timeout`, or `error`), and error facts for everything it provides; a failing
 * source never breaks the others.
 *
 * @throws (rejects with) `signal.reason` when `signal` is aborted, before or during the queries.
 */
export function queryAll(
  sources: readonly FactSource[],
  location: Location,
  options: QueryAllOptions = {},
): Promise<QueryAllResult[]> {
  const { signal, timeoutMs } = options;
  if (signal?.aborted === true) return Promise.reject(signal.reason);

  return new Promise<QueryAllResult[]>((resolve, reject) => {
    // One controller per source: aborted by the caller's signal or by the source's time limit.
    const controllers = sources.map(() => new AbortController());
    const onAbort = (): void => {
      for (const c of controllers) c.abort(signal?.reason);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    const finish = (): void => signal?.removeEventListener('abort', onAbort);

    const runs = sources.map((source, i) =>
      runOne(source, location, signal, timeoutMs, controllers[i] as AbortController),
    );
    Promise.all(runs).then(
      (results) => {
        if (signal?.aborted === true) return; // onAbort already rejected
        finish();
        resolve(results);
      },
      (e: unknown) => {
        // runOne never rejects; this is a defect guard.
        finish();
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

async function runOne(
  source: FactSource,
  location: Location,
  outer: AbortSignal | undefined,
  timeoutMs: number | undefined,
  controller: AbortController,
): Promise<QueryAllResult> {
  let timedOut = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_resolve, rejectTimeout) => {
    if (timeoutMs === undefined || !Number.isFinite(timeoutMs)) return;
    timer = setTimeout(() => {
      timedOut = true;
      const err = new NaError(
        'timeout',
        `Source ${source.id} did not answer within ${timeoutMs} ms.`,
        { sourceId: source.id, timeoutMs },
      );
      controller.abort(err);
      rejectTimeout(err);
    }, timeoutMs);
  });
  try {
    // Promise.resolve().then: a synchronous throw in query() becomes a rejection too.
    const query = Promise.resolve().then(() =>
      source.query(location, { signal: controller.signal }),
    );
    return await Promise.race([query, timeout]);
  } catch (e) {
    if (outer?.aborted === true && !timedOut) {
      // The caller aborted: queryAll itself rejects; this value is never seen.
      return failed(source, 'aborted', 'Aborted.');
    }
    const code = e instanceof NaError ? e.code : 'error';
    const message = e instanceof Error ? e.message : String(e);
    const userMessage =
      e instanceof SourceRequestError
        ? e.userMessage
        : timedOut
          ? userMessageFor('timeout', source.title, { timeoutMs: timeoutMs ?? 0 })
          : undefined;
    return failed(
      source,
      code,
      message === '' ? `Source ${source.id} failed.` : message,
      userMessage,
    );
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}

/** The error result of a source that failed or threw: its facts carry the source as provenance. */
function failed(
  source: FactSource,
  code: string,
  message: string,
  userMessage?: LocalizedText,
): QueryAllResult {
  const { id, title, provides } = source;
  const provenance = { sourceId: id, title };
  return errorResult({ id, title, provides, provenance }, message, {
    code,
    ...defined({ userMessage }),
  });
}
