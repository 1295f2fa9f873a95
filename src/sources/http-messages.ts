/**
 * The texts of failed requests (`http` in a texts file), in a module of their own so that the widgets register them with their first load (a texts file can reword them before the request code loads).
 */
import { registerMessages } from '../core/messages.js';

/**
 * The messages users see when a source fails (`http` in a texts file, so a municipality can
 * reword them): ICU texts, `{name}` is the source's or file's name, `{subject}` what was requested
 * (`source`: a fact source or service, the default; `file`: a file fetched whole, such as a
 * scenario or zonering file, see {@link RequestPolicy.subject}).
 */
export const httpMessages = {
  timeout: {
    nl: '{subject, select, file {Het bestand "{name}" kwam niet binnen} other {De bron "{name}" reageert niet binnen}} {seconds, plural, one {# seconde} other {# seconden}}. Probeer het later opnieuw.',
    en: '{subject, select, file {The file "{name}" did not arrive} other {The source "{name}" did not respond}} within {seconds, plural, one {# second} other {# seconds}}. Please try again later.',
  },
  network: {
    nl: '{subject, select, file {Het bestand "{name}"} other {De bron "{name}"}} is niet bereikbaar. Controleer de internetverbinding of probeer het later opnieuw.',
    en: '{subject, select, file {The file "{name}"} other {The source "{name}"}} cannot be reached. Check the internet connection or try again later.',
  },
  serverFault: {
    nl: '{subject, select, file {De server van het bestand "{name}"} other {De bron "{name}"}} heeft een storing (HTTP {status}). Probeer het later opnieuw.',
    en: '{subject, select, file {The server of the file "{name}"} other {The source "{name}"}} has a fault (HTTP {status}). Please try again later.',
  },
  refused: {
    nl: '{subject, select, file {De server weigert het bestand "{name}" (HTTP {status}). Controleer het adres van het bestand.} other {De bron "{name}" weigert het verzoek (HTTP {status}). Controleer de instellingen van deze bron (adres, laagnaam).}}',
    en: '{subject, select, file {The server refused the file "{name}" (HTTP {status}). Check the address of the file.} other {The source "{name}" refused the request (HTTP {status}). Check the settings of this source (address, layer name).}}',
  },
  htmlResponse: {
    nl: '{subject, select, file {Op het adres van het bestand "{name}" stond een webpagina (HTML) in plaats van het bestand. Controleer het adres van het bestand} other {De bron "{name}" antwoordde met een foutpagina (HTML) in plaats van gegevens. Controleer het adres van de bron}} of probeer het later opnieuw.',
    en: '{subject, select, file {The address of the file "{name}" gave a web page (HTML) instead of the file. Check the address of the file} other {The source "{name}" answered with an error page (HTML) instead of data. Check the address of the source}} or try again later.',
  },
  ogcException: {
    nl: 'De bron "{name}" meldt een fout{hasText, select, yes {: {text}} other {}}. Controleer de instellingen van deze bron (laagnaam, formaat).',
    en: 'The source "{name}" reports an error{hasText, select, yes {: {text}} other {}}. Check the settings of this source (layer name, format).',
  },
  problem: {
    nl: '{subject, select, file {De server van het bestand "{name}"} other {De bron "{name}"}} meldt een fout{hasText, select, yes {: {text}} other {}}.',
    en: '{subject, select, file {The server of the file "{name}"} other {The source "{name}"}} reports an error{hasText, select, yes {: {text}} other {}}.',
  },
  invalidJson: {
    nl: '{subject, select, file {Het bestand "{name}" is onvolledig of onleesbaar aangekomen} other {De bron "{name}" stuurde onvolledige of onleesbare gegevens}}. Probeer het later opnieuw.',
    en: '{subject, select, file {The file "{name}" arrived incomplete or unreadable} other {The source "{name}" sent incomplete or unreadable data}}. Please try again later.',
  },
  invalidResponse: {
    nl: 'De bron "{name}" stuurde gegevens in een onverwachte vorm. Controleer de instellingen van deze bron.',
    en: 'The source "{name}" sent data in an unexpected form. Check the settings of this source.',
  },
  tooLarge: {
    nl: '{subject, select, file {Het bestand "{name}" is groter dan de grens ({limit}); het lezen is gestopt. Maak het bestand kleiner of verhoog de grens.} other {De bron "{name}" stuurde meer gegevens dan de grens ({limit}); het lezen is gestopt. Vraag minder gegevens op of verhoog de grens in het bronnenbestand.}}',
    en: '{subject, select, file {The file "{name}" is larger than the limit ({limit}); reading stopped. Make the file smaller or raise the limit.} other {The source "{name}" sent more data than the limit ({limit}); reading stopped. Request less data or raise the limit in the sources file.}}',
  },
  tooComplex: {
    nl: 'De bron "{name}" stuurde gegevens die te ingewikkeld zijn om veilig te verwerken (grens {limit}).',
    en: 'The source "{name}" sent data too complex to process safely (limit {limit}).',
  },
  wrongContentType: {
    nl: 'De bron "{name}" stuurde geen JSON maar {contentType}. Controleer het gevraagde formaat van deze bron.',
    en: 'The source "{name}" sent {contentType} instead of JSON. Check the requested format of this source.',
  },
  notRaster: {
    nl: 'De bron "{name}" stuurde geen rasterbestand maar {contentType}. Controleer het adres van deze bron.',
    en: 'The source "{name}" sent {contentType} instead of a raster file. Check the address of this source.',
  },
} as const;

registerMessages('http', httpMessages);
