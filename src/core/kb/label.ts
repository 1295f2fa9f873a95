/**
 * Reading a label of the knowledge base. A module of its own (no data, no validators), so that a
 * widget's templates can use it in the first load while the knowledge base loads on demand.
 */
import type { Lang } from '../types.js';
import type { KnowledgeBase } from './types.js';

/**
 * The label of a vocabulary value, e.g. `label(kb, 'action.infiltreren', 'nl')`.
 * Falls back to Dutch when the language is missing (e.g. `fy` not translated), and to the key
 * itself when there is no label.
 *
 * @param key - `<vocabulary>.<value>`, e.g. `texture.zand`, `reason.outside-coverage`, `fact.gt`
 * @param lang - language code; `nl` by default
 */
export function label(kb: KnowledgeBase, key: string, lang: Lang | string = 'nl'): string {
  const text = kb.labels[key];
  if (!text) return key;
  return text[lang] ?? text.nl;
}
