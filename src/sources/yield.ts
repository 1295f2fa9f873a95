/**
 * Cooperative yielding for long loops on the main thread (issue #13): a loop that reads a big
 * answer chunk by chunk runs in microtasks only when the chunks are already buffered, so without a
 * yield the whole read is one long task and the page does not answer clicks meanwhile.
 *
 * `const slice = timeSlice(); for (…) { …; await slice(); }` yields a macrotask (the browser's
 * `scheduler.yield()`, else a `setTimeout(0)`) once the loop has run {@link SLICE_MS} ms since the
 * last yield, and costs nothing otherwise.
 */

/** Longest run of a sliced loop between two yields, in ms (well under the 50 ms of a long task). */
export const SLICE_MS = 30;

interface SchedulerLike {
  yield?: () => Promise<void>;
}

/** Gives the event loop a turn: input, rendering and timers run before the promise resolves. */
export function yieldToEventLoop(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: SchedulerLike }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** A function to await in each round of a loop: yields when the current slice is used up. */
export function timeSlice(sliceMs = SLICE_MS): () => Promise<void> | undefined {
  let start = performance.now();
  return () => {
    const now = performance.now();
    if (now - start < sliceMs) return undefined;
    return yieldToEventLoop().then(() => {
      start = performance.now();
    });
  };
}
