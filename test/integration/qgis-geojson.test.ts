/**
 * GeoJSON interop with the GIS tools QGIS is built on (GDAL/OGR, installed with QGIS Server):
 * a location-check report exported as GeoJSON opens with its attributes, and scenarios saved as
 * GeoJSON by GDAL's writer (what QGIS uses: RD with a `crs` member, or RFC 7946 lon/lat) load back.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/core/scenario/scenario.js';
import { projectRoot } from '../helpers/shared.js';

const dir = mkdtempSync(join(tmpdir(), 'na-geojson-'));
const cli = (args: string[]) =>
  execFileSync(process.execPath, [resolve(projectRoot, 'bin/natuurlijke-alliantie.js'), ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
  });
const ogrinfo = (file: string) =>
  execFileSync('ogrinfo', ['-al', '-ro', file], { encoding: 'utf8' });

describe('GeoJSON that QGIS (GDAL/OGR) opens and writes', () => {
  it('a location-check report opens as a point with its attributes', () => {
    const file = join(dir, 'report.geojson');
    writeFileSync(file, cli(['check', '195138', '445488', '--format', 'geojson']));
    const info = ogrinfo(file);
    expect(info).toMatch(/Geometry: Point/);
    expect(info).toMatch(/Feature Count: 1/);
    expect(info).toMatch(/zone \(String\) = Dz1/);
    expect(info).toMatch(/landscape_type \(String\) = dekzand/);
    expect(info).toMatch(/soil_code \(String\) = Hn21/);
    expect(info).toMatch(/principles \(String\) = \S+/);
    expect(info).toMatch(/POINT \(5\.97\d+ 51\.99\d+\)/);
  });

  it('reports of a CSV of points open as one layer, one point per row', () => {
    const csv = join(dir, 'points.csv');
    writeFileSync(csv, 'id,x,y\nrug,195138,445488\nbeek,193738,446288\n');
    const file = join(dir, 'reports.geojson');
    writeFileSync(file, cli(['check', '--csv', csv, '--format', 'geojson']));
    const info = ogrinfo(file);
    expect(info).toMatch(/Feature Count: 2/);
    expect(info).toMatch(/id \(String\) = beek/);
    expect(info).toMatch(/zone \(String\) = Dz5/);
  });

  for (const [label, options] of [
    ['RD with a crs member', ['-lco', 'RFC7946=NO']],
    ['RFC 7946 lon/lat', ['-lco', 'RFC7946=YES', '-t_srs', 'EPSG:4326']],
  ] as const) {
    it(`a scenario written by GDAL's GeoJSON driver (${label}) loads back`, () => {
      const source = resolve(projectRoot, 'demo/data/scenarios/groenblauw.geojson');
      const out = join(dir, `groenblauw-${options[1]}.geojson`);
      execFileSync('ogr2ogr', ['-f', 'GeoJSON', ...options, out, source], { encoding: 'utf8' });
      const original = parseScenario(JSON.parse(readFileSync(source, 'utf8')), {
        fileName: source,
      });
      const back = parseScenario(JSON.parse(readFileSync(out, 'utf8')), { fileName: out });
      expect(back.features.map((f) => f.type)).toEqual(original.features.map((f) => f.type));
      const area = (s: typeof original) => s.features.reduce((a, f) => a + f.area, 0);
      expect(area(back)).toBeCloseTo(area(original), -1); // within ~5 m² on ~29 ha
      expect(back.features[0]?.properties).toHaveProperty('type');
    });
  }
});
