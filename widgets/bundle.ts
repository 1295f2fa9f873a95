/**
 * Entry of the script-tag bundles (vite.bundle.config.ts, docs/embedding.md): every element,
 * registered on import (the kansenkaart elements on demand: their code loads when one appears in
 * the page, see `loadKansenkaart`), plus what a page without a bundler needs to make a map for them:
 * `createRdMap` and `loadRd` (both resolve once RD New is registered; proj4 loads on demand),
 * `createGeoJsonSource` (on demand too) and a few OpenLayers building blocks. In
 * `natuurlijke-alliantie.js` these come from the page's own `ol` (import map); in
 * `natuurlijke-alliantie.standalone.js` from the copy bundled in it, so the page and the elements
 * share one OpenLayers either way.
 */
export * from './zonering-layer/define.js';
export * from './zonering-legend/define.js';
export * from './location-check/define.js';
export * from './address-search/define.js';
export * from './scenario-compare/define.js';
export { defineElement } from './shared/define.js';
export { applyWidgetTexts, WidgetTextsError, type WidgetLang } from './shared/lang.js';
export { createOlViewer } from '../src/map/ol-viewer.js';
export type {
  NaKansenkaartLayer,
  NaKansenkaartSelectEvent,
  NaKansenkaartChangeEvent,
  KansenkaartLayerState,
  KansenkaartChangeDetail,
  FailedSource,
} from './kansenkaart-layer/define.js';
export type { NaKansenkaartLegend } from './kansenkaart-legend/define.js';
// RD New without proj4 up front: `loadRd()` and `createRdMap()` resolve once EPSG:28992 is
// registered (proj4 loads on demand, only when the page's `ol` does not know EPSG:28992 yet).
export { loadRd, loadRdMap as createRdMap } from '../src/map/rd-load.js';
export { rdTileGrid, type RdMapOptions } from '../src/map/rd-grid.js';
export { mapCrs } from '../src/map/map-crs.js';
export type { GeoJsonSource, GeoJsonSourceOptions } from '../src/sources/geojson.js';
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

import type { KnowledgeBase } from '../src/core/kb/types.js';
import type { GeoJsonSource, GeoJsonSourceOptions } from '../src/sources/geojson.js';
import { defineOnDemand } from './shared/define-on-demand.js';

/**
 * The knowledge base shipped with the library (`defaultKnowledgeBase()` of the core), loaded on
 * demand: its data is a chunk in `chunks/` beside the bundle, not part of the first load. (Until
 * issue #11's split the bundle exported `defaultKnowledgeBase` itself.) From the module of the
 * default alone, not `load.ts`: the shipped data needs no schema validators.
 */
export async function loadDefaultKnowledgeBase(): Promise<KnowledgeBase> {
  const { defaultKnowledgeBase } = await import('../src/core/kb/default.js');
  return defaultKnowledgeBase();
}

/**
 * A fact or zonering source from GeoJSON (`new GeoJsonSource(options)` of the package), with its
 * validation and spatial index loaded on demand (a chunk in `chunks/` beside the bundle).
 */
export async function createGeoJsonSource(options: GeoJsonSourceOptions): Promise<GeoJsonSource> {
  const { GeoJsonSource } = await import('../src/sources/geojson.js');
  return new GeoJsonSource(options);
}

/** The tags of the kansenkaart elements, whose code loads on demand. */
export const KANSENKAART_LAYER_TAG = 'na-kansenkaart-layer';
export const KANSENKAART_LEGEND_TAG = 'na-kansenkaart-legend';

/**
 * `<na-kansenkaart-layer>` and `<na-kansenkaart-legend>` (the kansenkaart computes in the browser:
 * the largest elements) are not in the first load: their code (a chunk in `chunks/` beside the
 * bundle) loads when the first of them appears in the document, and the browser then upgrades
 * them. `loadKansenkaart()` loads it at once (e.g. for elements in a shadow root) and resolves
 * when both are defined.
 */
export const loadKansenkaart: () => Promise<void> = defineOnDemand(
  [KANSENKAART_LAYER_TAG, KANSENKAART_LEGEND_TAG],
  () =>
    Promise.all([
      import('./kansenkaart-layer/define.js'),
      import('./kansenkaart-legend/define.js'),
    ]),
);
