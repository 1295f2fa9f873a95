/**
 * The default address of PDOK's Locatieserver, in a module of its own: a widget can name it
 * without loading the client (see widgets/address-search/service.ts).
 */

/** PDOK's Locatieserver v3_1 base URL. */
export const DEFAULT_LOCATIESERVER_URL = 'https://api.pdok.nl/bzk/locatieserver/search/v3_1/';
