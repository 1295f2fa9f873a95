/**
 * The one planar geometry module of the project: signed ring area, polygon area, bounding boxes,
 * the clipping kernel of the scenario indicators (intersection areas), point-in-polygon and
 * segment distances. Used by the scenario indicators, the polygon sources (`src/sources`) and the
 * ArcGIS adapter.
 *
 * Coordinates are EPSG:28992 (RD New, metres) where areas and distances matter: RD is conformal
 * with a scale factor within 0.02 % of 1 over the Netherlands, so planar areas and distances in RD
 * are accurate to well under a percent.
 */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { featureCollection, multiPolygon, polygon } from '@turf/helpers';
import intersect from '@turf/intersect';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import {
  bboxOf,
  bboxOverlap,
  polygonsOf as polygons,
  type AnyPolygon,
  type AnyRing,
  type BBox,
  type PolyGeom,
  type Ring,
} from './bbox.js';

// The bounding boxes and the geometry types live in bbox.ts (without the clipper); named here too.
export * from './bbox.js';

/**
 * Signed area of a closed ring (shoelace): positive when counter-clockwise in a y-up CRS,
 * negative when clockwise.
 */
export function ringSignedArea(ring: AnyRing): number {
  let s = 0;
  for (let i = 0, n = ring.length; i < n - 1; i++) {
    const a = ring[i]!;
    const b = ring[i + 1]!;
    s += a[0]! * b[1]! - b[0]! * a[1]!;
  }
  return s / 2;
}

/** Planar area in m² (holes subtracted). */
export function planarArea(g: PolyGeom): number {
  let total = 0;
  for (const poly of polygons(g)) {
    poly.forEach((ring, i) => {
      const a = Math.abs(ringSignedArea(ring));
      total += i === 0 ? a : -a;
    });
  }
  return Math.max(0, total);
}

function toTurf(g: PolyGeom): Feature<Polygon | MultiPolygon> {
  return g.type === 'Polygon' ? polygon(g.coordinates) : multiPolygon(g.coordinates);
}

/** Intersection of two polygons (planar), or null when they do not overlap. */
export function intersection(a: PolyGeom, b: PolyGeom): PolyGeom | null {
  // Fast path (exact): when the boundaries do not touch, one polygon contains the other or they
  // are disjoint; only boundaries that cross or touch need the (slow, robust) polygon clipper.
  const quick = containment(a, b);
  if (quick !== undefined) return quick;
  const r = intersect(featureCollection<Polygon | MultiPolygon>([toTurf(a), toTurf(b)]));
  if (!r) return null;
  return r.geometry as PolyGeom;
}

// ---- Intersection areas in plain floating point ----
//
// The overlay needs only the AREA of F ∩ P. When one side is a convex ring W, clipping every ring r
// of the other side against W (Sutherland–Hodgman) gives a closed curve whose signed area is the
// integral of r's winding number over W: the parts outside W are replaced by segments along W's
// edges, which change no winding number inside W. So the area is exact (up to floating point) also
// for a concave or holed subject, even though the clipped ring may have degenerate bridge edges.
// A side that is not convex is cut into convex pieces first: every convex single-ring part as it
// is, any other part into trapezoids between the heights of its vertices (exact, since area adds
// up over pieces that overlap only along their edges).

/** A convex window: counter-clockwise, no repeated points, not closed. */
interface Window {
  xs: number[];
  ys: number[];
  box: BBox;
}

/** A ring as flat coordinate arrays (not closed), with the sign that turns its signed area into its contribution. */
interface WeightedRing {
  xs: number[];
  ys: number[];
  /** +1 or −1: (outer ? 1 : −1) × sign of the ring's signed area; 0 for a ring without area. */
  weight: number;
  box: BBox;
}

interface Prepared {
  box: BBox;
  rings: WeightedRing[];
  vertices: number;
  /** Area (holes subtracted), computed around a local origin. */
  area: number;
  /** Every part is a single convex ring. */
  convex: boolean;
  /** Convex pieces covering the geometry; null when the cut does not add up (invalid polygon). */
  windows?: Window[] | null;
}

// Geometries are treated as immutable: what is derived from one is kept with it.
const preparedCache = new WeakMap<PolyGeom, Prepared>();

/** Coordinates of a ring without the closing point and without consecutive repeats. */
function flatRing(ring: Ring): { xs: number[]; ys: number[] } {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const [x, y] of ring) {
    const n = xs.length;
    if (n > 0 && xs[n - 1] === x && ys[n - 1] === y) continue;
    xs.push(x);
    ys.push(y);
  }
  while (xs.length > 1 && xs[0] === xs[xs.length - 1] && ys[0] === ys[ys.length - 1]) {
    xs.pop();
    ys.pop();
  }
  return { xs, ys };
}

/** Signed area (counter-clockwise positive) of a flat ring, around the origin (ox, oy). */
function flatArea(xs: number[], ys: number[], ox: number, oy: number): number {
  const n = xs.length;
  if (n < 3) return 0;
  let s = 0;
  let px = xs[n - 1]! - ox;
  let py = ys[n - 1]! - oy;
  for (let i = 0; i < n; i++) {
    const qx = xs[i]! - ox;
    const qy = ys[i]! - oy;
    s += px * qy - qx * py;
    px = qx;
    py = qy;
  }
  return s / 2;
}

function flatBox(xs: number[], ys: number[]): BBox {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]!;
    const y = ys[i]!;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  return [minX, minY, maxX, maxY];
}

/**
 * Whether a flat ring is convex: every turn goes the same way (turns within rounding of straight
 * count as straight, so collinear points are allowed) and the ring winds around once.
 */
function isConvexRing(xs: number[], ys: number[]): boolean {
  const n = xs.length;
  if (n < 3) return false;
  let sign = 0;
  let turning = 0;
  for (let i = 0; i < n; i++) {
    const ax = xs[(i + n - 1) % n]!;
    const ay = ys[(i + n - 1) % n]!;
    const bx = xs[i]!;
    const by = ys[i]!;
    const cx = xs[(i + 1) % n]!;
    const cy = ys[(i + 1) % n]!;
    const ux = bx - ax;
    const uy = by - ay;
    const vx = cx - bx;
    const vy = cy - by;
    const cross = ux * vy - uy * vx;
    const dot = ux * vx + uy * vy;
    const scale = (Math.abs(ux) + Math.abs(uy)) * (Math.abs(vx) + Math.abs(vy));
    if (Math.abs(cross) <= 1e-10 * scale) {
      if (dot < 0) return false; // a spike: the ring turns back on itself
    } else {
      const s = Math.sign(cross);
      if (sign !== 0 && s !== sign) return false;
      sign = s;
    }
    turning += Math.atan2(cross, dot);
  }
  // Same-way turns add up to 2π·k; k = 1 for a simple ring (a pentagram has k = 2).
  return sign !== 0 && Math.abs(turning) < 3 * Math.PI;
}

function prepare(g: PolyGeom): Prepared {
  const cached = preparedCache.get(g);
  if (cached) return cached;
  const rings: WeightedRing[] = [];
  let vertices = 0;
  let convex = true;
  const convexParts: Window[] = [];
  let area = 0;
  const box = bboxOf(g);
  const ox = box[0];
  const oy = box[1];
  for (const poly of polygons(g)) {
    poly.forEach((ring, k) => {
      const { xs, ys } = flatRing(ring);
      const a = flatArea(xs, ys, ox, oy);
      const weight = a === 0 ? 0 : (k === 0 ? 1 : -1) * Math.sign(a);
      rings.push({ xs, ys, weight, box: flatBox(xs, ys) });
      vertices += xs.length;
      area += k === 0 ? Math.abs(a) : -Math.abs(a);
    });
    const last = rings[rings.length - 1];
    const w = poly.length === 1 && last ? convexWindow(last.xs, last.ys) : null;
    if (w) convexParts.push(w);
    else convex = false;
  }
  const p: Prepared = { box, rings, vertices, area: Math.max(0, area), convex };
  if (convex) p.windows = convexParts;
  preparedCache.set(g, p);
  return p;
}

/**
 * A ring without points that (nearly) repeat the previous one: a clip edge of almost no length
 * has a direction that is only rounding noise, and would cut the window at a random angle.
 */
function cleanRing(xs: number[], ys: number[]): { xs: number[]; ys: number[] } {
  const box = flatBox(xs, ys);
  const tol = 1e-9 * Math.max(box[2] - box[0], box[3] - box[1]);
  const cx: number[] = [];
  const cy: number[] = [];
  for (let i = 0; i < xs.length; i++) {
    const n = cx.length;
    if (n > 0 && Math.abs(xs[i]! - cx[n - 1]!) <= tol && Math.abs(ys[i]! - cy[n - 1]!) <= tol)
      continue;
    cx.push(xs[i]!);
    cy.push(ys[i]!);
  }
  while (
    cx.length > 1 &&
    Math.abs(cx[0]! - cx[cx.length - 1]!) <= tol &&
    Math.abs(cy[0]! - cy[cy.length - 1]!) <= tol
  ) {
    cx.pop();
    cy.pop();
  }
  return { xs: cx, ys: cy };
}

/** The convex window of a ring, or null when the ring is not convex. */
function convexWindow(xs: number[], ys: number[]): Window | null {
  const c = cleanRing(xs, ys);
  if (!isConvexRing(c.xs, c.ys)) return null;
  const box = flatBox(c.xs, c.ys);
  return flatArea(c.xs, c.ys, c.xs[0]!, c.ys[0]!) < 0
    ? { xs: c.xs.reverse(), ys: c.ys.reverse(), box }
    : { xs: c.xs, ys: c.ys, box };
}

/** Cuts a polygon (rings as flat arrays) into trapezoids between the heights of its vertices (even–odd). */
function trapezoids(rings: Array<{ xs: number[]; ys: number[] }>): Window[] | null {
  interface Edge {
    x0: number;
    y0: number;
    x1: number;
    y1: number;
  }
  const edges: Edge[] = [];
  const heights: number[] = [];
  for (const { xs, ys } of rings) {
    const n = xs.length;
    for (let i = 0; i < n; i++) {
      const ax = xs[i]!;
      const ay = ys[i]!;
      const bx = xs[(i + 1) % n]!;
      const by = ys[(i + 1) % n]!;
      heights.push(ay);
      if (ay === by) continue;
      edges.push(ay < by ? { x0: ax, y0: ay, x1: bx, y1: by } : { x0: bx, y0: by, x1: ax, y1: ay });
    }
  }
  edges.sort((a, b) => a.y0 - b.y0);
  heights.sort((a, b) => a - b);
  const xAt = (e: Edge, y: number) =>
    y === e.y0 ? e.x0 : y === e.y1 ? e.x1 : e.x0 + ((e.x1 - e.x0) * (y - e.y0)) / (e.y1 - e.y0);
  const out: Window[] = [];
  let active: Edge[] = [];
  let next = 0;
  for (let k = 0; k < heights.length - 1; k++) {
    const ya = heights[k]!;
    const yb = heights[k + 1]!;
    if (yb === ya) continue;
    while (next < edges.length && edges[next]!.y0 <= ya) active.push(edges[next++]!);
    active = active.filter((e) => e.y1 > ya);
    // No edge has a vertex strictly between ya and yb, so every active edge spans the slab.
    const crossing = active
      .map((e) => ({ a: xAt(e, ya), b: xAt(e, yb) }))
      .sort((p, q) => p.a + p.b - (q.a + q.b));
    if (crossing.length % 2 !== 0) return null;
    for (let i = 0; i < crossing.length; i += 2) {
      const l = crossing[i]!;
      const r = crossing[i + 1]!;
      const xs = [l.a, r.a, r.b, l.b];
      const ys = [ya, ya, yb, yb];
      const { xs: fx, ys: fy } = flatRing(xs.map((x, j) => [x, ys[j]!] as [number, number]));
      if (fx.length < 3) continue;
      out.push({ xs: fx, ys: fy, box: flatBox(fx, fy) });
    }
  }
  return out;
}

/** Convex pieces of a prepared geometry, cut once and kept. */
function windowsOf(g: PolyGeom, p: Prepared): Window[] | null {
  if (p.windows !== undefined) return p.windows;
  const out: Window[] = [];
  let r = 0;
  for (const poly of polygons(g)) {
    const rings = p.rings.slice(r, r + poly.length);
    r += poly.length;
    const w = rings.length === 1 ? convexWindow(rings[0]!.xs, rings[0]!.ys) : null;
    if (w) {
      out.push(w);
      continue;
    }
    const cut = trapezoids(rings);
    if (!cut) return (p.windows = null);
    // The pieces must add up to the part (they do for a valid polygon).
    const ox = p.box[0];
    const oy = p.box[1];
    let want = 0;
    let ringSum = 0;
    for (const [k, ring] of rings.entries()) {
      const a = Math.abs(flatArea(ring.xs, ring.ys, ox, oy));
      want += k === 0 ? a : -a;
      ringSum += a;
    }
    const got = cut.reduce((s, w) => s + flatArea(w.xs, w.ys, ox, oy), 0);
    if (Math.abs(got - want) > 1e-9 * ringSum + 1e-9) return (p.windows = null);
    out.push(...cut);
  }
  p.windows = out;
  return out;
}

/** Clips a flat ring against a convex (counter-clockwise) window; the result may have degenerate edges. */
function clipRing(
  xs: number[],
  ys: number[],
  wx: number[],
  wy: number[],
): { xs: number[]; ys: number[] } {
  let inX = xs;
  let inY = ys;
  const m = wx.length;
  for (let j = 0; j < m && inX.length > 0; j++) {
    const ax = wx[j]!;
    const ay = wy[j]!;
    const ex = wx[(j + 1) % m]! - ax;
    const ey = wy[(j + 1) % m]! - ay;
    const outX: number[] = [];
    const outY: number[] = [];
    const n = inX.length;
    let px = inX[n - 1]!;
    let py = inY[n - 1]!;
    let pd = ex * (py - ay) - ey * (px - ax);
    for (let i = 0; i < n; i++) {
      const qx = inX[i]!;
      const qy = inY[i]!;
      const qd = ex * (qy - ay) - ey * (qx - ax);
      if ((pd < 0 && qd > 0) || (pd > 0 && qd < 0)) {
        const t = pd / (pd - qd);
        outX.push(px + t * (qx - px));
        outY.push(py + t * (qy - py));
      }
      if (qd >= 0) {
        outX.push(qx);
        outY.push(qy);
      }
      px = qx;
      py = qy;
      pd = qd;
    }
    inX = outX;
    inY = outY;
  }
  return { xs: inX, ys: inY };
}

function boxInside(inner: BBox, outer: BBox): boolean {
  return (
    inner[0] >= outer[0] && inner[1] >= outer[1] && inner[2] <= outer[2] && inner[3] <= outer[3]
  );
}

/**
 * Area of (the union of the convex windows `wa`) ∩ (the union of `wb`, when given) ∩ (the rings
 * of `sub`), for the part inside `box`.
 */
function windowsArea(wa: Window[], wb: Window[] | null, box: BBox, sub: Prepared): number {
  let total = 0;
  const bx = [box[0], box[2], box[2], box[0]];
  const by = [box[1], box[1], box[3], box[3]];
  for (const ring of sub.rings) {
    if (ring.weight === 0 || !bboxOverlap(ring.box, box)) continue;
    // Cut a large ring down to the box first (exact, by the same argument).
    let xs = ring.xs;
    let ys = ring.ys;
    if (xs.length > 8 && !boxInside(ring.box, box)) {
      const c = clipRing(xs, ys, bx, by);
      xs = c.xs;
      ys = c.ys;
      if (xs.length < 3) continue;
    }
    const ringBox = flatBox(xs, ys);
    for (const w of wa) {
      if (!bboxOverlap(w.box, ringBox)) continue;
      const c = clipRing(xs, ys, w.xs, w.ys);
      if (c.xs.length < 3) continue;
      if (!wb) {
        total += ring.weight * flatArea(c.xs, c.ys, w.xs[0]!, w.ys[0]!);
        continue;
      }
      const cBox = flatBox(c.xs, c.ys);
      for (const t of wb) {
        if (!bboxOverlap(t.box, cBox)) continue;
        const d = clipRing(c.xs, c.ys, t.xs, t.ys);
        if (d.xs.length < 3) continue;
        total += ring.weight * flatArea(d.xs, d.ys, t.xs[0]!, t.ys[0]!);
      }
    }
  }
  return total;
}

function boxMeet(a: BBox, b: BBox): BBox {
  return [Math.max(a[0], b[0]), Math.max(a[1], b[1]), Math.min(a[2], b[2]), Math.min(a[3], b[3])];
}

/**
 * Area in m² of the intersection of two polygons (planar), without building the intersection:
 * exact up to floating point, for valid polygons (rings that do not cross, parts that do not
 * overlap). Falls back to {@link intersection} when a polygon cannot be cut into convex pieces.
 */
export function intersectionArea(a: PolyGeom, b: PolyGeom): number {
  const pa = prepare(a);
  const pb = prepare(b);
  if (!bboxOverlap(pa.box, pb.box)) return 0;
  // Cut the convex side, else the side with fewer vertices, into windows; clip the other.
  const [wg, wp, sp] =
    pa.convex || (!pb.convex && pa.vertices <= pb.vertices) ? [a, pa, pb] : [b, pb, pa];
  const windows = windowsOf(wg, wp);
  if (!windows) {
    const r = intersection(a, b);
    return r ? planarArea(r) : 0;
  }
  return Math.max(0, windowsArea(windows, null, boxMeet(pa.box, pb.box), sp));
}

/**
 * Area in m² of the intersection of three polygons (planar), e.g. a measure, a soil polygon and a
 * groundwater polygon, without building any intersection: `a` and the smaller (or convex) one of
 * `b` and `c` are cut into convex pieces, and the rings of the other are clipped against every
 * pair of pieces. Exact up to floating point for valid polygons; falls back to the polygon clipper
 * (area of a ∩ (b ∩ c)) when a polygon cannot be cut.
 */
export function intersectionArea3(a: PolyGeom, b: PolyGeom, c: PolyGeom): number {
  const pa = prepare(a);
  const pb = prepare(b);
  const pc = prepare(c);
  if (!bboxOverlap(pa.box, pb.box) || !bboxOverlap(pa.box, pc.box) || !bboxOverlap(pb.box, pc.box))
    return 0;
  const [wg, wp, sp] =
    pb.convex || (!pc.convex && pb.vertices <= pc.vertices) ? [b, pb, pc] : [c, pc, pb];
  const wa = windowsOf(a, pa);
  const wb = windowsOf(wg, wp);
  if (!wa || !wb) {
    const u = intersection(b, c);
    return u ? intersectionArea(a, u) : 0;
  }
  return Math.max(0, windowsArea(wa, wb, boxMeet(boxMeet(pa.box, pb.box), pc.box), sp));
}

/** Planar area in m² (holes subtracted), computed around a local origin (less rounding than {@link planarArea} far from (0, 0)). */
export function localArea(g: PolyGeom): number {
  return prepare(g).area;
}

function segmentsNear(g: PolyGeom, box: BBox): Array<[[number, number], [number, number]]> {
  const out: Array<[[number, number], [number, number]]> = [];
  for (const poly of polygons(g)) {
    for (const ring of poly) {
      for (let i = 0; i < ring.length - 1; i++) {
        const p = ring[i]!;
        const q = ring[i + 1]!;
        if (
          Math.max(p[0], q[0]) < box[0] ||
          Math.min(p[0], q[0]) > box[2] ||
          Math.max(p[1], q[1]) < box[1] ||
          Math.min(p[1], q[1]) > box[3]
        )
          continue;
        out.push([p, q]);
      }
    }
  }
  return out;
}

/** Orientation of r relative to p→q: 1, −1, or 0 when (nearly) collinear. */
function orientation(p: [number, number], q: [number, number], r: [number, number]): number {
  const v = (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]);
  const scale =
    Math.abs(q[0] - p[0]) + Math.abs(q[1] - p[1]) + Math.abs(r[0] - p[0]) + Math.abs(r[1] - p[1]);
  return Math.abs(v) <= 1e-9 * scale * scale ? 0 : Math.sign(v);
}

/**
 * Whether two segments cross properly: the end points of each lie strictly on both sides of the
 * other (touching, and nearly collinear contact, do not count; see {@link segmentsMeet}).
 */
export function segmentsCross(
  a: [number, number],
  b: [number, number],
  c: [number, number],
  d: [number, number],
): boolean {
  return (
    orientation(a, b, c) * orientation(a, b, d) < 0 &&
    orientation(c, d, a) * orientation(c, d, b) < 0
  );
}

/** Whether two segments cross, touch or overlap (any contact, also nearly). */
function segmentsMeet(
  a: [number, number],
  b: [number, number],
  c: [number, number],
  d: [number, number],
): boolean {
  if (
    Math.max(a[0], b[0]) < Math.min(c[0], d[0]) ||
    Math.max(c[0], d[0]) < Math.min(a[0], b[0]) ||
    Math.max(a[1], b[1]) < Math.min(c[1], d[1]) ||
    Math.max(c[1], d[1]) < Math.min(a[1], b[1])
  )
    return false;
  const o1 = orientation(a, b, c);
  const o2 = orientation(a, b, d);
  const o3 = orientation(c, d, a);
  const o4 = orientation(c, d, b);
  if (o1 === 0 || o2 === 0 || o3 === 0 || o4 === 0) return true;
  return o1 !== o2 && o3 !== o4;
}

/**
 * The intersection when the boundaries of `a` and `b` have no point in common: then every ring
 * lies wholly inside or wholly outside the other polygon, and a ⊆ b (all rings of a inside b, no
 * ring of b inside a), b ⊆ a, or a ∩ b = ∅. Undefined when the boundaries meet or the rings are
 * mixed (the clipper decides).
 */
function containment(a: PolyGeom, b: PolyGeom): PolyGeom | null | undefined {
  const ba = bboxOf(a);
  const bb = bboxOf(b);
  if (!bboxOverlap(ba, bb)) return null;
  const sa = segmentsNear(a, bb);
  const sb = segmentsNear(b, ba);
  for (const [p, q] of sa) for (const [r, s] of sb) if (segmentsMeet(p, q, r, s)) return undefined;
  const ringsOf = (g: PolyGeom) => polygons(g).flat();
  const aInB = ringsOf(a).map((r) => booleanPointInPolygon(r[0]!, b));
  const bInA = ringsOf(b).map((r) => booleanPointInPolygon(r[0]!, a));
  const none = (xs: boolean[]) => !xs.some(Boolean);
  if (none(aInB) && none(bInA)) return null;
  if (aInB.every(Boolean) && none(bInA)) return a;
  if (bInA.every(Boolean) && none(aInB)) return b;
  return undefined;
}

/** Whether a point lies inside (or on the boundary of) a polygon. */
export function containsPoint(g: PolyGeom, p: [number, number]): boolean {
  return booleanPointInPolygon(p, g);
}

/** Squared distance from `(px, py)` to the segment a–b. */
export function segmentDistance2(
  px: number,
  py: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 === 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / len2;
  t = Math.max(0, Math.min(1, t));
  const ex = ax + t * dx - px;
  const ey = ay + t * dy - py;
  return ex * ex + ey * ey;
}

/** True when `(x, y)` lies within `tol` of any ring segment of `g`. */
export function nearBoundary(x: number, y: number, g: AnyPolygon, tol: number): boolean {
  const tol2 = tol * tol;
  for (const poly of polygons(g)) {
    for (const ring of poly) {
      for (let i = 1; i < ring.length; i++) {
        const a = ring[i - 1]!;
        const b = ring[i]!;
        if (segmentDistance2(x, y, a[0]!, a[1]!, b[0]!, b[1]!) <= tol2) return true;
      }
    }
  }
  return false;
}

/** Distance from a point to a polygon in m: 0 inside, else to the nearest edge. */
export function distanceToPolygon(g: PolyGeom, p: [number, number]): number {
  if (containsPoint(g, p)) return 0;
  let best = Infinity;
  for (const poly of polygons(g)) {
    for (const ring of poly) {
      for (let i = 0; i < ring.length - 1; i++) {
        const a = ring[i]!;
        const b = ring[i + 1]!;
        const d = Math.sqrt(segmentDistance2(p[0], p[1], a[0], a[1], b[0], b[1]));
        if (d < best) best = d;
      }
    }
  }
  return best;
}
