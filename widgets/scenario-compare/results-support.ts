/**
 * What a comparison's result needs on the main thread besides the result, imported with the first
 * comparison (engine-modules.ts): the documented parameter defaults with their sources and the
 * Dutch texts of the assumptions' sources.
 */
export { resolveParams } from '../../src/core/scenario/params.js';
export { assumptionSource } from '../../src/core/scenario/assumption-sources.js';
