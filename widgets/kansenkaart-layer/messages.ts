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
    nl: 'Geef een bronnenbestand (attribuut sources) of een export van natuurlijke-alliantie kansenkaart (attribuut src)',
    en: 'Give a sources file (attribute sources) or an export of natuurlijke-alliantie kansenkaart (attribute src)',
  },
  loading: { nl: 'Kansenkaart laden…', en: 'Loading the kansenkaart…' },
  computing: {
    nl: 'Kansenkaart berekenen: {percent}%',
    en: 'Computing the kansenkaart: {percent}%',
  },
  empty: {
    nl: 'Hier zijn geen gegevens voor de kansenkaart. Verschuif de kaart naar het gebied van de bronnen.',
    en: 'There is no data for the kansenkaart here. Move the map to the area of the sources.',
  },
  tooLarge: {
    nl: 'Het gebied is te groot om hier te berekenen. Zoom in.',
    en: 'The area is too large to compute here. Zoom in.',
  },
  aborted: {
    nl: 'De berekening van de kansenkaart is afgebroken.',
    en: 'The computation of the kansenkaart was stopped.',
  },
  noUnit: {
    nl: 'Geen kansenkaart in het midden van de kaart.',
    en: 'No kansenkaart at the centre of the map.',
  },
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
  downloadGeoJson: {
    nl: 'Download de vlakken in beeld (GeoJSON, voor QGIS)',
    en: 'Download the units in view (GeoJSON, for QGIS)',
  },
  downloadSummary: {
    nl: 'Download de samenvatting (CSV)',
    en: 'Download the summary (CSV)',
  },
  readyFailed: {
    nl: 'Kansenkaart op de kaart: {count} eenheden. Niet gelezen: {names}.',
    en: 'Kansenkaart on the map: {count} units. Not read: {names}.',
  },
  failedHeading: {
    nl: 'Let op: bronnen die niet konden worden gelezen',
    en: 'Note: sources that could not be read',
  },
  failedSource: {
    nl: '{name}: {reason} Zonder deze bron ontbreken {facts}; acties die deze gegevens nodig hebben staan op de kaart als "Hangt af van ontbrekende gegevens".',
    en: '{name}: {reason} Without this source {facts} are missing; actions that need this data show on the map as "Depends on missing data".',
  },
  failedNoFacts: { nl: 'de gegevens van deze bron', en: 'the data of this source' },
  noLayer: {
    nl: 'Geen kansenkaart-laag gevonden (attribuut for).',
    en: 'No kansenkaart layer found (attribute for).',
  },
  legendLoading: { nl: 'Legenda laden…', en: 'Loading the legend…' },
} as const;

export type MessageKey = keyof typeof messages;

registerMessages('kansenkaart', messages);
