/**
 * Planar geometry in EPSG:28992 (RD New, metres) for the scenario indicators. RD is conformal with
 * a scale factor within 0.02 % of 1 over the Netherlands, so planar areas and distances in RD are
 * accurate to well under a percent.
 */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { featureCollection, multiPolygon, polygon } from '@turf/helpers';
import intersect from '@turf/intersect';
import type { Feature, MultiPolygon, Polygon } from 'geojson';

export type Ring = Array<[number, number]>;
/** Polygon or MultiPolygon coordinates in RD metres. */
export type PolyGeom =
  { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };

export type BBox = [number, number, number, number];

function ringArea(ring: Ring): number {
  let s = 0;
  for (let i = 0, n = ring.length; i < n - 1; i++) {
    const a = ring[i]!;
    const b = ring[i + 1]!;
    s += a[0] * b[1] - b[0] * a[1];
  }
  return s / 2;
}

function polygons(g: PolyGeom): Ring[][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

/** Planar area in m² (holes subtracted). */
export function planarArea(g: PolyGeom): number {
  let total = 0;
  for (const poly of polygons(g)) {
    poly.forEach((ring, i) => {
      const a = Math.abs(ringArea(ring));
      total += i === 0 ? a : -a;
    });
  }
  return Math.max(0, total);
}

export function bboxOf(g: PolyGeom): BBox {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const poly of polygons(g)) {
    for (const [x, y] of poly[0] ?? []) {
      if (x < minX) minX = x;
      if (y < minY) minY = y;
      if (x > maxX) maxX = x;
      if (y > maxY) maxY = y;
    }
  }
  return [minX, minY, maxX, maxY];
}

export function bboxOverlap(a: BBox, b: BBox): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
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

function segmentDistance(p: [number, number], a: [number, number], b: [number, number]): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  let t = len2 === 0 ? 0 : ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2;
  t = Math.max(0, Math.min(1, t));
  const x = a[0] + t * dx - p[0];
  const y = a[1] + t * dy - p[1];
  return Math.sqrt(x * x + y * y);
}

/** Distance from a point to a polygon in m: 0 inside, else to the nearest edge. */
export function distanceToPolygon(g: PolyGeom, p: [number, number]): number {
  if (containsPoint(g, p)) return 0;
  let best = Infinity;
  for (const poly of polygons(g)) {
    for (const ring of poly) {
      for (let i = 0; i < ring.length - 1; i++) {
        const d = segmentDistance(p, ring[i]!, ring[i + 1]!);
        if (d < best) best = d;
      }
    }
  }
  return best;
}

/** A point inside the polygon: the centroid of the largest outer ring when inside, else a vertex midpoint. */
export function interiorPoint(g: PolyGeom): [number, number] {
  const polys = polygons(g);
  let largest = polys[0]!;
  let largestArea = -1;
  for (const p of polys) {
    const a = Math.abs(ringArea(p[0]!));
    if (a > largestArea) {
      largest = p;
      largestArea = a;
    }
  }
  const ring = largest[0]!;
  let cx = 0;
  let cy = 0;
  let a6 = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x0, y0] = ring[i]!;
    const [x1, y1] = ring[i + 1]!;
    const f = x0 * y1 - x1 * y0;
    cx += (x0 + x1) * f;
    cy += (y0 + y1) * f;
    a6 += f * 3;
  }
  const c: [number, number] = a6 !== 0 ? [cx / a6, cy / a6] : ring[0]!;
  if (containsPoint(g, c)) return c;
  // Fall back to scanning a horizontal line through the ring's middle for an inside point.
  const bb = bboxOf(g);
  const y = (bb[1] + bb[3]) / 2;
  for (let k = 1; k < 64; k++) {
    const p: [number, number] = [bb[0] + ((bb[2] - bb[0]) * k) / 64, y];
    if (containsPoint(g, p)) return p;
  }
  return ring[0]!;
}
