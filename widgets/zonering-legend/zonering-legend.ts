import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type OlMap from 'ol/Map.js';
import type { ZoneringMapLayer } from '../../src/map/zonering-layer.js';
import type { ZonesInView } from '../../src/map/zones-in-view.js';
import { watchZonesInView } from '../../src/map/zones-in-view.js';
import {
  zoneringLegend,
  type LegendEntry,
  type ZoneringLegend,
} from '../../src/map/zonering-style.js';
import { describeView, type ViewDescription } from '../../src/map/view-description.js';
import { resolveLang, tr, type WidgetLang } from '../shared/lang.js';
import { LangController } from '../shared/lang-controller.js';
import { describeViewText, placeText } from '../shared/map-words.js';
import { baseStyles } from '../shared/styles.js';
import type { NaZoneringLayer } from '../zonering-layer/zonering-layer.js';
import { messages } from './messages.js';
import { zoneringLegendStyles } from './styles.js';
import { describeDisclosure, legendControls, legendEntry } from './templates.js';

/** What the legend shows. */
export type ZoneringLegendState = 'no-layer' | 'no-map' | 'loading' | 'error' | 'ready';

function isLayerElement(el: Element | null | undefined): el is NaZoneringLayer {
  return el !== null && el !== undefined && el.localName === 'na-zonering-layer';
}

/**
 * The legend of the zonering in view: at regio/stad scale the landscape types present in the map
 * view, closer in the zones present, grouped by landscape type. Each entry has a swatch in exactly
 * the colour the map draws (`zoneringColour`, at the layer's opacity), where it lies in the view
 * ("noorden", "midden") and an "Uitleg" button that shows the explanation
 * (zone description; for a type its description and how soil, water and relief work). A checkbox
 * switches the layer on and off, a slider sets its opacity. Updates after every map move.
 *
 * **Connecting.** `.layer`: the `<na-zonering-layer>` element (or the `for` attribute: the id of a
 * `<na-zonering-layer>` in the same document or shadow root; `.layer` wins). `.map`: the map whose
 * view is listed (default: the layer element's map).
 *
 * @summary Legend of the zonering in view, with layer toggle, opacity and explanations.
 *
 * @csspart base - The whole legend.
 * @csspart title - The title (a heading; level from `heading-level`, default 2).
 * @csspart message - Empty, loading and error messages.
 * @csspart zoom-in - The hint to zoom in (a layer read per view extent from a FlatGeobuf file).
 * @csspart controls - The toggle and opacity controls.
 * @csspart toggle-label - The label of the toggle checkbox.
 * @csspart toggle - The checkbox that shows or hides the layer.
 * @csspart opacity-label - The label of the opacity slider.
 * @csspart opacity - The opacity slider (`input type=range`, 0–100 %).
 * @csspart opacity-value - The opacity as text.
 * @csspart scale - The note that names the scale and what the colours mean.
 * @csspart list - The list of entries.
 * @csspart entry - One entry (type, group or zone); zones also have `zone-entry`.
 * @csspart entry-row - The row with swatch, name and button.
 * @csspart swatch - The colour swatch.
 * @csspart entry-label - The name of an entry.
 * @csspart code - The zone code.
 * @csspart explain - The "Uitleg" disclosure button.
 * @csspart explanation - The explanation shown by the button.
 * @csspart sublist - The list of zones of a type.
 * @csspart where - Where an entry lies in the view (", noorden"), from the map description.
 * @csspart describe - The map-description disclosure (button and text).
 * @csspart describe-toggle - The "Beschrijving van de kaart" button.
 * @csspart description - The map in words ("In beeld: Stuwwal (noorden), …").
 *
 * @cssproperty --na-zonering-legend-swatch-size - Size of a swatch (default 1.25rem).
 * @cssproperty --na-zonering-legend-max-width - Maximum width (default 28rem).
 */
export class NaZoneringLegend extends LitElement {
  static override styles = [baseStyles, zoneringLegendStyles];

  /** The map whose view the legend lists (default: the layer element's `.map`). */
  @property({ attribute: false }) map?: OlMap;

  /** The `<na-zonering-layer>` element this legend belongs to. Wins over `for`. */
  @property({ attribute: false }) layer?: NaZoneringLayer;

  /** Id of a `<na-zonering-layer>` in the same document or shadow root (attribute `for`). */
  @property({ attribute: 'for' }) htmlFor?: string;

  /** Level of the title heading, 1–6 (attribute `heading-level`). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** Language: `nl` (default) or `en`; inherited from the nearest ancestor with `lang`. */
  @property({ reflect: true }) override lang!: string;

  @state() private _inView?: ZonesInView;
  /** Where the zones in view lie (recomputed with `_inView`). */
  @state() private _description?: ViewDescription;
  @state() private _describeOpen = false;
  @state() private _expanded: ReadonlySet<string> = new Set();
  /** Bumped when the layer element reports a change (visibility, opacity, loading). */
  @state() private _layerRevision = 0;
  private readonly _langs = new LangController(this);

  private _layerEl?: NaZoneringLayer;
  private _layerListeners?: AbortController;
  private _watching?: { map: OlMap; layer: ZoneringMapLayer };
  private _unwatch?: () => void;
  /** One controller for every outside listener of this element; replaced on each connect. */
  private _elementController?: AbortController;

  /** The layer element in use (from `.layer` or `for`). */
  get activeLayer(): NaZoneringLayer | undefined {
    return this._layerEl;
  }

  /** What the legend shows now. */
  get state(): ZoneringLegendState {
    const el = this._layerEl;
    if (el === undefined) return 'no-layer';
    if ((this.map ?? el.map) === undefined) return 'no-map';
    if (el.state === 'error') return 'error';
    if (el.state !== 'ready' || this._inView === undefined) return 'loading';
    return 'ready';
  }

  /** The legend model now shown (plain data), or undefined before the layer is loaded. */
  get legend(): ZoneringLegend | undefined {
    const el = this._layerEl;
    const inView = this._inView;
    const kb = el?.activeKnowledgeBase;
    if (el === undefined || inView === undefined || kb === undefined) return undefined;
    return zoneringLegend(kb, inView.codes, inView.scale, this._lang());
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this._elementController = new AbortController();
    this._sync();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._elementController?.abort();
    this._elementController = undefined;
    this._bindLayer(undefined);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.isConnected) return;
    if (changed.has('map') || changed.has('layer') || changed.has('htmlFor')) this._sync();
    if (changed.has('lang') && this._watching !== undefined) {
      this._description = describeView(this._watching.layer, this._watching.map, this._lang());
    }
  }

  /**
   * The map in words: where the zones (at regio/stad scale the landscape types) in view lie, e.g.
   * "In beeld: Stuwwal (noorden), Dekzandrug (midden), Rivierkom (zuiden)." Empty before the layer
   * is loaded. Shown by the "Beschrijving van de kaart" button.
   */
  get mapDescription(): string {
    const d = this._description;
    return d === undefined ? '' : describeViewText(d, this._lang());
  }

  /**
   * The language in use: the own `lang` property (set before it is reflected to the attribute),
   * else the nearest `lang` attribute.
   */
  private _lang(): WidgetLang {
    return resolveLang(this);
  }

  // ---- Binding --------------------------------------------------------------------------------

  private _sync(): void {
    let el: NaZoneringLayer | undefined = this.layer;
    if (el === undefined && this.htmlFor !== undefined && this.htmlFor !== '') {
      const root = this.getRootNode() as Document | ShadowRoot;
      const found = root.getElementById(this.htmlFor);
      if (isLayerElement(found)) el = found;
      else if (document.readyState === 'loading' && this._elementController !== undefined) {
        document.addEventListener('DOMContentLoaded', () => this._sync(), {
          once: true,
          signal: this._elementController.signal,
        });
      }
    }
    this._bindLayer(el);
  }

  private _bindLayer(el: NaZoneringLayer | undefined): void {
    if (el !== this._layerEl) {
      this._layerListeners?.abort();
      this._layerListeners = undefined;
      this._layerEl = el;
      if (el !== undefined) {
        this._layerListeners = new AbortController();
        const { signal } = this._layerListeners;
        const refresh = (): void => {
          this._layerRevision += 1;
          this._watch();
        };
        el.addEventListener('na-zonering-change', refresh, { signal });
        el.addEventListener('na-zonering-error', refresh, { signal });
      }
    }
    this._watch();
  }

  /** Follows the view of the map with the layer's ol layer (re-subscribes when either changes). */
  private _watch(): void {
    const el = this._layerEl;
    const map = el === undefined ? undefined : (this.map ?? el.map);
    const layer = el?.mapLayer;
    if (
      map !== undefined &&
      layer !== undefined &&
      this._watching?.map === map &&
      this._watching.layer === layer
    ) {
      return;
    }
    this._unwatch?.();
    this._unwatch = undefined;
    this._watching = undefined;
    this._inView = undefined;
    this._description = undefined;
    if (map === undefined || layer === undefined || !this.isConnected) return;
    this._watching = { map, layer };
    this._unwatch = watchZonesInView(map, layer, (inView) => {
      this._inView = inView;
      this._description = describeView(layer, map, this._lang());
    });
  }

  // ---- Actions --------------------------------------------------------------------------------

  private _onToggle(e: Event): void {
    const el = this._layerEl;
    if (el === undefined) return;
    el.visible = (e.target as HTMLInputElement).checked;
  }

  private _onOpacity(e: Event): void {
    const el = this._layerEl;
    if (el === undefined) return;
    el.opacity = Number((e.target as HTMLInputElement).value) / 100;
  }

  private _toggleEntry(key: string): void {
    const next = new Set(this._expanded);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    this._expanded = next;
  }

  // ---- Rendering ------------------------------------------------------------------------------

  protected override render(): TemplateResult {
    const lang = this._lang();
    const wanted = Math.round(this.headingLevel);
    const level = Number.isFinite(wanted) ? Math.min(6, Math.max(1, wanted)) : 2;
    const state = this.state;
    const el = this._layerEl;
    return html`<section part="base" data-state=${state} aria-labelledby="title">
      <div part="title" id="title" role="heading" aria-level=${level}>
        ${tr(messages, 'title', lang)}
      </div>
      ${
        el === undefined
          ? html`<p part="message">${tr(messages, 'noLayer', lang)}</p>`
          : html`${this._controls(el, lang)}${this._body(state, lang)}`
      }
    </section>`;
  }

  private _controls(el: NaZoneringLayer, lang: WidgetLang): TemplateResult {
    return legendControls(
      el,
      lang,
      (e) => this._onToggle(e),
      (e) => this._onOpacity(e),
    );
  }

  private _body(state: ZoneringLegendState, lang: WidgetLang): TemplateResult {
    switch (state) {
      case 'no-layer':
        return html`<p part="message">${tr(messages, 'noLayer', lang)}</p>`;
      case 'no-map':
        return html`<p part="message">${tr(messages, 'noMap', lang)}</p>`;
      case 'error':
        // The layer's own words when it has them (a FlatGeobuf file without HTTP Range support).
        return html`<p part="message">
          ${this._layerEl?.errorMessage ?? tr(messages, 'error', lang)}
        </p>`;
      case 'loading':
        return html`<p part="message">${tr(messages, 'loading', lang)}</p>`;
      case 'ready':
        break;
    }
    const legend = this.legend;
    // A layer read per extent shows nothing at this scale, or the view holds too much to read.
    const zoomIn = this._inView?.zoomIn === true;
    const zoomInNote = zoomIn
      ? html`<p part="message zoom-in">${tr(messages, 'zoomIn', lang)}</p>`
      : nothing;
    if (legend === undefined || legend.entries.length === 0) {
      const key = zoomIn ? 'zoomIn' : 'emptyView';
      return html`<p part=${zoomIn ? 'message zoom-in' : 'message'}>${tr(messages, key, lang)}</p>`;
    }
    const scaleKey = legend.types
      ? 'scaleTypes'
      : legend.scale === 'straat'
        ? 'scaleZonesStreet'
        : 'scaleZonesDistrict';
    return html`${zoomInNote}
      <p part="scale">${tr(messages, scaleKey, lang)}</p>
      ${
        this._layerEl?.visible === false
          ? html`<p part="message">${tr(messages, 'hiddenNote', lang)}</p>`
          : nothing
      }
      <ul part="list" role="list">
        ${legend.entries.map((e) => this._entry(e, lang, false))}
      </ul>
      ${this._describe(lang)}`;
  }

  /** The "Beschrijving van de kaart" disclosure: the map in words (a text alternative). */
  private _describe(lang: WidgetLang): TemplateResult {
    return describeDisclosure(this._describeOpen, this.mapDescription, lang, () => {
      this._describeOpen = !this._describeOpen;
    });
  }

  /** Where an entry lies in the view (from the map description), or undefined. */
  private _where(e: LegendEntry): string | undefined {
    const d = this._description;
    if (d === undefined || e.kind === 'unknown') return undefined;
    const kind = e.kind === 'zone' ? 'zone' : e.kind;
    const part = d.parts.find((p) => p.kind === kind && p.id === e.id);
    return part === undefined ? undefined : placeText(part.where, this._lang());
  }

  private _entry(e: LegendEntry, lang: WidgetLang, nested: boolean): TemplateResult {
    return legendEntry(
      e,
      {
        lang,
        opacity: this._layerEl?.opacity,
        expanded: this._expanded,
        where: (x) => this._where(x),
        toggle: (key) => this._toggleEntry(key),
      },
      nested,
    );
  }
}
