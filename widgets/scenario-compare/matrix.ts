/**
 * The stress-test × climate-future matrices of `<na-scenario-compare>`: ✓/✗ with text, not colour
 * alone. Each cell says its verdict and value once (the hover tooltip sits on the hidden symbol,
 * so it is not read a second time as the cell's description; issue #18).
 */
import { html, type TemplateResult } from 'lit';
import type { CompareResult, ScenarioResult } from '../../src/core/scenario/compare.js';
import type { ScenarioParams } from '../../src/core/scenario/params.js';
import { scrollable } from '../shared/scrollable.js';
import type { CompareView } from './view.js';

/** The matrix of one scenario. */
export function robustnessMatrix(
  v: CompareView,
  s: ScenarioResult,
  result: CompareResult,
  params: ScenarioParams,
): TemplateResult {
  const withUnit = (unit: string, x: number): string =>
    unit === 'm' ? `${v.fmt(x * 100, 1)} cm` : unit === 'share' ? v.pct(x) : v.fmt(x, 2);
  const caption = v.t('robustCaption', { name: s.name, domain: v.pct(s.robustness.domain) });
  return html`<div class="scroll" role="region" aria-label=${caption} ${scrollable()}>
    <table part="matrix" data-scenario=${s.name}>
      <caption>
        ${caption}
      </caption>
      <thead>
        <tr>
          <th scope="col">${v.t('test')}</th>
          ${result.futures.map((f) => html`<th scope="col">${v.futureLabel(f)}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${result.tests.map(
          (test) =>
            html`<tr>
              <th scope="row">${v.testLabel(test, params)}</th>
              ${result.futures.map((future) => {
                const cell = s.robustness.matrix.find(
                  (c) => c.test === test && c.future === future,
                );
                if (!cell) return html`<td>–</td>`;
                const detail = `${v.t('cellDetail', {
                  value: withUnit(cell.unit, cell.value),
                  threshold: withUnit(cell.unit, cell.threshold),
                })}. ${cell.explanation[v.lang] ?? cell.explanation.nl}`;
                return html`<td class=${cell.pass ? 'pass' : 'fail'} data-pass=${String(cell.pass)}>
                  <span aria-hidden="true" title=${detail}>${cell.pass ? '✓' : '✗'}</span>
                  <span class="visually-hidden"
                    >${cell.pass ? v.t('pass') : v.t('fail')}: ${detail}</span
                  >
                </td>`;
              })}
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

/** The section of matrices. */
export function robustnessSection(
  v: CompareView,
  result: CompareResult,
  params: ScenarioParams,
): TemplateResult {
  return html`<section part="robustness">
    ${v.sub(v.t('robustTitle'), 'robustness-title')}
    <p>${v.t('robustIntro')}</p>
    ${result.scenarios.map((s) => robustnessMatrix(v, s, result, params))}
  </section>`;
}
