import { registerMessages } from '../shared/lang.js';
import { indicatorMessages } from './messages-indicators.js';
import { resultMessages } from './messages-results.js';
import { setupMessages } from './messages-setup.js';
/**
 * Interface texts of `<na-scenario-compare>`: Dutch (B1, default) and English. Placeholders in
 * braces (`{name}`) are filled by `tr()`. The explanations of the indicators name the formula and
 * its source (the parameters and their sources are in src/core/scenario/params.ts). The table is
 * kept per area: messages-setup.ts (empty state, loading, drawing, map), messages-results.ts
 * (results and units), messages-indicators.ts (indicator labels, explanations, measure types).
 */
export const messages = {
  title: { nl: "Scenario's vergelijken", en: 'Compare scenarios' },
  intro: {
    nl: 'Vergelijk ontwerpen voor één wijk: hoe goed ze regen, hitte en droogte aankunnen, nu en in de klimaattoekomsten van het KNMI, en of ze passen bij het natuurlijk systeem.',
    en: 'Compare designs for one neighbourhood: how well they cope with rain, heat and drought, today and in the KNMI climate futures, and whether they fit the natural system.',
  },

  ...setupMessages,
  ...resultMessages,
  ...indicatorMessages,
} as const;

export type MessageKey = keyof typeof messages;

registerMessages('scenario-compare', messages);
