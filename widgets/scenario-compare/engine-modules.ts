/**
 * What `<na-scenario-compare>` imports on first use, each a chunk of its own, never up front: the
 * scenario parser (strict JSON, validation and reprojection with proj4), the map side (scenario
 * layers and drawing, with RD New registered through proj4) and the natural-system reader of the
 * sources. The comparison engine itself runs in a Worker (compare-runner.ts).
 */
import { lazyModule } from '../shared/lazy-module.js';

/** The scenario parser: `parseScenario` and `parseJsonStrict`. */
export const parserModule = lazyModule(() => import('./parser.js'));

/** The map side: `ScenarioLayers` and `createScenarioDrawing`. */
export const mapModule = lazyModule(() => import('./map-module.js'));

/** The natural system of the sources around the scenarios. */
export const naturalSystemModule = lazyModule(() => import('../../src/sources/natural-system.js'));

/** The parameter defaults (`resolveParams`) and the texts of the assumptions' sources. */
export const resultsSupportModule = lazyModule(() => import('./results-support.js'));
