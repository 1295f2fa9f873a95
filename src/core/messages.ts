/**
 * The one message system of the library: ICU message texts (`intl-messageformat`) in dictionaries
 * `{ key: { nl, en } }`, registered under a name (`location-check`, `http`, …) so that a
 * municipality can reword every text a user sees, or add a language, with one data file
 * ({@link applyTexts}); and one {@link localeFor} for every number and date.
 *
 * DOM-free: core, sources, the CLI and the widgets use it alike (`tr()` in the widgets is
 * {@link translate}). Texts are ICU: `{name}` inserts a value, and
 * `{count, plural, one {# maatregel} other {# maatregelen}}` chooses the plural form of the
 * language.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import type { LocalizedText } from './types.js';

/** A language of the interface: `nl` (default), `en`, or a language added with a texts file. */
export type MessageLang = 'nl' | 'en' | (string & {});

/** A dictionary of messages: every key has a Dutch and an English ICU text. */
export type MessageDict = Readonly<Record<string, { readonly nl: string; readonly en: string }>>;

/** Values of a message's placeholders. */
export type MessageParams = Readonly<Record<string, string | number>>;

const registry = new Map<string, MessageDict>();
/** The keys of dictionaries that load on demand, known before their module loads. */
const declared = new Map<string, ReadonlySet<string>>();
/** The name each registered dictionary has. */
const dictNames = new WeakMap<object, string>();
/** Reworded and added texts per dictionary name (kept for a dictionary that is not loaded yet). */
const overrides = new Map<string, Record<string, Record<string, string>>>();
const extraLanguages = new Set<string>();

/**
 * The locale of a language for numbers, dates and plural rules: `nl` → `nl-NL` (decimal comma),
 * `en` → `en-GB` (the English of the Netherlands' European neighbours: day before month),
 * an added language as itself (`fy` → `fy`), falling back to `nl-NL` when the runtime does not
 * know it as a locale.
 */
export function localeFor(lang: string): string {
  const primary = lang.toLowerCase().split('-')[0] ?? '';
  if (primary === 'en') return 'en-GB';
  if (primary === 'nl' || primary === '') return 'nl-NL';
  try {
    return Intl.getCanonicalLocales(primary)[0] ?? 'nl-NL';
  } catch (e) {
    // Not a well-formed language tag: numbers as in Dutch, the default language.
    void e;
    return 'nl-NL';
  }
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** Formats a number in the locale of a language ({@link localeFor}); formats are cached. */
export function formatNumberFor(
  value: number,
  lang: string,
  options: Intl.NumberFormatOptions = {},
): string {
  const locale = localeFor(lang);
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format.format(value);
}

/**
 * Registers a dictionary under a name (done by each messages module on import). Texts a texts file
 * gave for it before it loaded ({@link declareMessages}) apply from now on.
 * @throws Error when the dictionary's keys differ from the keys declared for its name
 */
export function registerMessages(name: string, dict: MessageDict): void {
  checkDeclared(name, dict, declared.get(name));
  registry.set(name, dict);
  dictNames.set(dict, name);
}

/** Throws when a dictionary's keys differ from the keys declared for its name. */
function checkDeclared(
  name: string,
  dict: MessageDict | undefined,
  keys: ReadonlySet<string> | undefined,
): void {
  if (dict === undefined || keys === undefined) return;
  const own = Object.keys(dict);
  if (own.length !== keys.size || own.some((k) => !keys.has(k))) {
    throw new Error(
      `messages "${name}": the keys of the dictionary differ from those declared for it (declareMessages); update the declaration.`,
    );
  }
}

/**
 * Makes the name and keys of a dictionary known before its module loads (a module imported on
 * demand, e.g. the GeoTIFF source), so that {@link applyTexts} can reword its texts at any time;
 * they apply when the dictionary registers. `src/sources/message-catalogues.ts` declares the
 * library's own.
 */
export function declareMessages(name: string, keys: readonly string[]): void {
  const set = new Set(keys);
  checkDeclared(name, registry.get(name), set);
  declared.set(name, set);
}

/** The names of the registered and declared dictionaries, sorted. */
export function messageDictionaries(): string[] {
  return [...new Set([...registry.keys(), ...declared.keys()])].sort();
}

/** An error in a texts file: the message names the dictionary, key or language that is wrong. */
export class WidgetTextsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WidgetTextsError';
  }
}

/** The problem of an ICU text, or `undefined` when it parses. */
export function icuProblem(text: string): string | undefined {
  try {
    new IntlMessageFormat(text, 'nl-NL');
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/**
 * Adds languages and rewords texts of every registered dictionary (widgets and sources alike).
 * Nothing changes unless the whole file is valid.
 * @param data `{ "<dictionary>": { "<key>": { "<lang>": "ICU text" } } }`, e.g. parsed from JSON
 * @param source name of the file, for messages
 * @throws WidgetTextsError for an unknown dictionary or key, a text that is not a string, or a
 * text that is not a valid ICU message
 */
export function applyTexts(data: unknown, source = 'widget texts'): void {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new WidgetTextsError(
      `${source}: expected an object { "<widget>": { "<key>": { "<lang>": "text" } } }.`,
    );
  }
  const staged: Array<[string, string, string, string]> = [];
  for (const [name, keys] of Object.entries(data as Record<string, unknown>)) {
    const dict = registry.get(name);
    const known = dict === undefined ? declared.get(name) : new Set(Object.keys(dict));
    if (known === undefined) {
      throw new WidgetTextsError(
        `${source}: unknown widget "${name}" (known: ${messageDictionaries().join(', ')}).`,
      );
    }
    if (typeof keys !== 'object' || keys === null || Array.isArray(keys)) {
      throw new WidgetTextsError(`${source}: "${name}" must be an object of message keys.`);
    }
    for (const [key, texts] of Object.entries(keys as Record<string, unknown>)) {
      if (!known.has(key))
        throw new WidgetTextsError(`${source}: ${name} has no message "${key}".`);
      if (typeof texts !== 'object' || texts === null || Array.isArray(texts)) {
        throw new WidgetTextsError(
          `${source}: ${name}.${key} must be an object { "<lang>": "text" }.`,
        );
      }
      for (const [lang, text] of Object.entries(texts as Record<string, unknown>)) {
        if (!/^[a-z]{2,3}$/.test(lang)) {
          throw new WidgetTextsError(
            `${source}: ${name}.${key}: "${lang}" is not a language code such as "fy".`,
          );
        }
        if (typeof text !== 'string') {
          throw new WidgetTextsError(`${source}: ${name}.${key}.${lang} must be a string.`);
        }
        const problem = icuProblem(text);
        if (problem !== undefined) {
          throw new WidgetTextsError(
            `${source}: ${name}.${key}.${lang} is not a valid message text (${problem}); write a placeholder as {name} and a plural as {count, plural, one {# …} other {# …}}.`,
          );
        }
        staged.push([name, key, lang, text]);
      }
    }
  }
  for (const [name, key, lang, text] of staged) {
    const own = overrides.get(name) ?? {};
    own[key] = { ...own[key], [lang]: text };
    overrides.set(name, own);
    if (lang !== 'nl' && lang !== 'en') extraLanguages.add(lang);
  }
}

/** `en` for English, an added language as itself, Dutch (`nl`) otherwise (`en-GB` → `en`). */
export function normalizeLang(lang: string): MessageLang {
  const primary = lang.toLowerCase().split('-')[0] ?? '';
  if (primary === 'en') return 'en';
  if (extraLanguages.has(primary)) return primary;
  return 'nl';
}

/** The languages a text can be in: `nl`, `en` and every added language. */
export function messageLanguages(): string[] {
  return ['nl', 'en', ...extraLanguages];
}

const compiled = new Map<string, IntlMessageFormat | null>();

function compile(text: string, locale: string): IntlMessageFormat | null {
  const key = `${locale}\u0000${text}`;
  let format = compiled.get(key);
  if (format === undefined) {
    try {
      format = new IntlMessageFormat(text, locale);
    } catch (e) {
      // A shipped text is checked by the tests and a reworded one at load; should one still not
      // parse, it is shown with plain {name} substitution rather than not at all.
      void e;
      format = null;
    }
    compiled.set(key, format);
  }
  return format;
}

/** Plain `{name}` substitution, for a text that is not ICU or lacks a value. */
function substitute(text: string, params: MessageParams, missing?: string): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] !== undefined ? String(params[name]) : (missing ?? whole),
  );
}

/** One element of a parsed ICU text. */
type MessageElement = ReturnType<IntlMessageFormat['getAst']>[number];

// The element types of `@formatjs/icu-messageformat-parser` (its `TYPE` enum).
const LITERAL = 0;
const ARGUMENT = 1;
const NUMBER = 2;
const SELECT = 5;
const PLURAL = 6;
const TAG = 8;

/** The elements one level down: the branches of a select or plural, the content of a tag. */
function childrenOf(el: MessageElement): MessageElement[][] {
  if (el.type === SELECT || el.type === PLURAL)
    return Object.values(el.options).map((o) => o.value);
  if (el.type === TAG) return [el.children];
  return [];
}

/** Calls `visit` for every element of a parsed text, nested ones included. */
function walk(els: readonly MessageElement[], visit: (el: MessageElement) => void): void {
  for (const el of els) {
    visit(el);
    for (const inner of childrenOf(el)) walk(inner, visit);
  }
}

/** The elements with every placeholder named in `names` replaced by the literal `text`. */
function replaceArguments(
  els: readonly MessageElement[],
  names: ReadonlySet<string>,
  text: string,
): MessageElement[] {
  return els.map((el): MessageElement => {
    if (el.type !== LITERAL && el.type !== TAG && 'value' in el && names.has(el.value)) {
      return { type: LITERAL, value: text } as MessageElement;
    }
    if (el.type === SELECT || el.type === PLURAL) {
      const options = Object.fromEntries(
        Object.entries(el.options).map(([k, o]) => [
          k,
          { ...o, value: replaceArguments(o.value, names, text) },
        ]),
      );
      return { ...el, options } as MessageElement;
    }
    if (el.type === TAG) return { ...el, children: replaceArguments(el.children, names, text) };
    return el;
  });
}

/**
 * How a placeholder is used in a message: as text (`{zone}`), as a number (`{n, number}`,
 * `{n, plural, …}`, `{n, selectordinal, …}`) or as a choice (`{t, select, …}`).
 */
export type ArgumentKind = 'text' | 'number' | 'choice';

/**
 * The placeholders of an ICU text and how each is used, or `undefined` when the text does not
 * parse ({@link icuProblem} says why). A name used as a number anywhere in the text is a number.
 */
export function messageArguments(text: string): ReadonlyMap<string, ArgumentKind> | undefined {
  const format = compile(text, 'nl-NL');
  if (format === null) return undefined;
  const out = new Map<string, ArgumentKind>();
  walk(format.getAst(), (el) => {
    if (el.type === ARGUMENT && !out.has(el.value)) out.set(el.value, 'text');
    else if (el.type === SELECT && out.get(el.value) !== 'number') out.set(el.value, 'choice');
    else if (el.type === NUMBER || el.type === PLURAL) out.set(el.value, 'number');
  });
  return out;
}

/** Options of {@link formatMessage}. */
export interface FormatOptions {
  /**
   * What a placeholder without a value shows, the whole placeholder (a plural or select with all
   * its branches) replaced by this text; by default a placeholder without a value stays `{name}`.
   */
  readonly missing?: string;
}

/** The compiled text with the placeholders that have no value replaced by `missing`. */
function withMissing(
  format: IntlMessageFormat,
  text: string,
  locale: string,
  params: MessageParams,
  missing: string,
): IntlMessageFormat {
  const names = new Set<string>();
  walk(format.getAst(), (el) => {
    if (el.type === LITERAL || el.type === TAG || !('value' in el)) return;
    if (!Object.prototype.hasOwnProperty.call(params, el.value)) names.add(el.value);
  });
  if (names.size === 0) return format;
  const key = `${locale}\u0000${missing}\u0000${[...names].sort().join(',')}\u0000${text}`;
  let out = compiled.get(key);
  if (out === undefined || out === null) {
    out = new IntlMessageFormat(replaceArguments(format.getAst(), names, missing), locale);
    compiled.set(key, out);
  }
  return out;
}

/**
 * Formats an ICU text for a language. A placeholder without a value stays visible as `{name}`,
 * or shows `options.missing` when given.
 */
export function formatMessage(
  text: string,
  lang: string,
  params: MessageParams = {},
  options: FormatOptions = {},
): string {
  if (!text.includes('{')) return text;
  const locale = localeFor(lang);
  const format = compile(text, locale);
  if (format === null) return substitute(text, params, options.missing);
  try {
    const use =
      options.missing === undefined
        ? format
        : withMissing(format, text, locale, params, options.missing);
    const out = use.format(params as Record<string, string | number>);
    return typeof out === 'string' ? out : String(out);
  } catch (e) {
    // A value is missing (the message names it): keep the placeholder, as plain substitution does.
    void e;
    return substitute(text, params, options.missing);
  }
}

/** The text of a key in a language (reworded or added texts first), falling back to Dutch. */
export function translate<T extends Record<string, { nl: string; en: string }>>(
  dict: T,
  key: keyof T,
  lang: MessageLang,
  params: MessageParams = {},
): string {
  const name = dictNames.get(dict);
  const own = name === undefined ? undefined : overrides.get(name)?.[key as string];
  const entry = dict[key] as Record<string, string> | undefined;
  const text = own?.[lang] ?? entry?.[lang] ?? own?.nl ?? entry?.nl ?? String(key);
  return formatMessage(text, lang, params);
}

/**
 * Values of a message's placeholders for {@link localizedMessage}: a value may itself be a text in
 * every language (a knowledge-base label, a zone's name), of which each language takes its own
 * (Dutch when it has none).
 */
export type LocalizedParams = Readonly<Record<string, string | number | LocalizedText>>;

/** The values of `params` for one language. */
export function paramsFor(params: LocalizedParams, lang: string): MessageParams {
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    out[name] =
      typeof value === 'object' ? (value[lang] ?? value.nl) : (value satisfies string | number);
  }
  return out;
}

/** A message in every language (`nl`, `en` and added languages), for a `LocalizedText` field. */
export function localizedMessage<T extends Record<string, { nl: string; en: string }>>(
  dict: T,
  key: keyof T,
  params: LocalizedParams = {},
): LocalizedText {
  const out: Record<string, string> = {};
  for (const lang of messageLanguages())
    out[lang] = translate(dict, key, lang, paramsFor(params, lang));
  return out as LocalizedText;
}
