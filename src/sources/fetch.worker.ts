/**
 * The body reader of {@link ./http-worker.ts} as a module worker (issue #13): the request and the
 * reading of its body run here, off the page's main thread. Chromium hands every received chunk of
 * a fetch body to the thread that made the request; for a 16 MiB answer on the main thread that
 * was 100–300 ms tasks of the browser's own loading code, which no yielding in our read loop could
 * split. Served from the page's own origin (a strict CSP with `worker-src 'self'` allows it).
 *
 * In: `{ id, url, headers, max, errorMax }` (read at most `max` bytes of a 2xx body, `errorMax` of
 * another) or `{ id, abort: true }`.
 * Out: `{ id, status, statusText, headers, body, over }` (`over`: the body was longer than the
 * limit and reading stopped; `body`, transferred, is then empty for a 2xx answer and the first
 * `errorMax` bytes for another) or
 * `{ id, error: { name, message, cause } }` (the fetch failed or was aborted).
 */

interface Start {
  id: number;
  url: string;
  headers: Record<string, string>;
  /** Most bytes read of a 2xx answer. */
  max: number;
  /** Most bytes read of any other answer (the error message is in its first bytes). */
  errorMax: number;
  abort?: undefined;
}
interface Stop {
  id: number;
  abort: true;
}

const scope = globalThis as unknown as {
  addEventListener(type: 'message', fn: (e: MessageEvent<Start | Stop>) => void): void;
  postMessage(message: unknown, transfer?: Transferable[]): void;
};

const running = new Map<number, AbortController>();

async function run(start: Start, controller: AbortController): Promise<void> {
  const { id, url, headers } = start;
  const response = await fetch(url, { headers, redirect: 'follow', signal: controller.signal });
  const max = response.ok ? start.max : start.errorMax;
  const chunks: Uint8Array[] = [];
  let total = 0;
  const declared = Number(response.headers.get('content-length') ?? '');
  // A 2xx answer that declares more than the limit is refused unread.
  let over = response.ok && Number.isFinite(declared) && declared > max;
  const reader = response.body?.getReader();
  if (over) await reader?.cancel().catch((e: unknown) => void e);
  else if (reader !== undefined) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (total + value.byteLength > max) {
        over = true;
        chunks.push(value.subarray(0, max - total));
        total = max;
        await reader.cancel().catch((e: unknown) => void e);
        break;
      }
      total += value.byteLength;
      chunks.push(value);
    }
  }
  // Over the limit, a 2xx answer is refused: its bytes are not sent to the page.
  if (over && response.ok) {
    chunks.length = 0;
    total = 0;
  }
  const body = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    body.set(c, at);
    at += c.byteLength;
  }
  scope.postMessage(
    {
      id,
      status: response.status,
      statusText: response.statusText,
      headers: [...response.headers],
      body: body.buffer,
      over,
    },
    [body.buffer],
  );
}

scope.addEventListener('message', (e) => {
  const message = e.data;
  if (message.abort === true) {
    running.get(message.id)?.abort();
    return;
  }
  const controller = new AbortController();
  running.set(message.id, controller);
  run(message, controller)
    .catch((error: unknown) => {
      const cause = (error as { cause?: unknown }).cause;
      scope.postMessage({
        id: message.id,
        error: {
          name: error instanceof Error ? error.name : 'Error',
          message: error instanceof Error ? error.message : String(error),
          cause: cause instanceof Error ? cause.message : undefined,
        },
      });
    })
    .finally(() => running.delete(message.id));
});
