/**
 * Language of a widget: its own `lang` attribute, else the nearest ancestor's (across shadow roots),
 * else the document's; Dutch (`nl`) when none is set or the language is not supported.
 */
export type WidgetLang = 'nl' | 'en';

export function resolveLang(el: Element): WidgetLang {
  let node: Node | null = el;
  while (node) {
    if (node instanceof Element) {
      const lang = node.getAttribute('lang');
      if (lang) return lang.toLowerCase().startsWith('en') ? 'en' : 'nl';
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return 'nl';
}

/** Picks the text of a language from a `{ nl, en }` dictionary entry. */
export function tr<T extends Record<string, { nl: string; en: string }>>(
  dict: T,
  key: keyof T,
  lang: WidgetLang,
  params: Record<string, string | number> = {},
): string {
  const entry = dict[key];
  const text = entry ? entry[lang] : String(key);
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] !== undefined ? String(params[name]) : whole,
  );
}
