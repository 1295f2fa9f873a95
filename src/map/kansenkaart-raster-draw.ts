/**
 * Drawing of the computed kansenkaart as a raster (see kansenkaart-raster.ts): a canvas with one
 * pixel per cell per action (painted from the unit grid, cached), drawn scaled without smoothing
 * into the image OpenLayers asks for; in forced-colours mode the states as black-and-white
 * patterns in screen pixels; outlines of the units from the grid's edges (wijk/dorp thin, straat
 * full) and, at straat, the state written in units large enough on screen. All of it costs time
 * in proportion to the cells in view, not to the units of the map.
 */
import { ACTION_STATES, type ActionState, type Kansenkaart } from '../core/kansenkaart/compute.js';
import { STATE_LABELS } from '../core/kansenkaart/output.js';
import { paintAction, unitEdges, unitStates } from '../core/kansenkaart/unit-grid.js';
import type { Action, Lang, Scale } from '../core/types.js';
import { forcedPatternTile, kansenScaleStyle, REGION_MIN_UNIT_HA } from './kansenkaart-layer.js';

/** The computed kansenkaart and its unit grid (see `unitGridOf`). */
export interface KansenkaartRasterData {
  map: Kansenkaart;
  unitGrid: Int32Array;
  /**
   * The colour images of the actions (one pixel per cell), painted where the map was computed
   * (the Worker): `all` units, and the `regional` ones (tiny units left out). Missing ones are
   * painted here when first drawn.
   */
  images?: Partial<Record<Action, { all: ImageBitmap; regional: ImageBitmap }>>;
}

/** Units with fewer cells are left out at regio/stad ({@link REGION_MIN_UNIT_HA}). */
export function regionalMinCells(cellSize: number): number {
  return (REGION_MIN_UNIT_HA * 10_000) / (cellSize * cellSize);
}

/** What to draw. */
export interface RasterLook {
  action: Action;
  forced: boolean;
  lang: Lang;
}

const PATTERNED: readonly ActionState[] = ['advised', 'discouraged', 'missing'];

/** Per-action canvases of one data set (one pixel per cell), made when first drawn. */
export class RasterCanvases {
  private readonly cache = new Map<string, HTMLCanvasElement | ImageBitmap>();
  private readonly statesOf = new Map<Action, Uint8Array>();
  constructor(readonly data: KansenkaartRasterData) {}

  /** Frees the images (the data is no longer drawn). */
  close(): void {
    for (const i of Object.values(this.data.images ?? {})) {
      i.all.close();
      i.regional.close();
    }
    this.cache.clear();
  }

  /** The state index (in ACTION_STATES) of every unit for `action`. */
  states(action: Action): Uint8Array {
    let s = this.statesOf.get(action);
    if (!s) {
      s = unitStates(this.data.map, action, ACTION_STATES);
      this.statesOf.set(action, s);
    }
    return s;
  }

  /** Whether unit `id` is left out at `scale` (tiny units at regio/stad). */
  hidden(id: number, scale: Scale): boolean {
    const u = this.data.map.units[id];
    if (!u) return true;
    const cs = this.data.map.grid.cellSize;
    return !kansenScaleStyle(scale, (u.cells * cs * cs) / 10_000).visible;
  }

  /**
   * The canvas of `action`: colours per state, or (`mask` = a state) opaque black where the
   * state is, transparent elsewhere; `regional` leaves out the tiny units.
   */
  canvas(
    action: Action,
    regional: boolean,
    mask?: ActionState | 'white',
  ): HTMLCanvasElement | ImageBitmap {
    const painted = mask === undefined ? this.data.images?.[action] : undefined;
    if (painted) return regional ? painted.regional : painted.all;
    const key = `${action}:${regional ? 'r' : ''}:${mask ?? ''}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const { map } = this.data;
    const px = paintAction(
      this.data.map,
      this.data.unitGrid,
      action,
      regional ? regionalMinCells(map.grid.cellSize) : 0,
      mask,
    );
    const c = document.createElement('canvas');
    c.width = map.grid.cols;
    c.height = map.grid.rows;
    c.getContext('2d')?.putImageData(new ImageData(px, map.grid.cols, map.grid.rows), 0, 0);
    this.cache.set(key, c);
    return c;
  }
}

/**
 * The canvases a layer draws its frames into, kept from frame to frame: a new canvas of the
 * map's size costs Chromium tens of milliseconds to set up on its first use (measured: 40–60 ms
 * for 1920 × 1350 on the main thread, against under 1 ms to clear and draw into one that exists),
 * which made every redraw of the kansenkaart a long task.
 */
export class FrameCanvases {
  private readonly kept = new Map<string, HTMLCanvasElement>();

  /** The canvas `name` at `width` × `height`, cleared (made on first use, resized when needed). */
  take(name: string, width: number, height: number): HTMLCanvasElement {
    let c = this.kept.get(name);
    if (!c) {
      c = document.createElement('canvas');
      this.kept.set(name, c);
    }
    if (c.width !== width || c.height !== height) {
      // Setting the size clears the canvas.
      c.width = width;
      c.height = height;
    } else {
      const g = c.getContext('2d');
      g?.setTransform(1, 0, 0, 1, 0, 0);
      g?.clearRect(0, 0, width, height);
    }
    return c;
  }

  /** Frees the canvases' memory. */
  clear(): void {
    for (const c of this.kept.values()) {
      c.width = 0;
      c.height = 0;
    }
    this.kept.clear();
  }
}

/**
 * Draws the kansenkaart into a canvas of `size` device pixels covering `extent` (EPSG:28992) at
 * `resolution` m per CSS pixel: the `frame` canvas of `frames` (the same canvas every call).
 */
export function drawRaster(
  canvases: RasterCanvases,
  look: RasterLook,
  scale: Scale,
  extent: number[],
  resolution: number,
  pixelRatio: number,
  size: number[],
  frames: FrameCanvases = new FrameCanvases(),
): HTMLCanvasElement {
  const out = frames.take(
    'frame',
    Math.max(1, Math.round(size[0]!)),
    Math.max(1, Math.round(size[1]!)),
  );
  const g = out.getContext('2d');
  if (!g) return out;
  g.globalCompositeOperation = 'source-over';
  const { map, unitGrid } = canvases.data;
  const { x0, y0, cols, rows, cellSize: cs } = map.grid;
  const k = pixelRatio / resolution;
  // The cells in view (columns c0..c1, rows r0..r1 from the bottom; ends exclusive).
  const c0 = Math.max(0, Math.floor((extent[0]! - x0) / cs));
  const c1 = Math.min(cols, Math.ceil((extent[2]! - x0) / cs));
  const r0 = Math.max(0, Math.floor((extent[1]! - y0) / cs));
  const r1 = Math.min(rows, Math.ceil((extent[3]! - y0) / cs));
  if (c0 >= c1 || r0 >= r1) return out;
  const px = (c: number): number => (x0 + c * cs - extent[0]!) * k;
  const py = (r: number): number => (extent[3]! - (y0 + r * cs)) * k;
  const regional = scale === 'regio/stad';
  const blit = (
    target: CanvasRenderingContext2D,
    source: HTMLCanvasElement | ImageBitmap,
  ): void => {
    target.imageSmoothingEnabled = false;
    target.drawImage(
      source,
      c0,
      rows - r1,
      c1 - c0,
      r1 - r0,
      px(c0),
      py(r1),
      px(c1) - px(c0),
      py(r0) - py(r1),
    );
  };
  if (!look.forced) blit(g, canvases.canvas(look.action, regional));
  else {
    blit(g, canvases.canvas(look.action, regional, 'white'));
    const tmp = frames.take('pattern', out.width, out.height);
    const t = tmp.getContext('2d');
    for (const state of PATTERNED) {
      const tile = forcedPatternTile(state);
      if (!t || !tile) continue;
      t.globalCompositeOperation = 'source-over';
      t.clearRect(0, 0, tmp.width, tmp.height);
      blit(t, canvases.canvas(look.action, regional, state));
      t.globalCompositeOperation = 'source-in';
      t.fillStyle = t.createPattern(tile, 'repeat') ?? '#000000';
      t.fillRect(0, 0, tmp.width, tmp.height);
      g.drawImage(tmp, 0, 0);
    }
  }
  // Outlines from the grid's edges: as the vector style (no-data units always outlined).
  const how = kansenScaleStyle(scale, Infinity);
  const width = look.forced ? Math.max(how.outline, 0.5) : how.outline;
  const states = canvases.states(look.action);
  const noData = ACTION_STATES.indexOf('no-data');
  const drawn = (id: number): boolean => id >= 0 && !(regional && canvases.hidden(id, scale));
  const keep =
    width > 0
      ? (a: number, b: number): boolean => drawn(a) || drawn(b)
      : (a: number, b: number): boolean =>
          (drawn(a) && states[a] === noData) || (drawn(b) && states[b] === noData);
  const edges = unitEdges(map, unitGrid, [c0, r0, c1, r1], keep);
  if (edges.length > 0) {
    g.beginPath();
    for (let i = 0; i < edges.length; i += 4) {
      g.moveTo(px(edges[i]!), py(edges[i + 1]!));
      g.lineTo(px(edges[i + 2]!), py(edges[i + 3]!));
    }
    g.strokeStyle = look.forced ? '#000000' : '#595959';
    g.lineWidth = (width > 0 ? width : 0.5) * pixelRatio;
    g.stroke();
  }
  if (how.label) drawLabels(g, canvases, look, extent, k, pixelRatio);
  return out;
}

/** The state written in each unit in view that is at least 90 × 24 CSS px on screen. */
function drawLabels(
  g: CanvasRenderingContext2D,
  canvases: RasterCanvases,
  look: RasterLook,
  extent: number[],
  k: number,
  pixelRatio: number,
): void {
  const { map } = canvases.data;
  const states = canvases.states(look.action);
  g.font = `${12 * pixelRatio}px sans-serif`;
  g.textAlign = 'center';
  g.textBaseline = 'middle';
  g.lineJoin = 'round';
  g.lineWidth = 3 * pixelRatio;
  g.strokeStyle = '#ffffff';
  g.fillStyle = '#000000';
  for (const u of map.units) {
    const [a, b, c, d] = u.bbox;
    if (c <= extent[0]! || a >= extent[2]! || d <= extent[1]! || b >= extent[3]!) continue;
    if (((c - a) * k) / pixelRatio < 90 || ((d - b) * k) / pixelRatio < 24) continue;
    const state = ACTION_STATES[states[u.id]!]!;
    const text = look.lang === 'en' ? STATE_LABELS[state].en : STATE_LABELS[state].nl;
    const x = ((a + c) / 2 - extent[0]!) * k;
    const y = (extent[3]! - (b + d) / 2) * k;
    g.strokeText(text, x, y);
    g.fillText(text, x, y);
  }
}
