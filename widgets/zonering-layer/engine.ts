/**
 * The engine of `<na-zonering-layer>`: the default knowledge base (colours and names), the map
 * layer and its attachment (with the RD New reprojection, proj4), and the loads of `src` and
 * `tiles` (GeoJSON source, sources-file loader). Not part of the element's first load:
 * `engineModule.load()` (./engine-loader.ts) imports this module with a dynamic `import()` when the element first has a
 * map and something to draw, so a host's bundler puts it in a chunk of its own.
 */
export { defaultKnowledgeBase } from '../../src/core/kb/default.js';
export { attachZonering, attachZoneringLayer } from '../../src/map/zonering-attachment.js';
export {
  loadErrorCode,
  loadErrorText,
  loadZoneringFgb,
  loadZoneringFile,
  loadZoneringTileLayer,
  loadZoneringTiles,
} from './load.js';
