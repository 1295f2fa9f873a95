import { formatNumberFor } from '../../src/core/messages.js';
import type { Compass, ViewDescription, ViewMove } from '../../src/map/view-description.js';
import { registerMessages, tr, type WidgetLang } from './lang.js';
/**
 * Words for the map in text (announcements of keyboard moves, the description of the view):
 * Dutch (B1, default) and English. Shared by `<na-zonering-layer>` and `<na-zonering-legend>`.
 */
export const mapWords = {
  north: { nl: 'noorden', en: 'north' },
  northeast: { nl: 'noordoosten', en: 'north-east' },
  east: { nl: 'oosten', en: 'east' },
  southeast: { nl: 'zuidoosten', en: 'south-east' },
  south: { nl: 'zuiden', en: 'south' },
  southwest: { nl: 'zuidwesten', en: 'south-west' },
  west: { nl: 'westen', en: 'west' },
  northwest: { nl: 'noordwesten', en: 'north-west' },
  centre: { nl: 'midden', en: 'centre' },
  everywhere: { nl: 'hele kaart', en: 'whole map' },
  panned: { nl: 'Kaart naar het {direction} verschoven.', en: 'Map moved {direction}.' },
  zoomIn: { nl: 'Ingezoomd.', en: 'Zoomed in.' },
  zoomOut: { nl: 'Uitgezoomd.', en: 'Zoomed out.' },
  inView: { nl: 'In beeld: {parts}.', en: 'In view: {parts}.' },
  inViewPart: { nl: '{name} ({where})', en: '{name} ({where})' },
  inViewMore: { nl: 'en {count} kleinere', en: 'and {count} smaller ones' },
  inViewEmpty: { nl: 'In beeld: geen zonering.', en: 'In view: no zoning.' },
  inViewOutside: {
    nl: '{percent} van de kaart valt buiten de zonering.',
    en: '{percent} of the map lies outside the zoning.',
  },
} as const;

registerMessages('map-words', mapWords);

/** A place in the view in words ("noorden", "midden", "hele kaart"). */
export function placeText(where: Compass | 'everywhere', lang: WidgetLang): string {
  return tr(mapWords, where, lang);
}

/** How the view moved, as a sentence ("Kaart naar het noorden verschoven. Ingezoomd."), or ''. */
export function moveText(move: ViewMove | null, lang: WidgetLang): string {
  if (move === null) return '';
  const parts: string[] = [];
  if (move.zoom !== null) parts.push(tr(mapWords, move.zoom === 'in' ? 'zoomIn' : 'zoomOut', lang));
  // A zoom keeps the centre, so a pan is named only when there is no zoom (or it really moved).
  if (move.pan !== null && move.zoom === null) {
    parts.push(tr(mapWords, 'panned', lang, { direction: tr(mapWords, move.pan, lang) }));
  }
  return parts.join(' ');
}

/** Parts named in a description of the view; the rest is counted ("en 3 kleinere"). */
const MAX_PARTS = 8;

/**
 * The view in words: "In beeld: Stuwwal (noorden), Dekzandrug (midden), Rivierkom (zuiden)."
 * Largest first; the share outside the zonering is named when it is at least a tenth.
 */
export function describeViewText(d: ViewDescription, lang: WidgetLang): string {
  if (d.parts.length === 0) return tr(mapWords, 'inViewEmpty', lang);
  const named = d.parts
    .slice(0, MAX_PARTS)
    .map((p) =>
      tr(mapWords, 'inViewPart', lang, { name: p.name, where: placeText(p.where, lang) }),
    );
  const rest = d.parts.length - named.length;
  if (rest > 0) named.push(tr(mapWords, 'inViewMore', lang, { count: rest }));
  let text = tr(mapWords, 'inView', lang, { parts: named.join(', ') });
  if (d.empty >= 0.1) {
    const percent = formatNumberFor(Math.round(d.empty * 10) / 10, lang, { style: 'percent' });
    text += ` ${tr(mapWords, 'inViewOutside', lang, { percent })}`;
  }
  return text;
}
