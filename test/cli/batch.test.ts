/**
 * The streamed batch `check --csv` (issue #13, finding 8): rows are read, checked by a bounded pool
 * and written in input order while the file is still being read; at most `concurrency` checks are
 * in flight; bad rows get an error column and exit 2; a FIFO or device is refused.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

// Each test starts CLI processes; on a loaded machine (CI with both cores busy) one can take over
// the default 20 s. A hang is still caught (the child processes have their own time limit).
vi.setConfig({ testTimeout: 90_000 });
import { runBatch } from '../../src/cli/batch.js';
import { parseCsvText } from '../../src/core/csv.js';
import { defaultKnowledgeBase } from '../../src/core/kb/load.js';
import {
  NaError,
  type FactSource,
  type Location,
  type SourceResult,
} from '../../src/core/types.js';
import { plausibleFor } from '../../src/core/crs.js';

const kb = defaultKnowledgeBase();
const dir = mkdtempSync(join(tmpdir(), 'na-batch-'));

/** A source that answers after a tick and counts how many queries run at the same time. */
function countingSource() {
  const stats = { inFlight: 0, max: 0, started: 0 };
  const source: FactSource = {
    id: 'teller',
    title: 'Teller',
    provides: ['zone'],
    async query(location: Location): Promise<SourceResult> {
      stats.started++;
      stats.inFlight++;
      stats.max = Math.max(stats.max, stats.inFlight);
      await new Promise((r) => setTimeout(r, 1));
      stats.inFlight--;
      return {
        sourceId: 'teller',
        title: 'Teller',
        status: 'ok',
        facts: [
          {
            name: 'zone',
            status: 'ok',
            value: location.x > 150000 ? 'Dz1' : 'Dz2',
            provenance: { sourceId: 'teller', title: 'Teller' },
          } as never,
        ],
      };
    },
  };
  return { source, stats };
}

function options(file: string, source: FactSource, format: 'csv' | 'json' | 'geojson' = 'csv') {
  return {
    file,
    format,
    sources: [source],
    kb,
    lang: 'nl' as const,
    locate: (x: number, y: number): Location => plausibleFor({ x, y, crs: 'EPSG:28992' }),
    outside: () => 'outside',
    isInputError: (e: unknown): e is Error => e instanceof NaError,
    progress: false,
  };
}

describe('runBatch: streaming check --csv', () => {
  it('2,000 rows: bounded pool, input order, output written before the input is all read', async () => {
    const n = 2000;
    const file = join(dir, 'many.csv');
    const lines = ['id,x,y'];
    for (let i = 0; i < n; i++) lines.push(`p${i},${150000 + (i % 2) * 10},${460000 + i}`);
    writeFileSync(file, `${lines.join('\n')}\n`);
    const { source, stats } = countingSource();
    const out: string[] = [];
    let startedAtFirstRow: number | undefined;
    const code = await runBatch(
      { ...options(file, source), concurrency: 4 },
      {
        out: (t) => {
          if (out.length === 1) startedAtFirstRow = stats.started;
          out.push(t);
        },
        err: () => undefined,
      },
    );
    expect(code).toBe(0);
    expect(stats.max).toBe(4);
    // The first report went out when only a handful of rows had been started: streamed, not
    // collected.
    expect(startedAtFirstRow).toBeLessThanOrEqual(5);
    const rows = await parseCsvText(out.join(''));
    expect(rows).toHaveLength(n + 1);
    expect(rows.slice(1).map((r) => r.cells[0])).toEqual(
      lines.slice(1).map((l) => l.split(',')[0]),
    );
    expect(rows[1]!.cells[5]).toBe('Dz2');
    expect(rows[2]!.cells[5]).toBe('Dz1');
  });

  it('bad rows: an error column, the good rows kept, exit 2; JSON and GeoJSON stay valid', async () => {
    const file = join(dir, 'bad.csv');
    writeFileSync(file, 'id;x;y\nok;150010;460010\nhex;0x2E64E;460000\nfar;1e9;1e9\n');
    const { source } = countingSource();
    const out: string[] = [];
    const err: string[] = [];
    const code = await runBatch(options(file, source), {
      out: (t) => out.push(t),
      err: (t) => err.push(t),
    });
    expect(code).toBe(2);
    const rows = await parseCsvText(out.join(''));
    expect(rows.map((r) => r.cells[3])).toEqual(['status', 'ok', 'error', 'error']);
    expect(rows[2]!.cells[14]).toMatch(/not a decimal number/);
    expect(err.join('')).toMatch(/2 of 3 rows could not be checked/);

    for (const format of ['json', 'geojson'] as const) {
      const o: string[] = [];
      await runBatch(options(file, source, format), {
        out: (t) => o.push(t),
        err: () => undefined,
      });
      const parsed = JSON.parse(o.join('')) as unknown;
      if (format === 'json') expect((parsed as unknown[]).length).toBe(3);
      else expect((parsed as { features: unknown[] }).features.length).toBe(1);
    }
  });

  it('a FIFO as the CSV file is refused at once (no hang)', async () => {
    const fifo = join(dir, 'pipe.csv');
    execFileSync('mkfifo', [fifo]);
    const { source } = countingSource();
    await expect(
      runBatch(options(fifo, source), { out: () => undefined, err: () => undefined }),
    ).rejects.toThrow(/not a regular file/);
  });

  it('a missing CSV file is file-not-found (not file-unreadable) and names the file', async () => {
    const missing = join(dir, 'nope.csv');
    const { source } = countingSource();
    const failure = await runBatch(options(missing, source), {
      out: () => undefined,
      err: () => undefined,
    }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(NaError);
    expect((failure as NaError).code).toBe('file-not-found');
    expect((failure as NaError).message).toMatch(/The CSV file ".*nope\.csv" does not exist/);
    expect((failure as NaError).details.file).toBe(missing);
  });
});
