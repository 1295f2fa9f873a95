/**
 * Registers `<na-location-check>` on import. Importing this module twice, or next to another copy of
 * the library, warns instead of throwing (see `defineElement`).
 */
import { defineElement } from '../shared/define.js';
import { NaLocationCheck } from './location-check.js';

export const LOCATION_CHECK_TAG = 'na-location-check';

/**
 * Registers `<na-location-check>` (done on import already). Safe to call again: returns false and, when
 * another copy of the library registered the tag first, warns.
 */
export function defineLocationCheck(): boolean {
  return defineElement(LOCATION_CHECK_TAG, NaLocationCheck);
}

defineLocationCheck();

export {
  NaLocationCheck,
  NaLocationSelectEvent,
  NaReportReadyEvent,
  NaReportErrorEvent,
  DEFAULT_PERMALINK_KEY,
  formatLocationParam,
  parseLocationParam,
  readPermalink,
  writePermalink,
  locationCheckMessages,
  type LocationCheckState,
  type LocationSelectDetail,
  type ReportErrorCode,
  type ReportErrorDetail,
  type Viewer,
} from './index.js';

declare global {
  interface HTMLElementTagNameMap {
    'na-location-check': NaLocationCheck;
  }
}
