/**
 * Parameters of the scenario comparer, each with its documented default and source.
 * Tags as in the domain brief: V verified in a cited source, S synthesis (sensible default),
 * U unverified (an assumption: shown as such in the UI and docs). Every value is configurable:
 * pass a partial `ScenarioParams` to `compareScenarios`.
 */
import type { HydrologicSoilGroup } from '../types.js';

export { MEASURE_TYPES, type MeasureType } from './measure-types.js';
import type { MeasureType } from './measure-types.js';

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
  /**
   * Principle actions this measure works against: where a principle of the natural system (zone,
   * landscape, soil, groundwater, seepage, position) asks for one of these, the measure counts
   * against it (paving and roofs seal the soil; a basement builds deep).
   */
  conflictsWith: string[];
  /**
   * Which loss of the stress test applies to the rain on this surface: `sewer` (connected paved
   * and roof surfaces), `soil` (infiltration into unpaved ground), `none` (open water, overlays).
   */
  loss: 'sewer' | 'soil' | 'none';
  /** Rough investment and upkeep, € per m² and € per m² per year (assumptions, override per municipality). */
  costEurM2: number;
  upkeepEurM2Year: number;
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
  /** Sewer capacity of connected (paved and roof) surfaces, mm/h (a scenario may set `sewer_capacity_mm_h`). */
  sewerCapacityMmH: Sourced<number>;
  /**
   * Infiltration into unpaved ground during the storm, mm/h per hydrologic soil group. Never less
   * than the sewer capacity: unpaved ground never loses less than paving.
   */
  soilInfiltrationMmH: Sourced<Record<HydrologicSoilGroup, number>>;
  /**
   * The street water gathers on this share of the planning area (the low points), or on the low
   * zones (position `low`: stream valley, depression) where those are smaller.
   */
  lowPointShare: Sourced<number>;
  /** Infiltration crates: top this deep below the surface, m (their storage below the GHG is lost). */
  crateCoverM: Sourced<number>;
  /** Crate height, m (the default storage depth is height × void ratio). */
  crateHeightM: Sourced<number>;
  /** A cool place needs at least this share of shade (tree crowns or a `shade` property). */
  coolPlaceMinShade: Sourced<number>;
  /**
   * Weight of each stress test in the utility per future; by default equal per hazard (rain, heat,
   * drought), the rain weight split over the storms. Keys: test ids (`rain-T100`, `hot-day`, …).
   */
  testWeights: Sourced<Record<string, number>>;
  /** Where the costs per measure type (`costEurM2`, `upkeepEurM2Year`) come from. */
  costSource: Sourced<string>;
  /** Yearly rain, mm. */
  yearlyRainMm: Sourced<number>;
  /** Design rain an infiltrating measure is sized for, mm over its connected paved area (routing share). */
  routingDesignMm: Sourced<number>;
  /** Recharge factor of infiltrating measures where infiltration cannot work (the location check discourages it). */
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
    /** Maximum water depth at the low points, m (a local maximum, not a mean). */
    streetWaterDepthM: Sourced<number>;
    /** Minimum area-weighted cooling capacity (0–1) on a hot day today. */
    coolingCapacity: Sourced<number>;
    /** Minimum shade share of the outdoor space at the hottest hour (tree crowns, building shade). */
    shadeShare: Sourced<number>;
    /** Minimum share of the recharge of the same ground unsealed that the design keeps (× dry factor of the future). */
    rechargeRetained: Sourced<number>;
  };
}

/**
 * Principle actions that sealing the soil (paving, roofs) works against: infiltration (ridges,
 * infiltration areas), using seepage, keeping groundwater high (peat) and room for water (stream
 * valleys, low ground).
 */
const SEALS = ['infiltreren', 'kwel-benutten', 'grondwater-hoog', 'ruimte-voor-water'];

const cn = (a: number, b: number, c: number, d: number) => ({ A: a, B: b, C: c, D: d });
const TR55 = 'TR-55 curve numbers AMC II (SWMM 5 manual)';
const COOL =
  'InVEST Urban Cooling (CC = 0.6 shade + 0.2 albedo + 0.2 ETI); albedo/ETI values typical';

/** The documented defaults. */
export const DEFAULT_PARAMS: ScenarioParams = {
  storms: [
    {
      id: 'T100',
      depthMm: 70,
      durationH: 2,
      source: 'Klimaateffectatlas 70 mm/2 h (~1/100 yr)',
      tag: 'V',
    },
    {
      id: 'T1000',
      depthMm: 140,
      durationH: 2,
      source: 'Klimaateffectatlas 140 mm/2 h (~1/1000 yr)',
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
      "KNMI'23 scenarios Ld/Ln/Hd/Hn for 2050 and 2100; the scaling factors are assumptions: KNMI'23 precipitation kerncijfers were not available",
    source: "KNMI'23 klimaatscenario's (KNMI, 2023)",
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
      conflictsWith: SEALS,
      loss: 'sewer',
      costEurM2: 0,
      upkeepEurM2Year: 0,
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
      conflictsWith: [],
      loss: 'sewer',
      costEurM2: 50,
      upkeepEurM2Year: 2,
      source: 'green roof ≥ 30 l/m² (Amsterdam 2021 definition)',
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
      conflictsWith: [],
      loss: 'sewer',
      costEurM2: 100,
      upkeepEurM2Year: 3,
      source: 'Amsterdam new-build on-plot storage 60 l/m²; blue-green roofs keep cooling longer',
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
      conflictsWith: SEALS,
      loss: 'sewer',
      costEurM2: 60,
      upkeepEurM2Year: 1,
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
      conflictsWith: [],
      loss: 'sewer',
      costEurM2: 80,
      upkeepEurM2Year: 2,
      source:
        'TR-55 gravel curve numbers as a stand-in for permeable paving (mm/h figures unverified)',
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
      conflictsWith: [],
      loss: 'soil',
      costEurM2: 5,
      upkeepEurM2Year: 0.5,
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
      conflictsWith: [],
      loss: 'soil',
      costEurM2: 25,
      upkeepEurM2Year: 2,
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
      conflictsWith: [],
      loss: 'none',
      costEurM2: 40,
      upkeepEurM2Year: 1.5,
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
      conflictsWith: [],
      loss: 'soil',
      costEurM2: 50,
      upkeepEurM2Year: 2,
      source: 'wadi ponding 0.20–0.30 m (riool.net)',
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
      conflictsWith: [],
      loss: 'none',
      costEurM2: 150,
      upkeepEurM2Year: 1,
      source:
        'crate 0.5 m high, 95 % voids: typical product values (assumption); the part below the GHG stores nothing',
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
      conflictsWith: [],
      loss: 'none',
      costEurM2: 60,
      upkeepEurM2Year: 1.5,
      source:
        'open water with 0.30 m allowed level rise (assumption; Rijnland VDS fluctuation band 20–60 cm)',
      tag: 'S',
    },
    kelder: {
      cover: 'overlay',
      cn: null,
      ownStorageMm: 0,
      storageDepthM: 0,
      infiltrates: false,
      shade: 0,
      albedo: 0,
      eti: 0,
      recharge: { A: 0, B: 0, C: 0, D: 0 },
      actions: [],
      conflictsWith: ['niet-diep-bouwen'],
      loss: 'none',
      costEurM2: 800,
      upkeepEurM2Year: 5,
      source:
        'basement under a building (an overlay): judged against the principle niet-diep-bouwen (peat, seepage, stuwwal flanks); cost an assumption',
      tag: 'U',
    },
    parkeerkelder: {
      cover: 'overlay',
      cn: null,
      ownStorageMm: 0,
      storageDepthM: 0,
      infiltrates: false,
      shade: 0,
      albedo: 0,
      eti: 0,
      recharge: { A: 0, B: 0, C: 0, D: 0 },
      actions: [],
      conflictsWith: ['niet-diep-bouwen'],
      loss: 'none',
      costEurM2: 1000,
      upkeepEurM2Year: 10,
      source:
        'underground car park (an overlay): judged against the principle niet-diep-bouwen; cost an assumption',
      tag: 'U',
    },
  },
  sewerCapacityMmH: {
    value: 20,
    source:
      'Klimaateffectatlas stress test: infiltration + sewer capacity 20 mm/h; sewers 60–90 l/s/ha ≈ 20–30 mm/h',
    tag: 'V',
  },
  soilInfiltrationMmH: {
    value: { A: 20, B: 20, C: 20, D: 20 },
    source:
      'Klimaateffectatlas stress-test maps: infiltration + sewer capacity 20 mm/h on every surface; per soil group configurable, never below the sewer capacity',
    tag: 'V',
  },
  lowPointShare: {
    value: 0.1,
    source:
      'street water gathers on the lowest 10 % of the planning area, or on the low zones (stream valley, depression) where those are smaller; a lumped stand-in for a terrain model (assumption)',
    tag: 'U',
  },
  crateCoverM: {
    value: 0.3,
    source: 'crates under 0.30 m of cover (typical; assumption)',
    tag: 'U',
  },
  crateHeightM: {
    value: 0.5,
    source: 'crate 0.5 m high, 95 % voids: typical product values (assumption)',
    tag: 'U',
  },
  coolPlaceMinShade: {
    value: 0.4,
    source:
      'HvA guidelines (Kluck et al. 2020): a cool place has shade; ≥ 40 % shade as on key walking routes; the share for a place is an assumption',
    tag: 'U',
  },
  costSource: {
    value: 'costEurM2 / upkeepEurM2Year per measure type',
    source:
      'order-of-magnitude assumptions, not from a cited cost table (costs unverified); override per municipality',
    tag: 'U',
  },
  testWeights: {
    value: {},
    source:
      'equal weight per hazard (rain, heat, drought), rain split over its storms; McPhail et al. 2018 leave the utility to the analyst',
    tag: 'S',
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
  ineffectiveRecharge: {
    value: 0,
    source:
      'where the location check discourages infiltration (clay, peat, shallow groundwater, seepage) routed water is not counted as recharge (the same judgement as the location check)',
    tag: 'S',
  },
  parkMinAreaM2: {
    value: 20000,
    source: 'InVEST Urban Cooling park effect for green areas > 2 ha',
    tag: 'V',
  },
  parkCoolingDistanceM: { value: 450, source: 'InVEST d_cool = 450 m', tag: 'V' },
  coolPlaceMinAreaM2: {
    value: 200,
    source: 'HvA guideline: a cool place of ≥ 200 m² within 300 m of each home (Kluck et al. 2020)',
    tag: 'S',
  },
  coolPlaceDistanceM: { value: 300, source: 'HvA guideline / 3-30-300', tag: 'V' },
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
      source:
        '"≤ 10–20 cm on streets" (local werkafspraken, Landelijke Maatlat 2023): tested at the low points',
      tag: 'U',
    },
    coolingCapacity: {
      value: 0.35,
      source: 'threshold on InVEST cooling capacity (assumption)',
      tag: 'U',
    },
    shadeShare: {
      value: 0.3,
      source:
        'HvA guidelines: ≥ 30 % shade in neighbourhoods at the hottest hour (Kluck et al. 2020); 3-30-300: 30 % canopy (Konijnendijk 2021)',
      tag: 'V',
    },
    rechargeRetained: {
      value: 0.6,
      source:
        'the design keeps at least 60 % of the recharge of the same ground unsealed (× the dry factor of the future); a proxy for the GLG, which the data cannot predict (assumption)',
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
