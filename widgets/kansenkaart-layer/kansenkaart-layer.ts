import { LitElement, html, type PropertyValues } from 'lit';
import { LangController } from '../shared/lang-controller.js';
import { property } from 'lit/decorators.js';
import type OlMap from 'ol/Map.js';
import type { Kansenkaart } from '../../src/core/kansenkaart/compute.js';
import {
  areasByState,
  summarizeKansenkaart,
  type KansenSummary,
  type StateAreas,
} from '../../src/core/kansenkaart/output.js';
import type { KnowledgeBase } from '../../src/core/kb/types.js';
import { ACTIONS, type Action } from '../../src/core/types.js';
import type { KansenkaartJobResult } from '../../src/sources/kansenkaart-job.js';
import type { CoreWorkerMode } from '../shared/core-worker.js';
import { resolveLang, tr, type WidgetLang } from '../shared/lang.js';
import { MapTargetController } from '../shared/map-target.js';
import { layerStatus, layerStatusStyles } from '../shared/layer-status.js';
import { baseStyles } from '../shared/styles.js';
import { KansenkaartBinding } from './binding-controller.js';
import { engineModule } from './engine-loader.js';
import { messages } from './messages.js';
import { hoverText, statusText, viewSummaryCsv, type KansenkaartLayerState } from './texts.js';

export type { KansenkaartLayerState };
import { NaKansenkaartChangeEvent, NaKansenkaartSelectEvent } from './events.js';
import { kansenkaartLayerStyles } from './styles.js';

export { BROWSER_MAX_CELLS } from './job.js';
export { NaKansenkaartChangeEvent, NaKansenkaartSelectEvent };
export type { KansenkaartChangeDetail } from './events.js';
export type { FailedSource } from '../../src/sources/kansenkaart.js';

/**
 * The kansenkaart on the host's OpenLayers map: where the chosen action is advised, discouraged,
 * depends on missing data, or has no data (colours safe for colour-blind readers; patterns in
 * forced-colours mode). Either computes it in the browser from a sources file (`sources`, as the
 * other widgets) for an area: the map's current view (default, again after every move; clipped to
 * the data's coverage), the data's coverage (`area="coverage"`) or a box (`bbox`, EPSG:28992);
 * the computation runs in a module Worker (main-thread fallback in steps), shows its progress,
 * and is aborted by a newer view or removal. Or shows a kansenkaart export (`src`, GeoJSON from
 * `natuurlijke-alliantie kansenkaart --out x.geojson`; `src` wins). Hover a unit for its short
 * reason, click for a `na-kansenkaart-select` event (e.g. to run the location check there).
 * Keyboard: focus the map (its target element), pan with the arrow keys; the unit under the
 * crosshair is read out (live region), Enter selects it like a click. Same host contract as
 * `<na-zonering-layer>`: the host's map (`.map` or `map-target`) and projection (a view swapped for
 * one in another projection gets the units in it); the layer and listeners it adds are removed on
 * disconnect.
 *
 * @summary The kansenkaart (per action: advised, discouraged, missing data, no data) as a map layer.
 * @event na-kansenkaart-select - A unit was clicked.
 * @event na-kansenkaart-change - Loaded, the action changed, or the view moved; `detail.failedSources`
 *   lists the sources that could not be read (their facts are missing on the map).
 * @csspart status - The state text (visible while there is no map or no data).
 * @csspart hover - The reason of the unit under the pointer or the keyboard crosshair (a polite
 *   live region).
 * @csspart progress - The progress of a computation.
 */
export class NaKansenkaartLayer extends LitElement {
  static override styles = [baseStyles, layerStatusStyles, kansenkaartLayerStyles];

  /** The OpenLayers map to draw on (never created or disposed by the element). */
  @property({ attribute: false }) map?: OlMap;
  /** A CSS selector of the element the host's `ol/Map` is rendered into (`.map` wins). */
  @property({ attribute: 'map-target' }) mapTarget?: string;
  /** URL of a kansenkaart export (GeoJSON FeatureCollection in EPSG:28992); wins over `sources`. */
  @property() src?: string;
  /** URL of a sources file (`sources.json`): compute the kansenkaart from its sources. */
  @property() sources?: string;
  /** The area computed: `view` (default: the map's view, again after each move) or `coverage`. */
  @property() area: 'view' | 'coverage' = 'view';
  /** A box to compute instead (`minX,minY,maxX,maxY` in EPSG:28992); wins over `area`. */
  @property() bbox?: string;
  /** Cell size of the computation in m (default 25). */
  @property({ type: Number, attribute: 'cell-size' }) cellSize = 25;
  /** A knowledge base instead of the bundled one (plain data). */
  @property({ attribute: false }) knowledgeBase?: KnowledgeBase;
  /** Re-renders when `lang` changes on an ancestor. */
  private readonly _langs = new LangController(this);
  /** The action shown (default `infiltreren`). */
  @property() action: Action = 'infiltreren';
  /** Language: `nl` (default) or `en`; inherited from ancestors. */
  @property({ reflect: true }) override lang!: string;

  private _lang?: WidgetLang;
  private readonly _mapTarget = new MapTargetController(this);
  private readonly _binding = new KansenkaartBinding(this, {
    lang: () => resolveLang(this),
    select: (unit) => this.dispatchEvent(new NaKansenkaartSelectEvent(unit)),
    changed: () => this._notify(),
  });

  get state(): KansenkaartLayerState {
    return this._binding.state;
  }

  /** The attributes of the units in the map's current view (for the summary and the download). */
  unitsInView(): Array<Record<string, unknown>> {
    return this._binding.shown()?.unitsInView() ?? [];
  }

  /** Hectares per state of every action over the units in the map's current view. */
  areasInView(): Record<Action, StateAreas> {
    return this._binding.shown()?.areasInView() ?? areasByState([]);
  }

  /** The units in the map's current view as GeoJSON (EPSG:28992), for the download. */
  geoJsonOfView(): string {
    return this._binding.shown()?.geoJsonInView() ?? '{"type":"FeatureCollection","features":[]}';
  }

  /**
   * The summary as CSV: of the computed kansenkaart (`summaryCsv`: per action hectares and shares,
   * per landscape type its principles), or for an export the hectares per action and state of the
   * units in view.
   */
  summaryCsvOfView(): string {
    return viewSummaryCsv(this.summary(), () => this.areasInView(), resolveLang(this));
  }

  /** The summary of the computed kansenkaart (undefined for an export or before a result). */
  summary(): KansenSummary | undefined {
    const map = this._binding.result?.map;
    // A result was shown with the engine (./engine.ts), so its default knowledge base is loaded.
    const kb = this.knowledgeBase ?? engineModule.loaded()?.defaultKnowledgeBase();
    return map && kb ? summarizeKansenkaart(map, kb) : undefined;
  }

  /** The last computed kansenkaart (plain data; undefined for an export). */
  get kansenkaart(): Kansenkaart | undefined {
    return this._binding.result?.map;
  }

  /** Sources left out of the computation, and why. */
  get skippedSources(): Array<{ id: string; reason: string }> {
    return this._binding.result?.skipped ?? [];
  }

  /**
   * Sources whose area could not be read in the last computation (timeout, HTML, OGC exception,
   * over budget): their facts are missing on the map. `userMessage` says which and why, in Dutch
   * and English.
   */
  get failedSources(): KansenkaartJobResult['failed'] {
    return this._binding.result?.failed ?? [];
  }

  /** Where the computation runs: `worker`, `main` (fallback) or `pending` (none yet). */
  get computeMode(): CoreWorkerMode {
    return this._binding.mode;
  }

  /** Resolves when the computation in flight (if any) has finished or failed. */
  whenComputed(): Promise<void> {
    return this._binding.whenComputed();
  }

  /** What this render shows: a known action, and the texts of the unit read out in the language. */
  protected override willUpdate(): void {
    if (!ACTIONS.includes(this.action)) this.action = 'infiltreren';
    const lang = resolveLang(this);
    if (lang !== this._lang) {
      this._lang = lang;
      this._binding.reword(lang);
    }
  }

  /**
   * Side effects after the render: the binding follows the properties (the host's map, its
   * listeners and layers, a computation). What that changes in the element (its state, a Task's
   * status) is rendered by the next update; it is started after this update has ended, so that it
   * does not request an update from inside `updated` (Lit's change-in-update).
   */
  protected override updated(changed: PropertyValues<this>): void {
    const mapChanged = changed.has('mapTarget') || changed.has('map');
    const actionChanged = changed.has('action');
    queueMicrotask(() => this._follow(mapChanged, actionChanged));
  }

  private _follow(mapChanged: boolean, actionChanged: boolean): void {
    // Off the page nothing is bound (an update after removal must not add to the host's map).
    if (!this.isConnected) return;
    if (mapChanged) this._mapTarget.sync();
    this._binding.sync();
    if (actionChanged) this._binding.setAction(this.action);
  }

  protected override render(): unknown {
    const lang = resolveLang(this);
    const { state, progress, hovered } = this._binding;
    const shown = ['no-map', 'no-source', 'empty', 'too-large', 'error'].includes(state);
    return html`${layerStatus(shown, this._statusText(lang))}
      ${
        state === 'computing'
          ? html`<progress
              part="progress"
              max="100"
              value=${Math.round(progress * 100)}
              aria-label=${tr(messages, 'computing', lang, { percent: Math.round(progress * 100) })}
            ></progress>`
          : null
      }
      <p part="hover" role="status">${hoverText(hovered, lang)}</p>`;
  }

  private _statusText(lang: WidgetLang): string {
    return statusText(this.state, lang, {
      progress: this._binding.progress,
      count: this._binding.count,
      failed: this.failedSources.map((f) => f.title),
      mapTarget: { problem: this._mapTarget.problem, selector: this.mapTarget },
    });
  }

  private _notify(): void {
    this.dispatchEvent(
      new NaKansenkaartChangeEvent({
        action: this.action,
        loaded: this.state === 'ready',
        failedSources: this.failedSources,
      }),
    );
  }
}
