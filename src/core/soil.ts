/**
 * Soil code → texture group, cover layer, deeper layer and main class.
 *
 * Reads BRO Bodemkaart (SGM) codes: the 342 soil classes of the BRO catalogue (`Hn21`, `kVc`,
 * `Mn25A` …), the special codes of areas that were not mapped (`|h BEBOUW`, `|g WATER` …) and
 * map-unit codes built from a class with prefixes and suffixes (`kHn21` = Hn21 with a clay cover,
 * `Hn21x` = Hn21 with keileem from 40–120 cm). The catalogue is vendored in
 * `data/bro-soil-classes.json` (see `scripts/vendor-code-tables.mjs`).
 *
 * How a class gets its texture group (BRIEF §2): the letters give the main class (V veen, W
 * moerig, H/Y podzol, B brik, EZ/EL/EK dikke eerd, Z zand, S…A lutumarm, MO/RO niet-gerijpt,
 * M zeeklei, R rivierklei, KR oude rivierklei, KX/KT oude klei, L leem, Limburg's old soils), the
 * number gives the texture (sand class or lutum class), and the A-codes (other units) are read
 * from their catalogue description. Lutum classes become texture groups by the BRIEF's lutum
 * limits: zand 0–8 %, zavel 8–25 %, klei > 25 %.
 *
 * Comparison with `bro-sgm-soilclass-texturegroup-derived.csv` (a derived, unofficial table in the
 * shared folder): that table has no `zavel` group (it files every zavel class under `klei`) and
 * files the A-codes under `overig`; here zavel is split off by lutum and the A-codes are read from
 * their descriptions. Other disagreements are noted at the entries concerned (brik, MZk, KM, KS).
 *
 * Pure: no DOM, no network. All classes are derived once at module load.
 */
import soilTable from './data/bro-soil-classes.json' with { type: 'json' };
import type { DepthRange } from './report.js';
import { NaError, type LocalizedText, type Texture } from './types.js';

/** Stable ids of the soil main classes (Bodemhoofdklasse of the BRO catalogue, plus `overig`,
 * `grind` and `niet-gekarteerd`), with their names. */
export const SOIL_MAIN_CLASSES = {
  veen: { nl: 'Veengronden', en: 'Peat soil' },
  moerig: { nl: 'Moerige gronden', en: 'Peaty soil' },
  podzol: { nl: 'Podzolgronden', en: 'Podzol soil' },
  brik: { nl: 'Brikgronden', en: 'Argillic (brik) soil' },
  'dikke-eerd': { nl: 'Dikke eerdgronden', en: 'Soil with a thick man-made topsoil' },
  zand: { nl: 'Zandgronden', en: 'Sand soil' },
  lutumarm: {
    nl: 'Kalkhoudende bijzonder lutumarme gronden',
    en: 'Calcareous very low-lutum soil',
  },
  'niet-gerijpt': { nl: 'Niet-gerijpte minerale gronden', en: 'Unripened mineral soil' },
  zeeklei: { nl: 'Zeekleigronden', en: 'Marine clay soil' },
  rivierklei: { nl: 'Rivierkleigronden', en: 'River clay soil' },
  'oude-rivierklei': { nl: 'Oude rivierkleigronden', en: 'Old river clay soil' },
  'oude-klei': { nl: 'Oude kleigronden', en: 'Old clay soil' },
  leem: { nl: 'Leemgronden', en: 'Loam (loess) soil' },
  'limburg-oud': { nl: 'Oude gronden in Zuid-Limburg', en: 'Old soil of South Limburg' },
  grind: { nl: 'Grindgronden', en: 'Gravel soil' },
  overig: { nl: 'Overige eenheden (A-codes)', en: 'Other mapping unit' },
  'niet-gekarteerd': { nl: 'Niet gekarteerd', en: 'Not mapped' },
} as const satisfies Record<string, LocalizedText>;
export type SoilMainClass = keyof typeof SOIL_MAIN_CLASSES;

/** Material of a deeper layer. */
export type SubstrateMaterial =
  | 'zand'
  | 'grof-zand'
  | 'klei'
  | 'niet-gerijpte-klei'
  | 'oude-klei'
  | 'katteklei'
  | 'keileem'
  | 'veen'
  | 'moerig'
  | 'dalfase';

/** A deeper layer of another material, named by a suffix (`…x`) or by the class itself (`Vz`). */
export interface SoilSubstrate {
  /** The suffix letter (e.g. `x`), or the class code when the class names the layer. */
  code: string;
  from: 'suffix' | 'class';
  material: SubstrateMaterial;
  /** Texture group of the layer; null when the suffix says nothing about texture (`…d`). */
  texture: Texture | null;
  /** Depth at which the layer begins, in cm below the surface (null = open end). */
  top?: DepthRange;
  description: LocalizedText;
}

/** Lutum (clay fraction < 2 µm) range of a class, in % of the mineral part. */
export interface LutumRange {
  min: number;
  max: number;
}

/** What a soil code says about the soil. */
export interface SoilDerivation {
  /**
   * The code as given, with surrounding whitespace removed (and, in the special `|x NAME` codes,
   * runs of inner whitespace collapsed to one space).
   */
  code: string;
  /**
   * True when the code is listed verbatim in the BRO catalogue (a soil class or a special code);
   * false when it was read as a listed class with map-unit prefixes/suffixes, or as an alias.
   */
  known: boolean;
  /** The listed BRO class the derivation rests on, when it differs from `code`. */
  baseCode?: string;
  /** Map-unit prefixes in front of `baseCode` (BodemkenmerkenBovenlaag), outermost first. */
  prefixes?: string[];
  /** Map-unit suffixes after `baseCode` (BodemkenmerkenOnderlaag). */
  suffixes?: string[];
  /** Texture group of the profile; null for areas that were not mapped. */
  texture: Texture | null;
  /** Lutum range when the code states a lutum class (clay soils, zavel), in %. */
  lutum?: LutumRange;
  /** True for loamy sand (lemig zand: 10–50 % leem), false for loam-poor sand; zand only. */
  loamySand?: boolean;
  /** True when the texture is a judgement from a vague description (some A-codes), not stated. */
  textureAssumed?: boolean;
  /** Texture of a cover layer on top (e.g. `k…` zavel or clay cover → `klei`), else null. */
  cover: Texture | null;
  /** Thickness of the cover layer as the catalogue states it, e.g. `15–40 cm`. */
  coverThickness?: string;
  /** A deeper layer of another material. */
  substrate?: SoilSubstrate;
  mainClass: SoilMainClass;
  /** nl: the catalogue description; en: a short translation of main class and texture. */
  name: LocalizedText;
  /** True when calcareous (…A, kalkrijk/kalkhoudend), false when lime-poor (…C); else unknown. */
  calcareous?: boolean;
  /** Set for the special codes of areas that were not mapped; texture is null then. */
  notMapped?: 'built-up' | 'water' | 'other';
}

/** Lutum limits of the texture groups, in % (BRIEF §2, nutrinorm.nl [V]). */
export const LUTUM_LIMITS = { zavel: 8, klei: 25 } as const;

/**
 * Texture group for a lutum range (%): the group that holds the middle of the range, with the
 * limits of `LUTUM_LIMITS`. A class "zware zavel en lichte klei" (17.5–35 %) thus is `klei`, a
 * class "zavel en lichte klei" (8–35 %) is `zavel`.
 */
export function textureForLutum(range: LutumRange): Texture {
  const mid = (range.min + range.max) / 2;
  if (mid < LUTUM_LIMITS.zavel) return 'zand';
  if (mid < LUTUM_LIMITS.klei) return 'zavel';
  return 'klei';
}

// ---------------------------------------------------------------------------------------------
// Building blocks: lutum classes, sand classes, prefixes, suffixes
// ---------------------------------------------------------------------------------------------

interface LutumClass extends LutumRange {
  en: string;
}

/**
 * First digit of the number of clay codes (M…, R…, KR…, EK…, MO/RO…, AE…): the lutum class, as
 * the catalogue descriptions spell it out (e.g. Mn25A "zware zavel", Rd90A "zware zavel en lichte
 * klei"). 0 = not specified (Rv01A, MOo02): the texture then defaults to `klei`.
 */
const LUTUM_DIGITS: Record<string, LutumClass | null> = {
  '0': null,
  '1': { min: 8, max: 17.5, en: 'light sandy clay loam' },
  '2': { min: 17.5, max: 25, en: 'heavy sandy clay loam' },
  '3': { min: 25, max: 35, en: 'light clay' },
  '4': { min: 35, max: 100, en: 'heavy clay' },
  '5': { min: 8, max: 25, en: 'sandy clay loam' },
  '6': { min: 8, max: 35, en: 'sandy clay loam and light clay' },
  '7': { min: 17.5, max: 100, en: 'heavy sandy clay loam and clay' },
  '8': { min: 25, max: 100, en: 'clay' },
  '9': { min: 17.5, max: 35, en: 'heavy sandy clay loam and light clay' },
};

/** Number of sand codes (H…, Y…, Z…, EZ…, BZ…, Sn…): sand class and whether it is loamy. */
const SAND_NUMBERS: Record<string, { en: string; loamy: boolean }> = {
  '10': { en: 'extremely fine sand', loamy: false },
  '13': { en: 'slightly to strongly loamy, clayey, extremely fine sand', loamy: true },
  '14': { en: 'very strongly loamy, clayey, extremely fine sand', loamy: true },
  '20': { en: 'fine sand', loamy: false },
  '21': { en: 'loam-poor to slightly loamy fine sand', loamy: false },
  '23': { en: 'loamy fine sand', loamy: true },
  '24': { en: 'very strongly loamy fine sand', loamy: true },
  '30': { en: 'coarse sand', loamy: false },
  '40': { en: 'very fine sand', loamy: false },
  '50': { en: 'moderately fine sand', loamy: false },
};

/** Loam numbers (L…, BL…, EL…): 5 zandige leem, 6 siltige leem. */
const LOAM_NUMBERS: Record<string, string> = { '5': 'sandy loam', '6': 'silty loam' };

interface CoverDef {
  texture: Texture;
  thickness?: string;
  en: string;
}

/**
 * Map-unit prefixes (BodemkenmerkenBovenlaag) that put a cover of another texture on the class.
 * `u` ("kleiig, uiterst fijn silt- of zanddek") counts as sand: the same cover on peat (uV…) is
 * described as "mineraal dek 5–8 % lutum", which is zand by the lutum limits.
 */
const PREFIX_COVERS: Record<string, CoverDef> = {
  k: { texture: 'klei', thickness: '15–40 cm', en: 'zavel or clay cover 15–40 cm' },
  o: { texture: 'veen', thickness: '15–50 cm', en: 'applied peaty cover 15–50 cm' },
  s: { texture: 'zand', thickness: '5–15 cm', en: 'sand cover 5–15 cm' },
  u: { texture: 'zand', thickness: '15–40 cm', en: 'clayey very fine silt or sand cover 15–40 cm' },
  z: { texture: 'zand', thickness: '15–40 cm', en: 'sand cover 15–40 cm' },
};

/** English for the other map-unit prefixes (no cover of another texture). */
const PREFIX_EN: Record<string, string> = {
  b: 'cambered fields',
  d: 'locally drought-prone layers in the topsoil',
  e: 'tidal deposit on top',
  f: 'locally iron-rich within 50 cm',
  g: 'gravel within 40 cm',
  m: 'stones in the topsoil',
  n: 'locally saline',
};

interface SuffixDef {
  material: SubstrateMaterial;
  texture: Texture | null;
  top?: DepthRange;
  en: string;
}

/** Map-unit suffixes (BodemkenmerkenOnderlaag): a deeper layer. Depths in cm below surface. */
const SUFFIXES: Record<string, SuffixDef> = {
  c: { material: 'veen', texture: 'veen', en: 'spalter peat at least 5 cm' },
  d: { material: 'dalfase', texture: null, en: 'reclaimed-bog (dal) phase' },
  g: {
    material: 'grof-zand',
    texture: 'zand',
    top: { min: 40, max: 120 },
    en: 'coarse sand or gravel from 40–120 cm',
  },
  l: {
    material: 'katteklei',
    texture: 'klei',
    top: { min: 0, max: 80 },
    en: 'locally acid sulphate clay (katteklei) within 80 cm',
  },
  p: {
    material: 'zand',
    texture: 'zand',
    top: { min: 40, max: 120 },
    en: 'Pleistocene sand from 40–120 cm',
  },
  r: {
    material: 'niet-gerijpte-klei',
    texture: 'klei',
    top: { min: 40, max: 120 },
    en: 'mostly unripened zavel and clay from 40–120 cm',
  },
  t: {
    material: 'oude-klei',
    texture: 'klei',
    top: { min: 40, max: 120 },
    en: 'ripened old clay from 40–120 cm',
  },
  v: {
    material: 'moerig',
    texture: 'veen',
    top: { min: 80, max: 120 },
    en: 'peaty material from deeper than 80 cm',
  },
  w: {
    material: 'moerig',
    texture: 'veen',
    top: { min: 40, max: 80 },
    en: 'peaty layer 15–40 cm thick from 40–80 cm',
  },
  // Keileem (boulder clay, till) or potklei: filed with the old clays, as the BRO main class
  // KX ("Ondiepe keileem, potklei, enz.") is one of the "Oude kleigronden".
  x: {
    material: 'keileem',
    texture: 'klei',
    top: { min: 40, max: 120 },
    en: 'boulder clay (keileem) or pot clay from 40–120 cm',
  },
};

// ---------------------------------------------------------------------------------------------
// Catalogue
// ---------------------------------------------------------------------------------------------

interface CatalogueEntry {
  code: string;
  description: string;
}

const CLASS_DESCRIPTIONS = new Map<string, string>(
  (soilTable.classes as CatalogueEntry[]).map((c) => [c.code, c.description]),
);
const SPECIAL_DESCRIPTIONS = new Map<string, string>(
  (soilTable.special as CatalogueEntry[]).map((c) => [c.code, c.description]),
);
const PREFIX_DESCRIPTIONS = new Map<string, string>(
  (soilTable.prefixes as CatalogueEntry[]).map((c) => [c.code, c.description]),
);
const SUFFIX_DESCRIPTIONS = new Map<string, string>(
  (soilTable.suffixes as CatalogueEntry[]).map((c) => [c.code, c.description]),
);
const ALIASES = new Map<string, string>(
  Object.entries(soilTable.aliases as Record<string, string>),
);

// ---------------------------------------------------------------------------------------------
// Class rules
// ---------------------------------------------------------------------------------------------

/** What a listed class says, before the name is put together. */
interface ClassInfo {
  mainClass: SoilMainClass;
  texture: Texture;
  lutum?: LutumRange;
  loamySand?: boolean;
  textureAssumed?: boolean;
  cover?: CoverDef;
  substrate?: Omit<SoilSubstrate, 'code' | 'from' | 'description'> & { en: string; nl: string };
  calcareous?: boolean;
  /** English name (short). */
  en: string;
}

function lutumInfo(
  digit: string,
  code: string,
): { texture: Texture; lutum?: LutumRange; en: string } {
  const cls = LUTUM_DIGITS[digit];
  if (cls === undefined) throw new Error(`soil.ts: no lutum class for digit ${digit} of ${code}`);
  if (cls === null) return { texture: 'klei', en: 'clay (lutum not specified)' };
  return { texture: textureForLutum(cls), lutum: { min: cls.min, max: cls.max }, en: cls.en };
}

function sandInfo(num: string, code: string): { en: string; loamy: boolean } {
  const s = SAND_NUMBERS[num];
  if (!s) throw new Error(`soil.ts: no sand class for number ${num} of ${code}`);
  return s;
}

function loamEn(digit: string, code: string): string {
  const l = LOAM_NUMBERS[digit];
  if (!l) throw new Error(`soil.ts: no loam class for digit ${digit} of ${code}`);
  return l;
}

/** Calcareous from the last letter(s) of M…, R…, Z…, EZ…, Sn… codes: A(b) yes, C no. */
function calcFromLetter(letter: string | undefined): boolean | undefined {
  if (letter === 'A' || letter === 'Ab') return true;
  if (letter === 'C') return false;
  return undefined;
}

/** Class-level covers of peat and peaty soils (kV… waardveen, zV… meerveen, uV…, iV…). */
const CLASS_COVERS: Record<string, CoverDef> = {
  k: { texture: 'klei', en: 'with a zavel or clay cover' },
  z: { texture: 'zand', en: 'with a sand cover' },
  // "mineraal dek 5-8% lutum": zand by the lutum limits.
  u: { texture: 'zand', en: 'with a mineral cover of 5–8 % lutum' },
  // Veenkoloniaal dek: the dalgrond top of peat remains mixed with sand (BRIEF §1).
  i: { texture: 'zand', en: 'with a peat-colony (sand–peat) cover' },
};

/** Last letter of peat codes (Vc, hVz …): the peat type or the layer below. */
const PEAT_LAST: Record<string, string> = {
  b: 'on wood peat',
  c: 'on sedge, reed-sedge or fen-wood peat',
  d: 'on mud, drifted peat or gyttja',
  k: 'on zavel or clay within 120 cm',
  o: 'unripened',
  p: 'on sand with a humus podzol within 120 cm',
  r: 'on reed peat',
  s: 'on sphagnum peat',
  z: 'on sand within 120 cm',
};

/** One regular-expression rule for a family of classes. */
type Rule = [RegExp, (m: RegExpExecArray, code: string) => ClassInfo];

const RULES: Rule[] = [
  // Peat soils: [prefix]V[letter], and the eerdveen classes aEV…, hEV.
  [
    /^([ahkpzui]?)(E?)V([bcdkoprsz]?)$/,
    (m) => {
      const [, prefix = '', eerd = '', last = ''] = m;
      const info: ClassInfo = { mainClass: 'veen', texture: 'veen', en: 'Peat soil' };
      const cover = CLASS_COVERS[prefix];
      if (cover) info.cover = cover;
      if (eerd) info.en += ' with a thick earthy peat topsoil';
      if (cover) info.en += ` ${cover.en}`;
      const lastEn = PEAT_LAST[last];
      if (lastEn) info.en += `, ${lastEn}`;
      if (last === 'z' || last === 'p') {
        info.substrate = {
          material: 'zand',
          texture: 'zand',
          top: { min: null, max: 120 },
          nl: 'zand beginnend ondieper dan 120 cm',
          en: 'sand within 120 cm',
        };
      } else if (last === 'k') {
        info.substrate = {
          material: 'klei',
          texture: 'klei',
          top: { min: null, max: 120 },
          nl: 'zavel of klei beginnend ondieper dan 120 cm',
          en: 'zavel or clay within 120 cm',
        };
      }
      return info;
    },
  ],
  // Peaty soils: [prefix]W[g|o|p|z]. The peaty layer is the defining one: texture veen (as the
  // CSV's "veen (moerig)" and BRIEF §7 "Peat (V/W)").
  [
    /^([ikuvz]?)W([gopz])$/,
    (m) => {
      const [, prefix = '', last = ''] = m;
      const info: ClassInfo = { mainClass: 'moerig', texture: 'veen', en: 'Peaty soil' };
      const cover = CLASS_COVERS[prefix];
      if (cover) {
        info.cover = cover;
        info.en += ` ${cover.en}`;
      }
      if (prefix === 'v') info.en += ' with a peaty topsoil';
      if (last === 'p' || last === 'z') {
        info.en += last === 'p' ? ', podzol in sand' : ', on sand';
        info.substrate = { material: 'zand', texture: 'zand', nl: 'zand', en: 'sand' };
      } else {
        const ripe = last === 'g';
        info.en += ripe ? ', on ripened zavel or clay' : ', on unripened zavel or clay';
        info.substrate = {
          material: ripe ? 'klei' : 'niet-gerijpte-klei',
          texture: 'klei',
          nl: ripe ? 'gerijpte zavel of klei' : 'niet-gerijpte zavel of klei',
          en: ripe ? 'ripened zavel or clay' : 'unripened zavel or clay',
        };
      }
      return info;
    },
  ],
  // Podzols: [c](Hd|Hn|Y)NN[b].
  [
    /^c?(?:Hd|Hn|Y)(\d\d)b?$/,
    (m, code) => sandClass('podzol', 'Podzol soil', m[1] ?? '', undefined, code),
  ],
  // Brik soils. The CSV files them all as "leem/klei"; the descriptions say: BZ… lemig zand,
  // BK… lichte zavel, BL…/Bl… zandige or siltige leem.
  [/^BZ[dhn](\d\d)$/, (m, code) => sandClass('brik', 'Brik soil', m[1] ?? '', undefined, code)],
  [
    /^BK[dhn](\d)\d$/,
    () => ({
      mainClass: 'brik',
      texture: 'zavel',
      lutum: { min: 8, max: 17.5 },
      en: 'Brik soil, light sandy clay loam',
    }),
  ],
  [
    /^B[Ll][bdhn](\d)$/,
    (m, code) => ({
      mainClass: 'brik',
      texture: 'leem',
      en: `Brik soil, ${loamEn(m[1] ?? '', code)}`,
    }),
  ],
  // Thick earth soils: [b|z]EZ[g]NN[A], EL5, EKNN (first digit = lutum class).
  [
    /^[bz]?EZg?(\d\d)(A?)$/,
    (m, code) =>
      sandClass(
        'dikke-eerd',
        'Soil with a thick man-made topsoil',
        m[1] ?? '',
        calcFromLetter(m[2]),
        code,
      ),
  ],
  [
    /^EL(\d)$/,
    (m, code) => ({
      mainClass: 'dikke-eerd',
      texture: 'leem',
      en: `Soil with a thick man-made topsoil, ${loamEn(m[1] ?? '', code)}`,
    }),
  ],
  [
    /^EK(\d)\d$/,
    (m, code) =>
      clayClass('dikke-eerd', 'Soil with a thick man-made topsoil', m[1] ?? '', undefined, code),
  ],
  // Sand soils: [c|t|p]Z[b|d|g|n]NN[A][b].
  [
    /^[ctp]?Z[bdgn](\d\d)(A?)(b?)$/,
    (m, code) =>
      sandClass(
        'zand',
        m[2] ? 'Calcareous sand soil' : 'Sand soil',
        m[1] ?? '',
        calcFromLetter(m[2] ? `${m[2]}${m[3] ?? ''}` : undefined),
        code,
      ),
  ],
  // Calcareous very low-lutum soils: SnNNA.
  [
    /^Sn(\d\d)A$/,
    (m, code) => sandClass('lutumarm', 'Calcareous very low-lutum soil', m[1] ?? '', true, code),
  ],
  // Unripened mineral soils: (M|R)O(b|o)NN; second digit 2 = sand within 80 cm.
  [
    /^(M|R)O([bo])(\d)(\d)$/,
    (m, code) => {
      const kind = m[1] === 'M' ? 'marine' : 'river';
      const info = clayClass(
        'niet-gerijpt',
        `Unripened ${kind} clay soil`,
        m[3] ?? '',
        undefined,
        code,
      );
      if (m[4] === '2') {
        info.substrate = {
          material: 'zand',
          texture: 'zand',
          top: { min: null, max: 80 },
          nl: 'zand beginnend ondieper dan 80 cm',
          en: 'sand within 80 cm',
        };
      }
      return info;
    },
  ],
  // Marine clay: [p|g|k]M(d|n|o|v)NN[A|C]. kMn = knip (dense clay), not a cover.
  [
    /^[pgk]?M[dnov](\d)\d([AC]?)$/,
    (m, code) => clayClass('zeeklei', 'marine clay soil', m[1] ?? '', m[2], code),
  ],
  // River clay: [p|b]R(d|n|o|v)NN[A|C]. bRn = bruine komgrond, not a cover.
  [
    /^[pb]?R[dnov](\d)\d([AC]?)$/,
    (m, code) => clayClass('rivierklei', 'river clay soil', m[1] ?? '', m[2], code),
  ],
  // Old river clay: [p]KR(d|n)N.
  [
    /^p?KR[dn](\d)$/,
    (m, code) => clayClass('oude-rivierklei', 'old river clay soil', m[1] ?? '', '', code),
  ],
  // Loam (loess): [p]L(d|h|n)[d|h]N.
  [
    /^p?L[dhn][dh]?(\d)$/,
    (m, code) => ({
      mainClass: 'leem',
      texture: 'leem',
      en: `Loam (loess) soil, ${loamEn(m[1] ?? '', code)}`,
    }),
  ],
];

/** A class of sand: the sand number `num` tells whether it is loamy and names the sand. */
function sandClass(
  mainClass: SoilMainClass,
  en: string,
  num: string,
  calcareous: boolean | undefined,
  code: string,
): ClassInfo {
  const s = sandInfo(num, code);
  return {
    mainClass,
    texture: 'zand',
    loamySand: s.loamy,
    ...(calcareous !== undefined ? { calcareous } : {}),
    en: `${en}, ${s.en}`,
  };
}

/**
 * A class read by its lutum digit (zavel or clay): calcareous from `calcLetter` (A yes, C no),
 * said in front of `en` when known.
 */
function clayClass(
  mainClass: SoilMainClass,
  en: string,
  digit: string,
  calcLetter: string | undefined,
  code: string,
): ClassInfo {
  const l = lutumInfo(digit, code);
  const calc = calcFromLetter(calcLetter);
  const calcEn = calc === true ? 'Calcareous ' : calc === false ? 'Non-calcareous ' : '';
  const name = `${calcEn}${en}, ${l.en}`;
  return {
    mainClass,
    texture: l.texture,
    ...(l.lutum ? { lutum: l.lutum } : {}),
    ...(calc !== undefined ? { calcareous: calc } : {}),
    en: name.charAt(0).toUpperCase() + name.slice(1),
  };
}

/** Entry of the hand table: the A-codes and the old soils, read from their descriptions. */
interface HandEntry {
  texture?: Texture;
  /** Lutum digit as in `LUTUM_DIGITS` (AE…, AGm…), or an explicit range (AZW…, FK, MK, MZk). */
  lutumDigit?: string;
  lutum?: LutumRange;
  mainClass?: SoilMainClass;
  assumed?: boolean;
  calcareous?: boolean;
  en: string;
}

/**
 * Classes whose letters do not follow the regular scheme, read from their catalogue descriptions.
 * `assumed` marks a judgement where the description names no texture (the CSV has `overig` for
 * all A-codes and for KM/KS). Mixed descriptions take the first-named material
 * ("Löss-, terras- en kalksteenhellinggronden" → leem).
 */
const HAND: Record<string, HandEntry> = {
  AAK: { texture: 'klei', en: 'Excavated clay soil' },
  AAP: { texture: 'veen', en: 'Man-made peat-cutting pits' },
  // Brunssummerheide: white Tertiary sands (description names no texture).
  ABH: { texture: 'zand', assumed: true, en: 'Brunssummerheide heath soil' },
  ABk: { texture: 'klei', en: 'Clayey brook-valley soil' },
  ABl: { texture: 'leem', en: 'Loess brook-valley soil' },
  ABv: { texture: 'veen', en: 'Peaty brook-valley soil' },
  ABz: { texture: 'zand', en: 'Sandy brook-valley soil' },
  // Dunes (sand) first, salt marsh (zavel/klei) second.
  AD: { texture: 'zand', assumed: true, en: 'Dune and salt-marsh soil' },
  AEk9: { lutumDigit: '9', en: 'Levelled and reworked marine clay soil' },
  AEm5: { lutumDigit: '5', en: 'Levelled and reworked marine clay soil, locally peat' },
  AEm8: { lutumDigit: '8', en: 'Levelled and reworked marine clay soil, locally peat' },
  AEm9: { lutumDigit: '9', en: 'Levelled and reworked marine clay soil, locally peat' },
  AEm9A: { lutumDigit: '9', en: 'Levelled and reworked marine clay soil, locally peat' },
  AEp6A: { lutumDigit: '6', calcareous: true, en: 'Levelled and reworked marine clay soil' },
  AEp7A: { lutumDigit: '7', calcareous: true, en: 'Levelled and reworked marine clay soil' },
  AFk: { texture: 'klei', en: 'Clayey Vecht-valley soil with red iron (roodoorn)' },
  AFz: { texture: 'zand', en: 'Sandy Vecht-valley soil with red iron (roodoorn)' },
  AGm9C: { lutumDigit: '9', en: 'Hummocky marine clay soil with dug-out peat' },
  // Slope soils of South Limburg: texture of the first-named parent material.
  AHa: { texture: 'klei', assumed: true, en: 'Glauconite slope soil' }, // cf. MA glauconietklei
  AHb: { texture: 'leem', assumed: true, en: 'Fault-scarp slope soil' },
  AHc: { texture: 'leem', assumed: true, en: 'Loess, terrace and limestone slope soil' },
  AHk: { texture: 'leem', assumed: true, en: 'Limestone slope soil' },
  AHl: { texture: 'leem', assumed: true, en: 'Loess and terrace slope soil' },
  AHs: { texture: 'klei', assumed: true, en: 'Flint slope soil' }, // cf. KS
  AHt: { texture: 'zand', assumed: true, en: 'Terrace slope soil' },
  AHv: { texture: 'zand', assumed: true, en: 'Terrace, Tertiary, limestone and peat slope soil' },
  AHz: { texture: 'leem', assumed: true, en: 'Loess, Tertiary and terrace slope soil' },
  AK: { texture: 'zavel', assumed: true, en: 'Creek bed' },
  ALu: { texture: 'klei', assumed: true, en: 'Linge floodplain soil' },
  AM: { texture: 'zand', assumed: true, en: 'Mixed soil' },
  AMm: { texture: 'klei', assumed: true, en: 'Soil in former Meuse meanders' },
  AO: { texture: 'zand', assumed: true, en: 'Dike-breach (overslag) deposit' },
  AP: { texture: 'veen', en: 'Peat-cutting pits' },
  AQ: { texture: 'zand', assumed: true, en: 'Soil raised with household waste' },
  AR: { texture: 'leem', assumed: true, en: 'Roer valley soil' },
  AS: { texture: 'zand', en: 'Drift-sand soil' },
  AVk: { texture: 'veen', en: 'Peat-degradation area' },
  AVo: { texture: 'veen', en: 'Peat under reclamation' },
  AWg: { texture: 'klei', assumed: true, en: 'Market-garden soil (ripened)' },
  AWo: { texture: 'klei', assumed: true, en: 'Market-garden soil (unripened)' },
  AWv: { texture: 'veen', en: 'Market-garden soil (peat)' },
  AZ1: { texture: 'zand', en: 'Beach-ridge soil' },
  AZW0A: { lutum: { min: 0, max: 8 }, calcareous: true, en: 'Wieringermeer soil, sand' },
  AZW1A: {
    lutum: { min: 0, max: 17.5 },
    calcareous: true,
    en: 'Wieringermeer soil, sand and light sandy clay loam',
  },
  AZW5A: {
    lutum: { min: 0, max: 25 },
    calcareous: true,
    en: 'Wieringermeer soil, sand and sandy clay loam',
  },
  AZW6A: {
    lutum: { min: 8, max: 100 },
    calcareous: true,
    en: 'Wieringermeer soil, sandy clay loam and clay',
  },
  AZW7A: {
    lutum: { min: 17.5, max: 100 },
    calcareous: true,
    en: 'Wieringermeer soil, heavy sandy clay loam and clay',
  },
  AZW8A: { lutum: { min: 25, max: 100 }, calcareous: true, en: 'Wieringermeer soil, clay' },
  // Old soils of South Limburg. The CSV has "zand/grind" for FG and G1: gravel is not one of the
  // five groups; coarse and permeable, it goes with zand.
  FG: {
    texture: 'zand',
    mainClass: 'limburg-oud',
    en: 'Fluvial deposit older than Late Pleistocene, gravel and coarse sand',
  },
  FK: {
    lutum: { min: 8, max: 100 },
    mainClass: 'limburg-oud',
    en: 'Fluvial deposit older than Late Pleistocene, sandy clay loam and clay',
  },
  G1: { texture: 'zand', mainClass: 'grind', en: 'Gravel soil' },
  KK: { texture: 'klei', mainClass: 'limburg-oud', en: 'Sticky clay (kleefaarde)' },
  // CSV: "overig (kalksteen)". Thin loamy soil on chalk.
  KM: { texture: 'leem', assumed: true, mainClass: 'limburg-oud', en: 'Shallow limestone' },
  // CSV: "overig (vuursteeneluvium)". Residual clay with flints.
  KS: { texture: 'klei', assumed: true, mainClass: 'limburg-oud', en: 'Flint eluvium' },
  KT: { texture: 'klei', mainClass: 'oude-klei', en: 'Other (Tertiary) clay soil' },
  KX: {
    texture: 'klei',
    mainClass: 'oude-klei',
    en: 'Shallow boulder clay (keileem), pot clay and similar',
  },
  MA: {
    texture: 'klei',
    mainClass: 'limburg-oud',
    en: 'Marine deposit older than Pleistocene, glauconite clay',
  },
  MK: {
    lutum: { min: 8, max: 100 },
    mainClass: 'limburg-oud',
    en: 'Marine deposit older than Pleistocene, sandy clay loam and clay',
  },
  // "fijn zand en zavel": 0–25 % lutum, middle 12.5 % → zavel. The CSV says zand.
  MZk: {
    lutum: { min: 0, max: 25 },
    mainClass: 'limburg-oud',
    en: 'Marine deposit older than Pleistocene, fine sand and sandy clay loam',
  },
  MZz: {
    texture: 'zand',
    mainClass: 'limburg-oud',
    en: 'Marine deposit older than Pleistocene, fine sand',
  },
};

function fromHand(code: string, h: HandEntry): ClassInfo {
  let texture = h.texture;
  let lutum = h.lutum;
  if (h.lutumDigit !== undefined) {
    const l = lutumInfo(h.lutumDigit, code);
    texture = l.texture;
    lutum = l.lutum;
  } else if (lutum) {
    texture = textureForLutum(lutum);
  }
  if (!texture) throw new Error(`soil.ts: hand entry ${code} has no texture`);
  return {
    mainClass: h.mainClass ?? 'overig',
    texture,
    ...(lutum ? { lutum } : {}),
    ...(h.assumed ? { textureAssumed: true } : {}),
    ...(h.calcareous !== undefined ? { calcareous: h.calcareous } : {}),
    en: h.en,
  };
}

function classify(code: string): ClassInfo {
  const hand = HAND[code];
  if (hand) return fromHand(code, hand);
  for (const [re, build] of RULES) {
    const m = re.exec(code);
    if (m) return build(m, code);
  }
  throw new Error(`soil.ts: no rule for BRO soil class ${code}`);
}

// ---------------------------------------------------------------------------------------------
// Derivations, built once
// ---------------------------------------------------------------------------------------------

function classDerivation(code: string, description: string): SoilDerivation {
  const info = classify(code);
  const d: SoilDerivation = {
    code,
    known: true,
    texture: info.texture,
    cover: info.cover?.texture ?? null,
    mainClass: info.mainClass,
    name: { nl: description, en: info.en },
  };
  if (info.lutum) d.lutum = info.lutum;
  if (info.loamySand !== undefined) d.loamySand = info.loamySand;
  if (info.textureAssumed) d.textureAssumed = true;
  if (info.cover?.thickness) d.coverThickness = info.cover.thickness;
  if (info.calcareous !== undefined) d.calcareous = info.calcareous;
  if (info.substrate) {
    const { nl, en, ...rest } = info.substrate;
    d.substrate = { code, from: 'class', ...rest, description: { nl, en } };
  }
  return d;
}

const NOT_MAPPED: Record<string, SoilDerivation['notMapped']> = {
  '|h BEBOUW': 'built-up',
  '|g WATER': 'water',
};

/** English for the special codes (BodemkundigBelang). */
const SPECIAL_EN: Record<string, string> = {
  '|a GROEVE': 'sand, loam or gravel pit',
  '|b AFGRAV': 'excavated',
  '|c OPHOOG': 'raised or filled',
  '|d EGAL': 'levelled',
  '|e VERWERK': 'reworked',
  '|f TERP': 'old dwelling mound (terp, wierde)',
  '|g MOERAS': 'marsh',
  '|g WATER': 'open water',
  '|h BEBOUW': 'built-up area',
  '|h DIJK': 'dike',
  '|i BOVLAND': 'bovenland strip',
  '|j MYNSTRT': 'mine spoil heap',
};

function specialDerivation(code: string, description: string): SoilDerivation {
  const notMapped = NOT_MAPPED[code] ?? 'other';
  const en = `Not mapped: ${SPECIAL_EN[code] ?? description}`;
  return {
    code,
    known: true,
    texture: null,
    cover: null,
    mainClass: 'niet-gekarteerd',
    name: { nl: description, en },
    notMapped,
  };
}

const DERIVATIONS = new Map<string, SoilDerivation>();
for (const [code, description] of CLASS_DESCRIPTIONS) {
  DERIVATIONS.set(code, classDerivation(code, description));
}
for (const [code, description] of SPECIAL_DESCRIPTIONS) {
  DERIVATIONS.set(code, specialDerivation(code, description));
}
for (const d of DERIVATIONS.values()) deepFreeze(d);

/** Derivations are shared between calls: freeze them so no caller can change another's. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** Every listed code, lower-cased, for the "did you mean" hint. */
const LOWER_CASE = new Map<string, string>();
for (const code of [...DERIVATIONS.keys(), ...ALIASES.keys()])
  LOWER_CASE.set(code.toLowerCase(), code);

const PREFIX_LETTERS = new Set(PREFIX_DESCRIPTIONS.keys());
const SUFFIX_LETTERS = new Set(SUFFIX_DESCRIPTIONS.keys());
const MAX_AFFIXES = 2;

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** A listed class (or alias) under map-unit prefixes/suffixes: fewest affixes first. */
function splitMapUnit(
  code: string,
): { prefixes: string[]; base: string; suffixes: string[] } | undefined {
  for (let total = 1; total <= 2 * MAX_AFFIXES; total++) {
    for (let p = Math.min(total, MAX_AFFIXES); p >= 0; p--) {
      const s = total - p;
      if (s > MAX_AFFIXES || p + s >= code.length) continue;
      const pre = code.slice(0, p);
      const suf = code.slice(code.length - s);
      const base = code.slice(p, code.length - s);
      if (![...pre].every((c) => PREFIX_LETTERS.has(c))) continue;
      if (![...suf].every((c) => SUFFIX_LETTERS.has(c))) continue;
      const listed = DERIVATIONS.has(base) ? base : ALIASES.get(base);
      if (listed === undefined || SPECIAL_DESCRIPTIONS.has(listed)) continue;
      return { prefixes: [...pre], base: listed, suffixes: [...suf] };
    }
  }
  return undefined;
}

function mapUnitDerivation(
  code: string,
  prefixes: string[],
  baseCode: string,
  suffixes: string[],
): SoilDerivation {
  const base = DERIVATIONS.get(baseCode);
  if (!base) throw new Error(`soil.ts: missing base ${baseCode}`);
  const d: SoilDerivation = {
    ...base,
    code,
    known: false,
    baseCode,
    name: { ...base.name },
  };
  if (prefixes.length) d.prefixes = prefixes;
  if (suffixes.length) d.suffixes = suffixes;
  const nl: string[] = [base.name.nl];
  const en: string[] = [base.name.en];
  // The outermost prefix is the topmost layer: the first prefix with a cover sets the cover.
  let coverSet = false;
  for (const p of prefixes) {
    nl.push(lowerFirst(PREFIX_DESCRIPTIONS.get(p) ?? p));
    const cover = PREFIX_COVERS[p];
    if (cover) {
      en.push(cover.en);
      if (!coverSet) {
        d.cover = cover.texture;
        if (cover.thickness) d.coverThickness = cover.thickness;
        else delete d.coverThickness;
        coverSet = true;
      }
    } else {
      en.push(PREFIX_EN[p] ?? p);
    }
  }
  suffixes.forEach((s, i) => {
    const def = SUFFIXES[s];
    const desc = SUFFIX_DESCRIPTIONS.get(s) ?? s;
    nl.push(lowerFirst(desc));
    en.push(def?.en ?? s);
    if (i === 0 && def) {
      d.substrate = {
        code: s,
        from: 'suffix',
        material: def.material,
        texture: def.texture,
        ...(def.top ? { top: def.top } : {}),
        description: { nl: desc, en: def.en },
      };
    }
  });
  d.name = { nl: nl.join('; '), en: en.join('; ') };
  return deepFreeze(d);
}

/**
 * Derives texture group, cover, deeper layer and main class from a BRO Bodemkaart soil code.
 *
 * Accepts the 342 soil classes of the BRO catalogue (`Hn21`, `kVc`, `Mn25A`), the special codes
 * of unmapped areas (`|h BEBOUW` → `notMapped: 'built-up'`, `|g WATER` → `'water'`, others
 * `'other'`, texture null), and map-unit codes made of a listed class with up to two prefixes
 * (`kHn21`: zavel- of kleidek 15–40 cm) and suffixes (`Hn21x`: keileem from 40–120 cm).
 * Whitespace around the code is ignored; letter case matters, as in BRO (`Hn21` ≠ `hn21`).
 * The result is frozen (listed codes share one derivation object); copy it to change it.
 *
 * @param code BRO soil code, e.g. `Hn21`, `kHn21x`, `|h BEBOUW`.
 * @returns the derivation; depths in cm below the surface, lutum in %.
 * @throws NaError `unknown-soil-code` naming the code (with a hint when only the case differs).
 */
export function deriveSoil(code: string): SoilDerivation {
  const trimmed = code.trim();
  const normalized = trimmed.startsWith('|') ? trimmed.replace(/\s+/g, ' ') : trimmed;
  const listed = DERIVATIONS.get(normalized);
  if (listed) return listed;
  const alias = ALIASES.get(normalized);
  if (alias !== undefined) return mapUnitDerivation(trimmed, [], alias, []);
  const split = splitMapUnit(normalized);
  if (split) return mapUnitDerivation(trimmed, split.prefixes, split.base, split.suffixes);
  throw unknownSoilCode(trimmed);
}

function unknownSoilCode(code: string): NaError {
  if (code === '') {
    return new NaError('unknown-soil-code', 'Unknown soil code "": the code is empty.', { code });
  }
  const hint = LOWER_CASE.get(code.toLowerCase()) ?? caseInsensitiveMapUnit(code);
  const message =
    `Unknown soil code "${code}": not a soil class of the BRO Bodemkaart catalogue, nor a ` +
    `listed class with map-unit prefixes/suffixes.` +
    (hint !== undefined ? ` Did you mean "${hint}"? Soil codes are case-sensitive.` : '');
  return new NaError('unknown-soil-code', message, {
    code,
    ...(hint !== undefined ? { suggestion: hint } : {}),
  });
}

/** `khn21x` → `kHn21x`: a map unit whose base class matches when case is ignored. */
function caseInsensitiveMapUnit(code: string): string | undefined {
  for (let p = 0; p <= MAX_AFFIXES; p++) {
    for (let s = 0; s <= MAX_AFFIXES; s++) {
      if (p + s >= code.length) continue;
      const base = LOWER_CASE.get(code.slice(p, code.length - s).toLowerCase());
      if (base === undefined) continue;
      const candidate = code.slice(0, p) + base + code.slice(code.length - s);
      if (candidate === code) continue;
      if (DERIVATIONS.has(candidate) || splitMapUnit(candidate)) return candidate;
    }
  }
  return undefined;
}

/** The codes of the 342 BRO soil classes, in catalogue order. */
export function broSoilClassCodes(): string[] {
  return [...CLASS_DESCRIPTIONS.keys()];
}

/** The special codes of unmapped areas (`|h BEBOUW` …), in catalogue order. */
export function broSpecialSoilCodes(): string[] {
  return [...SPECIAL_DESCRIPTIONS.keys()];
}
