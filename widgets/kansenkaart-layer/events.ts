/** The events of `<na-kansenkaart-layer>`. */
import type { Action } from '../../src/core/types.js';
import type { KansenUnitInfo } from '../../src/map/kansenkaart-layer.js';
import type { FailedSource } from '../../src/sources/kansenkaart.js';

/** `detail` of `na-kansenkaart-change`. */
export interface KansenkaartChangeDetail {
  action: Action;
  loaded: boolean;
  /**
   * Sources whose area could not be read in the last computation (their facts are missing on the
   * map): id, title, error code, the reason and the facts lost. Empty for an export (`src`).
   */
  failedSources: FailedSource[];
}

/** `na-kansenkaart-select`: a unit was clicked (`detail`: the unit, its state and the point in RD). */
export class NaKansenkaartSelectEvent extends CustomEvent<KansenUnitInfo> {
  static readonly eventName = 'na-kansenkaart-select';
  constructor(detail: KansenUnitInfo) {
    super(NaKansenkaartSelectEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

/**
 * `na-kansenkaart-change`: loaded (with the sources that failed, if any), the action changed, or
 * the view moved.
 */
export class NaKansenkaartChangeEvent extends CustomEvent<KansenkaartChangeDetail> {
  static readonly eventName = 'na-kansenkaart-change';
  constructor(detail: KansenkaartChangeDetail) {
    super(NaKansenkaartChangeEvent.eventName, { detail, bubbles: true, composed: true });
  }
}
