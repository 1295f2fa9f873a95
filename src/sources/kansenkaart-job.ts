/**
 * One kansenkaart computation as plain data in and out, for `<na-kansenkaart-layer>`: run in its
 * module Worker (widgets/kansenkaart-layer/kansenkaart.worker.ts) or, without Workers, on the main
 * thread in steps (`pause`). The job names the sources file by URL: the sources (class instances
 * with spatial indexes) are built where the computation runs, once per URL, and cannot cross to a
 * Worker. The result is the {@link Kansenkaart} (plain data) and the sources left out.
 */
import { gridFor, type KansenArea } from '../core/kansenkaart/compute.js';
import { defined } from '../core/defined.js';
import type { BBox } from '../core/geometry.js';
import { defaultKnowledgeBase } from '../core/kb/default.js';
import type { KnowledgeBase } from '../core/kb/types.js';
import type { FactSource } from '../core/types.js';
import {
  isCellKeyed,
  kansenkaartFromSources,
  unionBox,
  type KansenkaartResult,
} from './kansenkaart.js';
import { loadSourcesFile } from './sources-file.js';
import { unitGridOf } from '../core/kansenkaart/unit-grid.js';
import { abortable } from './once.js';

/** A kansenkaart computation. */
export interface KansenkaartJob {
  /** Absolute URL of the sources file. */
  sources: string;
  /** The area (EPSG:28992); default: the union of the coverages of the sources used. */
  area?: KansenArea;
  /** Clip a `bbox` area to the union of the coverages (for the map's view). */
  clipToCoverage?: boolean;
  /** Cell size in m (default 25). */
  cellSize?: number;
  /** The largest grid computed (cells); a larger area fails with code `too-large`. */
  maxCells?: number;
  /** A knowledge base (plain data) instead of the bundled one. */
  knowledgeBase?: KnowledgeBase;
}

/** Progress of a job: the phase, and done and total of that phase. */
export interface KansenkaartJobProgress {
  phase: 'sources' | 'cells' | 'tuples';
  done: number;
  total: number;
}

/** The result: the map (undefined when the area holds no data), and the sources left out. */
export interface KansenkaartJobResult {
  map: KansenkaartResult['map'] | undefined;
  skipped: KansenkaartResult['skipped'];
  /** Sources whose area could not be read (their facts are missing), with the reason. */
  failed: KansenkaartResult['failed'];
  /** The area computed (EPSG:28992), after clipping. */
  bbox: BBox | undefined;
  /** Per cell of `map.grid` the unit covering it, or -1 ({@link unitGridOf}); with `map`. */
  unitGrid?: Int32Array;
}

/** The area is too large for `maxCells` (`code`: `too-large`). */
export class KansenkaartAreaError extends RangeError {
  readonly code = 'too-large';
  constructor(cells: number, max: number) {
    super(`The area has ${cells} cells, more than ${max}: zoom in or choose a smaller area.`);
    this.name = 'KansenkaartAreaError';
  }
}

/** Options of {@link runKansenkaartJob}. */
export interface KansenkaartJobOptions {
  signal?: AbortSignal;
  onProgress?: (progress: KansenkaartJobProgress) => void;
  /** Awaited between steps (main thread: yield to the browser). */
  pause?: () => Promise<void>;
}

const loaded = new Map<string, Promise<FactSource[]>>();

function sourcesOf(url: string): Promise<FactSource[]> {
  let sources = loaded.get(url);
  if (!sources) {
    sources = loadSourcesFile(url);
    loaded.set(url, sources);
    sources.catch(() => loaded.delete(url));
  }
  return sources;
}

/** Computes the kansenkaart of a job. */
export async function runKansenkaartJob(
  job: KansenkaartJob,
  options: KansenkaartJobOptions = {},
): Promise<KansenkaartJobResult> {
  const { signal, onProgress, pause } = options;
  onProgress?.({ phase: 'sources', done: 0, total: 1 });
  const sources = await abortable(sourcesOf(job.sources), signal);
  onProgress?.({ phase: 'sources', done: 1, total: 1 });
  const kb = job.knowledgeBase ?? defaultKnowledgeBase();
  let area = job.area;
  const used = sources.filter(isCellKeyed);
  if (area && 'bbox' in area && job.clipToCoverage && used.length > 0) {
    const c = unionBox(used);
    const b = area.bbox;
    const clipped: BBox = [
      Math.max(b[0], c[0]),
      Math.max(b[1], c[1]),
      Math.min(b[2], c[2]),
      Math.min(b[3], c[3]),
    ];
    if (!(clipped[0] < clipped[2] && clipped[1] < clipped[3]))
      return { map: undefined, skipped: [], failed: [], bbox: undefined };
    area = { bbox: clipped };
  }
  const bbox: BBox | undefined = area
    ? 'bbox' in area
      ? area.bbox
      : undefined
    : used.length > 0
      ? unionBox(used)
      : undefined;
  if (job.maxCells !== undefined) {
    const grid = gridFor(area ?? { bbox: bbox ?? [0, 0, 1, 1] }, job.cellSize);
    if (grid.cols * grid.rows > job.maxCells)
      throw new KansenkaartAreaError(grid.cols * grid.rows, job.maxCells);
  }
  const result = await kansenkaartFromSources(sources, kb, {
    ...defined({ area, cellSize: job.cellSize, signal, pause }),
    ...(onProgress
      ? { onProgress: (phase, done, total) => onProgress({ phase, done, total }) }
      : {}),
  });
  return {
    map: result.map,
    skipped: result.skipped,
    failed: result.failed,
    bbox,
    unitGrid: unitGridOf(result.map),
  };
}
