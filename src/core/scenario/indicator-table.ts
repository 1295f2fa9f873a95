/**
 * The one indicator model of a scenario comparison: which numbers of a `CompareResult` are
 * reported, their key, the unit of the core value and of the shown value, how many digits are
 * shown, whether higher is better, and the keys of their label and explanation. Used by the
 * comparer's table, bar charts and CSV export (widgets/scenario-compare), and by the CLI's CSV and
 * JSON (src/cli/compare.ts), so all of them agree. Pure: every number is computed in compare.ts.
 */
import type { CompareResult, ScenarioResult } from './compare.js';
import type { ScenarioParams } from './params.js';

/** Units of the shown values (each has a text `unit_<unit>` in the interface). */
export type IndicatorUnit =
  'ha' | 'pct' | 'm3' | 'mm' | 'mmh' | 'cm' | 'index' | 'score' | 'count' | 'eur';

/** Units of the core values (as the CLI's CSV writes them). */
export type RawUnit =
  'm2' | 'share' | 'm3' | 'mm' | 'mm/h' | 'm' | 'CC' | 'score' | 'count' | 'EUR' | 'EUR/year';

/** Whether a higher value is better, a lower one, or neither. */
export type Better = 'higher' | 'lower' | 'none';

/** One indicator of a scenario (not per storm). */
export interface ScenarioIndicator {
  /** Stable key (CSV column `indicator`), e.g. `paved_share`. */
  key: string;
  /** Text key of the label (`row_*`). */
  label: string;
  /** Text key of the explanation: formula and source (`explain_*`). */
  explain: string;
  /** The core value, in `raw`; undefined when the comparison does not give it. */
  value: (r: ScenarioResult) => number | undefined;
  raw: RawUnit;
  /** The unit shown; the shown value is the core value × `scale`. */
  unit: IndicatorUnit;
  scale: number;
  /** Fraction digits when shown. */
  digits: number;
  better: Better;
  /** Shown only when some scenario has a value. */
  optional?: boolean;
}

const share = (
  key: string,
  label: string,
  explain: string,
  value: (r: ScenarioResult) => number | undefined,
  better: Better,
  optional = false,
): ScenarioIndicator => ({
  key,
  label,
  explain,
  value,
  raw: 'share',
  unit: 'pct',
  scale: 100,
  digits: 0,
  better,
  ...(optional ? { optional } : {}),
});

const plain = (
  key: string,
  label: string,
  explain: string,
  value: (r: ScenarioResult) => number,
  raw: RawUnit,
  unit: IndicatorUnit,
  digits: number,
  better: Better,
  scale = 1,
): ScenarioIndicator => ({ key, label, explain, value, raw, unit, scale, digits, better });

/** The per-scenario indicators before the storm rows, in table order. */
export const INDICATORS_BEFORE_STORMS: readonly ScenarioIndicator[] = [
  plain('area', 'row_area', 'explain_area', (r) => r.area_m2, 'm2', 'ha', 2, 'none', 1e-4),
  share('paved_share', 'row_paved', 'explain_fractions', (r) => r.fractions.paved, 'lower'),
  share('green_share', 'row_green', 'explain_fractions', (r) => r.fractions.green, 'higher'),
  share('blue_share', 'row_blue', 'explain_fractions', (r) => r.fractions.blue, 'none'),
  share('canopy_share', 'row_canopy', 'explain_fractions', (r) => r.fractions.canopy, 'higher'),
  plain('storage', 'row_storage', 'explain_storage', (r) => r.storage_m3, 'm3', 'm3', 0, 'higher'),
  plain(
    'storage_depth',
    'row_storage_mm',
    'explain_storage',
    (r) => r.storage_mm,
    'mm',
    'mm',
    0,
    'higher',
  ),
  plain(
    'sewer_capacity',
    'row_sewer',
    'explain_sewer',
    (r) => r.sewer_capacity_mm_h,
    'mm/h',
    'mmh',
    0,
    'higher',
  ),
];

/** The per-scenario indicators after the storm rows, in table order. */
export const INDICATORS_AFTER_STORMS: readonly ScenarioIndicator[] = [
  plain(
    'infiltration_effective',
    'row_infiltration_effective',
    'explain_infiltration',
    (r) => r.infiltration_effective_m3,
    'm3',
    'm3',
    0,
    'higher',
  ),
  plain(
    'infiltration_ineffective',
    'row_infiltration_ineffective',
    'explain_infiltration',
    (r) => r.infiltration_ineffective_m3,
    'm3',
    'm3',
    0,
    'lower',
  ),
  plain(
    'infiltration_unknown',
    'row_infiltration_unknown',
    'explain_infiltration',
    (r) => r.infiltration_unknown_m3,
    'm3',
    'm3',
    0,
    'lower',
  ),
  plain(
    'cooling_capacity',
    'row_cooling',
    'explain_cooling',
    (r) => r.cooling_capacity,
    'CC',
    'index',
    2,
    'higher',
  ),
  share(
    'cool_place_share',
    'row_cool_place',
    'explain_cool_place',
    (r) => r.cool_place_share,
    'higher',
  ),
  share(
    'homes_cool_place_share',
    'row_homes_cool_place',
    'explain_cool_place',
    (r) => r.homes_cool_place_share,
    'higher',
    true,
  ),
  share('shade_share', 'row_shade', 'explain_cooling', (r) => r.shade_share, 'higher'),
  share(
    'recharge_retained',
    'row_recharge_retained',
    'explain_recharge',
    (r) => r.recharge_retained,
    'higher',
  ),
  share('recharge_share', 'row_recharge', 'explain_recharge', (r) => r.recharge_share, 'higher'),
  share(
    'soil_unknown_share',
    'row_soil_unknown',
    'explain_soil_unknown',
    (r) => r.soil_unknown_share,
    'lower',
  ),
  plain(
    'fit_score',
    'row_fit_score',
    'explain_fit',
    (r) => r.fit.score,
    'score',
    'score',
    2,
    'higher',
  ),
  plain(
    'fit_against',
    'row_fit_against',
    'explain_fit',
    (r) => r.fit.against,
    'count',
    'count',
    0,
    'lower',
  ),
  share('robustness_domain', 'row_domain', 'explain_robust', (r) => r.robustness.domain, 'higher'),
  share(
    'robustness_mean_pass_share',
    'row_mean_pass',
    'explain_robust',
    (r) => r.robustness.mean_pass_share,
    'higher',
  ),
  share(
    'robustness_maximin',
    'row_maximin',
    'explain_robust',
    (r) => r.robustness.maximin,
    'higher',
  ),
  share('robustness_regret', 'row_regret', 'explain_robust', (r) => r.robustness.regret, 'lower'),
  plain('cost', 'row_cost', 'explain_cost', (r) => r.cost_eur, 'EUR', 'eur', 0, 'lower'),
  plain(
    'upkeep',
    'row_upkeep',
    'explain_cost',
    (r) => r.upkeep_eur_year,
    'EUR/year',
    'eur',
    0,
    'lower',
  ),
];

/** Every per-scenario indicator (not per storm), in table order. */
export const SCENARIO_INDICATORS: readonly ScenarioIndicator[] = [
  ...INDICATORS_BEFORE_STORMS,
  ...INDICATORS_AFTER_STORMS,
];

/** One row of the indicator table: an indicator with its shown value per scenario. */
export interface IndicatorRow {
  /** Stable key (CSV column `indicator`), e.g. `paved_share`, `street_water_depth.T100.worst`. */
  key: string;
  /** Text key of the label and its parameters. */
  label: string;
  labelParams: Record<string, string | number>;
  unit: IndicatorUnit;
  /** One value per scenario, in the order of `result.scenarios`, in `unit`; NaN when not given. */
  values: number[];
  /** Fraction digits when shown. */
  digits: number;
  /** Text key of the explanation (formula and source). */
  explain: string;
  better: Better;
}

function rowOf(ind: ScenarioIndicator, scenarios: readonly ScenarioResult[]): IndicatorRow {
  return {
    key: ind.key,
    label: ind.label,
    labelParams: {},
    unit: ind.unit,
    values: scenarios.map((r) => {
      const v = ind.value(r);
      return v === undefined ? NaN : v * ind.scale;
    }),
    digits: ind.digits,
    explain: ind.explain,
    better: ind.better,
  };
}

/** The rows of the indicator table for a comparison (per storm: runoff and water on the street). */
export function indicatorRows(result: CompareResult, params: ScenarioParams): IndicatorRow[] {
  const s = result.scenarios;
  const present = (ind: ScenarioIndicator) =>
    !ind.optional || s.some((r) => ind.value(r) !== undefined);
  const rows = INDICATORS_BEFORE_STORMS.filter(present).map((ind) => rowOf(ind, s));
  const today = params.futures[0]?.id ?? 'today';
  for (const storm of params.storms) {
    const of = (r: ScenarioResult) => r.runoff.filter((x) => x.event === storm.id);
    const now = (r: ScenarioResult) => of(r).find((x) => x.future === today);
    const worst = (r: ScenarioResult, v: (x: ScenarioResult['runoff'][number]) => number) => {
      const all = of(r).map(v);
      return all.length > 0 ? Math.max(...all) * 100 : NaN;
    };
    const row = (
      key: string,
      label: string,
      unit: IndicatorUnit,
      value: (r: ScenarioResult) => number,
      explain: string,
    ): IndicatorRow => ({
      key,
      label,
      labelParams: { storm: storm.id },
      unit,
      values: s.map(value),
      digits: 1,
      explain,
      better: 'lower',
    });
    rows.push(
      row(
        `runoff.${storm.id}.${today}`,
        'row_runoff',
        'mm',
        (r) => now(r)?.runoff_mm ?? NaN,
        'explain_runoff',
      ),
      row(
        `street_water_depth.${storm.id}.${today}`,
        'row_street_today',
        'cm',
        (r) => (now(r)?.street_water_depth_m ?? NaN) * 100,
        'explain_street',
      ),
      row(
        `street_water_depth.${storm.id}.worst`,
        'row_street_worst',
        'cm',
        (r) => worst(r, (x) => x.street_water_depth_m),
        'explain_street',
      ),
      row(
        `street_water_low_point_depth.${storm.id}.worst`,
        'row_street_low',
        'cm',
        (r) => worst(r, (x) => x.street_water_low_point_depth_m),
        'explain_street',
      ),
    );
  }
  rows.push(...INDICATORS_AFTER_STORMS.filter(present).map((ind) => rowOf(ind, s)));
  return rows;
}

/** The indicators as metadata (for a JSON export): key, units and direction. */
export function indicatorMetadata(): Array<{
  key: string;
  unit: RawUnit;
  higher_is_better: boolean | null;
}> {
  return SCENARIO_INDICATORS.map((ind) => ({
    key: ind.key,
    unit: ind.raw,
    higher_is_better: ind.better === 'none' ? null : ind.better === 'higher',
  }));
}
