/**
 * The kansenkaart from fact sources: each source that can key a point without a query (an
 * in-memory GeoJSON source: the polygon found, or none) becomes a fact layer of the grid; the
 * facts of each distinct fact combination are read once, by asking every source at the first cell
 * of the combination exactly as the location check does (`queryAll` + `assessResults`), and the
 * rule engine runs once per combination. Sources that can only be asked point by point (WMS,
 * remote services, GeoTIFF, FlatGeobuf over HTTP) are left out and listed in `skipped`: the map
 * then rests on the other sources and says so.
 */
import {
  buildKansenkaart,
  gridFor,
  groupTuples,
  sampleGrid,
  sampleGridInSteps,
  type CellLayer,
  type KansenArea,
  type Kansenkaart,
  type Progress,
} from '../core/kansenkaart/compute.js';
import type { KnowledgeBase } from '../core/kb/types.js';
import type { BBox } from '../core/geometry.js';
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
  /**
   * Awaited between steps of the computation (on a browser's main thread: a yield to rendering
   * and input, e.g. `yieldToBrowser(signal)`); without it the grid is sampled in one go.
   */
  pause?: () => Promise<void>;
}

/** Polygons whose facts are read between two `pause`s. */
const KEYS_PER_STEP = 200;

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
  const { signal, onProgress, pause } = options;
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
  const sampled = pause
    ? await sampleGridInSteps(grid, layers, area, pause, progress)
    : sampleGrid(grid, layers, area, progress);
  // Each source is asked once per distinct key (polygon), as the location check asks it; keys
  // whose answers carry the same facts form one group, so the rule engine runs once per distinct
  // combination of facts, not of polygons.
  const answers = used.map(() => new Map<number, SourceResult>());
  const groups = used.map(() => new Map<number, number>());
  const keyCount = sampled.firstPoint.reduce((s, m) => s + m.size, 0);
  let asked = 0;
  for (let l = 0; l < used.length; l++) {
    const bySignature = new Map<string, number>();
    for (const [key, [x, y]] of sampled.firstPoint[l]!) {
      signal?.throwIfAborted();
      const [answer] = await queryAll(
        [used[l]!],
        { x, y, crs: 'EPSG:28992' },
        signal ? { signal } : {},
      );
      const result = answer as SourceResult;
      answers[l]!.set(key, result);
      const sig = signatureOf(result);
      let g = bySignature.get(sig);
      if (g === undefined) {
        g = bySignature.size;
        bySignature.set(sig, g);
      }
      groups[l]!.set(key, g);
      asked++;
      if (pause && asked % KEYS_PER_STEP === 0) await pause();
      if (onProgress && asked % 5000 === 0) onProgress('tuples', asked, keyCount);
    }
  }
  const classified = groupTuples(sampled, groups);
  const reports = classified.tupleRawKeys.map((raw) =>
    assessResults(
      raw.map((k, l) => answers[l]!.get(k) as SourceResult),
      kb,
    ),
  );
  onProgress?.('tuples', keyCount, keyCount);
  return { map: buildKansenkaart(classified, reports, kb), skipped };
}

/**
 * What of a source's answer reaches the rule engine's decisions: the status and reason, and each
 * fact's name, status, value, range and reason (not messages, which name the point).
 */
function signatureOf(r: SourceResult): string {
  return JSON.stringify([
    r.status,
    r.reason ?? null,
    r.code ?? null,
    r.facts.map((f) => [
      f.name,
      f.status,
      f.value ?? null,
      (f as { range?: unknown }).range ?? null,
      (f as { reason?: unknown }).reason ?? null,
      (f as { complexUnits?: unknown }).complexUnits ?? null,
    ]),
  ]);
}

/** The union of the coverages of the sources (EPSG:28992). */
export function unionBox(sources: readonly CellKeyedSource[]): BBox {
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
