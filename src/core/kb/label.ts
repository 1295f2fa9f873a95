/**
 * Reading a label of the knowledge base. A module of its own (no data, no validators), so that a
 * widget's templates can use it in the first load while the knowledge base loads on demand.
 *
 * Labels are ICU messages, formatted by the one message system (`formatMessage` of
 * `src/core/messages.ts`): `{zone}` inserts a value, `{count, plural, one {…} other {…}}` chooses
 * the plural form of the label's language, and numbers follow `localeFor(lang)`. The knowledge-base
 * check reports a label that is not a valid ICU message, with its file, line and field.
 */
import { formatMessage, type MessageParams } from '../messages.js';
import type { Lang, LocalizedText } from '../types.js';
import type { KnowledgeBase } from './types.js';

/** The label's own texts, or undefined (an own property only: `labels` is plain data). */
function own(kb: KnowledgeBase, key: string): LocalizedText | undefined {
  return Object.prototype.hasOwnProperty.call(kb.labels, key) ? kb.labels[key] : undefined;
}

/**
 * A label text formatted for its language: the text of `lang`, or Dutch when the label has no
 * text in `lang` (formatted as Dutch, the language it is written in).
 */
export function formatLabelText(text: LocalizedText, lang: string, params: MessageParams): string {
  const mine = text[lang];
  return mine !== undefined
    ? formatMessage(mine, lang, params)
    : formatMessage(text.nl, 'nl', params);
}

/**
 * The label of a vocabulary value, e.g. `label(kb, 'action.infiltreren', 'nl')`.
 * Falls back to Dutch when the language is missing (e.g. `fy` not translated), and to the key
 * itself when there is no label.
 *
 * @param key - `<vocabulary>.<value>`, e.g. `texture.zand`, `reason.outside-coverage`, `fact.gt`
 * @param lang - language code; `nl` by default
 * @param params - values of the label's placeholders, e.g. `{ zone: 'Dz1' }`
 */
export function label(
  kb: KnowledgeBase,
  key: string,
  lang: Lang | string = 'nl',
  params: MessageParams = {},
): string {
  const text = own(kb, key);
  return text === undefined ? key : formatLabelText(text, String(lang), params);
}

/**
 * A label in every language it has, each formatted for its language; the fallback (default: the
 * key) in every language when the knowledge base has no such label. The fallback is a value, not a
 * message: it is never formatted.
 */
export function labelTexts(
  kb: KnowledgeBase,
  key: string,
  fallback?: string,
  params: MessageParams = {},
): LocalizedText {
  const text = own(kb, key);
  if (text === undefined) return { nl: fallback ?? key, en: fallback ?? key };
  const out: Record<string, string> = {};
  for (const lang of Object.keys(text)) out[lang] = formatLabelText(text, lang, params);
  return out as LocalizedText;
}
