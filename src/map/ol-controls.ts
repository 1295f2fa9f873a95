/**
 * Accessibility glue for a host's OpenLayers controls: texts in the page's language on the zoom
 * buttons (OpenLayers titles them "Zoom in"/"Zoom out" in English), and animation durations that
 * respect `prefers-reduced-motion`. The host owns the controls; these helpers change only the
 * buttons' `title` and `aria-label`, and return durations for the host's own options.
 */
import type OlMap from 'ol/Map.js';

/** Texts of the zoom buttons, in the page's language (e.g. "Inzoomen", "Uitzoomen"). */
export interface ZoomButtonTexts {
  zoomIn: string;
  zoomOut: string;
}

/**
 * Sets `title` and `aria-label` of the map's OpenLayers zoom buttons (`.ol-zoom-in`,
 * `.ol-zoom-out`, in the map's viewport). Call again after a language switch.
 * @returns the number of buttons labelled.
 */
export function labelZoomButtons(map: OlMap, texts: ZoomButtonTexts): number {
  const viewport = map.getViewport() as HTMLElement | undefined;
  if (viewport === undefined) return 0;
  let n = 0;
  for (const [selector, text] of [
    ['.ol-zoom-in', texts.zoomIn],
    ['.ol-zoom-out', texts.zoomOut],
  ] as const) {
    for (const button of viewport.querySelectorAll<HTMLElement>(selector)) {
      button.title = text;
      button.setAttribute('aria-label', text);
      n += 1;
    }
  }
  return n;
}

/**
 * An animation duration in ms, or 0 when the user asks for reduced motion
 * (`prefers-reduced-motion: reduce`), for `defaultControls({ zoomOptions: { duration } })` and
 * `defaultInteractions({ zoomDuration })`.
 */
export function motionDuration(ms: number): number {
  const reduce =
    typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
  return reduce ? 0 : ms;
}
