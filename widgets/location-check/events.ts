/**
 * Events of `<na-location-check>`. Each is a typed `CustomEvent` subclass that bubbles, crosses
 * shadow roots (`composed`) and carries plain data only (it survives `structuredClone`).
 */
import type { LocalizedReport } from '../../src/core/localize.js';
import type { Location } from '../../src/core/types.js';

/** Detail of {@link NaLocationSelectEvent}. */
export interface LocationSelectDetail {
  /** The chosen location in the map's CRS. */
  location: Location;
  /** Longitude (EPSG:4326, degrees). */
  lon: number;
  /** Latitude (EPSG:4326, degrees). */
  lat: number;
  /** How the location was chosen (`search`: an address chosen in the panel's address search). */
  origin: 'click' | 'keyboard' | 'permalink' | 'api' | 'search';
}

/** Fired when a location is chosen (click, keyboard check, address search, permalink, or `check()`), before the query. */
export class NaLocationSelectEvent extends CustomEvent<LocationSelectDetail> {
  static readonly eventName = 'na-location-select';
  constructor(detail: LocationSelectDetail) {
    super(NaLocationSelectEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

/** Fired when a report is shown; `detail` is the LocalizedReport in the widget's language. */
export class NaReportReadyEvent extends CustomEvent<LocalizedReport> {
  static readonly eventName = 'na-report-ready';
  constructor(detail: LocalizedReport) {
    super(NaReportReadyEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

/** Stable codes of {@link NaReportErrorEvent}. */
export type ReportErrorCode = 'all-sources-failed' | 'check-failed' | 'config-failed';

/** Detail of {@link NaReportErrorEvent}. */
export interface ReportErrorDetail {
  /** What went wrong, in English (for logs; the panel shows a translated text). */
  message: string;
  code: ReportErrorCode;
}

/** Fired when a check or the loading of the sources file fails as a whole. */
export class NaReportErrorEvent extends CustomEvent<ReportErrorDetail> {
  static readonly eventName = 'na-report-error';
  constructor(detail: ReportErrorDetail) {
    super(NaReportErrorEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'na-location-select': NaLocationSelectEvent;
    'na-report-ready': NaReportReadyEvent;
    'na-report-error': NaReportErrorEvent;
  }
}
