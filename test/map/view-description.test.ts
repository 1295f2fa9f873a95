/**
 * The words for map moves (src/map/view-description.ts), as invariants over all directions,
 * distances, rotations and zoom ratios (issue #18: every keyboard pan and zoom is announced).
 */
import { describe, expect, it } from 'vitest';
import {
  COMPASS,
  compassOf,
  describeMove,
  type ViewState,
} from '../../src/map/view-description.js';

const ORDER = [
  'east',
  'northeast',
  'north',
  'northwest',
  'west',
  'southwest',
  'south',
  'southeast',
];

describe('compassOf', () => {
  it('names the 45° sector of every direction, and null for no move', () => {
    expect(compassOf(0, 0)).toBeNull();
    for (let deg = -180; deg < 180; deg += 1) {
      const a = (deg * Math.PI) / 180;
      const sector = ((Math.round(deg / 45) % 8) + 8) % 8;
      expect(compassOf(Math.cos(a) * 7, Math.sin(a) * 7)).toBe(ORDER[sector]);
    }
    expect(new Set(ORDER.concat('centre'))).toEqual(new Set(COMPASS));
  });
});

describe('describeMove', () => {
  const at = (x: number, y: number, resolution = 2, rotation = 0): ViewState => ({
    center: [x, y],
    resolution,
    rotation,
  });

  it('gives the screen direction of a pan on a map turned any way', () => {
    for (let r = -180; r <= 180; r += 15) {
      const rotation = (r * Math.PI) / 180;
      // Screen "up" by 64 px at resolution 2, expressed in map units on the rotated view.
      const dx = -Math.sin(rotation) * 128;
      const dy = Math.cos(rotation) * 128;
      const move = describeMove(at(0, 0, 2, rotation), at(dx, dy, 2, rotation));
      expect(move).toEqual({ pan: 'north', zoom: null });
    }
  });

  it('reports zoom in and out, and nothing for a move under half a pixel', () => {
    for (const ratio of [0.5, 0.9, 0.998]) {
      expect(describeMove(at(5, 5, 2), at(5, 5, 2 * ratio)).zoom).toBe('in');
      expect(describeMove(at(5, 5, 2), at(5, 5, 2 / ratio)).zoom).toBe('out');
    }
    expect(describeMove(at(5, 5, 2), at(5.9, 5, 2))).toEqual({ pan: null, zoom: null });
    expect(describeMove(at(5, 5, 2), at(6, 5, 2))).toEqual({ pan: 'east', zoom: null });
  });
});
