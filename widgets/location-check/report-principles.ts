/**
 * Templates of `<na-location-check>`'s principles: by scale with "Waarom hier?", the discouraged
 * actions and what is missing. Thin views over the core's LocalizedReport, rendered as text.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { LocalizedReport } from '../../src/core/localize.js';
import type { Audience } from '../../src/core/types.js';
import { messages, type MessageKey } from './messages.js';
import { sourceTitle, type T } from './report-facts.js';
import {
  foldsAway,
  renderKbSource,
  renderLinks,
  renderMissingPrincipleList,
  renderMissingPrinciplesLine,
  scaleOrder,
} from './resident.js';

export function renderReasons(
  report: LocalizedReport,
  reasons: LocalizedReport['principles'][number]['reasons'],
  t: (key: MessageKey) => string,
): TemplateResult {
  if (reasons.length === 0) return html``;
  return html`<ul>
    ${reasons.map((r) => {
      const keyLabel = `key.${r.key}` in messages ? t(`key.${r.key}` as MessageKey) : r.key;
      return html`<li>
        ${keyLabel}: ${r.label}
        <span class="provenance">${t('source')}: ${sourceTitle(report, r.source, t)}</span>
      </li>`;
    })}
  </ul>`;
}

export function renderPrinciples(
  report: LocalizedReport,
  t: (key: MessageKey) => string,
  audience: Audience,
): TemplateResult {
  const byId = new Map(report.principles.map((p) => [p.id, p]));
  return html`<section part="principles" aria-labelledby="principles-heading">
    <h4 id="principles-heading">${t('principlesHeading')}</h4>
    ${report.principles.length === 0 ? html`<p>${t('noPrinciples')}</p>` : nothing}
    ${scaleOrder(audience).map((scale) => {
      const ids = report.principlesByScale[scale];
      if (ids.length === 0) return nothing;
      const group = html`<section
        part="scale"
        data-scale=${scale}
        aria-labelledby=${`scale-${scale.replace('/', '-')}`}
      >
        <h5 id=${`scale-${scale.replace('/', '-')}`}>${t(`scale.${scale}`)}</h5>
        <ul>
          ${ids.map((id) => {
            const p = byId.get(id);
            if (!p) return nothing;
            return html`<li part="principle" data-principle=${p.id}>
              <p class="principle-title">${p.title}</p>
              <p>${p.text}</p>
              ${
                p.example
                  ? html`<p part="example" class="principle-example">
                      <span class="example-label">${t('example')}:</span> ${p.example}
                    </p>`
                  : nothing
              }
              <details part="why">
                <summary>${t('whyHere')}<span class="visually-hidden"> ${p.title}</span></summary>
                <p>${p.reason}</p>
                ${renderReasons(report, p.reasons, t)}
              </details>
              ${renderLinks(p.links, t)} ${renderKbSource(p.source, t)}
            </li>`;
          })}
        </ul>
      </section>`;
      return foldsAway(audience, scale)
        ? html`<details part="municipality" data-scale=${scale}>
            <summary>${t('municipalityHeading')} (${ids.length})</summary>
            ${group}
          </details>`
        : group;
    })}
  </section>`;
}

export function renderDiscouraged(
  report: LocalizedReport,
  t: (key: MessageKey) => string,
): TemplateResult | typeof nothing {
  if (report.discouraged.length === 0) return nothing;
  return html`<section part="discouraged" aria-labelledby="discouraged-heading">
    <h4 id="discouraged-heading">${t('discouragedHeading')}</h4>
    <ul>
      ${report.discouraged.map(
        (d) =>
          html`<li data-action=${d.action}>
            <p class="principle-title">${d.label}</p>
            ${d.reasons.map(
              (r) =>
                html`<p>${r.text}</p>
                  <details part="why">
                    <summary>
                      ${t('whyHere')}<span class="visually-hidden"> ${d.label}</span>
                    </summary>
                    ${renderReasons(report, r.facts, t)}
                  </details>
                  ${renderKbSource(r.source, t)}`,
            )}
          </li>`,
      )}
    </ul>
  </section>`;
}

export function renderMissing(
  report: LocalizedReport,
  t: T,
  audience: Audience,
): TemplateResult | typeof nothing {
  const facts = report.missing.flatMap((m) => (m.kind === 'fact' ? [m] : []));
  const principles = report.missing.flatMap((m) => (m.kind === 'principle' ? [m] : []));
  if (facts.length === 0 && principles.length === 0) return nothing;
  const keyLabel = (k: string): string =>
    `key.${k}` in messages ? t(`key.${k}` as MessageKey) : k;
  return html`<section part="missing" aria-labelledby="missing-heading">
    <h4 id="missing-heading">${t('missingHeading')}</h4>
    ${
      facts.length > 0
        ? html`<ul>
            ${facts.map(
              (m) =>
                html`<li data-missing=${m.fact}>
                  <strong>${m.label}</strong>:
                  ${m.text}${
                    m.source
                      ? html` <span class="provenance"
                          >${t('source')}: ${sourceTitle(report, m.source, t)}</span
                        >`
                      : nothing
                  }
                </li>`,
            )}
          </ul>`
        : nothing
    }
    ${
      principles.length > 0 && audience === 'bewoner'
        ? renderMissingPrinciplesLine(report, t, keyLabel)
        : principles.length > 0
          ? html`<details part="missing-principles">
              <summary>${t('missingPrinciples', { count: principles.length })}</summary>
              ${renderMissingPrincipleList(principles, t, keyLabel)}
            </details>`
          : nothing
    }
  </section>`;
}
