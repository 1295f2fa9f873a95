/**
 * The "how to start" steps and the load section of `<na-scenario-compare>`: drop zone, file
 * picker, address field, the errors and the list of loaded scenarios.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { LoadedScenario, ShownError } from './scenarios-controller.js';
import type { CompareView } from './view.js';

/** What the steps show. */
export interface StepsState {
  mapOk: boolean;
  sourcesLoading: boolean;
  sourcesError: string | undefined;
  /** Technical detail of the sources failure (English), for the map administrator. */
  sourcesDetail?: string | undefined;
  sourcesCount: number;
  scenarios: number;
}

/** The steps of the empty state (nothing once map, sources and two scenarios are there). */
export function stepsView(v: CompareView, s: StepsState): TemplateResult | typeof nothing {
  const sourcesOk = s.sourcesCount > 0;
  const enough = s.scenarios >= 2;
  if (s.mapOk && sourcesOk && enough) return nothing;
  const sourcesText = s.sourcesLoading
    ? v.t('stepSourcesLoading')
    : s.sourcesError
      ? html`${v.t('stepSourcesError', { message: s.sourcesError })}${
          s.sourcesDetail === undefined ? nothing : technical(v, s.sourcesDetail)
        }`
      : sourcesOk
        ? v.t('stepSourcesOk', { count: s.sourcesCount })
        : v.t('stepSourcesTodo');
  return html`<section part="empty">
    ${v.sub(v.t('stepsTitle'))}
    <ol part="steps">
      <li data-step="map" data-done=${String(s.mapOk)}>
        ${s.mapOk ? v.t('stepMapOk') : v.t('stepMapTodo')}
      </li>
      <li data-step="sources" data-done=${String(sourcesOk)}>${sourcesText}</li>
      <li data-step="scenarios" data-done=${String(enough)}>
        ${s.scenarios === 1 ? v.t('stepScenariosOne') : v.t('stepScenariosTodo')}
      </li>
    </ol>
  </section>`;
}

/** What the load section shows and does. */
export interface LoadState {
  entries: readonly LoadedScenario[];
  errors: readonly ShownError[];
  /** The newest error, said once by the live region. */
  newestError?: ShownError | undefined;
  dragOver: boolean;
  onDragOver: (e: DragEvent) => void;
  onDragLeave: () => void;
  onDrop: (e: DragEvent) => void;
  onFiles: (e: Event) => void;
  onUrlSubmit: (e: Event) => void;
  onDismiss: (id: number) => void;
  onRemove: (key: string) => void;
  onDownload: (entry: LoadedScenario) => void;
}

function errorsView(v: CompareView, s: LoadState): TemplateResult | typeof nothing {
  if (s.errors.length === 0) return nothing;
  return html`<strong>${v.t('errorsTitle')}</strong>
    <ul>
      ${s.errors.map(
        (err) =>
          html`<li>
            <span part="error-message">${errorText(v, err)}</span
            >${err.detail === undefined ? nothing : technical(v, err.detail)}
            <button
              type="button"
              part="dismiss"
              aria-label=${v.t('dismissNamed', { file: err.file || v.t('errorsTitle') })}
              @click=${() => s.onDismiss(err.id)}
            >
              ${v.t('dismiss')}
            </button>
          </li>`,
      )}
    </ul>
    ${s.entries.length > 0 ? html`<p>${v.t('errorKept')}</p>` : nothing}`;
}

function entryView(v: CompareView, s: LoadState, e: LoadedScenario): TemplateResult {
  const origin =
    e.origin === 'drawn'
      ? v.t('originDrawn')
      : e.origin === 'file'
        ? v.t('originFile', { from: e.from })
        : e.origin === 'api'
          ? v.t('originApi')
          : v.t('originUrl', { from: e.from });
  return html`<li data-key=${e.key}>
    <strong>${e.name}</strong>
    <span class="meta"
      >(${origin}; ${v.t('featureCount', { count: e.scenario.features.length })})</span
    >
    <span class="row">
      <button
        type="button"
        part="download-geojson"
        aria-label=${v.t('downloadGeoJsonNamed', { name: e.name })}
        @click=${() => s.onDownload(e)}
      >
        ${v.t('downloadGeoJson')}
      </button>
      <button
        type="button"
        part="remove"
        aria-label=${v.t('removeNamed', { name: e.name })}
        @click=${() => s.onRemove(e.key)}
      >
        ${v.t('remove')}
      </button>
    </span>
  </li>`;
}

/** The load section. */
export function loadView(v: CompareView, s: LoadState): TemplateResult {
  return html`<section part="load">
    ${v.sub(v.t('loadTitle'))}
    <div
      part="dropzone"
      ?data-over=${s.dragOver}
      @dragenter=${s.onDragOver}
      @dragover=${s.onDragOver}
      @dragleave=${s.onDragLeave}
      @drop=${s.onDrop}
    >
      <p>${v.t('dropZone')}</p>
      <label part="file-label"
        >${v.t('chooseFiles')}
        <input
          part="file-input"
          type="file"
          multiple
          accept=".geojson,.json,application/geo+json,application/json"
          @change=${s.onFiles}
      /></label>
    </div>
    <form class="row" novalidate @submit=${s.onUrlSubmit}>
      <label
        >${v.t('urlLabel')}
        <input part="url-input" type="url" name="url" autocomplete="url" inputmode="url"
      /></label>
      <button part="url-load" type="submit">${v.t('urlLoad')}</button>
    </form>
    <div part="errors">${errorsView(v, s)}</div>
    <div part="errors-live" class="visually-hidden" role="status" aria-live="polite">
      ${s.newestError === undefined ? nothing : errorText(v, s.newestError)}
    </div>
    ${
      s.entries.length > 0
        ? html`${v.sub(v.t('loadedList'), 'list-title')}
            <ul part="scenario-list">
              ${s.entries.map((e) => entryView(v, s, e))}
            </ul>`
        : nothing
    }
  </section>`;
}

/** Technical detail (English) for the map administrator, folded away. */
function technical(v: CompareView, detail: string): TemplateResult {
  return html`<details part="technical-detail" lang="en">
    <summary lang=${v.lang}>${v.t('technicalDetail')}</summary>
    <p>${detail}</p>
  </details>`;
}

/** The message of an error for users (its key in the interface language, else as given). */
function errorText(v: CompareView, err: ShownError): string {
  return err.key ? v.t(err.key, err.params) : err.message;
}
