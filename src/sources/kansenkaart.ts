/**
 * The kansenkaart from fact sources. Every source that can answer a whole area at once is a fact
 * layer of the grid:
 * - an in-memory GeoJSON source keys a point without a query (the polygon found, or none); the
 *   facts of each key are read by asking the source at the key's first cell, exactly as the
 *   location check does (`queryAll`);
 * - services and files read in parts (WFS, OGC API Features, ArcGIS REST, FlatGeobuf, GeoTIFF)
 *   first read the grid's area in a few requests (`readArea`, see `area-layer.ts`) and then answer
 *   each cell centre locally with the facts their point query gives there.
 * The rule engine runs once per distinct combination of facts (`assessResults`). A source whose
 * area read fails (timeout, HTML, OGC exception, over budget) does not sink the map: each cell has
 * its error answer, so its facts count as missing, and it is listed in `failed` with the reason.
 * Sources that can only be asked point by point (WMS GetFeatureInfo, the Locatieserver) are left
 * out and listed in `skipped`.
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
import type { FactSource, LocalizedText, SourceResult } from '../core/types.js';
import { localizedMessage } from '../core/messages.js';
import { isAreaSource, type AreaLayer } from './area-layer.js';
import { assessResults } from './check.js';
import { kansenkaartSourceMessages } from './kansenkaart-messages.js';
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

/** A source whose area could not be read: its facts are missing on the whole map. */
export interface FailedSource {
  id: string;
  title: string;
  /** The error code (`timeout`, `html-response`, `ogc-exception`, `too-large`, `too-complex`, …). */
  code: string;
  /** The technical message (English), for logs and administrators. */
  message: string;
  /** What happened and what it means for the map, in Dutch and English. */
  userMessage: LocalizedText;
  /** What went wrong only (the source's own message, without the consequence), Dutch and English. */
  reason: LocalizedText;
  /** The facts the source would have given (missing on the whole map). */
  facts: string[];
}

/** The map, which sources could not be combined and why, and which failed. */
export interface KansenkaartResult {
  map: Kansenkaart;
  skipped: Array<{ id: string; reason: string }>;
  failed: FailedSource[];
}

/** One fact layer: its cell keys and the answer per key. */
interface Layer {
  source: FactSource;
  keyAt(x: number, y: number): number;
  answer(key: number, point: [number, number]): Promise<SourceResult> | SourceResult;
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
  const combinable: FactSource[] = sources.filter((s) => isCellKeyed(s) || isAreaSource(s));
  const skipped = sources
    .filter((s) => !combinable.includes(s))
    .map((s) => ({
      id: s.id,
      reason:
        'This source can only be asked point by point (WMS GetFeatureInfo, the Locatieserver); the kansenkaart cannot read it for an area.',
    }));
  if (combinable.length === 0)
    throw new RangeError(
      'None of the sources can be combined into a kansenkaart: it needs polygon or raster sources (GeoJSON, FlatGeobuf, WFS, OGC API Features, ArcGIS REST, GeoTIFF), not only WMS or the Locatieserver.',
    );
  const keyed = sources.filter(isCellKeyed);
  if (options.area === undefined && keyed.length === 0)
    throw new RangeError(
      'The services have no coverage of their own to map: give an area (a bbox or a boundary).',
    );
  const area = options.area ?? { bbox: unionBox(keyed) };
  const grid = gridFor(area, options.cellSize);
  signal?.throwIfAborted();
  // Services and files read in parts read the area first, in parallel; a failure is a layer of
  // error answers (never an exception, except an abort).
  const read = new Map<FactSource, AreaLayer>();
  await Promise.all(
    combinable
      .filter((s) => !isCellKeyed(s) && isAreaSource(s))
      .map(async (s) => {
        if (!isAreaSource(s)) return;
        read.set(s, await s.readArea(grid, signal ? { signal } : {}));
      }),
  );
  signal?.throwIfAborted();
  const used: Layer[] = combinable.map((s) => {
    if (isCellKeyed(s))
      return {
        source: s,
        keyAt: (x, y) => s.cellKeyAt(x, y),
        answer: async (_key, [x, y]) =>
          (
            await queryAll([s], { x, y, crs: 'EPSG:28992' }, signal ? { signal } : {})
          )[0] as SourceResult,
      };
    const layer = read.get(s) as AreaLayer;
    return {
      source: s,
      keyAt: (x, y) => layer.keyAt(x, y),
      answer: (k, p) => layer.resultAt(k, p),
    };
  });
  const failed: FailedSource[] = [];
  for (const [s, layer] of read) if (layer.failed) failed.push(failedSource(s, layer.failed));
  const layers: CellLayer[] = used.map((l) => ({ id: l.source.id, keyAt: l.keyAt }));
  const progress: Progress | undefined = onProgress
    ? (done, total) => onProgress('cells', done, total)
    : undefined;
  const sampled = pause
    ? await sampleGridInSteps(grid, layers, area, pause, progress)
    : sampleGrid(grid, layers, area, progress);
  // Each source is asked once per distinct key (polygon, pixel values), as the location check
  // asks it; keys whose answers carry the same facts form one group, so the rule engine runs once
  // per distinct combination of facts, not of polygons.
  const answers = used.map(() => new Map<number, SourceResult>());
  const groups = used.map(() => new Map<number, number>());
  const keyCount = sampled.firstPoint.reduce((s, m) => s + m.size, 0);
  let asked = 0;
  for (let l = 0; l < used.length; l++) {
    const bySignature = new Map<string, number>();
    for (const [key, point] of sampled.firstPoint[l]!) {
      signal?.throwIfAborted();
      const result = await used[l]!.answer(key, point);
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
  return { map: buildKansenkaart(classified, reports, kb), skipped, failed };
}

/** A failed source for the summary: its error and what it means for the map. */
function failedSource(source: FactSource, result: SourceResult): FailedSource {
  const title = result.title ?? source.id;
  const reason =
    result.userMessage ??
    localizedMessage(kansenkaartSourceMessages, 'unreadable', { name: title });
  const facts = source.provides.join(', ');
  const userMessage: LocalizedText = { nl: '', en: '' };
  for (const lang of Object.keys(reason)) {
    const text = reason[lang] ?? '';
    const params = { name: title, reason: text, facts: facts === '' ? '-' : facts };
    userMessage[lang] = localizedMessage(kansenkaartSourceMessages, 'failed', params)[lang] ?? text;
  }
  return {
    id: source.id,
    title,
    code: result.code ?? 'error',
    message: result.message ?? '',
    userMessage,
    reason: { ...reason },
    facts: [...source.provides],
  };
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
