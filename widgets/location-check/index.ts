/**
 * `<na-location-check>`: click on the map, see the landscape and the principles that fit there.
 * Import `./define.js` to register the tag.
 */
export { NaLocationCheck, type LocationCheckState } from './location-check.js';
export {
  NaLocationSelectEvent,
  NaReportReadyEvent,
  NaReportErrorEvent,
  type LocationSelectDetail,
  type ReportErrorCode,
  type ReportErrorDetail,
} from './events.js';
export {
  DEFAULT_PERMALINK_KEY,
  formatLocationParam,
  parseLocationParam,
  readPermalink,
  writePermalink,
} from './permalink.js';
export { messages as locationCheckMessages } from './messages.js';
export type { Viewer } from '../../src/map/viewer.js';
