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
// The map layer itself (`createZoneringLayer`, `ZoneringLayer`, `bindZoneringHover`) and the RD
// New set-up (`registerRd`, `rdTileGrid`) reproject with proj4: they are exported by
// `natuurlijke-alliantie/map`, not here, so the element's first load stays without them.
export type {
  ZoneHover,
  ZoneringLayer,
  ZoneringLayerOptions,
} from '../../src/map/zonering-layer.js';
export { zonesInView, watchZonesInView, type ZonesInView } from '../../src/map/zones-in-view.js';
export {
  zoneringColour,
  zoneringLegend,
  scaleForResolution,
  DEFAULT_SCALE_THRESHOLDS,
  type ScaleThresholds,
} from '../../src/map/zonering-style.js';
export { mapCrs } from '../../src/map/map-crs.js';
