/**
 * Bounding boxes of polygon geometries, without the clipping kernel of src/core/geometry.ts (which
 * re-exports them): what the widgets need up front to decide whether the natural system must be
 * read again, without loading the polygon clipper (@turf/intersect, polyclip-ts).
 */
export type Ring = Array<[number, number]>;
/** Polygon or MultiPolygon coordinates in RD metres. */
export type PolyGeom =
  { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };

export type BBox = [number, number, number, number];

/** A ring of any GeoJSON-like positions (`[x, y, …]`), closed (first position repeated last). */
export type AnyRing = ReadonlyArray<ArrayLike<number>>;
/** Polygon or MultiPolygon coordinates of any GeoJSON-like positions. */
export type AnyPolygon =
  | { type: 'Polygon'; coordinates: ReadonlyArray<AnyRing> }
  | { type: 'MultiPolygon'; coordinates: ReadonlyArray<ReadonlyArray<AnyRing>> };

function polygonsOf(g: PolyGeom): Ring[][];
function polygonsOf(g: AnyPolygon): ReadonlyArray<ReadonlyArray<AnyRing>>;
/** The polygons of a Polygon (one) or MultiPolygon. */
function polygonsOf(g: AnyPolygon): ReadonlyArray<ReadonlyArray<AnyRing>> {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}
export { polygonsOf };

/** Bounding box `[minX, minY, maxX, maxY]` of a polygon geometry (its outer rings; holes lie inside them). */
export function bboxOf(g: AnyPolygon): BBox {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const poly of polygonsOf(g)) {
    for (const p of poly[0] ?? []) {
      const x = p[0]!;
      const y = p[1]!;
      if (x < minX) minX = x;
      if (y < minY) minY = y;
      if (x > maxX) maxX = x;
      if (y > maxY) maxY = y;
    }
  }
  return [minX, minY, maxX, maxY];
}

/**
 * The box around all `boxes`; for none, the empty box `[Infinity, Infinity, -Infinity, -Infinity]`
 * (it contains nothing and adds nothing to a union).
 */
export function bboxUnion(boxes: readonly BBox[]): BBox {
  return boxes.reduce<BBox>(
    (a, b) => [
      Math.min(a[0], b[0]),
      Math.min(a[1], b[1]),
      Math.max(a[2], b[2]),
      Math.max(a[3], b[3]),
    ],
    [Infinity, Infinity, -Infinity, -Infinity],
  );
}

/** Whether `inner` lies wholly inside `outer` (edges included). */
export function bboxContains(outer: BBox, inner: BBox): boolean {
  return (
    inner[0] >= outer[0] && inner[1] >= outer[1] && inner[2] <= outer[2] && inner[3] <= outer[3]
  );
}

export function bboxOverlap(a: BBox, b: BBox): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}
