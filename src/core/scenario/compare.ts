/**
 * The scenario comparer: indicators, fit with the natural system, and robustness across stress
 * tests × climate futures, for two or more designs of one neighbourhood.
 *
 * Robustness (McPhail et al. 2018; BRIEF §6): each cell of the matrix (stress test × future) passes or
 * fails a threshold. Utility U(a, s) = share of stress tests scenario a passes in future s.
 * - Starr's domain criterion: share of all cells that pass;
 * - maximin: min over futures of U;
 * - minimax regret: R(a, s) = max_a′ U(a′, s) − U(a, s); a scenario's regret = max over s of R.
 * Ranking: domain criterion (high first), then regret (low first), then maximin, then name.
 */
import { assess } from '../assess.js';
import type { KnowledgeBase } from '../kb/types.js';
import type { Fact, LocalizedText } from '../types.js';
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
  verdict: Verdict;
  reasons: LocalizedText[];
}

export interface RobustnessCell {
  test: string;
  future: string;
  pass: boolean;
  value: number;
  threshold: number;
  unit: string;
}

export interface ScenarioResult extends Indicators {
  name: string;
  fit: { in_line: number; against: number; neutral: number; score: number; measures: MeasureFit[] };
  robustness: { domain: number; maximin: number; regret: number; matrix: RobustnessCell[] };
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

/** Checks each measure against the principles of the zone and soil it lies on. */
export function fitWithSystem(
  overlay: FeatureOverlay[],
  kb: KnowledgeBase,
  params: ScenarioParams,
): ScenarioResult['fit'] {
  const cache = new Map<string, ReturnType<typeof assess>>();
  const measures: MeasureFit[] = [];
  let inLine = 0;
  let against = 0;
  let neutral = 0;
  for (const o of overlay) {
    const actions = params.measures[o.feature.type].actions;
    if (actions.length === 0) continue;
    const key = `${o.zone ?? ''}|${o.soilCode ?? ''}|${o.gt ?? ''}`;
    let report = cache.get(key);
    if (!report) {
      const facts: Fact[] = [];
      const prov = { sourceId: 'natural-system', title: 'Natuurlijk systeem' };
      if (o.zone) facts.push({ name: 'zone', status: 'ok', value: o.zone, provenance: prov });
      if (o.soilCode)
        facts.push({ name: 'soilCode', status: 'ok', value: o.soilCode, provenance: prov });
      if (o.gt) facts.push({ name: 'gt', status: 'ok', value: o.gt, provenance: prov });
      report = assess(facts, kb);
      cache.set(key, report);
    }
    const reasons: LocalizedText[] = [];
    const discouraged = report.discouraged.filter((d) => actions.includes(d.action));
    const supporting = report.principles.filter((p) => p.actions.some((a) => actions.includes(a)));
    let verdict: Verdict = 'neutral';
    if (discouraged.length > 0) {
      verdict = 'against';
      for (const d of discouraged) for (const r of d.reasons) reasons.push(r.reason);
    } else if (supporting.length > 0) {
      verdict = 'in_line';
      for (const p of supporting.slice(0, 3))
        reasons.push({ nl: `${p.title.nl}: ${p.reason.nl}`, en: `${p.title.en}: ${p.reason.en}` });
    } else {
      reasons.push({
        nl: 'Geen principe van deze plek gaat over deze maatregel.',
        en: 'No principle of this place concerns this measure.',
      });
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
    measures: measures.sort((a, b) => a.index - b.index),
  };
}

/** The stress-test × future matrix of one scenario. */
export function robustnessMatrix(ind: Indicators, params: ScenarioParams): RobustnessCell[] {
  const t = params.thresholds;
  const cells: RobustnessCell[] = [];
  for (const future of params.futures) {
    for (const storm of params.storms) {
      const r = ind.runoff.find((x) => x.event === storm.id && x.future === future.id);
      const value = r?.street_water_depth_m ?? 0;
      cells.push({
        test: `rain-${storm.id}`,
        future: future.id,
        pass: value <= t.streetWaterDepthM.value,
        value,
        threshold: t.streetWaterDepthM.value,
        unit: 'm',
      });
    }
    const ccThreshold = round(t.coolingCapacity.value * future.heat, 4);
    cells.push({
      test: 'hot-day',
      future: future.id,
      pass: ind.cooling_capacity >= ccThreshold && ind.fractions.canopy >= t.canopyShare.value,
      value: ind.cooling_capacity,
      threshold: ccThreshold,
      unit: 'CC',
    });
    const recharge = round(ind.recharge_share * future.dry, 4);
    cells.push({
      test: 'dry-period',
      future: future.id,
      pass: recharge >= t.rechargeShare.value,
      value: recharge,
      threshold: t.rechargeShare.value,
      unit: 'share',
    });
  }
  return cells;
}

/**
 * Compares scenarios over one natural system.
 * @param scenarios parsed scenarios (see `parseScenario`)
 * @param system the natural system under the planning area (soil, groundwater, zones), indexed
 * @param kb knowledge base (for the fit check)
 * @param overrides parameters that differ from the documented defaults
 */
export function compareScenarios(
  scenarios: Scenario[],
  system: NaturalSystem,
  kb: KnowledgeBase,
  overrides: DeepPartial<ScenarioParams> = {},
): CompareResult {
  const params = resolveParams(overrides);
  const partial = scenarios.map((s) => {
    const overlay = overlayScenario(s, system, params);
    const indicators = computeIndicators(s, overlay, params);
    return {
      scenario: s,
      indicators,
      fit: fitWithSystem(overlay, kb, params),
      matrix: robustnessMatrix(indicators, params),
    };
  });
  const futures = params.futures.map((f) => f.id);
  const utility = (matrix: RobustnessCell[], future: string) => {
    const cells = matrix.filter((c) => c.future === future);
    return cells.length > 0 ? cells.filter((c) => c.pass).length / cells.length : 0;
  };
  const best = new Map(
    futures.map((f) => [f, Math.max(...partial.map((p) => utility(p.matrix, f)))]),
  );
  const results: ScenarioResult[] = partial.map((p) => {
    const us = futures.map((f) => utility(p.matrix, f));
    return {
      name: p.scenario.name,
      ...p.indicators,
      fit: p.fit,
      robustness: {
        domain: round(p.matrix.filter((c) => c.pass).length / Math.max(1, p.matrix.length), 4),
        maximin: round(Math.min(...us), 4),
        regret: round(Math.max(...futures.map((f, i) => (best.get(f) ?? 0) - us[i]!)), 4),
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
        b.fit.score - a.fit.score ||
        (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
    )
    .map((r) => r.name);
  return {
    scenarios: results,
    ranking,
    explanation: explain(results, ranking),
    assumptions: assumptionsOf(params),
    futures,
    tests: [...params.storms.map((s) => `rain-${s.id}`), 'hot-day', 'dry-period'],
  };
}

const TEST_WORDS: Record<string, LocalizedText> = {
  'hot-day': { nl: 'een hete dag', en: 'a hot day' },
  'dry-period': { nl: 'een droge periode', en: 'a dry period' },
};
function testWords(test: string): LocalizedText {
  if (TEST_WORDS[test]) return TEST_WORDS[test];
  const id = test.replace(/^rain-/, '');
  return { nl: `bui ${id}`, en: `storm ${id}` };
}

function pct(v: number): string {
  return `${Math.round(v * 100)}%`;
}

function explain(results: ScenarioResult[], ranking: string[]): LocalizedText {
  const top = results.find((r) => r.name === ranking[0]);
  if (!top) return { nl: 'Geen scenario’s.', en: 'No scenarios.' };
  const failing = [...new Set(top.robustness.matrix.filter((c) => !c.pass).map((c) => c.test))];
  const failNl =
    failing.length === 0
      ? 'Het haalt alle stresstests in alle klimaattoekomsten.'
      : `Het faalt nog bij ${failing.map((t) => testWords(t).nl).join(', ')} in sommige toekomsten.`;
  const failEn =
    failing.length === 0
      ? 'It passes every stress test in every climate future.'
      : `It still fails ${failing.map((t) => testWords(t).en).join(', ')} in some futures.`;
  const second = results.find((r) => r.name === ranking[1]);
  const vsNl = second
    ? ` Tweede is ${second.name} (${pct(second.robustness.domain)} van de cellen).`
    : '';
  const vsEn = second
    ? ` Second is ${second.name} (${pct(second.robustness.domain)} of the cells).`
    : '';
  const fitNl =
    top.fit.against > 0
      ? ` Let op: ${top.fit.against} maatregel(en) gaan tegen het natuurlijk systeem in.`
      : ' De maatregelen passen bij het natuurlijk systeem of zijn neutraal.';
  const fitEn =
    top.fit.against > 0
      ? ` Note: ${top.fit.against} measure(s) work against the natural system.`
      : ' Its measures fit the natural system or are neutral.';
  return {
    nl: `${top.name} is het meest robuust: het haalt ${pct(top.robustness.domain)} van de combinaties van stresstest en klimaattoekomst (slechtste toekomst ${pct(top.robustness.maximin)}, maximale spijt ${pct(top.robustness.regret)}). ${failNl}${vsNl}${fitNl}`,
    en: `${top.name} is the most robust: it passes ${pct(top.robustness.domain)} of the stress-test × climate-future cells (worst future ${pct(top.robustness.maximin)}, maximum regret ${pct(top.robustness.regret)}). ${failEn}${vsEn}${fitEn}`,
  };
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
