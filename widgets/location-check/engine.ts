/**
 * The check engine of `<na-location-check>`: the rule engine, the sources, the knowledge base and
 * the reprojection. Not part of the element's first load: `engineModule.load()` (./engine-loader.ts) imports this module
 * with a dynamic `import()` on first use (the first check, or the first sources file to load), so
 * a host's bundler puts it in a chunk of its own and the element renders without it.
 */
export { checkLocation, isOutsideAllData } from '../../src/sources/check.js';
export { toCrs } from '../../src/core/crs.js';
export { defaultKnowledgeBase } from '../../src/core/kb/default.js';
export { localizeReport } from '../../src/core/localize.js';
