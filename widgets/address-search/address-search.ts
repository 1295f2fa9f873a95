import { LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type OlMap from 'ol/Map.js';
import type { Location } from '../../src/core/types.js';
import type { Viewer } from '../../src/map/viewer.js';
import { isAbortError } from '../../src/sources/abort.js';
import { resolveLang, tr, type WidgetLang } from '../shared/lang.js';
import { LangController } from '../shared/lang-controller.js';
import { baseStyles } from '../shared/styles.js';
import { ViewerController } from '../shared/viewer-controller.js';
import {
  NaAddressErrorEvent,
  NaAddressSelectEvent,
  type AddressErrorCode,
  type AddressSelectDetail,
} from './events.js';
import { messages } from './messages.js';
import { ReverseController } from './reverse-controller.js';
import { AddressService, serviceMessage } from './service.js';
import { SuggestController } from './suggest-controller.js';
import { comboboxKey } from './combobox-keys.js';
import { showPlace } from './place.js';
import { addressSearchStyles } from './styles.js';
import {
  renderSearch,
  type AddressSuggestion,
  type ErrorState,
  type NearestAddress,
  type SearchStatus,
} from './templates.js';

export type { AddressSuggestion, NearestAddress } from './templates.js';

const abortError = (message: string): DOMException => new DOMException(message, 'AbortError');

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
  @state() private _lookupLoading = false;
  @state() private _status: SearchStatus = 'idle';
  @state() private _selectedLabel = '';
  @state() private _error?: ErrorState;
  private readonly _langs = new LangController(this);

  @query('[part~="input"]') private _input?: HTMLInputElement;

  private readonly _service = new AddressService(() => this.baseUrl);

  private readonly _viewers = new ViewerController(this, {
    inputs: () => ({ viewer: this.viewer, map: this.map }),
    // The element adds nothing to the map but a click listener, and only with `reverse`.
    bind: (viewer) =>
      this.reverse ? viewer.onClick((location) => void this._reverse.run(location)) : undefined,
  });

  /** Suggestions for the text typed (a newer search aborts the one in flight). */
  private readonly _suggest = new SuggestController(this, this._service, {
    rows: () => this.rows,
    onComplete: (suggestions) => {
      this._suggestions = suggestions;
      this._active = -1;
      this._open = suggestions.length > 0;
      this._status = suggestions.length > 0 ? 'results' : 'none';
    },
    onError: (e) => {
      this._suggestions = [];
      this._open = false;
      this._active = -1;
      this._error = { key: 'suggestError', ...serviceMessage(e) };
      this._status = 'error';
      this._emitError('suggest-failed', e);
    },
  });

  /** The lookup of a chosen suggestion (@lit/task: a newer choice aborts the one in flight). */
  private readonly _lookupTask = new Task<
    [AddressSuggestion],
    { id: string; detail: AddressSelectDetail | undefined }
  >(this, {
    autoRun: false,
    task: async ([{ id }], { signal }) => ({ id, detail: await this._service.lookup(id, signal) }),
    onComplete: ({ id, detail }) => {
      this._lookupLoading = false;
      if (!detail) {
        this._error = { key: 'notFound' };
        this._status = 'error';
        this._emitError('not-found', new Error(`Locatieserver lookup found no object ${id}.`));
        return;
      }
      const viewer = this._viewers.viewer;
      if (viewer) showPlace(viewer, detail);
      this.dispatchEvent(new NaAddressSelectEvent(detail));
    },
    onError: (e) => {
      if (isAbortError(e)) return;
      this._lookupLoading = false;
      this._error = { key: 'lookupError', ...serviceMessage(e) };
      this._status = 'error';
      this._emitError('lookup-failed', e);
    },
  });

  /** The nearest address of a clicked point, with `reverse`. */
  private readonly _reverse = new ReverseController(
    this,
    (location, signal) => this.nearestAddress(location, { signal }),
    (e) => this._emitError('reverse-failed', e),
  );

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
    return this._viewers.viewer;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._suggest.cancel();
    this._lookupTask.abort(abortError('The element was removed.'));
    this._lookupLoading = false;
  }

  /** Settles only when no further update is pending (a viewer bound after an update renders once more). */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    while (!done) done = await super.getUpdateComplete();
    return done;
  }

  /** State that follows a property goes before rendering, so the change renders in this update. */
  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('reverse') && this.isConnected) {
      this._viewers.rebind();
      if (!this.reverse) {
        this._reverse.stop('Reverse geocoding was turned off.', true);
      }
    }
    if (changed.has('baseUrl')) {
      this._service.reset();
      this._suggest.cancel();
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
  nearestAddress(
    location: Location,
    options: { signal?: AbortSignal } = {},
  ): Promise<NearestAddress | null> {
    return this._service.nearest(location, options.signal);
  }

  /** Empties the field, closes the list and aborts a pending search. */
  clear(): void {
    this._suggest.cancel();
    this._value = '';
    this._suggestions = [];
    this._open = false;
    this._active = -1;
    this._error = undefined;
    this._status = 'idle';
  }

  // ---- Suggestions ----------------------------------------------------------------------------

  private _onInput(e: InputEvent): void {
    const value = (e.target as HTMLInputElement).value;
    this._value = value;
    this._active = -1;
    this._error = undefined;
    this._suggest.cancel();
    if (value.trim().length < Math.max(1, this.minLength)) {
      this._suggestions = [];
      this._open = false;
      this._status = 'idle';
      return;
    }
    this._suggest.schedule(value.trim(), this.debounceMs);
  }

  private _onKeydown(e: KeyboardEvent): void {
    const action = comboboxKey(e, {
      count: this._suggestions.length,
      open: this._open,
      active: this._active,
      searchPending: this._suggest.pending,
      value: this._value,
    });
    if (action === undefined) return;
    if (action.prevent) e.preventDefault();
    if (action.kind === 'search-now') this._suggest.now(this._value.trim());
    else if (action.kind === 'show') {
      this._open = true;
      this._active = action.active;
    } else if (action.kind === 'choose') this._select(action.index);
    else if (action.kind === 'close') {
      this._open = false;
      this._active = -1;
    } else if (action.kind === 'clear') this.clear();
    else this._active = -1;
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
  private _select(index: number): void {
    const suggestion = this._suggestions[index];
    if (!suggestion) return;
    this._suggest.cancel();
    this._value = suggestion.label;
    this._open = false;
    this._active = -1;
    this._error = undefined;
    this._selectedLabel = suggestion.label;
    this._status = 'selected';
    this._lookupLoading = true;
    void this._lookupTask.run([suggestion]);
  }

  private _emitError(code: AddressErrorCode, e: unknown): void {
    const message = e instanceof Error ? e.message : String(e);
    this.dispatchEvent(new NaAddressErrorEvent({ code, message }));
  }

  // ---- Rendering ------------------------------------------------------------------------------

  protected override render(): TemplateResult {
    const lang: WidgetLang = resolveLang(this);
    return renderSearch({
      t: (key, params) => tr(messages, key, lang, params),
      lang,
      value: this._value,
      suggestions: this._suggestions,
      open: this._open,
      active: this._active,
      loading: this._suggest.loading || this._lookupLoading,
      status: this._status,
      selectedLabel: this._selectedLabel,
      error: this._error,
      nearest: this._reverse.nearest,
      reverse: this.reverse,
      placeholder: this.placeholder,
      contextLabel: this.contextLabel,
      onFocusOut: (e) => this._onFocusOut(e),
      onInput: (e) => this._onInput(e),
      onKeydown: (e) => this._onKeydown(e),
      onInputClick: () => this._onInputClick(),
      onClear: () => this._onClear(),
      onSelect: (index) => this._select(index),
    });
  }
}
