/**
 * `<na-zonering-legend>`: legend of the zonering in view, with layer toggle, opacity slider and
 * explanations. Import `./define.js` to register the tag.
 */
export { NaZoneringLegend, type ZoneringLegendState } from './zonering-legend.js';
export { messages as zoneringLegendMessages } from './messages.js';
export {
  zoneringColour,
  zoneringLegend,
  type LegendEntry,
  type LegendExplanation,
  type ZoneringLegend,
} from '../../src/map/zonering-style.js';
