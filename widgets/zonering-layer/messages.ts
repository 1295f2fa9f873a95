import { registerMessages } from '../shared/lang.js';
import { mapTargetMessages } from '../shared/map-target-messages.js';
/**
 * Interface texts of `<na-zonering-layer>`: Dutch (B1, default) and English.
 * Zone and type names come from the knowledge base.
 */
export const messages = {
  noMap: { nl: 'Koppel een kaart via .map', en: 'Connect a map via .map' },
  ...mapTargetMessages,
  noSource: {
    nl: 'Geef de zonering via .source of het attribuut src',
    en: 'Give the zoning via .source or the src attribute',
  },
  loading: { nl: 'Zonering laden…', en: 'Loading the zoning…' },
  ready: {
    nl: 'Zonering op de kaart: {count, plural, one {# gebied} other {# gebieden}}.',
    en: 'Zoning on the map: {count, plural, one {# area} other {# areas}}.',
  },
  hidden: {
    nl: 'Zonering staat uit ({count, plural, one {# gebied} other {# gebieden}}).',
    en: 'Zoning is switched off ({count, plural, one {# area} other {# areas}}).',
  },
  error: {
    nl: 'De zonering kon niet worden geladen.',
    en: 'The zoning could not be loaded.',
  },
  centre: { nl: 'Midden van de kaart: {name} ({code})', en: 'Centre of the map: {name} ({code})' },
  centreNone: {
    nl: 'Midden van de kaart: geen zone',
    en: 'Centre of the map: no zone',
  },
} as const;

export type MessageKey = keyof typeof messages;

registerMessages('zonering-layer', messages);
