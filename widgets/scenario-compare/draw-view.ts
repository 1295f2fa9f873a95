/**
 * The drawing section of `<na-scenario-compare>`: name, measure type and the buttons to draw a new
 * scenario on the map (with the keyboard too: add the map centre as a point).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { MEASURE_TYPES, type MeasureType } from '../../src/core/scenario/measure-types.js';
import type { MapController } from './map-controller.js';
import type { CompareView } from './view.js';

/** What the drawing section shows and does. */
export interface DrawState {
  hasMap: boolean;
  name: string;
  map: MapController;
  onName: (name: string) => void;
  onAdd: () => void;
}

/** The drawing section. */
export function drawView(v: CompareView, s: DrawState): TemplateResult {
  const m = s.map;
  const tool = () => m.drawingTool;
  return html`<fieldset part="draw">
    <legend>${v.t('drawTitle')}</legend>
    ${s.hasMap ? nothing : html`<p>${v.t('drawNoMap')}</p>`}
    <div class="row">
      <label
        >${v.t('drawName')}
        <input
          type="text"
          part="draw-name"
          .value=${s.name}
          placeholder=${v.t('drawNameDefault')}
          @input=${(e: Event) => s.onName((e.target as HTMLInputElement).value)}
      /></label>
      <label
        >${v.t('drawType')}
        <select
          part="draw-type"
          @change=${(e: Event) => m.setDrawType((e.target as HTMLSelectElement).value as MeasureType)}
        >
          ${MEASURE_TYPES.map(
            (t) =>
              html`<option value=${t} ?selected=${t === m.drawType}>${v.typeLabel(t)}</option>`,
          )}
        </select></label
      >
    </div>
    <div class="row">
      ${
        m.drawing
          ? html`<button type="button" part="draw-stop" @click=${() => m.stopDrawing()}>
                ${v.t('drawStop')}
              </button>
              <button type="button" part="draw-append" @click=${() => tool()?.appendCentre()}>
                ${v.t('drawAppend')}
              </button>
              <button type="button" part="draw-finish" @click=${() => tool()?.finishSketch()}>
                ${v.t('drawFinish')}
              </button>
              <button type="button" part="draw-abort" @click=${() => tool()?.abortSketch()}>
                ${v.t('drawAbort')}
              </button>`
          : html`<button
              type="button"
              part="draw-start"
              ?disabled=${!s.hasMap}
              @click=${() => m.startDrawing()}
            >
              ${v.t('drawStart')}
            </button>`
      }
      <button
        type="button"
        part="draw-undo"
        ?disabled=${m.drawCount === 0}
        @click=${() => tool()?.removeLast()}
      >
        ${v.t('drawUndo')}
      </button>
      <button
        type="button"
        class="primary"
        part="draw-add"
        ?disabled=${m.drawCount === 0}
        @click=${s.onAdd}
      >
        ${v.t('drawAdd', { count: m.drawCount })}
      </button>
    </div>
    ${m.drawing ? html`<p part="draw-help">${v.t('drawHelp')}</p>` : nothing}
  </fieldset>`;
}
