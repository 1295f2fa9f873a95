/**
 * Runs a pure core computation in a module Worker, off the main thread (#11 "Nothing heavy on the
 * main thread"), with one protocol for every widget:
 *
 * - the caller's module creates the worker (`new Worker(new URL('./x.worker.js', import.meta.url),
 *   { type: 'module' })` written out literally, so Vite, webpack and Rollup see it and emit the
 *   file), and gives a fallback: the same computation on the main thread, in steps;
 * - the worker module calls {@link serveCoreTask} (core-worker-host.ts) with its function;
 * - {@link CoreWorkerRunner.run} is abortable and rejects with the signal's reason. By default
 *   aborting terminates the worker (a synchronous computation cannot be interrupted otherwise)
 *   and other pending jobs are sent again to a fresh worker. A task that pauses between steps and
 *   honours its signal (`abortInWorker`) is told to stop instead, so the worker keeps what it has
 *   loaded (the kansenkaart's sources and their indexes) for the next job;
 * - when Workers are unavailable, the constructor throws (e.g. a CSP without `worker-src 'self'`)
 *   or the worker script does not load (the host's bundler did not emit it), the runner falls back
 *   to the main thread for this and every later job.
 *
 * Inputs and outputs cross by structured clone: plain data only (no class instances, functions
 * or Maps with methods).
 */

/** A message from the worker (see core-worker-host.ts). */
export type CoreWorkerReply<O> =
  | { kind: 'ready' }
  | { kind: 'result'; id: number; value: O }
  | { kind: 'progress'; id: number; value: unknown }
  | { kind: 'error'; id: number; error: { name: string; message: string; code?: string } };

/** A message to the worker: a job, or the abort of a job (`abortInWorker`). */
export type CoreWorkerRequest<I> = { id: number; input: I } | { abort: number };

/** Options of {@link CoreWorkerRunner}. */
export interface CoreWorkerOptions<I, O> {
  /**
   * Creates the module worker. Write `new Worker(new URL('./x.worker.js', import.meta.url), {
   * type: 'module' })` in the caller's own module. May throw; then the fallback runs.
   */
  create: () => Worker;
  /** The same computation on the main thread, yielding between steps; honours `signal`. */
  fallback: (input: I, signal: AbortSignal, onProgress?: (value: unknown) => void) => Promise<O>;
  /**
   * The worker's task pauses between steps and honours the signal `serveCoreTask` gives it: an
   * abort is sent to the worker instead of terminating it, so it keeps what it loaded. Default
   * false (the worker is terminated).
   */
  abortInWorker?: boolean;
  /**
   * Turns a worker's result into the one `run` resolves with (e.g. objects sent as typed arrays,
   * see `serveCoreTask`'s `transfer`, made into objects again). The fallback's result is not
   * passed through it.
   */
  receive?: (output: O) => O;
}

/** Where the jobs run: not decided yet (no job so far), in a worker, or on the main thread. */
export type CoreWorkerMode = 'pending' | 'worker' | 'main';

interface Job<I, O> {
  id: number;
  input: I;
  signal: AbortSignal;
  resolve: (value: O) => void;
  reject: (reason: unknown) => void;
  onAbort: () => void;
  onProgress: ((value: unknown) => void) | undefined;
}

/** An error thrown in the worker, with its original name, message and code. */
export class CoreWorkerError extends Error {
  readonly code: string | undefined;
  constructor(error: { name: string; message: string; code?: string }) {
    super(error.message);
    this.name = error.name;
    this.code = error.code;
  }
}

/** Runs jobs in a module worker, with a main-thread fallback. See the module comment. */
export class CoreWorkerRunner<I, O> {
  private readonly options: CoreWorkerOptions<I, O>;
  private worker: Worker | undefined;
  private ready = false;
  private broken = typeof Worker === 'undefined';
  private seq = 0;
  private readonly jobs = new Map<number, Job<I, O>>();
  private why: unknown;

  constructor(options: CoreWorkerOptions<I, O>) {
    this.options = options;
  }

  /** Where the jobs run now. */
  get mode(): CoreWorkerMode {
    if (this.broken) return 'main';
    return this.ready ? 'worker' : 'pending';
  }

  /** Why the runner fell back to the main thread (undefined while it uses a worker). */
  get fallbackReason(): unknown {
    return this.why;
  }

  /**
   * Runs one job; rejects with `signal.reason` when aborted. `onProgress` receives what the task
   * reports through the `progress` callback of {@link serveCoreTask} (or the fallback's).
   */
  run(
    input: I,
    signal: AbortSignal = new AbortController().signal,
    onProgress?: (value: unknown) => void,
  ): Promise<O> {
    signal.throwIfAborted();
    if (this.broken) return this.options.fallback(input, signal, onProgress);
    return new Promise<O>((resolve, reject) => {
      const id = ++this.seq;
      const onAbort = () => this.abortJob(id);
      const job: Job<I, O> = { id, input, signal, resolve, reject, onAbort, onProgress };
      this.jobs.set(id, job);
      signal.addEventListener('abort', onAbort, { once: true });
      const worker = this.ensureWorker();
      if (worker) this.post(worker, job);
    });
  }

  /**
   * Terminates the worker and rejects every pending job (an element calls this when it is
   * removed); a later job starts a fresh worker.
   */
  dispose(): void {
    this.terminate();
    for (const job of this.jobs.values()) this.settle(job, () => job.reject(disposedError()));
  }

  private ensureWorker(): Worker | undefined {
    if (this.worker) return this.worker;
    let worker: Worker;
    try {
      worker = this.options.create();
    } catch (e) {
      // No worker here (a CSP, an old browser): the main thread it is.
      this.fallBack(e);
      return undefined;
    }
    this.worker = worker;
    this.ready = false;
    worker.addEventListener('message', (e: MessageEvent<CoreWorkerReply<O>>) =>
      this.onMessage(worker, e.data),
    );
    worker.addEventListener('error', (e: ErrorEvent) => this.onError(worker, e));
    worker.addEventListener('messageerror', () =>
      this.onError(worker, new ErrorEvent('error', { message: 'A message could not be read.' })),
    );
    return worker;
  }

  private post(worker: Worker, job: Job<I, O>): void {
    const request: CoreWorkerRequest<I> = { id: job.id, input: job.input };
    // (A job aborted before it was posted is settled and never posted.)
    try {
      worker.postMessage(request);
    } catch (e) {
      if (!(e instanceof DOMException && e.name === 'DataCloneError')) throw e;
      // Not plain data (e.g. a knowledge base with functions): this job runs on the main thread.
      this.jobs.delete(job.id);
      job.signal.removeEventListener('abort', job.onAbort);
      this.options.fallback(job.input, job.signal, job.onProgress).then(job.resolve, job.reject);
    }
  }

  private onMessage(worker: Worker, reply: CoreWorkerReply<O>): void {
    if (worker !== this.worker) return;
    if (reply.kind === 'ready') {
      this.ready = true;
      return;
    }
    const job = this.jobs.get(reply.id);
    if (!job) return;
    if (reply.kind === 'progress') job.onProgress?.(reply.value);
    else if (reply.kind === 'result') {
      const receive = this.options.receive;
      this.settle(job, () => job.resolve(receive ? receive(reply.value) : reply.value));
    } else this.settle(job, () => job.reject(new CoreWorkerError(reply.error)));
  }

  private onError(worker: Worker, e: ErrorEvent): void {
    if (worker !== this.worker) return;
    e.preventDefault();
    if (!this.ready) {
      // The script did not load or did not start (not emitted by the bundler, wrong MIME type).
      this.fallBack(e.error ?? e.message);
      return;
    }
    // A crash after start: the pending jobs fail, the next job gets a fresh worker.
    this.terminate();
    const error = new Error(e.message || 'The worker stopped.');
    for (const job of [...this.jobs.values()]) this.settle(job, () => job.reject(error));
  }

  /** From now on every job runs on the main thread; pending jobs move there. */
  private fallBack(why: unknown): void {
    this.broken = true;
    this.why = why;
    this.terminate();
    for (const job of [...this.jobs.values()]) {
      this.jobs.delete(job.id);
      job.signal.removeEventListener('abort', job.onAbort);
      this.options.fallback(job.input, job.signal, job.onProgress).then(job.resolve, job.reject);
    }
  }

  private abortJob(id: number): void {
    const job = this.jobs.get(id);
    if (!job) return;
    this.settle(job, () => job.reject(job.signal.reason));
    if (this.broken || !this.worker) return;
    if (this.options.abortInWorker) {
      // The task stops at its next pause; the worker and what it loaded stay.
      this.worker.postMessage({ abort: id } satisfies CoreWorkerRequest<I>);
      return;
    }
    // The worker may be busy with this job: stop it, and send the others to a fresh one.
    this.terminate();
    const rest = [...this.jobs.values()];
    if (rest.length === 0) return;
    const worker = this.ensureWorker();
    if (worker) for (const other of rest) this.post(worker, other);
  }

  private settle(job: Job<I, O>, how: () => void): void {
    if (!this.jobs.delete(job.id)) return;
    job.signal.removeEventListener('abort', job.onAbort);
    how();
  }

  private terminate(): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.ready = false;
  }
}

function disposedError(): DOMException {
  return new DOMException('The worker runner was stopped.', 'AbortError');
}

/** Resolves after the browser had a chance to render and handle input (for main-thread steps). */
export function yieldToBrowser(signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      if (signal?.aborted) reject(signal.reason);
      else resolve();
    };
    if (typeof requestAnimationFrame === 'function' && document.visibilityState === 'visible')
      requestAnimationFrame(() => channel.port2.postMessage(null));
    else channel.port2.postMessage(null);
  });
}
