/**
 * Indicators of one scenario against the natural system underneath. Formulas (see docs/scenarios.md):
 *
 * - fractions: area of each cover class / planning area; canopy = crown area (`bomen`) / planning area.
 * - storage (m³): Σ storageDepth·area (wadi, crates, open water) + Σ ownStorage·area (green roofs).
 * - runoff per storm and future (SCS curve number, InVEST UFRM): P = depth·rainFactor;
 *   per land-cover piece P' = max(0, P − ownStorage), S = 25400/CN − 254, Q = (P' − 0.2S)²/(P' + 0.8S)
 *   if P' > 0.2S else 0, with CN by the measure type and the hydrologic soil group of the soil and
 *   groundwater beneath; runoff after storage = max(0, ΣQ·A − storage); water on the street =
 *   max(0, that − sewerCapacity·duration·pavedArea); depth on streets = street water / street area.
 * - infiltration: the storage of infiltrating measures, split by what lies beneath: effective on
 *   the effective textures with Gt ≥ effectiveMinGt; ineffective on other known soils; unknown where
 *   the soil or groundwater map has no data.
 * - heat: InVEST cooling capacity CC = 0.6·shade + 0.2·albedo + 0.2·ETI on a sample grid, with the
 *   park effect HM = max(CC, CC_park·e^(−d/d_cool)) of green areas over 2 ha; share of points (and
 *   homes) within 300 m of a cool place.
 * - drought: recharge = Σ rain·share(type, HSG)·A + routed paved runoff infiltrated by measures;
 *   recharge share = recharge / (yearly rain · area).
 */
import { gtInfo, gtMainIndex } from '../groundwater.js';
import { hydrologicSoilGroup } from '../hsg.js';
import { deriveSoil } from '../soil.js';
import type { HydrologicSoilGroup, Texture } from '../types.js';
import {
  bboxOf,
  containsPoint,
  distanceToPolygon,
  planarArea,
  type BBox,
  type PolyGeom,
} from './geometry.js';
import { soilGroundwaterAreas, type NaturalSystem } from './overlay.js';
import type { ScenarioParams } from './params.js';
import type { Scenario, ScenarioFeature } from './scenario.js';

/** A piece of a feature with uniform soil and groundwater. */
export interface Piece {
  area: number;
  soilCode?: string;
  texture?: Texture;
  gt?: string;
  hsg: HydrologicSoilGroup;
  /** Whether infiltration works here: true/false, or undefined when the soil or groundwater is unknown. */
  infiltrationWorks?: boolean;
}

export interface FeatureOverlay {
  feature: ScenarioFeature;
  pieces: Piece[];
  zone?: string;
  /** Dominant soil code and Gt (largest area). */
  soilCode?: string;
  gt?: string;
}

export interface RunoffResult {
  event: string;
  future: string;
  rain_mm: number;
  runoff_mm: number;
  street_water_m3: number;
  street_water_depth_m: number;
}

export interface Indicators {
  area_m2: number;
  fractions: { paved: number; green: number; blue: number; canopy: number };
  storage_m3: number;
  storage_mm: number;
  sewer_capacity_mm_h: number;
  runoff: RunoffResult[];
  infiltration_effective_m3: number;
  infiltration_ineffective_m3: number;
  infiltration_unknown_m3: number;
  cooling_capacity: number;
  cool_place_share: number;
  homes_cool_place_share?: number;
  recharge_share: number;
  soil_unknown_share: number;
}

/** Splits every feature by soil and groundwater and derives texture, HSG and infiltration suitability. */
export function overlayScenario(
  scenario: Scenario,
  system: NaturalSystem,
  params: ScenarioParams,
): FeatureOverlay[] {
  const minGt = gtMainIndex(params.effectiveMinGt.value);
  const soilCache = new Map<string, { texture?: Texture; cover?: Texture }>();
  const soilOf = (code: string) => {
    let s = soilCache.get(code);
    if (!s) {
      s = {};
      try {
        const d = deriveSoil(code);
        if (d.texture) s.texture = d.texture;
        if (d.cover) s.cover = d.cover;
      } catch (e) {
        if (!(e instanceof Error)) throw e; // unknown code: the soil counts as unknown
      }
      soilCache.set(code, s);
    }
    return s;
  };
  const gtMainOf = (gt: string): number | undefined => {
    try {
      return gtMainIndex(gtInfo(gt).main);
    } catch (e) {
      if (e instanceof Error) return undefined;
      throw e;
    }
  };
  const piece = (area: number, soilCode: string | undefined, gt: string | undefined): Piece => {
    const soil = soilCode ? soilOf(soilCode) : {};
    const gtMain = gt ? gtMainOf(gt) : undefined;
    const hsg: HydrologicSoilGroup = soil.texture
      ? hydrologicSoilGroup(soil.texture, gtMain !== undefined ? gt : null, soil.cover ?? null)
          .group
      : (params.unknownSoilHsg.value as HydrologicSoilGroup);
    let infiltrationWorks: boolean | undefined;
    if (soil.texture && !params.effectiveTextures.value.includes(soil.texture))
      infiltrationWorks = false;
    else if (gtMain !== undefined && gtMain < minGt) infiltrationWorks = false;
    else if (soil.texture && gtMain !== undefined) infiltrationWorks = true;
    return {
      area,
      ...(soilCode ? { soilCode } : {}),
      ...(soil.texture ? { texture: soil.texture } : {}),
      ...(gt ? { gt } : {}),
      hsg,
      ...(infiltrationWorks !== undefined ? { infiltrationWorks } : {}),
    };
  };

  return scenario.features.map((feature) => {
    const pieces: Piece[] = soilGroundwaterAreas(system, feature.geometry, feature.area).map((p) =>
      piece(p.area, p.soil, p.gt),
    );
    const dominantBy = (key: 'soilCode' | 'gt') => {
      const by = new Map<string, number>();
      for (const p of pieces) if (p[key]) by.set(p[key]!, (by.get(p[key]!) ?? 0) + p.area);
      return [...by.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
    };
    const zone = system.zones.dominant(feature.geometry);
    const soilCode = dominantBy('soilCode');
    const gt = dominantBy('gt');
    return {
      feature,
      pieces,
      ...(zone ? { zone } : {}),
      ...(soilCode ? { soilCode } : {}),
      ...(gt ? { gt } : {}),
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
  const streets = sumArea(
    (o) => o.feature.type === 'verharding' || o.feature.type === 'waterdoorlatende-verharding',
  );

  const depthOf = (o: FeatureOverlay) => o.feature.storageDepthM ?? m[o.feature.type].storageDepthM;
  const ownOf = (o: FeatureOverlay) => o.feature.ownStorageMm ?? m[o.feature.type].ownStorageMm;
  const routedStorage = overlay.reduce((s, o) => s + depthOf(o) * o.feature.area, 0);
  const ownStorage = overlay.reduce((s, o) => s + (ownOf(o) / 1000) * o.feature.area, 0);
  const storage = routedStorage + ownStorage;

  const sewer = scenario.sewerCapacityMmH ?? params.sewerCapacityMmH.value;
  const runoff: RunoffResult[] = [];
  for (const storm of params.storms) {
    for (const future of params.futures) {
      const p = storm.depthMm * future.rain;
      let generated = 0;
      for (const o of landCover) {
        const mp = m[o.feature.type];
        if (!mp.cn) continue;
        const pEff = Math.max(0, p - ownOf(o));
        for (const piece of o.pieces)
          generated += (scsRunoff(pEff, mp.cn[piece.hsg]) * piece.area) / 1000;
      }
      const afterStorage = Math.max(0, generated - routedStorage);
      const sewerM3 = (sewer * storm.durationH * (paved + roofsNotPaved(overlay, m))) / 1000;
      const street = Math.max(0, afterStorage - sewerM3);
      const spread = streets > 0 ? streets : paved > 0 ? paved : safeArea;
      runoff.push({
        event: storm.id,
        future: future.id,
        rain_mm: round(p, 2),
        runoff_mm: round((afterStorage / safeArea) * 1000, 3),
        street_water_m3: round(street, 3),
        street_water_depth_m: round(street / spread, 4),
      });
    }
  }

  // Infiltration that works versus infiltration that cannot work (T100 today as the reference event).
  const ref = params.storms[0];
  let effective = 0;
  let ineffective = 0;
  let unknown = 0;
  for (const o of overlay) {
    const mp = m[o.feature.type];
    if (!mp.infiltrates) continue;
    const volumePerM2 =
      depthOf(o) > 0
        ? depthOf(o)
        : mp.cn && ref
          ? Math.max(0, ref.depthMm - scsRunoff(ref.depthMm, mp.cn.B)) / 1000
          : 0;
    for (const piece of o.pieces) {
      const v = volumePerM2 * piece.area;
      if (piece.infiltrationWorks === true) effective += v;
      else if (piece.infiltrationWorks === false) ineffective += v;
      else unknown += v;
    }
  }

  // Drought: share of yearly rain that recharges groundwater.
  const rain = params.yearlyRainMm.value / 1000;
  let recharge = 0;
  for (const o of landCover) {
    const share = m[o.feature.type].recharge;
    for (const piece of o.pieces) recharge += rain * share[piece.hsg] * piece.area;
  }
  const infiltratingCapacity = overlay
    .filter((o) => m[o.feature.type].infiltrates && depthOf(o) > 0)
    .reduce((s, o) => s + depthOf(o) * o.feature.area, 0);
  const pavedRunoffYear = rain * 0.8 * (paved + roofsNotPaved(overlay, m));
  const designVolume = (paved + roofsNotPaved(overlay, m)) * (params.routingDesignMm.value / 1000);
  const captured =
    designVolume > 0 ? Math.min(1, infiltratingCapacity / designVolume) * pavedRunoffYear : 0;
  const infiltrationTotal = effective + ineffective + unknown;
  const works =
    infiltrationTotal > 0
      ? (effective + ineffective * params.ineffectiveRecharge.value + unknown * 0.5) /
        infiltrationTotal
      : 0;
  recharge += captured * works;

  const heat = heatIndicators(overlay, area, params, scenario.planningArea);
  const soilUnknown = landCover.reduce(
    (s, o) => s + o.pieces.filter((p) => !p.texture).reduce((a, p) => a + p.area, 0),
    0,
  );

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
    infiltration_effective_m3: round(effective, 2),
    infiltration_ineffective_m3: round(ineffective, 2),
    infiltration_unknown_m3: round(unknown, 2),
    cooling_capacity: round(heat.cc, 4),
    cool_place_share: round(heat.coolShare, 4),
    ...(heat.homesShare !== undefined ? { homes_cool_place_share: round(heat.homesShare, 4) } : {}),
    recharge_share: round(recharge / (rain * safeArea), 4),
    soil_unknown_share: round(soilUnknown / safeArea, 4),
  };
}

/** Green and blue-green roofs also drain into the sewer once their own storage is full. */
function roofsNotPaved(overlay: FeatureOverlay[], m: ScenarioParams['measures']): number {
  return overlay
    .filter(
      (o) =>
        (o.feature.type === 'groen-dak' || o.feature.type === 'blauw-groen-dak') &&
        m[o.feature.type].cover !== 'paved',
    )
    .reduce((s, o) => s + o.feature.area, 0);
}

function heatIndicators(
  overlay: FeatureOverlay[],
  area: number,
  params: ScenarioParams,
  planningArea: PolyGeom | undefined,
): { cc: number; coolShare: number; homesShare?: number } {
  const m = params.measures;
  const cc = (t: ScenarioFeature['type']) => 0.6 * m[t].shade + 0.2 * m[t].albedo + 0.2 * m[t].eti;
  const landCover = overlay.filter((o) => m[o.feature.type].cover !== 'overlay');
  const canopyFeatures = overlay.filter((o) => o.feature.type === 'bomen');
  const boxes = landCover.map((o) => bboxOf(o.feature.geometry));
  const canopyBoxes = canopyFeatures.map((o) => bboxOf(o.feature.geometry));
  const all: BBox = planningArea
    ? bboxOf(planningArea)
    : boxes.reduce<BBox>(
        (a, b) => [
          Math.min(a[0], b[0]),
          Math.min(a[1], b[1]),
          Math.max(a[2], b[2]),
          Math.max(a[3], b[3]),
        ],
        [Infinity, Infinity, -Infinity, -Infinity],
      );
  const parks = landCover.filter(
    (o) =>
      (m[o.feature.type].cover === 'green' || m[o.feature.type].cover === 'blue') &&
      o.feature.area >= params.parkMinAreaM2.value,
  );
  const cool = overlay.filter(
    (o) =>
      (m[o.feature.type].cover === 'green' ||
        m[o.feature.type].cover === 'blue' ||
        o.feature.type === 'bomen') &&
      o.feature.type !== 'groen-dak' &&
      o.feature.type !== 'blauw-groen-dak' &&
      o.feature.area >= params.coolPlaceMinAreaM2.value,
  );
  // Grid size adapts so a large area is never sampled with more than ~40,000 points.
  let step = params.sampleSpacingM.value;
  const w = all[2] - all[0];
  const h = all[3] - all[1];
  while ((w / step) * (h / step) > 40000) step *= 1.5;
  let n = 0;
  let sum = 0;
  let coolHits = 0;
  const inBox = (b: BBox, p: [number, number]) =>
    p[0] >= b[0] && p[0] <= b[2] && p[1] >= b[1] && p[1] <= b[3];
  for (let x = all[0] + step / 2; x < all[2]; x += step) {
    for (let y = all[1] + step / 2; y < all[3]; y += step) {
      const p: [number, number] = [x, y];
      // On a shared edge several features contain the point: take the coolest, so the result does
      // not depend on the order of the features.
      const shaded = canopyFeatures.some(
        (o, k) => inBox(canopyBoxes[k]!, p) && containsPoint(o.feature.geometry, p),
      );
      let value = -1;
      landCover.forEach((o, k) => {
        if (!inBox(boxes[k]!, p) || !containsPoint(o.feature.geometry, p)) return;
        const t = o.feature.type;
        const v = shaded
          ? 0.6 * 1 + 0.2 * m[t].albedo + 0.2 * Math.max(m[t].eti, m.bomen.eti)
          : cc(t);
        if (v > value) value = v;
      });
      if (value < 0) continue;
      for (const park of parks) {
        const d = distanceToPolygon(park.feature.geometry, p);
        const parkCc = cc(park.feature.type) * Math.exp(-d / params.parkCoolingDistanceM.value);
        if (parkCc > value) value = parkCc;
      }
      sum += value;
      n += 1;
      if (
        cool.some(
          (o) => distanceToPolygon(o.feature.geometry, p) <= params.coolPlaceDistanceM.value,
        )
      )
        coolHits += 1;
    }
  }
  void area;
  const homes = overlay.filter((o) => (o.feature.homes ?? 0) > 0);
  let homesShare: number | undefined;
  if (homes.length > 0) {
    let total = 0;
    let near = 0;
    for (const o of homes) {
      const c = centre(o.feature.geometry);
      total += o.feature.homes!;
      if (
        cool.some(
          (k) => distanceToPolygon(k.feature.geometry, c) <= params.coolPlaceDistanceM.value,
        )
      )
        near += o.feature.homes!;
    }
    homesShare = total > 0 ? near / total : 0;
  }
  return {
    cc: n > 0 ? sum / n : 0,
    coolShare: n > 0 ? coolHits / n : 0,
    ...(homesShare !== undefined ? { homesShare } : {}),
  };
}

function centre(g: PolyGeom): [number, number] {
  const b = bboxOf(g);
  return [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2];
}

export function round(v: number, digits: number): number {
  const f = 10 ** digits;
  const r = Math.round(v * f) / f;
  return Object.is(r, -0) ? 0 : r;
}
