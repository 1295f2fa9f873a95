/**
 * Bounds on JSON input, checked in one linear pass before any parser runs: the nesting depth (a
 * deeply nested text overflows the stack of recursive parsers and validators) and, for
 * configuration files, the size (a sources or knowledge-base file of many megabytes is a data file
 * given in the wrong place).
 */
import { defined } from './defined.js';
import { NaError } from './types.js';

/** Deepest nesting accepted in configuration files (sources, knowledge base, widget texts, facts). */
export const MAX_CONFIG_DEPTH = 64;
/** Deepest nesting accepted in data files (GeoJSON, scenarios); GeoJSON needs 6. */
export const MAX_DATA_DEPTH = 256;
/** Largest configuration file (4 MiB); the whole default knowledge base is about 300 kB. */
export const MAX_CONFIG_BYTES = 4 * 1024 * 1024;

/**
 * The deepest nesting of `[` and `{` in a JSON text (strings skipped), counting only up to
 * `stopAt` (the scan ends there). Linear time, constant memory; works on malformed text too.
 */
export function jsonDepth(text: string, stopAt = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      depth++;
      if (depth > max) {
        max = depth;
        if (max > stopAt) return max;
      }
    } else if (c === 93 /* ] */ || c === 125 /* } */) {
      if (depth > 0) depth--;
    }
  }
  return max;
}

/**
 * Throws NaError `too-complex` when `text` nests deeper than `maxDepth`, naming the file and the
 * limit.
 */
export function checkJsonDepth(text: string, maxDepth: number, file?: string): void {
  const depth = jsonDepth(text, maxDepth);
  if (depth > maxDepth) {
    const where = file === undefined ? '' : `${file}: `;
    throw new NaError(
      'too-complex',
      `${where}the JSON is nested more than ${maxDepth} levels deep (limit maxDepth = ${maxDepth}); this is not a file this program reads.`,
      { ...defined({ file }), limit: 'maxDepth', max: maxDepth },
    );
  }
}

/**
 * Checks a configuration text (sources file, knowledge-base file, widget texts) before parsing:
 * at most {@link MAX_CONFIG_BYTES} characters (else `too-large`, "this looks like a data file")
 * and at most {@link MAX_CONFIG_DEPTH} levels.
 * @param what e.g. `sources file`, `knowledge-base file`
 */
export function checkConfigText(text: string, what: string, file?: string): void {
  const where = file === undefined ? '' : `${file}: `;
  if (text.length > MAX_CONFIG_BYTES) {
    throw new NaError(
      'too-large',
      `${where}the file is ${Math.round(text.length / 1024)} kB, over the limit of ${MAX_CONFIG_BYTES / 1024 / 1024} MiB for a ${what}: this looks like a data file, not a ${what}. Refer to data files from the "path" or "url" of a source.`,
      { ...defined({ file }), limit: 'maxConfigBytes', max: MAX_CONFIG_BYTES },
    );
  }
  checkJsonDepth(text, MAX_CONFIG_DEPTH, file);
}
