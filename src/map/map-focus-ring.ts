/**
 * A focus ring drawn inside the map, above its canvases. A host's `outline` on the map's target
 * element is painted under OpenLayers' positioned `.ol-viewport` wherever it falls inside the
 * element (e.g. `outline-offset: -3px`), so keyboard users could not see that the map had focus
 * (WCAG 2.4.7, 1.4.11). This ring is an element in the viewport, on top, shown while the target
 * itself has keyboard focus (`:focus-visible`). It is drawn with a border, so forced colours keep it.
 */
import type OlMap from 'ol/Map.js';
import { decoration } from './decoration.js';

interface RingEntry {
  users: number;
  release: () => void;
}

const rings = new WeakMap<OlMap, RingEntry>();

/**
 * One user of the focus ring of a map, in the OpenLayers idiom: the constructor adds nothing;
 * `setMap(map)` takes a share of `map`'s ring (drawn once per map, however many users),
 * `setMap(null)` gives it back (the ring goes with the last share), `dispose()` gives it back for
 * good. Colour from `--na-focus-outline`, falling back to `--utrecht-focus-outline-color`, then
 * `#d52b1e`; width from `--na-map-focus-width` (default 3px). The ring lives in the viewport, so a
 * new view (`change:view`) keeps it.
 */
export class MapFocusRing {
  private olMap: OlMap | null = null;
  private release: (() => void) | undefined;
  private disposed = false;

  /** The map whose ring this holds, or null. */
  getMap(): OlMap | null {
    return this.olMap;
  }

  /** Holds the ring of `map` (the same map again changes nothing), or none with null. */
  setMap(map: OlMap | null): void {
    if (this.disposed || map === this.olMap) return;
    this.release?.();
    this.release = undefined;
    this.olMap = map;
    if (map) this.release = share(map);
  }

  /** `setMap(null)`; nothing works afterwards. Idempotent. */
  dispose(): void {
    this.setMap(null);
    this.disposed = true;
  }
}

/**
 * Adds the focus ring to `map` (once per map, however many callers; the ring is removed when the
 * last caller releases it). A shorthand for a {@link MapFocusRing} on `map`.
 * @returns a function that releases this caller's use of the ring (idempotent).
 */
export function addMapFocusRing(map: OlMap): () => void {
  const ring = new MapFocusRing();
  ring.setMap(map);
  return () => ring.dispose();
}

/** Takes one share of `map`'s ring; the returned function gives it back (idempotent). */
function share(map: OlMap): () => void {
  const existing = rings.get(map);
  let entry: RingEntry;
  if (existing !== undefined) {
    existing.users += 1;
    entry = existing;
  } else {
    const made = createRing(map);
    if (made === undefined) return () => undefined;
    entry = { users: 1, release: made };
    rings.set(map, entry);
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    entry.users -= 1;
    if (entry.users === 0) {
      entry.release();
      if (rings.get(map) === entry) rings.delete(map);
    }
  };
}

function createRing(map: OlMap): (() => void) | undefined {
  const viewport = map.getViewport() as HTMLElement | undefined;
  const target = map.getTargetElement() as HTMLElement | null | undefined;
  if (viewport === undefined || target === null || target === undefined) return undefined;
  const ring = decoration('na-map-focus-ring', 'map-focus-ring', {
    position: 'absolute',
    inset: '0',
    boxSizing: 'border-box',
    border:
      'var(--na-map-focus-width, 3px) solid var(--na-focus-outline, var(--utrecht-focus-outline-color, #d52b1e))',
    // A light inner halo keeps the ring visible on dark map colours (dropped in forced colours).
    boxShadow: 'inset 0 0 0 1px #ffffff',
    pointerEvents: 'none',
    zIndex: '3',
    display: 'none',
  });
  viewport.append(ring);
  const dom = new AbortController();
  const update = (): void => {
    ring.style.display = target.matches(':focus-visible') ? 'block' : 'none';
  };
  target.addEventListener('focus', update, { signal: dom.signal });
  target.addEventListener('blur', update, { signal: dom.signal });
  update();
  return () => {
    dom.abort();
    ring.remove();
  };
}
