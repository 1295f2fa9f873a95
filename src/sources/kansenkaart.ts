/**
 * The kansenkaart from fact sources: each source that can key a point without a query (an
 * in-memory GeoJSON source: the polygon found, or none) becomes a fact layer of the grid; the
 * facts of each distinct fact combination are read once, by asking every source at the first cell
 * of the combination exactly as the location check does (`queryAll` + `assessResults`), and the
 * rule engine runs once per combination. Sources that can only be asked point by point (WMS,
 * remote services, GeoTIFF, FlatGeobuf over HTTP) are left out and listed in `skipped`: the map
 * then rests on the other sources and says so.
 */
import { assess } from '../core/assess.js';
import {
  buildKansenkaart,
  classifyGrid,
  gridFor,
  type CellLayer,
  type KansenArea,
  type Kansenkaart,
  type Progress,
} from '../core/kansenkaart/compute.js';
import type { KnowledgeBase } from '../core/kb/types.js';
import type { Report } from '../core/report.js';
import type { BBox } from '../core/scenario/geometry.js';
import type { FactSource, SourceResult } from '../core/types.js';
import { assessResults } from './check.js';
import { queryAll } from './query-all.js';

/** A source that can key a point in EPSG:28992 without a query (see `GeoJsonSource.cellKeyAt`). */
export interface CellKeyedSource extends FactSource {
  cellKeyAt(x: number, y: number): number;
  coverageBox(): BBox | undefined;
}

/** Whether a source can be a layer of the kansenkaart. */
export function isCellKeyed(source: FactSource): source is CellKeyedSource {
  const s = source as Partial<CellKeyedSource>;
  return typeof s.cellKeyAt === 'function' && typeof s.coverageBox === 'function';
}

/** Options of {@link kansenkaartFromSources}. */
export interface KansenkaartOptions {
  /** Cell size in m (default 25). */
  cellSize?: number;
  /** The area; default: the union of the coverages of the sources used. */
  area?: KansenArea;
  signal?: AbortSignal;
  /** Called now and then with cells classified and the total; then with tuples assessed. */
  onProgress?: (phase: 'cells' | 'tuples', done: number, total: number) => void;
}

/** The map, and which sources could not be combined and why. */
export interface KansenkaartResult {
  map: Kansenkaart;
  skipped: Array<{ id: string; reason: string }>;
}

/**
 * Computes the kansenkaart of an area from the sources.
 * @throws RangeError when no source can be combined, or the area is empty or too large
 */
export async function kansenkaartFromSources(
  sources: readonly FactSource[],
  kb: KnowledgeBase,
  options: KansenkaartOptions = {},
): Promise<KansenkaartResult> {
  const { signal, onProgress } = options;
  const used = sources.filter(isCellKeyed);
  const skipped = sources
    .filter((s) => !isCellKeyed(s))
    .map((s) => ({
      id: s.id,
      reason:
        'This source can only be asked point by point (a service or a file read in parts); the kansenkaart combines in-memory sources only.',
    }));
  if (used.length === 0)
    throw new RangeError(
      'None of the sources can be combined into a kansenkaart: it needs in-memory sources (type "geojson").',
    );
  const area = options.area ?? { bbox: unionBox(used) };
  const grid = gridFor(area, options.cellSize);
  const layers: CellLayer[] = used.map((s) => ({ id: s.id, keyAt: (x, y) => s.cellKeyAt(x, y) }));
  const progress: Progress | undefined = onProgress
    ? (done, total) => onProgress('cells', done, total)
    : undefined;
  signal?.throwIfAborted();
  const classified = classifyGrid(grid, layers, area, progress);
  const reports = await resolveTuples(used, classified.tupleKeys, classified.tuplePoint, kb, {
    ...(signal ? { signal } : {}),
    ...(onProgress ? { onProgress: (d: number, t: number) => onProgress('tuples', d, t) } : {}),
  });
  return { map: buildKansenkaart(classified, reports, kb), skipped };
}

/**
 * The report of each fact tuple: every source is asked once per distinct key (at the first point
 * where it has that key) through `queryAll`, and the answers go through `assessResults`, as in
 * the location check.
 */
export async function resolveTuples(
  sources: readonly FactSource[],
  tupleKeys: readonly (readonly number[])[],
  tuplePoint: ReadonlyArray<readonly [number, number]>,
  kb: KnowledgeBase,
  options: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void } = {},
): Promise<Report[]> {
  const caches = sources.map(() => new Map<number, SourceResult>());
  const reports: Report[] = [];
  for (let t = 0; t < tupleKeys.length; t++) {
    options.signal?.throwIfAborted();
    const keys = tupleKeys[t]!;
    const [x, y] = tuplePoint[t]!;
    const results: SourceResult[] = [];
    for (let i = 0; i < sources.length; i++) {
      const cache = caches[i]!;
      const key = keys[i]!;
      let r = cache.get(key);
      if (r === undefined) {
        const [answer] = await queryAll(
          [sources[i]!],
          { x, y, crs: 'EPSG:28992' },
          {
            ...(options.signal ? { signal: options.signal } : {}),
          },
        );
        r = answer as SourceResult;
        cache.set(key, r);
      }
      results.push(r);
    }
    reports.push(results.length > 0 ? assessResults(results, kb) : assess([], kb));
    options.onProgress?.(t + 1, tupleKeys.length);
  }
  return reports;
}

function unionBox(sources: readonly CellKeyedSource[]): BBox {
  let box: BBox | undefined;
  for (const s of sources) {
    const b = s.coverageBox();
    if (!b) continue;
    box = box
      ? [
          Math.min(box[0], b[0]),
          Math.min(box[1], b[1]),
          Math.max(box[2], b[2]),
          Math.max(box[3], b[3]),
        ]
      : [...b];
  }
  if (!box) throw new RangeError('The sources have no coverage: there is no area to map.');
  return box;
}
