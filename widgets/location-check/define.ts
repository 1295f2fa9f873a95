/**
 * Registers `<na-location-check>`. Importing this module twice (or next to another copy of the
 * library) warns instead of throwing.
 */
import { NaLocationCheck } from './location-check.js';

export const LOCATION_CHECK_TAG = 'na-location-check';

if (customElements.get(LOCATION_CHECK_TAG)) {
  console.warn(`${LOCATION_CHECK_TAG} is already defined; this copy was not registered.`);
} else {
  customElements.define(LOCATION_CHECK_TAG, NaLocationCheck);
}

declare global {
  interface HTMLElementTagNameMap {
    'na-location-check': NaLocationCheck;
  }
}
