/**
 * Languages and interface texts of the widgets.
 *
 * Dutch (`nl`) is the default and English (`en`) is complete. A municipality adds a language or
 * rewords texts with a data file applied through {@link applyWidgetTexts}: the same kind of file as
 * the knowledge-base extension, `{ "<widget>": { "<message key>": { "<lang>": "text" } } }`.
 * The widget names are `location-check`, `address-search`, `scenario-compare`, `zonering-layer` and
 * `zonering-legend`; the keys are those of each widget's `messages.ts` (also exported, e.g.
 * `locationCheckMessages`). Texts a new language lacks fall back to Dutch.
 */
export type WidgetLang = 'nl' | 'en' | (string & {});

type Dict = Readonly<Record<string, { readonly nl: string; readonly en: string }>>;

const registry = new Map<string, Dict>();
const overrides = new WeakMap<object, Record<string, Record<string, string>>>();
const extraLanguages = new Set<string>();

/** Registers a widget's message dictionary under its name (done by each widget's messages module). */
export function registerMessages(widget: string, dict: Dict): void {
  registry.set(widget, dict);
}

/** An error in a widget-texts file: the message names the widget, key or language that is wrong. */
export class WidgetTextsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WidgetTextsError';
  }
}

/**
 * Adds languages and rewords interface texts. Call it before the elements render (or call
 * `requestUpdate()` on them afterwards).
 * @param data `{ "<widget>": { "<key>": { "<lang>": "text" } } }`, e.g. parsed from a JSON file
 * @param source name of the file, for messages
 * @throws WidgetTextsError for an unknown widget or key, or a text that is not a string
 */
export function applyWidgetTexts(data: unknown, source = 'widget texts'): void {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new WidgetTextsError(
      `${source}: expected an object { "<widget>": { "<key>": { "<lang>": "text" } } }.`,
    );
  }
  const staged: Array<[Dict, string, string, string]> = [];
  for (const [widget, keys] of Object.entries(data as Record<string, unknown>)) {
    const dict = registry.get(widget);
    if (!dict) {
      throw new WidgetTextsError(
        `${source}: unknown widget "${widget}" (known: ${[...registry.keys()].sort().join(', ')}).`,
      );
    }
    if (typeof keys !== 'object' || keys === null || Array.isArray(keys)) {
      throw new WidgetTextsError(`${source}: "${widget}" must be an object of message keys.`);
    }
    for (const [key, texts] of Object.entries(keys as Record<string, unknown>)) {
      if (!Object.prototype.hasOwnProperty.call(dict, key))
        throw new WidgetTextsError(`${source}: ${widget} has no message "${key}".`);
      if (typeof texts !== 'object' || texts === null || Array.isArray(texts)) {
        throw new WidgetTextsError(
          `${source}: ${widget}.${key} must be an object { "<lang>": "text" }.`,
        );
      }
      for (const [lang, text] of Object.entries(texts as Record<string, unknown>)) {
        if (!/^[a-z]{2,3}$/.test(lang)) {
          throw new WidgetTextsError(
            `${source}: ${widget}.${key}: "${lang}" is not a language code such as "fy".`,
          );
        }
        if (typeof text !== 'string') {
          throw new WidgetTextsError(`${source}: ${widget}.${key}.${lang} must be a string.`);
        }
        staged.push([dict, key, lang, text]);
      }
    }
  }
  // Nothing changes unless the whole file is valid.
  for (const [dict, key, lang, text] of staged) {
    const own = overrides.get(dict) ?? {};
    own[key] = { ...own[key], [lang]: text };
    overrides.set(dict, own);
    if (lang !== 'nl' && lang !== 'en') extraLanguages.add(lang);
  }
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
  const primary = lang.toLowerCase().split('-')[0] ?? '';
  if (primary === 'en') return 'en';
  if (extraLanguages.has(primary)) return primary;
  return 'nl';
}

/** Picks the text of a language (reworded or added texts first), falling back to Dutch. */
export function tr<T extends Record<string, { nl: string; en: string }>>(
  dict: T,
  key: keyof T,
  lang: WidgetLang,
  params: Record<string, string | number> = {},
): string {
  const own = overrides.get(dict)?.[key as string];
  const entry = dict[key] as Record<string, string> | undefined;
  const text = own?.[lang] ?? entry?.[lang] ?? own?.nl ?? entry?.nl ?? String(key);
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] !== undefined ? String(params[name]) : whole,
  );
}
