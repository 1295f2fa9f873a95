/**
 * Warnings of the sources of a run (e.g. "skipped 3 feature(s) that are not Polygon/MultiPolygon
 * (Point: 3)"), printed once per source on stderr, so a layer of points is not silently ignored.
 */
import type { FactSource } from '../core/types.js';
import { terminalText } from '../core/plain-text.js';

/** The construction warnings of the sources that have any (plain text, one per line). */
export function sourceWarnings(sources: readonly FactSource[]): string[] {
  const out: string[] = [];
  for (const s of sources) {
    const w = (s as { warnings?: unknown }).warnings;
    if (!Array.isArray(w)) continue;
    for (const text of w) if (typeof text === 'string') out.push(terminalText(text, 500));
  }
  return out;
}

/** Prints the warnings once on stderr (`natuurlijke-alliantie: warning: …`). */
export function printSourceWarnings(
  sources: readonly FactSource[],
  err: (text: string) => void,
): string[] {
  const warnings = sourceWarnings(sources);
  for (const w of warnings) err(`natuurlijke-alliantie: warning: ${w}\n`);
  return warnings;
}
