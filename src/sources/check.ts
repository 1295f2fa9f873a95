/**
 * The location check: ask every source in parallel, then run the rule engine on what came back.
 * A failing source never stops the check: it shows in `report.sources` with its message, and the
 * facts of the other sources still count.
 */
import { assess } from '../core/assess.js';
import { defined } from '../core/defined.js';
import { toCrs } from '../core/crs.js';
import type { KnowledgeBase } from '../core/kb/types.js';
import type { Report } from '../core/report.js';
import type { FactSource, Location, SourceResult } from '../core/types.js';
import { queryAll } from './query-all.js';

export interface CheckOptions {
  signal?: AbortSignal;
  /** Per-source timeout in ms. */
  timeoutMs?: number;
  /**
   * The rule engine step (default {@link assessResults}); a batch passes a
   * {@link memoizedAssessResults} so that places with the same answers are assessed once.
   */
  assess?: typeof assessResults;
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
  return (options.assess ?? assessResults)(results, kb, {
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
      ...defined({ location }),
    },
    kb,
  );
}

/** Default number of distinct source answers a {@link memoizedAssessResults} remembers. */
export const DEFAULT_ASSESS_MEMO_SIZE = 512;

/**
 * {@link assessResults} with a bounded memory of its last `size` distinct inputs (least recently
 * used first out), for a batch: the report is a function of the sources' answers and the knowledge
 * base only (the location is copied into it), and many places of a batch get the same answers
 * (the same polygons of a zonering, soil map and groundwater map), so the rule engine runs once per
 * distinct combination. The knowledge base must not change between calls (one memo per run).
 * Reports of a memo share their parts: treat them as read-only.
 */
export function memoizedAssessResults(
  size = DEFAULT_ASSESS_MEMO_SIZE,
): typeof assessResults & { readonly hits: number; readonly misses: number } {
  const memo = new Map<string, Report>();
  let hits = 0;
  let misses = 0;
  const run = (
    results: readonly SourceResult[],
    kb: KnowledgeBase,
    location?: Report['location'],
  ): Report => {
    // Every field assessResults reads, in a fixed order.
    const key = JSON.stringify(
      results.map((r) => [
        r.sourceId,
        r.title,
        r.status,
        r.message,
        r.reason,
        r.code,
        r.userMessage,
        r.detail,
        r.facts,
      ]),
    );
    let report = memo.get(key);
    if (report === undefined) {
      misses++;
      report = assessResults(results, kb);
      if (memo.size >= size) memo.delete(memo.keys().next().value as string);
    } else {
      hits++;
      memo.delete(key);
    }
    memo.set(key, report);
    return location === undefined ? report : { location, ...report };
  };
  return Object.defineProperties(run, {
    hits: { get: () => hits },
    misses: { get: () => misses },
  }) as typeof assessResults & { readonly hits: number; readonly misses: number };
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
