/**
 * Small pure helpers of `<na-zonering-layer>`: the default opacity, the `visible` attribute
 * converter, and the inputs an attachment was made from (so it is rebuilt only on a real change).
 */
import type OlMap from 'ol/Map.js';
import type { KnowledgeBase } from '../../src/core/kb/types.js';
import type { PolygonSource } from '../../src/core/types.js';
import type { ScaleThresholds } from '../../src/map/zonering-style.js';

/** `visible` is on unless the attribute says `visible="false"`. */
export const visibleConverter = {
  fromAttribute: (value: string | null): boolean => value === null || value !== 'false',
  toAttribute: (value: boolean): string | null => (value ? '' : 'false'),
};

/** `value` within 0–1, or `fallback` when it is not a finite number. */
export function clampOpacity(value: number, fallback: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : fallback;
}

/** The inputs an attachment was made from (to rebuild only on a real change). */
export interface Bound {
  map: OlMap;
  source: PolygonSource | undefined;
  src: string | undefined;
  /** URL of a `tiles.json` (vector tiles); used on maps in EPSG:28992 when there is no `source`. */
  tiles: string | undefined;
  /** URL of a FlatGeobuf file (read per view extent); with `tiles`, used when zoomed in. */
  fgb: string | undefined;
  crs: string | undefined;
  kb: KnowledgeBase | undefined;
  zoneProperty: string;
  thresholds: Partial<ScaleThresholds> | undefined;
}

export function sameBound(a: Bound | undefined, b: Bound): boolean {
  return (
    a !== undefined &&
    a.map === b.map &&
    a.source === b.source &&
    a.src === b.src &&
    a.tiles === b.tiles &&
    a.fgb === b.fgb &&
    a.crs === b.crs &&
    a.kb === b.kb &&
    a.zoneProperty === b.zoneProperty &&
    a.thresholds === b.thresholds
  );
}
