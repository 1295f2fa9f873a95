/**
 * `explain` shows the advice for the place, the example town apart from it ("Voorbeeld: …"), the
 * water model of the location with the facts that decided it, and deep floods get flood-proof
 * principles instead of rain-puddle ones (issue #9). Runs the built binary as a user would.
 */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/shared.js';

const run = promisify(execFile);
const bin = resolve(projectRoot, 'bin/natuurlijke-alliantie.js');

async function explain(facts: object, ...args: string[]): Promise<string> {
  const { stdout } = await run(
    process.execPath,
    [bin, 'explain', '--facts', JSON.stringify(facts), ...args],
    { cwd: projectRoot },
  );
  return stdout;
}

describe('explain: advice, example and water model', { timeout: 120_000 }, () => {
  it('prints the example town on its own line, not inside the advice (nl and en)', async () => {
    const facts = { landscapeType: 'stuwwal', position: 'flank', heat: 42 };
    const nl = await explain(facts, '--lang', 'nl', '--format', 'text');
    const lines = nl.split('\n');
    const i = lines.findIndex((l) => l.includes('Hitte temperen met groenblauwe zones'));
    expect(i).toBeGreaterThan(0);
    expect(lines[i + 1]).not.toContain('Velp');
    expect(lines[i + 2]?.trim()).toBe(
      'Voorbeeld: Velp (Rheden): het centrum is gevoelig voor hittestress.',
    );
    const en = await explain(facts, '--lang', 'en', '--format', 'text');
    expect(en).toContain('Example: Velp (Rheden): the centre is prone to heat stress.');
  });
  it('JSON: the example is a field of its own, and the water model says what decided it', async () => {
    const r = JSON.parse(
      await explain({ zone: 'Rg1', soilCode: 'Rd90A', gt: 'VI' }, '--format', 'json'),
    ) as {
      derived: { waterModel: string; waterModelFrom: string; infiltration: { verdict: string } };
      principles: Array<{ id: string; actions: string[] }>;
      discouraged: Array<{ action: string }>;
    };
    expect(r.derived.infiltration.verdict).toBe('discouraged');
    expect(r.derived.waterModel).toBe('fluctuatie');
    expect(r.derived.waterModelFrom).toBe('location');
    const discouraged = r.discouraged.map((d) => d.action);
    expect(discouraged).toContain('infiltreren');
    for (const p of r.principles)
      expect(p.actions.filter((a) => discouraged.includes(a))).toEqual([]);
    const velp = JSON.parse(
      await explain({ landscapeType: 'stuwwal', position: 'flank', heat: 42 }, '--format', 'json'),
    ) as { principles: Array<{ id: string; text: string; example?: string }> };
    const p = velp.principles.find((x) => x.id === 'rheden-hitte-groenblauwe-zones');
    expect(p?.example).toContain('Velp');
    expect(p?.text).not.toContain('Velp');
  });
  it('1.5 m of water: flood-proof building and vital functions, no lowered playground', async () => {
    const text = await explain(
      { zone: 'Rg2', soilCode: 'Rn47C', gt: 'IIIb', floodDepth: 1.5 },
      '--format',
      'text',
    );
    expect(text).toContain('Waterrobuust bouwen');
    expect(text).toContain('Vitale en kwetsbare functies blijven werken');
    expect(text).not.toContain('Een verlaagd speelterrein in de stroombaan');
  });
});
