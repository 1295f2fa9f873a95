/**
 * The results of `<na-scenario-compare>`: ranking and its explanation, the indicator table
 * (table.ts), bar charts (chart.ts), stress-test matrices (matrix.ts), the fit with the natural
 * system, what each measure adds, the assumptions, and the export and print buttons.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import type { CompareResult, ScenarioResult } from '../../src/core/scenario/compare.js';
import { indicatorRows } from '../../src/core/scenario/indicator-table.js';
import type { ScenarioParams } from '../../src/core/scenario/params.js';
import type { MessageLang } from '../../src/core/messages.js';
import { scrollable } from '../shared/scrollable.js';
import { barCharts } from './chart.js';
import { robustnessSection } from './matrix.js';
import type { MessageKey } from './messages.js';
import type { LoadedScenario } from './scenarios-controller.js';
import { indicatorTable } from './table.js';
import type { CompareView } from './view.js';

/** What the results show and do. */
export interface ResultsState {
  result: CompareResult;
  params: ScenarioParams;
  hasSources: boolean;
  onCsv: () => void;
  onPrint: () => void;
}

type MeasureFit = ScenarioResult['fit']['measures'][number];

function fitSection(v: CompareView, s: DetailsState): TemplateResult {
  const unknown = v.t('unknownValue');
  const measure = (m: MeasureFit, name: string) => {
    const entry = s.entries.find((e) => e.name === name);
    const own = entry?.scenario.features.find((f) => f.index === m.index)?.properties.name;
    return html`<li>
      <strong
        >${typeof own === 'string' ? `${own}: ` : ''}${v.t(`verdict_${m.verdict}` as MessageKey)}</strong
      >
      —
      ${v.t('measureWhere', {
        type: v.typeLabel(m.type),
        area: v.fmt(m.area_m2, 0),
        zone: m.zone ?? unknown,
        soil: m.soilCode ?? unknown,
        gt: m.gt ?? unknown,
      })}
      <ul>
        ${m.reasons.map((r) => html`<li>${r[v.lang] ?? r.nl}</li>`)}
      </ul>
    </li>`;
  };
  return html`<section part="fit">
    ${v.sub(v.t('fitTitle'), 'fit-title')}
    ${s.result.scenarios.map((r) => {
      const against = r.fit.measures.filter((m) => m.verdict === 'against');
      return html`<details part="fit-scenario" ?open=${v.printing || against.length > 0}>
        <summary>
          ${v.t('fitSummary', { name: r.name, in_line: r.fit.in_line, against: r.fit.against, neutral: r.fit.neutral })}
        </summary>
        <p><strong>${v.t('fitAgainstList')}</strong></p>
        ${
          against.length > 0
            ? html`<ul>
                ${against.map((m) => measure(m, r.name))}
              </ul>`
            : html`<p>${v.t('fitNone')}</p>`
        }
        <details ?open=${v.printing}>
          <summary>${v.t('fitAll')}</summary>
          <ul>
            ${r.fit.measures.map((m) => measure(m, r.name))}
          </ul>
        </details>
      </details>`;
    })}
  </section>`;
}

function contributionsSection(v: CompareView, s: DetailsState): TemplateResult {
  const storm = s.params.storms[0]?.id ?? '';
  const cols = [
    'measure',
    'area',
    'storage',
    'runoff',
    'infiltration',
    'cooling',
    'verdict',
    'cost',
  ];
  return html`<section part="contributions">
    ${v.sub(v.t('contribTitle'), 'contrib-title')}
    ${s.result.scenarios.map((r) => {
      const verdicts = new Map(r.fit.measures.map((m) => [m.index, m]));
      const caption = v.t('contribCaption', { name: r.name, storm });
      return html`<details part="contrib-scenario" ?open=${v.printing}>
        <summary>${caption}</summary>
        <div class="scroll" role="region" aria-label=${caption} ${scrollable()}>
          <table part="contributions-table" data-scenario=${r.name}>
            <caption class="visually-hidden">
              ${caption}
            </caption>
            <thead>
              <tr>
                ${cols.map((c) => html`<th scope="col">${v.t(`col_${c}` as MessageKey)}</th>`)}
              </tr>
            </thead>
            <tbody>
              ${r.contributions.map((c) => {
                const fit = verdicts.get(c.index);
                const reason = fit?.reasons[0];
                return html`<tr data-index=${String(c.index)}>
                  <th scope="row">#${c.index} ${v.typeLabel(c.type)}</th>
                  <td>${v.fmt(c.area_m2, 0)}</td>
                  <td>${v.fmt(c.storage_m3, 1)}</td>
                  <td>${v.fmt(c.runoff_m3, 1)}</td>
                  <td>
                    ${v.fmt(c.infiltration_m3, 1)}${
                      c.infiltration_works_share !== null
                        ? ` (${v.pct(c.infiltration_works_share)})`
                        : nothing
                    }
                  </td>
                  <td>${c.cooling !== null ? v.fmt(c.cooling, 2) : '–'}</td>
                  <td title=${reason ? (reason[v.lang] ?? reason.nl) : ''}>
                    ${fit ? v.t(`verdict_${fit.verdict}` as MessageKey) : '–'}
                  </td>
                  <td>${v.fmt(c.cost_eur, 0)} / ${v.fmt(c.upkeep_eur_year, 0)}</td>
                </tr>`;
              })}
            </tbody>
          </table>
        </div>
      </details>`;
    })}
  </section>`;
}

function assumptionsSection(v: CompareView, d: DetailsState): TemplateResult {
  const { result } = d;
  const value = (x: unknown): string =>
    typeof x === 'number'
      ? v.fmt(x, Number.isInteger(x) ? 0 : 2)
      : typeof x === 'string'
        ? x
        : JSON.stringify(x);
  return html`<section part="assumptions">
    ${v.sub(v.t('assumptionsTitle'), 'assumptions-title')}
    <p>${v.t('assumptionsIntro')}</p>
    <ul>
      ${result.assumptions.map(
        (a) =>
          html`<li>
            <code>${a.name}</code
            >${a.value !== a.name ? html` = <strong>${value(a.value)}</strong>` : nothing}
            <span class="tag">${v.t(a.tag === 'U' ? 'tag_U' : 'tag_S')}</span><br />
            ${v.t('assumptionSource', { source: d.sourceText(a.name, a.source, v.lang) })}
          </li>`,
      )}
    </ul>
  </section>`;
}

/** The detail sections of one comparison: fit, what each measure adds, assumptions. */
export interface DetailsState {
  result: CompareResult;
  entries: readonly LoadedScenario[];
  params: ScenarioParams;
  /** The source of an assumption in the interface language. */
  sourceText: (name: string, source: string, lang: MessageLang) => string;
}

/**
 * The results section: ranking, explanation, table, charts, matrices; then `details` (the
 * element renders {@link detailsView} there, one task later for a new comparison); then the
 * export and print buttons.
 */
export function resultsView(v: CompareView, s: ResultsState, details: unknown): TemplateResult {
  return html`<section part="results">
    ${guard([s.result, s.params, s.hasSources, v], () => resultsTop(v, s))} ${details}
    <div part="actions" class="row">
      <button type="button" part="download-csv" @click=${s.onCsv}>${v.t('downloadCsv')}</button>
      <button type="button" part="print" @click=${s.onPrint}>${v.t('print')}</button>
    </div>
  </section>`;
}

function resultsTop(v: CompareView, s: ResultsState): TemplateResult {
  const { result, params } = s;
  const rows = indicatorRows(result, params);
  return html`${v.sub(v.t('resultsTitle'))}
    ${s.hasSources ? nothing : html`<p part="notice">${v.t('noSourcesNotice')}</p>`}
    ${v.sub(v.t('rankingTitle'), 'ranking-title')}
    <ol part="ranking">
      ${result.ranking.map((name) => {
        const r = result.scenarios.find((x) => x.name === name);
        return html`<li>
          ${v.t('rankingItem', { name, domain: r ? v.pct(r.robustness.domain) : '–' })}
        </li>`;
      })}
    </ol>
    <p part="explanation">${result.explanation[v.lang] ?? result.explanation.nl}</p>
    ${indicatorTable(v, result, rows, params)} ${barCharts(v, result, rows)}
    ${robustnessSection(v, result, params)}`;
}

/** The detail sections (long: a row per measure and scenario). */
export function detailsView(v: CompareView, d: DetailsState): TemplateResult {
  return html`${fitSection(v, d)} ${contributionsSection(v, d)} ${assumptionsSection(v, d)}`;
}
