/**
 * Pointer and keyboard access to the units of a kansenkaart layer on an OpenLayers map, whatever
 * draws them (vector polygons of an export, or the computed raster): hover reports the unit under
 * the pointer, a click selects it; while the map's target element has keyboard focus a crosshair
 * marks the centre, the unit there is reported (on focus and after every move: arrow keys pan
 * through the map's own KeyboardPan) and Enter selects it. `dispose()` removes every listener
 * and the crosshair.
 */
import type { EventsKey } from 'ol/events.js';
import type BaseLayer from 'ol/layer/Base.js';
import type OlMap from 'ol/Map.js';
import type MapBrowserEvent from 'ol/MapBrowserEvent.js';
import { unByKey } from 'ol/Observable.js';
import type { KansenUnitInfo } from './kansenkaart-layer.js';
import { createOlViewer } from './ol-viewer.js';

/** A unit found at a place: `key` tells units apart, `info` describes it at that coordinate. */
export interface KansenHit {
  key: unknown;
  info: () => KansenUnitInfo;
}

export interface KansenInteractionOptions {
  onHover?: (unit: KansenUnitInfo | null) => void;
  onSelect?: (unit: KansenUnitInfo) => void;
  onCentre?: (unit: KansenUnitInfo | null) => void;
}

export interface KansenInteraction {
  /** Forget the unit last reported at the centre (e.g. new data): it is reported again. */
  reset(): void;
  dispose(): void;
}

/**
 * Binds hover, click and the keyboard crosshair to `map`.
 * @param hitAt the unit at a pixel / coordinate of the map's projection (undefined: none)
 */
export function bindKansenInteraction(
  map: OlMap,
  hitAt: (pixel: number[], coordinate: number[]) => KansenHit | undefined,
  options: KansenInteractionOptions,
): KansenInteraction {
  const target = map.getTargetElement() as HTMLElement | null | undefined;
  const dom = new AbortController();
  let viewer: ReturnType<typeof createOlViewer> | undefined;
  let removeCrosshair: (() => void) | undefined;
  let focused = false;
  let lastCentre: string | undefined;
  const centreUnit = (): KansenUnitInfo | null => {
    const c = map.getView().getCenter();
    const pixel = c ? map.getPixelFromCoordinate(c) : null;
    return c && pixel ? (hitAt(pixel, c)?.info() ?? null) : null;
  };
  if (target) {
    target.addEventListener(
      'focus',
      () => {
        if (!target.matches(':focus-visible')) return;
        focused = true;
        viewer ??= createOlViewer(map);
        removeCrosshair ??= viewer.addCrosshair();
        // After the next render (see the rendercomplete listener): hit detection knows the units.
        lastCentre = undefined;
        map.render();
      },
      { signal: dom.signal },
    );
    target.addEventListener(
      'blur',
      () => {
        focused = false;
        removeCrosshair?.();
        removeCrosshair = undefined;
        options.onHover?.(null);
      },
      { signal: dom.signal },
    );
    target.addEventListener(
      'keydown',
      (e) => {
        if (e.key !== 'Enter' || e.altKey || e.ctrlKey || e.metaKey || e.target !== target) return;
        const unit = centreUnit();
        if (!unit) return;
        e.preventDefault();
        options.onSelect?.(unit);
      },
      { signal: dom.signal },
    );
  }

  let hovered: unknown;
  const keys = [
    map.on('rendercomplete', () => {
      if (!focused) return;
      const c = map.getView().getCenter()?.join(',');
      if (c === lastCentre) return;
      lastCentre = c;
      options.onCentre?.(centreUnit());
    }),
    map.on('pointermove', (e) => {
      if (e.dragging) return;
      const hit = hitAt((e as MapBrowserEvent<PointerEvent>).pixel, e.coordinate);
      if (hit?.key === hovered) return;
      hovered = hit?.key;
      options.onHover?.(hit ? hit.info() : null);
    }),
    map.on('singleclick', (e) => {
      const hit = hitAt((e as MapBrowserEvent<PointerEvent>).pixel, e.coordinate);
      if (hit) options.onSelect?.(hit.info());
    }),
  ];
  return {
    reset() {
      lastCentre = undefined;
      hovered = undefined;
    },
    dispose() {
      unByKey(keys);
      dom.abort();
      removeCrosshair?.();
      viewer?.destroy();
    },
  };
}

/** The members of a kansenkaart handle that {@link KansenMapBinding.serve} serves. */
export interface KansenBindingMembers {
  readonly map: OlMap | null;
  getMap(): OlMap | null;
  setMap(map: OlMap | null): void;
}

/**
 * The host-map side of a kansenkaart attachment (the export's vector layer and the computed
 * image alike): its layer on one map or none, the hover, click and keyboard binding there, and
 * the view it follows (`useView` runs on attaching and on every `change:view`). `setMap(null)`
 * removes all of it; after `dispose()` nothing attaches again.
 */
export class KansenMapBinding {
  private olMap: OlMap | null = null;
  private viewKey: EventsKey | undefined;
  private interaction: KansenInteraction | undefined;
  private disposedFlag = false;

  constructor(
    private readonly layer: BaseLayer,
    private readonly hitAt: (pixel: number[], coordinate: number[]) => KansenHit | undefined,
    private readonly options: KansenInteractionOptions,
    private readonly useView: (map: OlMap) => void,
  ) {}

  /** The map the layer is on (null: none). */
  get map(): OlMap | null {
    return this.olMap;
  }

  /** Whether {@link dispose} was called. */
  get disposed(): boolean {
    return this.disposedFlag;
  }

  /** Moves the layer and its binding to `next` (null: off every map). */
  setMap(next: OlMap | null): void {
    if (this.disposedFlag || next === this.olMap) return;
    if (this.olMap) {
      if (this.viewKey) unByKey(this.viewKey);
      this.viewKey = undefined;
      this.interaction?.dispose();
      this.interaction = undefined;
      this.olMap.removeLayer(this.layer);
    }
    this.olMap = next;
    if (!next) return;
    this.useView(next);
    next.addLayer(this.layer);
    this.interaction = bindKansenInteraction(next, this.hitAt, this.options);
    this.viewKey = next.on('change:view', () => this.useView(next));
  }

  /** Forgets the unit under the pointer or crosshair (the drawing changed). */
  reset(): void {
    this.interaction?.reset();
  }

  /** Off the map for good. */
  dispose(): void {
    this.setMap(null);
    this.disposedFlag = true;
  }

  /** `handle` completed with `map`, `getMap()` and `setMap()`, served by this binding. */
  serve<H extends KansenBindingMembers>(handle: Omit<H, keyof KansenBindingMembers>): H {
    const map = (): OlMap | null => this.olMap;
    const members: KansenBindingMembers = {
      get map() {
        return map();
      },
      getMap: map,
      setMap: (next) => this.setMap(next),
    };
    // Object.assign keeps the `map` getter (it copies onto `members`, not from it).
    return Object.assign(members, handle) as H;
  }
}
