import { LitElement, css, html, type PropertyValues } from 'lit';
import { LangController } from '../shared/lang-controller.js';
import { property, state } from 'lit/decorators.js';
import type OlMap from 'ol/Map.js';
import type { ActionState } from '../../src/core/kansenkaart/compute.js';
import { STATE_LABELS } from '../../src/core/kansenkaart/output.js';
import { ACTIONS, type Action } from '../../src/core/types.js';
import {
  attachKansenkaart,
  fetchKansenkaart,
  type KansenkaartAttachment,
  type KansenUnitInfo,
} from '../../src/map/kansenkaart-layer.js';
import { resolveLang, tr, type WidgetLang } from '../shared/lang.js';
import { MapTargetController } from '../shared/map-target.js';
import {
  layerStatus,
  layerStatusStyles,
  layerStatusText,
  type LayerState,
} from '../shared/layer-status.js';
import { baseStyles } from '../shared/styles.js';
import { messages } from './messages.js';

/** What the element is doing. */
export type KansenkaartLayerState = LayerState;

/** `na-kansenkaart-select`: a unit was clicked (`detail`: the unit, its state and the point in RD). */
export class NaKansenkaartSelectEvent extends CustomEvent<KansenUnitInfo> {
  static readonly eventName = 'na-kansenkaart-select';
  constructor(detail: KansenUnitInfo) {
    super(NaKansenkaartSelectEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

/** `na-kansenkaart-change`: loaded, the action changed, or the view moved. */
export class NaKansenkaartChangeEvent extends CustomEvent<{ action: Action; loaded: boolean }> {
  static readonly eventName = 'na-kansenkaart-change';
  constructor(detail: { action: Action; loaded: boolean }) {
    super(NaKansenkaartChangeEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

/**
 * The kansenkaart on the host's OpenLayers map: where the chosen action is advised, discouraged,
 * depends on missing data, or has no data (colours safe for colour-blind readers; patterns in
 * forced-colours mode). Shows a kansenkaart export (`src`, GeoJSON from
 * `natuurlijke-alliantie kansenkaart --out x.geojson`); hover a unit for its short reason, click
 * for a `na-kansenkaart-select` event (e.g. to run the location check there). Same host contract
 * as `<na-zonering-layer>`: the host's map (`.map` or `map-target`) and projection; the layer
 * and listeners it adds are removed on disconnect.
 *
 * @summary The kansenkaart (per action: advised, discouraged, missing data, no data) as a map layer.
 * @event na-kansenkaart-select - A unit was clicked.
 * @event na-kansenkaart-change - Loaded, the action changed, or the view moved.
 * @csspart status - The state text (visible while there is no map or no data).
 * @csspart hover - The reason of the unit under the pointer (a polite live region).
 */
export class NaKansenkaartLayer extends LitElement {
  static override styles = [
    baseStyles,
    layerStatusStyles,
    css`
      :host {
        display: block;
      }
      [part='hover'] {
        margin: 0;
        min-height: 1.5em;
        font-size: 0.875rem;
      }
    `,
  ];

  /** The OpenLayers map to draw on (never created or disposed by the element). */
  @property({ attribute: false }) map?: OlMap;
  /** A CSS selector of the element the host's `ol/Map` is rendered into (`.map` wins). */
  @property({ attribute: 'map-target' }) mapTarget?: string;
  /** URL of a kansenkaart export (GeoJSON FeatureCollection in EPSG:28992). */
  @property() src?: string;
  /** Re-renders when `lang` changes on an ancestor. */
  private readonly _langs = new LangController(this);
  /** The action shown (default `infiltreren`). */
  @property() action: Action = 'infiltreren';
  /** Language: `nl` (default) or `en`; inherited from ancestors. */
  @property({ reflect: true }) override lang!: string;

  @state() private _state: KansenkaartLayerState = 'no-map';
  @state() private _hover = '';
  private _count = 0;
  private _attachment?: KansenkaartAttachment;
  private _boundMap?: OlMap;
  private _boundSrc?: string;
  private _abort?: AbortController;
  private _forced?: MediaQueryList;
  private readonly _mapTarget = new MapTargetController(this);
  private readonly _onForced = (): void =>
    this._attachment?.setForcedColors(this._forced?.matches ?? false);
  private readonly _onMoveEnd = (): void => this._notify();

  get state(): KansenkaartLayerState {
    return this._state;
  }

  /** The attributes of the units in the map's current view (for the summary and the download). */
  unitsInView(): Array<Record<string, unknown>> {
    return this._attachment?.unitsInView() ?? [];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this._forced = window.matchMedia('(forced-colors: active)');
    this._forced.addEventListener('change', this._onForced);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._forced?.removeEventListener('change', this._onForced);
    this._detach();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('mapTarget') || changed.has('map')) this._mapTarget.sync();
    if (!ACTIONS.includes(this.action)) this.action = 'infiltreren';
    if (this.map !== this._boundMap || this.src !== this._boundSrc) this._bind();
    if (changed.has('action') && this._attachment) {
      this._attachment.setAction(this.action);
      this._hover = '';
      this._notify();
    }
  }

  protected override render(): unknown {
    const lang = resolveLang(this);
    return html`${layerStatus(this._state, this._statusText(lang))}
      <p part="hover" role="status">${this._hover}</p>`;
  }

  private _statusText(lang: WidgetLang): string {
    return layerStatusText(
      messages,
      this._state,
      lang,
      { problem: this._mapTarget.problem, selector: this.mapTarget },
      () => tr(messages, 'ready', lang, { count: this._count }),
    );
  }

  private _bind(): void {
    this._detach();
    const map = this.map;
    this._boundMap = map;
    this._boundSrc = this.src;
    if (!map) {
      this._state = 'no-map';
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
        this._attachment = attachKansenkaart(map, data, {
          action: this.action,
          forcedColors: this._forced?.matches ?? false,
          onHover: (unit) => this._onHover(unit),
          onSelect: (unit) => this.dispatchEvent(new NaKansenkaartSelectEvent(unit)),
        });
        map.on('moveend', this._onMoveEnd);
        this._count = data.features.length;
        this._state = 'ready';
        this._notify();
      },
      (e: unknown) => {
        if (abort.signal.aborted) return;
        console.warn(`na-kansenkaart-layer: ${e instanceof Error ? e.message : String(e)}`);
        this._state = 'error';
      },
    );
  }

  private _detach(): void {
    this._abort?.abort();
    this._abort = undefined;
    this._boundMap?.un('moveend', this._onMoveEnd);
    this._attachment?.dispose();
    this._attachment = undefined;
    this._boundMap = undefined;
    this._boundSrc = undefined;
    this._hover = '';
  }

  private _onHover(unit: KansenUnitInfo | null): void {
    if (!unit) {
      this._hover = '';
      return;
    }
    const lang = resolveLang(this);
    const label = STATE_LABELS[unit.state as ActionState];
    const stateText = label ? (lang === 'en' ? label.en : label.nl) : String(unit.state);
    this._hover =
      unit.reason === ''
        ? stateText
        : tr(messages, 'hover', lang, { state: stateText, reason: unit.reason });
  }

  private _notify(): void {
    this.dispatchEvent(
      new NaKansenkaartChangeEvent({ action: this.action, loaded: this._state === 'ready' }),
    );
  }
}
