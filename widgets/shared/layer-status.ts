/**
 * The status line of the map-layer elements (`<na-zonering-layer>`, `<na-kansenkaart-layer>`):
 * what the element is doing, in its own words. Shown while the element cannot draw (no map, no
 * data: what to do next), visually hidden once the layer is on the map.
 */
import { css, html, type TemplateResult } from 'lit';
import type { MapTargetProblem } from '../../src/map/map-target.js';
import { tr, type WidgetLang } from './lang.js';
import { MAP_TARGET_MESSAGE } from './map-target.js';
import type { mapTargetMessages } from './map-target-messages.js';

/** What a layer element is doing. */
export type LayerState = 'no-map' | 'no-source' | 'loading' | 'ready' | 'error';

type Text = { nl: string; en: string };

/** The keys a layer element's message table has for its status. */
export type LayerStatusMessages = typeof mapTargetMessages &
  Record<'noMap' | 'noSource' | 'loading' | 'error', Text>;

/**
 * The status text of a layer element in the element's own dictionary.
 * @param mapTarget the `map-target` problem (while no map is found) and the selector
 * @param ready the text once the layer is on the map (with the element's own count)
 */
export function layerStatusText(
  dict: LayerStatusMessages,
  state: LayerState,
  lang: WidgetLang,
  mapTarget: { problem: MapTargetProblem | undefined; selector: string | undefined },
  ready: () => string,
): string {
  switch (state) {
    case 'no-map': {
      const problem = mapTarget.problem;
      return problem === undefined
        ? tr(dict, 'noMap', lang)
        : tr(dict, MAP_TARGET_MESSAGE[problem], lang, { selector: mapTarget.selector ?? '' });
    }
    case 'no-source':
      return tr(dict, 'noSource', lang);
    case 'loading':
      return tr(dict, 'loading', lang);
    case 'error':
      return tr(dict, 'error', lang);
    case 'ready':
      return ready();
  }
}

/**
 * The status paragraph (`part="status"`): visible as a hint while there is no map or no data,
 * for screen readers only once the layer is on the map.
 * @param state the element's state, or whether to show the text as a hint (an element with
 * states of its own decides that itself)
 */
export function layerStatus(state: LayerState | boolean, text: string): TemplateResult {
  const hint = typeof state === 'boolean' ? state : state === 'no-map' || state === 'no-source';
  // No white space around the status text (it is read as is).
  // prettier-ignore
  return html`<p part="status" class=${hint ? 'hint' : 'visually-hidden'}>${text}</p>`;
}

/** The hint style of the status paragraph (what to do next, dashed border, muted text). */
export const layerStatusStyles = css`
  /* Shown only while the element cannot draw (no map, no data): what to do next. */
  .hint {
    margin: 0;
    padding: calc(var(--_space) / 2) var(--_space);
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    color: var(--_muted);
    font-size: 0.875rem;
  }
`;
