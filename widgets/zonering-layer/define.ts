/**
 * Registers `<na-zonering-layer>`. Importing this module twice (or next to another copy of the
 * library) warns instead of throwing.
 */
import { NaZoneringLayer } from './zonering-layer.js';

export const ZONERING_LAYER_TAG = 'na-zonering-layer';

if (customElements.get(ZONERING_LAYER_TAG)) {
  console.warn(`${ZONERING_LAYER_TAG} is already defined; this copy was not registered.`);
} else {
  customElements.define(ZONERING_LAYER_TAG, NaZoneringLayer);
}

declare global {
  interface HTMLElementTagNameMap {
    'na-zonering-layer': NaZoneringLayer;
  }
}
