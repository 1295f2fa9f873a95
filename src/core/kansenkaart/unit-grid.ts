/**
 * The kansenkaart as a raster: per cell of its grid the unit that covers it, and per unit the
 * state of an action. What `<na-kansenkaart-layer>` draws as one image (a pixel per cell) and
 * reads back for hit testing, instead of one vector polygon per unit.
 *
 * Pure: no DOM, no network, no ol.
 */
import type { Kansenkaart, KansenUnit } from './compute.js';
import { ACTION_STATES, type ActionState } from './states.js';
import { STATE_COLOURS } from './output.js';
import type { Action } from '../types.js';

/**
 * Per cell (row-major, row 0 at the bottom, as the grid) the id of the unit covering it, or -1
 * outside the area. Unit ids are indexes of `map.units`.
 */
export function unitGridOf(map: Kansenkaart): Int32Array {
  const { cols, rows, cellSize, x0, y0 } = map.grid;
  const grid = new Int32Array(cols * rows).fill(-1);
  for (const u of map.units) {
    const c0 = Math.round((u.bbox[0] - x0) / cellSize);
    const c1 = Math.round((u.bbox[2] - x0) / cellSize);
    const r0 = Math.round((u.bbox[1] - y0) / cellSize);
    const r1 = Math.round((u.bbox[3] - y0) / cellSize);
    for (let r = r0; r < r1; r++) grid.fill(u.id, r * cols + c0, r * cols + c1);
  }
  return grid;
}

/** The cell (column, row) of a point in EPSG:28992, or undefined outside the grid. */
export function cellOf(map: Kansenkaart, x: number, y: number): [number, number] | undefined {
  const { grid } = map;
  const col = Math.floor((x - grid.x0) / grid.cellSize);
  const row = Math.floor((y - grid.y0) / grid.cellSize);
  if (!(col >= 0 && row >= 0 && col < grid.cols && row < grid.rows)) return undefined;
  return [col, row];
}

/** The id of the unit at a point in EPSG:28992 (-1: none). */
export function unitIdAt(map: Kansenkaart, unitGrid: Int32Array, x: number, y: number): number {
  const cell = cellOf(map, x, y);
  return cell ? (unitGrid[cell[1] * map.grid.cols + cell[0]] ?? -1) : -1;
}

/** The state of `action` per unit (index: unit id), as an index in `order`. */
export function unitStates(
  map: Kansenkaart,
  action: Action,
  order: readonly ActionState[],
): Uint8Array {
  const byTuple = map.tuples.map((t) => order.indexOf(t.states[action]));
  const out = new Uint8Array(map.units.length);
  for (const u of map.units) out[u.id] = byTuple[u.tuple] ?? 0;
  return out;
}

/**
 * RGBA pixels, one per cell, top row first (as an image): the colour of each cell's state
 * (`colours`, per state index of `states`), transparent outside the area and where `hidden`
 * says a unit is not drawn.
 */
export function paintCells(
  map: Kansenkaart,
  unitGrid: Int32Array,
  states: Uint8Array,
  colours: ReadonlyArray<readonly [number, number, number, number]>,
  hidden?: (unit: number) => boolean,
): Uint8ClampedArray<ArrayBuffer> {
  const { cols, rows } = map.grid;
  const px = new Uint8ClampedArray(cols * rows * 4);
  for (let r = 0; r < rows; r++) {
    const out = (rows - 1 - r) * cols * 4;
    for (let c = 0; c < cols; c++) {
      const id = unitGrid[r * cols + c]!;
      if (id < 0 || (hidden !== undefined && hidden(id))) continue;
      const rgba = colours[states[id]!]!;
      const o = out + c * 4;
      px[o] = rgba[0];
      px[o + 1] = rgba[1];
      px[o + 2] = rgba[2];
      px[o + 3] = rgba[3];
    }
  }
  return px;
}

/**
 * The edges between cells of different units (or a unit and the outside) within columns
 * `c0..c1` and rows `r0..r1` (exclusive ends), as segments in cell coordinates
 * `[col0, row0, col1, row1]` (row 0 at the bottom; a cell spans col..col+1, row..row+1).
 * Vertical runs and horizontal runs are merged. `keep(a, b)` may leave out an edge between unit
 * ids a and b (-1: outside).
 */
export function unitEdges(
  map: Kansenkaart,
  unitGrid: Int32Array,
  window: [number, number, number, number],
  keep: (a: number, b: number) => boolean = () => true,
): number[] {
  const { cols, rows } = map.grid;
  const c0 = Math.max(0, window[0]);
  const r0 = Math.max(0, window[1]);
  const c1 = Math.min(cols, window[2]);
  const r1 = Math.min(rows, window[3]);
  const out: number[] = [];
  // One family of edges: on each line i of i0..i1, the runs along j0..j1 (exclusive) where the
  // units on the two sides differ (-1: outside the grid) and are kept. Vertical: line i is column
  // c, the left side of cell (c, j) (c1 included: the right side of the last column). Horizontal:
  // line i is row r, the bottom side of cell (j, r).
  const runs = (vertical: boolean, i0: number, i1: number, j0: number, j1: number): void => {
    // Cell j after line i is unitGrid[i * across + j * along]; the one before it, `across` less.
    const across = vertical ? 1 : cols;
    const along = vertical ? cols : 1;
    const lines = vertical ? cols : rows;
    for (let i = i0; i <= i1; i++) {
      const hasBefore = i > 0;
      const hasAfter = i < lines;
      let start = -1;
      for (let j = j0; j <= j1; j++) {
        const k = i * across + j * along;
        const a = j < j1 && hasBefore ? unitGrid[k - across]! : -1;
        const b = j < j1 && hasAfter ? unitGrid[k]! : -1;
        const edge = j < j1 && a !== b && keep(a, b);
        if (edge && start < 0) start = j;
        else if (!edge && start >= 0) {
          if (vertical) out.push(i, start, i, j);
          else out.push(start, i, j, i);
          start = -1;
        }
      }
    }
  };
  runs(true, c0, c1, r0, r1);
  runs(false, r0, r1, c0, c1);
  return out;
}

/**
 * The RGBA pixels of `action` (see {@link paintCells}): the state colours (STATE_COLOURS), or
 * with `mask` white everywhere (`white`) or opaque black where that state is; units of fewer than
 * `minCells` cells left out.
 */
export function paintAction(
  map: Kansenkaart,
  unitGrid: Int32Array,
  action: Action,
  minCells = 0,
  mask?: ActionState | 'white',
): Uint8ClampedArray<ArrayBuffer> {
  const colours = ACTION_STATES.map((s) =>
    mask === undefined
      ? rgba(STATE_COLOURS[s])
      : mask === 'white'
        ? ([255, 255, 255, 255] as const)
        : s === mask
          ? ([0, 0, 0, 255] as const)
          : ([0, 0, 0, 0] as const),
  );
  const small =
    minCells > 0 ? (id: number): boolean => (map.units[id]?.cells ?? 0) < minCells : undefined;
  return paintCells(map, unitGrid, unitStates(map, action, ACTION_STATES), colours, small);
}

/** `#rrggbb` as RGBA bytes (alpha 255). */
export function rgba(hex: string): [number, number, number, number] {
  const n = Number.parseInt(hex.slice(1, 7), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, 255];
}

/**
 * The units of a kansenkaart as three typed arrays (index: unit id), to move them from a Worker
 * to the page as transferable buffers: reading back thousands of small objects from a message
 * (structured clone) is a long task on the receiving thread, making them from arrays is not.
 */
export interface PackedUnits {
  /** The tuple of each unit. */
  tuple: Int32Array<ArrayBuffer>;
  /** The cells of each unit. */
  cells: Int32Array<ArrayBuffer>;
  /** minX, minY, maxX, maxY (EPSG:28992) of each unit, four numbers per unit. */
  bbox: Float64Array<ArrayBuffer>;
}

/** The units as {@link PackedUnits} (their ids are their indexes, as in every kansenkaart). */
export function packUnits(units: readonly KansenUnit[]): PackedUnits {
  const n = units.length;
  const packed: PackedUnits = {
    tuple: new Int32Array(n),
    cells: new Int32Array(n),
    bbox: new Float64Array(n * 4),
  };
  units.forEach((u, i) => {
    packed.tuple[i] = u.tuple;
    packed.cells[i] = u.cells;
    packed.bbox.set(u.bbox, i * 4);
  });
  return packed;
}

/** The units of {@link packUnits} again (ids 0, 1, 2, …). */
export function unpackUnits(packed: PackedUnits): KansenUnit[] {
  const { tuple, cells, bbox } = packed;
  const units: KansenUnit[] = new Array<KansenUnit>(tuple.length);
  for (let i = 0; i < tuple.length; i++)
    units[i] = {
      id: i,
      tuple: tuple[i]!,
      bbox: [bbox[i * 4]!, bbox[i * 4 + 1]!, bbox[i * 4 + 2]!, bbox[i * 4 + 3]!],
      cells: cells[i]!,
    };
  return units;
}
