/**
 * The panel template of `<na-location-check>`: title, address search, keyboard mode, the live
 * region and the body (loading, error, no data, the report, or what to do first). A thin view: the
 * element passes its state and handlers in a {@link PanelView}; every text is rendered as text.
 */
import type { SourcesFileError } from '../../src/sources/sources-file.js';
import { html, nothing, type TemplateResult } from 'lit';
import type { KnowledgeBase } from '../../src/core/kb/types.js';
import type { LocalizedReport } from '../../src/core/localize.js';
import type { Audience } from '../../src/core/types.js';
import type { MapTargetProblem } from '../../src/map/map-target.js';
import type { WidgetLang } from '../shared/lang.js';
import { liveStatus } from '../shared/live-region.js';
import { MAP_TARGET_MESSAGE } from '../shared/map-target.js';
import type { NaAddressSelectEvent } from '../address-search/events.js';
import type { MessageKey } from './messages.js';
import {
  renderAddress,
  renderConflicts,
  renderCoordinates,
  renderFacts,
  renderLandscape,
  renderSources,
  type AddressLine,
  type T,
} from './report-facts.js';
import { renderDiscouraged, renderMissing, renderPrinciples } from './report-principles.js';
import { renderSummary } from './resident.js';

/** What the panel shows. */
export type LocationCheckState = 'empty' | 'loading' | 'report' | 'partial' | 'no-data' | 'error';

/** Everything the panel template needs from the element. */
export interface PanelView {
  t: T;
  lang: WidgetLang;
  state: LocationCheckState;
  sourcesLoading: boolean;
  /** The report in the current language, if one is held. */
  report: LocalizedReport | undefined;
  /** Whether the held report lies outside every source's coverage. */
  outside: boolean;
  errorKey: MessageKey;
  errorMessage: string | undefined;
  /** Why the sources file or a data file failed, in words for users. */
  loadError: SourcesFileError | undefined;
  announcement: string;
  address: AddressLine | undefined;
  snapshot: string | null;
  audience: Audience;
  /** Undefined until the check engine (with the default knowledge base) is loaded. */
  kb: KnowledgeBase | undefined;
  hasViewer: boolean;
  hasSources: boolean;
  mapTargetProblem: MapTargetProblem | undefined;
  mapTarget: string | undefined;
  noSearch: boolean;
  searchBaseUrl: string | undefined;
  /** Tells this check apart on a page with more than one (visually hidden in names). */
  contextLabel: string | undefined;
  /** The viewer handed to the address search (opaque here). */
  viewer: unknown;
  keyboard: boolean;
  onAddressSelect: (e: NaAddressSelectEvent) => void;
  onToggleKeyboard: () => void;
  onPadKeydown: (e: KeyboardEvent) => void;
  onCheckCenter: () => void;
  onPrint: () => void;
  onDownload: () => void;
}

export function renderPanel(v: PanelView): TemplateResult {
  const { t, lang } = v;
  const busy = v.state === 'loading' || v.sourcesLoading;
  return html`
    <section
      part="panel"
      data-state=${v.state}
      aria-labelledby="title"
      aria-busy=${busy ? 'true' : 'false'}
      lang=${lang}
    >
      <h2 part="title" id="title" tabindex="-1">${t('title')}${contextSuffix(v)}</h2>
      ${
        v.noSearch
          ? nothing
          : html`<na-address-search
              part="search"
              exportparts="input: search-input, listbox: search-listbox, option: search-option"
              base-url=${v.searchBaseUrl ?? nothing}
              context-label=${v.contextLabel || nothing}
              lang=${lang}
              .viewer=${v.viewer}
              @na-address-select=${v.onAddressSelect}
            ></na-address-search>`
      }
      ${v.hasViewer ? renderToolbar(v) : nothing} ${liveStatus(v.announcement)} ${renderBody(v)}
    </section>
  `;
}

/** The visually hidden `(context label)` that makes names unique on pages with two checks. */
function contextSuffix(v: PanelView): TemplateResult | typeof nothing {
  return v.contextLabel ? html`<span class="visually-hidden"> (${v.contextLabel})</span>` : nothing;
}

function renderToolbar(v: PanelView): TemplateResult {
  const { t } = v;
  return html`
    <div part="toolbar" class="toolbar">
      <button
        part="keyboard-toggle"
        type="button"
        aria-pressed=${v.keyboard ? 'true' : 'false'}
        @click=${v.onToggleKeyboard}
      >
        ${t('keyboardToggle')}${contextSuffix(v)}
      </button>
    </div>
    ${
      v.keyboard
        ? html`<div part="keyboard">
            <p id="keyboard-help">${t('keyboardHelp')}</p>
            <div
              part="keyboard-pad"
              role="application"
              tabindex="0"
              aria-label=${
                v.contextLabel ? `${t('keyboardPad')} (${v.contextLabel})` : t('keyboardPad')
              }
              aria-describedby="keyboard-help"
              @keydown=${v.onPadKeydown}
            >
              ${t('keyboardPad')} ← ↑ → ↓ · Enter
            </div>
            <button part="check-center" type="button" class="primary" @click=${v.onCheckCenter}>
              ${t('checkCenter')}
            </button>
          </div>`
        : nothing
    }
  `;
}

function renderBody(v: PanelView): TemplateResult {
  const { t, report } = v;
  if (v.state === 'loading' || (v.sourcesLoading && !report)) {
    return html`<div part="loading">
      <span part="spinner" aria-hidden="true"></span>
      <span>${v.state === 'loading' ? t('loading') : t('loadingSources')}</span>
    </div>`;
  }
  if (v.state === 'error') {
    return html`<div part="message" class="message">
        <p>${t(v.errorKey)}</p>
        ${v.errorKey !== 'error' && v.loadError ? html`<p>${v.loadError.userText(v.lang)}</p>` : nothing}
        ${
          v.errorMessage
            ? html`<details part="technical-detail" lang="en">
                <summary lang=${v.lang}>${t('technicalDetail')}</summary>
                <p class="description">${v.errorMessage}</p>
              </details>`
            : nothing
        }
      </div>
      ${report ? renderSources(report, t, v.lang) : nothing}`;
  }
  if (v.state === 'no-data' && report) return renderNoData(report, v);
  if ((v.state === 'report' || v.state === 'partial') && report) return renderReport(report, v);
  let key: MessageKey = 'intro';
  const problem = v.mapTargetProblem;
  if (!v.hasViewer && problem !== undefined) {
    return html`<p part="message" class="message">
      ${t(MAP_TARGET_MESSAGE[problem], { selector: v.mapTarget ?? '' })}
    </p>`;
  }
  if (!v.hasViewer) key = 'noMap';
  else if (!v.hasSources && !v.sourcesLoading) key = 'noSources';
  return html`<p part="message" class="message">${t(key)}</p>`;
}

function renderNoData(report: LocalizedReport, v: PanelView): TemplateResult {
  const { t, outside } = v;
  const reasons = [
    ...new Set(
      report.missing.flatMap((m) =>
        m.kind === 'fact' && m.reason !== 'not-configured' ? [m.text] : [],
      ),
    ),
  ];
  return html`<div part="message" class="message">
      <p><strong>${outside ? t('outside') : t('noData')}</strong></p>
      ${
        !outside && reasons.length > 0
          ? html`<ul>
              ${reasons.map((r) => html`<li>${r}</li>`)}
            </ul>`
          : nothing
      }
    </div>
    ${renderSources(report, t, v.lang)}`;
}

function renderReport(report: LocalizedReport, v: PanelView): TemplateResult {
  const { t, lang, audience } = v;
  const failed = report.sources.filter((s) => s.status === 'error');
  const heading = report.landscape.zone
    ? `${t('reportHeading')}: ${report.landscape.zone.name} (${report.landscape.zone.code})`
    : t('reportHeading');
  return html`<article part="report" aria-labelledby="report-heading">
    <h3 part="report-heading" id="report-heading" tabindex="-1">${heading}</h3>
    ${
      v.snapshot
        ? html`<figure part="snapshot" class="print-only">
            <img src=${v.snapshot} alt=${t('mapImage')} />
          </figure>`
        : nothing
    }
    ${report.illustrative ? html`<p part="notice">${t('illustrative')}</p>` : nothing}
    ${renderSummary(report, t)} ${renderAddress(v.address, t, lang)}
    ${renderCoordinates(report, t, lang)}
    ${
      failed.length > 0
        ? html`<div part="warning">
            <p>${t('partial')}</p>
            <ul>
              ${failed.map((s) => html`<li>${s.title}: ${s.message ?? t('statusError')}</li>`)}
            </ul>
          </div>`
        : nothing
    }
    ${
      audience === 'bewoner'
        ? html`${renderPrinciples(report, t, audience)} ${renderDiscouraged(report, t)}
          ${renderLandscape(report, t)} ${renderFacts(report, t)}`
        : html`${renderLandscape(report, t)} ${renderFacts(report, t)}
          ${renderPrinciples(report, t, audience)} ${renderDiscouraged(report, t)}`
    }
    ${renderMissing(report, t, audience)} ${v.kb ? renderConflicts(report, t, v.kb, lang) : nothing}
    ${renderSources(report, t, v.lang)}
    <div part="actions" class="toolbar no-print">
      <button type="button" @click=${v.onPrint}>${t('print')}</button>
      <button type="button" @click=${v.onDownload}>${t('download')}</button>
    </div>
  </article>`;
}
