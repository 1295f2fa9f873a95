import { LitElement, css, html, nothing, unsafeCSS } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ACTION_STATES } from '../../src/core/kansenkaart/states.js';
import { toCsv } from '../../src/core/csv.js';
import {
  KANSEN_QUESTIONS,
  STATE_COLOURS,
  STATE_LABELS,
} from '../../src/core/kansenkaart/output.js';
import { labelTexts as kbLabel } from '../../src/core/kb/label.js';
import { ACTIONS, type Action } from '../../src/core/types.js';
import { resolveLang, tr, type WidgetLang } from '../shared/lang.js';
import { baseStyles } from '../shared/styles.js';
import { downloadText } from '../shared/download.js';
import { LangController } from '../shared/lang-controller.js';
import {
  NaKansenkaartChangeEvent,
  type NaKansenkaartLayer,
} from '../kansenkaart-layer/kansenkaart-layer.js';
import { messages } from '../kansenkaart-layer/messages.js';
import { engineModule } from '../kansenkaart-layer/engine-loader.js';
import type { KnowledgeBase } from '../../src/core/kb/types.js';

/** No labels (yet): {@link labelTexts} gives each key's fallback, e.g. the action's id. */
const NO_LABELS = { labels: {} } as unknown as KnowledgeBase;

/**
 * Legend, question picker, summary (hectares per state in the current view) and downloads (CSV and
 * GeoJSON of the units in view, the summary as CSV) of a
 * `<na-kansenkaart-layer>` (named by `for`). In forced-colours mode the swatches show the same
 * patterns as the map. Sources that could not be read in the last computation (timeout, HTML page,
 * OGC exception, 404, over budget) are listed by name with the reason, as text (`part="failed"`).
 * The action and fact names are the default knowledge base's labels, in the layer's engine: the
 * legend loads it (a chunk of its own, shared with the layer) when it first has a layer, and shows
 * the ids until then.
 *
 * @summary Legend, action picker and summary of a kansenkaart layer.
 * @csspart loading - "Legenda laden…" while the names of the actions load (once per page).
 * @csspart picker - The select with the questions and actions.
 * @csspart summary - The summary table.
 * @csspart failed - The list of sources that could not be read (a polite status region).
 * @csspart downloads - The download buttons (CSV of the units in view, their GeoJSON, the summary CSV).
 */
export class NaKansenkaartLegend extends LitElement {
  static override styles = [
    baseStyles,
    // The state colours as a constructed style sheet (no inline style: strict CSP).
    unsafeCSS(ACTION_STATES.map((s) => `.swatch.${s}{background:${STATE_COLOURS[s]}}`).join('\n')),
    css`
      :host {
        display: block;
        max-width: var(--na-kansenkaart-legend-max-width, 28rem);
      }
      ul {
        list-style: none;
        margin: 0.5rem 0;
        padding: 0;
      }
      li {
        display: flex;
        gap: 0.5rem;
        align-items: center;
      }
      .swatch {
        inline-size: 1.25rem;
        block-size: 1rem;
        border: 1px solid #595959;
        forced-color-adjust: none;
      }
      @media (forced-colors: active) {
        .swatch {
          background: Canvas !important;
          border-color: CanvasText;
        }
        .swatch.advised {
          background: repeating-linear-gradient(
            45deg,
            CanvasText 0 1.5px,
            Canvas 1.5px 6px
          ) !important;
        }
        .swatch.discouraged {
          background: CanvasText !important;
        }
        .swatch.missing {
          background: radial-gradient(CanvasText 20%, Canvas 25%) 0 0 / 6px 6px !important;
        }
      }
      table {
        border-collapse: collapse;
        font-size: 0.875rem;
      }
      td,
      th {
        padding: 0.125rem 0.5rem;
        text-align: start;
      }
      td.num {
        text-align: end;
      }
      [part='failed'] {
        border-inline-start: 4px solid #595959;
        padding-inline-start: 0.5rem;
        margin: 0.5rem 0;
      }
      [part='failed'] p {
        margin: 0;
        font-weight: bold;
      }
      [part='failed'] ul {
        list-style: disc;
        padding-inline-start: 1.25rem;
      }
      [part='failed'] li {
        display: list-item;
      }
    `,
  ];

  /** Id of the `<na-kansenkaart-layer>` this legend belongs to. */
  @property() for?: string;
  @property({ reflect: true }) override lang!: string;
  @state() private _tick = 0;
  /** Re-renders when `lang` changes on an ancestor. */
  private readonly _langs = new LangController(this);

  private _layer?: NaKansenkaartLayer;
  private readonly _onChange = (): void => {
    this._tick++;
  };

  override connectedCallback(): void {
    super.connectedCallback();
    queueMicrotask(() => this._connectLayer());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._layer?.removeEventListener(NaKansenkaartChangeEvent.eventName, this._onChange);
    this._layer = undefined;
  }

  private _connectLayer(): void {
    const el = this.for ? this.ownerDocument.getElementById(this.for) : null;
    if (el?.localName !== 'na-kansenkaart-layer' || el === this._layer) return;
    this._layer?.removeEventListener(NaKansenkaartChangeEvent.eventName, this._onChange);
    this._layer = el as NaKansenkaartLayer;
    this._layer.addEventListener(NaKansenkaartChangeEvent.eventName, this._onChange);
    this._tick++;
    // The labels of the actions and facts are the default knowledge base's, in the layer's engine
    // (./engine.ts of the layer, imported once per page): until it has loaded, the legend says it
    // is loading.
    if (engineModule.loaded() === undefined)
      engineModule.load().then(
        () => this._tick++,
        (e: unknown) =>
          console.warn(`na-kansenkaart-legend: ${e instanceof Error ? e.message : String(e)}`),
      );
  }

  /** The default knowledge base once the engine has loaded, else none (labels fall back to ids). */
  private _kb(): KnowledgeBase {
    return engineModule.loaded()?.defaultKnowledgeBase() ?? NO_LABELS;
  }

  protected override render(): unknown {
    const lang = resolveLang(this);
    const en = lang === 'en';
    const layer = this._layer;
    if (!layer) return html`<p>${tr(messages, 'noLayer', lang)}</p>`;
    // The names of the actions and facts come with the engine: until then a short wait, not ids.
    if (engineModule.loaded() === undefined)
      return html`<p part="loading">${tr(messages, 'legendLoading', lang)}</p>`;
    const kb = this._kb();
    const action = layer.action;
    const areas = layer.areasInView()[action];
    const label = (a: Action): string =>
      en ? kbLabel(kb, `action.${a}`, a).en : kbLabel(kb, `action.${a}`, a).nl;
    const questionActions = new Set(KANSEN_QUESTIONS.map((q) => q.action));
    return html`
      <label
        >${tr(messages, 'question', lang)}
        <select
          part="picker"
          @change=${(e: Event) => this._pick((e.target as HTMLSelectElement).value)}
        >
          ${KANSEN_QUESTIONS.map(
            (q) =>
              html`<option value=${q.action} ?selected=${q.action === action}>
                ${en ? q.text.en : q.text.nl}
              </option>`,
          )}
          ${ACTIONS.filter((a) => !questionActions.has(a)).map(
            (a) => html`<option value=${a} ?selected=${a === action}>${label(a)}</option>`,
          )}
        </select></label
      >
      <ul aria-label=${tr(messages, 'legend', lang)}>
        ${ACTION_STATES.map(
          (s) =>
            html`<li>
              <span class="swatch ${s}"></span>${en ? STATE_LABELS[s].en : STATE_LABELS[s].nl}
            </li>`,
        )}
      </ul>
      <table part="summary">
        <caption>
          ${tr(messages, 'summary', lang)}: ${label(action)}
        </caption>
        <thead>
          <tr>
            <th scope="col">${tr(messages, 'state', lang)}</th>
            <th scope="col">${tr(messages, 'area', lang)}</th>
          </tr>
        </thead>
        <tbody>
          ${ACTION_STATES.map(
            (s) =>
              html`<tr data-state=${s}>
                <th scope="row">${en ? STATE_LABELS[s].en : STATE_LABELS[s].nl}</th>
                <td class="num">${areas[s].toLocaleString(en ? 'en' : 'nl-NL')}</td>
              </tr>`,
          )}
        </tbody>
      </table>
      ${this._failed(layer, lang)}
      ${
        layer.state === 'ready'
          ? html`<div part="downloads">
              <button type="button" @click=${() => this._download()}>
                ${tr(messages, 'download', lang)}
              </button>
              <button type="button" data-download="geojson" @click=${() => this._downloadGeoJson()}>
                ${tr(messages, 'downloadGeoJson', lang)}
              </button>
              <button type="button" data-download="summary" @click=${() => this._downloadSummary()}>
                ${tr(messages, 'downloadSummary', lang)}
              </button>
            </div>`
          : nothing
      }
    `;
  }

  /**
   * The sources that could not be read, by name and reason, in the legend's language (text only:
   * titles and reasons come from a sources file and a server and are never read as HTML).
   */
  private _failed(layer: NaKansenkaartLayer, lang: WidgetLang): unknown {
    const failed = layer.failedSources;
    const kb = this._kb();
    const en = lang === 'en';
    // One live region, there before its content (a region added with its text is often not read).
    return html`<div part="failed" role="status" ?hidden=${failed.length === 0}>
      ${
        failed.length === 0
          ? nothing
          : html`<p id="failed-heading">${tr(messages, 'failedHeading', lang)}</p>
              <ul aria-labelledby="failed-heading">
                ${failed.map((f) => {
                  const facts = f.facts
                    .map((fact) => {
                      const l = kbLabel(kb, `fact.${fact}`, fact);
                      return en ? l.en : l.nl;
                    })
                    .join(', ');
                  const reason = (en ? f.reason.en : f.reason.nl) ?? f.message;
                  return html`<li data-source=${f.id} data-code=${f.code}>
                    ${tr(messages, 'failedSource', lang, {
                      name: f.title,
                      reason,
                      facts: facts === '' ? tr(messages, 'failedNoFacts', lang) : facts,
                    })}
                  </li>`;
                })}
              </ul>`
      }
    </div>`;
  }

  private _pick(value: string): void {
    if (!this._layer || !(ACTIONS as readonly string[]).includes(value)) return;
    this._layer.action = value as Action;
  }

  /** The CSV of the units in view (the same columns as the CLI's export, without geometry). */
  csvOfView(): string {
    const units = this._layer?.unitsInView() ?? [];
    if (units.length === 0) return '';
    const header = Object.keys(units[0]!);
    return toCsv([header, ...units.map((u) => header.map((h) => u[h]))]);
  }

  private _download(): void {
    downloadText(this.csvOfView(), 'kansenkaart.csv', 'text/csv;charset=utf-8');
  }

  private _downloadGeoJson(): void {
    const text = this._layer?.geoJsonOfView();
    if (text !== undefined) downloadText(text, 'kansenkaart.geojson', 'application/geo+json');
  }

  private _downloadSummary(): void {
    const text = this._layer?.summaryCsvOfView();
    if (text !== undefined)
      downloadText(text, 'kansenkaart-samenvatting.csv', 'text/csv;charset=utf-8');
  }
}
