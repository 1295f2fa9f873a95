/**
 * The indicator table of `<na-scenario-compare>`: which numbers of a `CompareResult` are shown,
 * in which unit and with which explanation. One model for the HTML table, the bar charts (the
 * table is their text equivalent) and the CSV export, so the three always agree. Presentation
 * only: every number is computed in src/core/scenario.
 */
import type { CompareResult, ScenarioResult } from '../../src/core/scenario/compare.js';
import type { ScenarioParams } from '../../src/core/scenario/params.js';
import type { MessageKey } from './messages.js';

/** Units of the table, each with a message key `unit_*`. */
export type RowUnit =
  'ha' | 'pct' | 'm3' | 'mm' | 'mmh' | 'cm' | 'index' | 'score' | 'count' | 'eur';

/** One row of the indicator table. */
export interface IndicatorRow {
  /** Stable key (CSV column `indicator`), e.g. `paved_share`, `street_water_depth.T100.worst`. */
  key: string;
  /** Message key of the label and its parameters. */
  label: MessageKey;
  labelParams: Record<string, string | number>;
  unit: RowUnit;
  /** One value per scenario, in the order of `result.scenarios`, in `unit`; NaN when not given. */
  values: number[];
  /** Fraction digits when shown. */
  digits: number;
  /** Message key of the explanation (formula and source). */
  explain: MessageKey;
  /** Whether a higher value is better (for the chart note), or neither. */
  better: 'higher' | 'lower' | 'none';
}

const pct = (v: number | undefined): number => (v === undefined ? NaN : v * 100);

/** The rows of the indicator table for a comparison. */
export function indicatorRows(result: CompareResult, params: ScenarioParams): IndicatorRow[] {
  const s = result.scenarios;
  const rows: IndicatorRow[] = [];
  const add = (
    key: string,
    label: MessageKey,
    unit: RowUnit,
    value: (r: ScenarioResult) => number,
    digits: number,
    explain: MessageKey,
    better: IndicatorRow['better'],
    labelParams: Record<string, string | number> = {},
  ) => rows.push({ key, label, labelParams, unit, values: s.map(value), digits, explain, better });

  add('area', 'row_area', 'ha', (r) => r.area_m2 / 10000, 2, 'explain_area', 'none');
  add(
    'paved_share',
    'row_paved',
    'pct',
    (r) => pct(r.fractions.paved),
    0,
    'explain_fractions',
    'lower',
  );
  add(
    'green_share',
    'row_green',
    'pct',
    (r) => pct(r.fractions.green),
    0,
    'explain_fractions',
    'higher',
  );
  add(
    'blue_share',
    'row_blue',
    'pct',
    (r) => pct(r.fractions.blue),
    0,
    'explain_fractions',
    'none',
  );
  add(
    'canopy_share',
    'row_canopy',
    'pct',
    (r) => pct(r.fractions.canopy),
    0,
    'explain_fractions',
    'higher',
  );
  add('storage', 'row_storage', 'm3', (r) => r.storage_m3, 0, 'explain_storage', 'higher');
  add('storage_depth', 'row_storage_mm', 'mm', (r) => r.storage_mm, 0, 'explain_storage', 'higher');
  add(
    'sewer_capacity',
    'row_sewer',
    'mmh',
    (r) => r.sewer_capacity_mm_h,
    0,
    'explain_sewer',
    'higher',
  );
  const today = params.futures[0]?.id ?? 'today';
  for (const storm of params.storms) {
    const of = (r: ScenarioResult) => r.runoff.filter((x) => x.event === storm.id);
    const now = (r: ScenarioResult) => of(r).find((x) => x.future === today);
    const p = { storm: storm.id };
    add(
      `runoff.${storm.id}.${today}`,
      'row_runoff',
      'mm',
      (r) => now(r)?.runoff_mm ?? NaN,
      1,
      'explain_runoff',
      'lower',
      p,
    );
    add(
      `street_water_depth.${storm.id}.${today}`,
      'row_street_today',
      'cm',
      (r) => (now(r)?.street_water_depth_m ?? NaN) * 100,
      1,
      'explain_street',
      'lower',
      p,
    );
    add(
      `street_water_depth.${storm.id}.worst`,
      'row_street_worst',
      'cm',
      (r) => {
        const all = of(r).map((x) => x.street_water_depth_m);
        return all.length > 0 ? Math.max(...all) * 100 : NaN;
      },
      1,
      'explain_street',
      'lower',
      p,
    );
    add(
      `street_water_low_point_depth.${storm.id}.worst`,
      'row_street_low',
      'cm',
      (r) => {
        const all = of(r).map((x) => x.street_water_low_point_depth_m);
        return all.length > 0 ? Math.max(...all) * 100 : NaN;
      },
      1,
      'explain_street',
      'lower',
      p,
    );
  }
  add(
    'infiltration_effective',
    'row_infiltration_effective',
    'm3',
    (r) => r.infiltration_effective_m3,
    0,
    'explain_infiltration',
    'higher',
  );
  add(
    'infiltration_ineffective',
    'row_infiltration_ineffective',
    'm3',
    (r) => r.infiltration_ineffective_m3,
    0,
    'explain_infiltration',
    'lower',
  );
  add(
    'infiltration_unknown',
    'row_infiltration_unknown',
    'm3',
    (r) => r.infiltration_unknown_m3,
    0,
    'explain_infiltration',
    'lower',
  );
  add(
    'cooling_capacity',
    'row_cooling',
    'index',
    (r) => r.cooling_capacity,
    2,
    'explain_cooling',
    'higher',
  );
  add(
    'cool_place_share',
    'row_cool_place',
    'pct',
    (r) => pct(r.cool_place_share),
    0,
    'explain_cool_place',
    'higher',
  );
  if (s.some((r) => r.homes_cool_place_share !== undefined)) {
    add(
      'homes_cool_place_share',
      'row_homes_cool_place',
      'pct',
      (r) => pct(r.homes_cool_place_share),
      0,
      'explain_cool_place',
      'higher',
    );
  }
  add('shade_share', 'row_shade', 'pct', (r) => pct(r.shade_share), 0, 'explain_cooling', 'higher');
  add(
    'recharge_retained',
    'row_recharge_retained',
    'pct',
    (r) => pct(r.recharge_retained),
    0,
    'explain_recharge',
    'higher',
  );
  add(
    'recharge_share',
    'row_recharge',
    'pct',
    (r) => pct(r.recharge_share),
    0,
    'explain_recharge',
    'higher',
  );
  add(
    'soil_unknown_share',
    'row_soil_unknown',
    'pct',
    (r) => pct(r.soil_unknown_share),
    0,
    'explain_soil_unknown',
    'lower',
  );
  add('fit_score', 'row_fit_score', 'score', (r) => r.fit.score, 2, 'explain_fit', 'higher');
  add('fit_against', 'row_fit_against', 'count', (r) => r.fit.against, 0, 'explain_fit', 'lower');
  add(
    'robustness_domain',
    'row_domain',
    'pct',
    (r) => pct(r.robustness.domain),
    0,
    'explain_robust',
    'higher',
  );
  add(
    'robustness_mean_pass_share',
    'row_mean_pass',
    'pct',
    (r) => pct(r.robustness.mean_pass_share),
    0,
    'explain_robust',
    'higher',
  );
  add(
    'robustness_maximin',
    'row_maximin',
    'pct',
    (r) => pct(r.robustness.maximin),
    0,
    'explain_robust',
    'higher',
  );
  add(
    'robustness_regret',
    'row_regret',
    'pct',
    (r) => pct(r.robustness.regret),
    0,
    'explain_robust',
    'lower',
  );
  add('cost', 'row_cost', 'eur', (r) => r.cost_eur, 0, 'explain_cost', 'lower');
  add('upkeep', 'row_upkeep', 'eur', (r) => r.upkeep_eur_year, 0, 'explain_cost', 'lower');
  return rows;
}

/** Parameters of the explanations (thresholds and defaults, from the resolved parameters). */
export function explainParams(
  params: ScenarioParams,
  format: (v: number, digits: number) => string,
): Record<string, string | number> {
  const t = params.thresholds;
  return {
    canopy: `${format(t.shadeShare.value * 100, 0)} %`,
    shade: `${format(params.coolPlaceMinShade.value * 100, 0)} %`,
    wadi: format(params.measures.wadi.storageDepthM, 2),
    crate: format(params.measures.infiltratiekrat.storageDepthM, 3),
    water: format(params.measures['open-water'].storageDepthM, 2),
    roof: format(params.measures['groen-dak'].ownStorageMm, 0),
    sewer: format(params.sewerCapacityMmH.value, 0),
    street: format(t.streetWaterDepthM.value * 100, 0),
    spacing: format(params.sampleSpacingM.value, 0),
    distance: format(params.parkCoolingDistanceM.value, 0),
    cc: format(t.coolingCapacity.value, 2),
    size: format(params.coolPlaceMinAreaM2.value, 0),
    rain: format(params.yearlyRainMm.value, 0),
    recharge: `${format(t.rechargeRetained.value * 100, 0)} %`,
    hsg: params.unknownSoilHsg.value,
  };
}
