/**
 * The hover text of a measure on the map of `<na-scenario-compare>`: what it adds and how it fits
 * (plain text, never HTML).
 */
import type { CompareResult, ScenarioResult } from '../../src/core/scenario/compare.js';
import type { MessageKey } from './messages.js';
import type { LoadedScenario } from './scenarios-controller.js';
import type { CompareView } from './view.js';

/** The text for the measure at feature `index` of a scenario's result, or undefined. */
export function measureHoverText(
  v: CompareView,
  r: ScenarioResult,
  index: number,
): string | undefined {
  const c = r.contributions.find((x) => x.index === index);
  if (!c) return undefined;
  const fit = r.fit.measures.find((m) => m.index === index);
  const reason = fit?.reasons[0];
  return v.t('hoverMeasure', {
    type: v.typeLabel(c.type),
    area: v.fmt(c.area_m2, 0),
    storage: v.fmt(c.storage_m3, 1),
    runoff: v.fmt(c.runoff_m3, 1),
    infiltration: v.fmt(c.infiltration_m3, 1),
    works: c.infiltration_works_share !== null ? v.pct(c.infiltration_works_share) : '–',
    cooling: c.cooling !== null ? v.fmt(c.cooling, 2) : '–',
    cost: v.fmt(c.cost_eur, 0),
    verdict: fit ? v.t(`verdict_${fit.verdict}` as MessageKey) : '–',
    reason: reason ? (reason[v.lang] ?? reason.nl) : '',
  });
}

/**
 * The text for the measure at feature `index` of the scenario with `key`, from the comparison
 * shown, or undefined (no comparison, no such scenario or measure).
 */
export function scenarioHoverText(
  v: CompareView,
  entries: readonly LoadedScenario[],
  result: CompareResult | null,
  key: string,
  index: number,
): string | undefined {
  const entry = entries.find((e) => e.key === key);
  const r = result?.scenarios.find((x) => x.name === entry?.scenario.name);
  return r ? measureHoverText(v, r, index) : undefined;
}
