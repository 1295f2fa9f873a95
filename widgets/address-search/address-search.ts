import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type OlMap from 'ol/Map.js';
import type { Location } from '../../src/core/types.js';
import { createOlViewer } from '../../src/map/ol-viewer.js';
import type { Viewer } from '../../src/map/viewer.js';
import {
  createLocatieserverClient,
  DEFAULT_LOCATIESERVER_URL,
  parseHighlight,
  type LocatieserverClient,
} from '../../src/sources/locatieserver.js';
import { SourceRequestError } from '../../src/sources/http.js';
import type { LocalizedText } from '../../src/core/types.js';
import { resolveLang, tr, type WidgetLang } from '../shared/lang.js';
import { baseStyles } from '../shared/styles.js';
import {
  NaAddressErrorEvent,
  NaAddressSelectEvent,
  type AddressErrorCode,
  type AddressSelectDetail,
} from './events.js';
import { messages, type MessageKey } from './messages.js';
import { addressSearchStyles } from './styles.js';

/** One suggestion as the list shows it. */
export interface AddressSuggestion {
  id: string;
  label: string;
  type: string;
  /** The label in text segments; `mark` segments matched the query (from the service's highlighting). */
  segments: Array<{ text: string; mark: boolean }>;
}

/** The nearest address of a point (reverse geocoding), as plain data. */
export interface NearestAddress {
  id: string;
  label: string;
  type: string;
  /** Distance from the point to the address, in metres, when the service reports it. */
  distance?: number;
}

/** Radius (m) around a chosen object that the map shows, by Locatieserver type. */
const RADIUS_BY_TYPE: Readonly<Record<string, number>> = {
  adres: 75,
  perceel: 75,
  appartementsrecht: 75,
  hectometerpaal: 150,
  weg: 300,
  postcode: 300,
  buurt: 600,
  wijk: 1200,
  woonplaats: 2500,
  gemeente: 6000,
  waterschap: 25000,
  provincie: 40000,
};
const DEFAULT_RADIUS_M = 500;

type ErrorState = { key: MessageKey; service?: LocalizedText };
type NearestState =
  | { kind: 'loading' }
  | { kind: 'found'; address: NearestAddress }
  | { kind: 'none' }
  | { kind: 'error'; service?: LocalizedText };

function isAbort(e: unknown, signal: AbortSignal): boolean {
  return signal.aborted || (e instanceof DOMException && e.name === 'AbortError');
}

/**
 * Address search with PDOK Locatieserver: type an address, street, postcode or place and choose
 * one of the suggestions; the map moves there and the element fires `na-address-select`.
 *
 * **Connecting.** Give it a map: `.map` (an `ol/Map`; the element wraps it with `createOlViewer`)
 * or `.viewer` (any {@link Viewer}; wins over `.map`). Without a map it only fires the event. The
 * element adds nothing to the map but a click listener (only with `reverse`), and removes it when
 * it is removed or the map changes.
 *
 * **Keyboard** (WAI-ARIA 1.2 combobox with a listbox popup). Typing asks for suggestions after a
 * pause of `debounce-ms` (earlier requests are aborted, so a slow answer never replaces a newer
 * one). ArrowDown/ArrowUp open the list and move through it (Alt+ArrowDown opens it without
 * moving); Enter chooses the active suggestion, or the first one when none is active; Escape
 * closes the list, and a second Escape clears the field; Home, End, ArrowLeft and ArrowRight move
 * the text cursor. The mouse chooses with a click. The number of suggestions, "Geen resultaten" and
 * errors are announced in a polite live region.
 *
 * **Highlighting.** The service marks the matched words with `<b>` in its `highlighting` map. That
 * markup is untrusted: it is parsed into text segments and rendered as `<mark>` elements from Lit
 * templates, never as HTML.
 *
 * **Reverse geocoding.** `nearestAddress(location)` returns the nearest address of a point. With
 * the `reverse` attribute and a map, a click on the map shows that address in a line under the
 * field (a polite live region); the next click aborts the previous request.
 *
 * @summary Search an address or place (PDOK Locatieserver) and move the map there.
 *
 * @event na-address-select - A suggestion was chosen and looked up (`detail`: `{ id, label, type, location: { x, y, crs: 'EPSG:28992' }, lon, lat }`).
 * @event na-address-error - A request to the Locatieserver failed (`detail`: `{ code, message }`); the element stays usable.
 *
 * @csspart search - The whole element (`data-state`: `idle`, `loading`, `open`, `error`).
 * @csspart label - The visible label of the field.
 * @csspart field - The row with the input and the clear button.
 * @csspart input - The text input (`role="combobox"`).
 * @csspart clear - The button that clears the field.
 * @csspart spinner - The loading indicator.
 * @csspart listbox - The list of suggestions.
 * @csspart option - One suggestion; `option-active` on the active one.
 * @csspart option-label - The label of a suggestion (matched words in `<mark>`).
 * @csspart option-type - The kind of a suggestion (address, street, place, …).
 * @csspart message - "Geen resultaten" under the field.
 * @csspart error - An error message under the field.
 * @csspart status - The live region with the number of suggestions (visually hidden).
 * @csspart nearest - The line with the nearest address of a clicked point (with `reverse`).
 *
 * @cssproperty --na-address-search-max-width - Maximum width (default 40rem).
 * @cssproperty --na-address-search-list-max-height - Maximum height of the list (default 18rem).
 * @cssproperty --na-address-search-active-background - Background of the active suggestion.
 * @cssproperty --na-address-search-active-color - Text colour of the active suggestion.
 * @cssproperty --na-address-search-mark-background - Background of matched words (default none; they are bold).
 * @cssproperty --na-address-search-error-color - Colour of error messages.
 */
export class NaAddressSearch extends LitElement {
  static override styles = [baseStyles, addressSearchStyles];
  static override shadowRootOptions: ShadowRootInit = {
    ...LitElement.shadowRootOptions,
    delegatesFocus: true,
  };

  /** An OpenLayers map. The element wraps it with `createOlViewer()`; `.viewer` wins when both are set. */
  @property({ attribute: false }) map?: OlMap;

  /** A map through the viewer seam. Owned by the host: never destroyed here. */
  @property({ attribute: false }) viewer?: Viewer;

  /** Base URL of the Locatieserver (attribute `base-url`), default PDOK's v3_1; relative URLs resolve against the page. */
  @property({ attribute: 'base-url' }) baseUrl?: string;

  /** Placeholder of the field (default: an example address in the element's language). */
  @property() placeholder?: string;

  /**
   * A short name that tells this search apart when a page has more than one (attribute
   * `context-label`, e.g. the name of its map): added, visually hidden, to the field's label.
   */
  @property({ attribute: 'context-label' }) contextLabel?: string;

  /** Language: `nl` (default) or `en`; inherited from the nearest ancestor with `lang`. */
  @property({ reflect: true }) override lang!: string;

  /** Show the nearest address of a clicked map point under the field. */
  @property({ type: Boolean, reflect: true }) reverse = false;

  /** Maximum number of suggestions (1–100). */
  @property({ type: Number }) rows = 7;

  /** Minimum number of characters before suggestions are asked for (attribute `min-length`). */
  @property({ type: Number, attribute: 'min-length' }) minLength = 2;

  /** Pause after the last keystroke before suggestions are asked for, ms (attribute `debounce-ms`). */
  @property({ type: Number, attribute: 'debounce-ms' }) debounceMs = 250;

  @state() private _value = '';
  @state() private _suggestions: AddressSuggestion[] = [];
  @state() private _open = false;
  @state() private _active = -1;
  @state() private _suggestLoading = false;
  @state() private _lookupLoading = false;
  @state() private _status: 'idle' | 'results' | 'none' | 'error' | 'selected' = 'idle';
  @state() private _selectedLabel = '';
  @state() private _error?: ErrorState;
  @state() private _nearest?: NearestState;

  @query('[part~="input"]') private _input?: HTMLInputElement;

  private _viewer?: Viewer;
  private _ownsViewer = false;
  private _boundFrom?: Viewer | OlMap;
  private _unClick?: () => void;
  private _client?: { url: string; client: LocatieserverClient };
  private _debounce?: ReturnType<typeof setTimeout>;
  private _suggestController?: AbortController;
  private _lookupController?: AbortController;
  private _reverseController?: AbortController;

  /** The text in the field. */
  get value(): string {
    return this._value;
  }

  /** The suggestions now listed (plain data). */
  get suggestions(): readonly AddressSuggestion[] {
    return this._suggestions;
  }

  /** The viewer in use (built from `.map`, or the `.viewer` given). */
  get activeViewer(): Viewer | undefined {
    return this._viewer;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this._syncViewer();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._cancelSuggest();
    const removed = (): DOMException => new DOMException('The element was removed.', 'AbortError');
    this._lookupController?.abort(removed());
    this._lookupController = undefined;
    this._reverseController?.abort(removed());
    this._reverseController = undefined;
    this._lookupLoading = false;
    this._unbindViewer();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.isConnected) return;
    if (changed.has('map') || changed.has('viewer') || changed.has('reverse')) this._syncViewer();
    if (changed.has('baseUrl')) {
      this._client = undefined;
      this._cancelSuggest();
    }
  }

  protected override updated(changed: PropertyValues): void {
    if ((changed.has('_active') || changed.has('_open')) && this._open && this._active >= 0) {
      this.renderRoot
        .querySelector(`#option-${this._active}`)
        ?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    }
  }

  // ---- Public API ---------------------------------------------------------------------------

  /**
   * The nearest address of a point (any supported CRS), by Locatieserver `reverse`.
   * @returns the address, or null when there is none nearby.
   * @throws SourceRequestError when the service fails; rejects with the signal's reason on abort.
   */
  async nearestAddress(
    location: Location,
    options: { signal?: AbortSignal } = {},
  ): Promise<NearestAddress | null> {
    const docs = await this._getClient().reverse(location, {
      rows: 1,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    const doc = docs[0];
    if (!doc) return null;
    return {
      id: doc.id,
      label: doc.label,
      type: doc.type,
      ...(doc.distance !== undefined ? { distance: doc.distance } : {}),
    };
  }

  /** Empties the field, closes the list and aborts a pending search. */
  clear(): void {
    this._cancelSuggest();
    this._value = '';
    this._suggestions = [];
    this._open = false;
    this._active = -1;
    this._error = undefined;
    this._status = 'idle';
  }

  // ---- Viewer ---------------------------------------------------------------------------------

  private _syncViewer(): void {
    const from = this.viewer ?? this.map;
    if (from !== this._boundFrom || !this._viewer) {
      this._unbindViewer();
      if (this.viewer) {
        this._viewer = this.viewer;
        this._ownsViewer = false;
      } else if (this.map) {
        this._viewer = createOlViewer(this.map);
        this._ownsViewer = true;
      }
      this._boundFrom = from;
    }
    const wantClick = this.reverse && this._viewer !== undefined;
    if (wantClick && !this._unClick) {
      this._unClick = this._viewer?.onClick((location) => void this._showNearest(location));
    } else if (!wantClick && this._unClick) {
      this._unClick();
      this._unClick = undefined;
      this._reverseController?.abort(
        new DOMException('Reverse geocoding was turned off.', 'AbortError'),
      );
      this._nearest = undefined;
    }
  }

  private _unbindViewer(): void {
    this._unClick?.();
    this._unClick = undefined;
    if (this._viewer && this._ownsViewer) this._viewer.destroy();
    this._viewer = undefined;
    this._ownsViewer = false;
    this._boundFrom = undefined;
  }

  private async _showNearest(location: Location): Promise<void> {
    this._reverseController?.abort(new DOMException('A newer point was clicked.', 'AbortError'));
    const controller = new AbortController();
    this._reverseController = controller;
    this._nearest = { kind: 'loading' };
    try {
      const address = await this.nearestAddress(location, { signal: controller.signal });
      if (controller !== this._reverseController) return;
      this._nearest = address ? { kind: 'found', address } : { kind: 'none' };
    } catch (e) {
      if (controller !== this._reverseController || isAbort(e, controller.signal)) return;
      this._nearest = { kind: 'error', ...this._serviceMessage(e) };
      this._emitError('reverse-failed', e);
    }
  }

  // ---- Suggestions ----------------------------------------------------------------------------

  private _getClient(): LocatieserverClient {
    const url = new URL(this.baseUrl ?? DEFAULT_LOCATIESERVER_URL, document.baseURI).href;
    if (this._client?.url !== url) {
      this._client = { url, client: createLocatieserverClient({ baseUrl: url }) };
    }
    return this._client.client;
  }

  private _cancelSuggest(): void {
    clearTimeout(this._debounce);
    this._debounce = undefined;
    this._suggestController?.abort(
      new DOMException('A newer search replaced this one.', 'AbortError'),
    );
    this._suggestController = undefined;
    this._suggestLoading = false;
  }

  private _onInput(e: InputEvent): void {
    const value = (e.target as HTMLInputElement).value;
    this._value = value;
    this._active = -1;
    this._error = undefined;
    this._cancelSuggest();
    if (value.trim().length < Math.max(1, this.minLength)) {
      this._suggestions = [];
      this._open = false;
      this._status = 'idle';
      return;
    }
    this._debounce = setTimeout(
      () => {
        this._debounce = undefined;
        void this._suggest(value.trim());
      },
      Math.max(0, this.debounceMs),
    );
  }

  private async _suggest(q: string): Promise<void> {
    this._cancelSuggest();
    const controller = new AbortController();
    this._suggestController = controller;
    this._suggestLoading = true;
    try {
      const result = await this._getClient().suggest(q, {
        signal: controller.signal,
        rows: Math.min(100, Math.max(1, Math.floor(this.rows))),
      });
      if (controller !== this._suggestController) return;
      this._suggestions = result.map((s) => ({
        id: s.id,
        label: s.label,
        type: s.type,
        segments:
          s.highlight !== undefined
            ? parseHighlight(s.highlight)
            : [{ text: s.label, mark: false }],
      }));
      this._active = -1;
      this._open = this._suggestions.length > 0;
      this._status = this._suggestions.length > 0 ? 'results' : 'none';
    } catch (e) {
      if (controller !== this._suggestController || isAbort(e, controller.signal)) return;
      this._suggestions = [];
      this._open = false;
      this._active = -1;
      this._error = { key: 'suggestError', ...this._serviceMessage(e) };
      this._status = 'error';
      this._emitError('suggest-failed', e);
    } finally {
      if (controller === this._suggestController) {
        this._suggestController = undefined;
        this._suggestLoading = false;
      }
    }
  }

  private _onKeydown(e: KeyboardEvent): void {
    if (e.ctrlKey || e.metaKey || e.isComposing) return;
    const n = this._suggestions.length;
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        if (n === 0) {
          // Nothing listed yet: search now instead of after the pause.
          if (this._debounce !== undefined) {
            e.preventDefault();
            this._cancelSuggest();
            void this._suggest(this._value.trim());
          }
          return;
        }
        e.preventDefault();
        const wasOpen = this._open;
        this._open = true;
        if (e.altKey) return;
        if (e.key === 'ArrowDown') {
          this._active = !wasOpen || this._active >= n - 1 ? 0 : this._active + 1;
        } else {
          this._active = !wasOpen || this._active <= 0 ? n - 1 : this._active - 1;
        }
        return;
      }
      case 'Enter': {
        if (!this._open || n === 0 || e.altKey) return;
        e.preventDefault();
        void this._select(this._active >= 0 ? this._active : 0);
        return;
      }
      case 'Escape': {
        if (this._open) {
          e.preventDefault();
          this._open = false;
          this._active = -1;
        } else if (this._value !== '') {
          e.preventDefault();
          this.clear();
        }
        return;
      }
      case 'Home':
      case 'End':
      case 'ArrowLeft':
      case 'ArrowRight':
        // The keys edit the text; visual focus returns to the field.
        this._active = -1;
        return;
      default:
        return;
    }
  }

  private _onFocusOut(e: FocusEvent): void {
    const next = e.relatedTarget;
    if (next instanceof Node && this.renderRoot.contains(next)) return;
    this._open = false;
    this._active = -1;
  }

  private _onInputClick(): void {
    if (!this._open && this._suggestions.length > 0) this._open = true;
  }

  private _onClear(): void {
    this.clear();
    this._input?.focus();
  }

  /** Chooses suggestion `index`: lookup, move the map, fire `na-address-select`. */
  private async _select(index: number): Promise<void> {
    const suggestion = this._suggestions[index];
    if (!suggestion) return;
    this._cancelSuggest();
    this._value = suggestion.label;
    this._open = false;
    this._active = -1;
    this._error = undefined;
    this._selectedLabel = suggestion.label;
    this._status = 'selected';
    this._lookupController?.abort(new DOMException('A newer place was chosen.', 'AbortError'));
    const controller = new AbortController();
    this._lookupController = controller;
    this._lookupLoading = true;
    try {
      const doc = await this._getClient().lookup(suggestion.id, { signal: controller.signal });
      if (controller !== this._lookupController) return;
      if (!doc) {
        this._error = { key: 'notFound' };
        this._status = 'error';
        this._emitError(
          'not-found',
          new Error(`Locatieserver lookup found no object ${suggestion.id}.`),
        );
        return;
      }
      const detail: AddressSelectDetail = {
        id: doc.id,
        label: doc.label,
        type: doc.type,
        location: { x: doc.rd.x, y: doc.rd.y, crs: 'EPSG:28992' },
        lon: doc.lonLat.lon,
        lat: doc.lonLat.lat,
      };
      this._moveMap(detail);
      this.dispatchEvent(new NaAddressSelectEvent(detail));
    } catch (e) {
      if (controller !== this._lookupController || isAbort(e, controller.signal)) return;
      this._error = { key: 'lookupError', ...this._serviceMessage(e) };
      this._status = 'error';
      this._emitError('lookup-failed', e);
    } finally {
      if (controller === this._lookupController) {
        this._lookupController = undefined;
        this._lookupLoading = false;
      }
    }
  }

  private _moveMap(detail: AddressSelectDetail): void {
    const viewer = this._viewer;
    if (!viewer) return;
    const radius = RADIUS_BY_TYPE[detail.type] ?? DEFAULT_RADIUS_M;
    if (viewer.showArea) viewer.showArea(detail.location, radius);
    else viewer.centerOn(detail.location);
  }

  private _serviceMessage(e: unknown): { service?: LocalizedText } {
    return e instanceof SourceRequestError ? { service: e.userMessage } : {};
  }

  private _emitError(code: AddressErrorCode, e: unknown): void {
    const message = e instanceof Error ? e.message : String(e);
    this.dispatchEvent(new NaAddressErrorEvent({ code, message }));
  }

  // ---- Rendering ------------------------------------------------------------------------------

  private _lang(): WidgetLang {
    return resolveLang(this);
  }

  private _statusText(
    t: (key: MessageKey, params?: Record<string, string | number>) => string,
  ): string {
    switch (this._status) {
      case 'results':
        return this._suggestions.length === 1
          ? t('countOne')
          : t('count', { count: this._suggestions.length });
      case 'none':
        return t('noResults');
      case 'error':
        return this._error ? t(this._error.key) : '';
      case 'selected':
        return t('selected', { label: this._selectedLabel });
      default:
        return '';
    }
  }

  protected override render(): TemplateResult {
    const lang = this._lang();
    const t = (key: MessageKey, params?: Record<string, string | number>): string =>
      tr(messages, key, lang, params);
    const open = this._open && this._suggestions.length > 0;
    const active = open && this._active >= 0 ? `option-${this._active}` : undefined;
    const loading = this._suggestLoading || this._lookupLoading;
    const state = this._error ? 'error' : loading ? 'loading' : open ? 'open' : 'idle';
    return html`
      <div part="search" data-state=${state} lang=${lang} @focusout=${this._onFocusOut}>
        <label part="label" for="input"
          >${t('label')}${
            this.contextLabel
              ? html`<span class="visually-hidden"> (${this.contextLabel})</span>`
              : nothing
          }</label
        >
        <div part="field">
          <input
            part="input"
            id="input"
            type="text"
            role="combobox"
            aria-autocomplete="list"
            aria-expanded=${open ? 'true' : 'false'}
            aria-controls="listbox"
            aria-activedescendant=${active ?? nothing}
            aria-describedby="hint"
            autocomplete="off"
            autocapitalize="off"
            spellcheck="false"
            enterkeyhint="search"
            placeholder=${this.placeholder ?? t('placeholder')}
            .value=${live(this._value)}
            @input=${this._onInput}
            @keydown=${this._onKeydown}
            @click=${this._onInputClick}
          />
          ${loading ? html`<span part="spinner" aria-hidden="true"></span>` : nothing}
          ${
            this._value !== ''
              ? html`<button
                  part="clear"
                  type="button"
                  aria-label=${t('clear')}
                  @click=${this._onClear}
                >
                  <span aria-hidden="true">×</span>
                </button>`
              : nothing
          }
        </div>
        <span id="hint" class="visually-hidden">${t('hint')}</span>
        <ul
          part="listbox"
          id="listbox"
          role="listbox"
          aria-label=${t('listLabel')}
          ?hidden=${!open}
          @mousedown=${(e: MouseEvent) => e.preventDefault()}
        >
          ${open ? this._suggestions.map((s, i) => this._renderOption(s, i, t)) : nothing}
        </ul>
        ${this._status === 'none' ? html`<p part="message">${t('noResults')}</p>` : nothing}
        ${this._error ? this._renderError(t, lang) : nothing}
        <div
          part="status"
          class="visually-hidden"
          role="status"
          aria-live="polite"
          aria-atomic="true"
        >
          ${this._statusText(t)}
        </div>
        ${this.reverse ? this._renderNearest(t, lang) : nothing}
      </div>
    `;
  }

  private _renderOption(
    s: AddressSuggestion,
    index: number,
    t: (key: MessageKey) => string,
  ): TemplateResult {
    const selected = index === this._active;
    const typeKey = `type.${s.type}`;
    const typeLabel = typeKey in messages ? t(typeKey as MessageKey) : s.type;
    return html`<li
      part=${selected ? 'option option-active' : 'option'}
      id=${`option-${index}`}
      role="option"
      aria-selected=${selected ? 'true' : 'false'}
      data-id=${s.id}
      @click=${() => void this._select(index)}
    >
      <span part="option-label"
        >${s.segments.map((seg) => (seg.mark ? html`<mark>${seg.text}</mark>` : seg.text))}</span
      >
      <span part="option-type">${typeLabel}</span>
    </li>`;
  }

  private _renderError(t: (key: MessageKey) => string, lang: WidgetLang): TemplateResult {
    const error = this._error;
    if (!error) return html``;
    return html`<p part="error">
      ${t(error.key)}${error.service ? html` <span class="description">${error.service[lang]}</span>` : nothing}
    </p>`;
  }

  private _renderNearest(
    t: (key: MessageKey, params?: Record<string, string | number>) => string,
    lang: WidgetLang,
  ): TemplateResult {
    const n = this._nearest;
    let text = '';
    if (n?.kind === 'loading') text = t('nearestLoading');
    else if (n?.kind === 'none') text = t('nearestNone');
    else if (n?.kind === 'error') text = t('nearestError');
    else if (n?.kind === 'found') {
      const distance =
        n.address.distance !== undefined
          ? ` ${t('distance', {
              distance: new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', {
                maximumFractionDigits: 0,
              }).format(n.address.distance),
            })}`
          : '';
      text = `${t('nearest', { label: n.address.label })}${distance}`;
    }
    return html`<p part="nearest" aria-live="polite" aria-atomic="true">${text}</p>`;
  }
}
