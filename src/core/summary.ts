/**
 * The summary at the top of a report ("the answer first"): three to five short lines for
 * residents, from the knowledge base's summary rules (data, not widget code), so that the widget,
 * the print, the JSON and the CLI text say the same. Also the discouragement test shared by
 * principles and summary rules (`unlessDiscouraged`): one truth with the discouraged list.
 *
 * Pure: no DOM, no network.
 */
import {
  KB_SOURCE_ID,
  evaluate,
  formatReason,
  type EvalContext,
  type Known,
} from './conditions.js';
import type { Conditions, KnowledgeBase } from './kb/types.js';
import type { ConditionKey, ReasonItem, SummaryLine } from './report.js';
import { SUMMARY_TOPICS, type Action, type Confidence, type SummaryTopic } from './types.js';

/** At most this many lines; topics later in SUMMARY_TOPICS give way first. */
export const MAX_SUMMARY_LINES = 5;

/** Whether one of the actions is discouraged here, and on which facts (or which are missing). */
export interface DiscouragedState {
  /** `yes`: a discouragement applies; `no`: none can apply; `unknown`: facts are missing. */
  state: 'yes' | 'no' | 'unknown';
  /** The facts of the discouragements that apply (state `yes`). */
  reasons: ReasonItem[];
  /** The facts that would decide (state `unknown`). */
  needs: ConditionKey[];
}

/**
 * Evaluates the knowledge base's discouragements of the given actions at a location.
 *
 * @param kb - the knowledge base
 * @param known - the values known at the location
 * @param actions - the actions to test
 * @param ctx - extra values of the evaluation (the GHG range), as for the discouraged list
 */
export function discouragedState(
  kb: KnowledgeBase,
  known: Map<ConditionKey, Known>,
  actions: readonly Action[],
  ctx: EvalContext = {},
): DiscouragedState {
  const reasons: ReasonItem[] = [];
  const needs: ConditionKey[] = [];
  let hit = false;
  for (const d of kb.discouraged) {
    if (d.disabled || !actions.includes(d.action)) continue;
    const ev = evaluate(d.conditions, known, ctx);
    if (ev.kind === 'match') {
      hit = true;
      reasons.push(...ev.reasons);
    } else if (ev.kind === 'missing') needs.push(...ev.needs);
  }
  if (hit) return { state: 'yes', reasons: dedupe(reasons), needs: [] };
  if (needs.length > 0) return { state: 'unknown', reasons: [], needs: [...new Set(needs)] };
  return { state: 'no', reasons: [], needs: [] };
}

function dedupe(items: ReasonItem[]): ReasonItem[] {
  const seen = new Set<string>();
  return items.filter((r) => {
    const key = `${r.key}\u0000${String(r.value)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Every condition key a set of conditions tests, alternatives included. */
function keysOf(c: Conditions): ConditionKey[] {
  const keys: ConditionKey[] = [];
  for (const k of Object.keys(c) as Array<keyof Conditions>) {
    if (k !== 'anyOf' && k !== 'notZone' && c[k] !== undefined) keys.push(k as ConditionKey);
  }
  for (const alt of c.anyOf ?? []) keys.push(...keysOf(alt));
  return keys;
}

/**
 * How firmly a line rests on the facts: every typical value from the knowledge base (instead of
 * a data source) and every missing fact lowers it one step.
 */
export function confidenceOf(
  basedOn: readonly ReasonItem[],
  missing: readonly unknown[],
): Confidence {
  let weak = 0;
  if (missing.length > 0) weak++;
  if (basedOn.some((r) => r.sourceId === KB_SOURCE_ID)) weak++;
  if (basedOn.length > 0 && basedOn.every((r) => r.sourceId === KB_SOURCE_ID)) weak++;
  return weak === 0 ? 'hoog' : weak === 1 ? 'middel' : 'laag';
}

/**
 * The summary lines for a location: per topic the first matching rule, in topic order, at most
 * MAX_SUMMARY_LINES. A rule matches when its conditions hold, one of its `ifDiscouraged` actions
 * is discouraged and none of its `unlessDiscouraged` actions is (a discouragement that cannot be
 * judged does not block, but is named in `missing`).
 *
 * @param kb - the knowledge base (its `summaryRules`; none gives no lines)
 * @param known - the values known at the location
 * @param soilCode - the soil code, for `{soilCode}` in templates
 * @param ctx - extra values of the evaluation (the GHG range)
 */
export function summarize(
  kb: KnowledgeBase,
  known: Map<ConditionKey, Known>,
  soilCode?: string,
  ctx: EvalContext = {},
): SummaryLine[] {
  const byTopic = new Map<SummaryTopic, SummaryLine>();
  for (const rule of kb.summaryRules ?? []) {
    if (rule.disabled || byTopic.has(rule.topic)) continue;
    const ev = evaluate(rule.conditions, known, ctx);
    if (ev.kind !== 'match') continue;
    const basedOn = [...ev.reasons];
    const missing = new Set<ConditionKey>(keysOf(rule.conditions).filter((k) => !known.has(k)));
    if (rule.ifDiscouraged) {
      const s = discouragedState(kb, known, rule.ifDiscouraged, ctx);
      if (s.state !== 'yes') continue;
      basedOn.push(...s.reasons);
    }
    if (rule.unlessDiscouraged) {
      const s = discouragedState(kb, known, rule.unlessDiscouraged, ctx);
      if (s.state === 'yes') continue;
      for (const k of s.needs) missing.add(k);
    }
    const facts = dedupe(basedOn);
    const missingList = [...missing];
    byTopic.set(rule.topic, {
      id: rule.id,
      topic: rule.topic,
      text: formatReason(rule.text, known, soilCode),
      reason: formatReason(rule.reason, known, soilCode),
      basedOn: facts,
      missing: missingList,
      confidence: confidenceOf(facts, missingList),
      source: rule.source,
    });
  }
  return SUMMARY_TOPICS.flatMap((t) => {
    const line = byTopic.get(t);
    return line ? [line] : [];
  }).slice(0, MAX_SUMMARY_LINES);
}
