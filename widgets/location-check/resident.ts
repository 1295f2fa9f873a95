/**
 * Templates of `<na-location-check>` for residents (issue #15): the summary at the top ("the
 * answer first"; each line is a disclosure with its reason), the scale order per audience, the folded regio/stad principles, the one-line
 * "cannot judge" list, reader-facing source lines and the municipality's links. Thin views over
 * the core's LocalizedReport: every text comes from the knowledge base or messages.ts, and all
 * of it is rendered as text (lit escapes it), never as HTML.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { LocalizedKbSource, LocalizedReport } from '../../src/core/localize.js';
import { SCALES, type Audience, type Scale } from '../../src/core/types.js';
import type { MessageKey } from './messages.js';

type T = (key: MessageKey, params?: Record<string, string | number>) => string;

/** The audiences of the `audience` attribute; anything else reads as `bewoner`. */
export function audienceOf(value: string | null | undefined): Audience {
  return value === 'professional' ? 'professional' : 'bewoner';
}

/** Scales in display order: residents see what they can do themselves first. */
export function scaleOrder(audience: Audience): readonly Scale[] {
  return audience === 'bewoner' ? [...SCALES].reverse() : SCALES;
}

/** Whether a scale folds away for this audience (the city's own principles, for residents). */
export function foldsAway(audience: Audience, scale: Scale): boolean {
  return audience === 'bewoner' && scale === 'regio/stad';
}

/** The summary lines at the top of the report, each with why, on which facts, and how firm. */
export function renderSummary(report: LocalizedReport, t: T): TemplateResult | typeof nothing {
  if (report.summary.length === 0) return nothing;
  return html`<section part="summary" aria-labelledby="summary-heading">
    <h4 id="summary-heading">${t('answerHeading')}</h4>
    <ul>
      ${report.summary.map(
        (line) =>
          html`<li part="summary-line" data-summary=${line.id} data-confidence=${line.confidence}>
            <details part="summary-why">
              <summary class="summary-text">${line.text}</summary>
              <p>${line.reason}</p>
              <p class="description">
                ${t('answerConfidence', { level: line.confidenceLabel })}${
                  line.basedOn.length > 0
                    ? html` ·
                      ${t('answerBasedOn', {
                        facts: line.basedOn.map((b) => b.label).join(', '),
                      })}`
                    : nothing
                }${
                  line.missingLabels.length > 0
                    ? html` · ${t('answerMissing', { facts: line.missingLabels.join(', ') })}`
                    : nothing
                }
              </p>
              ${renderKbSource(line.source, t)}
            </details>
          </li>`,
      )}
    </ul>
  </section>`;
}

/** A knowledge-base source as readers see it: the publication, its public link, a note. */
export function renderKbSource(source: LocalizedKbSource, t: T): TemplateResult {
  const line = `${t('source')}: ${source.citation}`;
  const link = source.citationUrl
    ? html` <a href=${source.citationUrl} rel="noopener noreferrer" target="_blank"
        >${source.citationUrl}</a
      >`
    : nothing;
  const note = source.citationNote
    ? html` <span class="description">(${source.citationNote})</span>`
    : nothing;
  return html`<span part="principle-source">${line}${link}${note}</span>`;
}

/** The municipality's links on a plot-scale principle (`https:` only, checked at load). */
export function renderLinks(
  links: ReadonlyArray<{ id: string; url: string; label: string }> | undefined,
  t: T,
): TemplateResult | typeof nothing {
  const safe = (links ?? []).filter((l) => l.url.startsWith('https://'));
  if (safe.length === 0) return nothing;
  return html`<ul part="links" aria-label=${t('linksLabel')}>
    ${safe.map(
      (l) =>
        html`<li data-link=${l.id}>
          <a href=${l.url} rel="noopener noreferrer" target="_blank">${l.label}</a>
        </li>`,
    )}
  </ul>`;
}

type MissingPrinciple = Extract<LocalizedReport['missing'][number], { kind: 'principle' }>;

/** The principles that could not be assessed, each with the facts it needs. */
export function renderMissingPrincipleList(
  principles: readonly MissingPrinciple[],
  t: T,
  keyLabel: (key: string) => string,
): TemplateResult {
  return html`<ul>
    ${principles.map(
      (m) =>
        html`<li data-missing-principle=${m.principle}>
          ${m.title}
          <span class="description"
            >(${t('needs', { needs: m.needs.map(keyLabel).join(', ') })})</span
          >
        </li>`,
    )}
  </ul>`;
}

/** For residents: the principles that cannot be judged in one line, the details folded. */
export function renderMissingPrinciplesLine(
  report: LocalizedReport,
  t: T,
  keyLabel: (key: string) => string,
): TemplateResult | typeof nothing {
  const principles = report.missing.flatMap((m) => (m.kind === 'principle' ? [m] : []));
  if (principles.length === 0) return nothing;
  const needs = [...new Set(principles.flatMap((m) => m.needsLabels))];
  return html`<p part="missing-line">
      ${t('missingOneLine', { count: principles.length, facts: needs.join(', ') })}
    </p>
    <details part="missing-principles">
      <summary>${t('missingDetails')}</summary>
      ${renderMissingPrincipleList(principles, t, keyLabel)}
    </details>`;
}
