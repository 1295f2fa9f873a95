/**
 * The decoder pool of the GeoTIFF source in browsers (issue #13): compressed blocks are decoded
 * in one module worker (src/sources/geotiff-decoder.worker.ts, same origin, so a strict CSP with
 * `worker-src 'self'` allows it), not on the page's main thread. In Node (the CLI) there is no
 * pool: geotiff decodes in the process, as before.
 *
 * The size budget (`maxDecodedBytes`) is checked before any block is decoded, in the source; the
 * worker only moves the decoding that the budget allows off the main thread.
 */
import type { Pool } from 'geotiff';

let shared: Promise<Pool | undefined> | undefined;
let started = 0;

/** True where decoding can move to a Worker: a browser page (not Node, not a worker itself). */
function canUseWorker(): boolean {
  return (
    typeof Worker === 'function' &&
    typeof document !== 'undefined' &&
    typeof (globalThis as { process?: unknown }).process === 'undefined'
  );
}

/** The shared decoder pool of this page (one worker, started on first use), or undefined in Node. */
export function decoderPool(): Promise<Pool | undefined> {
  if (!canUseWorker()) return Promise.resolve(undefined);
  shared ??= import('geotiff').then(
    ({ Pool }) =>
      new Pool(1, () => {
        started += 1;
        return new Worker(new URL('./geotiff-decoder.worker.js', import.meta.url), {
          type: 'module',
          name: 'na-geotiff-decoder',
        });
      }),
  );
  return shared;
}

/** How many decoder workers this page started (for tests). */
export function decoderWorkersStarted(): number {
  return started;
}
