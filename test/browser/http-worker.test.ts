/**
 * Requests read in the request worker (src/sources/http-worker.ts, issue #13): in a page with the
 * browser's own fetch, `fetchWithPolicy` makes the request and reads the body in a module worker;
 * the typed errors, the byte limit, the caller's abort and the deadline work as on the main thread.
 * A page that wraps `fetch` keeps its wrapper (on the main thread). Real answers of the fault
 * server through the dev server's `/fault/` proxy.
 */
import { expect } from '@open-wc/testing';
import { requestJson, SourceRequestError } from '../../src/sources/http.js';
import {
  requestWorkerState,
  requestWorkersStarted,
  useRequestWorker,
} from '../../src/sources/http-worker.js';

const fault = (path: string): string => new URL(`/fault/${path}`, location.href).href;

async function failure(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

describe('requests read in the request worker (issue #13)', () => {
  it('is on by default: the first request starts one worker, which reads it', async () => {
    expect(requestWorkerState()).to.equal('idle');
    const json = await requestJson(fault('empty'), { retries: 0 });
    expect(json).to.deep.equal({ type: 'FeatureCollection', features: [] });
    expect(requestWorkersStarted()).to.equal(1);
    expect(requestWorkerState()).to.equal('running');
  });

  it('a worker file the host does not serve: the request in flight and later ones run on the main thread', async () => {
    // What a bundler that does not copy the worker gives: a 404 for the worker script.
    useRequestWorker(true, { url: '/no/such/folder/fetch.worker.js' });
    const before = requestWorkersStarted();
    const json = await requestJson(fault('empty'), { retries: 0 });
    expect(json).to.deep.equal({ type: 'FeatureCollection', features: [] });
    expect(requestWorkersStarted()).to.equal(before + 1);
    expect(requestWorkerState()).to.equal('failed');
    // Typed errors as before, now from the main thread.
    const e = await failure(requestJson(fault('html'), { retries: 0 }));
    expect((e as SourceRequestError).code).to.equal('html-response');
    expect(requestWorkersStarted()).to.equal(before + 1);
  });

  it('turned off: no worker starts; turned on again: the default worker', async () => {
    useRequestWorker(false);
    const before = requestWorkersStarted();
    await requestJson(fault('empty'), { retries: 0 });
    expect(requestWorkersStarted()).to.equal(before);
    expect(requestWorkerState()).to.equal('off');
    useRequestWorker(true);
    await requestJson(fault('empty'), { retries: 0 });
    expect(requestWorkersStarted()).to.equal(before + 1);
    expect(requestWorkerState()).to.equal('running');
  });

  it('a JSON answer is read in the worker and parsed', async () => {
    const before = requestWorkersStarted();
    const json = await requestJson(fault('empty'), { retries: 0 });
    expect(json).to.deep.equal({ type: 'FeatureCollection', features: [] });
    // One worker per page, started on first use.
    expect(requestWorkersStarted()).to.equal(Math.max(1, before));
  });

  it('over the byte limit: too-large; typed errors as on the main thread', async () => {
    const big = await failure(
      requestJson(fault('huge?mb=3'), { retries: 0, maxResponseBytes: 1e6 }),
    );
    expect(big).to.be.instanceOf(SourceRequestError);
    expect((big as SourceRequestError).code).to.equal('too-large');
    const cases: Array<[string, string]> = [
      ['html', 'html-response'],
      ['ows-exception', 'ogc-exception'],
      ['truncated', 'invalid-json'],
      ['problem', 'problem'],
      ['500', 'http-status'],
    ];
    for (const [path, code] of cases) {
      const e = await failure(requestJson(fault(path), { retries: 0 }));
      expect((e as SourceRequestError).code, path).to.equal(code);
    }
  });

  it("the caller's abort rejects with its reason at once; the deadline is a timeout", async () => {
    const controller = new AbortController();
    const reason = new Error('a newer click');
    const p = failure(requestJson(fault('slow?ms=3000'), { signal: controller.signal }));
    setTimeout(() => controller.abort(reason), 50);
    expect(await p).to.equal(reason);
    const late = await failure(requestJson(fault('slow?ms=3000'), { timeoutMs: 300, retries: 0 }));
    expect((late as SourceRequestError).code).to.equal('timeout');
  });

  it('a page that wraps fetch keeps its wrapper', async () => {
    const realFetch = window.fetch;
    const seen: string[] = [];
    window.fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
      seen.push(String(input));
      return realFetch(input, init);
    };
    try {
      await requestJson(fault('empty'), { retries: 0 });
    } finally {
      window.fetch = realFetch;
    }
    expect(seen).to.deep.equal([fault('empty')]);
  });
});
