import { LitElement, html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type OlMap from 'ol/Map.js';
import type { KnowledgeBase } from '../../src/core/kb/types.js';
import { NaError, type PolygonSource } from '../../src/core/types.js';
import type { ZoneringLayer, ZoneringMapLayer } from '../../src/map/zonering-layer.js';
import type { ScaleThresholds } from '../../src/map/zonering-style.js';
import { resolveLang, tr, type WidgetLang } from '../shared/lang.js';
import { LangController } from '../shared/lang-controller.js';
import { baseStyles } from '../shared/styles.js';
import { NaZoneringChangeEvent, NaZoneringErrorEvent } from './events.js';
import { ZoneAnnouncer } from './announcer.js';
import { ZoneringBinding } from './binding-controller.js';
import { messages } from './messages.js';
import { MapTargetController } from '../shared/map-target.js';
import {
  layerStatus,
  layerStatusStyles,
  layerStatusText,
  type LayerState,
} from '../shared/layer-status.js';

/** What the element is doing. */
export type ZoneringLayerState = LayerState;

import { clampOpacity, visibleConverter } from './bound.js';
import { zoneringLayerStyles } from './styles.js';

/** Default opacity of the layer (the base map stays readable). */
export const DEFAULT_ZONERING_OPACITY = 0.7;

/**
 * The zonering of de Natuurlijke Alliantie as a layer on an OpenLayers map: landscape types at
 * regio/stad scale, BKNSN zones closer in, with labels where they fit and the hovered zone's name
 * in a tooltip. The element shows nothing itself (a visually hidden status only); the layer, the
 * tooltip overlay and their listeners are all it adds to the map, and it removes exactly those on
 * disconnect or when `.map` changes.
 *
 * **Connecting.** `.map` (an `ol/Map` in EPSG:28992, EPSG:3857 or any projection `ol` can reach
 * from RD). The polygons: `.source` (a `PolygonSource`), or the `src` attribute (URL of a GeoJSON
 * file; its CRS from the `crs` or `data-crs` attribute, else the file's own `crs` member, else
 * WGS 84; the zone code in the property named by `zone-property`, default `BKNSN_code`).
 * `.source` wins over `src`. National data: the `tiles` attribute (URL of the `tiles.json` that
 * `npm run tiles` writes) draws vector tiles instead of loading every polygon, on maps in
 * EPSG:28992 (`tiles` wins over `src` there; on other maps `src` is used). The tile code is
 * loaded only when `tiles` is used. The `fgb` attribute (a FlatGeobuf file) reads only the
 * features in view by HTTP Range when zoomed in, with the tiles when zoomed out.
 *
 * **Keyboard.** While the map's target element has focus (give it `tabindex="0"`), the zone at the
 * centre of the map is shown in the tooltip and announced in a polite live region on focus and
 * after every pan or zoom, with how the view moved ("Kaart naar het noorden verschoven. Midden van
 * de kaart: Stuwwal (Sw1)"), also when the centre lies outside the zonering ("… geen zone"). The
 * same holds while a keyboard-mode crosshair is shown (`<na-location-check>`), whatever has focus.
 * A focus ring is drawn inside the map, above its canvases, while the map has keyboard focus.
 *
 * @summary The zonering (landscape types and BKNSN zones) as a map layer.
 *
 * @event na-zone-hover - The hovered zone changed (`detail`: `{ code, name, via }`, code/name null when none).
 * @event na-zonering-change - Attached, detached, loaded, or visibility/opacity changed (`detail`: `{ attached, loaded, featureCount, visible, opacity }`).
 * @event na-zonering-error - Loading failed (`detail`: `{ code, message }`).
 *
 * @csspart status - The state text: shown while there is no map or no polygons (the empty state,
 *   e.g. "Koppel een kaart via .map"), visually hidden once the layer is on the map.
 * @csspart announcement - The visually hidden live region that announces the zone at the map centre.
 *
 * @cssproperty --na-color-background - Background of the tooltip on the map (set on the map's container or above).
 * @cssproperty --na-color-text - Text of the tooltip.
 * @cssproperty --na-color-border - Border of the tooltip.
 */
export class NaZoneringLayer extends LitElement {
  static override styles = [baseStyles, layerStatusStyles, zoneringLayerStyles];

  /** The OpenLayers map to draw on. The element never creates or disposes it. */
  @property({ attribute: false }) map?: OlMap;

  /**
   * A CSS selector (e.g. `#map`) of the element the host's `ol/Map` is rendered into, for hosts that
   * expose no map variable: the element finds that map and uses it as `.map` (`.map` wins).
   */
  @property({ attribute: 'map-target' }) mapTarget?: string;

  /** The polygons. Wins over `src`. */
  @property({ attribute: false }) source?: PolygonSource;

  /** URL of a GeoJSON FeatureCollection with the zonering (used when `.source` is not set). */
  @property() src?: string;

  /**
   * URL of a `tiles.json` (vector tiles in `NetherlandsRDNewQuad`, written by `npm run tiles`):
   * the zonering drawn from tiles, for national data. Only on maps in EPSG:28992.
   */
  @property() tiles?: string;

  /**
   * URL of a FlatGeobuf file: the zonering read per view extent by HTTP Range when zoomed in, with
   * `tiles` (EPSG:28992 maps) when zoomed out. Wins over `tiles` alone and `src`.
   */
  @property() fgb?: string;

  /** CRS of the `src` data (any form the library accepts, e.g. `EPSG:28992`). */
  @property() crs?: string;

  /** Same as `crs`, as a data attribute (`data-crs`); `crs` wins. */
  @property({ attribute: 'data-crs' }) dataCrs?: string;

  /** Property of the `src` features that holds the BKNSN zone code. */
  @property({ attribute: 'zone-property' }) zoneProperty = 'BKNSN_code';

  /** The knowledge base with colours and names (default: `defaultKnowledgeBase()`). */
  @property({ attribute: false }) knowledgeBase?: KnowledgeBase;

  /** Where the style switches scale (ground m/px); see `ScaleThresholds`. */
  @property({ attribute: false }) scaleThresholds?: Partial<ScaleThresholds>;

  /** Whether the layer is shown. On by default; the attribute `visible="false"` switches it off. */
  @property({ converter: visibleConverter }) visible = true;

  /** Opacity of the layer, 0–1 (default 0.7). */
  @property({ type: Number }) opacity = DEFAULT_ZONERING_OPACITY;

  /** Language of labels, tooltip and status: `nl` (default) or `en`; inherited from ancestors. */
  @property({ reflect: true }) override lang!: string;

  private readonly _binding = new ZoneringBinding(this, {
    lang: () => this._lang(),
    opacity: () => this._opacity(),
    hover: (hover) => this._announcer.hover(hover),
    centre: (centre) => this._announcer.centre(centre),
    changed: () => this._notify(),
    failed: (code, e) => {
      const message = e instanceof Error ? e.message : String(e);
      // Load failures are already logged by attachZonering.
      if (code !== 'load-failed') console.warn(`na-zonering-layer: ${message}`);
      this.dispatchEvent(new NaZoneringErrorEvent({ code, message }));
    },
    detached: () => this._announcer.reset(),
  });
  private readonly _mapTarget = new MapTargetController(this);
  private readonly _langs = new LangController(this, () => this._onLangChange());
  private readonly _announcer = new ZoneAnnouncer(this, () => this._lang());

  /** What the element is doing now. */
  get state(): ZoneringLayerState {
    return this._binding.state;
  }

  /** The vector layer on the map (undefined before it is attached, or when it draws tiles). */
  get zoneringLayer(): ZoneringLayer | undefined {
    const layer = this._binding.attachment?.layer;
    return layer !== undefined && 'polygonSource' in layer ? (layer as ZoneringLayer) : undefined;
  }

  /** The layer on the map, vector or tiles (undefined before it is attached). */
  get mapLayer(): ZoneringMapLayer | undefined {
    return this._binding.attachment?.layer;
  }

  /** Why loading failed, in the element's language, when the error says (a FlatGeobuf file's). */
  get errorMessage(): string | undefined {
    return this._binding.errorMessage(this._lang());
  }

  /** Number of polygons loaded. */
  get featureCount(): number {
    return this._binding.featureCount;
  }

  /**
   * The knowledge base in use: the one given, or the default once the element's engine has loaded
   * (it loads when the element first has a map and a source); undefined before that.
   */
  get activeKnowledgeBase(): KnowledgeBase | undefined {
    return this._binding.knowledgeBase;
  }

  /** The language in use. */
  get activeLang(): WidgetLang {
    return this._lang();
  }

  /**
   * Resolves with the number of polygons when the layer is (or becomes) loaded; rejects when
   * loading fails.
   */
  whenLoaded(): Promise<number> {
    if (this.state === 'ready') return Promise.resolve(this.featureCount);
    return new Promise((resolve, reject) => {
      const done = new AbortController();
      this.addEventListener(
        NaZoneringChangeEvent.eventName,
        (e) => {
          if (!e.detail.loaded) return;
          done.abort();
          resolve(e.detail.featureCount);
        },
        { signal: done.signal },
      );
      this.addEventListener(
        NaZoneringErrorEvent.eventName,
        (e) => {
          done.abort();
          reject(new NaError(e.detail.code, e.detail.message));
        },
        { signal: done.signal },
      );
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this._binding.sync();
  }

  /** Settles only when no further update is pending (attaching after an update renders once more). */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    while (!done) done = await super.getUpdateComplete();
    return done;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!this.isConnected) return;
    if (changed.has('mapTarget') || changed.has('map')) this._mapTarget.sync();
    this._binding.sync();
    const att = this._binding.attachment;
    if (att === undefined) return;
    let notify = false;
    if (changed.has('visible')) {
      att.setVisible(this.visible);
      notify = true;
    }
    if (changed.has('opacity')) {
      att.setOpacity(this._opacity());
      notify = true;
    }
    if (changed.has('lang')) this._onLangChange();
    if (notify) this._notify();
  }

  protected override render(): unknown {
    const lang = this._lang();
    // Without a map or polygons the element cannot draw anything: its status says what to do next,
    // visibly (never an empty element on the page). Once attached, the status is for screen
    // readers only: the layer itself is on the map.
    return html`${layerStatus(this.state, this._statusText(lang))}
      <p part="announcement" class="visually-hidden" role="status">${this._announcer.text}</p>`;
  }

  /** The own `lang` or an ancestor's changed: the map's labels follow. */
  private _onLangChange(): void {
    this._binding.attachment?.setLang(this._lang());
    // A text in the former language is not left in the live region.
    this._announcer.silence();
  }

  private _statusText(lang: WidgetLang): string {
    if (this.errorMessage !== undefined) return this.errorMessage;
    return layerStatusText(
      messages,
      this.state,
      lang,
      { problem: this._mapTarget.problem, selector: this.mapTarget },
      () => tr(messages, this.visible ? 'ready' : 'hidden', lang, { count: this.featureCount }),
    );
  }

  /**
   * The language in use: the own `lang` property (set before it is reflected to the attribute),
   * else the nearest `lang` attribute.
   */
  private _lang(): WidgetLang {
    return resolveLang(this);
  }

  /** The opacity in use: `opacity` within 0–1. */
  private _opacity(): number {
    return clampOpacity(this.opacity, DEFAULT_ZONERING_OPACITY);
  }

  private _notify(): void {
    this.dispatchEvent(
      new NaZoneringChangeEvent({
        attached: this._binding.attachment !== undefined,
        loaded: this._binding.attachment !== undefined && this.state === 'ready',
        featureCount: this.featureCount,
        visible: this.visible,
        opacity: this._opacity(),
      }),
    );
  }
}
