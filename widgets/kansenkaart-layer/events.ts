/** The events of `<na-kansenkaart-layer>`. */
import type { Action } from '../../src/core/types.js';
import type { KansenUnitInfo } from '../../src/map/kansenkaart-layer.js';

/** `na-kansenkaart-select`: a unit was clicked (`detail`: the unit, its state and the point in RD). */
export class NaKansenkaartSelectEvent extends CustomEvent<KansenUnitInfo> {
  static readonly eventName = 'na-kansenkaart-select';
  constructor(detail: KansenUnitInfo) {
    super(NaKansenkaartSelectEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

/** `na-kansenkaart-change`: loaded, the action changed, or the view moved. */
export class NaKansenkaartChangeEvent extends CustomEvent<{ action: Action; loaded: boolean }> {
  static readonly eventName = 'na-kansenkaart-change';
  constructor(detail: { action: Action; loaded: boolean }) {
    super(NaKansenkaartChangeEvent.eventName, { detail, bubbles: true, composed: true });
  }
}
