/**
 * Templates of `<na-zonering-legend>`: the layer controls (toggle, opacity), one legend entry
 * with its swatch and "Uitleg" disclosure, the explanation, and the map-description disclosure.
 * A thin view: the element passes its state and handlers; every text from the knowledge base is
 * rendered as text.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { LegendEntry } from '../../src/map/zonering-style.js';
import { cssomStyle } from '../shared/cssom-style.js';
import { tr, type WidgetLang } from '../shared/lang.js';
import { messages } from './messages.js';

/**
 * A `#rrggbb` swatch colour at the layer's opacity (`rgba(…)`), so the swatch matches the map,
 * which draws the layer at that opacity; other colour forms are returned as they are.
 */
export function atOpacity(colour: string, opacity: number | undefined): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  const a =
    opacity !== undefined && Number.isFinite(opacity) ? Math.min(1, Math.max(0, opacity)) : 1;
  if (m === null || a >= 1) return colour;
  const c = (h: string | undefined): number => parseInt(h ?? '0', 16);
  return `rgba(${c(m[1])}, ${c(m[2])}, ${c(m[3])}, ${a})`;
}

/** The toggle checkbox and the opacity slider of the layer. */
export function legendControls(
  layer: { visible: boolean; opacity: number },
  lang: WidgetLang,
  onToggle: (e: Event) => void,
  onOpacity: (e: Event) => void,
): TemplateResult {
  const pct = Math.round((Number.isFinite(layer.opacity) ? layer.opacity : 1) * 100);
  const percent = tr(messages, 'percent', lang, { value: pct });
  return html`<div part="controls">
    <label part="toggle-label">
      <input part="toggle" type="checkbox" .checked=${layer.visible} @change=${onToggle} />
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
        @input=${onOpacity}
      />
      <!-- Shown, not announced: the slider itself announces its value (aria-valuetext); an
        <output> (a live region) would say it a second time. -->
      <span part="opacity-value" aria-hidden="true">${percent}</span>
    </span>
  </div>`;
}

/** The "Beschrijving van de kaart" disclosure: the map in words (a text alternative). */
export function describeDisclosure(
  open: boolean,
  description: string,
  lang: WidgetLang,
  onToggle: () => void,
): TemplateResult {
  return html`<div part="describe">
    <button
      type="button"
      part="describe-toggle"
      aria-expanded=${open ? 'true' : 'false'}
      aria-controls="map-description"
      @click=${onToggle}
    >
      ${tr(messages, 'describe', lang)}
    </button>
    <p part="description" id="map-description" ?hidden=${!open}>${description}</p>
  </div>`;
}

/** What an entry template needs from the element. */
export interface EntryView {
  lang: WidgetLang;
  /** The layer's opacity (swatches are drawn at it). */
  opacity: number | undefined;
  /** Keys of the entries whose explanation is open. */
  expanded: ReadonlySet<string>;
  /** Where an entry lies in the view (", noorden"), or undefined. */
  where: (e: LegendEntry) => string | undefined;
  /** Opens or closes the explanation of the entry with this key. */
  toggle: (key: string) => void;
}

/** One legend entry (type, group or zone) with its zones as a sublist. */
export function legendEntry(e: LegendEntry, view: EntryView, nested: boolean): TemplateResult {
  const { lang } = view;
  const label = e.kind === 'unknown' ? tr(messages, 'unknown', lang, { codes: e.id }) : e.label;
  const where = view.where(e);
  const explainable = e.kind !== 'unknown';
  const expanded = view.expanded.has(e.key);
  const explanationId = `explanation-${e.key}`;
  return html`<li part=${nested ? 'entry zone-entry' : 'entry'} data-key=${e.key}>
    <div part="entry-row">
      ${
        e.colour === undefined
          ? nothing
          : html`<span
              part="swatch"
              aria-hidden="true"
              ${cssomStyle({ 'background-color': atOpacity(e.colour, view.opacity) })}
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
              @click=${() => view.toggle(e.key)}
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
            ${explanation(e, lang)}
          </div>`
        : nothing
    }
    ${
      e.zones === undefined
        ? nothing
        : html`<ul part="sublist" role="list">
            ${e.zones.map((z) => legendEntry(z, view, true))}
          </ul>`
    }
  </li>`;
}

/** The explanation of an entry: its text, how soil, water and relief work, its zones in view. */
export function explanation(e: LegendEntry, lang: WidgetLang): TemplateResult {
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
