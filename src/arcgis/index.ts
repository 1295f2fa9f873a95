/**
 * `natuurlijke-alliantie/arcgis`: the glue for the ArcGIS Maps SDK for JavaScript. The viewer seam
 * for a `MapView` (give it to `<na-location-check>` as `.viewer`) and the zonering as a layer in
 * the legend's colours. Nothing here imports the SDK at run time: the view, and for the layer the
 * SDK classes, come from the host, so the host's own copy of the SDK is the only one.
 */
export {
  createArcgisViewer,
  crsOfSpatialReference,
  wkidOf,
  type ArcgisViewerOptions,
} from './viewer.js';
export {
  createArcgisZoneringLayer,
  geoJsonRings,
  type ArcgisLayerClasses,
  type ArcgisZoneringLayerOptions,
} from './zonering-layer.js';
export {
  zoneringRendererSpec,
  zoneringRendererJson,
  type SdkColour,
  type FillSpec,
  type ZoneringRendererSpec,
  type SimpleFillJson,
  type UniqueValueRendererJson,
} from './renderer-spec.js';
export type { Viewer } from '../map/viewer.js';
