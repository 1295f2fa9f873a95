/**
 * The whole panel of `<na-scenario-compare>`: title, the "how to start" steps, loading, drawing,
 * the map toolbar, the live region and the results (whose long detail sections follow one task
 * later for a new comparison, details-controller.ts). A pure function of its state and the view.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import type { WidgetLang } from '../shared/lang.js';
import type { SourcesController } from '../shared/sources-controller.js';
import type { ShownComparison } from './compare-controller.js';
import { drawView } from './draw-view.js';
import { loadView, stepsView, type LoadState, type StepsState } from './load-view.js';
import type { MapController } from './map-controller.js';
import { detailsView, resultsView, type ResultsState } from './results-view.js';
import type { LoadedScenario } from './scenarios-controller.js';
import { mapToolbar } from './toolbar.js';
import { statusText, type CompareView } from './view.js';

/** What the panel shows and does. */
export interface PanelState {
  state: 'empty' | 'loading' | 'computing' | 'ready';
  headingLevel: number;
  hasMap: boolean;
  entries: readonly LoadedScenario[];
  steps: Omit<StepsState, 'mapOk' | 'scenarios'>;
  load: Omit<LoadState, 'entries'>;
  map: MapController;
  onAddDrawn: () => void;
  /** The comparison shown, and the one whose detail sections are rendered. */
  shown: ShownComparison | undefined;
  detailsRendered: ShownComparison | undefined;
  results: Pick<ResultsState, 'onCsv' | 'onPrint'>;
}

/** What the steps say about the sources file. */
export function sourcesSteps(sources: SourcesController, lang: WidgetLang): PanelState['steps'] {
  return {
    sourcesLoading: sources.loadingFile,
    sourcesError: sources.errorText(lang),
    sourcesDetail: sources.error instanceof Error ? sources.error.message : undefined,
    sourcesCount: sources.sources?.length ?? 0,
  };
}

/** The panel (`part="base"`). */
export function panelView(v: CompareView, s: PanelState): TemplateResult {
  const busy = s.state === 'computing' || s.state === 'loading';
  const m = s.map;
  return html`<div part="base" data-state=${s.state}>
    ${v.heading(s.headingLevel, v.t('title'), 'title')}
    <p>${v.t('intro')}</p>
    ${stepsView(v, { ...s.steps, mapOk: s.hasMap, scenarios: s.entries.length })}
    ${loadView(v, { entries: s.entries, ...s.load })}
    ${drawView(v, {
      hasMap: s.hasMap,
      name: m.drawName,
      map: m,
      onName: (name) => m.setDrawName(name),
      onAdd: s.onAddDrawn,
    })}
    ${mapToolbar(v, s.hasMap, s.entries, m)}
    <p part="status" role="status" ?data-busy=${busy}>${statusText(v, s.state, s.shown?.result)}</p>
    ${s.shown ? results(v, s, s.shown) : ''}
  </div>`;
}

/**
 * The results of `shown`. For a new comparison the detail sections of the previous one stay in
 * the DOM, hidden, until the details controller renders them, so they are updated in place rather
 * than built again. Each part is built again only when its comparison or the view changes
 * (`guard`; `v` is cached per language, heading level and print).
 */
function results(v: CompareView, s: PanelState, shown: ShownComparison): TemplateResult {
  const d = v.printing ? shown : s.detailsRendered;
  const stale = d !== shown;
  const details = html`${stale ? html`<p part="details-pending">${v.t('detailsPending')}</p>` : nothing}
    <div part="details" ?hidden=${stale}>
      ${d ? guard([d, v], () => detailsView(v, d)) : nothing}
    </div>`;
  const hasSources = s.steps.sourcesCount > 0;
  return resultsView(
    v,
    { result: shown.result, params: shown.params, hasSources, ...s.results },
    details,
  );
}
