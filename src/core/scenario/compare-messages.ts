/**
 * Sentences of the comparison summary that count things (ICU plurals), registered as
 * `scenario-summary` so a municipality can reword them with a texts file.
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
} as const;

registerMessages('scenario-summary', compareMessages);
