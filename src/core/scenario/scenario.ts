/**
 * Scenarios: named GeoJSON FeatureCollections of land-cover and measure polygons over a planning
 * area. Input in lon/lat (RFC 7946) or with a `crs` member (as QGIS writes RD files); everything is
 * converted to EPSG:28992 for the indicators.
 */
import { normalizeCrs, toCrs } from '../crs.js';
import { NaError, type SupportedCrs } from '../types.js';
import {
  bboxOf,
  intersectionArea,
  planarArea,
  segmentsCross,
  type PolyGeom,
  type Ring,
} from '../geometry.js';
import { MEASURE_TYPES, type MeasureType } from './params.js';

/** One land-cover or measure polygon of a scenario, in RD. */
export interface ScenarioFeature {
  /** Index of the feature in the input file. */
  index: number;
  id?: string | number;
  type: MeasureType;
  geometry: PolyGeom;
  area: number;
  /** Optional per-feature parameters. */
  storageDepthM?: number;
  ownStorageMm?: number;
  homes?: number;
  properties: Record<string, unknown>;
}

export interface Scenario {
  name: string;
  features: ScenarioFeature[];
  /** Planning area (RD) when given in the file (`planningArea` member or a feature of type `plangebied`). */
  planningArea?: PolyGeom;
  /** Sewer capacity of this scenario, mm/h (`sewer_capacity_mm_h`), when given. */
  sewerCapacityMmH?: number;
  /** The CRS the file was in. */
  sourceCrs: SupportedCrs;
}

/** Error in a scenario file: `code` is stable, the message names the file, feature and value. */
export class ScenarioError extends NaError {}

function fail(code: string, message: string, details: Record<string, unknown> = {}): never {
  throw new ScenarioError(code, message, details);
}

function num(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

function readCrs(fc: Record<string, unknown>, override?: string): SupportedCrs {
  if (override) return normalizeCrs(override);
  const member = fc.crs as { properties?: { name?: unknown } } | undefined;
  if (member?.properties?.name !== undefined) return normalizeCrs(member.properties.name);
  return 'EPSG:4326';
}

function convertRing(ring: unknown, from: SupportedCrs, where: string): Ring {
  if (!Array.isArray(ring) || ring.length < 4)
    fail('invalid-geometry', `${where}: a ring needs at least 4 positions.`);
  const out: Ring = ring.map((pos, i) => {
    if (
      !Array.isArray(pos) ||
      typeof pos[0] !== 'number' ||
      typeof pos[1] !== 'number' ||
      !Number.isFinite(pos[0]) ||
      !Number.isFinite(pos[1])
    ) {
      fail('invalid-geometry', `${where}: position ${i} is not a pair of numbers.`);
    }
    return from === 'EPSG:28992' ? [pos[0], pos[1]] : toCrs([pos[0], pos[1]], from, 'EPSG:28992');
  });
  const a = out[0]!;
  const b = out[out.length - 1]!;
  if (Math.abs(a[0] - b[0]) > 1e-6 || Math.abs(a[1] - b[1]) > 1e-6)
    fail('invalid-geometry', `${where}: the ring is not closed.`);
  return out;
}

function convertGeometry(g: unknown, from: SupportedCrs, where: string): PolyGeom {
  const geom = g as { type?: unknown; coordinates?: unknown } | null;
  if (!geom || (geom.type !== 'Polygon' && geom.type !== 'MultiPolygon')) {
    fail(
      'invalid-geometry',
      `${where}: the geometry must be a Polygon or MultiPolygon (found ${geom ? String(geom.type) : 'none'}).`,
    );
  }
  if (!Array.isArray(geom.coordinates) || geom.coordinates.length === 0)
    fail('invalid-geometry', `${where}: no coordinates.`);
  const result: PolyGeom =
    geom.type === 'Polygon'
      ? {
          type: 'Polygon',
          coordinates: (geom.coordinates as unknown[]).map((r) => convertRing(r, from, where)),
        }
      : {
          type: 'MultiPolygon',
          coordinates: (geom.coordinates as unknown[]).map((p) => {
            if (!Array.isArray(p))
              fail('invalid-geometry', `${where}: a MultiPolygon part is not a list of rings.`);
            return p.map((r) => convertRing(r, from, where));
          }),
        };
  if (planarArea(result) <= 0) fail('invalid-geometry', `${where}: the polygon has no area.`);
  if (selfIntersects(result)) fail('invalid-geometry', `${where}: the polygon intersects itself.`);
  return result;
}

function selfIntersects(g: PolyGeom): boolean {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  for (const poly of polys) {
    for (const ring of poly) {
      const n = ring.length - 1;
      if (n > 400) continue; // quadratic check only on small rings; large rings come from GIS tools
      for (let i = 0; i < n; i++) {
        for (let j = i + 2; j < n; j++) {
          if (i === 0 && j === n - 1) continue;
          if (segmentsCross(ring[i]!, ring[i + 1]!, ring[j]!, ring[j + 1]!)) return true;
        }
      }
    }
  }
  return false;
}

/**
 * Parses and validates a scenario from parsed GeoJSON.
 * @param data a GeoJSON FeatureCollection
 * @param options `fileName` names the scenario when the collection has no `name`; `crs` overrides the data CRS
 * @throws ScenarioError (`invalid-scenario`, `invalid-geometry`, `unknown-measure-type`, `outside-planning-area`)
 */
export function parseScenario(
  data: unknown,
  options: { fileName?: string; crs?: string } = {},
): Scenario {
  const file = options.fileName ?? 'scenario';
  const fc = data as Record<string, unknown> | null;
  if (
    !fc ||
    typeof fc !== 'object' ||
    fc.type !== 'FeatureCollection' ||
    !Array.isArray(fc.features)
  ) {
    fail('invalid-scenario', `${file}: a scenario must be a GeoJSON FeatureCollection.`);
  }
  const crs = readCrs(fc, options.crs);
  const name =
    typeof fc.name === 'string' && fc.name.trim() !== ''
      ? fc.name.trim()
      : file.replace(/^.*[\\/]/, '').replace(/\.(geo)?json$/i, '');
  const fcProps = (fc.properties ?? {}) as Record<string, unknown>;
  const sewer = num(fc.sewer_capacity_mm_h) ?? num(fcProps.sewer_capacity_mm_h);
  let planningArea: PolyGeom | undefined =
    fc.planningArea !== undefined
      ? convertGeometry(fc.planningArea, crs, `${file} planningArea`)
      : undefined;
  const features: ScenarioFeature[] = [];
  (fc.features as unknown[]).forEach((f, index) => {
    const feat = f as {
      type?: unknown;
      geometry?: unknown;
      properties?: unknown;
      id?: unknown;
    } | null;
    const where = `${file} feature ${index}`;
    if (!feat || feat.type !== 'Feature')
      fail('invalid-scenario', `${where}: not a GeoJSON Feature.`);
    const props = (feat.properties ?? {}) as Record<string, unknown>;
    const type = typeof props.type === 'string' ? props.type.trim() : props.type;
    if (type === 'plangebied') {
      planningArea = convertGeometry(feat.geometry, crs, where);
      return;
    }
    if (typeof type !== 'string' || !(MEASURE_TYPES as readonly string[]).includes(type)) {
      fail(
        'unknown-measure-type',
        `${where}: unknown measure type ${JSON.stringify(type ?? null)} (property "type"). Known types: ${MEASURE_TYPES.join(', ')}.`,
        { index, type },
      );
    }
    const geometry = convertGeometry(feat.geometry, crs, where);
    const storageDepthM = num(props.storage_depth_m);
    const ownStorageMm = num(props.own_storage_mm);
    const homes = num(props.homes ?? props.woningen);
    for (const [k, v] of [
      ['storage_depth_m', storageDepthM],
      ['own_storage_mm', ownStorageMm],
      ['homes', homes],
    ] as const) {
      if (v !== undefined && v < 0)
        fail('invalid-scenario', `${where}: ${k} must not be negative.`);
    }
    features.push({
      index,
      ...(typeof feat.id === 'string' || typeof feat.id === 'number' ? { id: feat.id } : {}),
      type: type as MeasureType,
      geometry,
      area: planarArea(geometry),
      ...(storageDepthM !== undefined ? { storageDepthM } : {}),
      ...(ownStorageMm !== undefined ? { ownStorageMm } : {}),
      ...(homes !== undefined ? { homes } : {}),
      properties: props,
    });
  });
  if (features.length === 0)
    fail('invalid-scenario', `${file}: the scenario has no measure polygons.`);
  if (planningArea) {
    const pa = planningArea;
    const pb = bboxOf(pa);
    for (const f of features) {
      const b = bboxOf(f.geometry);
      const inside =
        b[0] >= pb[0] - 0.5 && b[1] >= pb[1] - 0.5 && b[2] <= pb[2] + 0.5 && b[3] <= pb[3] + 0.5
          ? intersectionArea(f.geometry, pa) >= f.area * 0.99
          : false;
      if (!inside) {
        fail(
          'outside-planning-area',
          `${file} feature ${f.index} (${f.type}) lies (partly) outside the planning area.`,
          { index: f.index },
        );
      }
    }
  }
  return {
    name,
    features,
    ...(planningArea ? { planningArea } : {}),
    ...(sewer !== undefined ? { sewerCapacityMmH: sewer } : {}),
    sourceCrs: crs,
  };
}
