/**
 * The scenario comparer: indicators, fit with the natural system, and robustness across stress
 * tests × climate futures, for two or more designs of one neighbourhood.
 *
 * Robustness (McPhail et al. 2018; BRIEF §6): each cell of the matrix (stress test × future) passes or
 * fails its conditions. Utility U(a, s) = weighted share of the stress tests scenario a passes in
 * future s (weights equal per hazard by default).
 * - Starr's domain criterion (`domain`): share of futures in which the design passes every test;
 * - Laplace (`mean_pass_share`): mean over futures of U;
 * - maximin: min over futures of U;
 * - minimax regret: R(a, s) = max_a′ U(a′, s) − U(a, s); a scenario's regret = max over s of R.
 * Ranking: domain (high first), then regret (low first), maximin, mean pass share, fit, name.
 */
import { formatNumberFor, localizedMessage, translate, type LocalizedParams } from '../messages.js';
import { compareMessages } from './compare-messages.js';
import type { KnowledgeBase } from '../kb/types.js';
import type { LocalizedText } from '../types.js';
import { GroundJudge } from './ground.js';
import {
  computeIndicators,
  overlayScenario,
  round,
  type FeatureOverlay,
  type Indicators,
} from './indicators.js';
import type { NaturalSystem } from './overlay.js';
import { resolveParams, type DeepPartial, type ScenarioParams } from './params.js';
import type { Scenario } from './scenario.js';

export type Verdict = 'in_line' | 'against' | 'neutral';

export interface MeasureFit {
  index: number;
  type: string;
  area_m2: number;
  zone?: string;
  soilCode?: string;
  gt?: string;
  seepage?: string;
  verdict: Verdict;
  reasons: LocalizedText[];
}

/** One condition of a matrix cell. */
export interface CellCondition {
  /** `street_water_low_point_depth`, `cooling_capacity`, `shade_share`, `recharge_retained`. */
  name: string;
  value: number;
  threshold: number;
  /** `max`: value ≤ threshold passes; `min`: value ≥ threshold passes. */
  kind: 'max' | 'min';
  unit: string;
  pass: boolean;
  /** How far the value lies on the passing side (positive) or failing side (negative), in `unit`. */
  margin: number;
}

export interface RobustnessCell {
  test: string;
  future: string;
  pass: boolean;
  /** The deciding condition: the first that failed, else the one with the smallest margin. */
  value: number;
  threshold: number;
  unit: string;
  conditions: CellCondition[];
  /** Why the cell passes or fails, in words. */
  explanation: LocalizedText;
}

export interface ScenarioResult extends Indicators {
  name: string;
  fit: {
    in_line: number;
    against: number;
    neutral: number;
    /** Area-weighted: (in-line area − against area) ÷ area of all measures. */
    score: number;
    against_area_m2: number;
    /** Against first (largest area first), then the others in file order. */
    measures: MeasureFit[];
  };
  robustness: {
    /** Starr's domain criterion: share of futures in which every test passes. */
    domain: number;
    /** Laplace: mean over futures of the weighted pass share. */
    mean_pass_share: number;
    maximin: number;
    regret: number;
    /** Futures in which every test passes. */
    futures_passed: string[];
    weights: Record<string, number>;
    matrix: RobustnessCell[];
  };
}

export interface CompareResult {
  scenarios: ScenarioResult[];
  ranking: string[];
  explanation: LocalizedText;
  /** Every parameter marked U or S, to show as assumptions. */
  assumptions: Array<{ name: string; value: unknown; source: string; tag: 'S' | 'U' }>;
  futures: string[];
  tests: string[];
}

/** Condition keys that come from the natural system (a principle that tests none of them applies city-wide). */
const SYSTEM_KEYS = new Set([
  'landscapeType',
  'zone',
  'texture',
  'gt',
  'seepage',
  'position',
  'groundwater',
  'ghg',
  'infiltration',
  'infiltrationReason',
  'soilLayer',
]);

/**
 * Judges every measure, paving and roofs included, against the principles of the zone, soil,
 * groundwater and seepage it lies on (the location check's own report): *against* when one of its
 * actions is discouraged there or a principle of the place asks for an action it works against
 * (`conflictsWith`: sealing the soil, building deep); *in line* when a principle of the place shares
 * one of its actions; else *neutral*. Principles that apply everywhere (no natural-system condition)
 * do not count.
 */
export function fitWithSystem(
  overlay: FeatureOverlay[],
  params: ScenarioParams,
): ScenarioResult['fit'] {
  const measures: MeasureFit[] = [];
  let inLine = 0;
  let against = 0;
  let neutral = 0;
  for (const o of overlay) {
    const mp = params.measures[o.feature.type];
    const report = o.ground.report;
    const local = report.principles.filter((p) => p.reasons.some((r) => SYSTEM_KEYS.has(r.key)));
    const reasons: LocalizedText[] = [];
    const discouraged = report.discouraged.filter((d) => mp.actions.includes(d.action));
    const conflicting = local.filter((p) => p.actions.some((a) => mp.conflictsWith.includes(a)));
    const supporting = local.filter((p) => p.actions.some((a) => mp.actions.includes(a)));
    let verdict: Verdict = 'neutral';
    if (discouraged.length > 0 || conflicting.length > 0) {
      verdict = 'against';
      for (const d of discouraged) for (const r of d.reasons) reasons.push(r.reason);
      for (const p of conflicting.slice(0, 3)) {
        const acts = p.actions.filter((a) => mp.conflictsWith.includes(a)).join(', ');
        reasons.push(msg('measureAgainst', { title: p.title, actions: acts, reason: p.reason }));
      }
    } else if (supporting.length > 0) {
      verdict = 'in_line';
      for (const p of supporting.slice(0, 3))
        reasons.push(msg('measureInLine', { title: p.title, reason: p.reason }));
    } else {
      reasons.push(msg('measureNoPrinciple'));
    }
    if (verdict === 'in_line') inLine += o.feature.area;
    else if (verdict === 'against') against += o.feature.area;
    else neutral += o.feature.area;
    measures.push({
      index: o.feature.index,
      type: o.feature.type,
      area_m2: round(o.feature.area, 1),
      ...(o.zone ? { zone: o.zone } : {}),
      ...(o.soilCode ? { soilCode: o.soilCode } : {}),
      ...(o.gt ? { gt: o.gt } : {}),
      ...(o.ground.seepage ? { seepage: o.ground.seepage } : {}),
      verdict,
      reasons,
    });
  }
  const total = inLine + against + neutral;
  const count = (v: Verdict) => measures.filter((x) => x.verdict === v).length;
  return {
    in_line: count('in_line'),
    against: count('against'),
    neutral: count('neutral'),
    score: total > 0 ? round((inLine - against) / total, 4) : 0,
    against_area_m2: round(against, 1),
    measures: measures.sort((a, b) => {
      const aa = a.verdict === 'against' ? 0 : 1;
      const bb = b.verdict === 'against' ? 0 : 1;
      if (aa !== bb) return aa - bb;
      if (aa === 0 && b.area_m2 !== a.area_m2) return b.area_m2 - a.area_m2;
      return a.index - b.index;
    }),
  };
}

/** The hazard a test belongs to. */
export function hazardOf(test: string): 'rain' | 'heat' | 'drought' | string {
  if (test.startsWith('rain-')) return 'rain';
  if (test === 'hot-day') return 'heat';
  if (test === 'dry-period') return 'drought';
  return test;
}

/** Test weights: the configured ones, else equal per hazard with the hazard's weight split over its tests. */
export function testWeights(tests: string[], params: ScenarioParams): Record<string, number> {
  const configured = params.testWeights.value;
  const perHazard = new Map<string, number>();
  for (const t of tests) perHazard.set(hazardOf(t), (perHazard.get(hazardOf(t)) ?? 0) + 1);
  const out: Record<string, number> = {};
  for (const t of tests) {
    const c = configured[t];
    out[t] =
      typeof c === 'number' && Number.isFinite(c) && c >= 0
        ? c
        : 1 / perHazard.size / (perHazard.get(hazardOf(t)) ?? 1);
  }
  return out;
}

/** A sentence of the comparison in every language ({@link compareMessages}). */
function msg(key: keyof typeof compareMessages, params: LocalizedParams = {}): LocalizedText {
  return localizedMessage(compareMessages, key, params);
}

/** The message of a robustness condition's name. */
const CONDITION_WORDS: Readonly<Record<string, keyof typeof compareMessages>> = {
  street_water_low_point_depth: 'conditionStreetWater',
  cooling_capacity: 'conditionCooling',
  shade_share: 'conditionShade',
  recharge_retained: 'conditionRecharge',
};

function fmtValue(v: number, unit: string, lang: 'nl' | 'en' = 'en'): string {
  const dec = (x: number) =>
    formatNumberFor(x, lang, { maximumFractionDigits: 20, useGrouping: false });
  if (unit === 'm') return `${dec(round(v * 100, 1))} cm`;
  if (unit === 'share') return `${Math.round(v * 100)} %`;
  return dec(round(v, 3));
}

function condition(
  name: string,
  value: number,
  threshold: number,
  kind: 'max' | 'min',
  unit: string,
): CellCondition {
  const margin = kind === 'max' ? threshold - value : value - threshold;
  return { name, value, threshold, kind, unit, pass: margin >= -1e-12, margin: round(margin, 4) };
}

/** One condition in words: name, value, threshold, and the margin or the shortfall. */
function conditionText(c: CellCondition): LocalizedText {
  const key = CONDITION_WORDS[c.name];
  const words: Record<string, string> = {};
  const value: Record<string, string> = {};
  const threshold: Record<string, string> = {};
  const margin: Record<string, string> = {};
  for (const lang of ['nl', 'en'] as const) {
    words[lang] = key === undefined ? c.name : translate(compareMessages, key, lang);
    value[lang] = fmtValue(c.value, c.unit, lang);
    threshold[lang] = fmtValue(c.threshold, c.unit, lang);
    margin[lang] = fmtValue(Math.abs(c.margin), c.unit, lang);
  }
  return msg(c.pass ? 'conditionPasses' : 'conditionFails', {
    what: words as LocalizedText,
    value: value as LocalizedText,
    threshold: threshold as LocalizedText,
    margin: margin as LocalizedText,
    op: c.kind === 'max' ? '≤' : '≥',
    kind: c.kind,
  });
}

/** Conditions in words, joined with `; `. */
function conditionsText(conditions: readonly CellCondition[]): LocalizedText {
  const texts = conditions.map(conditionText);
  const out: Record<string, string> = {};
  for (const lang of Object.keys(texts[0] ?? { nl: '', en: '' }))
    out[lang] = texts.map((t) => t[lang] ?? t.nl).join('; ');
  return out as LocalizedText;
}

function cell(test: string, future: string, conditions: CellCondition[]): RobustnessCell {
  const failed = conditions.filter((c) => !c.pass);
  const deciding =
    failed[0] ?? [...conditions].sort((a, b) => a.margin - b.margin)[0] ?? conditions[0]!;
  const explanation =
    failed.length > 0
      ? msg('cellFails', { conditions: conditionsText(failed) })
      : msg('cellPasses', { conditions: conditionsText(conditions) });
  return {
    test,
    future,
    pass: failed.length === 0,
    value: deciding.value,
    threshold: deciding.threshold,
    unit: deciding.unit,
    conditions,
    explanation,
  };
}

/** The stress-test × future matrix of one scenario. */
export function robustnessMatrix(ind: Indicators, params: ScenarioParams): RobustnessCell[] {
  const t = params.thresholds;
  const cells: RobustnessCell[] = [];
  for (const future of params.futures) {
    for (const storm of params.storms) {
      const r = ind.runoff.find((x) => x.event === storm.id && x.future === future.id);
      cells.push(
        cell(`rain-${storm.id}`, future.id, [
          condition(
            'street_water_low_point_depth',
            r?.street_water_low_point_depth_m ?? 0,
            t.streetWaterDepthM.value,
            'max',
            'm',
          ),
        ]),
      );
    }
    cells.push(
      cell('hot-day', future.id, [
        condition(
          'cooling_capacity',
          ind.cooling_capacity,
          round(t.coolingCapacity.value * future.heat, 4),
          'min',
          'CC',
        ),
        condition('shade_share', ind.shade_share, t.shadeShare.value, 'min', 'share'),
      ]),
    );
    cells.push(
      cell('dry-period', future.id, [
        condition(
          'recharge_retained',
          round(ind.recharge_retained * future.dry, 4),
          t.rechargeRetained.value,
          'min',
          'share',
        ),
      ]),
    );
  }
  return cells;
}

/**
 * Compares scenarios over one natural system.
 * @param scenarios parsed scenarios (see `parseScenario`)
 * @param system the natural system under the planning area (soil, groundwater, zones, seepage), indexed
 * @param kb knowledge base (the location check's rules: infiltration, fit)
 * @param overrides parameters that differ from the documented defaults
 */
export function compareScenarios(
  scenarios: Scenario[],
  system: NaturalSystem,
  kb: KnowledgeBase,
  overrides: DeepPartial<ScenarioParams> = {},
): CompareResult {
  const ctx = compareContext(kb, overrides);
  return combineScenarios(
    scenarios.map((s) => assessScenario(s, system, ctx)),
    ctx,
  );
}

/**
 * {@link compareScenarios} in steps: `pause()` is awaited before each scenario is assessed, so a
 * caller on the main thread can yield to the browser (and stop by throwing from `pause`). The
 * result is the same as that of `compareScenarios`.
 */
export async function compareScenariosInSteps(
  scenarios: Scenario[],
  system: NaturalSystem,
  kb: KnowledgeBase,
  overrides: DeepPartial<ScenarioParams>,
  pause: () => Promise<void>,
): Promise<CompareResult> {
  const ctx = compareContext(kb, overrides);
  const partial: ScenarioPart[] = [];
  for (const s of scenarios) {
    await pause();
    partial.push(assessScenario(s, system, ctx));
  }
  await pause();
  return combineScenarios(partial, ctx);
}

interface CompareContext {
  params: ScenarioParams;
  judge: GroundJudge;
  tests: string[];
  weights: Record<string, number>;
}

interface ScenarioPart {
  scenario: Scenario;
  indicators: Indicators;
  fit: ScenarioResult['fit'];
  matrix: RobustnessCell[];
}

function compareContext(kb: KnowledgeBase, overrides: DeepPartial<ScenarioParams>): CompareContext {
  const params = resolveParams(overrides);
  const tests = [...params.storms.map((s) => `rain-${s.id}`), 'hot-day', 'dry-period'];
  return { params, judge: new GroundJudge(kb), tests, weights: testWeights(tests, params) };
}

function assessScenario(s: Scenario, system: NaturalSystem, ctx: CompareContext): ScenarioPart {
  const { params, judge } = ctx;
  const overlay = overlayScenario(s, system, params, judge);
  const indicators = computeIndicators(s, overlay, params);
  return {
    scenario: s,
    indicators,
    fit: fitWithSystem(overlay, params),
    matrix: robustnessMatrix(indicators, params),
  };
}

function combineScenarios(partial: ScenarioPart[], ctx: CompareContext): CompareResult {
  const { params, tests, weights } = ctx;
  const futures = params.futures.map((f) => f.id);
  const utility = (matrix: RobustnessCell[], future: string) => {
    const cells = matrix.filter((c) => c.future === future);
    const total = cells.reduce((s, c) => s + (weights[c.test] ?? 0), 0);
    return total > 0
      ? cells.filter((c) => c.pass).reduce((s, c) => s + (weights[c.test] ?? 0), 0) / total
      : 0;
  };
  const best = new Map(
    futures.map((f) => [f, Math.max(...partial.map((p) => utility(p.matrix, f)))]),
  );
  const results: ScenarioResult[] = partial.map((p) => {
    const us = futures.map((f) => utility(p.matrix, f));
    const passed = futures.filter((f) =>
      p.matrix.filter((c) => c.future === f).every((c) => c.pass),
    );
    return {
      name: p.scenario.name,
      ...p.indicators,
      fit: p.fit,
      robustness: {
        domain: round(passed.length / Math.max(1, futures.length), 4),
        mean_pass_share: round(us.reduce((a, b) => a + b, 0) / Math.max(1, us.length), 4),
        maximin: round(Math.min(...us), 4),
        regret: round(Math.max(...futures.map((f, i) => (best.get(f) ?? 0) - us[i]!)), 4),
        futures_passed: passed,
        weights,
        matrix: p.matrix,
      },
    };
  });
  const ranking = [...results]
    .sort(
      (a, b) =>
        b.robustness.domain - a.robustness.domain ||
        a.robustness.regret - b.robustness.regret ||
        b.robustness.maximin - a.robustness.maximin ||
        b.robustness.mean_pass_share - a.robustness.mean_pass_share ||
        b.fit.score - a.fit.score ||
        (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
    )
    .map((r) => r.name);
  return {
    scenarios: results,
    ranking,
    explanation: explain(results, ranking, futures.length),
    assumptions: assumptionsOf(params),
    futures,
    tests,
  };
}

function testWords(test: string): LocalizedText {
  if (test === 'hot-day') return msg('testHotDay');
  if (test === 'dry-period') return msg('testDryPeriod');
  return msg('testRain', { id: test.replace(/^rain-/, '') });
}

function pct(v: number): string {
  return `${Math.round(v * 100)}%`;
}

function euros(v: number, lang: 'nl' | 'en'): string {
  const whole = (x: number) => String(Math.round(x));
  if (v >= 1e6) {
    const amount = formatNumberFor(v / 1e6, lang, {
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
      useGrouping: false,
    });
    return translate(compareMessages, 'euroMillions', lang, { amount });
  }
  if (v >= 1e3)
    return translate(compareMessages, 'euroThousands', lang, { amount: whole(v / 1e3) });
  return translate(compareMessages, 'euros', lang, { amount: whole(v) });
}

/** What a scenario still fails: per test, the futures and the worst cell's reason. */
function failures(r: ScenarioResult, lang: 'nl' | 'en'): string[] {
  const out: string[] = [];
  const tests = [...new Set(r.robustness.matrix.map((c) => c.test))];
  for (const test of tests) {
    const failed = r.robustness.matrix.filter((c) => c.test === test && !c.pass);
    if (failed.length === 0) continue;
    const worst = [...failed].sort(
      (a, b) =>
        Math.min(...a.conditions.map((c) => c.margin)) -
        Math.min(...b.conditions.map((c) => c.margin)),
    )[0]!;
    const futures = failed.map((c) => c.future).join(', ');
    out.push(
      translate(compareMessages, 'failure', lang, {
        test: testWords(test)[lang],
        futures,
        future: worst.future,
        conditions: conditionsText(worst.conditions.filter((c) => !c.pass))[lang],
      }),
    );
  }
  return out;
}

function explain(results: ScenarioResult[], ranking: string[], nFutures: number): LocalizedText {
  const top = results.find((r) => r.name === ranking[0]);
  if (!top) return msg('noScenarios');
  const out: LocalizedText = { nl: '', en: '' };
  for (const lang of ['nl', 'en'] as const) {
    const t = (key: keyof typeof compareMessages, params: Record<string, string | number> = {}) =>
      translate(compareMessages, key, lang, params);
    const rb = top.robustness;
    const parts: string[] = [];
    parts.push(
      t('top', {
        name: top.name,
        passed: String(rb.futures_passed.length),
        futures: String(nFutures),
        domain: pct(rb.domain),
        mean: pct(rb.mean_pass_share),
        maximin: pct(rb.maximin),
        regret: pct(rb.regret),
      }),
    );
    const fails = failures(top, lang);
    if (fails.length > 0) parts.push(t('stillFails', { failures: fails.join('; ') }));
    const second = results.find((r) => r.name === ranking[1]);
    if (second) {
      const sr = second.robustness;
      parts.push(
        t('second', {
          name: second.name,
          passed: String(sr.futures_passed.length),
          futures: String(nFutures),
          mean: pct(sr.mean_pass_share),
          regret: pct(sr.regret),
          tie: sr.domain === rb.domain ? 'yes' : 'no',
        }),
      );
    }
    const costs = ranking
      .map((n) => results.find((r) => r.name === n)!)
      .map((r) =>
        t('cost', {
          name: r.name,
          cost: euros(r.cost_eur, lang),
          upkeep: euros(r.upkeep_eur_year, lang),
        }),
      );
    parts.push(t('costs', { costs: costs.join('; ') }));
    const worst = top.fit.measures.find((m) => m.verdict === 'against');
    const score = formatNumberFor(top.fit.score, lang, {
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    });
    parts.push(
      top.fit.against > 0
        ? translate(compareMessages, 'fitAgainst', lang, {
            score,
            count: top.fit.against,
            area: Math.round(top.fit.against_area_m2),
            type: worst?.type ?? '?',
            largest: Math.round(worst?.area_m2 ?? 0),
            zone: worst?.zone ?? '?',
          })
        : translate(compareMessages, 'fitNone', lang, { score }),
    );
    out[lang] = parts.join(' ');
  }
  return out;
}

function assumptionsOf(params: ScenarioParams): CompareResult['assumptions'] {
  const out: CompareResult['assumptions'] = [];
  const visit = (name: string, v: unknown) => {
    if (v && typeof v === 'object' && 'tag' in v && 'source' in v) {
      const s = v as { tag: string; source: string; value?: unknown };
      if (s.tag === 'S' || s.tag === 'U')
        out.push({ name, value: s.value ?? name, source: s.source, tag: s.tag });
    }
  };
  for (const [k, v] of Object.entries(params)) {
    if (k === 'thresholds')
      for (const [tk, tv] of Object.entries(v as object)) visit(`thresholds.${tk}`, tv);
    else if (k === 'measures')
      for (const [mk, mv] of Object.entries(v as object)) visit(`measures.${mk}`, mv);
    else if (k === 'storms') for (const s of v as Array<{ id: string }>) visit(`storms.${s.id}`, s);
    else visit(k, v);
  }
  return out;
}
