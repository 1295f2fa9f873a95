import { registerMessages } from '../shared/lang.js';
import { mapTargetMessages } from '../shared/map-target-messages.js';
/** Interface texts of `<na-kansenkaart-layer>` and `<na-kansenkaart-legend>`: Dutch (default) and English. */
export const messages = {
  noMap: {
    nl: 'Koppel een kaart via .map of map-target',
    en: 'Connect a map via .map or map-target',
  },
  ...mapTargetMessages,
  noSource: {
    nl: 'Geef de kansenkaart via het attribuut src (een export van natuurlijke-alliantie kansenkaart)',
    en: 'Give the kansenkaart with the src attribute (an export of natuurlijke-alliantie kansenkaart)',
  },
  loading: { nl: 'Kansenkaart laden…', en: 'Loading the kansenkaart…' },
  ready: {
    nl: 'Kansenkaart op de kaart: {count} eenheden.',
    en: 'Kansenkaart on the map: {count} units.',
  },
  error: {
    nl: 'De kansenkaart kon niet worden geladen.',
    en: 'The kansenkaart could not be loaded.',
  },
  hover: { nl: '{state}: {reason}', en: '{state}: {reason}' },
  question: { nl: 'Vraag', en: 'Question' },
  legend: { nl: 'Legenda', en: 'Legend' },
  summary: { nl: 'In beeld (ha)', en: 'In view (ha)' },
  state: { nl: 'Toestand', en: 'State' },
  area: { nl: 'Oppervlakte (ha)', en: 'Area (ha)' },
  download: { nl: 'Download (CSV) van wat in beeld is', en: 'Download (CSV) of what is in view' },
  noLayer: {
    nl: 'Geen kansenkaart-laag gevonden (attribuut for).',
    en: 'No kansenkaart layer found (attribute for).',
  },
} as const;

export type MessageKey = keyof typeof messages;

registerMessages('kansenkaart', messages);
