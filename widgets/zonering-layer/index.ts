/**
 * `<na-zonering-layer>`: the zonering (landscape types and BKNSN zones) as a layer on an
 * OpenLayers map. Import `./define.js` to register the tag.
 */
export {
  NaZoneringLayer,
  DEFAULT_ZONERING_OPACITY,
  type ZoneringLayerState,
} from './zonering-layer.js';
export {
  NaZoneHoverEvent,
  NaZoneringChangeEvent,
  NaZoneringErrorEvent,
  type ZoneHoverDetail,
  type ZoneringChangeDetail,
  type ZoneringErrorCode,
  type ZoneringErrorDetail,
} from './events.js';
export { messages as zoneringLayerMessages } from './messages.js';
export {
  createZoneringLayer,
  bindZoneringHover,
  zonesInView,
  watchZonesInView,
  ZoneringLayer,
  type ZoneHover,
  type ZoneringLayerOptions,
  type ZonesInView,
} from '../../src/map/zonering-layer.js';
export {
  zoneringColour,
  zoneringLegend,
  scaleForResolution,
  DEFAULT_SCALE_THRESHOLDS,
  type ScaleThresholds,
} from '../../src/map/zonering-style.js';
export { registerRd, rdTileGrid, mapCrs } from '../../src/map/projection.js';
