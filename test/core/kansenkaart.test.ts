/**
 * The pure kansenkaart core: grid alignment, classification by fact tuple, one report per tuple,
 * merging cells into rectangles, action states from a report, the summary and the exports.
 */
import { describe, expect, it } from 'vitest';
import { assess } from '../../src/core/assess.js';
import {
  buildKansenkaart,
  classifyGrid,
  gridFor,
  groupTuples,
  sampleGrid,
  tupleFromReport,
  unitAt,
  type CellLayer,
} from '../../src/core/kansenkaart/compute.js';
import {
  kansenkaartCsv,
  kansenkaartGeoJson,
  kansenkaartQml,
  kansenkaartSld,
  summarizeKansenkaart,
  summaryCsv,
} from '../../src/core/kansenkaart/output.js';
import { defaultKnowledgeBase } from '../../src/core/kb/load.js';
import type { Fact, FactName } from '../../src/core/types.js';

const kb = defaultKnowledgeBase();
const fact = (name: FactName, value: string | number): Fact =>
  ({ name, value, status: 'ok', provenance: { sourceId: 'test', title: 'test' } }) as Fact;

/** Left half x < 1000 is key 0, right half key 1; a second layer splits at y = 500. */
const layers: CellLayer[] = [
  { id: 'a', keyAt: (x) => (x < 1000 ? 0 : 1) },
  { id: 'b', keyAt: (_x, y) => (y < 500 ? 0 : 1) },
];

describe('kansenkaart core', () => {
  it('aligns the grid to multiples of the cell size', () => {
    expect(gridFor({ bbox: [990, 490, 1060, 560] }, 25)).toEqual({
      x0: 975,
      y0: 475,
      cols: 4,
      rows: 4,
      cellSize: 25,
    });
    expect(() => gridFor({ bbox: [0, 0, 0, 10] })).toThrow(/empty/);
    expect(() => gridFor({ bbox: [0, 0, 100_000, 100_000] }, 25)).toThrow(/more than/);
  });

  it('gives one tuple per distinct key combination and merges cells into rectangles', () => {
    const grid = gridFor({ bbox: [900, 400, 1100, 600] }, 25);
    const classified = classifyGrid(grid, layers);
    expect(classified.tupleKeys).toEqual([
      [0, 0],
      [1, 0],
      [0, 1],
      [1, 1],
    ]);
    const reports = classified.tupleKeys.map(([a, b]) =>
      assess([fact('zone', a === 0 ? 'Dz1' : 'Zk2'), fact('gt', b === 0 ? 'VII' : 'II')], kb),
    );
    const map = buildKansenkaart(classified, reports, kb);
    // Four quadrants, each one rectangle of 4 × 4 cells.
    expect(map.units.map((u) => [u.tuple, u.cells, u.bbox])).toEqual([
      [0, 16, [900, 400, 1000, 500]],
      [1, 16, [1000, 400, 1100, 500]],
      [2, 16, [900, 500, 1000, 600]],
      [3, 16, [1000, 500, 1100, 600]],
    ]);
    expect(map.cells).toBe(64);
    expect(map.areaHa).toBeCloseTo(4, 6);
    expect(unitAt(map, 1050, 550)?.tuple).toBe(3);
    expect(unitAt(map, 5000, 550)).toBeUndefined();
  });

  it('groups keys with the same facts into one tuple', () => {
    const grid = gridFor({ bbox: [900, 400, 1100, 600] }, 25);
    const sampled = sampleGrid(grid, layers);
    expect(groupTuples(sampled).tupleKeys).toHaveLength(4);
    // Layer b's keys 0 and 1 have the same facts: two tuples remain, one per key of layer a.
    const grouped = groupTuples(sampled, [
      new Map(),
      new Map([
        [0, 0],
        [1, 0],
      ]),
    ]);
    expect(grouped.tupleKeys).toEqual([
      [0, 0],
      [1, 0],
    ]);
    expect(grouped.tupleRawKeys).toEqual([
      [0, 0],
      [1, 0],
    ]);
  });

  it('leaves out cells whose centre is outside a boundary', () => {
    const grid = gridFor({ bbox: [0, 0, 100, 100] }, 25);
    const triangle = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [0, 0],
          [100, 0],
          [0, 100],
          [0, 0],
        ] as Array<[number, number]>,
      ],
    };
    const classified = classifyGrid(grid, [{ id: 'x', keyAt: () => 7 }], { boundary: triangle });
    const inside = [...classified.cellTuple].filter((t) => t >= 0).length;
    expect(inside).toBe(10); // the centres on or below x + y = 100 (on the edge counts as inside)
    const map = buildKansenkaart(classified, [assess([], kb)], kb);
    expect(map.cells).toBe(10);
  });

  it('reads advised, discouraged, missing and no-data from a report', () => {
    const dekzand = assess([fact('zone', 'Dz1'), fact('soilCode', 'Hn21'), fact('gt', 'VII')], kb);
    const t = tupleFromReport(0, dekzand, kb);
    const advised = new Set(dekzand.principles.flatMap((p) => p.actions));
    const discouraged = new Set(dekzand.discouraged.map((d) => d.action));
    for (const [action, state] of Object.entries(t.states)) {
      if (discouraged.has(action as never)) expect(state).toBe('discouraged');
      else if (advised.has(action as never)) expect(state).toBe('advised');
      else expect(['missing', 'neutral']).toContain(state);
    }
    expect(Object.values(t.states)).toContain('advised');
    expect(t.waterModel).toBe(dekzand.landscape.type?.waterModel);
    const noData = assess(
      {
        facts: [],
        sources: [{ id: 's', title: 's', status: 'no-data', reason: 'outside-coverage' }],
      },
      kb,
    );
    expect(new Set(Object.values(tupleFromReport(1, noData, kb).states))).toEqual(
      new Set(['no-data']),
    );
  });

  it('sums the area per state and ranks principles per landscape type', () => {
    const grid = gridFor({ bbox: [900, 400, 1100, 600] }, 25);
    const classified = classifyGrid(grid, layers);
    const reports = classified.tupleKeys.map(([a]) =>
      assess([fact('zone', a === 0 ? 'Dz1' : 'Zk2')], kb),
    );
    const map = buildKansenkaart(classified, reports, kb);
    const summary = summarizeKansenkaart(map, kb);
    for (const a of summary.actions) {
      const total = Object.values(a.ha).reduce((s, v) => s + v, 0);
      expect(total).toBeCloseTo(4, 6);
    }
    expect(summary.landscapes.map((l) => l.landscapeType).sort()).toEqual(
      [reports[0]!.landscape.type!.id, reports[1]!.landscape.type!.id].sort(),
    );
    for (const l of summary.landscapes) expect(l.principles.length).toBeLessThanOrEqual(3);
    const csv = summaryCsv(summary);
    expect(csv.split('\n')[0]).toMatch(/^section,key,advised_ha,advised_share/);
    expect(csv).toMatch(/^action,infiltreren,/m);
    const geojson = kansenkaartGeoJson(map, 'infiltreren');
    expect(geojson.features).toHaveLength(4);
    expect(geojson.features[0]!.properties).toMatchObject({
      action: 'infiltreren',
      state: map.tuples[0]!.states.infiltreren,
      infiltreren: map.tuples[0]!.states.infiltreren,
      niet_diep_bouwen: map.tuples[0]!.states['niet-diep-bouwen'],
    });
    expect(kansenkaartCsv(map, 'koelen').split('\n')[0]).toMatch(
      /^unit,tuple,area_ha,action,state/,
    );
    expect(kansenkaartQml()).toMatch(/attr="state"/);
    expect(kansenkaartSld({ lang: 'en' })).toMatch(/<se:Title>Discouraged<\/se:Title>/);
  });
});
