/**
 * The map side of `<na-scenario-compare>`: one layer per scenario (src/map/scenario-layers.ts),
 * which scenario is shown left and right of the swipe, and the drawing of a new scenario
 * (src/map/draw.ts). Adds to the map only its own layers, interactions and control, and removes
 * exactly those when the map changes or the element is removed. Both are imported when the element
 * first has a map (engine-modules.ts), not up front: they register RD New with proj4.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type OlMap from 'ol/Map.js';
import type { MeasureType } from '../../src/core/scenario/params.js';
import type { ScenarioDrawing } from '../../src/map/draw.js';
import type { ScenarioLayers } from '../../src/map/scenario-layers.js';
import { mapModule, parserModule } from './engine-modules.js';
import type { LoadedScenario } from './scenarios-controller.js';

type MapModule = Awaited<ReturnType<typeof mapModule.load>>;

/** What the map side reads from its element. */
export interface MapOptions {
  map(): OlMap | undefined;
  /** The label of the swipe handle in the interface language. */
  swipeLabel(): string;
  /** The hover text of a measure (text, not HTML). */
  hoverText(key: string, index: number): string | undefined;
  /** The map side could not be imported (a chunk that did not load). */
  failed(error: unknown): void;
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
  /** The map the layers are on, or are being imported for. */
  private target: OlMap | undefined;
  /** The import of the map side under way (for {@link whenReady}). */
  private importing: Promise<unknown> | undefined;
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
    if (this.target === map) return;
    // A drawing asked for before the map side was there (startDrawing in the same task as `.map`).
    const asked = this.drawing && !this.draw;
    this.teardown();
    this.target = map;
    if (!map) return;
    this.drawing = asked;
    const loaded = mapModule.loaded();
    if (loaded) {
      this.attach(loaded, map);
      return;
    }
    const importing = mapModule.load().then(
      (m) => {
        if (this.target === map && !this.layers) this.attach(m, map);
      },
      (e: unknown) => {
        if (this.target === map) this.options.failed(e);
      },
    );
    this.importing = importing;
    void importing.finally(() => {
      if (this.importing === importing) this.importing = undefined;
    });
  }

  /** Resolves when the map side is on the map (or could not be imported). */
  async whenReady(): Promise<void> {
    while (this.importing) await this.importing;
  }

  private attach(m: MapModule, map: OlMap): void {
    this.layers = new m.ScenarioLayers({ swipeLabel: this.options.swipeLabel() });
    this.layers.setHoverText((key, index) => this.options.hoverText(key, index));
    this.layers.setMap(map);
    this.fitted = false;
    this.syncLayers();
    // A drawing asked for while the map side was being imported starts now.
    if (this.drawing && !this.draw) this.startDrawing();
    this.host.requestUpdate();
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
    // The drawing is parsed as a scenario when it is added: the parser loads meanwhile, so adding
    // waits for no chunk, in which polygons drawn after the click would be cleared with the rest.
    void parserModule.load().catch(() => undefined);
    const m = mapModule.loaded();
    if (!m || !this.layers) {
      // Starts when the map side is on the map (attach).
      this.drawing = true;
      this.host.requestUpdate();
      return;
    }
    this.draw ??= m.createScenarioDrawing(map, {
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
   * @returns what `add` resolved to, or null when nothing was drawn.
   */
  async takeDrawing<T>(
    name: string | undefined,
    defaultName: string,
    add: (geoJson: unknown, fileName: string) => Promise<T | null>,
  ): Promise<T | null> {
    const draw = this.draw;
    if (!draw || draw.count() === 0) return null;
    const finalName = (name ?? this.drawName).trim() || defaultName;
    const added = await add(draw.toGeoJson(finalName), `${finalName}.geojson`);
    if (added && this.draw === draw) {
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
    this.target = undefined;
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
