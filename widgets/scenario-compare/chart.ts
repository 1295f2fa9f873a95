/**
 * The bar charts of `<na-scenario-compare>`: one SVG per indicator (except the area), each with a
 * text alternative that lists every value; the indicator table is their full text equivalent.
 */
import { html, nothing, svg, type TemplateResult } from 'lit';
import type { CompareResult } from '../../src/core/scenario/compare.js';
import type { IndicatorRow } from '../../src/core/scenario/indicator-table.js';
import type { CompareView } from './view.js';

const WIDTH = 300;
const BAR_AREA = 200;
const ROW_H = 34;

/** One bar chart. */
export function barChart(
  v: CompareView,
  row: IndicatorRow,
  names: readonly string[],
): TemplateResult {
  const label = v.rowLabel(row);
  const unit = v.unitLabel(row.unit);
  const values = row.values.map((x) => (Number.isFinite(x) ? x : 0));
  const max = Math.max(0, ...values);
  const min = Math.min(0, ...values);
  const span = max - min || 1;
  const zero = ((0 - min) / span) * BAR_AREA;
  const summary = names
    .map((n, i) => `${n}: ${v.fmt(row.values[i] ?? NaN, row.digits)}`)
    .join('; ');
  return html`<figure part="chart" data-key=${row.key}>
    <figcaption>${label} (${unit})</figcaption>
    <svg
      viewBox="0 0 ${WIDTH} ${names.length * ROW_H}"
      role="img"
      aria-label=${v.t('chartLabel', { label, unit, values: summary })}
    >
      ${names.map((name, i) => {
        const x0 = values[i] ?? 0;
        const x = x0 >= 0 ? zero : ((x0 - min) / span) * BAR_AREA;
        const w = (Math.abs(x0) / span) * BAR_AREA;
        const y = i * ROW_H;
        return svg`<text x="0" y=${y + 11}>${name.length > 46 ? `${name.slice(0, 45)}…` : name}</text>
          <rect class="bar-${i % 4}" x=${x} y=${y + 15} width=${Math.max(w, 1)} height="12"></rect>
          <text x=${Math.max(x + w, zero) + 4} y=${y + 25}>${v.fmt(row.values[i] ?? NaN, row.digits)}</text>`;
      })}
      ${min < 0 ? svg`<line class="axis" x1=${zero} x2=${zero} y1="12" y2=${names.length * ROW_H}></line>` : nothing}
    </svg>
  </figure>`;
}

/** The section of bar charts. */
export function barCharts(
  v: CompareView,
  result: CompareResult,
  rows: readonly IndicatorRow[],
): TemplateResult {
  const names = result.scenarios.map((s) => s.name);
  return html`<details part="charts-section" open>
    <summary>${v.t('chartsTitle')}</summary>
    <p>${v.t('chartsNote')}</p>
    <div part="charts">
      ${rows.filter((r) => r.key !== 'area').map((row) => barChart(v, row, names))}
    </div>
  </details>`;
}
