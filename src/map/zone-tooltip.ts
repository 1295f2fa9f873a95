/**
 * A small tooltip on the map (an `ol/Overlay`) that shows a zone's name as text.
 */
import type { Coordinate } from 'ol/coordinate.js';
import type OlMap from 'ol/Map.js';
import Overlay from 'ol/Overlay.js';

/** A tooltip owned by its creator: show, hide, and remove it from the map. */
export interface ZoneTooltip {
  /** The tooltip element (in the map's overlay container while attached). */
  readonly element: HTMLElement;
  /** Shows `text` (as text, never markup) at a coordinate in the map's projection. */
  show(coordinate: Coordinate, text: string): void;
  hide(): void;
  /** Removes the overlay from the map (idempotent). */
  dispose(): void;
}

/**
 * Creates a tooltip overlay on `map`. It sits in the map's DOM (outside any shadow root), so it is
 * styled inline through the `--na-*` tokens inherited from the map's ancestors:
 * `--na-color-background`, `--na-color-text`, `--na-color-border`, `--na-radius`,
 * `--na-font-family`. It ignores the pointer and is hidden from assistive technology (the widgets
 * announce the zone in their own status region).
 */
export function createZoneTooltip(map: OlMap): ZoneTooltip {
  const element = document.createElement('div');
  element.className = 'na-zone-tooltip';
  element.setAttribute('aria-hidden', 'true');
  const s = element.style;
  s.setProperty('pointer-events', 'none');
  s.setProperty('white-space', 'nowrap');
  s.setProperty('padding', '2px 6px');
  s.setProperty('font', '13px/1.3 var(--na-font-family, system-ui, sans-serif)');
  s.setProperty('color', 'var(--na-color-text, #1a1a1a)');
  s.setProperty('background', 'var(--na-color-background, #ffffff)');
  s.setProperty('border', '1px solid var(--na-color-border, #8a8a8a)');
  s.setProperty('border-radius', 'var(--na-radius, 4px)');
  s.setProperty('box-shadow', '0 1px 3px rgba(0, 0, 0, 0.3)');
  const overlay = new Overlay({
    element,
    positioning: 'bottom-center',
    offset: [0, -12],
    stopEvent: false,
    className: 'ol-overlay-container na-zone-tooltip-container',
  });
  map.addOverlay(overlay);
  let disposed = false;
  return {
    element,
    show(coordinate, text) {
      if (disposed) return;
      if (element.textContent !== text) element.textContent = text;
      overlay.setPosition(coordinate);
    },
    hide() {
      overlay.setPosition(undefined);
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      overlay.setPosition(undefined);
      map.removeOverlay(overlay);
      overlay.dispose();
    },
  };
}
