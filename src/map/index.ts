/**
 * `natuurlijke-alliantie/map`: the OpenLayers glue without the web components. The viewer seam
 * (`createOlViewer`), the zonering layer and its hover/legend bindings, RD New (EPSG:28992) set-up.
 * `ol` is a peer dependency: the host's own copy is used.
 */
export type { Viewer } from './viewer.js';
export { createOlViewer, type OlViewerOptions } from './ol-viewer.js';
export * from './projection.js';
export { createRdMap, type RdMapOptions } from './rd-map.js';
export * from './zonering-layer.js';
export * from './zonering-attachment.js';
export * from './zone-tooltip.js';
export * from './zonering-style.js';
export {
  findOlMap,
  trackOlMaps,
  watchMapTarget,
  type MapTargetProblem,
  type MapTargetWatch,
} from './map-target.js';
export * from './map-focus-ring.js';
export * from './ol-controls.js';
export * from './view-description.js';
