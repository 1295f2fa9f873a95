/** Registers `<na-kansenkaart-legend>` on import (twice: warns instead of throwing). */
import { defineElement } from '../shared/define.js';
import { NaKansenkaartLegend } from './kansenkaart-legend.js';

export const KANSENKAART_LEGEND_TAG = 'na-kansenkaart-legend';

export function defineKansenkaartLegend(): boolean {
  return defineElement(KANSENKAART_LEGEND_TAG, NaKansenkaartLegend);
}

defineKansenkaartLegend();

export { NaKansenkaartLegend } from './kansenkaart-legend.js';

declare global {
  interface HTMLElementTagNameMap {
    'na-kansenkaart-legend': NaKansenkaartLegend;
  }
}
