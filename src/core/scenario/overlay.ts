/**
 * Overlay of scenario polygons with the natural system (soil, groundwater, zones) using a spatial
 * index (flatbush) over the system polygons. The scenario comparer needs only areas: these come
 * from {@link intersectionArea} and {@link intersectionArea3} (convex clipping in floating point,
 * exact up to rounding); {@link SystemLayer.split} still builds the pieces with the polygon clipper.
 */
import Flatbush from 'flatbush';
import {
  bboxOf,
  intersection,
  intersectionArea,
  intersectionArea3,
  localArea,
  planarArea,
  type BBox,
  type PolyGeom,
} from '../geometry.js';

/** Overlaps of at most this area (m²) count as touching, not overlapping. */
const MIN_AREA = 1e-6;

/** A polygon of a natural-system layer with its value (soil code, Gt class or zone code). */
export interface SystemPolygon {
  geometry: PolyGeom;
  value: string;
}

/** An indexed natural-system layer. */
export class SystemLayer {
  readonly polygons: SystemPolygon[];
  private readonly boxes: BBox[];
  private readonly index: Flatbush | null;

  constructor(polygons: SystemPolygon[]) {
    this.polygons = polygons;
    this.boxes = polygons.map((p) => bboxOf(p.geometry));
    if (polygons.length === 0) {
      this.index = null;
      return;
    }
    const index = new Flatbush(polygons.length);
    for (const b of this.boxes) index.add(b[0], b[1], b[2], b[3]);
    index.finish();
    this.index = index;
  }

  /** Candidate polygon indexes whose bounding box overlaps `box`, in ascending order (deterministic). */
  candidates(box: BBox): number[] {
    if (!this.index) return [];
    return this.index.search(box[0], box[1], box[2], box[3]).sort((a, b) => a - b);
  }

  /**
   * Splits a geometry by this layer: the pieces with a value, and the area no polygon covers.
   * @returns pieces (geometry, area m², value) and `uncovered` area in m²
   */
  split(
    g: PolyGeom,
    area = planarArea(g),
  ): { pieces: Array<{ geometry: PolyGeom; area: number; value: string }>; uncovered: number } {
    return this.overlaps(g, area, (p) => {
      const inter = intersection(g, p.geometry);
      return inter ? { geometry: inter, area: planarArea(inter), value: p.value } : undefined;
    });
  }

  /**
   * The areas `split` would give, without building the pieces: the overlap with each polygon of
   * this layer (more than 1e-6 m², in index order), and the area no polygon covers.
   * @returns pieces (polygon index, area m², value) and `uncovered` area in m²
   */
  areas(
    g: PolyGeom,
    area = planarArea(g),
  ): { pieces: Array<{ index: number; area: number; value: string }>; uncovered: number } {
    return this.overlaps(g, area, (p, index) => ({
      index,
      area: intersectionArea(g, p.geometry),
      value: p.value,
    }));
  }

  /**
   * The overlaps of `g` (of area `area` m²) with the polygons of this layer, in index order:
   * `piece` measures the overlap with one polygon (undefined: none); overlaps of at most
   * {@link MIN_AREA} are dropped. The rest of `area` is `uncovered`.
   */
  private overlaps<P extends { area: number }>(
    g: PolyGeom,
    area: number,
    piece: (polygon: SystemPolygon, index: number) => P | undefined,
  ): { pieces: P[]; uncovered: number } {
    const pieces: P[] = [];
    let covered = 0;
    for (const i of this.candidates(bboxOf(g))) {
      const p = piece(this.polygons[i]!, i);
      if (!p || p.area <= MIN_AREA) continue;
      pieces.push(p);
      covered += p.area;
    }
    return { pieces, uncovered: Math.max(0, area - covered) };
  }

  /** Whether any polygon of this layer overlaps `g`. */
  covers(g: PolyGeom): boolean {
    for (const i of this.candidates(bboxOf(g)))
      if (intersectionArea(g, this.polygons[i]!.geometry) > MIN_AREA) return true;
    return false;
  }

  /** The value with the largest overlap with `g`, or undefined. */
  dominant(g: PolyGeom): string | undefined {
    return dominantValue(this.areas(g).pieces);
  }
}

/** The value with the largest total area (ties: the first value in code-unit order), or undefined. */
function dominantValue(pieces: ReadonlyArray<{ area: number; value: string }>): string | undefined {
  const byValue = new Map<string, number>();
  for (const p of pieces) byValue.set(p.value, (byValue.get(p.value) ?? 0) + p.area);
  let best: string | undefined;
  let bestArea = 0;
  for (const [v, a] of [...byValue.entries()].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
    if (a > bestArea) {
      best = v;
      bestArea = a;
    }
  }
  return best;
}

/** The natural system under a planning area, each layer indexed. */
export interface NaturalSystem {
  zones: SystemLayer;
  soil: SystemLayer;
  groundwater: SystemLayer;
  /**
   * Seepage (`kwel`, `wegzijging`, `neutraal`) where a source maps it; elsewhere the zone's typical
   * seepage from the knowledge base applies (as in the location check).
   */
  seepage: SystemLayer;
}

export function naturalSystem(layers: {
  zones?: SystemPolygon[];
  soil?: SystemPolygon[];
  groundwater?: SystemPolygon[];
  seepage?: SystemPolygon[];
}): NaturalSystem {
  return {
    zones: new SystemLayer(layers.zones ?? []),
    soil: new SystemLayer(layers.soil ?? []),
    groundwater: new SystemLayer(layers.groundwater ?? []),
    seepage: new SystemLayer(layers.seepage ?? []),
  };
}

/** A part of a geometry with one soil code and one groundwater class (either may be unknown). */
export interface SoilGroundwaterArea {
  area: number;
  soil?: string;
  gt?: string;
}

/**
 * Splits a geometry by soil and then each soil piece by groundwater, as areas: per soil polygon
 * (index order) the overlap with each groundwater polygon (index order) and the rest without a
 * groundwater class; then the area without soil, with the groundwater class that covers most of
 * the geometry. Overlaps of at most 1e-6 m² are left out. The same areas as splitting with
 * {@link SystemLayer.split} twice, exact up to floating point, without building any piece.
 *
 * When the geometry lies (up to 1e-9 of its area) inside the soil or the groundwater polygon, the
 * overlap of the three is simply its overlap with the other one; otherwise
 * {@link intersectionArea3}.
 * @param area the area of `g` in m² (default: its planar area)
 */
export function soilGroundwaterAreas(
  system: NaturalSystem,
  g: PolyGeom,
  area = planarArea(g),
): SoilGroundwaterArea[] {
  const soil = system.soil.areas(g, area);
  const gw = system.groundwater.areas(g, area);
  const full = localArea(g);
  const inside = (a: number) => full - a <= 1e-9 * full;
  const out: SoilGroundwaterArea[] = [];
  for (const s of soil.pieces) {
    let covered = 0;
    for (const w of gw.pieces) {
      let a: number;
      if (inside(s.area)) a = w.area;
      else if (inside(w.area)) a = s.area;
      else
        a = intersectionArea3(
          g,
          system.soil.polygons[s.index]!.geometry,
          system.groundwater.polygons[w.index]!.geometry,
        );
      if (a <= MIN_AREA) continue;
      out.push({ area: a, soil: s.value, gt: w.value });
      covered += a;
    }
    const rest = Math.max(0, s.area - covered);
    if (rest > MIN_AREA) out.push({ area: rest, soil: s.value });
  }
  if (soil.uncovered > MIN_AREA) {
    const gt = dominantValue(gw.pieces);
    out.push({ area: soil.uncovered, ...(gt !== undefined ? { gt } : {}) });
  }
  return out;
}

/**
 * Naive overlay for the benchmark baseline: intersects a geometry with every polygon of a list,
 * without an index (pairwise).
 */
export function naiveSplit(g: PolyGeom, polygons: SystemPolygon[]): number {
  let covered = 0;
  for (const p of polygons) {
    const inter = intersection(g, p.geometry);
    if (inter) covered += planarArea(inter);
  }
  return covered;
}
