/**
 * Registers `<na-scenario-compare>` on import. Importing this module twice, or next to another copy
 * of the library, warns instead of throwing (see `defineElement`).
 */
import { defineElement } from '../shared/define.js';
import { NaScenarioCompare } from './scenario-compare.js';

export const SCENARIO_COMPARE_TAG = 'na-scenario-compare';

/**
 * Registers `<na-scenario-compare>` (done on import already). Safe to call again: returns false
 * and, when another copy of the library registered the tag first, warns.
 */
export function defineScenarioCompare(): boolean {
  return defineElement(SCENARIO_COMPARE_TAG, NaScenarioCompare);
}

defineScenarioCompare();

export {
  NaScenarioCompare,
  NaScenarioChangeEvent,
  NaScenarioErrorEvent,
  scenarioCompareMessages,
  indicatorRows,
  indicatorsCsv,
  scenarioGeoJsonText,
  MEASURE_COLOURS,
  measureStyle,
  scenarioToGeoJson,
  type LoadedScenario,
  type ScenarioCompareState,
  type ScenarioOrigin,
  type ScenarioChangeDetail,
  type ScenarioErrorCode,
  type ScenarioErrorDetail,
  type IndicatorRow,
  type RowUnit,
  type ScenarioView,
  type ScenarioDrawing,
} from './index.js';

declare global {
  interface HTMLElementTagNameMap {
    'na-scenario-compare': NaScenarioCompare;
  }
}
