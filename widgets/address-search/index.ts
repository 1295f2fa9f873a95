/**
 * `<na-address-search>`: search an address or place with PDOK Locatieserver and move the map there.
 * Import `./define.js` to register the tag.
 */
export { NaAddressSearch, type AddressSuggestion, type NearestAddress } from './address-search.js';
export {
  NaAddressSelectEvent,
  NaAddressErrorEvent,
  type AddressSelectDetail,
  type AddressErrorCode,
  type AddressErrorDetail,
} from './events.js';
export { messages as addressSearchMessages } from './messages.js';
export { DEFAULT_LOCATIESERVER_URL } from '../../src/sources/locatieserver-url.js';
export type { Viewer } from '../../src/map/viewer.js';
