/**
 * Templates of `<na-address-search>`: the combobox (label, input, clear button, listbox), the
 * messages under it, the live region and the nearest-address line. A thin view: the element
 * passes its state and handlers in a {@link SearchView}. The service's highlighting is rendered
 * from text segments as `<mark>` elements, never as HTML.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { formatNumberFor } from '../../src/core/messages.js';
import type { LocalizedText } from '../../src/core/types.js';
import type { WidgetLang } from '../shared/lang.js';
import { liveStatus } from '../shared/live-region.js';
import { messages, type MessageKey } from './messages.js';

type T = (key: MessageKey, params?: Record<string, string | number>) => string;

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

export type ErrorState = { key: MessageKey; service?: LocalizedText };
export type NearestState =
  | { kind: 'loading' }
  | { kind: 'found'; address: NearestAddress }
  | { kind: 'none' }
  | { kind: 'error'; service?: LocalizedText };
export type SearchStatus = 'idle' | 'results' | 'none' | 'error' | 'selected';

/** Everything the template needs from the element. */
export interface SearchView {
  t: T;
  lang: WidgetLang;
  value: string;
  suggestions: readonly AddressSuggestion[];
  open: boolean;
  active: number;
  loading: boolean;
  status: SearchStatus;
  selectedLabel: string;
  error: ErrorState | undefined;
  nearest: NearestState | undefined;
  reverse: boolean;
  placeholder: string | undefined;
  /** Tells this search apart on a page with more than one (visually hidden in the label). */
  contextLabel: string | undefined;
  onFocusOut: (e: FocusEvent) => void;
  onInput: (e: InputEvent) => void;
  onKeydown: (e: KeyboardEvent) => void;
  onInputClick: () => void;
  onClear: () => void;
  onSelect: (index: number) => void;
}

export function renderSearch(v: SearchView): TemplateResult {
  const { t, lang } = v;
  const open = v.open && v.suggestions.length > 0;
  const active = open && v.active >= 0 ? `option-${v.active}` : undefined;
  const state = v.error ? 'error' : v.loading ? 'loading' : open ? 'open' : 'idle';
  return html`
    <div part="search" data-state=${state} lang=${lang} @focusout=${v.onFocusOut}>
      <label part="label" for="input"
        >${t('label')}${
          v.contextLabel ? html`<span class="visually-hidden"> (${v.contextLabel})</span>` : nothing
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
          placeholder=${v.placeholder ?? t('placeholder')}
          .value=${live(v.value)}
          @input=${v.onInput}
          @keydown=${v.onKeydown}
          @click=${v.onInputClick}
        />
        ${v.loading ? html`<span part="spinner" aria-hidden="true"></span>` : nothing}
        ${
          v.value !== ''
            ? html`<button part="clear" type="button" aria-label=${t('clear')} @click=${v.onClear}>
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
        ${open ? v.suggestions.map((s, i) => renderOption(v, s, i)) : nothing}
      </ul>
      ${v.status === 'none' ? html`<p part="message">${t('noResults')}</p>` : nothing}
      ${v.error ? renderError(v.error, t, lang) : nothing} ${liveStatus(statusText(v))}
      ${v.reverse ? renderNearest(v.nearest, t, lang) : nothing}
    </div>
  `;
}

function statusText(v: SearchView): string {
  const { t } = v;
  switch (v.status) {
    case 'results':
      return t('count', { count: v.suggestions.length });
    case 'none':
      return t('noResults');
    case 'error':
      return v.error ? t(v.error.key) : '';
    case 'selected':
      return t('selected', { label: v.selectedLabel });
    default:
      return '';
  }
}

function renderOption(v: SearchView, s: AddressSuggestion, index: number): TemplateResult {
  const selected = index === v.active;
  const typeKey = `type.${s.type}`;
  const typeLabel = typeKey in messages ? v.t(typeKey as MessageKey) : s.type;
  return html`<li
    part=${selected ? 'option option-active' : 'option'}
    id=${`option-${index}`}
    role="option"
    aria-selected=${selected ? 'true' : 'false'}
    data-id=${s.id}
    @click=${() => v.onSelect(index)}
  >
    <span part="option-label"
      >${s.segments.map((seg) => (seg.mark ? html`<mark>${seg.text}</mark>` : seg.text))}</span
    >
    <span part="option-type">${typeLabel}</span>
  </li>`;
}

function renderError(error: ErrorState, t: T, lang: WidgetLang): TemplateResult {
  return html`<p part="error">
    ${t(error.key)}${error.service ? html` <span class="description">${error.service[lang]}</span>` : nothing}
  </p>`;
}

function renderNearest(n: NearestState | undefined, t: T, lang: WidgetLang): TemplateResult {
  let text = '';
  if (n?.kind === 'loading') text = t('nearestLoading');
  else if (n?.kind === 'none') text = t('nearestNone');
  else if (n?.kind === 'error') text = t('nearestError');
  else if (n?.kind === 'found') {
    const distance =
      n.address.distance !== undefined
        ? ` ${t('distance', {
            distance: formatNumberFor(n.address.distance, lang, { maximumFractionDigits: 0 }),
          })}`
        : '';
    text = `${t('nearest', { label: n.address.label })}${distance}`;
  }
  return html`<p part="nearest" aria-live="polite" aria-atomic="true">${text}</p>`;
}
