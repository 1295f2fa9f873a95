/**
 * Registers `<na-zonering-layer>` on import. Importing this module twice, or next to another copy of
 * the library, warns instead of throwing (see `defineElement`).
 */
import { defineElement } from '../shared/define.js';
import { NaZoneringLayer } from './zonering-layer.js';

export const ZONERING_LAYER_TAG = 'na-zonering-layer';

/**
 * Registers `<na-zonering-layer>` (done on import already). Safe to call again: returns false and, when
 * another copy of the library registered the tag first, warns.
 */
export function defineZoneringLayer(): boolean {
  return defineElement(ZONERING_LAYER_TAG, NaZoneringLayer);
}

defineZoneringLayer();

export {
  NaZoneringLayer,
  DEFAULT_ZONERING_OPACITY,
  NaZoneHoverEvent,
  NaZoneringChangeEvent,
  NaZoneringErrorEvent,
  zoneringLayerMessages,
  zonesInView,
  watchZonesInView,
  zoneringColour,
  zoneringLegend,
  scaleForResolution,
  DEFAULT_SCALE_THRESHOLDS,
  mapCrs,
  type ZoneringLayerState,
  type ZoneHoverDetail,
  type ZoneringChangeDetail,
  type ZoneringErrorCode,
  type ZoneringErrorDetail,
  type ZoneHover,
  type ZoneringLayer,
  type ZoneringLayerOptions,
  type ZonesInView,
  type ScaleThresholds,
} from './index.js';

declare global {
  interface HTMLElementTagNameMap {
    'na-zonering-layer': NaZoneringLayer;
  }
}
