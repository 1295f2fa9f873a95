/**
 * The demo's land-use layer (demo/data/landuse.geojson, ILLUSTRATIVE) gives the `landUse` fact, so
 * the cahier's fire-risk water buffer (Breda: "heide- en bosgebieden of juist bedrijventerrein")
 * fires where heath or forest lies on dry sand, and not on fields on the same sand.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { projectRoot } from '../helpers/shared.js';

interface Location {
  id: string;
  x: number;
  y: number;
  expect: { landUse?: string | null; soilCode?: string | null; gt?: string | null };
}
const locations = (
  JSON.parse(readFileSync(resolve(projectRoot, 'demo/data/locations.json'), 'utf8')) as {
    locations: Location[];
  }
).locations;
const at = (id: string): Location => {
  const l = locations.find((x) => x.id === id);
  if (!l) throw new Error(`no demo location ${id}`);
  return l;
};

async function check(l: Location): Promise<{
  facts: Array<{ name: string; value?: unknown; source?: { id?: string } }>;
  principles: Array<{ id: string; reason: string }>;
}> {
  let out = '';
  let err = '';
  const code = await main(
    [
      'check',
      String(l.x),
      String(l.y),
      '--data',
      resolve(projectRoot, 'demo/data/sources.json'),
      '--format',
      'json',
    ],
    { out: (t) => (out += t), err: (t) => (err += t) },
  );
  expect(code, err).toBe(0);
  return JSON.parse(out) as never;
}

const FIRE = 'breda-waterbuffer-bij-brandgevaar';

describe('demo land use reaches the advice', () => {
  it('stuwwal top (heath on dry sand, Hd30, Gt VIIId): the fire-risk water buffer applies', async () => {
    const l = at('stuwwal-top');
    expect(l.expect.landUse).toBe('heide');
    const r = await check(l);
    const landUse = r.facts.find((f) => f.name === 'landUse');
    expect(landUse?.value).toBe('heide');
    expect(landUse?.source?.id).toBe('grondgebruik');
    const fire = r.principles.find((p) => p.id === FIRE);
    expect(fire, 'fire-risk buffer at the stuwwal top').toBeDefined();
    expect(fire?.reason).toMatch(/heide/i);
  });

  it('dekzandrug by the ven (heath on dry sand, Gt VII): the fire-risk water buffer applies', async () => {
    const r = await check(at('dekzandrug'));
    expect(r.principles.map((p) => p.id)).toContain(FIRE);
  });

  it('the es (fields on sand, Gt VI) and the river ridge (fields): no fire-risk buffer', async () => {
    for (const id of ['es', 'stroomrug']) {
      const l = at(id);
      expect(l.expect.landUse).toBe('akker');
      const r = await check(l);
      expect(r.facts.find((f) => f.name === 'landUse')?.value).toBe('akker');
      expect(r.principles.map((p) => p.id)).not.toContain(FIRE);
    }
  });
});
