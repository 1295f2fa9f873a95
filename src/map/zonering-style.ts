/**
 * The zonering colours, labels and legend model. They are pure and live in core
 * (src/core/zonering-style.ts) so every renderer (OpenLayers, ArcGIS, SLD/QML export, legend) uses
 * the same function; this module re-exports them for the map glue and existing imports.
 */
export {
  scaleForResolution,
  showsTypes,
  mainTypeCode,
  zoneringType,
  typeColour,
  typeName,
  zoneringColour,
  zoneringOutline,
  zoneringLabel,
  zoneName,
  zoneringLegend,
  zoneringHatch,
  DEFAULT_SCALE_THRESHOLDS,
  UNKNOWN_ZONE_COLOUR,
  MAIN_TYPE_PREFIX,
  type ScaleThresholds,
  type ZoneringTypeRef,
  type ZoneringOutline,
  type LegendExplanation,
  type LegendEntry,
  type ZoneringLegend,
  type ZoneringHatch,
} from '../core/zonering-style.js';
