/**
 * Issue #13, the 1M-row batch: `check --csv` takes shortcuts per run (the rule engine once per
 * distinct combination of source answers, a bounded memo; the CSV columns straight from the report
 * without localizing it whole). This test holds the output to the plain path, row by row: for 300
 * rows on the demo data (the demo's known places and places around them, some repeated, some
 * outside all data) every CSV row equals the row built from an unmemoized `checkLocation` +
 * `localizeReport`, and the JSON output equals the localized reports themselves.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it, vi } from 'vitest';

// Each test starts CLI processes; on a loaded machine (CI with both cores busy) one can take over
// the default 20 s. A hang is still caught (the child processes have their own time limit).
vi.setConfig({ testTimeout: 90_000 });
import { runBatch } from '../../src/cli/batch.js';
import { csvLine, parseCsvText } from '../../src/core/csv.js';
import { plausibleFor } from '../../src/core/crs.js';
import { defaultKnowledgeBase } from '../../src/core/kb/load.js';
import { localizeReport, type LocalizedReport } from '../../src/core/localize.js';
import { NaError, type FactSource, type Location } from '../../src/core/types.js';
import { checkLocation, isOutsideAllData, memoizedAssessResults } from '../../src/sources/check.js';
import { loadSourcesFile } from '../../src/sources/node.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const kb = defaultKnowledgeBase();
const dir = mkdtempSync(join(tmpdir(), 'na-batch-identity-'));
const locate = (x: number, y: number): Location => plausibleFor({ x, y, crs: 'EPSG:28992' });

let sources: FactSource[] = [];
const rows: Array<{ id: string; x: number; y: number }> = [];
let file = '';

beforeAll(async () => {
  sources = await loadSourcesFile(join(root, 'demo/data/sources.json'));
  const known = (
    JSON.parse(readFileSync(join(root, 'demo/data/locations.json'), 'utf8')) as {
      locations: Array<{ x: number; y: number }>;
    }
  ).locations;
  for (let i = 0; i < 300; i++) {
    const p = known[i % known.length]!;
    // Every third row is a known place itself (repeated: memo hits); the others lie up to 500 m
    // around it (other polygons, other combinations); every 50th is outside all data.
    const dx = i % 3 === 0 ? 0 : (((i * 37) % 41) - 20) * 25;
    const dy = i % 3 === 0 ? 0 : (((i * 53) % 43) - 21) * 25;
    rows.push(
      i % 50 === 49
        ? { id: `r${i}`, x: 120000, y: 480000 }
        : { id: `r${i}`, x: p.x + dx, y: p.y + dy },
    );
  }
  file = join(dir, 'points.csv');
  writeFileSync(file, `id,x,y\n${rows.map((r) => `${r.id},${r.x},${r.y}`).join('\n')}\n`);
});

async function batch(format: 'csv' | 'json'): Promise<string> {
  const out: string[] = [];
  const code = await runBatch(
    {
      file,
      format,
      sources,
      kb,
      lang: 'nl',
      locate,
      outside: () => 'outside',
      isInputError: (e: unknown): e is Error => e instanceof NaError,
      progress: false,
    },
    { out: (t) => out.push(t), err: () => undefined },
  );
  expect(code).toBe(2); // the rows outside all data
  return out.join('');
}

/** The plain path: no memo, the whole localized report (as `check x y --format json`). */
async function plain(r: { x: number; y: number }): Promise<LocalizedReport | undefined> {
  const report = await checkLocation(sources, locate(r.x, r.y), kb);
  return isOutsideAllData(report) ? undefined : localizeReport(report, kb, 'nl');
}

/** The CSV columns of a localized report, as the batch wrote them before its shortcuts. */
function columns(id: string, rep: LocalizedReport): string {
  const fact = (n: string) => rep.facts.find((f) => f.name === n && f.status === 'ok')?.value;
  return csvLine([
    id,
    rep.location?.x,
    rep.location?.y,
    rep.sources.some((s) => s.status === 'error') ? 'partial' : 'ok',
    rep.derived.landscapeType,
    fact('zone'),
    fact('soilCode'),
    rep.derived.texture,
    fact('gt'),
    rep.derived.hydrologicSoilGroup,
    rep.principles.map((p) => p.id).join(';'),
    rep.discouraged.map((d) => d.action).join(';'),
    rep.missing
      .filter((m) => m.kind === 'fact')
      .map((m) => (m.kind === 'fact' ? m.fact : ''))
      .join(';'),
    rep.illustrative,
    undefined,
  ]);
}

describe('check --csv gives what the single check gives (issue #13)', () => {
  it('300 rows of demo data: every CSV row equals the unmemoized, localized check', async () => {
    const lines = (await batch('csv')).trimEnd().split('\n');
    expect(lines).toHaveLength(rows.length + 1);
    let ok = 0;
    const combinations = new Set<string>();
    for (const [i, r] of rows.entries()) {
      const expected = await plain(r);
      const line = lines[i + 1]!;
      if (expected === undefined) {
        expect((await parseCsvText(line))[0]!.cells[3]).toBe('error');
        continue;
      }
      expect(line, r.id).toBe(columns(r.id, expected));
      combinations.add(line.slice(line.indexOf(',', line.indexOf(',', line.indexOf(',') + 1) + 1)));
      ok++;
    }
    expect(ok).toBeGreaterThan(250);
    // The sample covers many places, not one answer repeated.
    expect(combinations.size).toBeGreaterThan(15);
  });

  it('the JSON output equals the localized reports (location first, as assess puts it)', async () => {
    const items = JSON.parse(await batch('json')) as Array<{ id: string; report?: unknown }>;
    for (const [i, r] of rows.entries()) {
      const expected = await plain(r);
      if (expected === undefined) continue;
      expect(JSON.stringify(items[i]!.report), r.id).toBe(JSON.stringify(expected));
    }
  });

  it('the memo runs the rule engine once per distinct answer, keeps at most `size`, and copies the location in', async () => {
    const assess = memoizedAssessResults(2);
    const at = (x: number, y: number) => checkLocation(sources, locate(x, y), kb, { assess });
    const a = rows[0]!;
    const b = rows[1]!;
    const first = await at(a.x, a.y);
    const again = await at(a.x, a.y);
    expect(assess.misses).toBe(1);
    expect(assess.hits).toBe(1);
    expect(again).toEqual(first);
    const moved = await at(a.x + 1, a.y); // same polygons: same answers, another location
    expect(assess.hits).toBe(2);
    expect(moved.location?.x).toBe(a.x + 1);
    expect(moved.principles).toBe(first.principles);
    await at(b.x, b.y);
    await at(120000, 480000);
    expect(assess.misses).toBe(3);
    await at(a.x, a.y); // pushed out by the two newer answers
    expect(assess.misses).toBe(4);
  });
});
