/**
 * `natuurlijke-alliantie kansenkaart` on the demo data (in process, through `main`): the export
 * and its styles, the summary as text, JSON and CSV, and clear messages (exit 2) on bad input.
 * Opening the export with GDAL is in test/integration/kansenkaart-qgis.test.ts.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { ACTIONS } from '../../src/core/types.js';

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}
const dir = mkdtempSync(join(tmpdir(), 'na-kansen-cli-'));
const BBOX = ['192000', '444000', '194000', '446000'];

describe('natuurlijke-alliantie kansenkaart', () => {
  it('writes GeoJSON with flat attributes and a QML and SLD next to it', async () => {
    const out = join(dir, 'kansen.geojson');
    const r = await cli([
      'kansenkaart',
      '--bbox',
      ...BBOX,
      '--action',
      'grondwater-hoog',
      '--out',
      out,
    ]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const fc = JSON.parse(readFileSync(out, 'utf8')) as {
      features: Array<{
        properties: Record<string, unknown>;
        geometry: { coordinates: number[][][] };
      }>;
    };
    expect(fc.features.length).toBeGreaterThan(10);
    const area = fc.features.reduce((s, f) => s + (f.properties.area_ha as number), 0);
    expect(area).toBeCloseTo(400, 3); // 2 × 2 km
    for (const f of fc.features) {
      expect(f.properties.action).toBe('grondwater-hoog');
      expect(f.properties.state).toBe(f.properties.grondwater_hoog);
      for (const a of ACTIONS)
        expect(['advised', 'discouraged', 'missing', 'neutral', 'no-data']).toContain(
          f.properties[a.replace(/-/g, '_')],
        );
    }
    expect(readFileSync(join(dir, 'kansen.qml'), 'utf8')).toMatch(/categorizedSymbol/);
    expect(readFileSync(join(dir, 'kansen.sld'), 'utf8')).toMatch(/StyledLayerDescriptor/);
    expect(r.out).toMatch(/^Kansenkaart: 400 ha/);
    expect(r.out).toMatch(/Regenwater in de bodem laten zakken: /);
  });

  it('gives the summary as JSON and CSV, the same areas', async () => {
    const json = await cli([
      'kansenkaart',
      '--bbox',
      BBOX.join(','),
      '--format',
      'json',
      '--out',
      join(dir, 'k.csv'),
    ]);
    expect(json.code).toBe(0);
    const s = JSON.parse(json.out) as {
      areaHa: number;
      actions: Array<{ action: string; ha: Record<string, number> }>;
      landscapes: Array<{ principles: unknown[] }>;
    };
    expect(s.areaHa).toBe(400);
    const inf = s.actions.find((a) => a.action === 'infiltreren')!;
    expect(Object.values(inf.ha).reduce((a, b) => a + b, 0)).toBeCloseTo(400, 1);
    expect(s.landscapes.length).toBeGreaterThan(0);
    const csv = await cli([
      'kansenkaart',
      '--bbox',
      ...BBOX,
      '--format',
      'csv',
      '--out',
      join(dir, 'k.csv'),
    ]);
    expect(csv.out).toMatch(new RegExp(`^action,infiltreren,${inf.ha.advised},`, 'm'));
    expect(readFileSync(join(dir, 'k.csv'), 'utf8').split('\n')[0]).toMatch(/^unit,tuple,area_ha/);
  });

  it('maps only inside a boundary', async () => {
    const boundary = join(dir, 'boundary.geojson');
    writeFileSync(
      boundary,
      JSON.stringify({
        type: 'Feature',
        properties: {},
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [192000, 444000],
              [193000, 444000],
              [193000, 445000],
              [192000, 445000],
              [192000, 444000],
            ],
          ],
        },
      }),
    );
    const r = await cli([
      'kansenkaart',
      '--area',
      boundary,
      '--format',
      'json',
      '--out',
      join(dir, 'b.geojson'),
    ]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as { areaHa: number }).areaHa).toBe(100);
  });

  it.each([
    [['kansenkaart', '--bbox', ...BBOX], /needs --out/],
    [['kansenkaart', '--bbox', '1', '2', '--out', 'x.geojson'], /four numbers|not in EPSG:28992/],
    [
      ['kansenkaart', '--bbox', '5.9', '51.9', '6.0', '52.0', '--out', 'x.geojson'],
      /not in EPSG:28992/,
    ],
    [['kansenkaart', '--bbox', ...BBOX, '--out', 'x.shp'], /must end in/],
    [
      ['kansenkaart', '--bbox', ...BBOX, '--action', 'vliegen', '--out', 'x.geojson'],
      /is not an action/,
    ],
    [['kansenkaart', '--area', join(dir, 'missing.geojson'), '--out', 'x.geojson'], /boundary/],
    [
      ['kansenkaart', '--bbox', '100000', '400000', '160000', '460000', '--out', 'x.geojson'],
      /more than/,
    ],
  ])('exits 2 with a clear message on %j', async (args, message) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(existsSync('x.geojson')).toBe(false);
  });
});
