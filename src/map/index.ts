/**
 * `natuurlijke-alliantie/map`: the OpenLayers glue without the web components. The viewer seam
 * (`createOlViewer`), the zonering layer and its hover/legend bindings, RD New (EPSG:28992) set-up.
 * `ol` is a peer dependency: the host's own copy is used.
 */
export type { Viewer } from './viewer.js';
export { createOlViewer, type OlViewer, type OlViewerOptions } from './ol-viewer.js';
export {
  registerRd,
  rdTileGrid,
  mapCrs,
  projectionCrs,
  RD_EXTENT,
  RD_TILE_ORIGIN,
  RD_RESOLUTION_0,
  RD_MAX_ZOOM,
  type RdTileGridOptions,
} from './projection.js';
export { createRdMap, type RdMapOptions } from './rd-map.js';
export {
  createZoneringLayer,
  bindZoneringHover,
  zonesInView,
  watchZonesInView,
  ZoneringLayer,
  type ZoneringLayerOptions,
  type ZoneHover,
  type CentreReport,
  type ZonesInView,
} from './zonering-layer.js';
export {
  attachZonering,
  type ZoneringAttachmentOptions,
  type ZoneringAttachment,
} from './zonering-attachment.js';
export { createZoneTooltip, ZoneTooltip } from './zone-tooltip.js';
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
} from './zonering-style.js';
export {
  findOlMap,
  trackOlMaps,
  watchMapTarget,
  type MapTargetProblem,
  type MapTargetWatch,
} from './map-target.js';
export { addMapFocusRing, MapFocusRing } from './map-focus-ring.js';
export { labelZoomButtons, motionDuration, type ZoomButtonTexts } from './ol-controls.js';
export {
  viewState,
  describeMove,
  describeView,
  type Compass,
  type ViewState,
  type ViewMove,
  type ViewPart,
  type ViewDescription,
} from './view-description.js';
export {
  ScenarioLayers,
  type ScenarioLayerInput,
  type ScenarioLayersOptions,
  type ScenarioView,
  type SwipeControl,
} from './scenario-layers.js';
export {
  MEASURE_COLOURS,
  measureStyle,
  scenarioToGeoJson,
  type MeasureColour,
  type ScenarioStyleKey,
} from './scenario-style.js';
export {
  createScenarioDrawing,
  type ScenarioDrawing,
  type ScenarioDrawingOptions,
} from './draw.js';
