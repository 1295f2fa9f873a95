/**
 * The one wording of schema problems ({@link SchemaProblem}, read by `schema-errors.ts`): an ICU
 * catalogue (`schema` in a texts file) used by every file the project checks with a schema, the
 * knowledge base and its extension (`kb/schema-checks.ts`) and the sources file (`sources/config.ts`).
 * What differs per file is a parameter ({@link SchemaWordOptions}: what an unknown key is called,
 * the allowed names, the reader's words for what a value must be) or a short add-on sentence of this
 * catalogue (`hint…`), never a second wording of the same problem. The file, line and field come
 * before the message, from the reader.
 *
 * The readers word their problems in English (`KnowledgeBaseIssue.message`, `ConfigIssue.message`);
 * a texts file may reword the English (or Dutch) texts like any other message.
 */
import { localeFor, registerMessages, translate } from './messages.js';
import type { SchemaProblem } from './schema-errors.js';

/** Messages about a value or key that its schema does not allow (`schema` in a texts file). */
export const schemaMessages = {
  missingField: {
    nl: 'het verplichte veld "{field}" ontbreekt',
    en: 'missing required field "{field}"',
  },
  missingLanguage: {
    nl: 'de {lang, select, nl {Nederlandse} en {Engelse} other {{lang}}} tekst ("{lang}") ontbreekt',
    en: 'missing the {lang, select, nl {Dutch} en {English} other {{lang}}} text ("{lang}")',
  },
  unknownField: {
    nl: 'onbekend {what, select, fact {feit} other {veld}} "{field}"',
    en: 'unknown {what, select, fact {fact} other {field}} "{field}"',
  },
  invalidKey: {
    nl: 'ongeldige sleutel {key}',
    en: 'invalid key {key}',
  },
  notAllowed: {
    nl: 'moet een van deze waarden zijn: {allowed} (nu {value})',
    en: 'must be one of {allowed} (got {value})',
  },
  wrongType: {
    nl: 'moet {expected} zijn (nu {got})',
    en: 'must be {expected} (got {got})',
  },
  typeName: {
    nl: '{type, select, string {een tekst} number {een getal} integer {een geheel getal} boolean {true of false} object {een object} array {een lijst} null {null} other {{type}}}',
    en: '{type, select, string {a text} number {a number} integer {a whole number} boolean {true or false} object {an object} array {a list} null {null} other {{type}}}',
  },
  gotValue: {
    nl: '{type, select, array {een lijst} object {een object} null {null} nothing {niets} string {de tekst {value}} number {het getal {value}} other {{value}}}',
    en: '{type, select, array {a list} object {an object} null {null} nothing {nothing} string {the text {value}} number {the number {value}} other {{value}}}',
  },
  empty: {
    nl: 'mag niet leeg zijn',
    en: 'must not be empty',
  },
  tooFewItems: {
    nl: 'moet minstens {limit, plural, one {# item} other {# items}} hebben',
    en: 'must have at least {limit, plural, one {# item} other {# items}}',
  },
  tooManyItems: {
    nl: 'mag hoogstens {limit, plural, one {# item} other {# items}} hebben',
    en: 'must have at most {limit, plural, one {# item} other {# items}}',
  },
  duplicateItem: {
    nl: '{value} staat twee keer in de lijst (items {other} en {index})',
    en: '{value} is listed twice (items {other} and {index})',
  },
  pattern: {
    nl: '{value} is niet geldig: {rule}',
    en: '{value} is not valid: {rule}',
  },
  mustMatch: {
    nl: 'moet passen bij {pattern}',
    en: 'must match {pattern}',
  },
  outOfRange: {
    nl: 'moet {comparison} {limit} zijn (nu {value})',
    en: 'must be {comparison} {limit} (got {value})',
  },
  other: {
    nl: 'voldoet niet aan het schema ({detail})',
    en: 'does not match the schema ({detail})',
  },
  didYouMean: {
    nl: 'bedoelde u "{near}"?',
    en: 'did you mean "{near}"?',
  },
  allowedList: {
    nl: 'toegestaan: {allowed}',
    en: 'allowed: {allowed}',
  },
  hintFacts: {
    nl: 'koppel minstens één feit ({facts}) aan een eigenschap',
    en: 'map at least one fact ({facts}) to a property name',
  },
  hintCoverage: {
    nl: 'schrijf [minX, minY, maxX, maxY] (4 getallen)',
    en: 'write [minX, minY, maxX, maxY] (4 numbers)',
  },
  expectLayer: {
    nl: 'een naam (tekst) of een laagnummer',
    en: 'a name (text) or a layer number',
  },
  expectNoData: {
    nl: 'een tekst of een getal (een waarde waarmee de dienst "geen gegevens" aangeeft)',
    en: 'a text or a number (a value the service uses for "no data")',
  },
  expectProperty: {
    nl: 'een eigenschapsnaam, een lijst van eigenschapsnamen of (geotiff) een bandnummer ≥ 1',
    en: 'a property name, a list of property names, or (geotiff) a band number ≥ 1',
  },
  ruleId: {
    nl: 'begin met een letter of cijfer en gebruik alleen letters, cijfers, ".", "-" en "_"',
    en: 'start with a letter or digit and use only letters, digits, ".", "-" and "_"',
  },
  ruleDate: {
    nl: 'schrijf een datum als JJJJ-MM-DD',
    en: 'write a date as YYYY-MM-DD',
  },
  invalidMessage: {
    nl: 'is geen geldig ICU-bericht ({problem}); schrijf een plaatshouder als {placeholder}, een meervoud als {plural}, en een letterlijke "{open}", "{close}" of "<" tussen apostroffen ({quoted})',
    en: 'is not a valid ICU message ({problem}); write a placeholder as {placeholder}, a plural as {plural}, and a literal "{open}", "{close}" or "<" between apostrophes ({quoted})',
  },
  unknownPlaceholder: {
    nl: 'onbekende plaatshouder "{name}"; toegestaan: {allowed}',
    en: 'unknown placeholder "{name}"; allowed: {allowed}',
  },
} as const;

registerMessages('schema', schemaMessages);

/** A key of {@link schemaMessages}. */
export type SchemaMessageKey = keyof typeof schemaMessages;

/** One message of the catalogue (English unless `lang` says otherwise). */
export function schemaText(
  key: SchemaMessageKey,
  params: Readonly<Record<string, string | number>> = {},
  lang = 'en',
): string {
  return translate(schemaMessages, key, lang, params);
}

/**
 * Why an ICU text (a knowledge-base label or reason template) does not parse, with how to write one;
 * the ICU examples are values, not part of the message.
 */
export function invalidMessageText(problem: string, lang = 'en'): string {
  return schemaText(
    'invalidMessage',
    {
      problem,
      placeholder: '{name}',
      plural: '{count, plural, one {# …} other {# …}}',
      open: '{',
      close: '}',
      quoted: "'{'",
    },
    lang,
  );
}

/** What a reader adds to the common wording of a problem. */
export interface SchemaWordOptions {
  /** Language of the message; English by default. */
  lang?: string;
  /** What an unknown key is: a `field` (default) or a `fact` name. */
  what?: 'field' | 'fact';
  /** The allowed keys (unknown-field) or extra allowed values (not-allowed), instead of / besides the schema's. */
  allowed?: readonly string[];
  /** The reader's words for what the value must be (wrong-type, no-branch) or the rule it breaks (pattern, invalid-key). */
  expected?: string;
  /** A sentence of the reader's own, added after the problem. */
  hint?: string;
}

/** A value as it was written, shortened: `"stad"`, `5`, `[…]`. */
export function showValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  const s = JSON.stringify(value);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

function gotValue(value: unknown, lang: string): string {
  const type =
    value === undefined
      ? 'nothing'
      : value === null
        ? 'null'
        : Array.isArray(value)
          ? 'array'
          : typeof value;
  return schemaText('gotValue', { type, value: showValue(value) }, lang);
}

/** `a text or a number`, in the list words of the language. */
function typeWords(types: readonly string[], lang: string): string {
  const names = types.map((type) => schemaText('typeName', { type }, lang));
  return new Intl.ListFormat(localeFor(lang), { type: 'disjunction' }).format(names);
}

/** The JSON types of the branches of an `anyOf` / `oneOf` schema, when each branch names one. */
function branchTypes(schema: Readonly<Record<string, unknown>>): string[] {
  const branches = schema.anyOf ?? schema.oneOf;
  if (!Array.isArray(branches)) return [];
  const out: string[] = [];
  for (const b of branches as unknown[]) {
    const t = b !== null && typeof b === 'object' ? (b as { type?: unknown }).type : undefined;
    if (typeof t !== 'string') return [];
    if (!out.includes(t)) out.push(t);
  }
  return out;
}

const COMPARISONS: Record<string, string> = { '>=': '≥', '<=': '≤', '>': '>', '<': '<' };

/** The allowed name closest to `name` (edit distance ≤ 2, or same when lower-cased), if any. */
export function closestName(name: string, allowed: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = 3;
  for (const a of allowed) {
    const d = a.toLowerCase() === name.toLowerCase() ? 0 : editDistance(a, name);
    if (d < bestD) {
      bestD = d;
      best = a;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0] as number;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j] as number;
      prev[j] = Math.min(
        (prev[j] as number) + 1,
        (prev[j - 1] as number) + 1,
        diag + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      diag = tmp;
    }
  }
  return prev[b.length] as number;
}

function listOf(items: readonly string[]): string {
  return items.length > 20 ? `${items.slice(0, 20).join(', ')}, …` : items.join(', ');
}

/**
 * The words of a schema problem, the same for every file: the problem, then the reader's add-on
 * sentences (a suggestion, the allowed names, `hint`), separated by `; `.
 */
export function schemaProblemText(problem: SchemaProblem, options: SchemaWordOptions = {}): string {
  const lang = options.lang ?? 'en';
  const t = (key: SchemaMessageKey, params: Record<string, string | number> = {}): string =>
    schemaText(key, params, lang);
  const extra: string[] = [];
  let main: string;
  switch (problem.kind) {
    case 'missing-field':
      main = t('missingField', { field: problem.field });
      break;
    case 'unknown-field': {
      const allowed = options.allowed ?? problem.allowed;
      main = t('unknownField', { what: options.what ?? 'field', field: problem.field });
      const near = closestName(problem.field, allowed);
      if (near !== undefined) extra.push(t('didYouMean', { near }));
      else if (allowed.length > 0) extra.push(t('allowedList', { allowed: listOf(allowed) }));
      break;
    }
    case 'invalid-key':
      main = t('invalidKey', { key: showValue(problem.key) });
      if (options.expected ?? problem.description)
        extra.push(options.expected ?? problem.description ?? '');
      break;
    case 'not-allowed': {
      const allowed = problem.allowed.map((v) => (v === null ? 'null' : String(v)));
      for (const v of options.allowed ?? []) if (!allowed.includes(v)) allowed.push(v);
      main = t('notAllowed', { allowed: allowed.join(', '), value: showValue(problem.value) });
      const near =
        typeof problem.value === 'string' ? closestName(problem.value, allowed) : undefined;
      if (near !== undefined && near !== problem.value) extra.push(t('didYouMean', { near }));
      break;
    }
    case 'wrong-type':
      main = t('wrongType', {
        expected: options.expected ?? typeWords(problem.types, lang),
        got: gotValue(problem.value, lang),
      });
      break;
    case 'no-branch': {
      const types = branchTypes(problem.schema);
      const expected = options.expected ?? (types.length > 0 ? typeWords(types, lang) : undefined);
      main =
        expected !== undefined
          ? t('wrongType', { expected, got: gotValue(problem.value, lang) })
          : t('other', { detail: problem.ajvMessage ?? problem.keyword });
      break;
    }
    case 'empty':
      main = t('empty');
      break;
    case 'too-few-items':
      main = t('tooFewItems', { limit: problem.limit });
      break;
    case 'too-many-items':
      main = t('tooManyItems', { limit: problem.limit });
      break;
    case 'duplicate-item':
      main = t('duplicateItem', {
        value: showValue(problem.value),
        index: problem.index,
        other: problem.other,
      });
      break;
    case 'pattern':
      main = t('pattern', {
        value: showValue(problem.value),
        rule:
          options.expected ?? problem.description ?? t('mustMatch', { pattern: problem.pattern }),
      });
      break;
    case 'out-of-range':
      main = t('outOfRange', {
        comparison: COMPARISONS[problem.comparison] ?? problem.comparison,
        limit: problem.limit,
        value: showValue(problem.value),
      });
      break;
    default:
      main = t('other', { detail: problem.ajvMessage ?? problem.keyword });
  }
  if (options.hint !== undefined) extra.push(options.hint);
  return [main, ...extra].join('; ');
}
