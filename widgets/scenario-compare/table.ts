/**
 * The indicator table of `<na-scenario-compare>` (template), over the one indicator model in
 * src/core/scenario/indicator-table.ts (also used by the bar charts, the CSV export and the CLI).
 * Each row header is named by its label only: its "Uitleg" control is inside the header for the
 * eye, not part of the header's accessible name (issue #18).
 */
import { html, type TemplateResult } from 'lit';
import type { CompareResult } from '../../src/core/scenario/compare.js';
import type { IndicatorRow } from '../../src/core/scenario/indicator-table.js';
import type { ScenarioParams } from '../../src/core/scenario/params.js';
import { scrollable } from '../shared/scrollable.js';
import type { MessageKey } from './messages.js';
import type { CompareView } from './view.js';

export {
  indicatorRows,
  type IndicatorRow,
  type IndicatorUnit as RowUnit,
} from '../../src/core/scenario/indicator-table.js';

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

/** The indicator table: one row per indicator, one column per scenario. */
export function indicatorTable(
  v: CompareView,
  result: CompareResult,
  rows: readonly IndicatorRow[],
  params: ScenarioParams,
): TemplateResult {
  const ep = explainParams(params, v.fmt);
  return html`${v.sub(v.t('tableTitle'), 'table-title')}
    <div class="scroll" role="region" aria-label=${v.t('tableTitle')} ${scrollable()}>
      <table part="indicator-table">
        <caption>
          ${v.t('tableCaption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">${v.t('indicator')}</th>
            <th scope="col">${v.t('unit')}</th>
            ${result.scenarios.map((s) => html`<th scope="col">${s.name}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${rows.map((row) => {
            const label = v.rowLabel(row);
            return html`<tr data-key=${row.key}>
              <th scope="row" aria-label=${label}>
                ${label}
                <details part="explain" ?open=${v.printing}>
                  <summary>
                    ${v.t('explain')}<span class="visually-hidden">
                      ${v.t('explainAbout', { label })}</span
                    >
                  </summary>
                  <p>${v.t(row.explain as MessageKey, ep)}</p>
                </details>
              </th>
              <td>${v.unitLabel(row.unit)}</td>
              ${row.values.map((x) => html`<td class="num">${v.fmt(x, row.digits)}</td>`)}
            </tr>`;
          })}
        </tbody>
      </table>
    </div>`;
}
