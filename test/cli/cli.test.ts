/**
 * The CLI is a stable contract: these tests run the built binary as a user would.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it, vi } from 'vitest';

// Each test starts CLI processes; on a loaded machine (CI with both cores busy) one can take over
// the default 20 s. A hang is still caught (the child processes have their own time limit).
vi.setConfig({ testTimeout: 90_000 });
import { toCrs } from '../../src/core/crs.js';
import { projectRoot } from '../helpers/shared.js';

const run = promisify(execFile);
const bin = resolve(projectRoot, 'bin/natuurlijke-alliantie.js');

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { cwd: projectRoot });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

interface DemoLocation {
  id: string;
  name: string;
  x: number;
  y: number;
  expect: {
    zone?: string;
    landscapeType?: string;
    soilCode?: string;
    gt?: string;
    builtUp?: boolean;
    outside?: boolean;
  };
}
const locations = JSON.parse(
  readFileSync(resolve(projectRoot, 'demo/data/locations.json'), 'utf8'),
) as DemoLocation[] | { locations: DemoLocation[] };
const demo: DemoLocation[] = Array.isArray(locations) ? locations : locations.locations;
const inside = demo.filter((l) => l.expect.zone && !l.expect.outside);
const outside = demo.find((l) => l.expect.outside || (!l.expect.zone && !l.expect.landscapeType));

describe('natuurlijke-alliantie check', () => {
  it.each(inside.map((l) => [l.id, l] as const))('reports the demo location %s', async (_id, l) => {
    const { code, stdout } = await cli(['check', String(l.x), String(l.y), '--format', 'json']);
    expect(code).toBe(0);
    const r = JSON.parse(stdout);
    expect(r.facts.find((f: { name: string }) => f.name === 'zone')?.value).toBe(l.expect.zone);
    if (l.expect.landscapeType) expect(r.derived.landscapeType).toBe(l.expect.landscapeType);
    if (l.expect.soilCode)
      expect(r.facts.find((f: { name: string }) => f.name === 'soilCode')?.value).toBe(
        l.expect.soilCode,
      );
    if (l.expect.gt)
      expect(r.facts.find((f: { name: string }) => f.name === 'gt')?.value).toBe(l.expect.gt);
    expect(r.illustrative).toBe(true);
    expect(Array.isArray(r.principles)).toBe(true);
    for (const p of r.principles) {
      expect(p).toHaveProperty('id');
      expect(p).toHaveProperty('scale');
      expect(Array.isArray(p.actions)).toBe(true);
      expect(Array.isArray(p.reasons)).toBe(true);
      expect(p.source.ref).toBeTruthy();
    }
    for (const s of r.sources) expect(['ok', 'no-data', 'error']).toContain(s.status);
  });

  it('says why the soil is missing in the built-up centre', async () => {
    const l = demo.find((d) => d.expect.builtUp);
    expect(l, 'a built-up demo location').toBeDefined();
    const { code, stdout } = await cli(['check', String(l!.x), String(l!.y), '--format', 'json']);
    expect(code).toBe(0);
    const r = JSON.parse(stdout);
    expect(r.missing).toContainEqual(
      expect.objectContaining({ kind: 'fact', fact: 'soilCode', reason: 'built-up-not-mapped' }),
    );
  });

  it('accepts lon/lat with --crs EPSG:4326 and gives the same zone', async () => {
    const l = inside[0]!;
    const [lon, lat] = toCrs([l.x, l.y], 'EPSG:28992', 'EPSG:4326');
    const { code, stdout } = await cli([
      'check',
      lon.toFixed(7),
      lat.toFixed(7),
      '--crs',
      'EPSG:4326',
      '--format',
      'json',
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).facts.find((f: { name: string }) => f.name === 'zone')?.value).toBe(
      l.expect.zone,
    );
  });

  it('prints a readable Dutch text report by default and English with --lang en', async () => {
    const l = inside[0]!;
    const nl = await cli(['check', String(l.x), String(l.y)]);
    expect(nl.code).toBe(0);
    expect(nl.stdout).toContain('Locatiecheck');
    expect(nl.stdout).toContain('Inrichtingsprincipes');
    expect(nl.stdout).toContain('illustratieve demodata');
    const en = await cli(['check', String(l.x), String(l.y), '--lang', 'en']);
    expect(en.stdout).toContain('Design principles');
  });

  it('exits 2 with a clear message for a point outside the data', async () => {
    const x = outside?.x ?? 100000;
    const y = outside?.y ?? 400000;
    const { code, stderr, stdout } = await cli(['check', String(x), String(y)]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/outside the data/);
    expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('exits 2 for a wrong CRS (RD numbers given as lon/lat)', async () => {
    const l = inside[0]!;
    const { code, stderr } = await cli(['check', String(l.x), String(l.y), '--crs', 'EPSG:4326']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/RD|28992/);
  });

  it('exits 2 for an unsupported CRS, a non-number and a missing coordinate', async () => {
    expect((await cli(['check', '1', '2', '--crs', 'EPSG:31370'])).code).toBe(2);
    const nan = await cli(['check', '155000,5', '463000']);
    expect(nan.code).toBe(2);
    expect(nan.stderr).toMatch(/decimal point/);
    expect((await cli(['check', '155000'])).code).toBe(2);
    expect((await cli(['frobnicate'])).code).toBe(2);
  });

  it('exits 2 for a malformed sources file and names the line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'na-cli-'));
    const file = join(dir, 'sources.json');
    writeFileSync(file, '{\n  "sources": [\n    { "id": "x", "type": "geojson", \n  ]\n}\n');
    const { code, stderr } = await cli(['check', '190000', '445000', '--data', file]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/sources\.json:\d+/);
    const missing = await cli(['check', '190000', '445000', '--data', join(dir, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/does not exist/);
  });

  it('checks a CSV of points, one report per row', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'na-cli-'));
    const file = join(dir, 'points.csv');
    const rows = inside.slice(0, 3);
    writeFileSync(file, ['id,x,y', ...rows.map((l) => `${l.id},${l.x},${l.y}`)].join('\n') + '\n');
    const csv = await cli(['check', '--csv', file]);
    expect(csv.code).toBe(0);
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^id,x,y,status,landscape_type,zone/);
    expect(lines).toHaveLength(rows.length + 1);
    rows.forEach((l, i) => expect(lines[i + 1]).toContain(`,${l.expect.zone},`));
    const json = await cli(['check', '--csv', file, '--format', 'json']);
    const parsed = JSON.parse(json.stdout);
    expect(parsed.map((r: { id: string }) => r.id)).toEqual(rows.map((l) => l.id));
    expect(parsed[0].report.facts.find((f: { name: string }) => f.name === 'zone').value).toBe(
      rows[0]!.expect.zone,
    );
  });

  it('reports bad CSV rows and exits 2, keeping the good rows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'na-cli-'));
    const file = join(dir, 'points.csv');
    const l = inside[0]!;
    writeFileSync(file, `id,x,y\nok,${l.x},${l.y}\nbad,abc,${l.y}\n`);
    const { code, stdout } = await cli(['check', '--csv', file]);
    expect(code).toBe(2);
    const lines = stdout.trim().split('\n');
    expect(lines[1]).toContain(`,${l.expect.zone},`);
    expect(lines[2]).toMatch(/^bad,.*,error,/);
  });
});

describe('natuurlijke-alliantie explain', () => {
  it('runs the rule engine on given facts', async () => {
    const { code, stdout } = await cli([
      'explain',
      '--facts',
      '{"zone":"Dz1","soilCode":"Hn21","gt":"VIId","position":"ridge"}',
    ]);
    expect(code).toBe(0);
    const r = JSON.parse(stdout);
    expect(r.derived.texture).toBe('zand');
    expect(r.derived.landscapeType).toBe('dekzand');
    expect(r.derived.hydrologicSoilGroup).toBe('A');
    expect(r.principles.length).toBeGreaterThan(0);
    expect(r.principles.some((p: { actions: string[] }) => p.actions.includes('infiltreren'))).toBe(
      true,
    );
    expect(r.discouraged.map((d: { action: string }) => d.action)).not.toContain('infiltreren');
  });

  it('discourages infiltration on peat with shallow groundwater', async () => {
    const { code, stdout } = await cli([
      'explain',
      '--facts',
      '{"zone":"Lv1","soilCode":"hVz","gt":"IIa"}',
    ]);
    expect(code).toBe(0);
    const r = JSON.parse(stdout);
    expect(r.derived.texture).toBe('veen');
    expect(r.discouraged.map((d: { action: string }) => d.action)).toContain('infiltreren');
  });

  it('exits 2 naming an unknown soil code, and on malformed JSON or unknown keys', async () => {
    const unknown = await cli(['explain', '--facts', '{"soilCode":"Qx99"}']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Qx99');
    const bad = await cli(['explain', '--facts', '{zone:']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/not valid JSON/);
    const key = await cli(['explain', '--facts', '{"colour":"red"}']);
    expect(key.code).toBe(2);
    expect(key.stderr).toContain('colour');
    const pos = await cli(['explain', '--facts', '{"position":"top"}']);
    expect(pos.code).toBe(2);
  });
});
