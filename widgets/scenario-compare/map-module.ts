/** The map side of `<na-scenario-compare>`, imported when it first has a map (engine-modules.ts). */
export { ScenarioLayers } from '../../src/map/scenario-layers.js';
export { createScenarioDrawing } from '../../src/map/draw.js';
