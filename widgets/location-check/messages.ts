import { registerMessages } from '../shared/lang.js';
import { mapTargetMessages } from '../shared/map-target-messages.js';
/**
 * Interface texts of `<na-location-check>`: Dutch (B1, default) and English.
 * Domain texts (zones, principles, reasons) come translated from the core (LocalizedReport).
 */
export const messages = {
  title: { nl: 'Wat past hier?', en: 'What fits here?' },
  intro: {
    nl: 'Klik op de kaart. U ziet dan welk landschap daar ligt en wat daar past.',
    en: 'Click on the map. You will see the landscape there and what fits it.',
  },
  noMap: {
    nl: 'Er is nog geen kaart gekoppeld. Geef dit onderdeel een kaart (eigenschap map of viewer).',
    en: 'No map is connected yet. Give this element a map (property map or viewer).',
  },
  ...mapTargetMessages,
  noSources: {
    nl: 'Er zijn nog geen gegevensbronnen gekoppeld. Geef dit onderdeel bronnen (attribuut sources of eigenschap sources).',
    en: 'No data sources are connected yet. Give this element sources (attribute sources or property sources).',
  },
  loadingSources: { nl: 'Bronnen laden…', en: 'Loading sources…' },
  loading: { nl: 'Gegevens ophalen voor deze plek…', en: 'Fetching data for this place…' },
  keyboardToggle: {
    nl: 'Toetsenbord: controleer het midden van de kaart',
    en: 'Keyboard: check the centre of the map',
  },
  keyboardPad: { nl: 'Kaart verschuiven', en: 'Move the map' },
  keyboardHelp: {
    nl: 'Verschuif de kaart met de pijltjestoetsen. Het kruis staat in het midden. Druk op Enter om die plek te controleren. Escape stopt.',
    en: 'Move the map with the arrow keys. The cross marks the centre. Press Enter to check that place. Escape stops.',
  },
  checkCenter: { nl: 'Controleer het midden', en: 'Check the centre' },
  reportHeading: { nl: 'Deze plek', en: 'This place' },
  coordinates: { nl: 'Coördinaten', en: 'Coordinates' },
  address: { nl: 'Adres: {label}', en: 'Address: {label}' },
  nearestAddress: { nl: 'Dichtstbijzijnde adres: {label}', en: 'Nearest address: {label}' },
  addressDistance: { nl: '(op {distance} m)', en: '({distance} m away)' },
  illustrative: {
    nl: 'Let op: dit zijn voorbeeldgegevens. Ze beschrijven geen echte plek.',
    en: 'Note: this is example data. It does not describe a real place.',
  },
  partial: {
    nl: 'Niet alle bronnen gaven antwoord. Wat hieronder staat, is dus niet compleet.',
    en: 'Not all sources answered. What follows is therefore incomplete.',
  },
  landscapeHeading: { nl: 'Landschap', en: 'Landscape' },
  landscapeType: { nl: 'Landschapstype', en: 'Landscape type' },
  zone: { nl: 'Zone', en: 'Zone' },
  factsHeading: { nl: 'Bodem, water en hoogte', en: 'Soil, water and elevation' },
  texture: { nl: 'grondsoort', en: 'texture' },
  textureFromZone: {
    nl: 'typisch voor deze zone; de bodemkaart heeft hier geen gegevens',
    en: 'typical of this zone; the soil map has no data here',
  },
  ghg: { nl: 'GHG (hoogste grondwaterstand)', en: 'MHW (mean highest groundwater)' },
  glg: { nl: 'GLG (laagste grondwaterstand)', en: 'MLW (mean lowest groundwater)' },
  cmBelow: { nl: '{range} cm onder maaiveld', en: '{range} cm below the surface' },
  deeperThan: { nl: 'dieper dan {min}', en: 'deeper than {min}' },
  shallowerThan: { nl: 'minder dan {max}', en: 'less than {max}' },
  source: { nl: 'Bron', en: 'Source' },
  version: { nl: 'versie', en: 'version' },
  principlesHeading: { nl: 'Wat past hier', en: 'What fits here' },
  noPrinciples: {
    nl: 'Voor deze plek zijn geen principes gevonden.',
    en: 'No principles were found for this place.',
  },
  whyHere: { nl: 'Waarom hier?', en: 'Why here?' },
  example: { nl: 'Voorbeeld', en: 'Example' },
  discouragedHeading: { nl: 'Liever niet', en: 'Better not' },
  missingHeading: { nl: 'Wat ontbreekt', en: 'What is missing' },
  missingPrinciples: {
    nl: 'Principes die we niet kunnen beoordelen, omdat gegevens ontbreken ({count})',
    en: 'Principles we cannot assess because data is missing ({count})',
  },
  needs: { nl: 'nodig: {needs}', en: 'needs: {needs}' },
  conflictsHeading: { nl: 'Bronnen spreken elkaar tegen', en: 'Sources disagree' },
  factError: {
    nl: 'deze waarde kent de kennisbank niet; dit gegeven telt daarom niet mee.',
    en: 'the knowledge base does not know this value, so this fact is left out.',
  },
  sourcesHeading: { nl: 'Bronnen', en: 'Sources' },
  statusOk: { nl: 'ok', en: 'ok' },
  statusNoData: { nl: 'geen gegevens', en: 'no data' },
  statusError: { nl: 'fout', en: 'error' },
  knowledgeBase: { nl: 'Kennisbank Natuurlijke Alliantie', en: 'Natural Alliance knowledge base' },
  print: { nl: 'Afdrukken', en: 'Print' },
  download: { nl: 'Download als JSON', en: 'Download as JSON' },
  mapImage: { nl: 'Kaart van de gecontroleerde plek', en: 'Map of the checked place' },
  outside: {
    nl: 'Deze plek ligt buiten het gebied waarvan we gegevens hebben. Klik op een plek binnen het gebied.',
    en: 'This place lies outside the area we have data for. Click on a place inside the area.',
  },
  noData: {
    nl: 'Voor deze plek hebben we geen gegevens over het landschap.',
    en: 'We have no landscape data for this place.',
  },
  error: {
    nl: 'Het lukte niet om deze plek te controleren. Probeer het later opnieuw.',
    en: 'This place could not be checked. Please try again later.',
  },
  configError: {
    nl: 'De lijst met bronnen kon niet worden geladen.',
    en: 'The list of sources could not be loaded.',
  },
  details: { nl: 'Details', en: 'Details' },
  dataError: {
    nl: 'Een gegevensbestand kon niet worden geladen.',
    en: 'A data file could not be loaded.',
  },
  technicalDetail: {
    nl: 'Technische melding (voor de beheerder van de kaart)',
    en: 'Technical message (for the map administrator)',
  },
  summary: {
    nl: '{zone}: {count, plural, one {# principe} other {# principes}}.',
    en: '{zone}: {count, plural, one {# principle} other {# principles}}.',
  },
  summaryNoZone: { nl: 'Geen zone bekend', en: 'No zone known' },
  summaryNoData: { nl: 'Geen gegevens voor deze plek.', en: 'No data for this place.' },
  summaryError: { nl: 'Controle mislukt.', en: 'Check failed.' },
  summaryPartial: { nl: 'Niet alle bronnen gaven antwoord.', en: 'Not all sources answered.' },
  'scale.regio/stad': { nl: 'Regio en stad', en: 'Region and city' },
  'scale.wijk/dorp': { nl: 'Wijk en dorp', en: 'District and village' },
  'scale.straat': { nl: 'Straat', en: 'Street' },
  'scale.perceel/tuin': {
    nl: 'Wat u zelf kunt doen: huis en tuin',
    en: 'What you can do yourself: house and garden',
  },
  answerHeading: { nl: 'In het kort', en: 'In short' },
  answerWhy: { nl: 'Waarom?', en: 'Why?' },
  answerConfidence: { nl: 'Zekerheid: {level}', en: 'Certainty: {level}' },
  answerBasedOn: { nl: 'Gebaseerd op: {facts}', en: 'Based on: {facts}' },
  answerMissing: { nl: 'Ontbreekt: {facts}', en: 'Missing: {facts}' },
  municipalityHeading: { nl: 'Wat de gemeente hier doet', en: 'What the municipality does here' },
  missingOneLine: {
    nl: 'Voor {count} adviezen ontbreken gegevens: {facts}.',
    en: 'For {count} pieces of advice data is missing: {facts}.',
  },
  missingDetails: { nl: 'Welke adviezen?', en: 'Which advice?' },
  linksLabel: { nl: 'Meer informatie van de gemeente', en: 'More from the municipality' },
  'key.landscapeType': { nl: 'Landschapstype', en: 'Landscape type' },
  'key.zone': { nl: 'Zone', en: 'Zone' },
  'key.texture': { nl: 'Grondsoort', en: 'Soil texture' },
  'key.gt': { nl: 'Grondwatertrap', en: 'Groundwater class' },
  'key.seepage': { nl: 'Kwel of wegzijging', en: 'Seepage' },
  'key.position': { nl: 'Ligging', en: 'Position' },
  'key.heat': { nl: 'Hitte', en: 'Heat' },
  'key.flood': { nl: 'Wateroverlast', en: 'Flooding' },
  'key.elevation': { nl: 'Hoogte', en: 'Elevation' },
} as const satisfies Record<string, { nl: string; en: string }>;

export type MessageKey = keyof typeof messages;

registerMessages('location-check', messages);
