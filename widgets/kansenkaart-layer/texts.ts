/**
 * The texts of `<na-kansenkaart-layer>` built from its state: the status line, the unit read out
 * (live region) and the summary CSV of what is in view. Worded at render time in the element's
 * language, so a change of `lang` rewords them without a new computation.
 */
import { ACTION_STATES, type ActionState } from '../../src/core/kansenkaart/states.js';
import {
  STATE_LABELS,
  summaryCsv,
  type KansenSummary,
  type StateAreas,
} from '../../src/core/kansenkaart/output.js';
import { toCsv } from '../../src/core/csv.js';
import { ACTIONS, type Action } from '../../src/core/types.js';
import type { MapTargetProblem } from '../../src/map/map-target.js';
import type { KansenUnitInfo } from '../../src/map/kansenkaart-layer.js';
import { layerStatusText, type LayerState } from '../shared/layer-status.js';
import { tr, type WidgetLang } from '../shared/lang.js';
import { messages } from './messages.js';

/** What the element is doing (besides the states every layer element has). */
export type KansenkaartLayerState = LayerState | 'computing' | 'empty' | 'too-large' | 'aborted';

/** The status text of a state. */
export function statusText(
  state: KansenkaartLayerState,
  lang: WidgetLang,
  context: {
    progress: number;
    count: number;
    /** Titles of the sources that could not be read in the last computation. */
    failed?: string[];
    mapTarget: { problem: MapTargetProblem | undefined; selector: string | undefined };
  },
): string {
  switch (state) {
    case 'computing':
      return tr(messages, 'computing', lang, { percent: Math.round(context.progress * 100) });
    case 'empty':
      return tr(messages, 'empty', lang);
    case 'too-large':
      return tr(messages, 'tooLarge', lang);
    case 'aborted':
      return tr(messages, 'aborted', lang);
    default:
      return layerStatusText(messages, state, lang, context.mapTarget, () =>
        context.failed !== undefined && context.failed.length > 0
          ? tr(messages, 'readyFailed', lang, {
              count: context.count,
              names: context.failed.join(', '),
            })
          : tr(messages, 'ready', lang, { count: context.count }),
      );
  }
}

/** The text of the live region: the state and reason of the unit read out (`none`: no unit). */
export function hoverText(unit: KansenUnitInfo | 'none' | undefined, lang: WidgetLang): string {
  if (unit === undefined) return '';
  if (unit === 'none') return tr(messages, 'noUnit', lang);
  const label = STATE_LABELS[unit.state as ActionState];
  const stateText = label ? (lang === 'en' ? label.en : label.nl) : String(unit.state);
  return unit.reason === ''
    ? stateText
    : tr(messages, 'hover', lang, { state: stateText, reason: unit.reason });
}

/**
 * The summary as CSV: of a computed kansenkaart (`summaryCsv`), or for an export the hectares per
 * action and state of the units in view.
 */
export function viewSummaryCsv(
  summary: KansenSummary | undefined,
  areasInView: () => Record<Action, StateAreas>,
  lang: WidgetLang,
): string {
  if (summary) return summaryCsv(summary, lang);
  const areas = areasInView();
  return toCsv([
    ['action', ...ACTION_STATES.map((s) => `${s}_ha`)],
    ...ACTIONS.map((a) => [a, ...ACTION_STATES.map((s) => areas[a][s])]),
  ]);
}
