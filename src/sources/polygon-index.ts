/**
 * A point-in-polygon index that holds on national data: one Flatbush entry per polygon PART (not
 * per feature), and every part's edges split into horizontal strips, so a query tests only the
 * parts whose box holds the point and, in each, only the edges of one strip.
 *
 * Why: the BKNSN 2023 download ships one MultiPolygon per zone code, dissolved over the whole
 * country (27 codes, ~29,000 parts, ~570,000 vertices). A box per feature gives 27 country-sized
 * boxes, and every query then walks thousands of rings. Per part and per strip, a query on such
 * data costs about what it costs on 100,000 small polygons.
 *
 * Pure TypeScript over typed arrays: no DOM, no `ol`. Coordinates are planar (RD New, metres).
 */
import Flatbush from 'flatbush';
import { segmentDistance2 } from '../core/geometry.js';

/** Polygons as flat typed arrays (see {@link flattenPolygons}). */
export interface FlatPolygons {
  /** `[x0, y0, x1, y1, …]` of every ring vertex (rings closed: last vertex = first). */
  coords: Float64Array;
  /** Vertex index where ring r starts; length = rings + 1. */
  ringStart: Uint32Array;
  /** Ring index where part p starts (its outer ring, then its holes); length = parts + 1. */
  partRingStart: Uint32Array;
  /** Item number of part p (e.g. the feature it belongs to); non-decreasing over p. */
  partItem: Uint32Array;
}

/** Aim for this many edges per strip; a part with fewer edges has one strip. */
const EDGES_PER_STRIP = 8;
const MAX_STRIPS_PER_PART = 1 << 16;

/**
 * The index. Build it once from {@link FlatPolygons}; {@link firstAt} answers point queries.
 *
 * Semantics: a point is in a part when it is strictly inside by the crossing-number (even–odd)
 * rule over all the part's rings (holes excluded) or within `tolerance` of one of its edges; among
 * all parts that hold the point the one with the lowest item wins.
 */
export class PolygonIndex {
  readonly parts: number;
  /** Bounding box of all parts, `[minX, minY, maxX, maxY]`; undefined when there are none. */
  readonly bounds: [number, number, number, number] | undefined;

  private readonly flat: FlatPolygons;
  private readonly boxIndex: Flatbush | undefined;
  private readonly partMinY: Float64Array;
  private readonly partStripH: Float64Array;
  private readonly partStrips: Uint32Array;
  /** First strip of part p in {@link stripStart}. */
  private readonly partStripBase: Uint32Array;
  /** Offset of strip s in {@link entries}; length = strips + 1. */
  private readonly stripStart: Uint32Array;
  /** Start vertex of each edge, strip after strip. */
  private readonly entries: Uint32Array;

  constructor(flat: FlatPolygons) {
    this.flat = flat;
    const { coords, ringStart, partRingStart } = flat;
    const parts = partRingStart.length - 1;
    this.parts = parts;
    this.partMinY = new Float64Array(parts);
    this.partStripH = new Float64Array(parts);
    this.partStrips = new Uint32Array(parts);
    this.partStripBase = new Uint32Array(parts + 1);
    if (parts === 0) {
      this.boxIndex = undefined;
      this.bounds = undefined;
      this.stripStart = new Uint32Array(1);
      this.entries = new Uint32Array(0);
      return;
    }

    // Pass 1: part boxes, strip counts.
    const boxIndex = new Flatbush(parts);
    let strips = 0;
    for (let p = 0; p < parts; p++) {
      // The part's box, in locals (no array per part: this runs for every part of national data).
      let minX = Infinity;
      let minY = Infinity;
      let maxX = -Infinity;
      let maxY = -Infinity;
      const r0 = partRingStart[p] as number;
      const r1 = partRingStart[p + 1] as number;
      const v0 = ringStart[r0] as number;
      const v1 = ringStart[r1] as number;
      // Every ring is closed: its last vertex starts no edge.
      const edges = Math.max(0, v1 - v0 - (r1 - r0));
      for (let v = v0; v < v1; v++) {
        const x = coords[2 * v] as number;
        const y = coords[2 * v + 1] as number;
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
      boxIndex.add(minX, minY, maxX, maxY);
      const height = maxY - minY;
      const n =
        height > 0
          ? Math.max(1, Math.min(MAX_STRIPS_PER_PART, Math.ceil(edges / EDGES_PER_STRIP)))
          : 1;
      this.partMinY[p] = minY;
      this.partStripH[p] = height > 0 ? height / n : Infinity;
      this.partStrips[p] = n;
      this.partStripBase[p] = strips;
      strips += n;
    }
    this.partStripBase[parts] = strips;
    boxIndex.finish();
    this.boxIndex = boxIndex;
    this.bounds = [boxIndex.minX, boxIndex.minY, boxIndex.maxX, boxIndex.maxY];

    // Pass 2: count the edges of each strip; pass 3: fill.
    const counts = new Uint32Array(strips + 1);
    this.edgeStrips(counts, undefined);
    for (let s = 0; s < strips; s++) {
      counts[s + 1] = (counts[s + 1] as number) + (counts[s] as number);
    }
    const stripStart = counts.slice();
    const entries = new Uint32Array(stripStart[strips] as number);
    // counts[s] is now the fill cursor of strip s.
    this.edgeStrips(counts, entries);
    this.stripStart = stripStart;
    this.entries = entries;
  }

  /**
   * The lowest item whose part holds `(x, y)` (inside, or within `tolerance` of its boundary), or
   * undefined.
   */
  firstAt(x: number, y: number, tolerance: number): number | undefined {
    const boxIndex = this.boxIndex;
    if (boxIndex === undefined) return undefined;
    const t = tolerance;
    const candidates = boxIndex.search(x - t, y - t, x + t, y + t);
    // Parts were added in order, and items are non-decreasing over parts.
    if (candidates.length > 1) candidates.sort((a, b) => a - b);
    for (const p of candidates) {
      if (this.inside(p, x, y) || this.near(p, x, y, t)) return this.flat.partItem[p];
    }
    return undefined;
  }

  /** Crossing number of a leftward ray from `(x, y)`, over the edges of the point's strip. */
  private inside(p: number, x: number, y: number): boolean {
    const coords = this.flat.coords;
    const s = (this.partStripBase[p] as number) + this.stripOf(p, y);
    const end = this.stripStart[s + 1] as number;
    let inside = false;
    for (let k = this.stripStart[s] as number; k < end; k++) {
      const v = 2 * (this.entries[k] as number);
      const ay = coords[v + 1] as number;
      const by = coords[v + 3] as number;
      if (ay > y !== by > y) {
        const ax = coords[v] as number;
        const bx = coords[v + 2] as number;
        if (x < ((bx - ax) * (y - ay)) / (by - ay) + ax) inside = !inside;
      }
    }
    return inside;
  }

  /** True when `(x, y)` lies within `t` of an edge of part p. */
  private near(p: number, x: number, y: number, t: number): boolean {
    const coords = this.flat.coords;
    const base = this.partStripBase[p] as number;
    const s0 = base + this.stripOf(p, y - t);
    const s1 = base + this.stripOf(p, y + t);
    const t2 = t * t;
    for (let k = this.stripStart[s0] as number; k < (this.stripStart[s1 + 1] as number); k++) {
      const v = 2 * (this.entries[k] as number);
      const ax = coords[v] as number;
      const ay = coords[v + 1] as number;
      const bx = coords[v + 2] as number;
      const by = coords[v + 3] as number;
      if (
        (ax < x - t && bx < x - t) ||
        (ax > x + t && bx > x + t) ||
        (ay < y - t && by < y - t) ||
        (ay > y + t && by > y + t)
      ) {
        continue;
      }
      if (segmentDistance2(x, y, ax, ay, bx, by) <= t2) return true;
    }
    return false;
  }

  /** Strip of part p that holds height y (clamped to the part's strips). */
  private stripOf(p: number, y: number): number {
    const n = this.partStrips[p] as number;
    const s = Math.floor((y - (this.partMinY[p] as number)) / (this.partStripH[p] as number));
    return s < 0 || Number.isNaN(s) ? 0 : s >= n ? n - 1 : s;
  }

  /**
   * For every edge and every strip its height range overlaps: without `entries`, counts the edge
   * in `counts[strip + 1]`; with `entries`, writes the edge's start vertex at `counts[strip]` (a
   * cursor) and advances it. Plain loops, no callbacks: this runs for every national vertex.
   */
  private edgeStrips(counts: Uint32Array, entries: Uint32Array | undefined): void {
    const { coords, ringStart, partRingStart } = this.flat;
    for (let p = 0; p < this.parts; p++) {
      const base = this.partStripBase[p] as number;
      if ((this.partStrips[p] as number) === 1) {
        // One strip: all the part's edges, in ring order (most small polygons).
        for (let r = partRingStart[p] as number; r < (partRingStart[p + 1] as number); r++) {
          const end = (ringStart[r + 1] as number) - 1;
          const v0 = ringStart[r] as number;
          if (end <= v0) continue;
          if (entries === undefined) {
            counts[base + 1] = (counts[base + 1] as number) + (end - v0);
          } else {
            let at = counts[base] as number;
            for (let v = v0; v < end; v++) entries[at++] = v;
            counts[base] = at;
          }
        }
        continue;
      }
      for (let r = partRingStart[p] as number; r < (partRingStart[p + 1] as number); r++) {
        const end = (ringStart[r + 1] as number) - 1;
        for (let v = ringStart[r] as number; v < end; v++) {
          const ay = coords[2 * v + 1] as number;
          const by = coords[2 * v + 3] as number;
          const s0 = this.stripOf(p, ay < by ? ay : by);
          const s1 = this.stripOf(p, ay < by ? by : ay);
          for (let s = base + s0; s <= base + s1; s++) {
            if (entries === undefined) {
              counts[s + 1] = (counts[s + 1] as number) + 1;
            } else {
              const at = counts[s] as number;
              entries[at] = v;
              counts[s] = at + 1;
            }
          }
        }
      }
    }
  }
}

/** Polygon rings in GeoJSON form: parts → rings → positions `[x, y, …]`. */
export type PartsOfRings = readonly (readonly (readonly (readonly number[])[])[])[];

/**
 * Flattens polygons (each item a list of parts, each part a list of rings) into
 * {@link FlatPolygons}, item numbers = positions in `items`. Coordinates are copied unchanged.
 */
export function flattenPolygons(items: readonly PartsOfRings[]): FlatPolygons {
  let vertices = 0;
  let rings = 0;
  let parts = 0;
  for (const item of items) {
    for (const part of item) {
      parts++;
      for (const ring of part) {
        rings++;
        vertices += ring.length;
      }
    }
  }
  const coords = new Float64Array(2 * vertices);
  const ringStart = new Uint32Array(rings + 1);
  const partRingStart = new Uint32Array(parts + 1);
  const partItem = new Uint32Array(parts);
  let v = 0;
  let r = 0;
  let p = 0;
  items.forEach((item, i) => {
    for (const part of item) {
      partRingStart[p] = r;
      partItem[p] = i;
      p++;
      for (const ring of part) {
        ringStart[r] = v;
        r++;
        for (const pos of ring) {
          coords[2 * v] = pos[0] as number;
          coords[2 * v + 1] = pos[1] as number;
          v++;
        }
      }
    }
  });
  ringStart[rings] = v;
  partRingStart[parts] = r;
  return { coords, ringStart, partRingStart, partItem };
}

/**
 * Builds {@link FlatPolygons} part by part and ring by ring, in typed arrays that grow by
 * doubling (no array per ring or part): the GeoJSON reader validates and copies in one pass.
 * Callers write a ring's vertices straight into {@link coords} after {@link startRing}.
 */
export class FlatPolygonsBuilder {
  /** `[x, y, …]` so far; valid up to `2 * vertices`. Re-read after {@link startRing} (it may grow). */
  coords: Float64Array;
  vertices = 0;
  private ringStart: Uint32Array;
  private rings = 0;
  private partRingStart: Uint32Array;
  private partItem: Uint32Array;
  private parts = 0;

  constructor(vertexCapacity = 1024, partCapacity = 128) {
    this.coords = new Float64Array(2 * Math.max(16, vertexCapacity));
    this.ringStart = new Uint32Array(Math.max(16, partCapacity) + 1);
    // partRingStart always has one element more than partItem (its end).
    this.partRingStart = new Uint32Array(Math.max(16, partCapacity) + 1);
    this.partItem = new Uint32Array(Math.max(16, partCapacity));
  }

  /** Number of parts started so far. */
  get partCount(): number {
    return this.parts;
  }

  /** Starts a part (outer ring, then holes) of `item`; items must not decrease. */
  startPart(item: number): void {
    if (this.parts >= this.partItem.length) {
      const capacity = 2 * this.partItem.length;
      this.partRingStart = grown(this.partRingStart, capacity + 1);
      this.partItem = grown(this.partItem, capacity);
    }
    this.partRingStart[this.parts] = this.rings;
    this.partItem[this.parts] = item;
    this.parts++;
  }

  /**
   * Starts a ring of `n` vertices at vertex {@link vertices} and makes room for them; the caller
   * writes them into {@link coords} and advances {@link vertices}.
   */
  startRing(n: number): void {
    if (this.rings + 1 >= this.ringStart.length) {
      this.ringStart = grown(this.ringStart, 2 * this.ringStart.length);
    }
    this.ringStart[this.rings] = this.vertices;
    this.rings++;
    const need = 2 * (this.vertices + n);
    if (need > this.coords.length) {
      this.coords = grown(this.coords, Math.max(need, 2 * this.coords.length));
    }
  }

  /**
   * The polygons so far. An array filled to at least 7/8 of its capacity is returned as a view
   * (no copy: its slack is small); a fuller one is copied to its exact length.
   */
  finish(): FlatPolygons {
    this.ringStart[this.rings] = this.vertices;
    this.partRingStart[this.parts] = this.rings;
    return {
      coords: fitted(this.coords, 2 * this.vertices),
      ringStart: fitted(this.ringStart, this.rings + 1),
      partRingStart: fitted(this.partRingStart, this.parts + 1),
      partItem: fitted(this.partItem, this.parts),
    };
  }
}

/** The first `length` elements of `a`: a view when they fill 7/8 of it or more, else a copy. */
function fitted<T extends Float64Array | Uint32Array>(a: T, length: number): T {
  return (length >= a.length - (a.length >> 3) ? a.subarray(0, length) : a.slice(0, length)) as T;
}

/** A copy of `a` in a new array of `length` (≥ a.length) elements. */
function grown<T extends Float64Array | Uint32Array>(a: T, length: number): T {
  const b = new (a.constructor as new (n: number) => T)(length);
  b.set(a);
  return b;
}
