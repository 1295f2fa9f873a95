/**
 * `natuurlijke-alliantie`: the core entry. The domain (knowledge base, rule engine, derivations,
 * scenario indicators, zonering colours and SLD/QML export) and the fact sources that need no DOM.
 * Runs the same in Node, a browser and a (module) worker: no DOM, no `ol`, no `lit`.
 *
 * The web components are in `natuurlijke-alliantie/widgets` (all) or one entry per element
 * (`natuurlijke-alliantie/location-check`, …); the OpenLayers glue in `natuurlijke-alliantie/map`.
 */
export * from './core/types.js';
export * from './core/crs.js';
export type * from './core/report.js';
export type * from './core/kb/types.js';
export {
  defaultKnowledgeBase,
  validateKnowledgeBase,
  parseKnowledgeBaseFile,
  parseKnowledgeBaseExtension,
  extendKnowledgeBase,
  zoneByCode,
  landscapeTypeById,
  label as kbText,
  KnowledgeBaseError,
  formatIssue,
  KNOWLEDGE_BASE_SCHEMA,
  NO_DATA_REASONS,
  REASON_PLACEHOLDERS,
  requiredLabelKeys,
  type KbIssueCode,
  type KnowledgeBaseIssue,
} from './core/kb/load.js';
export * from './core/assess.js';
export * from './core/localize.js';
export * from './core/soil.js';
export * from './core/groundwater.js';
export * from './core/hsg.js';
export * from './core/zonering-style.js';
export * from './core/style-export.js';
export * from './core/scenario/params.js';
export * from './core/scenario/scenario.js';
// Named, so that the benchmark's reference (`naiveSplit`) stays internal.
export {
  SystemLayer,
  naturalSystem,
  soilGroundwaterAreas,
  type NaturalSystem,
  type SoilGroundwaterArea,
  type SystemPolygon,
} from './core/scenario/overlay.js';
export * from './core/scenario/indicators.js';
export * from './core/scenario/compare.js';
export * from './sources/geojson.js';
export * from './sources/config.js';
export * from './sources/query-all.js';
export * from './sources/check.js';
export * from './sources/diagnose.js';
export { parseJsonStrict } from './core/located-json.js';
