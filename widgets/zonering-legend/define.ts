/**
 * Registers `<na-zonering-legend>`. Importing this module twice (or next to another copy of the
 * library) warns instead of throwing.
 */
import { NaZoneringLegend } from './zonering-legend.js';

export const ZONERING_LEGEND_TAG = 'na-zonering-legend';

if (customElements.get(ZONERING_LEGEND_TAG)) {
  console.warn(`${ZONERING_LEGEND_TAG} is already defined; this copy was not registered.`);
} else {
  customElements.define(ZONERING_LEGEND_TAG, NaZoneringLegend);
}

declare global {
  interface HTMLElementTagNameMap {
    'na-zonering-legend': NaZoneringLegend;
  }
}
