/**
 * unitEdges (the outlines of the computed kansenkaart raster) against a plain reference: every
 * cell side between two different units (or a unit and the outside) that `keep` keeps, merged
 * into runs along its column or row line. Exhaustive over every 3 × 3 grid of two units, every
 * window and two `keep` rules.
 */
import { describe, expect, it } from 'vitest';
import type { Kansenkaart } from '../../src/core/kansenkaart/compute.js';
import { unitEdges } from '../../src/core/kansenkaart/unit-grid.js';

type Keep = (a: number, b: number) => boolean;

/** Merges sorted single-cell steps on one line into runs `[from, to)`. */
function merge(steps: number[]): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  for (const s of steps) {
    const last = runs[runs.length - 1];
    if (last && last[1] === s) last[1] = s + 1;
    else runs.push([s, s + 1]);
  }
  return runs;
}

function reference(
  cols: number,
  rows: number,
  grid: Int32Array,
  [c0, r0, c1, r1]: [number, number, number, number],
  keep: Keep,
): number[] {
  const id = (c: number, r: number): number =>
    c < 0 || r < 0 || c >= cols || r >= rows ? -1 : grid[r * cols + c]!;
  const edge = (a: number, b: number): boolean => a !== b && keep(a, b);
  const out: number[] = [];
  for (let c = c0; c <= c1; c++) {
    const steps: number[] = [];
    for (let r = r0; r < r1; r++) if (edge(id(c - 1, r), id(c, r))) steps.push(r);
    for (const [from, to] of merge(steps)) out.push(c, from, c, to);
  }
  for (let r = r0; r <= r1; r++) {
    const steps: number[] = [];
    for (let c = c0; c < c1; c++) if (edge(id(c, r - 1), id(c, r))) steps.push(c);
    for (const [from, to] of merge(steps)) out.push(from, r, to, r);
  }
  return out;
}

describe('unitEdges', () => {
  it('gives the merged unit outlines of every 3 × 3 grid of two units, in every window', () => {
    const cols = 3;
    const rows = 3;
    const map = { grid: { cols, rows } } as unknown as Kansenkaart;
    const keeps: Keep[] = [() => true, (a, b) => a >= 0 && b >= 0];
    let compared = 0;
    let withEdges = 0;
    for (let bits = 0; bits < 1 << (cols * rows); bits++) {
      const grid = Int32Array.from({ length: cols * rows }, (_, i) => (bits >> i) & 1);
      for (let c0 = 0; c0 < cols; c0++)
        for (let c1 = c0 + 1; c1 <= cols; c1++)
          for (let r0 = 0; r0 < rows; r0++)
            for (let r1 = r0 + 1; r1 <= rows; r1++)
              for (const keep of keeps) {
                const window: [number, number, number, number] = [c0, r0, c1, r1];
                const got = unitEdges(map, grid, window, keep);
                const want = reference(cols, rows, grid, window, keep);
                if (got.join() !== want.join())
                  expect(got, `grid ${bits.toString(2)} window ${window.join()}`).toEqual(want);
                compared++;
                if (want.length > 0) withEdges++;
              }
    }
    expect(compared).toBe(512 * 36 * 2);
    expect(withEdges).toBeGreaterThan(compared / 2);
  });

  it('clamps the window to the grid and draws the outside border', () => {
    const map = { grid: { cols: 2, rows: 1 } } as unknown as Kansenkaart;
    const grid = Int32Array.from([7, 7]);
    expect(unitEdges(map, grid, [-5, -5, 9, 9])).toEqual([
      0, 0, 0, 1, 2, 0, 2, 1, 0, 0, 2, 0, 0, 1, 2, 1,
    ]);
  });
});
