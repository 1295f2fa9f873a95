/**
 * Finding the host's `ol/Map` by the element it is rendered into (`map-target="#map"` on the
 * elements), for hosts that keep their map in a closure and expose no variable.
 *
 * OpenLayers keeps no reference from the DOM to the map, so the library notes every map of the
 * host's `ol` copy (a peer dependency: the same copy) when it renders or resizes: `render()` and
 * `updateSize()` of `ol/Map.prototype` are wrapped once, only to remember the map in a set of weak
 * references (nothing else changes; the map is never kept alive by this). A map created after the
 * library is loaded is seen at once (OpenLayers renders on creation); a map created earlier is seen
 * at its next render (any pan, zoom, layer change or resize). Give such a map with `.map = …`.
 */
import OlMap from 'ol/Map.js';

/** Why no map was found for a `map-target` selector. */
export type MapTargetProblem = 'invalid-selector' | 'no-element' | 'no-map';

/** The maps seen so far (weakly held), and who waits for a new one. */
interface Registry {
  maps: Set<WeakRef<OlMap>>;
  listeners: Set<() => void>;
}

const REGISTRY = Symbol.for('natuurlijke-alliantie.map-target');

type PatchedProto = {
  render: (this: OlMap) => void;
  updateSize: (this: OlMap) => void;
  [REGISTRY]?: Registry;
};

/** Wraps `render` and `updateSize` of this `ol` copy's Map once (idempotent, also across copies). */
function registry(): Registry {
  const proto = OlMap.prototype as unknown as PatchedProto;
  const existing = proto[REGISTRY];
  if (existing !== undefined) return existing;
  const reg: Registry = { maps: new Set(), listeners: new Set() };
  const seen = new WeakSet<OlMap>();
  const note = (map: OlMap): void => {
    if (!seen.has(map)) {
      seen.add(map);
      reg.maps.add(new WeakRef(map));
    }
    for (const listener of [...reg.listeners]) listener();
  };
  const { render, updateSize } = proto;
  proto.render = function (this: OlMap): void {
    render.call(this);
    note(this);
  };
  proto.updateSize = function (this: OlMap): void {
    updateSize.call(this);
    note(this);
  };
  Object.defineProperty(proto, REGISTRY, { value: reg });
  return reg;
}

/** Starts noting maps now (the elements call it on import, so maps created later are seen). */
export function trackOlMaps(): void {
  registry();
}

/**
 * The map rendered into `target` (its target element is `target` or lies inside it), if one has
 * been seen.
 */
export function findOlMap(target: Element): OlMap | undefined {
  const reg = registry();
  for (const ref of reg.maps) {
    const map = ref.deref();
    if (map === undefined) {
      reg.maps.delete(ref);
      continue;
    }
    const el = map.getTargetElement();
    if (el !== null && el !== undefined && (el === target || target.contains(el))) return map;
  }
  return undefined;
}

/** Looks a selector up from the element's own root (document or shadow root), then the document. */
function lookUp(selector: string, from: Element): Element | null | 'invalid' {
  try {
    const root = from.getRootNode();
    const inRoot =
      root instanceof Document || root instanceof ShadowRoot ? root.querySelector(selector) : null;
    return inRoot ?? from.ownerDocument.querySelector(selector);
  } catch {
    // querySelector throws a SyntaxError for an invalid selector: reported, not thrown.
    return 'invalid';
  }
}

export interface MapTargetWatch {
  /** Called with the map once it is found (at most once). */
  onMap: (map: OlMap) => void;
  /** Called when no map was found within `graceMs` (the watch goes on: `onMap` may still follow). */
  onMissing: (problem: MapTargetProblem) => void;
  /** Stops the watch (the element was removed, or got a map otherwise). */
  signal: AbortSignal;
  /** How long to wait before reporting a missing map (default 3000 ms). */
  graceMs?: number;
}

/**
 * Finds the `ol/Map` rendered into the element that `selector` names (e.g. `#map`), now or when it
 * renders later. Calls `onMissing` when, after `graceMs`, there is no such element or no map in
 * it; keeps watching until the map is found or `signal` aborts.
 */
export function watchMapTarget(selector: string, from: Element, watch: MapTargetWatch): void {
  const reg = registry();
  const { signal } = watch;
  if (signal.aborted) return;
  let done = false;
  const stop = (): void => {
    done = true;
    reg.listeners.delete(attempt);
    clearTimeout(timer);
  };
  function attempt(): void {
    if (done) return;
    const el = lookUp(selector, from);
    const map = el instanceof Element ? findOlMap(el) : undefined;
    if (map !== undefined) {
      stop();
      watch.onMap(map);
    }
  }
  reg.listeners.add(attempt);
  signal.addEventListener('abort', stop, { once: true });
  const timer = setTimeout(() => {
    if (done) return;
    const el = lookUp(selector, from);
    watch.onMissing(el === 'invalid' ? 'invalid-selector' : el === null ? 'no-element' : 'no-map');
  }, watch.graceMs ?? 3000);
  attempt();
}
