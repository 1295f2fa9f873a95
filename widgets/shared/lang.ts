/**
 * Languages and interface texts of the widgets.
 *
 * Dutch (`nl`) is the default and English (`en`) is complete. A municipality adds a language or
 * rewords texts with a data file applied through {@link applyWidgetTexts}: the same kind of file as
 * the knowledge-base extension, `{ "<widget>": { "<message key>": { "<lang>": "text" } } }`.
 * The widget names are `location-check`, `address-search`, `scenario-compare`, `zonering-layer` and
 * `zonering-legend`; the keys are those of each widget's `messages.ts` (also exported, e.g.
 * `locationCheckMessages`). The errors of the sources are reworded the same way (`http`,
 * `sources-file`, `geotiff`, `flatgeobuf`, `diagnose`, `report`, `scenario-summary`, …), also
 * before the module of a catalogue loaded on demand (`src/sources/message-catalogues.ts`). Texts are ICU messages, formatted by the one message system
 * in `src/core/messages.ts`. Texts a new language lacks fall back to Dutch.
 */
import {
  applyTexts,
  normalizeLang as normalizeMessageLang,
  registerMessages as registerDictionary,
  translate,
  type MessageDict,
  type MessageParams,
} from '../../src/core/messages.js';

// The catalogues that load on demand (failed requests, sources files, GeoTIFF, FlatGeobuf,
// diagnosis, report, …): names and keys, so that a texts file can reword them before they load.
import '../../src/sources/message-catalogues.js';

export { WidgetTextsError } from '../../src/core/messages.js';

export type WidgetLang = 'nl' | 'en' | (string & {});

/** Registers a widget's message dictionary under its name (done by each widget's messages module). */
export function registerMessages(widget: string, dict: MessageDict): void {
  registerDictionary(widget, dict);
}

/**
 * Adds languages and rewords interface texts: those of the widgets and those of the sources
 * (`http`: the errors of services and files, `sources-file`: the sources file). Texts are ICU
 * messages (`{name}`, `{count, plural, one {…} other {…}}`). The widgets re-render on their own
 * when a language is switched; after rewording call `requestUpdate()` on elements already shown.
 * @param data `{ "<widget>": { "<key>": { "<lang>": "text" } } }`, e.g. parsed from a JSON file
 * @param source name of the file, for messages
 * @throws WidgetTextsError for an unknown widget or key, or a text that is not a valid message
 */
export function applyWidgetTexts(data: unknown, source = 'widget texts'): void {
  applyTexts(data, source);
}

/**
 * Language of a widget: its own `lang` attribute, else the nearest ancestor's (across shadow roots),
 * else the document's. `en` for English, a language added with {@link applyWidgetTexts} as itself,
 * Dutch (`nl`) otherwise.
 */
export function resolveLang(el: Element): WidgetLang {
  // The element's own `lang` property first: Lit renders before it reflects it to the attribute.
  const own = (el as Partial<HTMLElement>).lang;
  if (typeof own === 'string' && own !== '') return normalizeLang(own);
  let node: Node | null = el;
  while (node) {
    if (node instanceof Element) {
      const lang = node.getAttribute('lang');
      if (lang) return normalizeLang(lang);
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return 'nl';
}

/** `en` for English, an added language as itself, Dutch (`nl`) otherwise (`en-GB` → `en`). */
export function normalizeLang(lang: string): WidgetLang {
  return normalizeMessageLang(lang);
}

/**
 * The text of a key in a language (reworded or added texts first), falling back to Dutch; an ICU
 * message, formatted with the language's plural rules and numbers.
 */
export function tr<T extends Record<string, { nl: string; en: string }>>(
  dict: T,
  key: keyof T,
  lang: WidgetLang,
  params: MessageParams = {},
): string {
  return translate(dict, key, lang, params);
}
