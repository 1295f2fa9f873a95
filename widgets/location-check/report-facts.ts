/**
 * Templates of `<na-location-check>`'s report: the address and coordinates, the landscape, the
 * facts with their provenance, conflicts and the sources with status chips. Thin views over the
 * core's LocalizedReport; every text is rendered as text (lit escapes it), never as HTML.
 */
import { formatNumberFor } from '../../src/core/messages.js';
import { html, nothing, type TemplateResult } from 'lit';
import { label as kbLabel } from '../../src/core/kb/label.js';
import type { KnowledgeBase } from '../../src/core/kb/types.js';
import type { LocalizedReport } from '../../src/core/localize.js';
import type { WidgetLang } from '../shared/lang.js';
import type { MessageKey } from './messages.js';

/** A message function of this widget. */
export type T = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Address line of the report header: the chosen address, or the nearest one of a clicked point. */
export interface AddressLine {
  label: string;
  nearest: boolean;
  /** Distance to the point, m (nearest address only). */
  distance?: number;
}

export function renderAddress(
  a: AddressLine | undefined,
  t: T,
  lang: WidgetLang,
): TemplateResult | typeof nothing {
  if (!a) return nothing;
  if (!a.nearest) return html`<p part="address">${t('address', { label: a.label })}</p>`;
  const distance =
    a.distance === undefined
      ? ''
      : ` ${t('addressDistance', {
          distance: formatNumberFor(a.distance, lang, { maximumFractionDigits: 0 }),
        })}`;
  return html`<p part="address">${t('nearestAddress', { label: a.label })}${distance}</p>`;
}

export function renderCoordinates(
  report: LocalizedReport,
  t: (key: MessageKey) => string,
  lang: WidgetLang,
): TemplateResult | typeof nothing {
  const loc = report.location;
  if (!loc) return nothing;
  const fmt = (v: number, digits: number): string =>
    formatNumberFor(v, lang, { maximumFractionDigits: digits, useGrouping: false });
  const parts: string[] = [];
  if (loc.rdX !== undefined && loc.rdY !== undefined)
    parts.push(`RD ${fmt(loc.rdX, 0)}, ${fmt(loc.rdY, 0)}`);
  if (loc.lat !== undefined && loc.lon !== undefined)
    parts.push(`${fmt(loc.lat, 5)}° N, ${fmt(loc.lon, 5)}° ${lang === 'nl' ? 'O' : 'E'}`);
  return html`<p class="description">${t('coordinates')}: ${parts.join(' · ')}</p>`;
}

export function sourceTitle(
  report: LocalizedReport,
  id: string,
  t: (key: MessageKey) => string,
): string {
  if (id === 'kennisbank') return t('knowledgeBase');
  return report.sources.find((s) => s.id === id)?.title ?? id;
}

export function renderProvenance(
  source: LocalizedReport['facts'][number]['source'],
  t: (key: MessageKey) => string,
): TemplateResult {
  const title =
    source.derived && source.id === 'kennisbank'
      ? `${t('knowledgeBase')}: ${source.title}`
      : source.title;
  const version = source.version ? `, ${t('version')} ${source.version}` : '';
  const scale = source.scale ? `, ${source.scale}` : '';
  return html`<span part="provenance" class="provenance"
    >${t('source')}: ${title}${version}${scale}</span
  >`;
}

export function renderLandscape(
  report: LocalizedReport,
  t: (key: MessageKey) => string,
): TemplateResult | typeof nothing {
  const { type, zone } = report.landscape;
  if (!type && !zone) return nothing;
  const typeFact = report.facts.find((f) => f.name === 'landscapeType' && f.status === 'ok');
  const zoneFact = report.facts.find((f) => f.name === 'zone' && f.status === 'ok');
  return html`<section part="landscape" aria-labelledby="landscape-heading">
    <h4 id="landscape-heading">${t('landscapeHeading')}</h4>
    <dl>
      ${
        type
          ? html`<dt>${t('landscapeType')}</dt>
              <dd data-landscape-type=${type.id}>
                <strong>${type.name}</strong>
                <p class="description">${type.description}</p>
                ${typeFact ? renderProvenance(typeFact.source, t) : nothing}
              </dd>`
          : nothing
      }
      ${
        zone
          ? html`<dt>${t('zone')}</dt>
              <dd data-zone=${zone.code}>
                <strong>${zone.name} (${zone.code})</strong>
                <p class="description">${zone.description}</p>
                ${zoneFact ? renderProvenance(zoneFact.source, t) : nothing}
              </dd>`
          : nothing
      }
    </dl>
  </section>`;
}

export function renderFacts(report: LocalizedReport, t: T): TemplateResult | typeof nothing {
  const shown = new Set<string>();
  const facts = report.facts.filter((f) => {
    if (f.status !== 'ok' || f.name === 'zone' || f.name === 'landscapeType' || shown.has(f.name))
      return false;
    shown.add(f.name);
    return true;
  });
  if (facts.length === 0) return nothing;
  const d = report.derived;
  const range = (r: { min: number | null; max: number | null }): string => {
    if (r.min !== null && r.max !== null) return t('cmBelow', { range: `${r.min}–${r.max}` });
    if (r.min !== null) return t('cmBelow', { range: t('deeperThan', { min: r.min }) });
    if (r.max !== null) return t('cmBelow', { range: t('shallowerThan', { max: r.max }) });
    return '';
  };
  const extra = (name: string): TemplateResult | typeof nothing => {
    if (name === 'soilCode') {
      const bits = [
        d.soilName,
        d.textureLabel ? `${t('texture')}: ${d.textureLabel}` : undefined,
      ].filter((b): b is string => b !== undefined && b !== '');
      return bits.length > 0
        ? html`<span class="description"> – ${bits.join('; ')}</span>`
        : nothing;
    }
    if (name === 'gt' && (d.ghg || d.glg)) {
      return html`<ul>
        ${d.ghg ? html`<li>${t('ghg')}: ${range(d.ghg)}</li>` : nothing}
        ${d.glg ? html`<li>${t('glg')}: ${range(d.glg)}</li>` : nothing}
      </ul>`;
    }
    return nothing;
  };
  return html`<section part="facts" aria-labelledby="facts-heading">
    <h4 id="facts-heading">${t('factsHeading')}</h4>
    <dl>
      ${facts.map(
        (f) =>
          html`<dt part="fact-label">${f.label}</dt>
            <dd part="fact" data-fact=${f.name}>
              <span>${f.valueLabel ?? String(f.value ?? '')}</span>${extra(f.name)}
              ${renderProvenance(f.source, t)}
            </dd>`,
      )}
      ${
        d.textureFrom === 'zone' && d.textureLabel
          ? html`<dt part="fact-label">${t('key.texture')}</dt>
              <dd part="fact" data-fact="texture">
                <span>${d.textureLabel}</span>
                <span class="description"> – ${t('textureFromZone')}</span>
              </dd>`
          : nothing
      }
    </dl>
  </section>`;
}

export function renderConflicts(
  report: LocalizedReport,
  t: (key: MessageKey) => string,
  kb: KnowledgeBase,
  lang: WidgetLang,
): TemplateResult | typeof nothing {
  if (report.conflicts.length === 0 && report.errors.length === 0) return nothing;
  return html`<section part="conflicts" aria-labelledby="conflicts-heading">
    <h4 id="conflicts-heading">${t('conflictsHeading')}</h4>
    <ul>
      ${report.conflicts.map((c) => html`<li>${c.message}</li>`)}
      ${report.errors.map(
        // The knowledge base's own message is English: only as technical detail.
        (e) =>
          html`<li data-error=${e.fact}>
            ${kbLabel(kb, `fact.${e.fact}`, lang)}: "${e.code}" – ${t('factError')}
            <details part="technical-detail" lang="en">
              <summary lang=${lang}>${t('technicalDetail')}</summary>
              <p class="description">${e.message}</p>
            </details>
          </li>`,
      )}
    </ul>
  </section>`;
}

export function renderSources(
  report: LocalizedReport,
  t: (key: MessageKey) => string,
  lang: WidgetLang,
): TemplateResult | typeof nothing {
  if (report.sources.length === 0) return nothing;
  const chip = (status: string): TemplateResult => {
    const key: MessageKey =
      status === 'ok' ? 'statusOk' : status === 'error' ? 'statusError' : 'statusNoData';
    return html`<span part=${`chip chip-${status}`}>${t(key)}</span>`;
  };
  // Extra feature properties a source is configured to show (e.g. a landform code), as text.
  const detail = (
    d: Record<string, string | number | boolean | null> | undefined,
  ): TemplateResult | typeof nothing => {
    const entries = Object.entries(d ?? {}).filter(([, v]) => v !== null && v !== '');
    if (entries.length === 0) return nothing;
    return html`<span part="source-detail" class="provenance"
      >${entries.map(([k, v]) => `${k}: ${String(v)}`).join('; ')}</span
    >`;
  };
  const versions = new Map<string, string>();
  for (const f of report.facts) {
    if (f.source.version && !versions.has(f.source.id)) versions.set(f.source.id, f.source.version);
  }
  return html`<section part="sources" aria-labelledby="sources-heading">
    <h4 id="sources-heading">${t('sourcesHeading')}</h4>
    <ul>
      ${report.sources.map((s) => {
        const version = versions.get(s.id);
        return html`<li data-source=${s.id} data-status=${s.status}>
          ${s.title}${version ? html` <span class="description">(${t('version')} ${version})</span>` : nothing}
          ${chip(s.status)}
          ${s.message ? html`<span class="description">${s.message}</span>` : nothing}
          ${detail(s.detail)}
          ${
            s.technical
              ? html`<details part="technical-detail" lang="en">
                  <summary lang=${lang}>${t('technicalDetail')}</summary>
                  <p class="description">${s.technical}</p>
                </details>`
              : nothing
          }
        </li>`;
      })}
    </ul>
  </section>`;
}
