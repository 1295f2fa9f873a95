/**
 * Strict numbers for user input and data: decimal notation only (no hex `0x…`, no `Infinity`, no
 * underflow to 0, no overflow), and the plausible range of each numeric fact, with messages that
 * name the field and the range.
 */
import type { FactName } from './types.js';

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Why a text is not a usable decimal number, or the number. */
export type DecimalResult =
  { ok: true; value: number } | { ok: false; why: 'not-decimal' | 'overflow' | 'underflow' };

/**
 * Parses decimal notation (`12`, `-3.5`, `.5`, `1.2e3`). Refuses other notations (`0x1F`, `1_000`,
 * `Infinity`, a comma), numbers too large for a double (`1e400`) and non-zero numbers that round
 * to 0 (`1e-400`).
 */
export function parseDecimal(text: string): DecimalResult {
  const s = text.trim();
  if (s.length > 400 || !DECIMAL.test(s)) return { ok: false, why: 'not-decimal' };
  const value = Number(s);
  if (!Number.isFinite(value)) return { ok: false, why: 'overflow' };
  if (value === 0) {
    const mantissa = s.replace(/[eE].*$/, '');
    if (/[1-9]/.test(mantissa)) return { ok: false, why: 'underflow' };
  }
  return { ok: true, value: value + 0 };
}

/** A plausible range, with its unit. */
export interface FactRange {
  min: number;
  max: number;
  unit: string;
}

/**
 * Plausible ranges of the numeric facts (generous bounds, to catch errors, not to judge data):
 * elevation in m +NAP (the Netherlands lie between about −7 and +323 m), flood depth in m
 * (≥ 0), heat as PET in °C.
 */
export const FACT_RANGES: Readonly<Partial<Record<FactName, FactRange>>> = {
  elevation: { min: -100, max: 1000, unit: 'm +NAP' },
  floodDepth: { min: 0, max: 30, unit: 'm' },
  heat: { min: -50, max: 80, unit: '°C PET' },
};

/** `undefined` when `value` is in the range of `fact` (or the fact has none), else the reason. */
export function outOfRange(fact: FactName, value: number): string | undefined {
  const r = FACT_RANGES[fact];
  if (r === undefined) return undefined;
  if (Number.isFinite(value) && value >= r.min && value <= r.max) return undefined;
  return `is outside the plausible range ${r.min} to ${r.max} ${r.unit}`;
}

/** Message text for a failed {@link parseDecimal}. */
export function decimalProblem(why: 'not-decimal' | 'overflow' | 'underflow'): string {
  if (why === 'overflow') return 'is too large to be a number';
  if (why === 'underflow') return 'is too small to be a number (it would become 0)';
  return 'is not a decimal number';
}

/** A number in a JSON text that JSON.parse turns into 0 although it is not 0 (`1e-400`). */
export interface UnderflowInJson {
  /** The last object key before the number (the field, in a flat object such as `--facts`). */
  key?: string;
  /** The number as written. */
  raw: string;
}

/**
 * The numbers of a JSON text that underflow to 0 in `JSON.parse` (`{"heat": 1e-400}` parses as
 * `{"heat": 0}`, and the text is gone after parsing). One linear pass, strings skipped; works on
 * any text (call it on text that parsed).
 */
export function underflowingNumbers(text: string): UnderflowInJson[] {
  const out: UnderflowInJson[] = [];
  let lastString: string | undefined;
  let key: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      const start = i + 1;
      for (i = start; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 92 /* \ */) i++;
        else if (d === 34) break;
      }
      lastString = text.slice(start, i);
    } else if (c === 58 /* : */) {
      key = lastString;
    } else if (c === 45 /* - */ || (c >= 48 && c <= 57)) {
      const start = i;
      while (i + 1 < text.length && /[0-9eE+\-.]/.test(text.charAt(i + 1))) i++;
      const raw = text.slice(start, i + 1);
      const d = parseDecimal(raw);
      if (!d.ok && d.why === 'underflow') out.push(key === undefined ? { raw } : { key, raw });
    }
  }
  return out;
}
