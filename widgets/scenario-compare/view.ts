/**
 * The texts and number formats of one render of `<na-scenario-compare>`, handed to the template
 * modules (load-view, draw-view, toolbar, results-view, table, chart, matrix), so they are pure
 * functions of their data and this view.
 */
import { formatNumberFor } from '../../src/core/messages.js';
import { html, type TemplateResult } from 'lit';
import type { IndicatorRow, IndicatorUnit } from '../../src/core/scenario/indicator-table.js';
import type { CompareResult } from '../../src/core/scenario/compare.js';
import type { ScenarioParams } from '../../src/core/scenario/params.js';
import { tr, type WidgetLang } from '../shared/lang.js';
import { messages, type MessageKey } from './messages.js';

/** Texts, formats and headings of one render. */
export interface CompareView {
  readonly lang: WidgetLang;
  /** Every explanation open (printing). */
  readonly printing: boolean;
  t(key: MessageKey, params?: Record<string, string | number>): string;
  /** A number with `digits` fraction digits in the interface language; '–' when not finite. */
  fmt(v: number, digits: number): string;
  /** A share (0–1) as a percentage. */
  pct(v: number): string;
  typeLabel(type: string): string;
  testLabel(test: string, params: ScenarioParams): string;
  futureLabel(future: string): string;
  rowLabel(row: IndicatorRow): string;
  unitLabel(unit: IndicatorUnit): string;
  /** A heading one level below the title. */
  sub(text: string, part?: string): TemplateResult;
  /** A heading of a level (clamped to 1–6). */
  heading(level: number, text: string, part: string): TemplateResult;
}

/** The view of one render. */
export function compareView(
  lang: WidgetLang,
  headingLevel: number,
  printing: boolean,
): CompareView {
  const t = (key: MessageKey, params: Record<string, string | number> = {}) =>
    tr(messages, key, lang, params);
  const fmt = (v: number, digits: number): string =>
    Number.isFinite(v)
      ? formatNumberFor(v, lang, { minimumFractionDigits: digits, maximumFractionDigits: digits })
      : '–';
  const heading = (level: number, text: string, part: string): TemplateResult => {
    switch (Math.min(6, Math.max(1, Math.round(level)))) {
      case 1:
        return html`<h1 part=${part}>${text}</h1>`;
      case 3:
        return html`<h3 part=${part}>${text}</h3>`;
      case 4:
        return html`<h4 part=${part}>${text}</h4>`;
      case 5:
        return html`<h5 part=${part}>${text}</h5>`;
      case 6:
        return html`<h6 part=${part}>${text}</h6>`;
      default:
        return html`<h2 part=${part}>${text}</h2>`;
    }
  };
  return {
    lang,
    printing,
    t,
    fmt,
    pct: (v) => `${fmt(v * 100, 0)} %`,
    typeLabel: (type) => {
      const key = `type_${type}` as MessageKey;
      return key in messages ? t(key) : type;
    },
    testLabel: (test, params) => {
      if (test === 'hot-day') return t('testHot');
      if (test === 'dry-period') return t('testDry');
      const id = test.replace(/^rain-/, '');
      const storm = params.storms.find((s) => s.id === id);
      return t('testRain', {
        id,
        depth: storm ? fmt(storm.depthMm, 0) : '?',
        hours: storm ? fmt(storm.durationH, 0) : '?',
      });
    },
    futureLabel: (future) => (future === 'today' ? t('futureToday') : future),
    rowLabel: (row) => t(row.label as MessageKey, row.labelParams),
    unitLabel: (unit) => t(`unit_${unit}` as MessageKey),
    sub: (text, part = 'section-title') => heading(headingLevel + 1, text, part),
    heading,
  };
}

/**
 * {@link compareView} that returns the same object while language, heading level and printing
 * stay (so `guard`ed parts of the template are not built again).
 */
export function cachedCompareView(): typeof compareView {
  let cache: { key: string; view: CompareView } | undefined;
  return (lang, headingLevel, printing) => {
    const key = `${lang}|${headingLevel}|${printing}`;
    if (cache?.key !== key) cache = { key, view: compareView(lang, headingLevel, printing) };
    return cache.view;
  };
}

/**
 * The text of the live region: what the element is busy with, else which scenario ranks first in
 * the comparison shown (empty when there is none).
 */
export function statusText(
  v: CompareView,
  state: 'empty' | 'loading' | 'computing' | 'ready',
  result: CompareResult | undefined,
): string {
  if (state === 'computing' || state === 'loading') return v.t(state);
  return result ? v.t('announceReady', { name: result.ranking[0] ?? '' }) : '';
}
