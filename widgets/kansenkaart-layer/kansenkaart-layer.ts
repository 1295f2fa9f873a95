import { LitElement, html, type PropertyValues } from 'lit';
import { LangController } from '../shared/lang-controller.js';
import { property, state } from 'lit/decorators.js';
import type OlMap from 'ol/Map.js';
import type { Kansenkaart } from '../../src/core/kansenkaart/compute.js';
import {
  areasByState,
  summarizeKansenkaart,
  type KansenSummary,
  type StateAreas,
} from '../../src/core/kansenkaart/output.js';
import { defaultKnowledgeBase } from '../../src/core/kb/load.js';
import type { KnowledgeBase } from '../../src/core/kb/types.js';
import { ACTIONS, type Action } from '../../src/core/types.js';
import {
  attachKansenkaart,
  fetchKansenkaart,
  rdToMap,
  type KansenkaartAttachment,
  type KansenkaartAttachmentOptions,
  type KansenkaartData,
  type KansenkaartShown,
  type KansenUnitInfo,
} from '../../src/map/kansenkaart-layer.js';
import {
  attachKansenkaartRaster,
  type KansenkaartRaster,
} from '../../src/map/kansenkaart-raster.js';
import type {
  KansenkaartJobProgress,
  KansenkaartJobResult,
} from '../../src/sources/kansenkaart-job.js';
import { isAbortError } from '../../src/sources/abort.js';
import type { CoreWorkerMode } from '../shared/core-worker.js';
import { createKansenkaartRunner, type KansenkaartWorkerResult } from './kansenkaart-runner.js';
import { resolveLang, tr, type WidgetLang } from '../shared/lang.js';
import { MapTargetController } from '../shared/map-target.js';
import { layerStatus, layerStatusStyles } from '../shared/layer-status.js';
import { baseStyles } from '../shared/styles.js';
import { messages } from './messages.js';
import { hoverText, statusText, viewSummaryCsv, type KansenkaartLayerState } from './texts.js';

export type { KansenkaartLayerState };
import { NaKansenkaartChangeEvent, NaKansenkaartSelectEvent } from './events.js';
import { kansenkaartJob, progressShare } from './job.js';
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

  @state() private _state: KansenkaartLayerState = 'no-map';
  /** The unit read out (pointer or crosshair), `none` when the crosshair is on no unit. */
  @state() private _hovered?: KansenUnitInfo | 'none';
  private _lang?: WidgetLang;
  @state() private _progress = 0;
  private _count = 0;
  private _result?: KansenkaartJobResult;
  private _runner?: ReturnType<typeof createKansenkaartRunner>;
  private _computed?: Promise<void>;
  private _boundJob?: string;
  /** The export (`src`) as vector polygons. */
  private _attachment?: KansenkaartAttachment;
  /** The computed map as an image (`sources`). */
  private _raster?: KansenkaartRaster;
  private _boundMap?: OlMap;
  private _boundSrc?: string;
  private _abort?: AbortController;
  /** The area of the computation in flight or shown (JSON), to skip moves that keep the view. */
  private _area?: string;
  private _forced?: MediaQueryList;
  private readonly _mapTarget = new MapTargetController(this);
  private readonly _onForced = (): void =>
    this._shown()?.setForcedColors(this._forced?.matches ?? false);
  private readonly _onMoveEnd = (): void => {
    if (this._computing() && this.bbox === undefined && this.area !== 'coverage')
      this._compute(true);
    this._notify();
  };

  get state(): KansenkaartLayerState {
    return this._state;
  }

  /** The attributes of the units in the map's current view (for the summary and the download). */
  unitsInView(): Array<Record<string, unknown>> {
    return this._shown()?.unitsInView() ?? [];
  }

  /** Hectares per state of every action over the units in the map's current view. */
  areasInView(): Record<Action, StateAreas> {
    return this._shown()?.areasInView() ?? areasByState([]);
  }

  /** The units in the map's current view as GeoJSON (EPSG:28992), for the download. */
  geoJsonOfView(): string {
    return this._shown()?.geoJsonInView() ?? '{"type":"FeatureCollection","features":[]}';
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
    const map = this._result?.map;
    return map
      ? summarizeKansenkaart(map, this.knowledgeBase ?? defaultKnowledgeBase())
      : undefined;
  }

  /** The last computed kansenkaart (plain data; undefined for an export). */
  get kansenkaart(): Kansenkaart | undefined {
    return this._result?.map;
  }

  /** Sources left out of the computation, and why. */
  get skippedSources(): Array<{ id: string; reason: string }> {
    return this._result?.skipped ?? [];
  }

  /**
   * Sources whose area could not be read in the last computation (timeout, HTML, OGC exception,
   * over budget): their facts are missing on the map. `userMessage` says which and why, in Dutch
   * and English.
   */
  get failedSources(): KansenkaartJobResult['failed'] {
    return this._result?.failed ?? [];
  }

  /** Where the computation runs: `worker`, `main` (fallback) or `pending` (none yet). */
  get computeMode(): CoreWorkerMode {
    return this._runner?.mode ?? 'pending';
  }

  /** Resolves when the computation in flight (if any) has finished or failed. */
  async whenComputed(): Promise<void> {
    let seen: Promise<void> | undefined;
    while (this._computed !== seen) {
      seen = this._computed;
      await seen;
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this._forced = window.matchMedia('(forced-colors: active)');
    this._forced.addEventListener('change', this._onForced);
    // Back on the page: bind the map again (removal released it).
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._forced?.removeEventListener('change', this._onForced);
    this._detach();
    this._runner?.dispose();
    this._runner = undefined;
    // A computation in flight was aborted: say so instead of computing for ever.
    if (this._state === 'computing') this._state = 'aborted';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('mapTarget') || changed.has('map')) this._mapTarget.sync();
    if (!ACTIONS.includes(this.action)) this.action = 'infiltreren';
    const lang = resolveLang(this);
    if (lang !== this._lang) {
      this._lang = lang;
      this._reword(lang);
    }
    // Off the page nothing is bound (an update after removal must not add to the host's map).
    if (!this.isConnected) return;
    if (
      this.map !== this._boundMap ||
      this.src !== this._boundSrc ||
      (this._computing() && this._jobKey() !== this._boundJob)
    )
      this._bind();
    const shown = this._shown();
    if (changed.has('action') && shown) {
      shown.setAction(this.action);
      this._hovered = undefined;
      this._notify();
    }
  }

  /** The kansenkaart on the map (an export's polygons or the computed image). */
  private _shown(): KansenkaartShown | undefined {
    return this._raster ?? this._attachment;
  }

  /** Rewords the map's labels and the unit read out in `lang` (no new computation). */
  private _reword(lang: WidgetLang): void {
    const shown = this._shown();
    shown?.setLang(lang);
    const unit = this._hovered;
    if (shown && this.map && unit !== undefined && unit !== 'none')
      this._hovered = shown.unitAt(rdToMap(this.map, unit.rd)) ?? undefined;
  }

  protected override render(): unknown {
    const lang = resolveLang(this);
    const shown = ['no-map', 'no-source', 'empty', 'too-large', 'error'].includes(this._state);
    return html`${layerStatus(shown, this._statusText(lang))}
      ${
        this._state === 'computing'
          ? html`<progress
              part="progress"
              max="100"
              value=${Math.round(this._progress * 100)}
              aria-label=${tr(messages, 'computing', lang, { percent: Math.round(this._progress * 100) })}
            ></progress>`
          : null
      }
      <p part="hover" role="status">${hoverText(this._hovered, lang)}</p>`;
  }

  private _statusText(lang: WidgetLang): string {
    return statusText(this._state, lang, {
      progress: this._progress,
      count: this._count,
      failed: this.failedSources.map((f) => f.title),
      mapTarget: { problem: this._mapTarget.problem, selector: this.mapTarget },
    });
  }

  /** Whether the element computes (a sources file and no export). */
  private _computing(): boolean {
    return !this.src && !!this.sources;
  }

  /** What decides the computation apart from the view. */
  private _jobKey(): string {
    return JSON.stringify([this.sources, this.area, this.bbox, this.cellSize]);
  }

  private _bind(): void {
    this._detach();
    const map = this.map;
    this._boundMap = map;
    this._boundSrc = this.src;
    this._boundJob = this._computing() ? this._jobKey() : undefined;
    if (!map) {
      this._state = 'no-map';
      return;
    }
    if (this._computing()) {
      map.on('moveend', this._onMoveEnd);
      this._compute();
      return;
    }
    if (!this.src) {
      this._state = 'no-source';
      return;
    }
    this._state = 'loading';
    const abort = new AbortController();
    this._abort = abort;
    fetchKansenkaart(this.src, abort.signal).then(
      (data) => {
        if (abort.signal.aborted) return;
        this._show(map, data);
        map.on('moveend', this._onMoveEnd);
      },
      (e: unknown) => {
        if (abort.signal.aborted) return;
        console.warn(`na-kansenkaart-layer: ${e instanceof Error ? e.message : String(e)}`);
        this._state = 'error';
      },
    );
  }

  private _attachOptions(): KansenkaartAttachmentOptions {
    return {
      action: this.action,
      forcedColors: this._forced?.matches ?? false,
      lang: resolveLang(this),
      onHover: (unit) => (this._hovered = unit ?? undefined),
      onCentre: (unit) => (this._hovered = unit ?? 'none'),
      onSelect: (unit) => this.dispatchEvent(new NaKansenkaartSelectEvent(unit)),
    };
  }

  /** Draws the computed map as an image (a new attachment, or new data in the current one). */
  private _showRaster(map: OlMap, result: KansenkaartWorkerResult): void {
    const data =
      result.map && result.unitGrid
        ? { map: result.map, unitGrid: result.unitGrid, images: result.images ?? {} }
        : undefined;
    if (this._raster) this._raster.setData(data);
    else
      this._raster = attachKansenkaartRaster(map, data, {
        ...this._attachOptions(),
        // The map's view is computed, nothing around it: no margin (a smaller image to draw).
        imageRatio: this.bbox === undefined && this.area !== 'coverage' ? 1 : 1.5,
      });
    this._hovered = undefined;
    this._count = result.map?.units.length ?? 0;
    this._state = 'ready';
    this._notify();
  }

  /** Draws `data` (a new attachment, or new units in the current one). */
  private _show(map: OlMap, data: KansenkaartData): void {
    if (this._attachment) this._attachment.setData(data);
    else this._attachment = attachKansenkaart(map, data, this._attachOptions());
    this._count = data.features.length;
    this._state = 'ready';
    this._notify();
  }

  /** Starts a computation for the current area (aborting the one in flight). */
  private _compute(onMove = false): void {
    const map = this.map;
    const url = this.sources;
    if (!map || !url) return;
    const job = kansenkaartJob(map, url, {
      cellSize: this.cellSize,
      area: this.area,
      bbox: this.bbox,
      knowledgeBase: this.knowledgeBase,
    });
    // A moveend without a new view (e.g. a resize to the same extent, another layer added): the
    // map in flight or shown is already this view's.
    const area = JSON.stringify(job.area ?? null);
    if (onMove && area === this._area && this._abort !== undefined) return;
    this._area = area;
    this._abort?.abort();
    const abort = new AbortController();
    this._abort = abort;
    this._runner ??= createKansenkaartRunner();
    this._state = 'computing';
    this._progress = 0;
    const run = this._runner
      .run(job, abort.signal, (p) => {
        if (abort.signal.aborted) return;
        this._progress = progressShare(p as KansenkaartJobProgress);
      })
      .then(
        (result) => {
          if (abort.signal.aborted) return;
          this._result = result;
          if (!result.map || result.map.cells === 0) {
            this._raster?.setData(undefined);
            this._count = 0;
            this._state = 'empty';
            this._notify();
            return;
          }
          this._showRaster(map, result);
        },
        (e: unknown) => {
          if (abort.signal.aborted || isAbortError(e)) return;
          if ((e as { code?: unknown }).code === 'too-large') {
            this._raster?.setData(undefined);
            this._state = 'too-large';
            return;
          }
          console.warn(`na-kansenkaart-layer: ${e instanceof Error ? e.message : String(e)}`);
          this._state = 'error';
        },
      );
    this._computed = run;
  }

  private _detach(): void {
    this._abort?.abort();
    this._abort = undefined;
    this._area = undefined;
    this._result = undefined;
    this._boundJob = undefined;
    this._boundMap?.un('moveend', this._onMoveEnd);
    this._attachment?.dispose();
    this._attachment = undefined;
    this._raster?.dispose();
    this._raster = undefined;
    this._boundMap = undefined;
    this._boundSrc = undefined;
    this._hovered = undefined;
  }

  private _notify(): void {
    this.dispatchEvent(
      new NaKansenkaartChangeEvent({
        action: this.action,
        loaded: this._state === 'ready',
        failedSources: this.failedSources,
      }),
    );
  }
}
