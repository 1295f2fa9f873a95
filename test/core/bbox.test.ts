/** `bboxUnion` and `bboxContains` (src/core/geometry.ts), used by the heat grid and the scenario comparison. */
import { describe, expect, it } from 'vitest';
import { bboxContains, bboxUnion, type BBox } from '../../src/core/geometry.js';

describe('bboxUnion', () => {
  it('is the box around all boxes, negative coordinates included', () => {
    const boxes: BBox[] = [
      [0, 0, 10, 5],
      [-3, 2, 4, 12],
      [5, -1, 6, 0],
    ];
    expect(bboxUnion(boxes)).toEqual([-3, -1, 10, 12]);
  });

  it('of one box is that box; of none the empty box', () => {
    expect(bboxUnion([[1, 2, 3, 4]])).toEqual([1, 2, 3, 4]);
    expect(bboxUnion([])).toEqual([Infinity, Infinity, -Infinity, -Infinity]);
  });
});

describe('bboxContains', () => {
  const outer: BBox = [0, 0, 10, 10];
  it('holds for a box inside, or on the edges', () => {
    expect(bboxContains(outer, [2, 2, 8, 8])).toBe(true);
    expect(bboxContains(outer, [0, 0, 10, 10])).toBe(true);
  });
  it('fails when any side sticks out', () => {
    expect(bboxContains(outer, [-1, 2, 8, 8])).toBe(false);
    expect(bboxContains(outer, [2, -1, 8, 8])).toBe(false);
    expect(bboxContains(outer, [2, 2, 11, 8])).toBe(false);
    expect(bboxContains(outer, [2, 2, 8, 11])).toBe(false);
  });
});
