/**
 * Requests of {@link ./http.ts} in a browser page run in a module worker
 * (src/sources/fetch.worker.ts, one per page, started on first use), which reads the body up to
 * the byte limit and hands the page the bytes in one transfer (issue #13). On the main thread,
 * Chromium's own loading of a large fetch body came in tasks of 100–300 ms (a 40 MB hostile answer
 * read up to the 16 MiB limit), however often the read loop yielded; in the worker the page has
 * none of that work.
 *
 * On by default in a browser page: the worker file (`fetch.worker.js`) is started with
 * `new Worker(new URL('./fetch.worker.js', import.meta.url), { type: 'module' })`, the pattern Vite,
 * webpack 5 and Rollup (with `@web/rollup-plugin-import-meta-assets`) emit beside the bundle, and the
 * script-tag bundles ship in `assets/`. Only where it changes nothing else: in a browser page (not
 * Node, not inside a worker), with the browser's own `fetch` (a page or test that wraps `fetch`, e.g.
 * to add credentials, keeps its wrapper on the main thread), and no `fetchImpl` given. If the worker
 * cannot start (a CSP without `worker-src 'self'`, a bundler that did not copy the file: the
 * browser reports one failed load), the requests in flight and all later ones run on the main
 * thread. {@link useRequestWorker} turns it off or names where the host serves the file.
 */

interface Answer {
  id: number;
  status?: number;
  statusText?: string;
  headers?: Array<[string, string]>;
  body?: ArrayBuffer;
  over?: boolean;
  error?: { name: string; message: string; cause?: string };
}

interface Pending {
  resolve: (value: WorkerResponse | undefined) => void;
  reject: (reason: unknown) => void;
}

/** A response read in the worker; `over`: the body was longer than the limit (reading stopped). */
export interface WorkerResponse {
  response: Response;
  over: boolean;
}

let worker: Worker | undefined;
let enabled = true;
let workerUrl: string | URL | undefined;
let broken = false;
let nextId = 1;
let started = 0;
const pending = new Map<number, Pending>();

const nativeFetch = (): boolean => {
  const f = (globalThis as { fetch?: unknown }).fetch;
  return (
    typeof f === 'function' && /\{\s*\[native code\]\s*\}/.test(Function.prototype.toString.call(f))
  );
};

/** Where {@link useRequestWorker} finds the worker file. */
export interface RequestWorkerOptions {
  /**
   * The address of `fetch.worker.js` when the host serves it itself (e.g. copied from
   * `node_modules/natuurlijke-alliantie/dist/src/sources/fetch.worker.js` by a build without a
   * worker plugin). Default: beside this module, as the bundler emitted it.
   */
  url?: string | URL;
}

/**
 * Whether this page reads its requests in a module worker (`fetch.worker.js`, from the page's
 * origin), so that a huge or hostile answer never makes a long task on the main thread. On by
 * default; `useRequestWorker(false)` reads on the main thread (each read still gives the page a
 * turn every 30 ms). Call it before the first request: a worker already started is stopped and the
 * next request starts one from the new `url`.
 */
export function useRequestWorker(on = true, options: RequestWorkerOptions = {}): void {
  enabled = on;
  if (options.url !== workerUrl || !on) {
    workerUrl = options.url;
    worker?.terminate();
    worker = undefined;
    broken = false;
    for (const p of pending.values()) p.resolve(undefined);
    pending.clear();
  }
}

/**
 * The request worker of this page: `off` (turned off, or not a browser page with its own fetch),
 * `idle` (not started yet), `running`, or `failed` (it could not start or load; requests run on the
 * main thread).
 */
export function requestWorkerState(): 'off' | 'idle' | 'running' | 'failed' {
  if (broken) return 'failed';
  if (!canReadInWorker()) return 'off';
  return worker === undefined ? 'idle' : 'running';
}

/** True when requests can be read in the worker (see the module comment). */
export function canReadInWorker(): boolean {
  return (
    enabled &&
    !broken &&
    typeof Worker === 'function' &&
    typeof document !== 'undefined' &&
    typeof (globalThis as { process?: unknown }).process === 'undefined' &&
    nativeFetch()
  );
}

/** How many request workers this page started (for tests). */
export function requestWorkersStarted(): number {
  return started;
}

function fail(): void {
  broken = true;
  worker?.terminate();
  worker = undefined;
  // The requests in flight are made again on the main thread.
  for (const p of pending.values()) p.resolve(undefined);
  pending.clear();
}

function requestWorker(): Worker | undefined {
  if (worker !== undefined || broken) return worker;
  try {
    worker =
      workerUrl === undefined
        ? new Worker(new URL('./fetch.worker.js', import.meta.url), {
            type: 'module',
            name: 'na-request-reader',
          })
        : new Worker(new URL(workerUrl, location.href), {
            type: 'module',
            name: 'na-request-reader',
          });
  } catch (e) {
    void e; // refused (CSP) or not found: the main thread reads, as before
    fail();
    return undefined;
  }
  started += 1;
  worker.addEventListener('error', fail);
  worker.addEventListener('message', (e: MessageEvent<Answer>) => {
    const answer = e.data;
    const p = pending.get(answer.id);
    if (p === undefined) return;
    pending.delete(answer.id);
    if (answer.error !== undefined) {
      const { name, message, cause } = answer.error;
      const error =
        cause === undefined
          ? new TypeError(message)
          : new TypeError(message, { cause: new Error(cause) });
      if (name !== 'TypeError') error.name = name;
      p.reject(error);
      return;
    }
    const status = answer.status ?? 0;
    const nullBody = status === 101 || status === 204 || status === 205 || status === 304;
    p.resolve({
      response: new Response(nullBody ? null : (answer.body ?? null), {
        status,
        statusText: answer.statusText ?? '',
        headers: answer.headers ?? [],
      }),
      over: answer.over === true,
    });
  });
  return worker;
}

/**
 * Fetches `url` in the worker and reads its body there: at most `max` bytes of a 2xx answer,
 * `errorMax` of another. Rejects at once with `signal.reason` when the signal aborts (the worker
 * stops the request), with a `TypeError` when the request fails; resolves to undefined when the
 * worker cannot be used (then fetch on the main thread).
 */
export function fetchInWorker(
  url: string,
  init: { headers: Record<string, string>; signal: AbortSignal; max: number; errorMax: number },
): Promise<WorkerResponse | undefined> {
  const w = requestWorker();
  if (w === undefined) return Promise.resolve(undefined);
  const { signal } = init;
  if (signal.aborted) return Promise.reject(signal.reason as unknown);
  const id = nextId++;
  return new Promise<WorkerResponse | undefined>((resolve, reject) => {
    const onAbort = (): void => {
      pending.delete(id);
      w.postMessage({ id, abort: true });
      reject(signal.reason as unknown);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    const settle =
      <T>(fn: (v: T) => void) =>
      (v: T): void => {
        signal.removeEventListener('abort', onAbort);
        fn(v);
      };
    pending.set(id, { resolve: settle(resolve), reject: settle(reject) });
    w.postMessage({
      id,
      url: new URL(url, location.href).href,
      headers: init.headers,
      max: init.max,
      errorMax: init.errorMax,
    });
  });
}
