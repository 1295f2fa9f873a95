/**
 * Entry of the script-tag bundles (vite.bundle.config.ts, docs/embedding.md): every element,
 * registered on import, plus what a page without a bundler needs to make a map for them:
 * `createRdMap`, RD New set-up and a few OpenLayers building blocks. In
 * `natuurlijke-alliantie.js` these come from the page's own `ol` (import map); in
 * `natuurlijke-alliantie.standalone.js` from the copy bundled in it, so the page and the elements
 * share one OpenLayers either way. The elements' names are those of `natuurlijke-alliantie/widgets`
 * (widgets/index.ts).
 */
export * from './index.js';
export { createOlViewer } from '../src/map/ol-viewer.js';
export { createRdMap, type RdMapOptions } from '../src/map/rd-map.js';
export { registerRd, rdTileGrid, mapCrs } from '../src/map/projection.js';
export { defaultKnowledgeBase } from '../src/core/kb/load.js';
export { GeoJsonSource } from '../src/sources/geojson.js';
export { default as OlMap } from 'ol/Map.js';
export { default as View } from 'ol/View.js';
export { default as TileLayer } from 'ol/layer/Tile.js';
export { default as ImageLayer } from 'ol/layer/Image.js';
export { default as VectorLayer } from 'ol/layer/Vector.js';
export { default as VectorSource } from 'ol/source/Vector.js';
export { default as WMTS } from 'ol/source/WMTS.js';
export { default as TileWMS } from 'ol/source/TileWMS.js';
export { default as ImageWMS } from 'ol/source/ImageWMS.js';
export { default as GeoJSON } from 'ol/format/GeoJSON.js';
