/**
 * The kansenkaart in steps (the browser's main-thread fallback): `sampleGridInSteps` gives the
 * same sampled grid as `sampleGrid`, pausing between steps of rows.
 */
import { describe, expect, it } from 'vitest';
import {
  CELL_READS_PER_STEP,
  gridFor,
  sampleGrid,
  sampleGridInSteps,
  type CellLayer,
  type KansenArea,
} from '../../src/core/kansenkaart/compute.js';

const layers: CellLayer[] = [
  { id: 'a', keyAt: (x, y) => Math.floor(x / 300) * 7 + Math.floor(y / 450) },
  { id: 'b', keyAt: (x, y) => (x + y < 4000 ? 0 : 1) },
];

describe('sampleGridInSteps', () => {
  it('samples as sampleGrid does, pausing between steps', async () => {
    const area = { bbox: [0, 0, 2000, 3000] as [number, number, number, number] };
    const grid = gridFor(area, 10);
    let pauses = 0;
    const progress: number[] = [];
    const stepped = await sampleGridInSteps(
      grid,
      layers,
      area,
      () => {
        pauses++;
        return Promise.resolve();
      },
      (done) => progress.push(done),
    );
    const whole = sampleGrid(grid, layers, area);
    // Byte comparison (a deep equal of typed arrays this long is slow).
    const same = (a: ArrayBufferView, b: ArrayBufferView): boolean =>
      Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(
        Buffer.from(b.buffer, b.byteOffset, b.byteLength),
      );
    expect(same(stepped.inside, whole.inside)).toBe(true);
    expect(stepped.keys.length).toBe(2);
    for (let l = 0; l < layers.length; l++)
      expect(same(stepped.keys[l]!, whole.keys[l]!)).toBe(true);
    expect(stepped.firstPoint).toEqual(whole.firstPoint);
    const reads = grid.cols * grid.rows * layers.length;
    expect(pauses).toBe(Math.ceil(reads / CELL_READS_PER_STEP) - 1);
    expect(progress.at(-1)).toBe(grid.cols * grid.rows);
  });

  it('honours a boundary polygon as sampleGrid does', async () => {
    const area: KansenArea = {
      boundary: {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [3000, 0],
            [0, 3000],
            [0, 0],
          ],
        ],
      },
    };
    const grid = gridFor(area, 25);
    const stepped = await sampleGridInSteps(grid, layers, area, () => Promise.resolve());
    const whole = sampleGrid(grid, layers, area);
    expect([...stepped.inside].join('')).toBe([...whole.inside].join(''));
  });
});
