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
export {
  MEASURE_COLOURS,
  ScenarioLayers,
  measureStyle,
  scenarioToGeoJson,
  type ScenarioView,
} from '../../src/map/scenario-layers.js';
export { createScenarioDrawing, type ScenarioDrawing } from '../../src/map/draw.js';
export { naturalSystemFromSources } from '../../src/sources/natural-system.js';
