/**
 * One indicator model (issue #12): the comparer's table and CSV export and the CLI's CSV and JSON
 * read the same indicators from src/core/scenario/indicator-table.ts, so a key, its unit and its
 * value agree everywhere.
 */
import { describe, expect, it } from 'vitest';
import { compareCsv, compareJson } from '../../src/cli/compare.js';
import { parseCsvText } from '../../src/core/csv.js';
import { defaultKnowledgeBase } from '../../src/core/kb/load.js';
import { compareScenarios } from '../../src/core/scenario/compare.js';
import { SCENARIO_INDICATORS, indicatorRows } from '../../src/core/scenario/indicator-table.js';
import { naturalSystem } from '../../src/core/scenario/overlay.js';
import { resolveParams } from '../../src/core/scenario/params.js';
import { parseScenario } from '../../src/core/scenario/scenario.js';
import { indicatorsCsv } from '../../widgets/scenario-compare/export.js';

const X = 195100;
const Y = 445450;
const rect = (x: number, y: number, w: number, h: number) => [
  [
    [X + x, Y + y],
    [X + x + w, Y + y],
    [X + x + w, Y + y + h],
    [X + x, Y + y + h],
    [X + x, Y + y],
  ],
];
const scenario = (name: string, features: Array<[string, number[][][]]>) =>
  parseScenario(
    {
      type: 'FeatureCollection',
      name,
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } },
      features: features.map(([type, coordinates]) => ({
        type: 'Feature',
        properties: { type },
        geometry: { type: 'Polygon', coordinates },
      })),
    },
    { fileName: `${name}.geojson` },
  );

const result = compareScenarios(
  [
    scenario('Grijs', [
      ['verharding', rect(0, 0, 60, 60)],
      ['dak', rect(60, 0, 20, 60)],
    ]),
    scenario('Groen', [
      ['gras', rect(0, 0, 60, 60)],
      ['wadi', rect(60, 0, 20, 20)],
      ['bomen', rect(60, 20, 20, 40)],
    ]),
  ],
  naturalSystem({}),
  defaultKnowledgeBase(),
);
const params = resolveParams({});

describe('the indicator model', () => {
  it('has unique keys, each with a label, an explanation, units and a direction', () => {
    const keys = SCENARIO_INDICATORS.map((i) => i.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const i of SCENARIO_INDICATORS) {
      expect(i.label).toMatch(/^row_/);
      expect(i.explain).toMatch(/^explain_/);
      expect(['higher', 'lower', 'none']).toContain(i.better);
    }
  });

  it('gives the table and the CLI CSV the same value for every indicator (shown = raw × scale)', async () => {
    const rows = indicatorRows(result, params);
    const cli = (await parseCsvText(compareCsv(result))).map((r) => r.cells);
    const header = cli[0]!;
    const col = (name: string) => header.indexOf(name);
    for (const ind of SCENARIO_INDICATORS) {
      const row = rows.find((r) => r.key === ind.key);
      if (ind.optional && !row) continue;
      expect(row, ind.key).toBeDefined();
      expect(row!.unit).toBe(ind.unit);
      result.scenarios.forEach((s, i) => {
        const line = cli.find(
          (r) => r[col('scenario')] === s.name && r[col('indicator')] === ind.key,
        );
        expect(line, `${s.name} ${ind.key} in the CLI CSV`).toBeDefined();
        expect(line![col('unit')]).toBe(ind.raw);
        const raw = Number(line![col('value')]);
        expect(row!.values[i]).toBeCloseTo(raw * ind.scale, 6);
      });
    }
  });

  it('gives the widget CSV the table rows, and the JSON the units and directions', async () => {
    const rows = indicatorRows(result, params);
    const csv = (
      await parseCsvText(
        indicatorsCsv(
          result,
          rows,
          (r) => r.label,
          (r) => r.unit,
          () => 'test',
        ),
      )
    ).map((r) => r.cells);
    const paved = csv.find((r) => r[0] === 'paved_share')!;
    const row = rows.find((r) => r.key === 'paved_share')!;
    expect(paved[2]).toBe('pct');
    expect(Number(paved[3])).toBeCloseTo(row.values[0]!, 2);
    const json = compareJson(result, 'nl');
    expect(json.indicators.map((i) => i.key)).toEqual(SCENARIO_INDICATORS.map((i) => i.key));
    expect(json.indicators.find((i) => i.key === 'paved_share')).toEqual({
      key: 'paved_share',
      unit: 'share',
      higher_is_better: false,
    });
    expect(json.indicators.find((i) => i.key === 'blue_share')!.higher_is_better).toBe(null);
  });
});
