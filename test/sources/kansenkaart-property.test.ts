/**
 * Property test: the kansenkaart agrees with the location check. Random points in random units of
 * the demo municipality's map are checked with `checkLocation` (the widget's and the CLI's path);
 * at a cell centre the actions, water model and principles must be the unit's; anywhere in a unit
 * they must be the unit's whenever the point lies in the same polygons as the cell centre (the
 * raster's resolution is the one difference, ADR 0005), which the test also counts.
 */
import fc from 'fast-check';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tupleFromReport, unitAt, type Kansenkaart } from '../../src/core/kansenkaart/compute.js';
import { areasByState, areasOfUnits, unitAttributes } from '../../src/core/kansenkaart/output.js';
import { defaultKnowledgeBase } from '../../src/core/kb/load.js';
import type { FactSource } from '../../src/core/types.js';
import { checkLocation } from '../../src/sources/check.js';
import { isCellKeyed, kansenkaartFromSources } from '../../src/sources/kansenkaart.js';
import { loadSourcesFile } from '../../src/sources/node.js';
import { projectRoot } from '../helpers/shared.js';

const kb = defaultKnowledgeBase();
let sources: FactSource[];
let map: Kansenkaart;

beforeAll(async () => {
  sources = await loadSourcesFile(resolve(projectRoot, 'demo/data/sources.json'));
  ({ map } = await kansenkaartFromSources(sources, kb, {
    area: { bbox: [190_000, 442_500, 195_000, 447_500] },
  }));
});

async function compare(x: number, y: number, unitIndex: number): Promise<boolean> {
  const unit = map.units[unitIndex]!;
  const tuple = map.tuples[unit.tuple]!;
  // The centre of the cell the point is in: the kansenkaart read the facts there.
  const cs = map.grid.cellSize;
  const cx = map.grid.x0 + (Math.floor((x - map.grid.x0) / cs) + 0.5) * cs;
  const cy = map.grid.y0 + (Math.floor((y - map.grid.y0) / cs) + 0.5) * cs;
  const keyed = sources.filter(isCellKeyed);
  const samePolygons = keyed.every((s) => s.cellKeyAt(x, y) === s.cellKeyAt(cx, cy));
  const report = await checkLocation(sources, { x, y, crs: 'EPSG:28992' }, kb);
  const atPoint = tupleFromReport(0, report, kb);
  if (!samePolygons) return false;
  expect(atPoint.states).toEqual(tuple.states);
  expect(atPoint.waterModel).toEqual(tuple.waterModel);
  expect(atPoint.principles).toEqual(tuple.principles);
  // The recommended and discouraged actions, straight from the location check's report.
  const discouraged = new Set(report.discouraged.map((d) => d.action));
  const advised = new Set(report.principles.flatMap((p) => p.actions));
  for (const [action, state] of Object.entries(tuple.states)) {
    expect(state === 'discouraged').toBe(discouraged.has(action as never));
    if (!discouraged.has(action as never))
      expect(state === 'advised').toBe(advised.has(action as never));
  }
  return true;
}

describe('kansenkaart = location check', () => {
  it('maps the demo area with few fact combinations', () => {
    expect(map.cells).toBe(200 * 200);
    expect(map.tuples.length).toBeGreaterThan(3);
    expect(map.tuples.length).toBeLessThan(map.units.length);
    expect(map.units.reduce((s, u) => s + u.cells, 0)).toBe(map.cells);
  });

  it('at random cell centres of random units', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.nat(), fc.nat(), async (ui, ci, ri) => {
        const u = ui % map.units.length;
        const [x0, y0, x1, y1] = map.units[u]!.bbox;
        const cs = map.grid.cellSize;
        const cols = Math.round((x1 - x0) / cs);
        const rows = Math.round((y1 - y0) / cs);
        const x = x0 + ((ci % cols) + 0.5) * cs;
        const y = y0 + ((ri % rows) + 0.5) * cs;
        expect(await compare(x, y, u)).toBe(true);
      }),
      { numRuns: 300, seed: 14 },
    );
  });

  it('at random points anywhere in the area (same polygons → same answer)', async () => {
    let same = 0;
    let runs = 0;
    const [bx0, by0] = [map.grid.x0, map.grid.y0];
    const w = map.grid.cols * map.grid.cellSize;
    const h = map.grid.rows * map.grid.cellSize;
    await fc.assert(
      fc.asyncProperty(
        // Millimetres, so that x and y stay inside the grid exactly.
        fc.integer({ min: 0, max: w * 1000 - 1 }),
        fc.integer({ min: 0, max: h * 1000 - 1 }),
        async (mx, my) => {
          const x = bx0 + mx / 1000;
          const y = by0 + my / 1000;
          const unit = unitAt(map, x, y);
          expect(unit).toBeDefined();
          runs++;
          if (await compare(x, y, unit!.id)) same++;
        },
      ),
      { numRuns: 300, seed: 1414 },
    );
    // Units are rectangles of whole cells; only cells on a layer boundary can disagree.
    expect(same / runs).toBeGreaterThan(0.8);
  });
});

describe('the hectares of the units in view (the legend)', () => {
  it('areasOfUnits equals areasByState over the units’ attribute rows, for any set of units', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: map.units.length - 1 }), {
          maxLength: map.units.length,
        }),
        (ids) => {
          const units = ids.map((i) => map.units[i]!);
          const rows = units.map((u) => unitAttributes(map, u, 'infiltreren'));
          expect(areasOfUnits(map, units)).toEqual(areasByState(rows));
        },
      ),
      { numRuns: 100, seed: 1415 },
    );
    // And the whole map: every unit, every action, against the summary's own sums.
    const all = areasOfUnits(map, map.units);
    expect(all).toEqual(areasByState(map.units.map((u) => unitAttributes(map, u, 'bergen'))));
    expect(Object.values(all.infiltreren).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });
});
