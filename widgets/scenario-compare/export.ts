/**
 * Exports of `<na-scenario-compare>`: a scenario as GeoJSON with the assessment per feature, and
 * the indicator table as CSV. Plain text out; the element offers them as downloads.
 */
import { toCsv } from '../../src/core/csv.js';
import type { CompareResult } from '../../src/core/scenario/compare.js';
import type { Scenario } from '../../src/core/scenario/scenario.js';
import type { Lang } from '../../src/core/types.js';
import { scenarioToGeoJson } from '../../src/map/scenario-style.js';
import { indicatorRows, type IndicatorRow } from '../../src/core/scenario/indicator-table.js';
import type { ScenarioParams } from '../../src/core/scenario/params.js';
import type { CompareView } from './view.js';

/**
 * A scenario as a GeoJSON FeatureCollection in EPSG:28992 (with the QGIS-style `crs` member), its
 * features with their own properties plus, for every measure the fit check assessed (types with
 * an action: green, water, infiltration, trees), `zone`, `soilCode`, `gt`, `verdict`
 * (`in_line` / `against` / `neutral`) and `reasons` (the reasons in `lang`, joined by " | ").
 * Joined by feature index (`index`, the position in the source file).
 */
export function scenarioGeoJsonText(
  scenario: Scenario,
  result: CompareResult | undefined,
  lang: Lang,
): string {
  const fit = result?.scenarios.find((s) => s.name === scenario.name)?.fit;
  const byIndex = new Map((fit?.measures ?? []).map((m) => [m.index, m]));
  const fc = scenarioToGeoJson(scenario, (index) => {
    const m = byIndex.get(index);
    if (!m) return {};
    return {
      ...(m.zone !== undefined ? { zone: m.zone } : {}),
      ...(m.soilCode !== undefined ? { soilCode: m.soilCode } : {}),
      ...(m.gt !== undefined ? { gt: m.gt } : {}),
      verdict: m.verdict,
      reasons: m.reasons.map((r) => r[lang] ?? r.nl).join(' | '),
    };
  });
  return `${JSON.stringify(fc, null, 1)}\n`;
}

/**
 * The indicator table as CSV (comma-separated, `.` as decimal separator, UTF-8): columns
 * `indicator`, `label`, `unit`, then one per scenario; then one row per robustness cell
 * (`robustness.<test>.<future>`, 1 = passed, 0 = failed) and the rank.
 * @param label the label of a row in the chosen language
 * @param unit the unit of a row in the chosen language
 */
export function indicatorsCsv(
  result: CompareResult,
  rows: readonly IndicatorRow[],
  label: (row: IndicatorRow) => string,
  unit: (row: IndicatorRow) => string,
  testLabel: (test: string, future: string) => string,
): string {
  const names = result.scenarios.map((s) => s.name);
  const out: unknown[][] = [['indicator', 'label', 'unit', ...names]];
  for (const row of rows) {
    out.push([
      row.key,
      label(row),
      unit(row),
      ...row.values.map((v) =>
        Number.isFinite(v) ? Number(v.toFixed(Math.max(row.digits, 2))) : '',
      ),
    ]);
  }
  for (const future of result.futures) {
    for (const test of result.tests) {
      out.push([
        `robustness.${test}.${future}`,
        testLabel(test, future),
        'pass',
        ...result.scenarios.map((s) => {
          const cell = s.robustness.matrix.find((c) => c.test === test && c.future === future);
          return cell ? (cell.pass ? 1 : 0) : '';
        }),
      ]);
    }
  }
  out.push(['rank', 'rank', '', ...names.map((n) => result.ranking.indexOf(n) + 1)]);
  return toCsv(out);
}

/** The indicator table as CSV with the labels and units of a view (what the CSV button saves). */
export function indicatorsCsvIn(
  v: CompareView,
  result: CompareResult,
  params: ScenarioParams,
): string {
  return indicatorsCsv(
    result,
    indicatorRows(result, params),
    (row) => v.rowLabel(row),
    (row) => v.unitLabel(row.unit),
    (test, future) => `${v.testLabel(test, params)} – ${v.futureLabel(future)}`,
  );
}
