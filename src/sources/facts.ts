/**
 * Facts from feature properties: shared by every source kind (in-memory GeoJSON, OGC API
 * Features, WFS, WMS GetFeatureInfo, ArcGIS REST, GeoTIFF bands).
 *
 * Coercion rules (one place, so every source behaves the same):
 * - `null`, `undefined` and empty text → `no-data` / `no-value`.
 * - Numeric facts (`elevation`, `floodDepth`, `heat`) accept finite numbers and decimal text
 *   (`"3.5"`); anything else is an `error` fact naming the property.
 * - `soilCode`: the BRO Bodemkaart's `|h BEBOUW` (built-up, not mapped) and `|g WATER` are
 *   `no-data` with reason `built-up-not-mapped` / `water-not-mapped`, not codes.
 * - `landscapeType`, `position`, `seepage`, `landUse`, `waterQuality` must be one of their vocabularies (case and accents
 *   ignored).
 * - Optional value maps (`valueMap`) translate a source's own values first, e.g. a Fysisch-
 *   Geografische Regio name to a landscape type, or a raster class number to a groundwater class
 *   (`14` → `VIo`); a mapping to `null` means "no value here".
 * - No-data markers (`noData`, e.g. AHN's `"nodata"`, the Klimaateffectatlas' `-9999` and
 *   `2147483647`) are checked before anything else: such a value is `no-data` / `no-value` with a
 *   message naming the marker, never a number and never an error.
 * - Class maps (`classes`) read a numeric fact as a legend class (a colour of a heat map →
 *   PET 38–40 °C): the fact gets the class as `range` and its middle as `value`.
 * - A Bodemkaart map unit that is a complex (`Hn21/Hd21`) gives its first unit, and says so in the
 *   fact's `message`.
 */
import { defined } from '../core/defined.js';
import { LANDSCAPE_TYPES, LAND_USES, POSITIONS, SEEPAGE, WATER_QUALITIES } from '../core/types.js';
import { decimalProblem, outOfRange, parseDecimal } from '../core/numbers.js';
import { plainText } from '../core/plain-text.js';
import type {
  Fact,
  FactName,
  FloodKind,
  NoDataReason,
  Provenance,
  SourceResult,
  LocalizedText,
  ValueRange,
} from '../core/types.js';

/** Facts whose values are numbers. */
export const NUMERIC_FACTS: ReadonlySet<FactName> = new Set(['elevation', 'floodDepth', 'heat']);

/** The own property `key` of `obj` (never one inherited from Object.prototype, such as `constructor`). */
export function ownValue(obj: Readonly<Record<string, unknown>>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
}

/** Per fact: a source value → the fact value (or `null`: no value). */
export type ValueMap = Partial<Record<FactName, Readonly<Record<string, string | number | null>>>>;

/** A value by which a source marks "no data here" (`"nodata"`, `-9999`, `2147483647`). */
export type NoDataMarker = string | number;

/** Per fact: a source value (a legend class, e.g. a colour band value) → the range it stands for. */
export type ClassMap = Partial<Record<FactName, Readonly<Record<string, ValueRange>>>>;

/** How a source's raw values are read besides the property mapping (all optional). */
export interface ReadOptions {
  valueMap?: ValueMap;
  noData?: readonly NoDataMarker[];
  classes?: ClassMap;
  /** Kind of flooding of this source's `floodDepth` (set on its floodDepth facts). */
  floodKind?: FloodKind;
}

/**
 * The no-data marker that `raw` is, if any: a number marker matches the same number, also as
 * decimal text (`"-9999"`, `"-9999.0"`); a text marker matches the same text, case and surrounding
 * spaces ignored.
 */
export function noDataMarkerOf(
  raw: unknown,
  markers: readonly NoDataMarker[] | undefined,
): NoDataMarker | undefined {
  if (markers === undefined || markers.length === 0) return undefined;
  let asNumber: number | undefined;
  let asText: string | undefined;
  if (typeof raw === 'number') asNumber = raw;
  else if (typeof raw === 'string') {
    asText = raw.trim().toLowerCase();
    const d = parseDecimal(asText);
    if (d.ok) asNumber = d.value;
  } else return undefined;
  return markers.find((m) =>
    typeof m === 'number'
      ? asNumber === m
      : asText !== undefined && m.trim().toLowerCase() === asText,
  );
}

/** The key of a raw value in a class map: numbers (and decimal text) in their shortest form. */
function classKey(raw: unknown): string | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? String(raw) : undefined;
  if (typeof raw !== 'string') return undefined;
  const s = raw.trim();
  const d = parseDecimal(s);
  return d.ok ? String(d.value) : s;
}

/** The value that stands for a class: its middle, or the bound of an open class. */
export function rangeValue(r: ValueRange): number | undefined {
  if (r.min !== null && r.max !== null) return (r.min + r.max) / 2;
  return r.min ?? r.max ?? undefined;
}

/** A range as text: `38–40`, `< 32`, `> 50`. */
export function rangeText(r: ValueRange): string {
  if (r.min !== null && r.max !== null) return `${r.min}–${r.max}`;
  if (r.max !== null) return `< ${r.max}`;
  return r.min === null ? 'any' : `> ${r.min}`;
}

/**
 * The provenance fields every source's options share (the names of the sources file), so that
 * `provenanceOf(entry)` fills them for any source type.
 */
export interface ProvenanceOptions {
  /** Source id (as in the sources file); used in provenance. */
  id: string;
  /** Human-readable title; named in user messages. */
  title?: string;
  /** Version or date of the data. */
  version?: string;
  /** Scale (e.g. `1:50.000`) or resolution. */
  scale?: string;
  licence?: string;
  /** Link to the documentation of the data (provenance `url`). */
  documentation?: string;
  /** True for illustrative (demo) data. */
  illustrative?: boolean;
}

/**
 * The provenance fields of a source's options or of a sources-file entry (both use the same
 * names), without the unset ones: what a factory passes to a source.
 */
export function provenanceOf(o: ProvenanceOptions): ProvenanceOptions {
  return {
    id: o.id,
    ...defined({
      title: o.title,
      version: o.version,
      scale: o.scale,
      licence: o.licence,
      documentation: o.documentation,
      illustrative: o.illustrative,
    }),
  };
}

/** Builds the provenance of a source from its options (only the fields that are set). */
export function buildProvenance(o: ProvenanceOptions): Provenance {
  return {
    sourceId: o.id,
    title: o.title ?? o.id,
    ...defined({
      version: o.version,
      scale: o.scale,
      licence: o.licence,
      url: o.documentation,
      illustrative: o.illustrative,
    }),
  };
}

/** The result of coercing one raw value to a fact value. */
export type Coerced =
  | { ok: true; value: unknown; message?: string; complexUnits?: string[] }
  | { ok: false; status: 'no-data' | 'error'; reason: NoDataReason; message?: string };

const NO_VALUE: Coerced = { ok: false, status: 'no-data', reason: 'no-value' };

/** Short printable form of a value for messages. */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object' && v !== null) return 'an object';
  if (typeof v === 'function' || typeof v === 'symbol' || typeof v === 'bigint')
    return `a ${typeof v}`;
  const s =
    typeof v === 'number' && !Number.isFinite(v) ? String(v) : (JSON.stringify(v) ?? String(v));
  return plainText(s, 41);
}

/** `|h BEBOUW` (built-up, not mapped) and `|g WATER` of the BRO Bodemkaart, also as group codes. */
export function specialSoilCode(code: string): NoDataReason | undefined {
  if (code.startsWith('|h BEBOUW') || code === '|h BE') return 'built-up-not-mapped';
  if (code.startsWith('|g WATER') || code === '|g WA') return 'water-not-mapped';
  return undefined;
}

function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

function pick(s: string, allowed: readonly string[]): Coerced | undefined {
  return allowed.includes(s) ? { ok: true, value: s } : undefined;
}

/**
 * Coerces a raw property value to the value of fact `name` (rules in the module comment).
 * @param prop the property name (or band label), used in error messages.
 */
export function coerceFact(name: FactName, raw: unknown, prop: string): Coerced {
  if (raw === null || raw === undefined) return NO_VALUE;
  const bad = (why: string): Coerced => ({
    ok: false,
    status: 'error',
    reason: 'source-error',
    message: `Property "${prop}" = ${describeValue(raw)} ${why}.`,
  });
  if (NUMERIC_FACTS.has(name)) {
    let n: number;
    if (typeof raw === 'number') {
      if (!Number.isFinite(raw)) return bad('is not a finite number');
      n = raw;
    } else if (typeof raw === 'string') {
      const s = raw.trim();
      if (s === '') return NO_VALUE;
      const d = parseDecimal(s);
      if (!d.ok) return bad(decimalProblem(d.why));
      n = d.value;
    } else return bad('is not a number');
    const range = outOfRange(name, n);
    return range === undefined ? { ok: true, value: n } : bad(range);
  }
  let s: string;
  if (typeof raw === 'string') s = raw.trim();
  else if (typeof raw === 'number' && Number.isFinite(raw)) s = String(raw);
  else return bad('is not a text or code');
  if (s === '') return NO_VALUE;
  switch (name) {
    case 'soilCode': {
      const special = specialSoilCode(s);
      if (special !== undefined)
        return { ok: false, status: 'no-data', reason: special, message: s };
      const units = s
        .split('/')
        .map((u) => u.trim())
        .filter((u) => u !== '');
      if (units.length > 1) {
        return {
          ok: true,
          value: units[0],
          complexUnits: units,
          message: `Map unit ${s} is a complex of ${units.join(', ')}; the first unit, ${units[0]}, is used.`,
        };
      }
      return { ok: true, value: s };
    }
    case 'landscapeType':
      return (
        pick(fold(s), LANDSCAPE_TYPES) ??
        bad(`is not a landscape type (${LANDSCAPE_TYPES.join(', ')})`)
      );
    case 'position':
      return pick(fold(s), POSITIONS) ?? bad(`is not a position (${POSITIONS.join(', ')})`);
    case 'seepage':
      return pick(fold(s), SEEPAGE) ?? bad(`is not a seepage class (${SEEPAGE.join(', ')})`);
    case 'landUse':
      return pick(fold(s), LAND_USES) ?? bad(`is not a land-use class (${LAND_USES.join(', ')})`);
    case 'waterQuality':
      return (
        pick(fold(s), WATER_QUALITIES) ??
        bad(`is not a water-quality class (${WATER_QUALITIES.join(', ')})`)
      );
    default:
      return { ok: true, value: s };
  }
}

/**
 * Translates a raw value through a value map: an exact key first, then a key that matches with
 * case, accents and surrounding/double spaces ignored. Values not in the map pass unchanged.
 */
export function mapValue(
  raw: unknown,
  map: Readonly<Record<string, string | number | null>> | undefined,
): unknown {
  if (map === undefined || (typeof raw !== 'string' && typeof raw !== 'number')) return raw;
  const key = String(raw);
  if (Object.prototype.hasOwnProperty.call(map, key)) return map[key] as string | number | null;
  const norm = (s: string): string => fold(s).replace(/\s+/g, ' ').trim();
  const want = norm(key);
  for (const [k, v] of Object.entries(map)) if (norm(k) === want) return v;
  return raw;
}

/**
 * Makes one fact from a raw value: no-data markers first, then a class map, then the value map,
 * then the coercion rules (see the module comment). `options` may also be a bare value map.
 */
export function makeFact(
  name: FactName,
  raw: unknown,
  prop: string,
  provenance: Provenance,
  options?: ValueMap | ReadOptions,
): Fact {
  const read: ReadOptions = isReadOptions(options) ? options : { valueMap: options };
  const kind =
    name === 'floodDepth' && read.floodKind !== undefined ? { floodKind: read.floodKind } : {};
  const marker = noDataMarkerOf(raw, read.noData);
  if (marker !== undefined) {
    return {
      name,
      status: 'no-data',
      reason: 'no-value',
      message: `Property "${prop}" = ${describeValue(raw)} is the source's no-data marker (${JSON.stringify(marker)}).`,
      ...kind,
      provenance,
    } as Fact;
  }
  const classes = read.classes?.[name];
  if (classes !== undefined && raw !== null && raw !== undefined && raw !== '') {
    const key = classKey(raw);
    const range =
      key !== undefined && Object.prototype.hasOwnProperty.call(classes, key)
        ? classes[key]
        : undefined;
    const value = range === undefined ? undefined : rangeValue(range);
    if (range === undefined || value === undefined) {
      return {
        name,
        status: 'error',
        reason: 'source-error',
        message: `Property "${prop}" = ${describeValue(raw)} is not a class of the legend (${Object.keys(classes).join(', ')}).`,
        provenance,
      } as Fact;
    }
    return {
      name,
      status: 'ok',
      value,
      range: { min: range.min, max: range.max },
      message: `Read as a legend class: ${rangeText(range)} (value ${describeValue(raw)} of "${prop}"); the value is the middle of the class.`,
      ...kind,
      provenance,
    } as Fact;
  }
  const c = coerceFact(name, mapValue(raw, read.valueMap?.[name]), prop);
  if (c.ok) {
    return {
      name,
      status: 'ok',
      value: c.value,
      ...defined({ message: c.message, complexUnits: c.complexUnits }),
      ...kind,
      provenance,
    } as Fact;
  }
  return {
    name,
    status: c.status,
    reason: c.reason,
    ...defined({ message: c.message }),
    ...kind,
    provenance,
  } as Fact;
}

const READ_KEYS = new Set(['valueMap', 'noData', 'classes', 'floodKind']);
function isReadOptions(o: ValueMap | ReadOptions | undefined): o is ReadOptions {
  if (o === undefined) return false;
  const keys = Object.keys(o);
  return keys.length > 0 && keys.every((k) => READ_KEYS.has(k));
}

/** Which property (or properties, first present wins) holds a fact. */
export type PropertyRef = string | readonly string[];

/**
 * Facts from a feature's properties: one fact per entry of `mapping` (fact → property name, or a
 * list of names of which the first present one is used), in the order of `provides` when given
 * (else of `mapping`).
 *
 * @param options.missing what a property that the feature lacks altogether gives: `no-value`
 *   (default; in-memory data may omit empty properties) or `error` (a remote answer without the
 *   configured property usually means a wrong property name: the message lists what it has).
 */
export function factsFromProperties(
  properties: Readonly<Record<string, unknown>>,
  mapping: Partial<Record<FactName, PropertyRef>>,
  provenance: Provenance,
  options: ReadOptions & {
    provides?: readonly FactName[];
    missing?: 'no-value' | 'error';
  } = {},
): Fact[] {
  const read: ReadOptions = {
    ...defined({
      valueMap: options.valueMap,
      noData: options.noData,
      classes: options.classes,
      floodKind: options.floodKind,
    }),
  };
  const names = options.provides ?? (Object.keys(mapping) as FactName[]);
  const out: Fact[] = [];
  for (const name of names) {
    const ref = mapping[name];
    if (ref === undefined) continue;
    const keys: readonly string[] = typeof ref === 'string' ? [ref] : ref;
    const present = keys.filter((k) => Object.prototype.hasOwnProperty.call(properties, k));
    const key = present.find((k) => properties[k] !== null && properties[k] !== '') ?? present[0];
    if (key === undefined && options.missing === 'error') {
      const has = Object.keys(properties);
      const message = `Property ${keys.map((k) => `"${k}"`).join(' or ')} is not in the answer (it has ${
        has.length === 0 ? 'no properties' : has.slice(0, 20).join(', ')
      }).`;
      out.push({ name, status: 'error', reason: 'source-error', message, provenance } as Fact);
      continue;
    }
    const prop = key ?? keys[0] ?? '';
    out.push(makeFact(name, ownValue(properties, prop), prop, provenance, read));
  }
  return out;
}

/** What a source needs to build whole results. */
export interface ResultSource {
  id: string;
  title: string;
  provides: readonly FactName[];
  provenance: Provenance;
}

/** A `no-data` result: every provided fact `no-data` with `reason`. */
export function noDataResult(
  source: ResultSource,
  reason: NoDataReason,
  message: string,
): SourceResult {
  return {
    sourceId: source.id,
    title: source.title,
    status: 'no-data',
    reason,
    message,
    facts: source.provides.map(
      (name) => ({ name, status: 'no-data', reason, provenance: source.provenance }) as Fact,
    ),
  };
}

/**
 * An `error` result: every provided fact `error` / `source-error`; `code` and `userMessage` are
 * passed through when known (a SourceRequestError's).
 */
export function errorResult(
  source: ResultSource,
  message: string,
  extra: { code?: string; userMessage?: LocalizedText } = {},
): SourceResult {
  return {
    sourceId: source.id,
    title: source.title,
    status: 'error',
    reason: 'source-error',
    message,
    ...defined({ code: extra.code, userMessage: extra.userMessage }),
    facts: source.provides.map(
      (name) =>
        ({
          name,
          status: 'error',
          reason: 'source-error',
          message,
          provenance: source.provenance,
        }) as Fact,
    ),
  };
}
