/**
 * Registers `<na-address-search>` on import. Importing this module twice, or next to another copy of
 * the library, warns instead of throwing (see `defineElement`).
 */
import { defineElement } from '../shared/define.js';
import { NaAddressSearch } from './address-search.js';

export const ADDRESS_SEARCH_TAG = 'na-address-search';

/**
 * Registers `<na-address-search>` (done on import already). Safe to call again: returns false and,
 * when another copy of the library registered the tag first, warns.
 */
export function defineAddressSearch(): boolean {
  return defineElement(ADDRESS_SEARCH_TAG, NaAddressSearch);
}

defineAddressSearch();

export {
  NaAddressSearch,
  NaAddressSelectEvent,
  NaAddressErrorEvent,
  addressSearchMessages,
  DEFAULT_LOCATIESERVER_URL,
  type AddressSuggestion,
  type NearestAddress,
  type AddressSelectDetail,
  type AddressErrorCode,
  type AddressErrorDetail,
  type Viewer,
} from './index.js';

declare global {
  interface HTMLElementTagNameMap {
    'na-address-search': NaAddressSearch;
  }
}
