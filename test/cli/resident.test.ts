/**
 * The CLI for residents (issue #15): the summary first in every text report, `--audience bewoner`
 * with the plot scale first and the city's principles folded, and source lines a reader can find.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
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
  x: number;
  y: number;
  expect: { zone?: string | null; outside?: boolean };
}
const raw = JSON.parse(readFileSync(resolve(projectRoot, 'demo/data/locations.json'), 'utf8')) as
  DemoLocation[] | { locations: DemoLocation[] };
const demo = (Array.isArray(raw) ? raw : raw.locations).filter(
  (l) => l.expect.zone && !l.expect.outside,
);
const dekzandrug = demo.find((l) => l.id === 'dekzandrug') ?? demo[0];

/** Internal documents and section marks that must never reach a reader. */
const INTERNAL = /BRIEF|§|SERVICES\.md|\.md\b|[Ss]ynthesis|Description, typical position/;

describe('CLI for residents', () => {
  it('puts the summary first in the text report, with why and how firm', async () => {
    if (!dekzandrug) throw new Error('no demo location');
    const { code, stdout } = await cli(['check', String(dekzandrug.x), String(dekzandrug.y)]);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    const answer = lines.indexOf('In het kort');
    expect(answer).toBeGreaterThan(0);
    expect(answer).toBeLessThan(lines.indexOf('Landschap'));
    expect(stdout).toContain('Regenwater kan hier de grond in.');
    expect(stdout).toMatch(/\(zekerheid: (zeker|redelijk zeker|onzeker)/);
    const en = await cli(['check', String(dekzandrug.x), String(dekzandrug.y), '--lang', 'en']);
    expect(en.stdout.split('\n')).toContain('In short');
    expect(en.stdout).toContain('Rainwater can soak into the ground here.');
  });

  it('carries the summary in the JSON report', async () => {
    if (!dekzandrug) throw new Error('no demo location');
    const { stdout } = await cli([
      'check',
      String(dekzandrug.x),
      String(dekzandrug.y),
      '--format',
      'json',
    ]);
    const r = JSON.parse(stdout) as {
      summary: Array<{ text: string; reason: string; confidence: string; missing: string[] }>;
    };
    expect(r.summary.length).toBeGreaterThanOrEqual(3);
    expect(r.summary.length).toBeLessThanOrEqual(5);
    for (const line of r.summary) {
      expect(line.text.length).toBeGreaterThan(0);
      expect(line.reason.length).toBeGreaterThan(0);
      expect(['hoog', 'middel', 'laag']).toContain(line.confidence);
    }
  });

  it('--audience bewoner: plot first, the city folded, the unjudged advice in one line', async () => {
    if (!dekzandrug) throw new Error('no demo location');
    const at = [String(dekzandrug.x), String(dekzandrug.y)];
    const resident = await cli(['check', ...at, '--audience', 'bewoner']);
    expect(resident.code).toBe(0);
    const out = resident.stdout;
    expect(out).toContain('  perceel/tuin');
    expect(out.indexOf('  perceel/tuin')).toBeLessThan(out.indexOf('  straat'));
    expect(out).toContain('  Wat de gemeente hier doet');
    expect(out).not.toContain('  regio/stad');
    expect(out).not.toMatch(/\(wijk\/dorp\): hangt af van|\(regio\/stad\): hangt af van/);
    const professional = await cli(['check', ...at]);
    expect(professional.stdout).toContain('  regio/stad');
    expect(professional.stdout.indexOf('  regio/stad')).toBeLessThan(
      professional.stdout.indexOf('  perceel/tuin'),
    );
    const explicit = await cli(['check', ...at, '--audience', 'professional']);
    expect(explicit.stdout).toBe(professional.stdout);
  });

  it('--audience bewoner folds the principles that cannot be judged into one line', async () => {
    const { code, stdout } = await cli([
      'explain',
      '--facts',
      '{"zone":"Dz1"}',
      '--format',
      'text',
      '--audience',
      'bewoner',
    ]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Voor \d+ adviezen ontbreken gegevens: .*Grondwatertrap/);
    expect(stdout).not.toContain('hangt af van');
  });

  it('exits 2 naming the allowed audiences', async () => {
    const { code, stderr } = await cli(['explain', '--facts', '{"zone":"Dz1"}', '--audience', 'x']);
    expect(code).toBe(2);
    expect(stderr).toContain('--audience must be professional or bewoner, not "x"');
  });

  it('never names an internal document in a source line (two demo locations)', async () => {
    let sourceLines = 0;
    for (const l of demo.filter((d) => ['dekzandrug', 'laagveen'].includes(d.id))) {
      for (const audience of ['bewoner', 'professional']) {
        const { stdout } = await cli(['check', String(l.x), String(l.y), '--audience', audience]);
        for (const line of stdout.split('\n')) {
          if (!/\bbron: /.test(line)) continue;
          sourceLines++;
          expect(line, l.id).not.toMatch(INTERNAL);
        }
      }
    }
    expect(sourceLines).toBeGreaterThan(10);
  });
});
