/**
 * The location check: ask every source in parallel, then run the rule engine on what came back.
 * A failing source never stops the check: it shows in `report.sources` with its message, and the
 * facts of the other sources still count.
 */
import { assess } from '../core/assess.js';
import { toCrs } from '../core/crs.js';
import type { KnowledgeBase } from '../core/kb/types.js';
import type { Report } from '../core/report.js';
import type { FactSource, Location, SourceResult } from '../core/types.js';
import { queryAll } from './query-all.js';

export interface CheckOptions {
  signal?: AbortSignal;
  /** Per-source timeout in ms. */
  timeoutMs?: number;
}

/**
 * Checks a location against the sources and the knowledge base.
 * Rejects only when `signal` aborts (with its reason).
 */
export async function checkLocation(
  sources: readonly FactSource[],
  location: Location,
  kb: KnowledgeBase,
  options: CheckOptions = {},
): Promise<Report> {
  const results = await queryAll([...sources], location, options);
  const [lon, lat] = toCrs([location.x, location.y], location.crs, 'EPSG:4326');
  const [rdX, rdY] = toCrs([location.x, location.y], location.crs, 'EPSG:28992');
  return assessResults(results, kb, {
    ...location,
    lon: round(lon, 6),
    lat: round(lat, 6),
    rdX: round(rdX, 2),
    rdY: round(rdY, 2),
  });
}

/**
 * Runs the rule engine on the answers of the sources, as the location check does (the kansenkaart
 * uses it once per fact combination).
 */
export function assessResults(
  results: readonly SourceResult[],
  kb: KnowledgeBase,
  location?: Report['location'],
): Report {
  return assess(
    {
      facts: results.flatMap((r) => r.facts),
      sources: results.map((r) => ({
        id: r.sourceId,
        title: r.title,
        status: r.status,
        ...(r.message ? { message: r.message } : {}),
        ...(r.reason ? { reason: r.reason } : {}),
        ...(r.code ? { code: r.code } : {}),
        ...(r.userMessage ? { userMessage: r.userMessage } : {}),
        ...(r.detail ? { detail: r.detail } : {}),
      })),
      ...(location === undefined ? {} : { location }),
    },
    kb,
  );
}

/** True when no source has data at the location because it lies outside all of them. */
export function isOutsideAllData(report: Report): boolean {
  return (
    report.sources.length > 0 &&
    report.sources.every((s) => s.status === 'no-data' && s.reason === 'outside-coverage')
  );
}

function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}
