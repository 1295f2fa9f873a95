/**
 * One wetness model for a place: how deep the groundwater stands (GHG/GLG), whether water stagnates
 * on a poorly permeable layer, what the soil lets through, and from that one judgement on
 * infiltration (`works | partial | discouraged | unknown`, with reason keys) and one water model
 * for the location (infiltratie / isolatie / fluctuatie, with the facts that decided it).
 *
 * Every rule that asks "is the groundwater shallow or deep" reads the depth range (from the Gt
 * class, or measured depths when a source gives them), never the Gt main class. The borders:
 *
 * - **GHG shallower than 40 cm → no infiltration, store on the surface.** BRIEF §7 [S]: "Gt I–III
 *   (GHG < 40 cm) → store on the surface, no infiltration"; the Gt table of BRIEF §2 [V] (BRO WDM
 *   table 1) sets the 25 and 40 cm limits. Read by depth, `Va`/`Vb` (GHG < 25 / 25–40) are
 *   shallow and `IIc` (GHG > 40) is not.
 * - **GHG 40 cm or deeper and GLG 120 cm or deeper → infiltration works.** BRIEF §7 [S]:
 *   "Gt VI–VIII → infiltrate"; VI–VIII are exactly the classes with GHG ≥ 40 and GLG ≥ 120
 *   (BRIEF §2 [V]).
 * - **In between** (GHG ≥ 40 cm but GLG < 120 cm: `IIc`, `IVu`, `IVc`, older `IV`) the sources
 *   support only shallow infiltration in winter and spring: the groundwater does not sink deep in
 *   summer, so deep facilities (crates, wells) have no room → `partial` [S].
 * - **Perched water** (Gt prefix `s`, BRIEF §2 [V]) and **boulder clay** (suffix `x`: keileem from
 *   40–120 cm, BRIEF §2 [V]) hold the water on a poorly permeable layer → infiltration
 *   discouraged, hydrologic soil group at least C [S].
 * - **Clay, peat** (BRIEF §4: k ≤ 0.01 m/d) and **seepage** (kwel: the water comes back up,
 *   BRIEF §1) → discouraged [S]; **zavel, loam** (HSG C) and a **clay cover** on sand → partial [S].
 *
 * Pure and fast: no DOM, no network; results are cached per distinct input.
 */
import landscapeTypesData from './kb/data/landscape-types.json' with { type: 'json' };
import zonesData from './kb/data/zones.json' with { type: 'json' };
import { gtInfo } from './groundwater.js';
import { hydrologicSoilGroup } from './hsg.js';
import type { DepthRange } from './report.js';
import { deriveSoil, type SoilDerivation } from './soil.js';
import {
  HYDROLOGIC_SOIL_GROUPS,
  type HydrologicSoilGroup,
  type Position,
  type Seepage,
  type Texture,
  type WaterModel,
} from './types.js';

/** The borders of the model, in cm below the surface, each with its source. */
export const WETNESS_BORDERS = Object.freeze({
  /** GHG shallower than this: no room to infiltrate. BRIEF §7 [S], Gt table BRIEF §2 [V]. */
  shallowGhgCm: 40,
  /** GLG at least this deep (with GHG ≥ shallowGhgCm): infiltration works. BRIEF §7 [S] (Gt VI–VIII). */
  deepGlgCm: 120,
  /** GHG shallower than this: very wet (Gt a-classes). BRIEF §2 [V]. */
  veryShallowGhgCm: 25,
  /** GHG at least this deep: dry in winter too (Gt VII and VIII). BRIEF §2 [V]. */
  dryGhgCm: 80,
});

/** Where the groundwater stands, judged by depth. */
export type GroundwaterDepthClass = 'shallow' | 'intermediate' | 'deep' | 'unknown';

export type InfiltrationVerdict = 'works' | 'partial' | 'discouraged' | 'unknown';

/** Why infiltration works, works partly, is discouraged or cannot be judged. */
export type InfiltrationReasonKey =
  | 'shallow-groundwater'
  | 'inundated'
  | 'perched'
  | 'boulder-clay'
  | 'clay'
  | 'peat'
  | 'seepage'
  | 'wet-zone'
  | 'between-classes'
  | 'zavel'
  | 'leem'
  | 'cover'
  | 'deep-groundwater'
  | 'permeable'
  | 'loamy-sand'
  | 'no-texture'
  | 'no-groundwater';

export interface InfiltrationReason {
  key: InfiltrationReasonKey;
  effect: InfiltrationVerdict;
  /** The source of the rule, with its tag. */
  source: string;
}

/** A fact that decided the water model of the location. */
export type WaterModelFactor =
  'texture' | 'ghg' | 'seepage' | 'position' | 'landscapeType' | 'waterQuality';

export interface WetnessFacts {
  /** BKNSN 2023 zone code: typical texture, seepage and position when those are not given. */
  zone?: string | null;
  landscapeType?: string | null;
  /** BRO Bodemkaart code; its texture, cover, loamy sand, peat layer and boulder clay are used. */
  soilCode?: string | null;
  /** Texture when no soil code is known (e.g. the zone's typical texture, or a scenario piece). */
  texture?: Texture | null;
  /** BRO groundwater class, with optional `w`/`s` prefix. */
  gt?: string | null;
  /** Measured GHG in cm below the surface; wins over the Gt class. */
  ghgCm?: number | null;
  /** Measured GLG in cm below the surface; wins over the Gt class. */
  glgCm?: number | null;
  seepage?: Seepage | null;
  position?: Position | null;
  /**
   * Quality of the local water (`goed`, `matig`, `slecht`), when known. Known to be good, it rules
   * out the isolatiemodel (cahier, bijlage 1, C Isolatiemodel, TOEPASSING: "Geen goede
   * waterkwaliteit").
   */
  waterQuality?: string | null;
}

export interface WetnessJudgement {
  ghg: DepthRange | null;
  glg: DepthRange | null;
  /** Where the depths come from. */
  depthFrom: 'measured' | 'gt' | null;
  groundwater: GroundwaterDepthClass;
  /** Gt prefix `s`: perched water table. */
  perched: boolean;
  /** Gt prefix `w`: water above the surface for more than a month in winter. */
  inundated: boolean;
  texture: Texture | null;
  textureFrom: 'soil' | 'given' | 'zone' | null;
  loamySand: boolean;
  cover: Texture | null;
  /** Depth of the top of a peat layer under the top soil (clay on peat), else null. */
  peatLayer: DepthRange | null;
  /** Depth of the top of a boulder clay layer (`x` suffix, or a keileem class), else null. */
  boulderClay: DepthRange | null;
  seepage: Seepage | null;
  position: Position | null;
  hsg: HydrologicSoilGroup | null;
  infiltration: { verdict: InfiltrationVerdict; reasons: InfiltrationReason[] };
  waterModel: {
    model: WaterModel | null;
    /** `location`: decided by this place's facts; `landscape`: the landscape type's default. */
    from: 'location' | 'landscape' | null;
    decidedBy: WaterModelFactor[];
  };
  /** Codes that could not be read (the rest of the judgement ignores them). */
  errors: Array<{ fact: 'soilCode' | 'gt'; code: string; message: string }>;
}

interface ZoneLike {
  code: string;
  landscapeType: string | null;
  position?: string;
  seepage?: string;
  texture?: string;
}
interface TypeLike {
  id: string;
  waterModel: string;
}

export interface WetnessOptions {
  /** Zones to read typical facts from (default: the bundled knowledge base). */
  zones?: readonly ZoneLike[];
  /** Landscape types for the default water model (default: the bundled knowledge base). */
  landscapeTypes?: readonly TypeLike[];
}

const SOURCES = {
  shallow:
    'BRIEF §7 (Gt I–III, GHG < 40 cm: bovengronds bergen, geen infiltratie) [S]; BRIEF §2 Gt-tabel [V]',
  deep: 'BRIEF §7 (Gt VI–VIII: infiltreren) [S]; BRIEF §2 Gt-tabel (GHG ≥ 40, GLG ≥ 120 cm) [V]',
  between:
    'BRIEF §2 Gt-tabel (GHG ≥ 40 cm, GLG < 120 cm: tussen Gt I–III en VI–VIII) [V]; ondiep infiltreren [S]',
  perched:
    'BRIEF §2 (prefix s: schijnspiegel) [V]; stagnerend water op slecht doorlatende laag [S]',
  inundated: 'BRIEF §2 (prefix w: water boven maaiveld in de winter) [V]',
  boulder: 'BRIEF §2 (suffix x: keileem vanaf 40–120 cm) [V]; keileem is slecht doorlatend [S]',
  clay: 'BRIEF §4 (klei 0,0001–0,01 m/d, HSG D; Bot 2011) [S]',
  peat: 'BRIEF §4 (veen 0,001–0,1 m/d, HSG D) [S]',
  seepage: 'BRIEF §1 (kwelzones: water komt omhoog) [S]',
  wetZone: 'BRIEF §1, §8 (natte laagte met klei of veen; zonder grondwaterdiepte) [S]',
  slow: 'BRIEF §4 (zavel/leem HSG C: 1,5–14,5 mm/h, NRCS) [S]',
  cover: 'BRIEF §2 (prefix k: klei- of zaveldek 15–40 cm) [V]; dek remt infiltratie [S]',
  sand: 'BRIEF §4 (zand 1–30 m/d, HSG A/B) [S]',
  loamy: 'BRIEF §2, §4 (lemig zand: HSG B) [S]',
  unknown: 'geen bodem- of grondwatergegevens',
} as const;

/** Every reason of the infiltration judgement with its effect, its rule and its source. */
export const INFILTRATION_REASONS: ReadonlyArray<{
  key: InfiltrationReasonKey;
  effect: InfiltrationVerdict;
  rule: string;
  source: string;
}> = [
  {
    key: 'shallow-groundwater',
    effect: 'discouraged',
    rule: 'GHG within 40 cm (or GLG within 50 cm, Ic)',
    source: SOURCES.shallow,
  },
  { key: 'inundated', effect: 'discouraged', rule: 'Gt prefix w', source: SOURCES.inundated },
  { key: 'perched', effect: 'discouraged', rule: 'Gt prefix s', source: SOURCES.perched },
  {
    key: 'boulder-clay',
    effect: 'discouraged',
    rule: 'soil suffix x or class KX',
    source: SOURCES.boulder,
  },
  { key: 'clay', effect: 'discouraged', rule: 'texture klei', source: SOURCES.clay },
  { key: 'peat', effect: 'discouraged', rule: 'texture veen', source: SOURCES.peat },
  { key: 'seepage', effect: 'discouraged', rule: 'seepage kwel', source: SOURCES.seepage },
  {
    key: 'wet-zone',
    effect: 'discouraged',
    rule: 'a wet-hollow zone and no groundwater depth known',
    source: SOURCES.wetZone,
  },
  {
    key: 'between-classes',
    effect: 'partial',
    rule: 'GHG ≥ 40 cm and GLG < 120 cm',
    source: SOURCES.between,
  },
  { key: 'zavel', effect: 'partial', rule: 'texture zavel', source: SOURCES.slow },
  { key: 'leem', effect: 'partial', rule: 'texture leem', source: SOURCES.slow },
  {
    key: 'cover',
    effect: 'partial',
    rule: 'sand with a clay/zavel/loam cover (prefix k)',
    source: SOURCES.cover,
  },
  { key: 'permeable', effect: 'works', rule: 'texture zand (loam-poor)', source: SOURCES.sand },
  {
    key: 'loamy-sand',
    effect: 'works',
    rule: 'texture zand, loamy (HSG B)',
    source: SOURCES.loamy,
  },
  {
    key: 'deep-groundwater',
    effect: 'works',
    rule: 'GHG ≥ 40 cm and GLG ≥ 120 cm',
    source: SOURCES.deep,
  },
  {
    key: 'no-texture',
    effect: 'unknown',
    rule: 'no soil code, texture or zone texture',
    source: SOURCES.unknown,
  },
  {
    key: 'no-groundwater',
    effect: 'unknown',
    rule: 'no Gt class or measured depth',
    source: SOURCES.unknown,
  },
];

/** Zones that are wet hollows with clay or peat: used only where no groundwater depth is known. */
const WET_ZONES = new Set(['Bd2', 'Rg2', 'Lv1', 'Lv2', 'Dz6', 'Dz8', 'Dz9', 'Dr3', 'Hv3']);

/** Floodplains (uiterwaarden): the river's own room; their water model is the river's. */
const FLOODPLAIN_ZONES = new Set(['Rg3']);

/** Clay on peat (drechtvaag- and liedeerdgronden): peat begins at 40–80 cm (BRO SGM) [V]. */
const CLAY_ON_PEAT = /^p?[MR]v\d/;
const PEAT_UNDER_CLAY: DepthRange = { min: 40, max: 80 };

const defaultZones = new Map<string, ZoneLike>((zonesData as ZoneLike[]).map((z) => [z.code, z]));
const defaultTypes = new Map<string, TypeLike>(
  (landscapeTypesData as TypeLike[]).map((t) => [t.id, t]),
);

function worse(a: HydrologicSoilGroup, b: HydrologicSoilGroup): HydrologicSoilGroup {
  return HYDROLOGIC_SOIL_GROUPS.indexOf(a) >= HYDROLOGIC_SOIL_GROUPS.indexOf(b) ? a : b;
}

/**
 * Classifies a GHG/GLG pair by depth (cm below the surface; null is an open end).
 * `ghgTypical` stands in for a GHG the class does not limit (older I and II).
 */
export function groundwaterDepthClass(
  ghg: DepthRange | null,
  glg: DepthRange | null,
): GroundwaterDepthClass {
  if (!ghg) return 'unknown';
  const b = WETNESS_BORDERS;
  if (ghg.max !== null && ghg.max <= b.shallowGhgCm) return 'shallow';
  if (ghg.min !== null && ghg.min >= b.shallowGhgCm) {
    // The GLG is never shallower than the GHG: a GHG at or below the GLG border is deep anyway.
    const glgMin = Math.max(glg?.min ?? -Infinity, ghg.min);
    return glgMin >= b.deepGlgCm ? 'deep' : 'intermediate';
  }
  // A GHG range across the border (Ic: GHG > 25 cm, GLG < 50 cm): the groundwater stays within
  // 50 cm all year, so the GHG lies within 50 cm too; counted as shallow (BRIEF §2 [V], [S]).
  if (glg?.max !== null && glg?.max !== undefined && glg.max <= 50) return 'shallow';
  return 'unknown';
}

/** Formats a depth range in cm for texts: `25–40 cm`, `< 25 cm`, `> 140 cm`. */
export function depthText(r: DepthRange): string {
  if (r.min === null && r.max === null) return '–';
  if (r.min === null) return `< ${r.max} cm`;
  if (r.max === null) return `> ${r.min} cm`;
  if (r.min === r.max) return `${r.min} cm`;
  return `${r.min}–${r.max} cm`;
}

const cache = new Map<string, WetnessJudgement>();
const CACHE_LIMIT = 20000;

/**
 * The wetness judgement of a place: depths, layers, hydrologic soil group, infiltration verdict
 * with reasons, and the water model of the location. Never throws on bad codes: they are listed in
 * `errors` and left out of the judgement.
 *
 * The single truth for "does infiltration work here": the knowledge base discourages `infiltreren`
 * exactly where `infiltration.verdict` is `discouraged`.
 */
export function assess(facts: WetnessFacts, options: WetnessOptions = {}): WetnessJudgement {
  const useCache = options.zones === undefined && options.landscapeTypes === undefined;
  const key = useCache
    ? [
        facts.zone,
        facts.landscapeType,
        facts.soilCode,
        facts.texture,
        facts.gt,
        facts.ghgCm,
        facts.glgCm,
        facts.seepage,
        facts.position,
        facts.waterQuality,
      ].join('|')
    : '';
  if (useCache) {
    const hit = cache.get(key);
    if (hit) return hit;
  }
  const result = compute(facts, options);
  if (useCache) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, result);
  }
  return result;
}

/** Alias of `assess`, for modules that also import the report's `assess`. */
export const assessWetness = assess;

function compute(facts: WetnessFacts, options: WetnessOptions): WetnessJudgement {
  const zones = options.zones ? new Map(options.zones.map((z) => [z.code, z])) : defaultZones;
  const types = options.landscapeTypes
    ? new Map(options.landscapeTypes.map((t) => [t.id, t]))
    : defaultTypes;
  const errors: WetnessJudgement['errors'] = [];
  const zone = facts.zone != null ? zones.get(String(facts.zone).trim()) : undefined;

  // Soil.
  let soil: SoilDerivation | undefined;
  if (facts.soilCode != null && String(facts.soilCode).trim() !== '') {
    try {
      soil = deriveSoil(String(facts.soilCode));
    } catch (e) {
      errors.push({
        fact: 'soilCode',
        code: String(facts.soilCode),
        message: (e as Error).message,
      });
    }
  }
  let texture: Texture | null = null;
  let textureFrom: WetnessJudgement['textureFrom'] = null;
  if (soil?.texture) {
    texture = soil.texture;
    textureFrom = 'soil';
  } else if (facts.texture) {
    texture = facts.texture;
    textureFrom = 'given';
  } else if (zone?.texture && !errors.some((e) => e.fact === 'soilCode')) {
    texture = zone.texture as Texture;
    textureFrom = 'zone';
  }
  const loamySand = texture === 'zand' && soil?.loamySand === true;
  const cover = soil?.cover ?? null;
  const base = soil?.baseCode ?? soil?.code ?? '';
  let peatLayer: DepthRange | null = null;
  if (soil && texture !== 'veen') {
    if (CLAY_ON_PEAT.test(base)) peatLayer = PEAT_UNDER_CLAY;
    else if (soil.substrate?.material === 'veen') peatLayer = soil.substrate.top ?? PEAT_UNDER_CLAY;
  }
  let boulderClay: DepthRange | null = null;
  if (soil?.substrate?.material === 'keileem') {
    boulderClay = soil.substrate.top ?? { min: 40, max: 120 };
  } else if (soil && /^KX/.test(base)) {
    boulderClay = { min: null, max: 40 };
  }

  // Groundwater.
  let ghg: DepthRange | null = null;
  let glg: DepthRange | null = null;
  let depthFrom: WetnessJudgement['depthFrom'] = null;
  let perched = false;
  let inundated = false;
  let gtCode: string | null = null;
  if (facts.gt != null && String(facts.gt).trim() !== '') {
    try {
      const info = gtInfo(String(facts.gt));
      gtCode = info.code;
      ghg = info.ghgTypical ?? info.ghg;
      glg = info.glg;
      depthFrom = 'gt';
      perched = info.perched === true;
      inundated = info.inundated === true;
    } catch (e) {
      errors.push({ fact: 'gt', code: String(facts.gt), message: (e as Error).message });
    }
  }
  if (typeof facts.ghgCm === 'number' && Number.isFinite(facts.ghgCm)) {
    ghg = { min: facts.ghgCm, max: facts.ghgCm };
    depthFrom = 'measured';
  }
  if (typeof facts.glgCm === 'number' && Number.isFinite(facts.glgCm)) {
    glg = { min: facts.glgCm, max: facts.glgCm };
    depthFrom = 'measured';
  }
  let groundwater = groundwaterDepthClass(ghg, glg);
  if (inundated) groundwater = 'shallow';

  const seepage = (facts.seepage ??
    (zone?.seepage as Seepage | undefined) ??
    null) as Seepage | null;
  const position = (facts.position ??
    (zone?.position as Position | undefined) ??
    null) as Position | null;

  // Hydrologic soil group.
  let hsg: HydrologicSoilGroup | null = null;
  if (texture) {
    hsg = hydrologicSoilGroup(texture, gtCode, cover, { loamySand }).group;
    if (groundwater === 'shallow') hsg = worse(hsg, 'D');
    if (perched || boulderClay) hsg = worse(hsg, 'C');
  }

  // Infiltration.
  const reasons: InfiltrationReason[] = [];
  const add = (key: InfiltrationReasonKey, effect: InfiltrationVerdict, source: string): void => {
    reasons.push({ key, effect, source });
  };
  if (inundated) add('inundated', 'discouraged', SOURCES.inundated);
  if (groundwater === 'shallow') add('shallow-groundwater', 'discouraged', SOURCES.shallow);
  if (perched) add('perched', 'discouraged', SOURCES.perched);
  if (boulderClay) add('boulder-clay', 'discouraged', SOURCES.boulder);
  if (texture === 'klei') add('clay', 'discouraged', SOURCES.clay);
  if (texture === 'veen') add('peat', 'discouraged', SOURCES.peat);
  if (seepage === 'kwel') add('seepage', 'discouraged', SOURCES.seepage);
  if (groundwater === 'unknown' && zone && WET_ZONES.has(zone.code)) {
    add('wet-zone', 'discouraged', SOURCES.wetZone);
  }
  if (groundwater === 'intermediate') add('between-classes', 'partial', SOURCES.between);
  if (texture === 'zavel') add('zavel', 'partial', SOURCES.slow);
  if (texture === 'leem') add('leem', 'partial', SOURCES.slow);
  if (texture === 'zand' && cover && cover !== 'zand') add('cover', 'partial', SOURCES.cover);
  if (texture === 'zand')
    add(loamySand ? 'loamy-sand' : 'permeable', 'works', loamySand ? SOURCES.loamy : SOURCES.sand);
  if (groundwater === 'deep') add('deep-groundwater', 'works', SOURCES.deep);
  if (!texture) add('no-texture', 'unknown', SOURCES.unknown);
  if (groundwater === 'unknown') add('no-groundwater', 'unknown', SOURCES.unknown);

  let verdict: InfiltrationVerdict;
  if (reasons.some((r) => r.effect === 'discouraged')) verdict = 'discouraged';
  else if (reasons.some((r) => r.effect === 'unknown')) verdict = 'unknown';
  else if (reasons.some((r) => r.effect === 'partial')) verdict = 'partial';
  else verdict = 'works';
  // Keep the reasons that carry the verdict (and, for discouraged, only those).
  const kept =
    verdict === 'discouraged' ? reasons.filter((r) => r.effect === 'discouraged') : reasons;

  // Water model of the location.
  const typeId = facts.landscapeType ?? zone?.landscapeType ?? null;
  const typeModel = typeId ? (types.get(typeId)?.waterModel as WaterModel | undefined) : undefined;
  const waterModel: WetnessJudgement['waterModel'] =
    zone && FLOODPLAIN_ZONES.has(zone.code)
      ? { model: 'fluctuatie', from: 'location', decidedBy: ['position'] }
      : locationWaterModel({
          verdict,
          texture,
          peatLayer: peatLayer !== null,
          groundwater,
          seepage,
          typeModel: typeModel ?? null,
          goodWater: facts.waterQuality === 'goed',
        });

  return deepFreeze({
    ghg,
    glg,
    depthFrom,
    groundwater,
    perched,
    inundated,
    texture,
    textureFrom,
    loamySand,
    cover,
    peatLayer,
    boulderClay,
    seepage,
    position,
    hsg,
    infiltration: { verdict, reasons: kept },
    waterModel,
    errors,
  });
}

/**
 * The water model of one location [S]:
 * - infiltration works → `infiltratie` (cahier bijlage 1, A1 Infiltratiemodel);
 * - clayey or peaty soil (or clay on peat) with shallow groundwater → `isolatie` (cahier bijlage
 *   1, C Isolatiemodel, TOEPASSING: "Kleiige/ venige bodem; Ondiep grondwater; Geen goede
 *   waterkwaliteit"), unless the water quality is known to be good: then the third condition
 *   fails, there is no poor water to keep the rainwater apart from, and the place gets
 *   `fluctuatie` (store on the surface, let levels move; infiltration stays discouraged where the
 *   groundwater is shallow: that is physics, not quality);
 * - infiltration discouraged otherwise (seepage, shallow groundwater on sand, perched water,
 *   clay with deeper groundwater) → `fluctuatie`: store on the surface and let levels move
 *   (cahier bijlage 1, A3 Fluctuatiemodel);
 * - partial infiltration → the landscape type's model when it is infiltratie or fluctuatie, else
 *   `fluctuatie`;
 * - a floodplain (uiterwaard, Rg3) → `fluctuatie`: the river's water model (BRIEF §1) [S];
 * - facts missing → the landscape type's model, except `infiltratie` or `isolatie` where the known
 *   facts rule them out.
 */
function locationWaterModel(p: {
  verdict: InfiltrationVerdict;
  texture: Texture | null;
  peatLayer: boolean;
  groundwater: GroundwaterDepthClass;
  seepage: Seepage | null;
  typeModel: WaterModel | null;
  /** The water quality is known to be good: the isolatiemodel does not apply. */
  goodWater: boolean;
}): WetnessJudgement['waterModel'] {
  const clayOrPeat = p.texture === 'klei' || p.texture === 'veen' || p.peatLayer;
  const soilFacts: WaterModelFactor[] = ['texture', 'ghg'];
  if (p.verdict === 'works') {
    return { model: 'infiltratie', from: 'location', decidedBy: ['texture', 'ghg', 'seepage'] };
  }
  if (p.verdict === 'discouraged') {
    // Good water quality: no reason to keep the water apart (store it on the surface instead).
    if (clayOrPeat && p.groundwater !== 'deep' && p.goodWater) {
      return { model: 'fluctuatie', from: 'location', decidedBy: [...soilFacts, 'waterQuality'] };
    }
    if (clayOrPeat && p.groundwater === 'shallow') {
      return { model: 'isolatie', from: 'location', decidedBy: soilFacts };
    }
    // Clay or peat with unknown depths in an isolatie landscape: the landscape's model stands.
    if (clayOrPeat && p.groundwater === 'unknown' && p.typeModel === 'isolatie') {
      return { model: 'isolatie', from: 'landscape', decidedBy: ['landscapeType'] };
    }
    const decidedBy: WaterModelFactor[] = [];
    if (p.texture) decidedBy.push('texture');
    if (p.groundwater !== 'unknown') decidedBy.push('ghg');
    if (p.seepage === 'kwel') decidedBy.push('seepage');
    if (decidedBy.length === 0) decidedBy.push('position');
    return { model: 'fluctuatie', from: 'location', decidedBy };
  }
  if (p.verdict === 'partial') {
    const model = p.typeModel === 'infiltratie' ? 'infiltratie' : 'fluctuatie';
    return { model, from: 'location', decidedBy: [...soilFacts, 'landscapeType'] };
  }
  // Unknown: the landscape type's default, unless the known facts already rule it out.
  if (p.typeModel === null) return { model: null, from: null, decidedBy: [] };
  if (p.typeModel === 'isolatie' && p.goodWater) {
    return { model: 'fluctuatie', from: 'location', decidedBy: ['waterQuality', 'landscapeType'] };
  }
  if (p.typeModel === 'isolatie' && p.texture !== null && !clayOrPeat) {
    return { model: 'fluctuatie', from: 'location', decidedBy: ['texture', 'landscapeType'] };
  }
  if (
    p.typeModel === 'isolatie' &&
    (p.groundwater === 'deep' || p.groundwater === 'intermediate')
  ) {
    return { model: 'fluctuatie', from: 'location', decidedBy: ['ghg', 'landscapeType'] };
  }
  return { model: p.typeModel, from: 'landscape', decidedBy: ['landscapeType'] };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
