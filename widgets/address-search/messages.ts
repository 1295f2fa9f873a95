import { registerMessages } from '../shared/lang.js';
/**
 * Interface texts of `<na-address-search>`: Dutch (B1, default) and English.
 * Error texts of the service come from the client (`SourceRequestError.userMessage`) when it has one.
 */
export const messages = {
  label: { nl: 'Zoek een adres of plaats', en: 'Search for an address or place' },
  placeholder: {
    nl: 'Bijvoorbeeld Dorpsstraat 12, Lopik',
    en: 'For example Dorpsstraat 12, Lopik',
  },
  listLabel: { nl: 'Suggesties', en: 'Suggestions' },
  hint: {
    nl: 'Typ een adres, straat, postcode of plaats. Kies een suggestie met de pijltjestoetsen en Enter.',
    en: 'Type an address, street, postcode or place. Choose a suggestion with the arrow keys and Enter.',
  },
  clear: { nl: 'Zoekveld leegmaken', en: 'Clear the search field' },
  searching: { nl: 'Zoeken…', en: 'Searching…' },
  count: {
    nl: '{count, plural, one {# suggestie} other {# suggesties}}',
    en: '{count, plural, one {# suggestion} other {# suggestions}}',
  },
  noResults: { nl: 'Geen resultaten', en: 'No results' },
  selected: { nl: 'Gekozen: {label}', en: 'Selected: {label}' },
  suggestError: {
    nl: 'Zoeken lukt nu niet. Probeer het later opnieuw.',
    en: 'Searching does not work right now. Please try again later.',
  },
  lookupError: {
    nl: 'Deze plek kon niet worden opgehaald. Probeer het opnieuw.',
    en: 'This place could not be retrieved. Please try again.',
  },
  notFound: {
    nl: 'Deze plek is niet (meer) te vinden.',
    en: 'This place can no longer be found.',
  },
  nearest: { nl: 'Dichtstbijzijnde adres: {label}', en: 'Nearest address: {label}' },
  nearestLoading: { nl: 'Adres zoeken…', en: 'Looking up the address…' },
  nearestNone: { nl: 'Geen adres in de buurt gevonden.', en: 'No address found nearby.' },
  nearestError: {
    nl: 'Het adres van deze plek kon niet worden opgehaald.',
    en: 'The address of this place could not be retrieved.',
  },
  distance: { nl: '(op {distance} m)', en: '({distance} m away)' },
  'type.adres': { nl: 'adres', en: 'address' },
  'type.weg': { nl: 'straat', en: 'street' },
  'type.postcode': { nl: 'postcode', en: 'postcode' },
  'type.woonplaats': { nl: 'plaats', en: 'place' },
  'type.gemeente': { nl: 'gemeente', en: 'municipality' },
  'type.provincie': { nl: 'provincie', en: 'province' },
  'type.buurt': { nl: 'buurt', en: 'neighbourhood' },
  'type.wijk': { nl: 'wijk', en: 'district' },
  'type.waterschap': { nl: 'waterschap', en: 'water board' },
  'type.hectometerpaal': { nl: 'hectometerpaal', en: 'hectometre post' },
  'type.perceel': { nl: 'perceel', en: 'parcel' },
  'type.appartementsrecht': { nl: 'appartementsrecht', en: 'apartment right' },
} as const satisfies Record<string, { nl: string; en: string }>;

export type MessageKey = keyof typeof messages;

registerMessages('address-search', messages);
