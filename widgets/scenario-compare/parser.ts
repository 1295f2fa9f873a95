/** The scenario parser of `<na-scenario-compare>`, imported on first use (engine-modules.ts). */
export { parseScenario } from '../../src/core/scenario/scenario.js';
export { parseJsonStrict } from '../../src/core/located-json.js';
