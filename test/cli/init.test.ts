/**
 * `natuurlijke-alliantie init`: the starter folder for an embedding (src/cli/init.ts), run through
 * the CLI's own entry (main) as a user would, and checked by using what it wrote.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { TEMPLATE_PRESETS } from '../../src/cli/init.js';
import { parseSourcesConfig } from '../../src/sources/config.js';
import { PRESET_NAMES } from '../../src/sources/presets.js';
import { projectRoot } from '../helpers/shared.js';

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const known = (
  JSON.parse(readFileSync(resolve(projectRoot, 'demo/data/locations.json'), 'utf8')) as {
    locations: Array<{
      id: string;
      x: number;
      y: number;
      expect: { zone?: string | null; landUse?: string | null };
    }>;
  }
).locations.filter((l) => typeof l.expect.zone === 'string');

const temp: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'na-init-'));
  temp.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of temp) rmSync(dir, { recursive: true, force: true });
});

describe('natuurlijke-alliantie init', () => {
  it('writes a demo setup that doctor reports as all ok (exit 0, no warning, no error)', async () => {
    const dir = join(tempDir(), 'natuurlijk-systeem');
    expect((await cli(['init', dir])).code).toBe(0);
    const d = await cli(['doctor', '--data', join(dir, 'sources.json'), '--format', 'json']);
    expect(d.code, d.out + d.err).toBe(0);
    const report = JSON.parse(d.out) as unknown;
    const lines = JSON.stringify(report);
    expect(lines).not.toMatch(/"(warning|error)"/);
    // every demo source was sampled, so its properties were checked too
    for (const id of ['zonering', 'bodem', 'grondwater', 'grondgebruik']) {
      expect(lines).toContain(`"${id}"`);
    }
    expect(lines.match(/"sample"/g)?.length).toBe(4);
  });

  it('writes a working demo setup: check on the written sources.json finds every known zone', async () => {
    const dir = join(tempDir(), 'natuurlijk-systeem');
    const r = await cli(['init', dir]);
    expect(r.code, r.err).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([
      'README.md',
      'groundwater.geojson',
      'landuse.geojson',
      'soil.geojson',
      'sources.gemeente.json',
      'sources.json',
      'zonering.geojson',
    ]);
    expect(r.out).toContain('sources.json');
    expect(known.length).toBeGreaterThan(2);
    for (const place of known) {
      const c = await cli([
        'check',
        String(place.x),
        String(place.y),
        '--data',
        join(dir, 'sources.json'),
        '--format',
        'json',
      ]);
      expect(c.code, c.err).toBe(0);
      const report = JSON.parse(c.out) as {
        landscape: { zone?: { code: string } };
        facts: Array<{ name: string; value?: unknown }>;
      };
      expect(report.landscape.zone?.code).toBe(place.expect.zone);
      // the land-use layer gives the landUse fact at every known place
      const landUse = report.facts.find((f) => f.name === 'landUse');
      expect(landUse?.value, place.id).toBe(place.expect.landUse);
    }
  });

  it('uses only relative paths that exist in the folder, in both sources files', async () => {
    const dir = tempDir();
    expect((await cli(['init', dir])).code).toBe(0);
    for (const name of ['sources.json', 'sources.gemeente.json']) {
      const data = JSON.parse(readFileSync(join(dir, name), 'utf8')) as {
        sources: Array<{ path?: string; url?: string }>;
      };
      expect(data.sources.length).toBeGreaterThan(0);
      for (const s of data.sources) {
        expect(s.url, `${name}: a url in the template`).toBeUndefined();
        expect(s.path, name).toMatch(/^[^/\\][^:]*$/);
        expect(statSync(join(dir, s.path ?? '')).isFile()).toBe(true);
      }
    }
  });

  it('the template extends the national presets and is otherwise a valid sources file', async () => {
    const dir = tempDir();
    expect((await cli(['init', dir])).code).toBe(0);
    const text = readFileSync(join(dir, 'sources.gemeente.json'), 'utf8');
    const data = JSON.parse(text) as { extends: string[] };
    expect(data.extends).toEqual([...TEMPLATE_PRESETS]);
    // Presets of other branches (klimaateffectatlas) may be unknown here: validate with the known ones.
    const knownOnly = {
      ...data,
      extends: data.extends.filter((p) => (PRESET_NAMES as readonly string[]).includes(p)),
    };
    const config = parseSourcesConfig(JSON.stringify(knownOnly), 'sources.gemeente.json');
    expect(config.sources.some((s) => s.id === 'zonering')).toBe(true);
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    for (const file of readdirSync(dir)) if (file !== 'README.md') expect(readme).toContain(file);
  });

  it('does not overwrite existing files without --force (exit 2, a message, the file unchanged)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'sources.json'), '{"sources": []}\n');
    const r = await cli(['init', dir]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/already holds sources\.json.*--force/);
    expect(readFileSync(join(dir, 'sources.json'), 'utf8')).toBe('{"sources": []}\n');
    expect(readdirSync(dir)).toEqual(['sources.json']);
    const forced = await cli(['init', dir, '--force']);
    expect(forced.code, forced.err).toBe(0);
    expect(readFileSync(join(dir, 'sources.json'), 'utf8')).toContain('zonering.geojson');
  });

  it('rejects unknown options and a second folder with exit 2 and the usage', async () => {
    for (const args of [
      ['init', '--frobnicate'],
      ['init', 'a', 'b'],
    ]) {
      const r = await cli(args);
      expect(r.code).toBe(2);
      expect(r.err).toContain('natuurlijke-alliantie init');
    }
  });
});
