/**
 * The engine of `<na-kansenkaart-layer>` (and the labels of `<na-kansenkaart-legend>`): the default
 * knowledge base, the map layers of an export (vector polygons, with the load of `src` through the
 * sources-file module) and of a computed map (an image), with the RD New reprojection (proj4). Not
 * part of the elements' first load: `engineModule.load()` (./engine-loader.ts) imports this module
 * with a dynamic `import()` when the layer first has a map and `src` or `sources` (the legend: when
 * it first has a layer), so a host's bundler puts it in a chunk of its own. The computation itself
 * runs in a module Worker with its own copy (main-thread fallback imported on first use).
 */
export { defaultKnowledgeBase } from '../../src/core/kb/default.js';
export {
  attachKansenkaart,
  fetchKansenkaart,
  rdToMap,
  viewExtentRd,
} from '../../src/map/kansenkaart-layer.js';
export { attachKansenkaartRaster } from '../../src/map/kansenkaart-raster.js';
