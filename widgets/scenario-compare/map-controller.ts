/**
 * The map side of `<na-scenario-compare>`: one layer per scenario (src/map/scenario-layers.ts),
 * which scenario is shown left and right of the swipe, and the drawing of a new scenario
 * (src/map/draw.ts). Adds to the map only its own layers, interactions and control, and removes
 * exactly those when the map changes or the element is removed.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type OlMap from 'ol/Map.js';
import type { MeasureType } from '../../src/core/scenario/params.js';
import { createScenarioDrawing, type ScenarioDrawing } from '../../src/map/draw.js';
import { ScenarioLayers } from '../../src/map/scenario-layers.js';
import type { LoadedScenario } from './scenarios-controller.js';

/** What the map side reads from its element. */
export interface MapOptions {
  map(): OlMap | undefined;
  /** The label of the swipe handle in the interface language. */
  swipeLabel(): string;
  /** The hover text of a measure (text, not HTML). */
  hoverText(key: string, index: number): string | undefined;
}

/** Keeps the element's scenarios on its map. */
export class MapController implements ReactiveController {
  left: string | undefined;
  right: string | undefined;
  swipe = true;
  swipePosition = 50;
  drawing = false;
  drawType: MeasureType = 'wadi';
  drawCount = 0;
  /** The name typed for the drawn scenario. */
  drawName = '';
  private layers: ScenarioLayers | undefined;
  private draw: ScenarioDrawing | undefined;
  private fitted = false;
  private entries: readonly LoadedScenario[] = [];
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: MapOptions,
  ) {
    host.addController(this);
  }

  /** The scenario layers (undefined without a map). */
  get scenarioLayers(): ScenarioLayers | undefined {
    return this.layers;
  }

  /** The drawing (undefined until drawing starts). */
  get drawingTool(): ScenarioDrawing | undefined {
    return this.draw;
  }

  hostConnected(): void {
    this.syncMap();
  }

  hostDisconnected(): void {
    this.teardown();
  }

  /** Follows `.map` (call from the element's `updated`). */
  syncMap(): void {
    const map = this.options.map();
    if (this.layers && this.layers.map === map) return;
    this.teardown();
    if (!map) return;
    this.layers = new ScenarioLayers({ swipeLabel: this.options.swipeLabel() });
    this.layers.setHoverText((key, index) => this.options.hoverText(key, index));
    this.layers.setMap(map);
    this.fitted = false;
    this.syncLayers();
  }

  /** Follows the list of scenarios (call when it changed). */
  setEntries(entries: readonly LoadedScenario[]): void {
    this.entries = entries;
    const keys = new Set(entries.map((e) => e.key));
    if (!this.left || !keys.has(this.left)) this.left = entries[0]?.key;
    if (!this.right || !keys.has(this.right) || this.right === this.left)
      this.right = entries.find((e) => e.key !== this.left)?.key;
    this.syncLayers();
    this.host.requestUpdate();
  }

  /** The label of the swipe handle changed (language). */
  relabel(): void {
    this.layers?.setSwipeLabel(this.options.swipeLabel());
  }

  /** Shows one scenario, or two with the swipe (keys). */
  show(left: string | undefined, right?: string): void {
    this.setView(right === undefined ? { left, swipe: false } : { left, right, swipe: true });
  }

  setLeft(key: string): void {
    this.setView({ left: key });
  }

  setRight(key: string): void {
    this.setView({ right: key });
  }

  setSwipe(on: boolean): void {
    this.setView({ swipe: on });
  }

  setSwipePosition(percent: number): void {
    this.swipePosition = percent;
    this.layers?.setSwipePosition(percent / 100);
    this.host.requestUpdate();
  }

  fit(): void {
    this.layers?.fit();
  }

  setDrawType(type: MeasureType): void {
    this.drawType = type;
    if (this.draw) this.draw.type = type;
    this.host.requestUpdate();
  }

  startDrawing(type?: MeasureType): void {
    const map = this.options.map();
    if (!map) return;
    if (type) this.drawType = type;
    this.draw ??= createScenarioDrawing(map, {
      type: this.drawType,
      snapTo: this.layers?.sources() ?? [],
      onChange: (count) => {
        this.drawCount = count;
        this.host.requestUpdate();
      },
    });
    this.draw.type = this.drawType;
    this.draw.start();
    this.drawing = true;
    this.host.requestUpdate();
  }

  /** Sets the name typed for the drawn scenario. */
  setDrawName(name: string): void {
    this.drawName = name;
    this.host.requestUpdate();
  }

  /**
   * Hands the drawn polygons to `add` as a scenario named `name` (else the typed name, else
   * `defaultName`); when added, clears the drawing and the name and stops drawing.
   * @returns what `add` returned, or null when nothing was drawn.
   */
  takeDrawing<T>(
    name: string | undefined,
    defaultName: string,
    add: (geoJson: unknown, fileName: string) => T | null,
  ): T | null {
    const draw = this.draw;
    if (!draw || draw.count() === 0) return null;
    const finalName = (name ?? this.drawName).trim() || defaultName;
    const added = add(draw.toGeoJson(finalName), `${finalName}.geojson`);
    if (added) {
      draw.clear();
      this.stopDrawing();
      this.drawName = '';
      this.host.requestUpdate();
    }
    return added;
  }

  stopDrawing(): void {
    this.draw?.stop();
    this.drawing = false;
    this.host.requestUpdate();
  }

  private teardown(): void {
    this.draw?.destroy();
    this.draw = undefined;
    this.drawing = false;
    this.drawCount = 0;
    this.layers?.dispose();
    this.layers = undefined;
  }

  private syncLayers(): void {
    const layers = this.layers;
    if (!layers) return;
    layers.set(this.entries.map((e) => ({ key: e.key, scenario: e.scenario })));
    this.syncView();
    this.draw?.setSnapTo(layers.sources());
    if (!this.fitted && this.entries.length > 0) {
      this.fitted = true;
      layers.fit();
    }
  }

  /** Changes what is shown left and right, and whether with the swipe. */
  private setView(change: Partial<Pick<MapController, 'left' | 'right' | 'swipe'>>): void {
    Object.assign(this, change);
    this.syncView();
    this.host.requestUpdate();
  }

  private syncView(): void {
    const layers = this.layers;
    if (!layers) return;
    const { left, right } = this;
    if (!left) layers.show({ mode: 'none' });
    else if (this.swipe && right && right !== left)
      layers.show({ mode: 'swipe', left, right, position: this.swipePosition / 100 });
    else layers.show({ mode: 'single', key: left });
  }
}
