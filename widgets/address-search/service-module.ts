/**
 * The Locatieserver client of `<na-address-search>` (requests, answers, reprojection of answers),
 * loaded with a dynamic `import()` on the first search, lookup or reverse lookup: the element
 * renders without it, and so does `<na-location-check>`, which shows an address search.
 */
export {
  createLocatieserverClient,
  DEFAULT_LOCATIESERVER_URL,
  parseHighlight,
} from '../../src/sources/locatieserver.js';
export { SourceRequestError } from '../../src/sources/http.js';
