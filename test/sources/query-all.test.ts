import { describe, expect, it } from 'vitest';
import { NaError } from '../../src/core/types.js';
import type {
  FactName,
  FactSource,
  Location,
  QueryOptions,
  SourceResult,
} from '../../src/core/types.js';
import { queryAll } from '../../src/sources/query-all.js';

const here: Location = { x: 155000, y: 463000, crs: 'EPSG:28992' };

function okResult(id: string): SourceResult {
  return {
    sourceId: id,
    title: id,
    status: 'ok',
    facts: [{ name: 'zone', status: 'ok', value: id, provenance: { sourceId: id, title: id } }],
  };
}

/** A source that answers after `ms` milliseconds (honouring abort), or runs `behave`. */
function fake(
  id: string,
  ms: number,
  behave?: (options: QueryOptions) => Promise<SourceResult>,
  provides: FactName[] = ['zone'],
): FactSource & { started: number[]; aborted: boolean } {
  const s = {
    id,
    title: `Title ${id}`,
    provides,
    started: [] as number[],
    aborted: false,
    query(_l: Location, options: QueryOptions = {}): Promise<SourceResult> {
      s.started.push(Date.now());
      if (behave !== undefined) return behave(options);
      return new Promise<SourceResult>((resolve, reject) => {
        const t = setTimeout(() => resolve(okResult(id)), ms);
        options.signal?.addEventListener('abort', () => {
          s.aborted = true;
          clearTimeout(t);
          reject(options.signal?.reason);
        });
      });
    },
  };
  return s;
}

describe('queryAll', () => {
  it('runs the sources in parallel and keeps their order', async () => {
    // Each source answers only when released; all must have started before any is released.
    const release: Array<() => void> = [];
    const gated = (id: string): ReturnType<typeof fake> =>
      fake(
        id,
        0,
        () =>
          new Promise<SourceResult>((resolve) => {
            release.push(() => resolve(okResult(id)));
          }),
      );
    const sources = [gated('a'), gated('b'), gated('c')];
    const p = queryAll(sources, here);
    await new Promise((r) => setTimeout(r, 0));
    expect(sources.map((s) => s.started.length)).toEqual([1, 1, 1]);
    // Release in reverse order: the results still follow the order of the sources.
    for (const r of [...release].reverse()) r();
    const results = await p;
    expect(results.map((r) => r.sourceId)).toEqual(['a', 'b', 'c']);
    expect(results.every((r) => r.status === 'ok')).toBe(true);
  });

  it('turns a thrown error or a rejection into an error result; the others still answer', async () => {
    const throwsSync = fake('sync', 0, () => {
      throw new NaError('invalid-json', 'data.geojson:3:4: JSON syntax error: expected a value');
    });
    const rejects = fake('async', 0, () => Promise.reject(new Error('HTTP 500')), ['zone', 'gt']);
    const good = fake('good', 5);
    const results = await queryAll([throwsSync, rejects, good], here);
    expect(results[0]).toMatchObject({
      sourceId: 'sync',
      title: 'Title sync',
      status: 'error',
      reason: 'source-error',
      code: 'invalid-json',
      message: 'data.geojson:3:4: JSON syntax error: expected a value',
    });
    expect(results[1]).toMatchObject({ status: 'error', code: 'error', message: 'HTTP 500' });
    expect(results[1]?.facts.map((f) => [f.name, f.status])).toEqual([
      ['zone', 'error'],
      ['gt', 'error'],
    ]);
    expect(results[2]).toMatchObject({ status: 'ok', sourceId: 'good' });
  });

  it('a source over the time limit gives a timeout error and is aborted', async () => {
    const slow = fake('slow', 5000);
    const quick = fake('quick', 5);
    const results = await queryAll([slow, quick], here, { timeoutMs: 50 });
    expect(results[0]).toMatchObject({ status: 'error', code: 'timeout' });
    expect(results[0]?.message).toContain('50 ms');
    expect(slow.aborted).toBe(true);
    expect(results[1]?.status).toBe('ok');
  });

  it('rejects with the abort reason when aborted during the queries, and aborts the sources', async () => {
    const a = fake('a', 5000);
    const b = fake('b', 5000);
    const c = new AbortController();
    const reason = new Error('new click');
    const p = queryAll([a, b], here, { signal: c.signal });
    setTimeout(() => c.abort(reason), 20);
    await expect(p).rejects.toBe(reason);
    expect(a.aborted && b.aborted).toBe(true);
  });

  it('rejects at once when the signal is already aborted, without querying', async () => {
    const a = fake('a', 5);
    const c = new AbortController();
    c.abort(new Error('gone'));
    await expect(queryAll([a], here, { signal: c.signal })).rejects.toThrow('gone');
    expect(a.started).toHaveLength(0);
  });

  it('rejects even when a source ignores the abort signal', async () => {
    const stubborn = fake('stubborn', 0, () => new Promise(() => undefined));
    const c = new AbortController();
    const p = queryAll([stubborn], here, { signal: c.signal });
    c.abort(new Error('stop'));
    await expect(p).rejects.toThrow('stop');
  });

  it('an empty list gives an empty result', async () => {
    expect(await queryAll([], here)).toEqual([]);
  });
});
