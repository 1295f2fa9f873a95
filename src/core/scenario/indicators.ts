/**
 * Indicators of one scenario against the natural system underneath. Formulas (see docs/scenarios.md):
 *
 * - fractions: area of each cover class / planning area; canopy = crown area (`bomen`) / planning area.
 * - storage (m³): Σ storageDepth·area (wadi, open water; crates only above the GHG) + Σ ownStorage·area
 *   (green roofs).
 * - rain (Klimaateffectatlas stress test): P = depth·rainFactor; per land-cover piece P′ = max(0, P −
 *   ownStorage), TR-55 runoff Q(P′, CN by type and hydrologic soil group); the stress test's loss
 *   over the storm (sewer capacity on connected paved and roof surfaces, infiltration into unpaved
 *   ground, never less than the sewer capacity) is taken off per piece: surplus = max(0, Q − loss·T)·A;
 *   street water = max(0, Σ surplus − routed storage); mean depth = street water / planning area;
 *   depth at the low points = street water / the lowest share of the planning area (10 %), or the
 *   low zones (stream valley, depression) where those are smaller.
 * - infiltration: the storage of infiltrating measures, split by the location check's judgement of the
 *   ground beneath (`GroundJudge`): works where `infiltreren` is not discouraged, cannot where it is.
 * - heat: see heat.ts.
 * - drought: recharge = Σ rain·share(type, HSG)·A + routed paved runoff infiltrated where it works;
 *   retained = recharge / recharge of the same ground unsealed (grass).
 */
import { defaultKnowledgeBase } from '../kb/default.js';
import { planarArea } from '../geometry.js';
import { GroundJudge, type Ground } from './ground.js';
import { heatIndicators } from './heat.js';
import { soilGroundwaterAreas, type NaturalSystem } from './overlay.js';
import type { MeasureType, ScenarioParams } from './params.js';
import type { Scenario, ScenarioFeature } from './scenario.js';
import type { HydrologicSoilGroup, Texture } from '../types.js';

/** A piece of a feature with uniform soil and groundwater. */
export interface Piece {
  area: number;
  soilCode?: string;
  texture?: Texture;
  gt?: string;
  hsg: HydrologicSoilGroup;
  /** Whether infiltration works here (the location check's judgement), undefined when unknown. */
  infiltrationWorks?: boolean;
  /** Representative GHG, m below the surface. */
  ghgM?: number;
}

export interface FeatureOverlay {
  feature: ScenarioFeature;
  pieces: Piece[];
  zone?: string;
  /** Dominant soil code, Gt and mapped seepage (largest area). */
  soilCode?: string;
  gt?: string;
  seepage?: string;
  /** The location check's judgement of the dominant zone, soil, Gt and seepage. */
  ground: Ground;
  /** Area of this feature in low zones (position `low`: stream valleys, depressions), m². */
  lowArea: number;
}

export interface RunoffResult {
  event: string;
  future: string;
  rain_mm: number;
  runoff_mm: number;
  street_water_m3: number;
  /** Street water spread over the planning area (a fixed denominator), m. */
  street_water_depth_m: number;
  /** Street water gathered at the low points, m. */
  street_water_low_point_depth_m: number;
}

/** What one measure adds (T100 today for the rain numbers). */
export interface MeasureContribution {
  index: number;
  type: MeasureType;
  area_m2: number;
  storage_m3: number;
  /** Surplus after the stress test's loss, before routed storage (T100 today). */
  runoff_m3: number;
  infiltration_m3: number;
  /** Share of the measure's area where infiltration works (null: no infiltrating measure or unknown). */
  infiltration_works_share: number | null;
  recharge_m3: number;
  /** Mean cooling (HM) over its cells; null where it has no cells (crates, basements). */
  cooling: number | null;
  cost_eur: number;
  upkeep_eur_year: number;
}

export interface Indicators {
  area_m2: number;
  fractions: { paved: number; green: number; blue: number; canopy: number };
  storage_m3: number;
  storage_mm: number;
  sewer_capacity_mm_h: number;
  runoff: RunoffResult[];
  /** Area where the street water gathers, m², and where it comes from. */
  low_point_area_m2: number;
  low_point_source: 'zones' | 'assumed-share';
  infiltration_effective_m3: number;
  infiltration_ineffective_m3: number;
  infiltration_unknown_m3: number;
  cooling_capacity: number;
  cool_place_share: number;
  homes_cool_place_share?: number;
  shade_share: number;
  recharge_share: number;
  /** Recharge of the design ÷ recharge of the same ground unsealed (grass). */
  recharge_retained: number;
  soil_unknown_share: number;
  cost_eur: number;
  upkeep_eur_year: number;
  contributions: MeasureContribution[];
}

/** Splits every feature by soil and groundwater and judges each piece with the location check. */
export function overlayScenario(
  scenario: Scenario,
  system: NaturalSystem,
  params: ScenarioParams,
  judge: GroundJudge = new GroundJudge(defaultKnowledgeBase()),
): FeatureOverlay[] {
  return scenario.features.map((feature) => {
    const zone = system.zones.dominant(feature.geometry);
    const seepage = system.seepage.dominant(feature.geometry);
    const pieces: Piece[] = soilGroundwaterAreas(system, feature.geometry, feature.area).map(
      (p) => {
        const g = judge.judge({
          ...(zone ? { zone } : {}),
          ...(p.soil ? { soilCode: p.soil } : {}),
          ...(p.gt ? { gt: p.gt } : {}),
          ...(seepage ? { seepage } : {}),
        });
        return {
          area: p.area,
          ...(p.soil ? { soilCode: p.soil } : {}),
          ...(g.texture ? { texture: g.texture } : {}),
          ...(p.gt ? { gt: p.gt } : {}),
          hsg: g.hsg ?? (params.unknownSoilHsg.value as HydrologicSoilGroup),
          ...(g.infiltrationWorks !== undefined ? { infiltrationWorks: g.infiltrationWorks } : {}),
          ...(g.ghgM !== undefined ? { ghgM: g.ghgM } : {}),
        };
      },
    );
    const dominantBy = (key: 'soilCode' | 'gt') => {
      const by = new Map<string, number>();
      for (const p of pieces) if (p[key]) by.set(p[key]!, (by.get(p[key]!) ?? 0) + p.area);
      return [...by.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
    };
    const soilCode = dominantBy('soilCode');
    const gt = dominantBy('gt');
    const ground = judge.judge({
      ...(zone ? { zone } : {}),
      ...(soilCode ? { soilCode } : {}),
      ...(gt ? { gt } : {}),
      ...(seepage ? { seepage } : {}),
    });
    let lowArea = 0;
    for (const z of system.zones.areas(feature.geometry, feature.area).pieces)
      if (judge.judge({ zone: z.value }).position === 'low') lowArea += z.area;
    return {
      feature,
      pieces,
      ...(zone ? { zone } : {}),
      ...(soilCode ? { soilCode } : {}),
      ...(gt ? { gt } : {}),
      ...(seepage ? { seepage } : {}),
      ground,
      lowArea,
    };
  });
}

/** SCS curve-number runoff depth in mm for rain P (mm) and curve number CN. */
export function scsRunoff(p: number, cn: number): number {
  if (p <= 0) return 0;
  if (cn >= 100) return p;
  const s = 25400 / cn - 254;
  return p > 0.2 * s ? (p - 0.2 * s) ** 2 / (p + 0.8 * s) : 0;
}

/** Storage of a feature for runoff from elsewhere, m³: crates only above the GHG. */
function routedStorageOf(o: FeatureOverlay, params: ScenarioParams): number {
  const depth = o.feature.storageDepthM ?? params.measures[o.feature.type].storageDepthM;
  if (depth <= 0) return 0;
  if (o.feature.type !== 'infiltratiekrat') return depth * o.feature.area;
  const cover = params.crateCoverM.value;
  const height = params.crateHeightM.value;
  let v = 0;
  for (const p of o.pieces) {
    const dry =
      p.ghgM === undefined || height <= 0 ? 1 : Math.max(0, Math.min(1, (p.ghgM - cover) / height));
    v += depth * dry * p.area;
  }
  return v;
}

/** Computes every indicator of one scenario. */
export function computeIndicators(
  scenario: Scenario,
  overlay: FeatureOverlay[],
  params: ScenarioParams,
): Indicators {
  const m = params.measures;
  const landCover = overlay.filter((o) => m[o.feature.type].cover !== 'overlay');
  const area = scenario.planningArea
    ? planarArea(scenario.planningArea)
    : landCover.reduce((s, o) => s + o.feature.area, 0);
  const safeArea = area > 0 ? area : 1;
  const sumArea = (pred: (o: FeatureOverlay) => boolean) =>
    overlay.filter(pred).reduce((s, o) => s + o.feature.area, 0);

  const paved = sumArea((o) => m[o.feature.type].cover === 'paved');
  const green = sumArea((o) => m[o.feature.type].cover === 'green');
  const blue = sumArea((o) => m[o.feature.type].cover === 'blue');
  const canopy = sumArea((o) => o.feature.type === 'bomen');

  const ownOf = (o: FeatureOverlay) => o.feature.ownStorageMm ?? m[o.feature.type].ownStorageMm;
  const storageBy = new Map<number, number>();
  let routedStorage = 0;
  let ownStorage = 0;
  for (const o of overlay) {
    const routed = routedStorageOf(o, params);
    const own = (ownOf(o) / 1000) * o.feature.area;
    routedStorage += routed;
    ownStorage += own;
    storageBy.set(o.feature.index, routed + own);
  }
  const storage = routedStorage + ownStorage;

  // The water gathers in the lowest share of the planning area (lowPointShare); where the natural
  // system marks low zones smaller than that, in those zones.
  const lowZoneArea = landCover.reduce((s, o) => s + o.lowArea, 0);
  const shareArea = params.lowPointShare.value * safeArea;
  const lowArea = lowZoneArea > 1e-6 ? Math.min(lowZoneArea, shareArea) : shareArea;

  const sewer = scenario.sewerCapacityMmH ?? params.sewerCapacityMmH.value;
  const lossRate = (o: FeatureOverlay, hsg: HydrologicSoilGroup): number => {
    const loss = m[o.feature.type].loss;
    if (loss === 'sewer') return sewer;
    // The floor is the standard's sewer capacity, not a scenario's larger sewers: bigger pipes do
    // not make the lawn infiltrate more.
    if (loss === 'soil')
      return Math.max(params.sewerCapacityMmH.value, params.soilInfiltrationMmH.value[hsg]);
    return 0;
  };
  const runoff: RunoffResult[] = [];
  const runoffBy = new Map<number, number>();
  params.storms.forEach((storm, si) => {
    params.futures.forEach((future, fi) => {
      const p = storm.depthMm * future.rain;
      let surplus = 0;
      let generated = 0;
      for (const o of landCover) {
        const mp = m[o.feature.type];
        if (!mp.cn) continue;
        const pEff = Math.max(0, p - ownOf(o));
        let own = 0;
        for (const piece of o.pieces) {
          const q = scsRunoff(pEff, mp.cn[piece.hsg]);
          generated += (q * piece.area) / 1000;
          const loss = lossRate(o, piece.hsg) * storm.durationH;
          own += (Math.max(0, q - loss) * piece.area) / 1000;
        }
        surplus += own;
        if (si === 0 && fi === 0) runoffBy.set(o.feature.index, own);
      }
      const street = Math.max(0, surplus - routedStorage);
      runoff.push({
        event: storm.id,
        future: future.id,
        rain_mm: round(p, 2),
        runoff_mm: round((Math.max(0, generated - routedStorage) / safeArea) * 1000, 3),
        street_water_m3: round(street, 3),
        street_water_depth_m: round(street / safeArea, 4),
        street_water_low_point_depth_m: round(street / lowArea, 4),
      });
    });
  });

  // Infiltration that works versus infiltration that cannot work (T100 today as the reference event).
  const ref = params.storms[0];
  let effective = 0;
  let ineffective = 0;
  let unknown = 0;
  const infBy = new Map<number, { v: number; works: number; known: number }>();
  for (const o of overlay) {
    const mp = m[o.feature.type];
    if (!mp.infiltrates) continue;
    const depth = o.feature.storageDepthM ?? mp.storageDepthM;
    const routed = routedStorageOf(o, params);
    const entry = { v: 0, works: 0, known: 0 };
    for (const piece of o.pieces) {
      const v =
        depth > 0
          ? routed * (piece.area / Math.max(1e-9, o.feature.area))
          : mp.cn && ref
            ? (Math.max(0, ref.depthMm - scsRunoff(ref.depthMm, mp.cn[piece.hsg])) / 1000) *
              piece.area
            : 0;
      entry.v += v;
      if (piece.infiltrationWorks === true) {
        effective += v;
        entry.works += piece.area;
        entry.known += piece.area;
      } else if (piece.infiltrationWorks === false) {
        ineffective += v;
        entry.known += piece.area;
      } else unknown += v;
    }
    infBy.set(o.feature.index, entry);
  }

  // Drought: recharge of the design against the recharge of the same ground unsealed.
  const rain = params.yearlyRainMm.value / 1000;
  let recharge = 0;
  let natural = 0;
  const rechargeBy = new Map<number, number>();
  for (const o of landCover) {
    const share = m[o.feature.type].recharge;
    let own = 0;
    for (const piece of o.pieces) {
      own += rain * share[piece.hsg] * piece.area;
      natural += rain * m.gras.recharge[piece.hsg] * piece.area;
    }
    recharge += own;
    rechargeBy.set(o.feature.index, own);
  }
  const connected = sumArea((o) => m[o.feature.type].loss === 'sewer');
  const infiltrating = overlay.filter(
    (o) => m[o.feature.type].infiltrates && routedStorageOf(o, params) > 0,
  );
  const infiltratingCapacity = infiltrating.reduce((s, o) => s + routedStorageOf(o, params), 0);
  const pavedRunoffYear = rain * 0.8 * connected;
  const designVolume = connected * (params.routingDesignMm.value / 1000);
  const captured =
    designVolume > 0 ? Math.min(1, infiltratingCapacity / designVolume) * pavedRunoffYear : 0;
  const infiltrationTotal = effective + ineffective + unknown;
  const works =
    infiltrationTotal > 0
      ? (effective + ineffective * params.ineffectiveRecharge.value + unknown * 0.5) /
        infiltrationTotal
      : 0;
  recharge += captured * works;
  for (const o of infiltrating) {
    const e = infBy.get(o.feature.index);
    const share = infiltratingCapacity > 0 ? routedStorageOf(o, params) / infiltratingCapacity : 0;
    const w = e && e.v > 0 ? (e.known > 0 ? e.works / o.feature.area : 0.5) : 0;
    rechargeBy.set(
      o.feature.index,
      (rechargeBy.get(o.feature.index) ?? 0) +
        captured * share * Math.max(w, params.ineffectiveRecharge.value * (1 - w)),
    );
  }

  const heat = heatIndicators(overlay, params, scenario.planningArea);
  const soilUnknown = landCover.reduce(
    (s, o) => s + o.pieces.filter((p) => !p.texture).reduce((a, p) => a + p.area, 0),
    0,
  );

  let cost = 0;
  let upkeep = 0;
  const contributions: MeasureContribution[] = overlay.map((o) => {
    const mp = m[o.feature.type];
    const c = mp.costEurM2 * o.feature.area;
    const u = mp.upkeepEurM2Year * o.feature.area;
    cost += c;
    upkeep += u;
    const inf = infBy.get(o.feature.index);
    const cooling = heat.perFeature.get(o.feature.index);
    return {
      index: o.feature.index,
      type: o.feature.type,
      area_m2: round(o.feature.area, 1),
      storage_m3: round(storageBy.get(o.feature.index) ?? 0, 2),
      runoff_m3: round(runoffBy.get(o.feature.index) ?? 0, 2),
      infiltration_m3: round(inf?.v ?? 0, 2),
      infiltration_works_share:
        inf && inf.known > 0 ? round(inf.works / Math.max(1e-9, inf.known), 4) : null,
      recharge_m3: round(rechargeBy.get(o.feature.index) ?? 0, 2),
      cooling: cooling !== undefined ? round(cooling, 4) : null,
      cost_eur: Math.round(c),
      upkeep_eur_year: Math.round(u),
    };
  });

  return {
    area_m2: round(area, 1),
    fractions: {
      paved: round(paved / safeArea, 4),
      green: round(green / safeArea, 4),
      blue: round(blue / safeArea, 4),
      canopy: round(canopy / safeArea, 4),
    },
    storage_m3: round(storage, 2),
    storage_mm: round((storage / safeArea) * 1000, 2),
    sewer_capacity_mm_h: sewer,
    runoff,
    low_point_area_m2: round(lowArea, 1),
    low_point_source: lowZoneArea > 1e-6 ? 'zones' : 'assumed-share',
    infiltration_effective_m3: round(effective, 2),
    infiltration_ineffective_m3: round(ineffective, 2),
    infiltration_unknown_m3: round(unknown, 2),
    cooling_capacity: round(heat.cc, 4),
    cool_place_share: round(heat.coolShare, 4),
    ...(heat.homesShare !== undefined ? { homes_cool_place_share: round(heat.homesShare, 4) } : {}),
    shade_share: round(heat.shadeShare, 4),
    recharge_share: round(recharge / (rain * safeArea), 4),
    recharge_retained: round(natural > 0 ? recharge / natural : 1, 4),
    soil_unknown_share: round(soilUnknown / safeArea, 4),
    cost_eur: Math.round(cost),
    upkeep_eur_year: Math.round(upkeep),
    contributions,
  };
}

export function round(v: number, digits: number): number {
  const f = 10 ** digits;
  const r = Math.round(v * f) / f;
  return Object.is(r, -0) ? 0 : r;
}
