/**
 * Parameters of the scenario comparer, each with its documented default and source.
 * Tags as in the domain brief: V verified in a cited source, S synthesis (sensible default),
 * U unverified (an assumption: shown as such in the UI and docs). Every value is configurable:
 * pass a partial `ScenarioParams` to `compareScenarios`.
 */
import type { HydrologicSoilGroup, Texture } from '../types.js';

/** The fixed vocabulary of measure/land-cover types (property `type` of a scenario feature). */
export const MEASURE_TYPES = [
  'dak',
  'groen-dak',
  'blauw-groen-dak',
  'verharding',
  'waterdoorlatende-verharding',
  'gras',
  'beplanting',
  'bomen',
  'wadi',
  'infiltratiekrat',
  'open-water',
] as const;
export type MeasureType = (typeof MEASURE_TYPES)[number];

/** A parameter value with where it comes from. */
export interface Sourced<T> {
  value: T;
  source: string;
  tag: 'V' | 'S' | 'U';
}

/** How a type counts in the land-cover fractions; `overlay` types do not tile the area. */
export type CoverClass = 'paved' | 'green' | 'blue' | 'overlay';

export interface MeasureParams {
  cover: CoverClass;
  /** SCS curve numbers (AMC II) per hydrologic soil group A–D; null for storage-only overlays. */
  cn: Record<HydrologicSoilGroup, number> | null;
  /** Storage on the surface itself before runoff starts, mm (green roofs). */
  ownStorageMm: number;
  /** Storage depth for runoff from elsewhere, m (wadi ponding, crate height × void ratio, open-water freeboard). */
  storageDepthM: number;
  /** Whether the measure infiltrates into the subsoil. */
  infiltrates: boolean;
  /** InVEST cooling: shade (canopy ≥ 2 m), albedo, evapotranspiration index (Kc·ETo/ETmax). */
  shade: number;
  albedo: number;
  eti: number;
  /** Share of yearly rain on this surface that recharges groundwater, per HSG (drought indicator). */
  recharge: Record<HydrologicSoilGroup, number>;
  /** Actions of the knowledge-base vocabulary this measure performs (for the fit check). */
  actions: string[];
  source: string;
  tag: 'V' | 'S' | 'U';
}

export interface DesignStorm {
  id: string;
  depthMm: number;
  durationH: number;
  source: string;
  tag: 'V' | 'S' | 'U';
}

export interface ClimateFuture {
  id: string;
  /** Factor on design-storm depth. */
  rain: number;
  /** Factor on the cooling-capacity threshold (a hotter day needs more cooling). */
  heat: number;
  /** Factor on recharge in a dry period (less rain, more evaporation). */
  dry: number;
}

export interface ScenarioParams {
  storms: DesignStorm[];
  futures: ClimateFuture[];
  futuresSource: Sourced<string>;
  measures: Record<MeasureType, MeasureParams>;
  /** Sewer plus infiltration capacity of paved surfaces, mm/h (a scenario may set `sewer_capacity_mm_h`). */
  sewerCapacityMmH: Sourced<number>;
  /** Yearly rain, mm. */
  yearlyRainMm: Sourced<number>;
  /** Design rain an infiltrating measure is sized for, mm over its connected paved area (routing share). */
  routingDesignMm: Sourced<number>;
  /** Infiltration works on these textures … */
  effectiveTextures: Sourced<Texture[]>;
  /** … with groundwater at least this deep (main Gt class, I..VIII). */
  effectiveMinGt: Sourced<string>;
  /** Recharge factor of infiltrating measures on soils where infiltration cannot work. */
  ineffectiveRecharge: Sourced<number>;
  /** InVEST park effect: green areas over this size (m²) cool their surroundings … */
  parkMinAreaM2: Sourced<number>;
  /** … with this distance decay, m. */
  parkCoolingDistanceM: Sourced<number>;
  /** A cool place (green or blue, at least this many m²) … */
  coolPlaceMinAreaM2: Sourced<number>;
  /** … within this distance of each home or point, m. */
  coolPlaceDistanceM: Sourced<number>;
  /** Hydrologic soil group where neither the soil nor the zone tells the soil (built-up, unmapped). */
  unknownSoilHsg: Sourced<HydrologicSoilGroup>;
  /** Sample spacing for the heat and distance indicators, m. */
  sampleSpacingM: Sourced<number>;
  thresholds: {
    /** Maximum water depth on streets (verharding), m. */
    streetWaterDepthM: Sourced<number>;
    /** Minimum area-weighted cooling capacity (0–1) on a hot day today. */
    coolingCapacity: Sourced<number>;
    /** Minimum canopy share (3-30-300). */
    canopyShare: Sourced<number>;
    /** Minimum share of yearly rain that recharges groundwater. */
    rechargeShare: Sourced<number>;
  };
}

const cn = (a: number, b: number, c: number, d: number) => ({ A: a, B: b, C: c, D: d });
const TR55 = 'TR-55 curve numbers AMC II (SWMM 5 manual), BRIEF §4';
const COOL =
  'InVEST Urban Cooling (CC = 0.6 shade + 0.2 albedo + 0.2 ETI), BRIEF §4; albedo/ETI values typical';

/** The documented defaults. */
export const DEFAULT_PARAMS: ScenarioParams = {
  storms: [
    {
      id: 'T100',
      depthMm: 70,
      durationH: 2,
      source: 'Klimaateffectatlas 70 mm/2 h (~1/100 yr), BRIEF §3',
      tag: 'V',
    },
    {
      id: 'T1000',
      depthMm: 140,
      durationH: 2,
      source: 'Klimaateffectatlas 140 mm/2 h (~1/1000 yr), BRIEF §3',
      tag: 'V',
    },
  ],
  futures: [
    { id: 'today', rain: 1, heat: 1, dry: 1 },
    { id: '2050-Ld', rain: 1.05, heat: 1.05, dry: 0.95 },
    { id: '2050-Ln', rain: 1.07, heat: 1.04, dry: 1 },
    { id: '2050-Hd', rain: 1.1, heat: 1.1, dry: 0.88 },
    { id: '2050-Hn', rain: 1.12, heat: 1.08, dry: 0.95 },
    { id: '2100-Ld', rain: 1.07, heat: 1.08, dry: 0.92 },
    { id: '2100-Ln', rain: 1.1, heat: 1.06, dry: 1 },
    { id: '2100-Hd', rain: 1.25, heat: 1.2, dry: 0.75 },
    { id: '2100-Hn', rain: 1.3, heat: 1.15, dry: 0.9 },
  ],
  futuresSource: {
    value:
      "KNMI'23 scenarios Ld/Ln/Hd/Hn for 2050 and 2100 (BRIEF §3); the scaling factors are assumptions: KNMI'23 precipitation kerncijfers were not available",
    source: 'BRIEF §3',
    tag: 'U',
  },
  measures: {
    dak: {
      cover: 'paved',
      cn: cn(98, 98, 98, 98),
      ownStorageMm: 0,
      storageDepthM: 0,
      infiltrates: false,
      shade: 0,
      albedo: 0.15,
      eti: 0,
      recharge: { A: 0, B: 0, C: 0, D: 0 },
      actions: [],
      source: TR55,
      tag: 'V',
    },
    'groen-dak': {
      cover: 'green',
      cn: cn(98, 98, 98, 98),
      ownStorageMm: 30,
      storageDepthM: 0,
      infiltrates: false,
      shade: 0,
      albedo: 0.2,
      eti: 0.5,
      recharge: { A: 0, B: 0, C: 0, D: 0 },
      actions: ['vasthouden', 'vergroenen', 'koelen'],
      source: 'green roof ≥ 30 l/m² (Amsterdam 2021 definition), BRIEF §5',
      tag: 'V',
    },
    'blauw-groen-dak': {
      cover: 'green',
      cn: cn(98, 98, 98, 98),
      ownStorageMm: 60,
      storageDepthM: 0,
      infiltrates: false,
      shade: 0,
      albedo: 0.2,
      eti: 0.7,
      recharge: { A: 0, B: 0, C: 0, D: 0 },
      actions: ['vasthouden', 'vergroenen', 'koelen'],
      source:
        'Amsterdam new-build on-plot storage 60 l/m² (BRIEF §5); blue-green roofs keep cooling longer',
      tag: 'S',
    },
    verharding: {
      cover: 'paved',
      cn: cn(98, 98, 98, 98),
      ownStorageMm: 0,
      storageDepthM: 0,
      infiltrates: false,
      shade: 0,
      albedo: 0.1,
      eti: 0,
      recharge: { A: 0, B: 0, C: 0, D: 0 },
      actions: [],
      source: TR55,
      tag: 'V',
    },
    'waterdoorlatende-verharding': {
      cover: 'paved',
      cn: cn(76, 85, 89, 91),
      ownStorageMm: 0,
      storageDepthM: 0,
      infiltrates: true,
      shade: 0,
      albedo: 0.15,
      eti: 0.1,
      recharge: { A: 0.45, B: 0.3, C: 0.15, D: 0.05 },
      actions: ['infiltreren'],
      source:
        'TR-55 gravel curve numbers as a stand-in for permeable paving (BRIEF §4, §5: mm/h figures unverified)',
      tag: 'S',
    },
    gras: {
      cover: 'green',
      cn: cn(39, 61, 74, 80),
      ownStorageMm: 0,
      storageDepthM: 0,
      infiltrates: false,
      shade: 0,
      albedo: 0.25,
      eti: 0.8,
      recharge: { A: 0.35, B: 0.25, C: 0.12, D: 0.05 },
      actions: ['vergroenen'],
      source: `${TR55} (open space, good)`,
      tag: 'V',
    },
    beplanting: {
      cover: 'green',
      cn: cn(30, 55, 70, 77),
      ownStorageMm: 0,
      storageDepthM: 0,
      infiltrates: false,
      shade: 0,
      albedo: 0.2,
      eti: 0.9,
      recharge: { A: 0.3, B: 0.22, C: 0.1, D: 0.04 },
      actions: ['vergroenen'],
      source: `${TR55} (woods, good)`,
      tag: 'V',
    },
    bomen: {
      cover: 'overlay',
      cn: null,
      ownStorageMm: 0,
      storageDepthM: 0,
      infiltrates: false,
      shade: 1,
      albedo: 0.2,
      eti: 1,
      recharge: { A: 0, B: 0, C: 0, D: 0 },
      actions: ['koelen', 'vergroenen'],
      source: `${COOL}; crown area shades what lies beneath`,
      tag: 'S',
    },
    wadi: {
      cover: 'green',
      cn: cn(39, 61, 74, 80),
      ownStorageMm: 0,
      storageDepthM: 0.25,
      infiltrates: true,
      shade: 0,
      albedo: 0.25,
      eti: 0.8,
      recharge: { A: 0.35, B: 0.25, C: 0.12, D: 0.05 },
      actions: ['infiltreren', 'bergen', 'vasthouden'],
      source: 'wadi ponding 0.20–0.30 m (riool.net), BRIEF §5',
      tag: 'V',
    },
    infiltratiekrat: {
      cover: 'overlay',
      cn: null,
      ownStorageMm: 0,
      storageDepthM: 0.5 * 0.95,
      infiltrates: true,
      shade: 0,
      albedo: 0,
      eti: 0,
      recharge: { A: 0, B: 0, C: 0, D: 0 },
      actions: ['infiltreren', 'bergen'],
      source: 'crate 0.5 m high, 95 % voids: typical product values (assumption)',
      tag: 'U',
    },
    'open-water': {
      cover: 'blue',
      cn: cn(100, 100, 100, 100),
      ownStorageMm: 0,
      storageDepthM: 0.3,
      infiltrates: false,
      shade: 0,
      albedo: 0.08,
      eti: 1,
      recharge: { A: 0, B: 0, C: 0, D: 0 },
      actions: ['bergen', 'koelen'],
      source:
        'open water with 0.30 m allowed level rise (assumption; Rijnland VDS fluctuation band 20–60 cm, BRIEF §1)',
      tag: 'S',
    },
  },
  sewerCapacityMmH: {
    value: 20,
    source:
      'Klimaateffectatlas stress test: infiltration + sewer capacity 20 mm/h (BRIEF §3); sewers 60–90 l/s/ha ≈ 20–30 mm/h (BRIEF §5)',
    tag: 'V',
  },
  yearlyRainMm: {
    value: 850,
    source: 'yearly rain in the Netherlands ≈ 850 mm (KNMI normal; synthesis)',
    tag: 'S',
  },
  routingDesignMm: {
    value: 20,
    source:
      'an infiltrating measure sized for 20 mm over its connected paved area catches most yearly runoff (synthesis)',
    tag: 'U',
  },
  effectiveTextures: {
    value: ['zand'],
    source: 'BRIEF §4 (k of sand 1–30 m/d vs clay 0.0001–0.01 m/d), §7',
    tag: 'S',
  },
  effectiveMinGt: {
    value: 'IV',
    source: 'BRIEF §7: Gt I–III (GHG < 40 cm) cannot infiltrate',
    tag: 'S',
  },
  ineffectiveRecharge: {
    value: 0.2,
    source:
      'share of routed water that still recharges on clay/peat/shallow groundwater (assumption)',
    tag: 'U',
  },
  parkMinAreaM2: {
    value: 20000,
    source: 'InVEST Urban Cooling park effect for green areas > 2 ha, BRIEF §4',
    tag: 'V',
  },
  parkCoolingDistanceM: { value: 450, source: 'InVEST d_cool = 450 m, BRIEF §4', tag: 'V' },
  coolPlaceMinAreaM2: {
    value: 200,
    source:
      'HvA guideline: a cool place of ≥ 200 m² within 300 m of each home (Kluck et al. 2020), BRIEF §6',
    tag: 'S',
  },
  coolPlaceDistanceM: { value: 300, source: 'HvA guideline / 3-30-300, BRIEF §6', tag: 'V' },
  unknownSoilHsg: {
    value: 'C',
    source:
      'built-up soils are compacted and mixed (cahier: "sterke verdichting van de stadsbodem"); HSG C as a cautious default',
    tag: 'S',
  },
  sampleSpacingM: {
    value: 10,
    source: 'sampling grid of the heat indicators (method choice)',
    tag: 'S',
  },
  thresholds: {
    streetWaterDepthM: {
      value: 0.1,
      source: '"≤ 10–20 cm on streets" (local werkafspraken, Landelijke Maatlat 2023), BRIEF §6',
      tag: 'U',
    },
    coolingCapacity: {
      value: 0.35,
      source: 'threshold on InVEST cooling capacity (assumption)',
      tag: 'U',
    },
    canopyShare: {
      value: 0.3,
      source: '3-30-300: 30 % canopy per neighbourhood (Konijnendijk 2021), BRIEF §6',
      tag: 'V',
    },
    rechargeShare: {
      value: 0.2,
      source: 'minimum share of yearly rain that infiltrates (assumption)',
      tag: 'U',
    },
  },
};

/** Deep-merges a partial parameter set over the defaults (measures merged per type). */
export function resolveParams(partial: DeepPartial<ScenarioParams> = {}): ScenarioParams {
  return mergeDeep(DEFAULT_PARAMS, partial) as ScenarioParams;
}

export type DeepPartial<T> =
  T extends Array<infer U>
    ? Array<U>
    : T extends object
      ? { [K in keyof T]?: DeepPartial<T[K]> }
      : T;

function mergeDeep(base: unknown, over: unknown): unknown {
  if (over === undefined) return base;
  if (Array.isArray(over) || typeof over !== 'object' || over === null) return over;
  if (typeof base !== 'object' || base === null || Array.isArray(base)) return over;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(over as Record<string, unknown>)) {
    out[k] = mergeDeep((base as Record<string, unknown>)[k], v);
  }
  return out;
}
