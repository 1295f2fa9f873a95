/**
 * `natuurlijke-alliantie compare <a.geojson> <b.geojson> … [--data <sources.json>] [--format json|csv|text]`
 * Compares scenario designs on robustness; the natural system underneath comes from the sources file.
 */
import { assumptionSource } from '../core/scenario/assumption-sources.js';
import { toCsv } from '../core/csv.js';
import { stripControl } from '../core/plain-text.js';
import type { KnowledgeBase } from '../core/kb/types.js';
import { compareScenarios, type CompareResult } from '../core/scenario/compare.js';
import {
  INDICATORS_AFTER_STORMS,
  INDICATORS_BEFORE_STORMS,
  indicatorMetadata,
  type ScenarioIndicator,
} from '../core/scenario/indicator-table.js';
import type { NaturalSystem } from '../core/scenario/overlay.js';
import { parseScenario, ScenarioError, type Scenario } from '../core/scenario/scenario.js';
import type { Lang } from '../core/types.js';
import { parseJsonStrict } from '../core/located-json.js';

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
        street_water_low_point_depth_m: r.street_water_low_point_depth_m,
      })),
      low_point_area_m2: s.low_point_area_m2,
      low_point_source: s.low_point_source,
      infiltration_effective_m3: s.infiltration_effective_m3,
      infiltration_ineffective_m3: s.infiltration_ineffective_m3,
      infiltration_unknown_m3: s.infiltration_unknown_m3,
      cooling_capacity: s.cooling_capacity,
      cool_place_share: s.cool_place_share,
      ...(s.homes_cool_place_share !== undefined
        ? { homes_cool_place_share: s.homes_cool_place_share }
        : {}),
      shade_share: s.shade_share,
      recharge_share: s.recharge_share,
      recharge_retained: s.recharge_retained,
      soil_unknown_share: s.soil_unknown_share,
      cost_eur: s.cost_eur,
      upkeep_eur_year: s.upkeep_eur_year,
      contributions: s.contributions,
      fit: {
        in_line: s.fit.in_line,
        against: s.fit.against,
        neutral: s.fit.neutral,
        score: s.fit.score,
        against_area_m2: s.fit.against_area_m2,
        measures: s.fit.measures.map((m) => ({
          ...m,
          reasons: m.reasons.map((r) => r[lang] ?? r.nl),
        })),
      },
      robustness: {
        ...s.robustness,
        matrix: s.robustness.matrix.map((c) => ({
          ...c,
          explanation: c.explanation[lang] ?? c.explanation.nl,
        })),
      },
    })),
    ranking: result.ranking,
    explanation: result.explanation[lang] ?? result.explanation.nl,
    futures: result.futures,
    tests: result.tests,
    assumptions: result.assumptions,
    /** The indicators of the CSV and the comparer's table: key, unit of the value, direction. */
    indicators: indicatorMetadata(),
  };
}

/**
 * Long-format CSV: one row per scenario, indicator, event and future (the per-scenario indicators
 * and their units are those of src/core/scenario/indicator-table.ts, shared with the comparer); the robustness matrix as
 * `cell.<condition>` rows (event = the test, with value, threshold and pass) and the contribution of
 * each measure as `measure.<index>.<quantity>` rows. Columns `threshold`, `pass` and `note` are
 * empty where they do not apply.
 */
export function compareCsv(result: CompareResult, lang: Lang = 'nl'): string {
  const rows: unknown[][] = [
    ['scenario', 'indicator', 'event', 'future', 'value', 'unit', 'threshold', 'pass', 'note'],
  ];
  for (const s of result.scenarios) {
    const add = (
      indicator: string,
      value: number | null,
      unit: string,
      event = '',
      future = '',
      threshold: number | '' = '',
      pass: number | '' = '',
      note = '',
    ) => rows.push([s.name, indicator, event, future, value, unit, threshold, pass, note]);
    const scalar = (list: readonly ScenarioIndicator[]) => {
      for (const ind of list) {
        const value = ind.value(s);
        if (value !== undefined || !ind.optional) add(ind.key, value ?? null, ind.raw);
      }
    };
    scalar(INDICATORS_BEFORE_STORMS);
    for (const r of s.runoff) {
      add('runoff', r.runoff_mm, 'mm', r.event, r.future);
      add('street_water', r.street_water_m3, 'm3', r.event, r.future);
      add('street_water_depth', r.street_water_depth_m, 'm', r.event, r.future);
      add('street_water_low_point_depth', r.street_water_low_point_depth_m, 'm', r.event, r.future);
    }
    add('low_point_area', s.low_point_area_m2, 'm2', '', '', '', '', s.low_point_source);
    scalar(INDICATORS_AFTER_STORMS);
    add('fit_against_area', s.fit.against_area_m2, 'm2');
    for (const c of s.robustness.matrix) {
      for (const k of c.conditions)
        add(
          `cell.${k.name}`,
          k.value,
          k.unit,
          c.test,
          c.future,
          k.threshold,
          k.pass ? 1 : 0,
          k.kind === 'max' ? '<=' : '>=',
        );
      add(
        'cell',
        c.pass ? 1 : 0,
        'pass',
        c.test,
        c.future,
        '',
        c.pass ? 1 : 0,
        c.explanation[lang] ?? c.explanation.nl,
      );
    }
    for (const m of s.contributions) {
      const at = `measure.${m.index}`;
      add(`${at}.area`, m.area_m2, 'm2', '', '', '', '', m.type);
      add(`${at}.storage`, m.storage_m3, 'm3', '', '', '', '', m.type);
      add(
        `${at}.runoff`,
        m.runoff_m3,
        'm3',
        result.tests[0]?.replace(/^rain-/, '') ?? '',
        result.futures[0] ?? '',
        '',
        '',
        m.type,
      );
      add(`${at}.infiltration`, m.infiltration_m3, 'm3', '', '', '', '', m.type);
      add(
        `${at}.infiltration_works_share`,
        m.infiltration_works_share,
        'share',
        '',
        '',
        '',
        '',
        m.type,
      );
      add(`${at}.recharge`, m.recharge_m3, 'm3/year', '', '', '', '', m.type);
      add(`${at}.cooling`, m.cooling, 'CC', '', '', '', '', m.type);
      add(`${at}.cost`, m.cost_eur, 'EUR', '', '', '', '', m.type);
      add(`${at}.upkeep`, m.upkeep_eur_year, 'EUR/year', '', '', '', '', m.type);
    }
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
      `  ${en ? 'robustness' : 'robuustheid'}: ${en ? "Starr's domain" : 'domeincriterium (Starr)'} ${pct(s.robustness.domain)} (${s.robustness.futures_passed.length}/${result.futures.length}), ${en ? 'mean passed' : 'gemiddeld gehaald'} ${pct(s.robustness.mean_pass_share)}, maximin ${pct(s.robustness.maximin)}, regret ${pct(s.robustness.regret)}`,
    );
    if (t100)
      out.push(
        `  T100 ${en ? 'today: depth mean / at the low points' : 'nu: diepte gemiddeld / op de laagste plekken'} ${Math.round(t100.street_water_depth_m * 1000) / 10} / ${Math.round(t100.street_water_low_point_depth_m * 1000) / 10} cm`,
      );
    out.push(
      `  ${en ? 'shade / recharge kept / cost / upkeep' : 'schaduw / behouden aanvulling / kosten / beheer'}: ${pct(s.shade_share)} / ${pct(s.recharge_retained)} / € ${s.cost_eur} / € ${s.upkeep_eur_year}${en ? ' per year' : ' per jaar'}`,
    );
    const failed = s.robustness.matrix.filter((c) => !c.pass);
    if (failed.length > 0) {
      out.push(`  ${en ? 'failed cells' : 'niet gehaald'}:`);
      for (const c of failed)
        out.push(`    ${c.test} ${c.future}: ${c.explanation[lang] ?? c.explanation.nl}`);
    }
    out.push(
      `  ${en ? 'per measure (storage m³, runoff m³, infiltration m³, cooling, fit, € / €/yr)' : 'per maatregel (berging m³, afstroming m³, infiltratie m³, koeling, oordeel, € / €/jr)'}:`,
    );
    const verdicts = new Map(s.fit.measures.map((m) => [m.index, m.verdict]));
    for (const m of s.contributions)
      out.push(
        `    #${m.index} ${m.type} ${Math.round(m.area_m2)} m²: ${m.storage_m3}, ${m.runoff_m3}, ${m.infiltration_m3}${m.infiltration_works_share !== null ? ` (${pct(m.infiltration_works_share)})` : ''}, ${m.cooling ?? '–'}, ${verdicts.get(m.index) ?? '–'}, ${m.cost_eur} / ${m.upkeep_eur_year}`,
      );
  }
  const assumed = result.assumptions.filter((a) => a.tag === 'U');
  if (assumed.length > 0) {
    out.push(
      '',
      en ? 'Assumptions (unverified, configurable):' : 'Aannames (niet geverifieerd, instelbaar):',
    );
    for (const a of assumed)
      out.push(`  - ${a.name}: ${assumptionSource(a.name, a.source, en ? 'en' : 'nl')}`);
  }
  // Scenario names come from files: no terminal escapes reach the terminal.
  return stripControl(out.join('\n') + '\n');
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
