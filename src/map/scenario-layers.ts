/**
 * Scenarios on an OpenLayers map: one vector layer per scenario, styled by measure type, in one
 * layer group the attachment owns; a swipe (ol-ext `Swipe` control) between two scenarios, or one
 * scenario alone. In the OpenLayers idiom: `setMap(map)` attaches, `setMap(null)` removes exactly
 * the group, the control, the tooltip and every listener, so the host's map gets its layers,
 * controls and listener counts back; `dispose()` also releases the layers.
 */
import type { Extent } from 'ol/extent.js';
import { createEmpty, extend, isEmpty } from 'ol/extent.js';
import type Feature from 'ol/Feature.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import LayerGroup from 'ol/layer/Group.js';
import VectorLayer from 'ol/layer/Vector.js';
import type OlMap from 'ol/Map.js';
import type MapBrowserEvent from 'ol/MapBrowserEvent.js';
import { unByKey } from 'ol/Observable.js';
import Overlay from 'ol/Overlay.js';
import type { EventsKey } from 'ol/events.js';
import type { ProjectionLike } from 'ol/proj.js';
import VectorSource from 'ol/source/Vector.js';
import SwipeModule from 'ol-ext/control/Swipe.js';
import type { Scenario } from '../core/scenario/scenario.js';
import { get as getProjection } from 'ol/proj.js';
import { registerRd } from './projection.js';
import { defined } from '../core/defined.js';
import { scenarioToGeoJson, styleFunction } from './scenario-style.js';

export {
  MEASURE_COLOURS,
  measureStyle,
  scenarioToGeoJson,
  type MeasureColour,
  type ScenarioStyleKey,
} from './scenario-style.js';

/**
 * ol-ext is ES modules, but its types (@types/ol-ext) are read as CommonJS under NodeNext, where a
 * default import is typed as the whole module; at run time the default export is the class.
 */
const Swipe = SwipeModule as unknown as typeof SwipeModule.default;
/** The ol-ext swipe control. */
export type SwipeControl = InstanceType<typeof Swipe>;

/** One scenario for {@link ScenarioLayers.set}: a stable key and the parsed scenario (RD). */
export interface ScenarioLayerInput {
  key: string;
  scenario: Scenario;
}

/** What the map shows: one scenario, or two with a swipe between them. */
export type ScenarioView =
  | { mode: 'single'; key: string }
  | { mode: 'swipe'; left: string; right: string; position?: number }
  | { mode: 'none' };

/** Options of {@link ScenarioLayers}. */
export interface ScenarioLayersOptions {
  /** z-index of the layer group (default: on top of the host's layers, by insertion order). */
  zIndex?: number;
  /** Accessible name of the swipe handle (a button in the map), in the page's language. */
  swipeLabel?: string;
}

interface Entry {
  scenario: Scenario;
  layer: VectorLayer<VectorSource<Feature>, Feature>;
}

/**
 * The scenario layers of one map, in the OpenLayers idiom: construct it (nothing is added to any
 * map), `setMap(map)` attaches (adds one `LayerGroup`, and the swipe control and tooltip when they
 * are in use), `setMap(null)` detaches, `dispose()` detaches and releases the layers. When the map
 * gets another view (`change:view`, e.g. in another projection) the features are reprojected to it.
 */
export class ScenarioLayers {
  private olMap: OlMap | null = null;
  /** Projection the features are in now (the scenario files are in RD New). */
  private projection: ProjectionLike = 'EPSG:28992';
  private viewKey: EventsKey | undefined;
  /** The group with every scenario layer (the only layer this adds to the map). */
  readonly group: LayerGroup;
  private readonly entries = new Map<string, Entry>();
  private swipe: SwipeControl | undefined;
  /** The layers the swipe clips now (ol-ext keeps no public list). */
  private swiped: Array<VectorLayer<VectorSource<Feature>, Feature>> = [];
  private position = 0.5;
  private view: ScenarioView = { mode: 'none' };
  private swipeLabel: string;
  private destroyed = false;
  private hoverText: ((key: string, index: number) => string | undefined) | undefined;
  private hoverKey: EventsKey | undefined;
  private tooltip: Overlay | undefined;

  constructor(options: ScenarioLayersOptions = {}) {
    registerRd();
    this.swipeLabel = options.swipeLabel ?? 'Swipe';
    this.group = new LayerGroup({
      properties: { name: 'na-scenarios' },
      ...defined({ zIndex: options.zIndex }),
    });
  }

  /** The map the layers are on, or null. */
  get map(): OlMap | null {
    return this.olMap;
  }

  /** The map the layers are on, or null (OpenLayers' name). */
  getMap(): OlMap | null {
    return this.olMap;
  }

  /**
   * Attaches to `map` (adds the group; the swipe and the tooltip come back when they were in use)
   * or, with null, detaches (removes everything this added, and every listener). The same map
   * again changes nothing.
   */
  setMap(map: OlMap | null): void {
    if (this.destroyed || map === this.olMap) return;
    const old = this.olMap;
    if (old) {
      this.removeHover();
      this.removeSwipe();
      if (this.viewKey) unByKey(this.viewKey);
      this.viewKey = undefined;
      old.removeLayer(this.group);
    }
    this.olMap = map;
    if (!map) return;
    this.reproject();
    map.addLayer(this.group);
    this.viewKey = map.on('change:view', () => this.reproject());
    if (this.hoverText) this.setHoverText(this.hoverText);
    this.show(this.view);
  }

  /** Moves every feature into the projection of the map's current view. */
  private reproject(): void {
    const to = this.olMap?.getView().getProjection();
    if (!to) return;
    if (getProjection(this.projection)?.getCode() === to.getCode()) return;
    for (const entry of this.entries.values()) {
      for (const feature of entry.layer.getSource()?.getFeatures() ?? []) {
        feature.getGeometry()?.transform(this.projection, to);
      }
    }
    this.projection = to;
  }

  /** Keys of the scenarios on the map, in order. */
  keys(): string[] {
    return [...this.entries.keys()];
  }

  /** The vector source of a scenario (its features in the map projection), e.g. to snap to. */
  source(key: string): VectorSource<Feature> | undefined {
    return this.entries.get(key)?.layer.getSource() ?? undefined;
  }

  /** The vector sources of every scenario. */
  sources(): Array<VectorSource<Feature>> {
    return [...this.entries.values()].map((e) => e.layer.getSource()!);
  }

  /** The layer of a scenario. */
  layer(key: string): VectorLayer<VectorSource<Feature>, Feature> | undefined {
    return this.entries.get(key)?.layer;
  }

  /**
   * Shows exactly these scenarios (by key; a scenario object that changed under the same key is
   * redrawn). Layers of scenarios not in the list are removed and disposed.
   */
  set(inputs: readonly ScenarioLayerInput[]): void {
    if (this.destroyed) return;
    const wanted = new Set(inputs.map((i) => i.key));
    for (const [key, entry] of [...this.entries]) {
      const input = inputs.find((i) => i.key === key);
      if (!wanted.has(key) || input?.scenario !== entry.scenario) this.remove(key);
    }
    for (const input of inputs) {
      if (this.entries.has(input.key)) continue;
      const layer = this.createLayer(input);
      this.entries.set(input.key, { scenario: input.scenario, layer });
    }
    // Keep the group's order equal to the input order.
    const layers = this.group.getLayers();
    layers.clear();
    for (const input of inputs) layers.push(this.entries.get(input.key)!.layer);
    this.show(this.view);
  }

  /** Shows one scenario, two with a swipe between them, or none. Unknown keys show nothing. */
  show(view: ScenarioView): void {
    if (this.destroyed) return;
    this.view = view;
    const visible = new Set<string>();
    if (view.mode === 'single') visible.add(view.key);
    if (view.mode === 'swipe') {
      visible.add(view.left);
      visible.add(view.right);
    }
    for (const [key, e] of this.entries) e.layer.setVisible(visible.has(key));
    const left = view.mode === 'swipe' ? this.entries.get(view.left)?.layer : undefined;
    const right = view.mode === 'swipe' ? this.entries.get(view.right)?.layer : undefined;
    if (view.mode === 'swipe' && view.position !== undefined) this.setSwipePosition(view.position);
    if (left && right && left !== right && this.olMap) this.showSwipe(left, right, this.olMap);
    else this.removeSwipe();
    this.olMap?.render();
  }

  /** The swipe control while it is on the map (for tests and for hosts that style it). */
  get swipeControl(): SwipeControl | undefined {
    return this.swipe;
  }

  /** Sets the accessible name of the swipe handle (e.g. when the page's language changes). */
  setSwipeLabel(label: string): void {
    this.swipeLabel = label;
    const button = this.swipeButton();
    if (button) {
      button.setAttribute('aria-label', label);
      button.title = label;
    }
  }

  /** Moves the swipe line: 0 = left edge, 1 = right edge of the map. */
  setSwipePosition(position: number): void {
    this.position = Number.isFinite(position) ? Math.min(1, Math.max(0, position)) : 0.5;
    this.swipe?.set('position', this.position);
  }

  /** Position of the swipe line, 0–1 (follows the handle when it is dragged). */
  getSwipePosition(): number {
    const p = this.swipe?.get('position') as unknown;
    return typeof p === 'number' ? p : this.position;
  }

  /** Extent (map projection) of some scenarios (default: all), or null when empty. */
  extent(keys: readonly string[] = this.keys()): Extent | null {
    const out = createEmpty();
    for (const key of keys) {
      const src = this.entries.get(key)?.layer.getSource();
      const e = src && src.getFeatures().length > 0 ? src.getExtent() : null;
      if (e) extend(out, e);
    }
    return isEmpty(out) ? null : out;
  }

  /** Fits the map view to some scenarios (default: all). */
  fit(keys?: readonly string[], padding = 24): void {
    const extent = this.extent(keys);
    if (extent !== null && this.olMap)
      this.olMap.getView().fit(extent, { padding: [padding, padding, padding, padding] });
  }

  /**
   * A tooltip while the pointer rests on a scenario feature: `text(key, index)` gives the text (set
   * as text, never HTML) for the feature with this file index in the scenario with this key, or
   * undefined for none. Pass undefined to switch it off. The tooltip is an overlay of the map and
   * goes with `setMap(null)`; it comes back with the next map.
   */
  setHoverText(text: ((key: string, index: number) => string | undefined) | undefined): void {
    if (this.destroyed) return;
    this.hoverText = text;
    if (!text) {
      this.removeHover();
      return;
    }
    const map = this.olMap;
    if (this.hoverKey || !map) return;
    const element = document.createElement('div');
    element.className = 'na-scenario-tooltip';
    element.setAttribute('role', 'tooltip');
    // CSSOM, not a style attribute: allowed under a strict CSP.
    Object.assign(element.style, {
      background: '#fff',
      color: '#1a1a1a',
      border: '1px solid #666',
      borderRadius: '3px',
      padding: '4px 6px',
      font: '12px/1.35 system-ui, sans-serif',
      maxWidth: '320px',
      whiteSpace: 'pre-line',
      pointerEvents: 'none',
    });
    this.tooltip = new Overlay({ element, offset: [14, 14], stopEvent: false });
    map.addOverlay(this.tooltip);
    this.hoverKey = map.on('pointermove', (e: MapBrowserEvent) => this.onHover(e));
  }

  private onHover(e: MapBrowserEvent): void {
    const tooltip = this.tooltip;
    if (!tooltip || !this.hoverText || e.dragging) return;
    const layers = new Set(
      [...this.entries.values()].map((en) => en.layer).filter((l) => l.getVisible()),
    );
    let text: string | undefined;
    this.olMap?.forEachFeatureAtPixel(
      e.pixel,
      (feature, layer) => {
        const key = layer?.get('naScenario') as string | undefined;
        const index = feature.get('index') as unknown;
        if (key === undefined || typeof index !== 'number') return undefined;
        text = this.hoverText?.(key, index);
        return text !== undefined ? true : undefined;
      },
      { layerFilter: (l) => layers.has(l as VectorLayer<VectorSource<Feature>, Feature>) },
    );
    if (text === undefined) {
      tooltip.setPosition(undefined);
      return;
    }
    tooltip.getElement()!.textContent = text;
    tooltip.setPosition(e.coordinate);
  }

  private removeHover(): void {
    if (this.hoverKey) unByKey(this.hoverKey);
    this.hoverKey = undefined;
    if (this.tooltip) this.olMap?.removeOverlay(this.tooltip);
    this.tooltip = undefined;
  }

  /** Detaches (`setMap(null)`) and releases the layers; nothing works afterwards. Idempotent. */
  dispose(): void {
    if (this.destroyed) return;
    this.setMap(null);
    for (const key of [...this.entries.keys()]) this.remove(key);
    this.group.dispose();
    this.destroyed = true;
  }

  /** @deprecated Use {@link ScenarioLayers.dispose} (the same). */
  destroy(): void {
    this.dispose();
  }

  private createLayer(input: ScenarioLayerInput): VectorLayer<VectorSource<Feature>, Feature> {
    const projection = this.projection;
    const features = new GeoJSON().readFeatures(scenarioToGeoJson(input.scenario), {
      dataProjection: 'EPSG:28992',
      featureProjection: projection,
    }) as Feature[];
    return new VectorLayer({
      source: new VectorSource<Feature>({ features }),
      style: styleFunction,
      // A class of its own: the swipe clips per layer canvas.
      className: `na-scenario-layer`,
      properties: { name: input.scenario.name, naScenario: input.key },
    });
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    if (this.swiped.includes(entry.layer)) this.removeSwipe();
    this.group.getLayers().remove(entry.layer);
    entry.layer.getSource()?.clear();
    entry.layer.dispose();
    this.entries.delete(key);
  }

  private showSwipe(
    left: VectorLayer<VectorSource<Feature>, Feature>,
    right: VectorLayer<VectorSource<Feature>, Feature>,
    map: OlMap,
  ): void {
    if (this.swipe && this.swiped[0] === left && this.swiped[1] === right) return;
    if (this.swipe) {
      // On the map, so ol-ext releases the layers' render listeners.
      this.swipe.removeLayer(this.swiped);
      this.swipe.addLayer(left, false);
      this.swipe.addLayer(right, true);
      this.swiped = [left, right];
      return;
    }
    const swipe = new Swipe({
      layers: left,
      rightLayers: right,
      position: this.position,
      orientation: 'vertical',
      className: 'ol-swipe na-swipe',
    });
    this.swipe = swipe;
    const button = this.swipeButton();
    if (button) {
      button.type = 'button';
      button.setAttribute('aria-label', this.swipeLabel);
      button.title = this.swipeLabel;
      // The handle is dragged with a pointer; keyboard users move it with the widget's slider.
      button.tabIndex = -1;
    }
    this.swiped = [left, right];
    map.addControl(swipe);
  }

  private swipeButton(): HTMLButtonElement | null {
    // The control's element is protected in the types; ol-ext puts the handle button in it.
    const element = (this.swipe as unknown as { element?: HTMLElement | null } | undefined)
      ?.element;
    return element?.querySelector('button') ?? null;
  }

  private removeSwipe(): void {
    const swipe = this.swipe;
    if (!swipe) return;
    this.position = this.getSwipePosition();
    // Release the layers while the control is on the map (ol-ext only then unregisters them).
    swipe.removeLayer(this.swiped);
    this.olMap?.removeControl(swipe);
    this.swipe = undefined;
    this.swiped = [];
  }
}
