/**
 * `natuurlijke-alliantie compare <a.geojson> <b.geojson> … [--data <sources.json>] [--format json|csv|text]`
 * Compares scenario designs on robustness; the natural system underneath comes from the sources file.
 */
import { toCsv } from '../core/csv.js';
import type { KnowledgeBase } from '../core/kb/types.js';
import { compareScenarios, type CompareResult } from '../core/scenario/compare.js';
import type { NaturalSystem } from '../core/scenario/overlay.js';
import { parseScenario, ScenarioError, type Scenario } from '../core/scenario/scenario.js';
import type { Lang } from '../core/types.js';
import { parseJsonStrict } from '../sources/json-text.js';

/** The JSON contract of `compare` (stable: scripts depend on it). */
export function compareJson(result: CompareResult, lang: Lang) {
  return {
    scenarios: result.scenarios.map((s) => ({
      name: s.name,
      area_m2: s.area_m2,
      fractions: s.fractions,
      storage_m3: s.storage_m3,
      storage_mm: s.storage_mm,
      sewer_capacity_mm_h: s.sewer_capacity_mm_h,
      runoff: s.runoff.map((r) => ({
        event: r.event,
        future: r.future,
        rain_mm: r.rain_mm,
        runoff_mm: r.runoff_mm,
        street_water_m3: r.street_water_m3,
        street_water_depth_m: r.street_water_depth_m,
      })),
      infiltration_effective_m3: s.infiltration_effective_m3,
      infiltration_ineffective_m3: s.infiltration_ineffective_m3,
      infiltration_unknown_m3: s.infiltration_unknown_m3,
      cooling_capacity: s.cooling_capacity,
      cool_place_share: s.cool_place_share,
      ...(s.homes_cool_place_share !== undefined
        ? { homes_cool_place_share: s.homes_cool_place_share }
        : {}),
      recharge_share: s.recharge_share,
      soil_unknown_share: s.soil_unknown_share,
      fit: {
        in_line: s.fit.in_line,
        against: s.fit.against,
        neutral: s.fit.neutral,
        score: s.fit.score,
        measures: s.fit.measures.map((m) => ({
          ...m,
          reasons: m.reasons.map((r) => r[lang] ?? r.nl),
        })),
      },
      robustness: s.robustness,
    })),
    ranking: result.ranking,
    explanation: result.explanation[lang] ?? result.explanation.nl,
    futures: result.futures,
    tests: result.tests,
    assumptions: result.assumptions,
  };
}

/** Long-format CSV: one row per scenario, indicator, event and future. */
export function compareCsv(result: CompareResult): string {
  const rows: unknown[][] = [['scenario', 'indicator', 'event', 'future', 'value', 'unit']];
  for (const s of result.scenarios) {
    const add = (indicator: string, value: number, unit: string, event = '', future = '') =>
      rows.push([s.name, indicator, event, future, value, unit]);
    add('area', s.area_m2, 'm2');
    add('paved_share', s.fractions.paved, 'share');
    add('green_share', s.fractions.green, 'share');
    add('blue_share', s.fractions.blue, 'share');
    add('canopy_share', s.fractions.canopy, 'share');
    add('storage', s.storage_m3, 'm3');
    add('storage_depth', s.storage_mm, 'mm');
    for (const r of s.runoff) {
      add('runoff', r.runoff_mm, 'mm', r.event, r.future);
      add('street_water', r.street_water_m3, 'm3', r.event, r.future);
      add('street_water_depth', r.street_water_depth_m, 'm', r.event, r.future);
    }
    add('infiltration_effective', s.infiltration_effective_m3, 'm3');
    add('infiltration_ineffective', s.infiltration_ineffective_m3, 'm3');
    add('infiltration_unknown', s.infiltration_unknown_m3, 'm3');
    add('cooling_capacity', s.cooling_capacity, 'CC');
    add('cool_place_share', s.cool_place_share, 'share');
    add('recharge_share', s.recharge_share, 'share');
    add('fit_score', s.fit.score, 'score');
    add('robustness_domain', s.robustness.domain, 'share');
    add('robustness_maximin', s.robustness.maximin, 'share');
    add('robustness_regret', s.robustness.regret, 'share');
  }
  return toCsv(rows);
}

/** A short text report. */
export function compareText(result: CompareResult, lang: Lang): string {
  const en = lang === 'en';
  const pct = (v: number) => `${Math.round(v * 100)}%`;
  const out: string[] = [en ? 'Scenario comparison' : 'Vergelijking van scenario’s', ''];
  out.push(result.explanation[lang] ?? result.explanation.nl, '');
  out.push(`${en ? 'Ranking' : 'Rangorde'}: ${result.ranking.join(' > ')}`, '');
  for (const s of result.scenarios) {
    const t100 = s.runoff.find((r) => r.event === 'T100' && r.future === 'today');
    out.push(`• ${s.name}`);
    out.push(
      `  ${en ? 'paved/green/blue/canopy' : 'verhard/groen/blauw/bladerdak'}: ${pct(s.fractions.paved)} / ${pct(s.fractions.green)} / ${pct(s.fractions.blue)} / ${pct(s.fractions.canopy)}`,
    );
    out.push(`  ${en ? 'storage' : 'berging'}: ${s.storage_m3} m³ (${s.storage_mm} mm)`);
    if (t100)
      out.push(
        `  T100 ${en ? 'today: water on the street' : 'nu: water op straat'} ${t100.street_water_m3} m³`,
      );
    out.push(
      `  ${en ? 'infiltration effective/ineffective' : 'infiltratie werkt/werkt niet'}: ${s.infiltration_effective_m3} / ${s.infiltration_ineffective_m3} m³`,
    );
    out.push(
      `  ${en ? 'cooling capacity' : 'koelend vermogen'}: ${s.cooling_capacity} · ${en ? 'recharge' : 'aanvulling grondwater'}: ${pct(s.recharge_share)}`,
    );
    out.push(
      `  ${en ? 'fit (in line/against/neutral)' : 'past bij natuurlijk systeem (ja/nee/neutraal)'}: ${s.fit.in_line}/${s.fit.against}/${s.fit.neutral}`,
    );
    out.push(
      `  ${en ? 'robustness' : 'robuustheid'}: domain ${pct(s.robustness.domain)}, maximin ${pct(s.robustness.maximin)}, regret ${pct(s.robustness.regret)}`,
    );
  }
  const assumed = result.assumptions.filter((a) => a.tag === 'U');
  if (assumed.length > 0) {
    out.push(
      '',
      en ? 'Assumptions (unverified, configurable):' : 'Aannames (niet geverifieerd, instelbaar):',
    );
    for (const a of assumed) out.push(`  - ${a.name}: ${a.source}`);
  }
  return out.join('\n') + '\n';
}

/** Parses scenario files (text) into scenarios; errors name the file. */
export function parseScenarioFiles(files: Array<{ name: string; text: string }>): Scenario[] {
  return files.map((f) => parseScenario(parseJsonStrict(f.text, f.name), { fileName: f.name }));
}

/** Runs the comparison; throws ScenarioError for bad input (exit 2 in the CLI). */
export function runComparison(
  scenarios: Scenario[],
  system: NaturalSystem,
  kb: KnowledgeBase,
): CompareResult {
  if (scenarios.length < 1)
    throw new ScenarioError('no-scenarios', 'Give at least one scenario file.');
  const names = new Set<string>();
  for (const s of scenarios) {
    if (names.has(s.name)) {
      throw new ScenarioError(
        'duplicate-scenario-name',
        `Two scenarios are called "${s.name}"; give them different names.`,
      );
    }
    names.add(s.name);
  }
  for (const s of scenarios) {
    for (const f of s.features) {
      if (!system.soil.covers(f.geometry) && !system.zones.covers(f.geometry)) {
        throw new ScenarioError(
          'outside-data',
          `${s.name}: feature ${f.index} (${f.type}) lies outside the data of the natural system (no zone or soil polygon under it).`,
          { index: f.index },
        );
      }
    }
  }
  return compareScenarios(scenarios, system, kb);
}
