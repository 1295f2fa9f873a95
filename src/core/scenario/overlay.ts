/**
 * Overlay of scenario polygons with the natural system (soil, groundwater, zones) using a spatial
 * index (flatbush) over the system polygons and exact planar intersections.
 */
import Flatbush from 'flatbush';
import { bboxOf, intersection, planarArea, type BBox, type PolyGeom } from './geometry.js';

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
    const pieces: Array<{ geometry: PolyGeom; area: number; value: string }> = [];
    let covered = 0;
    for (const i of this.candidates(bboxOf(g))) {
      const p = this.polygons[i]!;
      const inter = intersection(g, p.geometry);
      if (!inter) continue;
      const a = planarArea(inter);
      if (a <= 1e-6) continue;
      pieces.push({ geometry: inter, area: a, value: p.value });
      covered += a;
    }
    return { pieces, uncovered: Math.max(0, area - covered) };
  }

  /** Whether any polygon of this layer overlaps `g`. */
  covers(g: PolyGeom): boolean {
    for (const i of this.candidates(bboxOf(g))) {
      const inter = intersection(g, this.polygons[i]!.geometry);
      if (inter && planarArea(inter) > 1e-6) return true;
    }
    return false;
  }

  /** The value with the largest overlap with `g`, or undefined. */
  dominant(g: PolyGeom): string | undefined {
    const byValue = new Map<string, number>();
    for (const p of this.split(g).pieces)
      byValue.set(p.value, (byValue.get(p.value) ?? 0) + p.area);
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
}

/** The natural system under a planning area, each layer indexed. */
export interface NaturalSystem {
  zones: SystemLayer;
  soil: SystemLayer;
  groundwater: SystemLayer;
}

export function naturalSystem(layers: {
  zones?: SystemPolygon[];
  soil?: SystemPolygon[];
  groundwater?: SystemPolygon[];
}): NaturalSystem {
  return {
    zones: new SystemLayer(layers.zones ?? []),
    soil: new SystemLayer(layers.soil ?? []),
    groundwater: new SystemLayer(layers.groundwater ?? []),
  };
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
