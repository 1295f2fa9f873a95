/**
 * Events of `<na-zonering-layer>`. Each is a typed `CustomEvent` subclass that bubbles, crosses
 * shadow roots (`composed`) and carries plain data only (it survives `structuredClone`).
 */

/** Detail of {@link NaZoneHoverEvent}. */
export interface ZoneHoverDetail {
  /** BKNSN zone code under the pointer (or at the centre of the focused map), or null for none. */
  code: string | null;
  /** The zone's name in the element's language, or null. */
  name: string | null;
  /** `pointer` (mouse hover) or `keyboard` (map focused: the zone at the map centre). */
  via: 'pointer' | 'keyboard';
}

/** Fired when the hovered zone changes (not on every pointer move). */
export class NaZoneHoverEvent extends CustomEvent<ZoneHoverDetail> {
  static readonly eventName = 'na-zone-hover';
  constructor(detail: ZoneHoverDetail) {
    super(NaZoneHoverEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

/** Detail of {@link NaZoneringChangeEvent}: the element's state after the change. */
export interface ZoneringChangeDetail {
  /** True while the layer is on a map. */
  attached: boolean;
  /** True once the polygons are loaded. */
  loaded: boolean;
  /** Number of polygons loaded (0 before). */
  featureCount: number;
  visible: boolean;
  /** Opacity 0–1. */
  opacity: number;
}

/**
 * Fired when the layer is added to or removed from a map, finishes loading, or its visibility or
 * opacity changes. A legend listens to it.
 */
export class NaZoneringChangeEvent extends CustomEvent<ZoneringChangeDetail> {
  static readonly eventName = 'na-zonering-change';
  constructor(detail: ZoneringChangeDetail) {
    super(NaZoneringChangeEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

/** Stable codes of {@link NaZoneringErrorEvent}. */
export type ZoneringErrorCode = 'fetch-failed' | 'invalid-data' | 'load-failed';

/** Detail of {@link NaZoneringErrorEvent}. */
export interface ZoneringErrorDetail {
  code: ZoneringErrorCode;
  /** What went wrong, in English (for logs; the element shows a translated text). */
  message: string;
}

/** Fired when the zonering cannot be loaded (fetch, invalid GeoJSON, or the source failed). */
export class NaZoneringErrorEvent extends CustomEvent<ZoneringErrorDetail> {
  static readonly eventName = 'na-zonering-error';
  constructor(detail: ZoneringErrorDetail) {
    super(NaZoneringErrorEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'na-zone-hover': NaZoneHoverEvent;
    'na-zonering-change': NaZoneringChangeEvent;
    'na-zonering-error': NaZoneringErrorEvent;
  }
}
