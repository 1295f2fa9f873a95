/**
 * The computation job of `<na-kansenkaart-layer>` (what the Worker is asked to compute) and its
 * progress as one share.
 */
import type OlMap from 'ol/Map.js';
import type { BBox } from '../../src/core/geometry.js';
import type { KnowledgeBase } from '../../src/core/kb/types.js';
import type { KansenkaartJob, KansenkaartJobProgress } from '../../src/sources/kansenkaart-job.js';

/** The largest grid the element computes (cells: 1,000,000 = 625 km² at 25 m). */
export const BROWSER_MAX_CELLS = 1_000_000;

/**
 * The job for the sources file at `url` (relative to the page): the `bbox` attribute's box, else
 * the map's view clipped to the data's coverage, else (`area="coverage"`) the whole coverage.
 * `viewExtentRd` gives the map's view in EPSG:28992 (the engine's, ./engine.ts: this module stays
 * out of it, so the element's first load has no proj4).
 */
export function kansenkaartJob(
  map: OlMap,
  url: string,
  options: {
    cellSize: number;
    area: 'view' | 'coverage';
    bbox: string | undefined;
    knowledgeBase: KnowledgeBase | undefined;
  },
  viewExtentRd: (map: OlMap) => BBox | undefined,
): KansenkaartJob {
  const job: KansenkaartJob = {
    sources: new URL(url, document.baseURI).href,
    cellSize: options.cellSize,
    maxCells: BROWSER_MAX_CELLS,
    ...(options.knowledgeBase ? { knowledgeBase: options.knowledgeBase } : {}),
  };
  const box = parseBbox(options.bbox);
  if (box) job.area = { bbox: box };
  else if (options.area !== 'coverage') {
    const view = viewExtentRd(map);
    if (view) {
      job.area = { bbox: view };
      job.clipToCoverage = true;
    }
  }
  return job;
}

/** Parses `minX,minY,maxX,maxY` (EPSG:28992); undefined when absent or not four numbers. */
function parseBbox(text: string | undefined): BBox | undefined {
  if (text === undefined) return undefined;
  const parts = text.split(',').map((p) => Number(p.trim()));
  if (parts.length !== 4 || !parts.every(Number.isFinite)) return undefined;
  const [a, b, c, d] = parts as [number, number, number, number];
  return a < c && b < d ? [a, b, c, d] : undefined;
}

/** One number 0–1 over the phases: sources 5 %, cells 60 %, polygons 35 %. */
export function progressShare(p: KansenkaartJobProgress): number {
  const f = p.total > 0 ? Math.min(1, p.done / p.total) : 0;
  if (p.phase === 'sources') return 0.05 * f;
  if (p.phase === 'cells') return 0.05 + 0.6 * f;
  return 0.65 + 0.35 * f;
}
