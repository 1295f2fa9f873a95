/**
 * Texts of the results of `<na-scenario-compare>`: ranking, table, charts, stress tests,
 * verdicts and units (Dutch default, English).
 * Part of the message table of `<na-scenario-compare>` (messages.ts).
 */
export const resultMessages = {
  // Results
  computing: { nl: 'Berekenen…', en: 'Calculating…' },
  resultsTitle: { nl: 'Uitkomst', en: 'Result' },
  detailsPending: {
    nl: 'Inpassing, bijdrage per maatregel en aannames worden opgebouwd…',
    en: 'Building the fit, what each measure adds and the assumptions…',
  },
  rankingTitle: { nl: 'Rangorde (meest robuust eerst)', en: 'Ranking (most robust first)' },
  rankingItem: {
    nl: '{name}: {domain} van de stresstests gehaald',
    en: '{name}: {domain} of the stress tests passed',
  },
  tableTitle: { nl: 'Indicatoren', en: 'Indicators' },
  tableCaption: {
    nl: 'Indicatoren per scenario. De grafieken hieronder tonen dezelfde getallen.',
    en: 'Indicators per scenario. The charts below show the same numbers.',
  },
  indicator: { nl: 'Indicator', en: 'Indicator' },
  unit: { nl: 'Eenheid', en: 'Unit' },
  explain: { nl: 'Uitleg', en: 'Explanation' },
  explainAbout: { nl: 'bij {label}', en: 'of {label}' },
  chartsTitle: { nl: 'Grafieken', en: 'Charts' },
  chartsNote: {
    nl: 'Dezelfde getallen als de tabel met indicatoren.',
    en: 'The same numbers as the table of indicators.',
  },
  chartLabel: { nl: '{label} ({unit}): {values}', en: '{label} ({unit}): {values}' },
  robustTitle: { nl: 'Stresstests per klimaattoekomst', en: 'Stress tests per climate future' },
  robustIntro: {
    nl: 'Elk scenario is getoetst aan elke combinatie van stresstest en klimaattoekomst (KNMI’23: L/H = lage/hoge opwarming, d/n = droog/nat).',
    en: 'Each scenario is tested against every combination of stress test and climate future (KNMI’23: L/H = low/high warming, d/n = dry/wet).',
  },
  robustCaption: {
    nl: '{name}: {domain} gehaald',
    en: '{name}: {domain} passed',
  },
  test: { nl: 'Stresstest', en: 'Stress test' },
  pass: { nl: 'gehaald', en: 'passed' },
  fail: { nl: 'niet gehaald', en: 'failed' },
  cellDetail: { nl: '{value} (norm {threshold})', en: '{value} (threshold {threshold})' },
  explain_cost: {
    nl: 'Ruwe aanleg- en beheerkosten per soort maatregel (€/m² en €/m²/jaar): aannames, niet uit een kostentabel; een gemeente kan ze overschrijven (costEurM2, upkeepEurM2Year).',
    en: 'Rough investment and upkeep per kind of measure (€/m² and €/m²/year): assumptions, not from a cost table; a municipality can override them (costEurM2, upkeepEurM2Year).',
  },
  futureToday: { nl: 'Nu', en: 'Today' },
  testRain: {
    nl: 'Bui {id} ({depth} mm in {hours} uur)',
    en: 'Storm {id} ({depth} mm in {hours} h)',
  },
  testHot: { nl: 'Hete dag', en: 'Hot day' },
  testDry: { nl: 'Droge periode', en: 'Dry period' },
  fitTitle: { nl: 'Past het bij het natuurlijk systeem?', en: 'Does it fit the natural system?' },
  fitSummary: {
    nl: '{name}: {in_line} passend, {against} tegen het natuurlijk systeem in, {neutral} neutraal',
    en: '{name}: {in_line} in line, {against} against the natural system, {neutral} neutral',
  },
  fitAgainstList: { nl: 'Tegen het natuurlijk systeem in', en: 'Against the natural system' },
  fitAll: { nl: 'Alle getoetste maatregelen', en: 'All assessed measures' },
  fitNone: { nl: 'Geen.', en: 'None.' },
  verdict_in_line: { nl: 'passend', en: 'in line' },
  verdict_against: { nl: 'tegen', en: 'against' },
  verdict_neutral: { nl: 'neutraal', en: 'neutral' },
  measureWhere: {
    nl: '{type} ({area} m²), zone {zone}, bodem {soil}, grondwatertrap {gt}',
    en: '{type} ({area} m²), zone {zone}, soil {soil}, groundwater class {gt}',
  },
  unknownValue: { nl: 'onbekend', en: 'unknown' },
  assumptionsTitle: { nl: 'Aannames', en: 'Assumptions' },
  assumptionsIntro: {
    nl: 'Deze waarden zijn niet (helemaal) onderbouwd. Een gemeente kan ze aanpassen via .params.',
    en: 'These values are not (fully) verified. A municipality can change them via .params.',
  },
  tag_S: { nl: 'S: synthese, redelijke standaard', en: 'S: synthesis, a sensible default' },
  tag_U: { nl: 'U: aanname, niet geverifieerd', en: 'U: assumption, not verified' },
  assumptionSource: { nl: 'Bron: {source}', en: 'Source: {source}' },
  exportTitle: { nl: 'Bewaren en delen', en: 'Save and share' },
  downloadCsv: { nl: 'Indicatoren als CSV', en: 'Indicators as CSV' },
  print: { nl: 'Afdrukken', en: 'Print' },
  announceReady: {
    nl: 'Vergelijking klaar. Meest robuust: {name}.',
    en: 'Comparison ready. Most robust: {name}.',
  },
  computeFailed: {
    nl: 'De vergelijking is mislukt. De technische melding staat hieronder.',
    en: 'The comparison failed. The technical message is below.',
  },

  // Units
  unit_ha: { nl: 'ha', en: 'ha' },
  unit_pct: { nl: '%', en: '%' },
  unit_m3: { nl: 'm³', en: 'm³' },
  unit_mm: { nl: 'mm', en: 'mm' },
  unit_mmh: { nl: 'mm/uur', en: 'mm/h' },
  unit_cm: { nl: 'cm', en: 'cm' },
  unit_index: { nl: '0–1', en: '0–1' },
  unit_score: { nl: '−1 tot 1', en: '−1 to 1' },
  unit_count: { nl: 'aantal', en: 'count' },
  unit_eur: { nl: '€', en: '€' },
} as const;
