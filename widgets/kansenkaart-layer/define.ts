/** Registers `<na-kansenkaart-layer>` on import (twice: warns instead of throwing). */
import { defineElement } from '../shared/define.js';
import { NaKansenkaartLayer } from './kansenkaart-layer.js';

export const KANSENKAART_LAYER_TAG = 'na-kansenkaart-layer';

export function defineKansenkaartLayer(): boolean {
  return defineElement(KANSENKAART_LAYER_TAG, NaKansenkaartLayer);
}

defineKansenkaartLayer();

export {
  NaKansenkaartSelectEvent,
  NaKansenkaartChangeEvent,
  NaKansenkaartLayer,
  type KansenkaartLayerState,
  type KansenkaartChangeDetail,
  type FailedSource,
} from './kansenkaart-layer.js';

declare global {
  interface HTMLElementTagNameMap {
    'na-kansenkaart-layer': NaKansenkaartLayer;
  }
}
