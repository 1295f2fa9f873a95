/**
 * Sources a reader can find: the knowledge base's source references (`source.ref`, short internal
 * notes) resolved to publications (author, title, year, link) through the citation table
 * (`src/core/kb/data/citations.json`). Every source line shown to users comes from here.
 *
 * Pure: no DOM, no network.
 */
import type { Citation, KbSource, KnowledgeBase } from './kb/types.js';
import type { Lang } from './types.js';

/**
 * The publication a source reference stands for: the citation with the longest `refs` prefix of
 * `source.ref`, or undefined when none matches.
 */
export function citationFor(kb: KnowledgeBase, source: KbSource): Citation | undefined {
  let best: Citation | undefined;
  let bestLength = -1;
  for (const c of kb.citations ?? []) {
    for (const prefix of c.refs) {
      if (source.ref.startsWith(prefix) && prefix.length > bestLength) {
        best = c;
        bestLength = prefix.length;
      }
    }
  }
  return best;
}

/** A source as shown to users: the publication in words, its link, and a note for readers. */
export interface SourceLine {
  /** E.g. `Kluck, J. et al. (2020). De hittebestendige stad … Hogeschool van Amsterdam.` */
  text: string;
  url?: string;
  note?: string;
}

const PAGE = /\bp\. ?\d+(?:[–-]\d+)?/;

/**
 * The source line users see for a knowledge-base source. Without a citation (a municipality's own
 * source), the reference itself is the line: the municipality names its own publication.
 */
export function sourceLine(kb: KnowledgeBase, source: KbSource, lang: Lang | string): SourceLine {
  const c = citationFor(kb, source);
  if (!c) {
    return { text: source.ref, ...(source.url ? { url: source.url } : {}) };
  }
  const page =
    source.page !== undefined ? `p. ${source.page}` : (PAGE.exec(source.ref)?.[0] ?? undefined);
  const parts = [`${c.author} (${c.year}). ${c.title}.`];
  if (c.publisher) parts.push(`${c.publisher}.`);
  if (page) parts.push(`${page}.`);
  const url = c.url ?? source.url;
  const note = c.note ? (c.note[lang] ?? c.note.nl) : undefined;
  return { text: parts.join(' '), ...(url ? { url } : {}), ...(note ? { note } : {}) };
}
