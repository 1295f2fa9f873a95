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
 * Its third argument is aborted when the caller aborts the job and the runner was made with
 * `abortInWorker` (the task should pause between steps, e.g. with {@link pauseInWorker}).
 * `transfer` names buffers of a result that are moved to the caller instead of copied.
 */
export function serveCoreTask<I, O>(
  fn: (input: I, progress: (value: unknown) => void, signal: AbortSignal) => O | Promise<O>,
  transfer?: (output: O) => Transferable[],
): void {
  const scope = globalThis as unknown as WorkerScope;
  const running = new Map<number, AbortController>();
  scope.addEventListener('message', (e: MessageEvent<CoreWorkerRequest<I>>) => {
    if ('abort' in e.data) {
      running.get(e.data.abort)?.abort(new DOMException('The job was aborted.', 'AbortError'));
      return;
    }
    const { id, input } = e.data;
    const controller = new AbortController();
    running.set(id, controller);
    void (async () => {
      let reply: CoreWorkerReply<O>;
      let moved: Transferable[] = [];
      try {
        const progress = (value: unknown): void =>
          scope.postMessage({ kind: 'progress', id, value } satisfies CoreWorkerReply<O>);
        const value = await fn(input, progress, controller.signal);
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
      running.delete(id);
      // An aborted job's answer is not awaited any more (the caller settled it).
      if (!controller.signal.aborted) scope.postMessage(reply, moved);
    })();
  });
  scope.postMessage({ kind: 'ready' } satisfies CoreWorkerReply<O>);
}

/**
 * A pause between two steps of a task in a worker: the worker handles its messages (an abort)
 * before the task goes on. Rejects with the signal's reason when the job was aborted.
 */
export function pauseInWorker(signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      if (signal.aborted) reject(signal.reason);
      else resolve();
    };
    channel.port2.postMessage(null);
  });
}
