/**
 * A small tooltip on the map (an `ol/Overlay`) that shows a zone's name as text.
 */
import type { Coordinate } from 'ol/coordinate.js';
import type { EventsKey } from 'ol/events.js';
import type OlMap from 'ol/Map.js';
import { unByKey } from 'ol/Observable.js';
import Overlay from 'ol/Overlay.js';

/**
 * A tooltip overlay in the OpenLayers idiom: the constructor adds nothing to any map;
 * `setMap(map)` attaches, `setMap(null)` detaches, `dispose()` detaches for good. It sits in the
 * map's DOM (outside any shadow root), so it is styled inline through the `--na-*` tokens
 * inherited from the map's ancestors: `--na-color-background`, `--na-color-text`,
 * `--na-color-border`, `--na-radius`, `--na-font-family`. It ignores the pointer and is hidden
 * from assistive technology (the widgets announce the zone in their own status region). A new view
 * (`change:view`, e.g. in another projection) hides it: its position belongs to the old view.
 */
export class ZoneTooltip {
  /** The tooltip element (in the map's overlay container while attached). */
  readonly element: HTMLElement;
  private readonly overlay: Overlay;
  private olMap: OlMap | null = null;
  private viewKey: EventsKey | undefined;
  private disposed = false;

  constructor() {
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
    this.element = element;
    this.overlay = new Overlay({
      element,
      positioning: 'bottom-center',
      offset: [0, -12],
      stopEvent: false,
      className: 'ol-overlay-container na-zone-tooltip-container',
    });
  }

  /** The map the tooltip is on, or null. */
  getMap(): OlMap | null {
    return this.olMap;
  }

  /** Attaches to `map`, or detaches with null (hidden, overlay and listener removed). */
  setMap(map: OlMap | null): void {
    if (this.disposed || map === this.olMap) return;
    if (this.olMap) {
      this.hide();
      if (this.viewKey) unByKey(this.viewKey);
      this.viewKey = undefined;
      this.olMap.removeOverlay(this.overlay);
    }
    this.olMap = map;
    if (!map) return;
    map.addOverlay(this.overlay);
    this.viewKey = map.on('change:view', () => this.hide());
  }

  /** Shows `text` (as text, never markup) at a coordinate in the map's projection. */
  show(coordinate: Coordinate, text: string): void {
    if (this.disposed || !this.olMap) return;
    if (this.element.textContent !== text) this.element.textContent = text;
    this.overlay.setPosition(coordinate);
  }

  hide(): void {
    this.overlay.setPosition(undefined);
  }

  /** Detaches (`setMap(null)`) and releases the overlay; nothing works afterwards. Idempotent. */
  dispose(): void {
    if (this.disposed) return;
    this.setMap(null);
    this.overlay.dispose();
    this.disposed = true;
  }
}

/** A {@link ZoneTooltip} attached to `map` (`new ZoneTooltip()` + `setMap(map)`). */
export function createZoneTooltip(map: OlMap): ZoneTooltip {
  const tooltip = new ZoneTooltip();
  tooltip.setMap(map);
  return tooltip;
}
