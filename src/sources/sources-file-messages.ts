/**
 * The texts of a failed sources file (`sources-file` in a texts file), in a module of their own so that the widgets register them with their first load (the sources-file module loads on demand).
 */
import { registerMessages } from '../core/messages.js';

/** Messages about loading the sources file and its data files (`sources-file` in a texts file). */
export const sourcesFileMessages = {
  listNotFound: {
    nl: 'Het bestand {file} is niet gevonden (HTTP {status}). Controleer het adres in het attribuut sources.',
    en: 'The file {file} was not found (HTTP {status}). Check the address in the sources attribute.',
  },
  listHttp: {
    nl: 'De server antwoordde met HTTP {status} op het bestand {file}. Probeer het later opnieuw.',
    en: 'The server answered HTTP {status} for the file {file}. Please try again later.',
  },
  listUnreachable: {
    nl: 'Het bestand {file} kon niet worden opgehaald. Controleer de internetverbinding en het adres in het attribuut sources.',
    en: 'The file {file} could not be fetched. Check the internet connection and the address in the sources attribute.',
  },
  listSyntax: {
    nl: 'Het bestand {file} is geen geldige JSON (regel {line}, kolom {column}). De beheerder van de kaart kan dit herstellen met de technische melding hieronder.',
    en: 'The file {file} is not valid JSON (line {line}, column {column}). The map administrator can fix this with the technical message below.',
  },
  listInvalid: {
    nl: 'Het bestand {file} bevat {count, plural, one {een fout} other {# fouten}}. De beheerder van de kaart kan dit herstellen met de technische melding hieronder.',
    en: 'The file {file} contains {count, plural, one {an error} other {# errors}}. The map administrator can fix this with the technical message below.',
  },
  listFailed: {
    nl: 'Het bestand {file} kon niet worden gelezen.',
    en: 'The file {file} could not be read.',
  },
  dataNotFound: {
    nl: 'De lijst met bronnen is geladen, maar het gegevensbestand {file} is niet gevonden (HTTP {status}). Controleer het pad in de lijst met bronnen.',
    en: 'The list of sources loaded, but the data file {file} was not found (HTTP {status}). Check its path in the list of sources.',
  },
  dataFailed: {
    nl: 'De lijst met bronnen is geladen, maar het gegevensbestand {file} kon niet worden geladen of gelezen.',
    en: 'The list of sources loaded, but the data file {file} could not be loaded or read.',
  },
} as const;

registerMessages('sources-file', sourcesFileMessages);
