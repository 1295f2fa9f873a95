import { registerMessages } from '../shared/lang.js';
/**
 * Interface texts of `<na-zonering-legend>`: Dutch (B1, default) and English.
 * Zone and type names and explanations come from the knowledge base.
 */
export const messages = {
  title: { nl: 'Legenda zonering', en: 'Zoning legend' },
  noLayer: {
    nl: 'Koppel een zoneringlaag via .layer (of het attribuut for) en een kaart via .map.',
    en: 'Connect a zoning layer via .layer (or the for attribute) and a map via .map.',
  },
  noMap: {
    nl: 'Koppel een kaart via .map (aan de legenda of aan de zoneringlaag).',
    en: 'Connect a map via .map (on the legend or on the zoning layer).',
  },
  loading: { nl: 'Zonering laden…', en: 'Loading the zoning…' },
  error: { nl: 'De zonering kon niet worden geladen.', en: 'The zoning could not be loaded.' },
  show: { nl: 'Zonering tonen', en: 'Show zoning' },
  opacity: { nl: 'Dekking', en: 'Opacity' },
  percent: { nl: '{value}%', en: '{value}%' },
  emptyView: {
    nl: 'Geen zonering in beeld. Verschuif de kaart of zoom uit.',
    en: 'No zoning in view. Move the map or zoom out.',
  },
  scaleTypes: {
    nl: 'Schaal regio/stad: kleuren per landschapstype.',
    en: 'Region/city scale: colours by landscape type.',
  },
  scaleZonesDistrict: {
    nl: 'Schaal wijk/dorp: kleuren per zone, per landschapstype.',
    en: 'District/village scale: colours by zone, grouped by landscape type.',
  },
  scaleZonesStreet: {
    nl: 'Schaal straat: kleuren per zone, per landschapstype.',
    en: 'Street scale: colours by zone, grouped by landscape type.',
  },
  explain: { nl: 'Uitleg', en: 'Explain' },
  explainAbout: { nl: 'over {name}', en: '{name}' },
  soil: { nl: 'Bodem', en: 'Soil' },
  water: { nl: 'Water', en: 'Water' },
  relief: { nl: 'Reliëf', en: 'Relief' },
  zonesInView: { nl: 'Zones in beeld', en: 'Zones in view' },
  unknown: { nl: 'Onbekende code: {codes}', en: 'Unknown code: {codes}' },
  describe: { nl: 'Beschrijving van de kaart', en: 'Description of the map' },
  whereSeparator: { nl: ', ', en: ', ' },
  zoomIn: {
    nl: 'Zoom in om de zonering te zien.',
    en: 'Zoom in to see the zoning.',
  },
  hiddenNote: {
    nl: 'De zonering staat uit; de legenda toont wat in beeld is.',
    en: 'The zoning is switched off; the legend shows what is in view.',
  },
} as const;

export type MessageKey = keyof typeof messages;

registerMessages('zonering-legend', messages);
