/**
 * `natuurlijke-alliantie/arcgis`: the glue for the ArcGIS Maps SDK for JavaScript (`@arcgis/core`,
 * an optional peer dependency): the viewer seam for a `MapView` (give it to
 * `<na-location-check>` as `.viewer`) and the zonering as a layer in the legend's colours.
 */
export {
  createArcgisViewer,
  crsOfSpatialReference,
  wkidOf,
  type ArcgisViewerOptions,
} from './viewer.js';
export {
  createArcgisZoneringLayer,
  createZoneringRenderer,
  geoJsonRings,
  type ArcgisZoneringLayerOptions,
} from './zonering-layer.js';
export * from './renderer-spec.js';
export type { Viewer } from '../map/viewer.js';
