/**
 * The sentences of a scenario comparison (the summary, the robustness cells, the fit of each
 * measure), registered as `scenario-summary` so a municipality can reword them with a texts file.
 * ICU texts; ids are stable.
 */
import { registerMessages } from '../messages.js';

export const compareMessages = {
  fitAgainst: {
    nl: 'Past bij het natuurlijk systeem: score {score}; {count, plural, one {# maatregel} other {# maatregelen}} op {area} m² {count, plural, one {gaat} other {gaan}} ertegenin, de grootste: {type} ({largest} m²) in zone {zone}.',
    en: 'Fit with the natural system: score {score}; {count, plural, one {# measure} other {# measures}} on {area} m² {count, plural, one {works} other {work}} against it, the largest: {type} ({largest} m²) in zone {zone}.',
  },
  fitNone: {
    nl: 'Past bij het natuurlijk systeem: score {score}; geen maatregel gaat ertegenin.',
    en: 'Fit with the natural system: score {score}; no measure works against it.',
  },
  measureAgainst: {
    nl: 'Hier geldt {title} ({actions}); deze maatregel gaat daar tegenin. {reason}',
    en: 'Here {title} applies ({actions}); this measure works against it. {reason}',
  },
  measureInLine: { nl: '{title}: {reason}', en: '{title}: {reason}' },
  measureNoPrinciple: {
    nl: 'Geen principe van deze plek gaat over deze maatregel.',
    en: 'No principle of this place concerns this measure.',
  },
  conditionStreetWater: {
    nl: 'waterdiepte op de laagste plekken',
    en: 'water depth at the low points',
  },
  conditionCooling: { nl: 'koelend vermogen', en: 'cooling capacity' },
  conditionShade: { nl: 'schaduw', en: 'shade' },
  conditionRecharge: { nl: 'behouden grondwateraanvulling', en: 'groundwater recharge kept' },
  conditionPasses: {
    nl: '{what} {value} {op} {threshold} (ruimte {margin})',
    en: '{what} {value} {op} {threshold} (margin {margin})',
  },
  conditionFails: {
    nl: '{what} {value}, norm {op} {threshold}: {margin} te {kind, select, max {veel} other {weinig}}',
    en: '{what} {value}, threshold {op} {threshold}: {margin} too {kind, select, max {much} other {little}}',
  },
  cellFails: { nl: 'Faalt op {conditions}.', en: 'Fails on {conditions}.' },
  cellPasses: { nl: 'Haalt het: {conditions}.', en: 'Passes: {conditions}.' },
  testHotDay: { nl: 'een hete dag', en: 'a hot day' },
  testDryPeriod: { nl: 'een droge periode', en: 'a dry period' },
  testRain: { nl: 'bui {id}', en: 'storm {id}' },
  failure: {
    nl: '{test} in {futures} (slechtst in {future}: {conditions})',
    en: '{test} in {futures} (worst in {future}: {conditions})',
  },
  noScenarios: { nl: 'Geen scenario’s.', en: 'No scenarios.' },
  top: {
    nl: '{name} is het meest robuust: het haalt alle stresstests in {passed} van de {futures} klimaattoekomsten (domeincriterium van Starr {domain}); met gelijk gewicht voor regen, hitte en droogte haalt het gemiddeld {mean} (slechtste toekomst {maximin}, maximale spijt {regret}).',
    en: "{name} is the most robust: it passes every stress test in {passed} of the {futures} climate futures (Starr's domain criterion {domain}); weighting rain, heat and drought equally it passes {mean} on average (worst future {maximin}, maximum regret {regret}).",
  },
  stillFails: { nl: 'Het faalt nog op {failures}.', en: 'It still fails {failures}.' },
  second: {
    nl: 'Tweede: {name}, met alle tests in {passed} van de {futures} toekomsten, gemiddeld {mean}, maximale spijt {regret}{tie, select, yes { (gelijk domeincriterium; de spijt beslist)} other {}}.',
    en: 'Second: {name}, with every test in {passed} of the {futures} futures, {mean} on average, maximum regret {regret}{tie, select, yes { (equal domain criterion; regret decides)} other {}}.',
  },
  costs: { nl: 'Kosten (ruwe aannames): {costs}.', en: 'Cost (rough assumptions): {costs}.' },
  cost: { nl: '{name} {cost} + {upkeep}/jaar', en: '{name} {cost} + {upkeep}/year' },
  euroMillions: { nl: '€ {amount} mln', en: '€ {amount} M' },
  euroThousands: { nl: '€ {amount} dzd', en: '€ {amount}k' },
  euros: { nl: '€ {amount}', en: '€ {amount}' },
} as const;

registerMessages('scenario-summary', compareMessages);
