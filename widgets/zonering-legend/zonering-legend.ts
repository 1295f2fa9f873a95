import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { cssomStyle } from '../shared/cssom-style.js';
import { property, state } from 'lit/decorators.js';
import type OlMap from 'ol/Map.js';
import type { ZoneringMapLayer, ZonesInView } from '../../src/map/zonering-layer.js';
import { watchZonesInView } from '../../src/map/zonering-layer.js';
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

/** What the legend shows. */
export type ZoneringLegendState = 'no-layer' | 'no-map' | 'loading' | 'error' | 'ready';

/**
 * A `#rrggbb` swatch colour at the layer's opacity (`rgba(…)`), so the swatch matches the map,
 * which draws the layer at that opacity; other colour forms are returned as they are.
 */
function atOpacity(colour: string, opacity: number | undefined): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  const a =
    opacity !== undefined && Number.isFinite(opacity) ? Math.min(1, Math.max(0, opacity)) : 1;
  if (m === null || a >= 1) return colour;
  const c = (h: string | undefined): number => parseInt(h ?? '0', 16);
  return `rgba(${c(m[1])}, ${c(m[2])}, ${c(m[3])}, ${a})`;
}

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
    if (el === undefined || inView === undefined) return undefined;
    return zoneringLegend(el.activeKnowledgeBase, inView.codes, inView.scale, this._lang());
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
    const pct = Math.round((Number.isFinite(el.opacity) ? el.opacity : 1) * 100);
    const percent = tr(messages, 'percent', lang, { value: pct });
    return html`<div part="controls">
      <label part="toggle-label">
        <input part="toggle" type="checkbox" .checked=${el.visible} @change=${this._onToggle} />
        ${tr(messages, 'show', lang)}
      </label>
      <span class="opacity">
        <label part="opacity-label" for="opacity">${tr(messages, 'opacity', lang)}</label>
        <input
          part="opacity"
          id="opacity"
          type="range"
          min="0"
          max="100"
          step="5"
          .value=${String(pct)}
          aria-valuetext=${percent}
          @input=${this._onOpacity}
        />
        <!-- Shown, not announced: the slider itself announces its value (aria-valuetext); an
          <output> (a live region) would say it a second time. -->
        <span part="opacity-value" aria-hidden="true">${percent}</span>
      </span>
    </div>`;
  }

  private _body(state: ZoneringLegendState, lang: WidgetLang): TemplateResult {
    switch (state) {
      case 'no-layer':
        return html`<p part="message">${tr(messages, 'noLayer', lang)}</p>`;
      case 'no-map':
        return html`<p part="message">${tr(messages, 'noMap', lang)}</p>`;
      case 'error':
        return html`<p part="message">${tr(messages, 'error', lang)}</p>`;
      case 'loading':
        return html`<p part="message">${tr(messages, 'loading', lang)}</p>`;
      case 'ready':
        break;
    }
    const legend = this.legend;
    if (legend === undefined || legend.entries.length === 0) {
      return html`<p part="message">${tr(messages, 'emptyView', lang)}</p>`;
    }
    const scaleKey = legend.types
      ? 'scaleTypes'
      : legend.scale === 'straat'
        ? 'scaleZonesStreet'
        : 'scaleZonesDistrict';
    return html`<p part="scale">${tr(messages, scaleKey, lang)}</p>
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
    const open = this._describeOpen;
    return html`<div part="describe">
      <button
        type="button"
        part="describe-toggle"
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls="map-description"
        @click=${() => {
          this._describeOpen = !this._describeOpen;
        }}
      >
        ${tr(messages, 'describe', lang)}
      </button>
      <p part="description" id="map-description" ?hidden=${!open}>${this.mapDescription}</p>
    </div>`;
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
    const label = e.kind === 'unknown' ? tr(messages, 'unknown', lang, { codes: e.id }) : e.label;
    const where = this._where(e);
    const opacity = this._layerEl?.opacity;
    const explainable = e.kind !== 'unknown';
    const expanded = this._expanded.has(e.key);
    const explanationId = `explanation-${e.key}`;
    return html`<li part=${nested ? 'entry zone-entry' : 'entry'} data-key=${e.key}>
      <div part="entry-row">
        ${
          e.colour === undefined
            ? nothing
            : html`<span
                part="swatch"
                aria-hidden="true"
                ${cssomStyle({ 'background-color': atOpacity(e.colour, opacity) })}
              ></span>`
        }
        <span part="entry-label"
          >${label}${e.kind === 'zone' ? html` <span part="code">(${e.id})</span>` : nothing}</span
        >${
          where === undefined
            ? nothing
            : html`<span part="where">${tr(messages, 'whereSeparator', lang)}${where}</span>`
        }
        ${
          explainable
            ? html`<button
                type="button"
                part="explain"
                aria-expanded=${expanded ? 'true' : 'false'}
                aria-controls=${explanationId}
                @click=${() => this._toggleEntry(e.key)}
              >
                ${tr(messages, 'explain', lang)}<span class="visually-hidden">
                  ${tr(messages, 'explainAbout', lang, {
                    name: e.kind === 'zone' ? `${e.label} (${e.id})` : e.label,
                  })}</span
                >
              </button>`
            : nothing
        }
      </div>
      ${
        explainable
          ? html`<div part="explanation" id=${explanationId} ?hidden=${!expanded}>
              ${this._explanation(e, lang)}
            </div>`
          : nothing
      }
      ${
        e.zones === undefined
          ? nothing
          : html`<ul part="sublist" role="list">
              ${e.zones.map((z) => this._entry(z, lang, true))}
            </ul>`
      }
    </li>`;
  }

  private _explanation(e: LegendEntry, lang: WidgetLang): TemplateResult {
    const x = e.explanation;
    return html`${x.text === '' ? nothing : html`<p>${x.text}</p>`}
    ${
      x.system === undefined
        ? nothing
        : html`<dl>
            <dt>${tr(messages, 'soil', lang)}</dt>
            <dd>${x.system.soil}</dd>
            <dt>${tr(messages, 'water', lang)}</dt>
            <dd>${x.system.water}</dd>
            <dt>${tr(messages, 'relief', lang)}</dt>
            <dd>${x.system.relief}</dd>
          </dl>`
    }
    ${
      x.zones === undefined || x.zones.length === 0
        ? nothing
        : html`<p>${tr(messages, 'zonesInView', lang)}:</p>
            <dl>
              ${x.zones.map(
                (z) =>
                  html`<dt>${z.name} (${z.code})</dt>
                    <dd>${z.text}</dd>`,
              )}
            </dl>`
    }`;
  }
}
