/**
 * `natuurlijke-alliantie compare`: the built binary on scenario files over the demo data.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { toCrs } from '../../src/core/crs.js';
import { projectRoot } from '../helpers/shared.js';

const run = promisify(execFile);
const bin = resolve(projectRoot, 'bin/natuurlijke-alliantie.js');
async function cli(args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { cwd: projectRoot });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

// On the dekzand ridge of Voorbeeldstad (demo/data/locations.json "dekzandrug": Hn21, Gt VII).
const X = 195100;
const Y = 445450;
type Ring = Array<[number, number]>;
const rect = (x: number, y: number, w: number, h: number): Ring => [
  [X + x, Y + y],
  [X + x + w, Y + y],
  [X + x + w, Y + y + h],
  [X + x, Y + y + h],
  [X + x, Y + y],
];
const f = (type: string, rings: Ring[]) => ({
  type: 'Feature',
  properties: { type },
  geometry: { type: 'Polygon', coordinates: rings },
});
const rd = (name: string, features: unknown[]) => ({
  type: 'FeatureCollection',
  name,
  crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } },
  features,
});
const dir = mkdtempSync(join(tmpdir(), 'na-compare-'));
const write = (name: string, data: unknown) => {
  const p = join(dir, name);
  writeFileSync(p, typeof data === 'string' ? data : JSON.stringify(data));
  return p;
};
const grey = write(
  'grijs.geojson',
  rd('Grijs', [f('verharding', [rect(0, 0, 60, 60)]), f('dak', [rect(60, 0, 20, 60)])]),
);
const green = write(
  'groen.geojson',
  rd('Groen', [
    f('gras', [rect(0, 0, 60, 60), [...rect(10, 10, 20, 20)].reverse()]),
    f('wadi', [rect(10, 10, 20, 20)]),
    f('groen-dak', [rect(60, 0, 20, 60)]),
    f('bomen', [rect(0, 0, 60, 30)]),
  ]),
);

describe('natuurlijke-alliantie compare', () => {
  it('ranks scenarios and prints the JSON contract', async () => {
    const { code, stdout, stderr } = await cli(['compare', grey, green]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const r = JSON.parse(stdout);
    expect(r.ranking).toEqual(['Groen', 'Grijs']);
    const g = r.scenarios.find((s: { name: string }) => s.name === 'Groen');
    expect(Object.keys(g.fractions).sort()).toEqual(['blue', 'canopy', 'green', 'paved']);
    expect(g.fractions.green).toBeCloseTo(1, 3);
    expect(g.storage_m3).toBeCloseTo(0.25 * 400 + 0.03 * 1200, 3);
    expect(g.infiltration_effective_m3).toBeCloseTo(100, 3);
    expect(g.runoff.length).toBeGreaterThan(0);
    for (const key of ['event', 'future', 'runoff_mm', 'street_water_m3'])
      expect(g.runoff[0]).toHaveProperty(key);
    for (const key of ['in_line', 'against', 'neutral', 'score']) expect(g.fit).toHaveProperty(key);
    for (const key of ['domain', 'maximin', 'regret']) expect(g.robustness).toHaveProperty(key);
    expect(g.fit.measures.find((m: { type: string }) => m.type === 'wadi').verdict).toBe('in_line');
    // Why each number is what it is: per-cell conditions (text in the chosen language) and per-measure contributions.
    const cell = g.robustness.matrix[0];
    expect(typeof cell.explanation).toBe('string');
    expect(cell.conditions[0]).toHaveProperty('margin');
    expect(g.robustness).toHaveProperty('mean_pass_share');
    expect(g.contributions.find((c: { type: string }) => c.type === 'wadi').storage_m3).toBeCloseTo(
      100,
      3,
    );
  });

  it('gives the same result for a lon/lat file (RFC 7946) as for the RD file', async () => {
    const ll = {
      type: 'FeatureCollection',
      name: 'Grijs',
      features: [f('verharding', [rect(0, 0, 60, 60)]), f('dak', [rect(60, 0, 20, 60)])].map(
        (feat) => ({
          ...feat,
          geometry: {
            type: 'Polygon',
            coordinates: feat.geometry.coordinates.map((ring) =>
              ring.map((p) => toCrs(p, 'EPSG:28992', 'EPSG:4326')),
            ),
          },
        }),
      ),
    };
    const a = JSON.parse((await cli(['compare', grey])).stdout).scenarios[0];
    const b = JSON.parse((await cli(['compare', write('grijs-ll.geojson', ll)])).stdout)
      .scenarios[0];
    expect(b.area_m2).toBeCloseTo(a.area_m2, 0);
    expect(b.runoff[0].street_water_m3).toBeCloseTo(a.runoff[0].street_water_m3, 0);
  });

  it('prints CSV and text', async () => {
    const csv = await cli(['compare', grey, green, '--format', 'csv']);
    expect(csv.code).toBe(0);
    expect(csv.stdout.split('\n')[0]).toBe(
      'scenario,indicator,event,future,value,unit,threshold,pass,note',
    );
    // The robustness matrix is in the CSV: one row per cell and condition.
    expect(csv.stdout).toMatch(
      /^Grijs,cell\.street_water_low_point_depth,rain-T100,today,[\d.]+,m,0\.1,[01],<=$/m,
    );
    expect(csv.stdout).toMatch(/^Groen,measure\.1\.storage,/m);
    expect(csv.stdout).toMatch(/^Groen,street_water,T100,today,/m);
    const text = await cli(['compare', grey, green, '--format', 'text']);
    expect(text.stdout).toContain('Rangorde: Groen > Grijs');
    expect(text.stdout).toContain('niet gehaald:');
    expect(text.stdout).toMatch(/#\d+ wadi 400 m²: 100, /);
    const en = await cli(['compare', grey, green, '--format', 'text', '--lang', 'en']);
    expect(en.stdout).toContain('Ranking: Groen > Grijs');
  });

  it('exits 2 with a clear message for bad input', async () => {
    const unknown = await cli([
      'compare',
      write('x.geojson', rd('X', [f('zwembad', [rect(0, 0, 10, 10)])])),
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown measure type "zwembad"/);
    const outside = await cli([
      'compare',
      write(
        'o.geojson',
        rd('O', [
          {
            ...f('gras', [rect(0, 0, 10, 10)]),
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [100000, 400000],
                  [100010, 400000],
                  [100010, 400010],
                  [100000, 400010],
                  [100000, 400000],
                ],
              ],
            },
          },
        ]),
      ),
    ]);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(/outside the data/);
    const invalid = await cli([
      'compare',
      write('i.geojson', rd('I', [f('gras', [rect(0, 0, 10, 10).slice(0, 3)])])),
    ]);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toMatch(/at least 4 positions/);
    const malformed = await cli(['compare', write('m.geojson', '{"type": "FeatureCollection", ')]);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toMatch(/m\.geojson:1:\d+/);
    expect(malformed.stderr).not.toMatch(/\n\s+at /);
    expect((await cli(['compare'])).code).toBe(2);
  });
});
