/**
 * The worker side of core-worker.ts: `serveCoreTask(fn)` in a module worker answers each request
 * with `fn(input)` (or the error it threw), after announcing that it started. The worker module
 * imports only this and the core (pure, DOM-free).
 */
import type { CoreWorkerReply, CoreWorkerRequest } from './core-worker.js';

interface WorkerScope {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (e: MessageEvent) => void): void;
}

/**
 * Serves `fn` in this worker (call once, at the top level of the worker module). `fn` may report
 * progress (plain data) through its second argument; the caller gets it as `run`'s `onProgress`.
 */
export function serveCoreTask<I, O>(
  fn: (input: I, progress: (value: unknown) => void) => O | Promise<O>,
): void {
  const scope = globalThis as unknown as WorkerScope;
  scope.addEventListener('message', (e: MessageEvent<CoreWorkerRequest<I>>) => {
    const { id, input } = e.data;
    void (async () => {
      let reply: CoreWorkerReply<O>;
      try {
        const progress = (value: unknown): void =>
          scope.postMessage({ kind: 'progress', id, value } satisfies CoreWorkerReply<O>);
        reply = { kind: 'result', id, value: await fn(input, progress) };
      } catch (error) {
        const err = error instanceof Error ? error : new Error(String(error));
        const code = (err as { code?: unknown }).code;
        reply = {
          kind: 'error',
          id,
          error: {
            name: err.name,
            message: err.message,
            ...(typeof code === 'string' ? { code } : {}),
          },
        };
      }
      scope.postMessage(reply);
    })();
  });
  scope.postMessage({ kind: 'ready' } satisfies CoreWorkerReply<O>);
}
