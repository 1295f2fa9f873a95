/**
 * Registers `<na-zonering-legend>` on import. Importing this module twice, or next to another copy of
 * the library, warns instead of throwing (see `defineElement`).
 */
import { defineElement } from '../shared/define.js';
import { NaZoneringLegend } from './zonering-legend.js';

export const ZONERING_LEGEND_TAG = 'na-zonering-legend';

/**
 * Registers `<na-zonering-legend>` (done on import already). Safe to call again: returns false and, when
 * another copy of the library registered the tag first, warns.
 */
export function defineZoneringLegend(): boolean {
  return defineElement(ZONERING_LEGEND_TAG, NaZoneringLegend);
}

defineZoneringLegend();

export {
  NaZoneringLegend,
  zoneringLegendMessages,
  zoneringColour,
  zoneringLegend,
  type ZoneringLegendState,
  type LegendEntry,
  type LegendExplanation,
  type ZoneringLegend,
} from './index.js';

declare global {
  interface HTMLElementTagNameMap {
    'na-zonering-legend': NaZoneringLegend;
  }
}
