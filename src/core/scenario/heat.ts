/**
 * Heat indicators on a sample grid, as InVEST Urban Cooling and the HvA heat guidelines define them
 * (docs/scenarios.md):
 *
 * - cooling capacity per cell CC = 0.6·shade + 0.2·albedo + 0.2·ETI (shade 1 under tree crowns, else
 *   the larger of the type's shade and a feature's `shade` property, e.g. building shade from a shade
 *   map);
 * - park effect (InVEST): GA_i = green and blue area within d_cool of cell i; CC_park,i = Σ_j g_j·CC_j·
 *   e^(−d(i,j)/d_cool) / Σ_j e^(−d(i,j)/d_cool) over the cells j within d_cool; HM_i = CC_park,i when
 *   GA_i ≥ 2 ha and CC_park,i > CC_i, else CC_i. Computed from the cells, so it does not depend on how
 *   the green is drawn (one polygon, two polygons, grass next to a wadi);
 * - cool places (HvA): connected green, blue or tree-shaded cells (not roofs) of at least 200 m² with
 *   at least 40 % shade (or at least 200 m² of shade); share of cells and of homes within 300 m;
 * - shade share: the shaded share of the outdoor cells (roofs excluded) at the hottest hour.
 */
import { bboxOf, bboxUnion, containsPoint, type BBox, type PolyGeom } from '../geometry.js';
import type { FeatureOverlay } from './indicators.js';
import type { MeasureType, ScenarioParams } from './params.js';

export interface HeatResult {
  cc: number;
  coolShare: number;
  homesShare?: number;
  shadeShare: number;
  /** Mean cooling (HM) over the cells of each feature, by feature index. */
  perFeature: Map<number, number>;
}

const ROOFS: ReadonlySet<MeasureType> = new Set(['dak', 'groen-dak', 'blauw-groen-dak']);

function featureShade(o: FeatureOverlay): number {
  const v = o.feature.properties.shade;
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
  return Number.isFinite(n) ? Math.max(0, Math.min(1, n)) : 0;
}

/** Stands in for "no marked cell" (finite, so the parabolas below stay well defined). */
const FAR = 1e12;

/** Squared Euclidean distance transform in one dimension (Felzenszwalb & Huttenlocher 2012). */
function edt1d(f: Float64Array, n: number): Float64Array {
  const d = new Float64Array(n);
  const v = new Int32Array(n);
  const z = new Float64Array(n + 1);
  let k = 0;
  v[0] = 0;
  z[0] = -Infinity;
  z[1] = Infinity;
  for (let q = 1; q < n; q++) {
    let s = (f[q]! + q * q - (f[v[k]!]! + v[k]! * v[k]!)) / (2 * q - 2 * v[k]!);
    while (s <= z[k]!) {
      k--;
      s = (f[q]! + q * q - (f[v[k]!]! + v[k]! * v[k]!)) / (2 * q - 2 * v[k]!);
    }
    k++;
    v[k] = q;
    z[k] = s;
    z[k + 1] = Infinity;
  }
  k = 0;
  for (let q = 0; q < n; q++) {
    while (z[k + 1]! < q) k++;
    const r = v[k]!;
    d[q] = (q - r) * (q - r) + f[r]!;
  }
  return d;
}

/** Squared distance (in cells) from every cell to the nearest marked cell; ≥ 1e12 when none. */
export function distanceTransform(marked: Uint8Array, nx: number, ny: number): Float64Array {
  const out = new Float64Array(nx * ny);
  const col = new Float64Array(ny);
  for (let i = 0; i < nx; i++) {
    for (let j = 0; j < ny; j++) col[j] = marked[j * nx + i] ? 0 : FAR;
    const d = edt1d(col, ny);
    for (let j = 0; j < ny; j++) out[j * nx + i] = d[j]!;
  }
  const row = new Float64Array(nx);
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) row[i] = out[j * nx + i]!;
    const d = edt1d(row, nx);
    for (let i = 0; i < nx; i++) out[j * nx + i] = d[i]!;
  }
  return out;
}

export function heatIndicators(
  overlay: FeatureOverlay[],
  params: ScenarioParams,
  planningArea: PolyGeom | undefined,
): HeatResult {
  const m = params.measures;
  const ccOf = (t: MeasureType, shade: number, eti: number) =>
    0.6 * shade + 0.2 * m[t].albedo + 0.2 * eti;
  const landCover = overlay.filter((o) => m[o.feature.type].cover !== 'overlay');
  const crowns = overlay.filter((o) => o.feature.type === 'bomen');
  const boxes = landCover.map((o) => bboxOf(o.feature.geometry));
  const crownBoxes = crowns.map((o) => bboxOf(o.feature.geometry));
  const all: BBox = planningArea ? bboxOf(planningArea) : bboxUnion(boxes);
  // Grid size adapts so a large area is never sampled with more than ~40,000 points.
  let step = params.sampleSpacingM.value;
  const w = all[2] - all[0];
  const h = all[3] - all[1];
  while ((w / step) * (h / step) > 40000) step *= 1.5;
  const nx = Math.max(1, Math.ceil(w / step));
  const ny = Math.max(1, Math.ceil(h / step));
  const cellArea = step * step;
  const n = nx * ny;
  const cc = new Float64Array(n).fill(-1);
  const shadeArr = new Float64Array(n);
  const green = new Uint8Array(n);
  const candidate = new Uint8Array(n);
  const roof = new Uint8Array(n);
  const owner = new Int32Array(n).fill(-1);
  const crownOwner = new Int32Array(n).fill(-1);
  const inBox = (b: BBox, p: [number, number]) =>
    p[0] >= b[0] && p[0] <= b[2] && p[1] >= b[1] && p[1] <= b[3];
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const p: [number, number] = [all[0] + (i + 0.5) * step, all[1] + (j + 0.5) * step];
      const k = j * nx + i;
      let crown = -1;
      crowns.forEach((o, c) => {
        if (crown < 0 && inBox(crownBoxes[c]!, p) && containsPoint(o.feature.geometry, p))
          crown = c;
      });
      // On a shared edge several features contain the point: take the coolest, so the result does
      // not depend on the order of the features.
      let best = -1;
      let bestIndex = -1;
      let bestShade = 0;
      landCover.forEach((o, c) => {
        if (!inBox(boxes[c]!, p) || !containsPoint(o.feature.geometry, p)) return;
        const t = o.feature.type;
        const shade = crown >= 0 ? 1 : Math.max(m[t].shade, featureShade(o));
        const eti = crown >= 0 ? Math.max(m[t].eti, m.bomen.eti) : m[t].eti;
        const v = ccOf(t, shade, eti);
        if (v > best) {
          best = v;
          bestIndex = c;
          bestShade = shade;
        }
      });
      if (bestIndex < 0) continue;
      const o = landCover[bestIndex]!;
      const t = o.feature.type;
      cc[k] = best;
      shadeArr[k] = bestShade;
      owner[k] = o.feature.index;
      if (crown >= 0) crownOwner[k] = crowns[crown]!.feature.index;
      roof[k] = ROOFS.has(t) ? 1 : 0;
      const isGreen = (m[t].cover === 'green' || m[t].cover === 'blue') && !ROOFS.has(t);
      green[k] = isGreen ? 1 : 0;
      candidate[k] = !ROOFS.has(t) && (isGreen || crown >= 0) ? 1 : 0;
    }
  }

  // Park effect on coarse cells of about 30 m (the kernel reaches d_cool = 450 m).
  const f = Math.max(1, Math.round(30 / step));
  const cx = Math.ceil(nx / f);
  const cy = Math.ceil(ny / f);
  const gArea = new Float64Array(cx * cy);
  const gCc = new Float64Array(cx * cy);
  const dArea = new Float64Array(cx * cy);
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const k = j * nx + i;
      if (cc[k]! < 0) continue;
      const c = Math.floor(j / f) * cx + Math.floor(i / f);
      dArea[c]! += cellArea;
      if (green[k]) {
        gArea[c]! += cellArea;
        gCc[c]! += cc[k]! * cellArea;
      }
    }
  }
  const dCool = params.parkCoolingDistanceM.value;
  const coarse = step * f;
  const reach = Math.ceil(dCool / coarse);
  const parkCc = new Float64Array(cx * cy);
  const parkGa = new Float64Array(cx * cy);
  for (let b = 0; b < cy; b++) {
    for (let a = 0; a < cx; a++) {
      const c = b * cx + a;
      if (dArea[c] === 0) continue;
      let ga = 0;
      let num = 0;
      let den = 0;
      for (let bb = Math.max(0, b - reach); bb <= Math.min(cy - 1, b + reach); bb++) {
        for (let aa = Math.max(0, a - reach); aa <= Math.min(cx - 1, a + reach); aa++) {
          const c2 = bb * cx + aa;
          if (dArea[c2] === 0) continue;
          const d = Math.hypot(aa - a, bb - b) * coarse;
          if (d > dCool) continue;
          const wgt = Math.exp(-d / dCool);
          ga += gArea[c2]!;
          num += wgt * gCc[c2]!;
          den += wgt * dArea[c2]!;
        }
      }
      parkGa[c] = ga;
      parkCc[c] = den > 0 ? num / den : 0;
    }
  }

  let count = 0;
  let sum = 0;
  let outdoor = 0;
  let shaded = 0;
  const perSum = new Map<number, number>();
  const perN = new Map<number, number>();
  const addTo = (index: number, v: number) => {
    perSum.set(index, (perSum.get(index) ?? 0) + v);
    perN.set(index, (perN.get(index) ?? 0) + 1);
  };
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const k = j * nx + i;
      if (cc[k]! < 0) continue;
      const c = Math.floor(j / f) * cx + Math.floor(i / f);
      let v = cc[k]!;
      if (parkGa[c]! >= params.parkMinAreaM2.value && parkCc[c]! > v) v = parkCc[c]!;
      sum += v;
      count += 1;
      addTo(owner[k]!, v);
      if (crownOwner[k]! >= 0) addTo(crownOwner[k]!, v);
      if (!roof[k]) {
        outdoor += 1;
        shaded += shadeArr[k]!;
      }
    }
  }

  // Cool places: connected candidate cells (4-neighbour), big and shaded enough.
  const comp = new Int32Array(n).fill(-1);
  const qualifies: boolean[] = [];
  const minArea = params.coolPlaceMinAreaM2.value;
  const minShade = params.coolPlaceMinShade.value;
  const stack: number[] = [];
  for (let k0 = 0; k0 < n; k0++) {
    if (!candidate[k0] || comp[k0]! >= 0) continue;
    const id = qualifies.length;
    let cells = 0;
    let shade = 0;
    comp[k0] = id;
    stack.push(k0);
    while (stack.length > 0) {
      const k = stack.pop()!;
      cells += 1;
      shade += shadeArr[k]!;
      const i = k % nx;
      const j = (k - i) / nx;
      const next = [
        i > 0 ? k - 1 : -1,
        i < nx - 1 ? k + 1 : -1,
        j > 0 ? k - nx : -1,
        j < ny - 1 ? k + nx : -1,
      ];
      for (const q of next) {
        if (q >= 0 && candidate[q] && comp[q]! < 0) {
          comp[q] = id;
          stack.push(q);
        }
      }
    }
    const area = cells * cellArea;
    const shadeArea = shade * cellArea;
    qualifies.push(area >= minArea && (shadeArea / area >= minShade || shadeArea >= minArea));
  }
  const marked = new Uint8Array(n);
  for (let k = 0; k < n; k++) if (comp[k]! >= 0 && qualifies[comp[k]!]) marked[k] = 1;
  const dist2 = distanceTransform(marked, nx, ny);
  const limit = params.coolPlaceDistanceM.value / step;
  let near = 0;
  for (let k = 0; k < n; k++) if (cc[k]! >= 0 && dist2[k]! <= limit * limit) near += 1;

  const homes = overlay.filter((o) => (o.feature.homes ?? 0) > 0);
  let homesShare: number | undefined;
  if (homes.length > 0) {
    let total = 0;
    let nearHomes = 0;
    for (const o of homes) {
      const b = bboxOf(o.feature.geometry);
      const i = Math.min(nx - 1, Math.max(0, Math.floor(((b[0] + b[2]) / 2 - all[0]) / step)));
      const j = Math.min(ny - 1, Math.max(0, Math.floor(((b[1] + b[3]) / 2 - all[1]) / step)));
      total += o.feature.homes!;
      if (dist2[j * nx + i]! <= limit * limit) nearHomes += o.feature.homes!;
    }
    homesShare = total > 0 ? nearHomes / total : 0;
  }
  const perFeature = new Map<number, number>();
  for (const [index, s] of perSum) perFeature.set(index, s / (perN.get(index) ?? 1));
  return {
    cc: count > 0 ? sum / count : 0,
    coolShare: count > 0 ? near / count : 0,
    ...(homesShare !== undefined ? { homesShare } : {}),
    shadeShare: outdoor > 0 ? shaded / outdoor : 0,
    perFeature,
  };
}
