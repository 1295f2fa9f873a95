/**
 * One piece of work a source does once and shares with every query (opening a file, reading a
 * header, discovering a CRS), unless it fails: a failed or aborted run is not kept, so the next
 * query tries again.
 */
export class OnceUnlessFailed<T> {
  private kept: Promise<T> | undefined;

  /** @param known a result known from the start (kept for good) */
  constructor(known?: T) {
    if (known !== undefined) this.kept = Promise.resolve(known);
  }

  /** The shared result; `run` starts the work when there is none (the first caller's signal). */
  get(run: () => Promise<T>): Promise<T> {
    if (this.kept !== undefined) return this.kept;
    const p = run();
    this.kept = p;
    p.catch(() => {
      if (this.kept === p) this.kept = undefined;
    });
    return p;
  }
}

/**
 * `promise`, or a rejection with `signal`'s reason as soon as `signal` aborts (the work itself
 * goes on: it may be shared). Rejects at once when `signal` is already aborted.
 */
export function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}
