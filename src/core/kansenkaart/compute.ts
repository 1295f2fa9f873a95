/**
 * The kansenkaart (opportunity map): where in an area each action of the knowledge base is
 * advised, discouraged, undecided for missing data, or without data.
 *
 * The area is divided into square cells on a grid aligned to multiples of the cell size in
 * EPSG:28992 (default 25 m, the resolution of BKNSN). Each fact layer gives every cell centre a
 * key (equal keys = equal facts from that layer); the tuple of keys of a cell is its fact
 * combination. The rule engine runs once per distinct tuple (the caller resolves the facts of a
 * tuple, see src/sources/kansenkaart.ts), and cells with the same tuple are merged into
 * rectangles (the units). See docs/adr/0005-kansenkaart-units.md for why a raster.
 *
 * Pure: no DOM, no network, no ol; deterministic (row-major order, tuples numbered in order of
 * first appearance).
 */
import { containsPoint, type BBox, type PolyGeom } from '../geometry.js';
import type { ActionState } from './states.js';
import type { KnowledgeBase } from '../kb/types.js';
import type { Report } from '../report.js';
import {
  ACTIONS,
  SCALES,
  type Action,
  type FactName,
  type LocalizedText,
  type Scale,
  type WaterModel,
} from '../types.js';

/** Default cell size in metres: the resolution of the BKNSN raster. */
export const DEFAULT_CELL_SIZE = 25;
/** The largest grid computed (cells); a larger area must use a larger cell size. */
export const MAX_CELLS = 4_000_000;

export { ACTION_STATES, type ActionState } from './states.js';

/** A grid in EPSG:28992: lower-left corner, number of columns and rows, cell size (m). */
export interface GridSpec {
  x0: number;
  y0: number;
  cols: number;
  rows: number;
  cellSize: number;
}

/** A fact layer as the kansenkaart sees it: a key per point (EPSG:28992). */
export interface CellLayer {
  id: string;
  /** An integer such that two points with the same key get the same facts from this layer. */
  keyAt(x: number, y: number): number;
}

/** The area of a kansenkaart: a box, or a boundary polygon (both EPSG:28992). */
export type KansenArea = { bbox: BBox } | { boundary: PolyGeom };

/** The grid of cells covering `area`, aligned to multiples of `cellSize`. */
export function gridFor(area: KansenArea, cellSize = DEFAULT_CELL_SIZE): GridSpec {
  if (!(Number.isFinite(cellSize) && cellSize > 0))
    throw new RangeError(`The cell size must be a positive number of metres, not ${cellSize}.`);
  const box = 'bbox' in area ? area.bbox : boxOf(area.boundary);
  const [minX, minY, maxX, maxY] = box;
  if (![minX, minY, maxX, maxY].every(Number.isFinite) || !(minX < maxX && minY < maxY))
    throw new RangeError(`The area [${box.join(', ')}] is empty (need minX < maxX, minY < maxY).`);
  const c0 = Math.floor(minX / cellSize);
  const r0 = Math.floor(minY / cellSize);
  const cols = Math.max(1, Math.ceil(maxX / cellSize) - c0);
  const rows = Math.max(1, Math.ceil(maxY / cellSize) - r0);
  if (cols * rows > MAX_CELLS)
    throw new RangeError(
      `The area has ${cols * rows} cells of ${cellSize} m, more than ${MAX_CELLS}: choose a smaller area or a larger cell size.`,
    );
  return { x0: c0 * cellSize, y0: r0 * cellSize, cols, rows, cellSize };
}

function boxOf(g: PolyGeom): BBox {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const parts = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  for (const p of parts)
    for (const ring of p)
      for (const [x, y] of ring) {
        if (x < minX) minX = x;
        if (y < minY) minY = y;
        if (x > maxX) maxX = x;
        if (y > maxY) maxY = y;
      }
  return [minX, minY, maxX, maxY];
}

/** The centre of cell (col, row). */
export function cellCentre(grid: GridSpec, col: number, row: number): [number, number] {
  return [grid.x0 + (col + 0.5) * grid.cellSize, grid.y0 + (row + 0.5) * grid.cellSize];
}

/** The key of every layer at every cell centre (before keys are grouped by their facts). */
export interface SampledGrid {
  grid: GridSpec;
  layerIds: string[];
  /** Per cell (row-major, row 0 at the bottom): 1 inside the area, 0 outside. */
  inside: Uint8Array;
  /** Per layer, per cell: the layer's key at the cell centre. */
  keys: Int32Array[];
  /** Per layer: each key's first cell centre (a point where its facts can be read). */
  firstPoint: Array<Map<number, [number, number]>>;
}

/** The cells classified by fact tuple. */
export interface ClassifiedGrid {
  grid: GridSpec;
  /** Per cell (row-major, row 0 at the bottom): tuple index, or -1 outside the area. */
  cellTuple: Int32Array;
  /** Per tuple: the (grouped) key of each layer, in layer order. */
  tupleKeys: number[][];
  /** Per tuple: the raw layer key of its first cell, per layer (to read its facts). */
  tupleRawKeys: number[][];
  /** Per tuple: the centre of its first cell. */
  tuplePoint: Array<[number, number]>;
  layerIds: string[];
}

/** Progress callback: done and total cells. */
export type Progress = (done: number, total: number) => void;

/** Reads every layer's key at every cell centre inside the area. */
export function sampleGrid(
  grid: GridSpec,
  layers: readonly CellLayer[],
  area?: KansenArea,
  onProgress?: Progress,
): SampledGrid {
  const sampler = gridSampler(grid, layers, area);
  const { cols, rows } = grid;
  for (let r = 0; r < rows; r++) {
    sampler.row(r);
    if (onProgress && (r % 64 === 63 || r === rows - 1)) onProgress((r + 1) * cols, cols * rows);
  }
  return sampler.result;
}

/** Cell-layer reads per step of {@link sampleGridInSteps} (cells × layers). */
export const CELL_READS_PER_STEP = 40_000;

/**
 * {@link sampleGrid} in steps of about {@link CELL_READS_PER_STEP} reads, awaiting `pause` between
 * steps (on a browser's main thread: a yield to rendering and input). Same result.
 */
export async function sampleGridInSteps(
  grid: GridSpec,
  layers: readonly CellLayer[],
  area: KansenArea | undefined,
  pause: () => Promise<void>,
  onProgress?: Progress,
): Promise<SampledGrid> {
  const sampler = gridSampler(grid, layers, area);
  const { cols, rows } = grid;
  const rowsPerStep = Math.max(
    1,
    Math.floor(CELL_READS_PER_STEP / (cols * Math.max(1, layers.length))),
  );
  for (let r = 0; r < rows; r += rowsPerStep) {
    const end = Math.min(rows, r + rowsPerStep);
    for (let row = r; row < end; row++) sampler.row(row);
    onProgress?.(end * cols, cols * rows);
    if (end < rows) await pause();
  }
  return sampler.result;
}

function gridSampler(
  grid: GridSpec,
  layers: readonly CellLayer[],
  area?: KansenArea,
): { row: (r: number) => void; result: SampledGrid } {
  const { cols, rows } = grid;
  const n = cols * rows;
  const inside = new Uint8Array(n);
  const keys = layers.map(() => new Int32Array(n));
  const firstPoint = layers.map(() => new Map<number, [number, number]>());
  const boundary = area && 'boundary' in area ? area.boundary : undefined;
  const box = area && 'bbox' in area ? area.bbox : undefined;
  const row = (r: number): void => {
    for (let c = 0; c < cols; c++) {
      const [x, y] = cellCentre(grid, c, r);
      const i = r * cols + c;
      if (
        (box !== undefined && (x < box[0] || x > box[2] || y < box[1] || y > box[3])) ||
        (boundary !== undefined && !containsPoint(boundary, [x, y]))
      )
        continue;
      inside[i] = 1;
      for (let l = 0; l < layers.length; l++) {
        const k = layers[l]!.keyAt(x, y);
        keys[l]![i] = k;
        const first = firstPoint[l]!;
        if (!first.has(k)) first.set(k, [x, y]);
      }
    }
  };
  return { row, result: { grid, layerIds: layers.map((l) => l.id), inside, keys, firstPoint } };
}

/**
 * Groups the cells by fact tuple. `group[l]` maps a raw key of layer l to the key of its facts
 * (two polygons with the same facts get the same group key); default: the raw key itself.
 */
export function groupTuples(
  sampled: SampledGrid,
  group: ReadonlyArray<ReadonlyMap<number, number>> = [],
): ClassifiedGrid {
  const { grid, keys, inside } = sampled;
  const n = grid.cols * grid.rows;
  const cellTuple = new Int32Array(n);
  const tupleKeys: number[][] = [];
  const tupleRawKeys: number[][] = [];
  const tuplePoint: Array<[number, number]> = [];
  const byKey = new Map<string, number>();
  const layerCount = keys.length;
  const grouped = new Array<number>(layerCount);
  let prevKey = '';
  let prevTuple = -1;
  for (let i = 0; i < n; i++) {
    if (inside[i] === 0) {
      cellTuple[i] = -1;
      continue;
    }
    for (let l = 0; l < layerCount; l++) {
      const raw = keys[l]![i]!;
      grouped[l] = group[l]?.get(raw) ?? raw;
    }
    const key = grouped.join(',');
    let t: number;
    if (key === prevKey) t = prevTuple;
    else {
      const known = byKey.get(key);
      if (known === undefined) {
        t = tupleKeys.length;
        byKey.set(key, t);
        tupleKeys.push([...grouped]);
        tupleRawKeys.push(keys.map((k) => k[i]!));
        tuplePoint.push(cellCentre(grid, i % grid.cols, Math.floor(i / grid.cols)));
      } else t = known;
      prevKey = key;
      prevTuple = t;
    }
    cellTuple[i] = t;
  }
  return { grid, cellTuple, tupleKeys, tupleRawKeys, tuplePoint, layerIds: sampled.layerIds };
}

/** Gives every cell centre its fact tuple (the raw keys of the layers, ungrouped). */
export function classifyGrid(
  grid: GridSpec,
  layers: readonly CellLayer[],
  area?: KansenArea,
  onProgress?: Progress,
): ClassifiedGrid {
  return groupTuples(sampleGrid(grid, layers, area, onProgress));
}

/** What the rule engine says for one fact tuple. */
export interface KansenTuple {
  id: number;
  /** The key of each layer (see {@link CellLayer.keyAt}), in layer order. */
  keys: number[];
  states: Record<Action, ActionState>;
  /** A short reason per action (advised: the principle; discouraged: the reason; missing: the facts). */
  reasons: Partial<Record<Action, LocalizedText>>;
  waterModel?: WaterModel;
  landscapeType?: string;
  landscapeName?: LocalizedText;
  zone?: string;
  /** Principle ids by scale (knowledge-base order). */
  principles: Record<Scale, string[]>;
  /** Facts without a value here. */
  missingFacts: FactName[];
}

/** A rectangle of cells with the same fact tuple. */
export interface KansenUnit {
  id: number;
  tuple: number;
  /** [minX, minY, maxX, maxY] in EPSG:28992. */
  bbox: BBox;
  cells: number;
}

/** The kansenkaart of an area. */
export interface Kansenkaart {
  grid: GridSpec;
  units: KansenUnit[];
  tuples: KansenTuple[];
  /** Cells inside the area. */
  cells: number;
  /** Area inside the area in hectares. */
  areaHa: number;
  layerIds: string[];
}

/** The state of each action, the reasons and the rest of a tuple, from its report. */
export function tupleFromReport(
  id: number,
  report: Report,
  kb: KnowledgeBase,
  keys: number[] = [],
): KansenTuple {
  const states = {} as Record<Action, ActionState>;
  const reasons: Partial<Record<Action, LocalizedText>> = {};
  const noData = report.sources.length > 0 && report.sources.every((s) => s.status !== 'ok');
  const principleActions = new Map(kb.principles.map((p) => [p.id, p.actions]));
  const missingPrinciples = report.missing.filter((m) => m.kind === 'principle');
  for (const action of ACTIONS) {
    const discouraged = report.discouraged.find((d) => d.action === action);
    const advised = report.principles.find((p) => p.actions.includes(action));
    const missing = missingPrinciples.find((m) =>
      (principleActions.get(m.principle) ?? []).includes(action),
    );
    if (noData) states[action] = 'no-data';
    else if (discouraged) {
      states[action] = 'discouraged';
      const first = discouraged.reasons[0];
      if (first) reasons[action] = first.reason;
    } else if (advised) {
      states[action] = 'advised';
      reasons[action] = advised.title;
    } else if (missing) {
      states[action] = 'missing';
      reasons[action] = {
        nl: `${missing.title.nl}: ontbreekt ${missing.needs.join(', ')}`,
        en: `${missing.title.en}: missing ${missing.needs.join(', ')}`,
      };
    } else states[action] = 'neutral';
  }
  const principles = Object.fromEntries(SCALES.map((s) => [s, [] as string[]])) as Record<
    Scale,
    string[]
  >;
  for (const p of report.principles) principles[p.scale].push(p.id);
  const missingFacts = [
    ...new Set(report.missing.flatMap((m) => (m.kind === 'fact' ? [m.fact] : []))),
  ];
  const type = report.landscape.type;
  return {
    id,
    keys,
    states,
    reasons,
    ...(type
      ? { waterModel: type.waterModel, landscapeType: type.id, landscapeName: type.name }
      : {}),
    ...(report.landscape.zone ? { zone: report.landscape.zone.code } : {}),
    principles,
    missingFacts,
  };
}

/**
 * Merges the cells into units (rectangles of equal tuple: runs in a row, extended upwards while
 * the next row has the same run) and attaches each tuple's assessment.
 * @param reports - the report of each tuple of `classified` (same order)
 */
export function buildKansenkaart(
  classified: ClassifiedGrid,
  reports: readonly Report[],
  kb: KnowledgeBase,
): Kansenkaart {
  const { grid, cellTuple } = classified;
  if (reports.length !== classified.tupleKeys.length)
    throw new RangeError(
      `Expected ${classified.tupleKeys.length} reports (one per fact tuple), got ${reports.length}.`,
    );
  const tuples = reports.map((r, i) => tupleFromReport(i, r, kb, classified.tupleKeys[i]));
  const units: KansenUnit[] = [];
  // Open rectangles keyed by "c0,c1,tuple": index in `units` and the row they reach.
  let open = new Map<string, { unit: KansenUnit; row: number }>();
  let cells = 0;
  const cs = grid.cellSize;
  for (let r = 0; r < grid.rows; r++) {
    const next = new Map<string, { unit: KansenUnit; row: number }>();
    let c = 0;
    while (c < grid.cols) {
      const t = cellTuple[r * grid.cols + c]!;
      let e = c + 1;
      while (e < grid.cols && cellTuple[r * grid.cols + e] === t) e++;
      if (t >= 0) {
        const n = e - c;
        cells += n;
        const key = `${c},${e},${t}`;
        const prev = open.get(key);
        if (prev && prev.row === r - 1) {
          prev.unit.bbox[3] = grid.y0 + (r + 1) * cs;
          prev.unit.cells += n;
          next.set(key, { unit: prev.unit, row: r });
        } else {
          const unit: KansenUnit = {
            id: units.length,
            tuple: t,
            bbox: [grid.x0 + c * cs, grid.y0 + r * cs, grid.x0 + e * cs, grid.y0 + (r + 1) * cs],
            cells: n,
          };
          units.push(unit);
          next.set(key, { unit, row: r });
        }
      }
      c = e;
    }
    open = next;
  }
  return {
    grid,
    units,
    tuples,
    cells,
    areaHa: (cells * cs * cs) / 10_000,
    layerIds: classified.layerIds,
  };
}

/** The unit whose rectangle contains `[x, y]` (EPSG:28992), or undefined. */
export function unitAt(map: Kansenkaart, x: number, y: number): KansenUnit | undefined {
  const { grid } = map;
  const col = Math.floor((x - grid.x0) / grid.cellSize);
  const row = Math.floor((y - grid.y0) / grid.cellSize);
  if (col < 0 || row < 0 || col >= grid.cols || row >= grid.rows) return undefined;
  return map.units.find((u) => x >= u.bbox[0] && x < u.bbox[2] && y >= u.bbox[1] && y < u.bbox[3]);
}
