/**
 * The natural system under a planning area, read from fact sources: the polygons of every
 * {@link PolygonSource} that provides a zone, soil code, groundwater class or seepage become the indexed
 * layers of the scenario comparer (`naturalSystem()` in src/core/scenario/overlay.ts).
 *
 * The polygons are read in EPSG:28992 (RD New, metres), where the comparer computes. The values are
 * the fact properties a source adds to its polygons (`zone`, `soilCode`, `gt`; see
 * `GeoJsonSource.polygons`): a polygon whose fact has no valid value (the Bodemkaart's
 * `|h BEBOUW` in built-up areas, `|g WATER`) is left out, so its area counts as unmapped.
 */
import { defined } from '../core/defined.js';
import { bboxOf, bboxOverlap, type BBox, type PolyGeom, type Ring } from '../core/geometry.js';
import { naturalSystem, type NaturalSystem, type SystemPolygon } from '../core/scenario/overlay.js';
import type { FactSource, PolygonFeatureCollection, PolygonSource } from '../core/types.js';

/** The three layers of the natural system and the fact that fills each. */
export const SYSTEM_LAYER_FACTS = {
  zones: 'zone',
  soil: 'soilCode',
  groundwater: 'gt',
  seepage: 'seepage',
} as const;
export type SystemLayerName = keyof typeof SYSTEM_LAYER_FACTS;

/** Options of {@link naturalSystemFromSources} and {@link systemPolygonsFromSources}. */
export interface NaturalSystemOptions {
  /** Aborts reading the polygons; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
  /**
   * Only polygons whose bounding box overlaps this box `[minX, minY, maxX, maxY]` in EPSG:28992
   * (m), e.g. the planning areas of the scenarios. Default: every polygon.
   */
  bbox?: BBox;
}

/** The polygons of each layer, and which sources filled it (ids, in source order). */
export interface SystemPolygons {
  zones: SystemPolygon[];
  soil: SystemPolygon[];
  groundwater: SystemPolygon[];
  seepage: SystemPolygon[];
  sourceIds: Record<SystemLayerName, string[]>;
}

/** Whether a fact source can hand out its polygons. */
export function isPolygonSource(source: FactSource): source is PolygonSource {
  return typeof (source as Partial<PolygonSource>).polygons === 'function';
}

const LAYERS = Object.keys(SYSTEM_LAYER_FACTS) as SystemLayerName[];

/**
 * Reads the system polygons of every polygon source that provides `zone`, `soilCode`, `gt` or
 * `seepage`.
 * Sources that provide none of these, or cannot hand out polygons (a WMS, a point service), are
 * skipped. A source that provides several facts fills several layers. Sources are read in
 * parallel; the polygons keep the order of the sources and of their features (deterministic).
 */
export async function systemPolygonsFromSources(
  sources: readonly FactSource[],
  options: NaturalSystemOptions = {},
): Promise<SystemPolygons> {
  const { signal, bbox } = options;
  signal?.throwIfAborted();
  const relevant = sources.filter(
    (s) => isPolygonSource(s) && LAYERS.some((l) => s.provides.includes(SYSTEM_LAYER_FACTS[l])),
  ) as PolygonSource[];
  const collections = await Promise.all(
    relevant.map((s) => s.polygons('EPSG:28992', defined({ signal }))),
  );
  signal?.throwIfAborted();
  const out: SystemPolygons = {
    zones: [],
    soil: [],
    groundwater: [],
    seepage: [],
    sourceIds: { zones: [], soil: [], groundwater: [], seepage: [] },
  };
  relevant.forEach((source, i) => {
    const fc = collections[i] as PolygonFeatureCollection;
    for (const layer of LAYERS) {
      const fact = SYSTEM_LAYER_FACTS[layer];
      if (!source.provides.includes(fact)) continue;
      const polygons = toSystemPolygons(fc, fact, bbox);
      out[layer].push(...polygons);
      out.sourceIds[layer].push(source.id);
    }
  });
  return out;
}

/**
 * The natural system (zones, soil, groundwater; each indexed) from fact sources, for
 * `compareScenarios`. See {@link systemPolygonsFromSources} for which sources count.
 */
export async function naturalSystemFromSources(
  sources: readonly FactSource[],
  options: NaturalSystemOptions = {},
): Promise<NaturalSystem> {
  const { zones, soil, groundwater, seepage } = await systemPolygonsFromSources(sources, options);
  return naturalSystem({ zones, soil, groundwater, seepage });
}

function toSystemPolygons(
  fc: PolygonFeatureCollection,
  fact: string,
  bbox: BBox | undefined,
): SystemPolygon[] {
  const out: SystemPolygon[] = [];
  for (const f of fc.features) {
    const value = Object.prototype.hasOwnProperty.call(f.properties, fact)
      ? f.properties[fact]
      : undefined;
    if (typeof value !== 'string' || value === '') continue;
    const geometry = toPolyGeom(f.geometry);
    if (!geometry) continue;
    if (bbox && !bboxOverlap(bboxOf(geometry), bbox)) continue;
    out.push({ geometry, value });
  }
  return out;
}

/** Copies the coordinates as `[x, y]` pairs (dropping z); null for anything that is not a polygon. */
function toPolyGeom(g: PolygonFeatureCollection['features'][number]['geometry']): PolyGeom | null {
  const ring = (r: unknown): Ring | null => {
    if (!Array.isArray(r)) return null;
    const out: Ring = [];
    for (const p of r) {
      if (!Array.isArray(p) || typeof p[0] !== 'number' || typeof p[1] !== 'number') return null;
      out.push([p[0], p[1]]);
    }
    return out;
  };
  const polygon = (rings: unknown): Ring[] | null => {
    if (!Array.isArray(rings)) return null;
    const out: Ring[] = [];
    for (const r of rings) {
      const converted = ring(r);
      if (!converted) return null;
      out.push(converted);
    }
    return out;
  };
  if (g.type === 'Polygon') {
    const coordinates = polygon(g.coordinates);
    return coordinates ? { type: 'Polygon', coordinates } : null;
  }
  if (!Array.isArray(g.coordinates)) return null;
  const parts: Ring[][] = [];
  for (const p of g.coordinates as unknown[]) {
    const converted = polygon(p);
    if (!converted) return null;
    parts.push(converted);
  }
  return { type: 'MultiPolygon', coordinates: parts };
}
