/**
 * The worker side of core-worker.ts: `serveCoreTask(fn)` in a module worker answers each request
 * with `fn(input)` (or the error it threw), after announcing that it started. The worker module
 * imports only this and the core (pure, DOM-free).
 */
import type { CoreWorkerReply, CoreWorkerRequest } from './core-worker.js';

interface WorkerScope {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (e: MessageEvent) => void): void;
}

/**
 * Serves `fn` in this worker (call once, at the top level of the worker module). `fn` may report
 * progress (plain data) through its second argument; the caller gets it as `run`'s `onProgress`.
 * `transfer` names buffers of a result that are moved to the caller instead of copied.
 */
export function serveCoreTask<I, O>(
  fn: (input: I, progress: (value: unknown) => void) => O | Promise<O>,
  transfer?: (output: O) => Transferable[],
): void {
  const scope = globalThis as unknown as WorkerScope;
  scope.addEventListener('message', (e: MessageEvent<CoreWorkerRequest<I>>) => {
    const { id, input } = e.data;
    void (async () => {
      let reply: CoreWorkerReply<O>;
      let moved: Transferable[] = [];
      try {
        const progress = (value: unknown): void =>
          scope.postMessage({ kind: 'progress', id, value } satisfies CoreWorkerReply<O>);
        const value = await fn(input, progress);
        moved = transfer?.(value) ?? [];
        reply = { kind: 'result', id, value };
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
      scope.postMessage(reply, moved);
    })();
  });
  scope.postMessage({ kind: 'ready' } satisfies CoreWorkerReply<O>);
}
