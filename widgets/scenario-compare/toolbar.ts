/**
 * The map toolbar of `<na-scenario-compare>`: which scenario left and right of the swipe, the
 * swipe position, zoom to the scenarios, and the legend of the measure types in view.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { MEASURE_TYPES } from '../../src/core/scenario/measure-types.js';
import { MEASURE_COLOURS, type ScenarioStyleKey } from '../../src/map/scenario-style.js';
import type { MapController } from './map-controller.js';
import type { LoadedScenario } from './scenarios-controller.js';
import type { CompareView } from './view.js';

function swatch(t: ScenarioStyleKey): TemplateResult {
  const c = MEASURE_COLOURS[t];
  return html`<span
    part="swatch"
    aria-hidden="true"
    ${ref((node) => {
      // Through the CSSOM: a style attribute would break a strict CSP (no 'unsafe-inline').
      if (!(node instanceof HTMLElement)) return;
      const area = t === 'plangebied';
      node.style.setProperty('background', area ? 'transparent' : c.fill);
      node.style.setProperty('opacity', String(area ? 1 : Math.max(0.5, c.opacity)));
      node.style.setProperty('border-color', c.stroke);
      node.style.setProperty('border-style', c.dash !== undefined ? 'dashed' : 'solid');
      node.style.setProperty('border-width', area ? '2px' : '1px');
    })}
  ></span>`;
}

/** The map controls (nothing without a map or scenarios). */
export function mapToolbar(
  v: CompareView,
  hasMap: boolean,
  entries: readonly LoadedScenario[],
  m: MapController,
): TemplateResult | typeof nothing {
  if (!hasMap || entries.length === 0) return nothing;
  const options = (selected: string | undefined) =>
    entries.map(
      (e) => html`<option value=${e.key} ?selected=${e.key === selected}>${e.name}</option>`,
    );
  const types = new Set<string>();
  for (const e of entries) {
    if (e.key !== m.left && !(m.swipe && e.key === m.right)) continue;
    for (const f of e.scenario.features) types.add(f.type);
    if (e.scenario.planningArea) types.add('plangebied');
  }
  const legend = ([...MEASURE_TYPES, 'plangebied'] as ScenarioStyleKey[]).filter((t) =>
    types.has(t),
  );
  const value = (e: Event) => (e.target as HTMLInputElement | HTMLSelectElement).value;
  return html`<fieldset part="map-compare">
    <legend>${v.t('mapTitle')}</legend>
    <div class="row">
      <label
        >${v.t('mapLeft')}
        <select part="map-left" @change=${(e: Event) => m.setLeft(value(e))}>
          ${options(m.left)}
        </select></label
      >
      ${
        entries.length >= 2
          ? html`<label
                ><input
                  type="checkbox"
                  part="swipe-toggle"
                  .checked=${m.swipe}
                  @change=${(e: Event) => m.setSwipe((e.target as HTMLInputElement).checked)}
                />${v.t('mapSwipe')}</label
              >
              <label
                >${v.t('mapRight')}
                <select
                  part="map-right"
                  ?disabled=${!m.swipe}
                  @change=${(e: Event) => m.setRight(value(e))}
                >
                  ${options(m.right)}
                </select></label
              >
              <label
                >${v.t('swipePosition')}
                <input
                  type="range"
                  part="swipe-position"
                  min="0"
                  max="100"
                  step="5"
                  ?disabled=${!m.swipe}
                  .value=${String(m.swipePosition)}
                  @input=${(e: Event) => m.setSwipePosition(Number(value(e)))}
              /></label>`
          : nothing
      }
      <button type="button" part="zoom" @click=${() => m.fit()}>${v.t('zoomTo')}</button>
    </div>
    <div part="legend">
      <strong>${v.t('legendTitle')}</strong>
      <ul>
        ${legend.map((t) => html`<li>${swatch(t)}${v.typeLabel(t)}</li>`)}
      </ul>
    </div>
  </fieldset>`;
}
