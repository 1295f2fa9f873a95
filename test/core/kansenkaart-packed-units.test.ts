/**
 * The units of a kansenkaart as typed arrays (what the Worker of `<na-kansenkaart-layer>` moves to
 * the page instead of cloning thousands of objects): packed and unpacked they are the same units.
 */
import { describe, expect, it } from 'vitest';
import type { KansenUnit } from '../../src/core/kansenkaart/compute.js';
import { packUnits, unpackUnits } from '../../src/core/kansenkaart/unit-grid.js';

describe('packed kansenkaart units', () => {
  it('unpacks to the same units, with fractional and large coordinates', () => {
    const units: KansenUnit[] = [
      { id: 0, tuple: 3, bbox: [190000, 440000, 190025, 440050], cells: 2 },
      { id: 1, tuple: 0, bbox: [12.5, -7.25, 1e7 + 0.125, 3.1], cells: 1_000_000 },
      { id: 2, tuple: 541, bbox: [0, 0, 0, 0], cells: 0 },
    ];
    const packed = packUnits(units);
    expect([...packed.tuple]).toEqual([3, 0, 541]);
    expect([...packed.cells]).toEqual([2, 1_000_000, 0]);
    expect(packed.bbox.length).toBe(12);
    expect(unpackUnits(packed)).toEqual(units);
  });

  it('packs no units into empty arrays', () => {
    const packed = packUnits([]);
    expect(packed.tuple.length + packed.cells.length + packed.bbox.length).toBe(0);
    expect(unpackUnits(packed)).toEqual([]);
  });
});
