/**
 * The texts of a source that failed in a kansenkaart (`kansenkaart-sources` in a texts file), in a
 * module of their own so that a texts file can reword them: `{name}` the source, `{reason}` the
 * source's own message (what went wrong), `{facts}` the facts it would have given.
 */
import { registerMessages } from '../core/messages.js';

/** Messages about a source whose area could not be read for the kansenkaart. */
export const kansenkaartSourceMessages = {
  failed: {
    nl: 'Bron "{name}" kon niet worden gelezen: {reason} Op de kaart ontbreken daarom de gegevens van deze bron ({facts}).',
    en: 'Source "{name}" could not be read: {reason} The map therefore lacks the data of this source ({facts}).',
  },
  failedHeading: {
    nl: 'Bronnen die niet konden worden gelezen',
    en: 'Sources that could not be read',
  },
  unreadable: {
    nl: 'De gegevens van "{name}" zijn niet te lezen.',
    en: 'The data of "{name}" cannot be read.',
  },
} as const;

registerMessages('kansenkaart-sources', kansenkaartSourceMessages);
