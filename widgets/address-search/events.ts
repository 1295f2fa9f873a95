/**
 * Events of `<na-address-search>`. Each is a typed `CustomEvent` subclass that bubbles, crosses
 * shadow roots (`composed`) and carries plain data only (it survives `structuredClone`).
 */

/** Detail of {@link NaAddressSelectEvent}: the chosen object, as plain data. */
export interface AddressSelectDetail {
  /** Locatieserver id (e.g. `adr-…`, `weg-…`, `wpl-…`); stable enough to store. */
  id: string;
  /** Display name (`weergavenaam`), e.g. `Dorpsstraat 12, 1234AB Voorbeeldstad`. */
  label: string;
  /** Locatieserver type: `adres`, `weg`, `postcode`, `woonplaats`, `gemeente`, … */
  type: string;
  /** Centroid in RD New (EPSG:28992, metres), from `centroide_rd`. */
  location: { x: number; y: number; crs: 'EPSG:28992' };
  /** Longitude of the centroid (EPSG:4326, degrees), from `centroide_ll`. */
  lon: number;
  /** Latitude of the centroid (EPSG:4326, degrees), from `centroide_ll`. */
  lat: number;
}

/** Fired when a suggestion was chosen and looked up (after the map moved there). */
export class NaAddressSelectEvent extends CustomEvent<AddressSelectDetail> {
  static readonly eventName = 'na-address-select';
  constructor(detail: AddressSelectDetail) {
    super(NaAddressSelectEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

/** Stable codes of {@link NaAddressErrorEvent}. */
export type AddressErrorCode = 'suggest-failed' | 'lookup-failed' | 'not-found' | 'reverse-failed';

/** Detail of {@link NaAddressErrorEvent}. */
export interface AddressErrorDetail {
  code: AddressErrorCode;
  /** What went wrong, in English (for logs; the element shows a translated text). */
  message: string;
}

/** Fired when a request to the Locatieserver fails (the element stays usable). */
export class NaAddressErrorEvent extends CustomEvent<AddressErrorDetail> {
  static readonly eventName = 'na-address-error';
  constructor(detail: AddressErrorDetail) {
    super(NaAddressErrorEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'na-address-select': NaAddressSelectEvent;
    'na-address-error': NaAddressErrorEvent;
  }
}
