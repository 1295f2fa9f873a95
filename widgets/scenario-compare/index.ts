/**
 * `<na-scenario-compare>`: compare design scenarios on rain, heat, drought and fit with the
 * natural system. Import `./define.js` to register the tag.
 */
export {
  NaScenarioCompare,
  type LoadedScenario,
  type ScenarioCompareState,
  type ScenarioOrigin,
} from './scenario-compare.js';
export {
  NaScenarioChangeEvent,
  NaScenarioErrorEvent,
  type ScenarioChangeDetail,
  type ScenarioErrorCode,
  type ScenarioErrorDetail,
} from './events.js';
export { messages as scenarioCompareMessages } from './messages.js';
export { indicatorRows, type IndicatorRow, type RowUnit } from './table.js';
export { indicatorsCsv, scenarioGeoJsonText } from './export.js';
export { MEASURE_COLOURS, measureStyle, scenarioToGeoJson } from '../../src/map/scenario-style.js';
// The map side (`ScenarioLayers`, `createScenarioDrawing`) is exported by `natuurlijke-alliantie/map`
// and `naturalSystemFromSources` by the main entry: they register RD New with proj4 and read the
// sources, which the element loads on demand (engine-modules.ts), not up front.
export type { ScenarioView } from '../../src/map/scenario-layers.js';
export type { ScenarioDrawing } from '../../src/map/draw.js';
