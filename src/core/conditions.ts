/**
 * The conditions of the knowledge base evaluated against what is known at a location, and the
 * reason templates filled from it: shared by the rule engine (`assess.ts`) and the summary
 * (`summary.ts`), which both import this module (so neither imports the other in a circle).
 */
import { gtInfo, gtMainIndex } from './groundwater.js';
import type { Conditions, NumRange, Zone } from './kb/types.js';
import type { ConditionKey, DepthRange, ReasonItem } from './report.js';
import { formatMessage, messageArguments, type MessageParams } from './messages.js';
import type { LocalizedText } from './types.js';

/** Derived keys and the facts they are derived from (what to ask for when they are unknown). */
const DERIVED_FROM: Partial<Record<ConditionKey, ConditionKey[]>> = {
  infiltration: ['texture', 'gt'],
  infiltrationReason: ['texture', 'gt'],
  groundwater: ['gt'],
  ghg: ['gt'],
  soilLayer: ['texture'],
};

const PLACEHOLDER_KEYS: Record<string, ConditionKey> = {
  zone: 'zone',
  landscapeType: 'landscapeType',
  texture: 'texture',
  gt: 'gt',
  seepage: 'seepage',
  position: 'position',
  heat: 'heat',
  flood: 'flood',
  elevation: 'elevation',
  ghg: 'ghg',
  groundwater: 'groundwater',
  infiltration: 'infiltration',
  infiltrationReason: 'infiltrationReason',
  soilLayer: 'soilLayer',
  landUse: 'landUse',
  waterQuality: 'waterQuality',
};

/** Source id used for values derived from the knowledge base (not read from a data source). */
export const KB_SOURCE_ID = 'kennisbank';

/** A value known at the location, with its label and source (input of the rule evaluation). */
export interface Known {
  value: string | number;
  sourceId: string;
  label: LocalizedText;
}

export type Evaluation =
  | { kind: 'match'; reasons: ReasonItem[] }
  | { kind: 'nomatch' }
  | { kind: 'missing'; needs: ConditionKey[]; reasons: ReasonItem[] };

export function reasonOf(key: ConditionKey, known: Map<ConditionKey, Known>): ReasonItem[] {
  const k = known.get(key);
  return k ? [{ key, value: k.value, label: k.label, sourceId: k.sourceId }] : [];
}

/** Extra values for conditions that test more than one known label (the GHG range). */
export interface EvalContext {
  ghg?: DepthRange | null;
}

/** True when the whole GHG range lies within `r` (cm below the surface). */
function ghgWithin(ghg: DepthRange | null | undefined, r: NumRange): boolean {
  if (!ghg) return false;
  const lo = ghg.min ?? 0;
  const hi = ghg.max ?? Infinity;
  return (r.min === undefined || lo >= r.min) && (r.max === undefined || hi <= r.max);
}

/** True when the conditions (or one of their alternatives) name the zone. */
function namesZone(c: Conditions, code: string): boolean {
  return c.zone?.includes(code) === true || (c.anyOf ?? []).some((a) => namesZone(a, code));
}

/** A principle of an exclusive zone: it names the zone, or is bound to the zone's landscape type. */
export function belongsToZone(c: Conditions, zone: Zone): boolean {
  if (namesZone(c, zone.code)) return true;
  return zone.landscapeType !== null && c.landscapeType?.includes(zone.landscapeType) === true;
}

function inRange(v: number, r: NumRange): boolean {
  return (r.min === undefined || v >= r.min) && (r.max === undefined || v <= r.max);
}

/**
 * Evaluates conditions against the known values: `match` (with the facts that matched),
 * `nomatch`, or `missing` (nothing contradicts, but some tested facts are unknown).
 */
export function evaluate(
  c: Conditions,
  known: Map<ConditionKey, Known>,
  ctx: EvalContext = {},
): Evaluation {
  const reasons: ReasonItem[] = [];
  const needs: ConditionKey[] = [];
  const check = (key: ConditionKey, test: (v: string | number) => boolean): boolean => {
    const k = known.get(key);
    if (!k) {
      const from = DERIVED_FROM[key]?.filter((f) => !known.has(f)) ?? [];
      needs.push(...(from.length > 0 ? from : [key]));
      return true;
    }
    if (!test(k.value)) return false;
    reasons.push({ key, value: k.value, label: k.label, sourceId: k.sourceId });
    return true;
  };
  const inList = (list: readonly string[]) => (v: string | number) => list.includes(String(v));
  // Holds when the fact is unknown or known with another value (an unknown fact needs nothing).
  const notKnownAs = (key: ConditionKey, list: readonly string[]): boolean => {
    const k = known.get(key);
    if (!k) return true;
    if (list.includes(String(k.value))) return false;
    reasons.push({ key, value: k.value, label: k.label, sourceId: k.sourceId });
    return true;
  };
  const anyInList = (list: readonly string[]) => (v: string | number) =>
    String(v)
      .split('|')
      .some((x) => list.includes(x));
  const ok =
    (c.landscapeType === undefined || check('landscapeType', inList(c.landscapeType))) &&
    (c.zone === undefined || check('zone', inList(c.zone))) &&
    (c.texture === undefined || check('texture', inList(c.texture))) &&
    (c.seepage === undefined || check('seepage', inList(c.seepage))) &&
    (c.position === undefined || check('position', inList(c.position))) &&
    (c.gt === undefined ||
      check('gt', (v) => {
        const main = gtMainIndex(gtInfo(String(v)).main);
        const min = c.gt?.min !== undefined ? gtMainIndex(c.gt.min) : 1;
        const max = c.gt?.max !== undefined ? gtMainIndex(c.gt.max) : 8;
        return main >= min && main <= max;
      })) &&
    (c.groundwater === undefined || check('groundwater', inList(c.groundwater))) &&
    (c.ghg === undefined || check('ghg', () => ghgWithin(ctx.ghg, c.ghg as NumRange))) &&
    (c.infiltration === undefined || check('infiltration', inList(c.infiltration))) &&
    (c.infiltrationReason === undefined ||
      check('infiltrationReason', anyInList(c.infiltrationReason))) &&
    (c.soilLayer === undefined || check('soilLayer', anyInList(c.soilLayer))) &&
    (c.landUse === undefined || check('landUse', inList(c.landUse))) &&
    (c.waterQuality === undefined || check('waterQuality', inList(c.waterQuality))) &&
    (c.notWaterQuality === undefined || notKnownAs('waterQuality', c.notWaterQuality)) &&
    (c.heat === undefined || check('heat', (v) => inRange(Number(v), c.heat as NumRange))) &&
    (c.flood === undefined || check('flood', (v) => inRange(Number(v), c.flood as NumRange))) &&
    (c.elevation === undefined ||
      check('elevation', (v) => inRange(Number(v), c.elevation as NumRange)));
  if (!ok) return { kind: 'nomatch' };

  if (c.anyOf && c.anyOf.length > 0) {
    const alternatives = c.anyOf.map((alt) => evaluate(alt, known, ctx));
    const hit = alternatives.find((a) => a.kind === 'match');
    if (hit && hit.kind === 'match') reasons.push(...hit.reasons);
    else {
      const open = alternatives.filter((a) => a.kind === 'missing');
      if (open.length === 0) return { kind: 'nomatch' };
      for (const a of open) if (a.kind === 'missing') needs.push(...a.needs);
    }
  }
  if (needs.length > 0) return { kind: 'missing', needs: [...new Set(needs)], reasons };
  return { kind: 'match', reasons };
}

/** What a reason template shows for a placeholder whose fact is not known at the location. */
export const UNKNOWN_VALUE = '?';

/**
 * The values of a reason template's placeholders in one language: the label of the fact in that
 * language (Dutch when it has none) for `{gt}`, the fact's number for `{heat, number}` or
 * `{flood, plural, …}`, its value for `{texture, select, …}`, and the soil code for `{soilCode}`
 * (which stays `{soilCode}` when there is none). A fact that is not known gets no value: the
 * template shows {@link UNKNOWN_VALUE} there.
 */
function reasonParams(
  text: string,
  lang: string,
  known: Map<ConditionKey, Known>,
  soilCode: string | undefined,
): MessageParams {
  const params: Record<string, string | number> = {};
  for (const [name, kind] of messageArguments(text) ?? []) {
    if (name === 'soilCode') {
      params[name] = soilCode || '{soilCode}';
      continue;
    }
    const key = Object.prototype.hasOwnProperty.call(PLACEHOLDER_KEYS, name)
      ? PLACEHOLDER_KEYS[name]
      : undefined;
    const k = key === undefined ? undefined : known.get(key);
    if (!k) continue;
    if (kind === 'number') {
      const n = typeof k.value === 'number' ? k.value : Number(k.value.trim() || NaN);
      if (Number.isFinite(n)) params[name] = n;
    } else if (kind === 'choice') params[name] = String(k.value);
    else params[name] = k.label[lang] ?? k.label.nl;
  }
  return params;
}

/**
 * A reason template (or summary text) formatted with this location's values, per language. The
 * templates are ICU messages, formatted by the one message system (`formatMessage`): `{gt}` inserts
 * the label of a known fact, `{flood, plural, one {…} other {…}}` chooses a plural form, and a
 * literal `{` or a quote before a brace is written between apostrophes. A fact that is not known
 * shows as {@link UNKNOWN_VALUE}.
 */
export function formatReason(
  template: LocalizedText,
  known: Map<ConditionKey, Known>,
  soilCode?: string,
): LocalizedText {
  const out: LocalizedText = { nl: '', en: '' };
  for (const [lang, text] of Object.entries(template)) {
    out[lang] = formatMessage(text, lang, reasonParams(text, lang, known, soilCode), {
      missing: UNKNOWN_VALUE,
    });
  }
  return out;
}
