/**
 * Groundwater classes (grondwatertrappen, Gt) → GHG/GLG depth ranges and the main class I–VIII.
 *
 * GHG / GLG: mean highest / lowest groundwater level, the 30-year mean of the 3 highest / lowest
 * fortnightly levels per hydrological year, in cm below the surface (BRIEF §2).
 *
 * Knows the current BRO classes (`Ia` … `VIIIo`, vendored in `data/bro-gt-classes.json` from the
 * BRO WDM catalogue), the older classes of the Bodemkaart (`I` … `VIII`, `VII*`, and `II*`, `III*`,
 * `V*`), and the prefixes `w` (water above the surface for more than a month in winter) and `s`
 * (perched water table, schijnspiegel), e.g. `wII`, `sVI`.
 *
 * Pure: no DOM, no network. The lookup table is built once at module load.
 */
import gtTable from './data/bro-gt-classes.json' with { type: 'json' };
import type { DepthRange } from './report.js';
import { NaError, type LocalizedText } from './types.js';
import { localizedMessage, registerMessages } from './messages.js';

/** The main classes, wet to dry. */
export const GT_MAIN_CLASSES = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII'] as const;
export type GtMain = (typeof GT_MAIN_CLASSES)[number];

/** Default GHG limit for shallow groundwater, in cm below the surface (BRIEF §7 [S]). */
export const DEFAULT_SHALLOW_GHG_CM = 40;

/** What a groundwater class says. Depths in cm below the surface; null is an open end. */
export interface GtInfo {
  /** The code as given, trimmed (with its `w`/`s` prefix). */
  code: string;
  /** The class without prefix, e.g. `VIId`. */
  classCode: string;
  main: GtMain;
  /** Mean highest groundwater level (GHG), cm below surface. */
  ghg: DepthRange;
  /** Mean lowest groundwater level (GLG), cm below surface. */
  glg: DepthRange;
  /** Typical GHG where the class itself sets no GHG limit (older classes I and II). */
  ghgTypical?: DepthRange;
  /** `bro`: current BRO WDM class; `legacy`: older Bodemkaart class. */
  system: 'bro' | 'legacy';
  /** Prefix `w`: water above the surface for more than a month in winter. */
  inundated?: boolean;
  /** Prefix `s`: perched water table (schijnspiegel) on a poorly permeable layer. */
  perched?: boolean;
  /** nl: the catalogue description (BRO) or one in the same words (older classes). */
  description: LocalizedText;
}

interface ClassDef {
  code: string;
  ghg: DepthRange;
  glg: DepthRange;
  ghgTypical?: DepthRange;
  system: 'bro' | 'legacy';
  /** Catalogue description (BRO classes). */
  nl?: string;
  /** Main class when it is not the leading numeral (VII* → VIII). */
  main?: GtMain;
}

/**
 * Older classes of the Bodemkaart, not in the BRO list (BRIEF §2, table 1 of the BRO
 * WDM-beschrijving [V]). I and II set no GHG limit; the table gives 0–20 and 0–30 cm as typical.
 * IV follows that table (GHG 40–80). VII* is VIII. The asterisk classes II*, III*, V* (the drier
 * part, GHG 25–40 cm) are the convention of the 1:50 000 Bodemkaart [S]; they equal IIb, IIIb, Vb.
 */
const LEGACY: ClassDef[] = [
  {
    code: 'I',
    ghg: { min: null, max: null },
    ghgTypical: { min: 0, max: 20 },
    glg: { min: null, max: 50 },
    system: 'legacy',
  },
  {
    code: 'II',
    ghg: { min: null, max: null },
    ghgTypical: { min: 0, max: 30 },
    glg: { min: 50, max: 80 },
    system: 'legacy',
  },
  { code: 'II*', ghg: { min: 25, max: 40 }, glg: { min: 50, max: 80 }, system: 'legacy' },
  { code: 'III', ghg: { min: null, max: 40 }, glg: { min: 80, max: 120 }, system: 'legacy' },
  { code: 'III*', ghg: { min: 25, max: 40 }, glg: { min: 80, max: 120 }, system: 'legacy' },
  { code: 'IV', ghg: { min: 40, max: 80 }, glg: { min: 80, max: 120 }, system: 'legacy' },
  { code: 'V', ghg: { min: null, max: 40 }, glg: { min: 120, max: null }, system: 'legacy' },
  { code: 'V*', ghg: { min: 25, max: 40 }, glg: { min: 120, max: null }, system: 'legacy' },
  {
    code: 'VII*',
    ghg: { min: 140, max: null },
    glg: { min: 120, max: null },
    system: 'legacy',
    main: 'VIII',
  },
];

function rangeText(r: DepthRange): string {
  if (r.min === null && r.max === null) return '–';
  if (r.min === null) return `< ${r.max}`;
  if (r.max === null) return `> ${r.min}`;
  return `${r.min} - ${r.max}`;
}

function mainOf(code: string): GtMain {
  const m = /^(VIII|VII|VI|V|IV|III|II|I)(?![IV])/.exec(code);
  if (!m?.[1]) throw new Error(`groundwater.ts: no main class in ${code}`);
  return m[1] as GtMain;
}

const CLASSES = new Map<string, ClassDef>();
for (const c of gtTable.classes) {
  CLASSES.set(c.code, {
    code: c.code,
    ghg: { min: c.ghg.min, max: c.ghg.max },
    glg: { min: c.glg.min, max: c.glg.max },
    system: 'bro',
    nl: c.description,
  });
}
for (const c of LEGACY) {
  // The BRO list already has VI, VII and VIII with the same limits: keep those.
  if (!CLASSES.has(c.code)) CLASSES.set(c.code, c);
}

const LOWER_CASE = new Map<string, string>();
for (const code of CLASSES.keys()) LOWER_CASE.set(code.toLowerCase(), code);

const BASE_INFO = new Map<string, GtInfo>();
for (const c of CLASSES.values()) {
  const ghgNl = c.ghgTypical
    ? `niet begrensd (meestal ${c.ghgTypical.min} - ${c.ghgTypical.max})`
    : rangeText(c.ghg);
  const ghgEn = c.ghgTypical
    ? `not limited (typically ${c.ghgTypical.min}–${c.ghgTypical.max} cm)`
    : `${rangeText(c.ghg)} cm`;
  const nl =
    c.system === 'bro' && c.nl !== undefined
      ? c.nl
      : `Gemiddeld Hoogste Grondwaterstand (GHG) in cm-mv: ${ghgNl}; ` +
        `Gemiddeld Laagste Grondwaterstand (GLG) in cm-mv: ${rangeText(c.glg)} (oudere Gt-indeling)`;
  const en =
    `Mean highest groundwater level (GHG) ${ghgEn}, mean lowest (GLG) ${rangeText(c.glg)} cm ` +
    `below the surface${c.system === 'legacy' ? ' (older Gt system)' : ''}`;
  const info: GtInfo = {
    code: c.code,
    classCode: c.code,
    main: c.main ?? mainOf(c.code),
    ghg: c.ghg,
    glg: c.glg,
    system: c.system,
    description: { nl, en },
  };
  if (c.ghgTypical) info.ghgTypical = c.ghgTypical;
  BASE_INFO.set(c.code, deepFreeze(info));
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** What a `w` or `s` before a Gt class adds (`groundwater` in a texts file). */
export const groundwaterMessages = {
  w: {
    nl: 'w: in de winter meer dan een maand water boven maaiveld',
    en: 'w: water above the surface for more than a month in winter',
  },
  s: {
    nl: 's: schijnspiegel (grondwater stagneert op een slecht doorlatende laag)',
    en: 's: perched water table on a poorly permeable layer',
  },
} as const;

registerMessages('groundwater', groundwaterMessages);

/**
 * Reads a groundwater class (grondwatertrap).
 *
 * @param gt a current BRO class (`Ia`, `IIb`, `VIId`, `VIIIo` …), an older class (`I` … `VIII`,
 *   `VII*`, `II*`, `III*`, `V*`), optionally with prefix `w` (winter inundation) or `s` (perched
 *   water table). Whitespace around it is ignored; letter case matters (`VIId` ≠ `viid`).
 * @returns main class and GHG/GLG ranges in cm below the surface (null = open end).
 * @throws NaError `unknown-gt` naming the class (with a hint when only the case differs).
 */
export function gtInfo(gt: string): GtInfo {
  const code = gt.trim();
  const base = BASE_INFO.get(code);
  if (base) return base;
  const prefix = code.charAt(0);
  if (prefix === 'w' || prefix === 's') {
    const rest = BASE_INFO.get(code.slice(1));
    if (rest) {
      const text = localizedMessage(groundwaterMessages, prefix);
      return deepFreeze({
        ...rest,
        code,
        ...(prefix === 'w' ? { inundated: true } : { perched: true }),
        description: {
          nl: `${rest.description.nl}; ${text.nl}`,
          en: `${rest.description.en}; ${text.en}`,
        },
      });
    }
  }
  throw unknownGt(code);
}

function unknownGt(code: string): NaError {
  const lower = code.toLowerCase();
  let hint = LOWER_CASE.get(lower);
  if (hint === undefined && (lower.startsWith('w') || lower.startsWith('s'))) {
    const rest = LOWER_CASE.get(lower.slice(1));
    if (rest !== undefined) hint = `${lower.charAt(0)}${rest}`;
  }
  if (hint === code) hint = undefined;
  const message =
    `Unknown groundwater class (Gt) "${code}": not a BRO class (Ia … VIIIo) nor an older class ` +
    `(I … VIII, VII*), optionally with prefix w or s.` +
    (hint !== undefined ? ` Did you mean "${hint}"? Gt codes are case-sensitive.` : '');
  return new NaError('unknown-gt', message, {
    gt: code,
    ...(hint !== undefined ? { suggestion: hint } : {}),
  });
}

/**
 * Index of a main class, wet to dry: I = 1 … VIII = 8. Also takes any Gt code (`VIId` → 7,
 * `VII*` → 8), for range conditions written with full classes.
 *
 * @throws NaError `unknown-gt` when it is neither a main class nor a known Gt code.
 */
export function gtMainIndex(main: string): number {
  const i = GT_MAIN_CLASSES.indexOf(main.trim() as GtMain);
  if (i >= 0) return i + 1;
  return GT_MAIN_CLASSES.indexOf(gtInfo(main).main) + 1;
}

/** Sort key of one range end: an open lower end sorts first, an open upper end last. */
function lo(r: DepthRange): number {
  return r.min ?? -Infinity;
}
function hi(r: DepthRange): number {
  return r.max ?? Infinity;
}

/**
 * Orders two Gt classes from wet to dry: by main class, then by GHG range, then by GLG range
 * (lower end first, then upper end). Returns a negative number when `a` is wetter, 0 when both
 * have the same main class and ranges (`IV` and `IVu`, `VIII` and `VII*`), positive when drier.
 * The prefixes `w`/`s` do not take part. Usable as `Array.prototype.sort` comparator.
 *
 * @throws NaError `unknown-gt` for an unknown class.
 */
export function compareGt(a: string, b: string): number {
  const x = gtInfo(a);
  const y = gtInfo(b);
  const keys: Array<[number, number]> = [
    [gtMainIndex(x.main), gtMainIndex(y.main)],
    [lo(x.ghg), lo(y.ghg)],
    [hi(x.ghg), hi(y.ghg)],
    [lo(x.glg), lo(y.glg)],
    [hi(x.glg), hi(y.glg)],
  ];
  for (const [p, q] of keys) {
    if (p !== q) return p < q ? -1 : 1;
  }
  return 0;
}

/**
 * True when the groundwater is shallow: the GHG lies above `maxGhgCm` (default 40 cm below the
 * surface; BRIEF §7 [S]: "Gt I–III (GHG < 40 cm) → no infiltration").
 *
 * Read from the GHG range, not from the main class alone: `Va`/`Vb` (GHG < 25 / 25–40) count as
 * shallow, `IIc` (GHG > 40) does not. Classes I and II without a GHG limit (older `I`, `II`) and
 * `Ic` (GHG > 25 but GLG < 50) count as shallow: their groundwater stays within 50–80 cm all year.
 *
 * @param gt any class `gtInfo` reads.
 * @param maxGhgCm GHG limit in cm below the surface.
 * @throws NaError `unknown-gt` for an unknown class.
 */
export function isShallowGroundwater(
  gt: string,
  maxGhgCm: number = DEFAULT_SHALLOW_GHG_CM,
): boolean {
  const { ghg, main } = gtInfo(gt);
  if (ghg.max !== null) return ghg.max <= maxGhgCm;
  if (ghg.min !== null && ghg.min >= maxGhgCm) return false;
  return main === 'I' || main === 'II';
}

/** The codes of the current BRO classes, in catalogue order. */
export function broGtClassCodes(): string[] {
  return gtTable.classes.map((c) => c.code);
}

/** The codes of the older classes that the BRO list does not have. */
export function legacyGtClassCodes(): string[] {
  return LEGACY.filter((c) => CLASSES.get(c.code)?.system === 'legacy').map((c) => c.code);
}
