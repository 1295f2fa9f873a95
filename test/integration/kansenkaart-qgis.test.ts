/**
 * The kansenkaart export opens in GDAL and QGIS with its style: `natuurlijke-alliantie kansenkaart`
 * writes .gpkg and .fgb (through ogr2ogr) with a .qml and .sld beside them; ogrinfo reads the
 * layers and their flat attributes, and PyQGIS (QGIS 3.22, headless: kansenkaart_render.py) loads
 * the GeoPackage with each style and renders it: a pixel in the middle of each large unit has the
 * colour of its state (src/core/kansenkaart/output.ts STATE_COLOURS).
 *
 * Run: npx vitest run --config vitest.integration.config.ts test/integration/kansenkaart-qgis.test.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { STATE_COLOURS } from '../../src/core/kansenkaart/output.js';
import type { ActionState } from '../../src/core/kansenkaart/compute.js';
import { decodePng, hexRgb, pixelAt } from '../helpers/png.js';
import { projectRoot } from '../helpers/shared.js';

const dir = mkdtempSync(join(tmpdir(), 'na-kansen-qgis-'));
const BBOX = ['192000', '444000', '194000', '446000'];
const SIZE = 400;

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

interface Rendered {
  valid: boolean;
  styleLoaded: boolean;
  styleMessage: string;
  featureCount: number;
  crs: string;
  renderer: string;
  attr?: string;
  categories?: Array<{ value: string; colour: string }>;
  visibleExtent: [number, number, number, number];
}

function render(data: string, style: string, png: string): Rendered {
  const script = resolve(projectRoot, 'test/integration/kansenkaart_render.py');
  const out = execFileSync('/usr/bin/python3', [script, data, style, png, String(SIZE)], {
    encoding: 'utf8',
    env: { ...process.env, QT_QPA_PLATFORM: 'offscreen' },
  });
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as Rendered;
}

describe('kansenkaart export in GDAL and QGIS', () => {
  it('writes .gpkg and .fgb that ogrinfo reads with the flat attributes', async () => {
    const geojson = join(dir, 'kansen.geojson');
    expect((await cli(['kansenkaart', '--bbox', ...BBOX, '--out', geojson])).code).toBe(0);
    const count = (JSON.parse(readFileSync(geojson, 'utf8')) as { features: unknown[] }).features
      .length;
    for (const ext of ['gpkg', 'fgb']) {
      const file = join(dir, `kansen.${ext}`);
      const r = await cli(['kansenkaart', '--bbox', ...BBOX, '--out', file]);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      const info = execFileSync('ogrinfo', ['-so', '-al', file], { encoding: 'utf8' });
      expect(info).toMatch(new RegExp(`Feature Count: ${count}\\b`));
      expect(info).toMatch(/Amersfoort \/ RD New|EPSG","28992"|28992/);
      for (const field of ['state', 'reason', 'infiltreren', 'niet_diep_bouwen', 'water_model'])
        expect(info).toMatch(new RegExp(`^${field}: String`, 'm'));
    }
  });

  for (const styleExt of ['qml', 'sld']) {
    it(`QGIS draws each state in its colour with the ${styleExt.toUpperCase()}`, async () => {
      const gpkg = join(dir, `styled-${styleExt}.gpkg`);
      const geojson = join(dir, `styled-${styleExt}.geojson`);
      expect((await cli(['kansenkaart', '--bbox', ...BBOX, '--out', gpkg])).code).toBe(0);
      expect((await cli(['kansenkaart', '--bbox', ...BBOX, '--out', geojson])).code).toBe(0);
      const png = join(dir, `styled-${styleExt}.png`);
      const r = render(gpkg, join(dir, `styled-${styleExt}.${styleExt}`), png);
      expect(r.valid).toBe(true);
      expect(r.styleLoaded).toBe(true);
      expect(r.crs).toBe('EPSG:28992');
      if (styleExt === 'qml') {
        expect(r.attr).toBe('state');
        expect(r.categories?.map((c) => c.value)).toEqual([
          'advised',
          'discouraged',
          'missing',
          'neutral',
          'no-data',
        ]);
      }
      const image = decodePng(readFileSync(png));
      const [ex0, ey0, ex1, ey1] = r.visibleExtent;
      const features = (
        JSON.parse(readFileSync(geojson, 'utf8')) as {
          features: Array<{
            properties: { state: ActionState };
            geometry: { coordinates: number[][][] };
          }>;
        }
      ).features;
      let checked = 0;
      const seen = new Set<string>();
      for (const f of features) {
        const ring = f.geometry.coordinates[0]!;
        const [x0, y0] = ring[0] as [number, number];
        const [x1, y1] = ring[2] as [number, number];
        const state = f.properties.state;
        if (x1 - x0 < 50 || y1 - y0 < 50) continue; // ≥ 10 px each way: no edge pixels
        if (state === 'missing' || state === 'no-data') continue; // hatched / unfilled
        const px = Math.floor((((x0 + x1) / 2 - ex0) / (ex1 - ex0)) * image.width);
        const py = Math.floor(((ey1 - (y0 + y1) / 2) / (ey1 - ey0)) * image.height);
        const [r0, g0, b0] = pixelAt(image, px, py);
        const [er, eg, eb] = hexRgb(STATE_COLOURS[state]);
        expect(Math.abs(r0 - er) + Math.abs(g0 - eg) + Math.abs(b0 - eb)).toBeLessThan(12);
        checked++;
        seen.add(state);
      }
      expect(checked).toBeGreaterThan(3);
      expect(seen.size).toBeGreaterThan(1);
    });
  }
});
