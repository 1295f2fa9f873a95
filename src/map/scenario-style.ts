/**
 * How scenarios look on a map and in a file: the colours and OpenLayers styles of the measure
 * types, and a scenario as GeoJSON. Without the projection set-up of scenario-layers.ts (proj4), so
 * the widget loads this up front and the layers on demand.
 */
import type { Feature as GeoJsonFeature, FeatureCollection } from 'geojson';
import type { FeatureLike } from 'ol/Feature.js';
import Fill from 'ol/style/Fill.js';
import Stroke from 'ol/style/Stroke.js';
import Style from 'ol/style/Style.js';
import type { PolyGeom } from '../core/geometry.js';
import { MEASURE_TYPES, type MeasureType } from '../core/scenario/measure-types.js';
import type { Scenario } from '../core/scenario/scenario.js';

/** What a scenario layer draws: the measure types and the planning area outline. */
export type ScenarioStyleKey = MeasureType | 'plangebied';

/** Colours of the measure types on the map (and in the widget's legend): fill and outline. */
export interface MeasureColour {
  /** `#rrggbb` */
  fill: string;
  /** Fill opacity 0–1. */
  opacity: number;
  /** `#rrggbb` */
  stroke: string;
  /** Dash pattern of the outline (px), when dashed. */
  dash?: number[];
}

/**
 * The colours of the measure types: grey for roofs and paving, greens for vegetation, blues for
 * water and storage. Overlays (`bomen`, `infiltratiekrat`) are translucent or outlined so the land
 * cover stays visible underneath. Colour is never the only cue: the widget's legend and table name
 * every type.
 */
export const MEASURE_COLOURS: Readonly<Record<ScenarioStyleKey, MeasureColour>> = {
  dak: { fill: '#9e9e9e', opacity: 0.85, stroke: '#616161' },
  'groen-dak': { fill: '#9ccc65', opacity: 0.85, stroke: '#558b2f' },
  'blauw-groen-dak': { fill: '#4db6ac', opacity: 0.85, stroke: '#00796b' },
  verharding: { fill: '#5d5d5d', opacity: 0.8, stroke: '#3a3a3a' },
  'waterdoorlatende-verharding': { fill: '#bcaaa4', opacity: 0.85, stroke: '#795548' },
  gras: { fill: '#c5e1a5', opacity: 0.85, stroke: '#7cb342' },
  beplanting: { fill: '#689f38', opacity: 0.85, stroke: '#33691e' },
  bomen: { fill: '#1b5e20', opacity: 0.45, stroke: '#1b5e20' },
  wadi: { fill: '#81d4fa', opacity: 0.85, stroke: '#0277bd', dash: [6, 3] },
  infiltratiekrat: { fill: '#ffb300', opacity: 0.35, stroke: '#e65100', dash: [4, 4] },
  'open-water': { fill: '#1e88e5', opacity: 0.85, stroke: '#0d47a1' },
  kelder: { fill: '#6d4c41', opacity: 0.3, stroke: '#3e2723', dash: [2, 4] },
  parkeerkelder: { fill: '#4e342e', opacity: 0.3, stroke: '#3e2723', dash: [8, 4] },
  plangebied: { fill: '#ffffff', opacity: 0, stroke: '#000000', dash: [10, 6] },
};

/** Drawing order: land cover first, then overlays, the planning area outline on top. */
const Z_ORDER: Readonly<Record<ScenarioStyleKey, number>> = {
  ...(Object.fromEntries(MEASURE_TYPES.map((t) => [t, 1])) as Record<MeasureType, number>),
  bomen: 2,
  infiltratiekrat: 3,
  kelder: 3,
  parkeerkelder: 3,
  plangebied: 4,
};

function rgba(hex: string, alpha: number): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return hex;
  return `rgba(${parseInt(m[1]!, 16)}, ${parseInt(m[2]!, 16)}, ${parseInt(m[3]!, 16)}, ${alpha})`;
}

const styleCache = new Map<string, Style>();

/** The map style of a measure type (unknown types get the paving style with a dashed outline). */
export function measureStyle(type: string): Style {
  let style = styleCache.get(type);
  if (style) return style;
  const key = (type in MEASURE_COLOURS ? type : 'verharding') as ScenarioStyleKey;
  const c = MEASURE_COLOURS[key];
  style = new Style({
    fill: new Fill({ color: rgba(c.fill, c.opacity) }),
    stroke: new Stroke({
      color: c.stroke,
      width: key === 'plangebied' ? 2.5 : 1,
      ...(c.dash ? { lineDash: c.dash } : type in MEASURE_COLOURS ? {} : { lineDash: [2, 2] }),
    }),
    zIndex: Z_ORDER[key],
  });
  styleCache.set(type, style);
  return style;
}

export function styleFunction(feature: FeatureLike): Style {
  const type = feature.get('type') as unknown;
  return measureStyle(typeof type === 'string' ? type : 'verharding');
}

/**
 * A scenario as a GeoJSON FeatureCollection in EPSG:28992 (RD New) with a QGIS-style `crs` member:
 * the planning area as a `plangebied` feature first, then every measure with its original
 * properties and `index` (position in the source file). `extra(index)` adds properties per feature.
 */
export function scenarioToGeoJson(
  scenario: Scenario,
  extra: (index: number) => Record<string, unknown> = () => ({}),
): FeatureCollection & { name: string; crs: unknown } {
  const features: GeoJsonFeature[] = [];
  if (scenario.planningArea) {
    features.push({
      type: 'Feature',
      properties: { type: 'plangebied' },
      geometry: toGeoJsonGeometry(scenario.planningArea),
    });
  }
  for (const f of scenario.features) {
    features.push({
      type: 'Feature',
      ...(f.id !== undefined ? { id: f.id } : {}),
      properties: { ...f.properties, type: f.type, index: f.index, ...extra(f.index) },
      geometry: toGeoJsonGeometry(f.geometry),
    });
  }
  return {
    type: 'FeatureCollection',
    name: scenario.name,
    crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } },
    ...(scenario.sewerCapacityMmH !== undefined
      ? { sewer_capacity_mm_h: scenario.sewerCapacityMmH }
      : {}),
    features,
  };
}

function toGeoJsonGeometry(g: PolyGeom): GeoJsonFeature['geometry'] {
  return g.type === 'Polygon'
    ? { type: 'Polygon', coordinates: g.coordinates }
    : { type: 'MultiPolygon', coordinates: g.coordinates };
}
