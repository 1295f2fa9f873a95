import { LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type OlMap from 'ol/Map.js';
import type { KnowledgeBase } from '../../src/core/kb/types.js';
import type { CompareResult } from '../../src/core/scenario/compare.js';
import type { DeepPartial, MeasureType, ScenarioParams } from '../../src/core/scenario/params.js';
import type { FactSource } from '../../src/core/types.js';
import type { ScenarioDrawing } from '../../src/map/draw.js';
import type { ScenarioLayers } from '../../src/map/scenario-layers.js';
import { resolveLang, type WidgetLang } from '../shared/lang.js';
import { PrintController } from '../shared/print-controller.js';
import { SourcesController } from '../shared/sources-controller.js';
import { LangController } from '../shared/lang-controller.js';
import { baseStyles } from '../shared/styles.js';
import { CompareController, type ShownComparison } from './compare-controller.js';
import { DetailsController } from './details-controller.js';
import { NaScenarioErrorEvent } from './events.js';
import { indicatorsCsvIn, scenarioGeoJsonText } from './export.js';
import { scenarioHoverText } from './hover-text.js';
import { LoadActions } from './load-actions.js';
import { MapController } from './map-controller.js';
import { panelView, sourcesSteps } from './panel-view.js';
import {
  ScenariosController,
  type LoadedScenario,
  type ScenarioOrigin,
} from './scenarios-controller.js';
import { scenarioCompareStyles } from './styles.js';
import { cachedCompareView, type CompareView } from './view.js';

export type { LoadedScenario, ScenarioOrigin } from './scenarios-controller.js';

/** What the element shows. */
export type ScenarioCompareState = 'empty' | 'loading' | 'computing' | 'ready';

/**
 * Compares design scenarios for one neighbourhood: how well each copes with heavy rain, heat and
 * drought, today and in the KNMI’23 climate futures, and whether its measures fit the natural
 * system underneath (zone, soil, groundwater). All numbers come from `compareScenarios` in the core
 * (src/core/scenario); this element loads, shows and exports them.
 *
 * **Scenarios.** GeoJSON FeatureCollections of polygons with a `type` from the measure vocabulary
 * (`dak`, `groen-dak`, `verharding`, `gras`, `bomen`, `wadi`, `open-water`, …), optionally a
 * `plangebied` feature; in RD with a `crs` member (as QGIS writes it) or in longitude/latitude.
 * Load them with the `scenarios` attribute (comma-separated URLs), by dropping files on the drop
 * zone or choosing them with the file picker, from an address (URL), with {@link addScenario}, or
 * draw one on the map ("Nieuw scenario tekenen"). A file with an error is reported (panel and
 * `na-scenario-error`) and nothing else is lost.
 *
 * **Connecting.** `.map` (an `ol/Map`): each scenario becomes a layer styled by measure type, with a
 * swipe (ol-ext `Swipe`) between two chosen scenarios; the host page loads `ol/ol.css` and
 * `ol-ext/control/Swipe.css`. `.sources` (FactSource[]) or the `sources` attribute (URL of a
 * `sources.json`): the polygon sources that give `zone`, `soilCode` and `gt` form the natural
 * system. `.knowledgeBase` (default: the built-in one) and `.params` (a partial `ScenarioParams`
 * over the documented defaults) go to the comparison. The element adds to the map only its layer
 * group, its drawing layer, its Draw/Modify/Snap interactions and the swipe control, and removes
 * exactly those on disconnect or when `.map` changes.
 *
 * **Results.** The ranking and its explanation, an indicator table (each number with an
 * explanation of its formula and source), bar charts of the same numbers, the stress-test ×
 * climate-future matrix per scenario (✓/✗ with text, not colour alone), the fit with the natural
 * system per measure, and the assumptions (parameters tagged S or U, with their source). Exports:
 * each scenario as GeoJSON with the assessment per feature, the indicators as CSV, and a printable
 * report ("Afdrukken").
 *
 * **Keyboard.** Every control is a native one. Drawing without a mouse: move the map with the arrow
 * keys (the map target needs `tabindex="0"`) and add the map centre as a point; the swipe position
 * has a slider.
 *
 * @summary Compare design scenarios on rain, heat, drought and fit with the natural system.
 *
 * @event na-scenario-change - A new comparison is shown (`detail`: `{ names, ranking }`).
 * @event na-scenario-error - A scenario file, the sources or the comparison failed (`detail`: `{ code, message, file? }`).
 *
 * @csspart base - The whole panel (`data-state` holds the state).
 * @csspart title - The title (a heading; level from `heading-level`, default 2).
 * @csspart steps - The "how to start" list of the empty state.
 * @csspart load - The section to load scenarios.
 * @csspart dropzone - The drop zone (with `data-over` while a file is dragged over it).
 * @csspart file-input - The file picker.
 * @csspart url-input - The address field; `url-load` its button.
 * @csspart url-load - The button that loads the address.
 * @csspart errors - The list of scenarios that could not be loaded.
 * @csspart scenario-list - The list of loaded scenarios.
 * @csspart draw - The drawing section.
 * @csspart draw-type - The measure type select.
 * @csspart map-compare - The map controls (left, right, swipe, legend).
 * @csspart swipe-position - The swipe position slider.
 * @csspart legend - The legend of measure types.
 * @csspart swatch - A colour swatch of the legend.
 * @csspart status - The live region (calculating, ready).
 * @csspart notice - Notices (no sources).
 * @csspart results - The results.
 * @csspart ranking - The ranking list.
 * @csspart explanation - The explanation of the ranking.
 * @csspart indicator-table - The indicator table.
 * @csspart explain - An explanation of one indicator (a `details`).
 * @csspart charts - The bar charts; each is a `chart`.
 * @csspart chart - One bar chart.
 * @csspart robustness - The stress-test matrices.
 * @csspart matrix - The matrix of one scenario.
 * @csspart details-pending - Stands in for the fit, contributions and assumptions for the one
 *   task after a new comparison is shown before they are rendered.
 * @csspart details - Holds the fit, contributions and assumptions (`hidden` during that task).
 * @csspart fit - The fit with the natural system.
 * @csspart contributions - What each measure adds (one table per scenario).
 * @csspart contrib-scenario - The `details` of one scenario's contributions.
 * @csspart contributions-table - The contributions table of one scenario.
 * @csspart assumptions - The assumptions list.
 * @csspart actions - The export and print buttons.
 *
 * @cssproperty --na-scenario-compare-max-width - Maximum width (default 60rem).
 * @cssproperty --na-scenario-pass-background - Background of a passed cell.
 * @cssproperty --na-scenario-pass-color - Text of a passed cell.
 * @cssproperty --na-scenario-fail-background - Background of a failed cell (also of the error list).
 * @cssproperty --na-scenario-fail-color - Text of a failed cell.
 * @cssproperty --na-scenario-series-1 - Bar colour of the first scenario (also -2, -3, -4).
 * @cssproperty --na-scenario-drop-background - Background of the drop zone.
 */
export class NaScenarioCompare extends LitElement {
  static override styles = [baseStyles, scenarioCompareStyles];

  /** The OpenLayers map (EPSG:28992, EPSG:3857 or another projection `ol` reaches from RD). */
  @property({ attribute: false }) map?: OlMap;

  /** The fact sources of the natural system. Wins over the `sources` attribute. */
  @property({ attribute: false }) sources?: FactSource[];

  /** URL of a `sources.json` (attribute `sources`); relative data paths resolve against it. */
  @property({ attribute: 'sources' }) sourcesUrl?: string;

  /** The knowledge base for the fit check (default: `defaultKnowledgeBase()`). */
  @property({ attribute: false }) knowledgeBase?: KnowledgeBase;

  /** Parameters that differ from the documented defaults (see src/core/scenario/params.ts). */
  @property({ attribute: false }) params?: DeepPartial<ScenarioParams>;

  /** Comma-separated URLs of scenario GeoJSON files to load (attribute `scenarios`). */
  @property({ attribute: 'scenarios' }) scenarioUrls?: string;

  /** Level of the title heading, 1–6 (attribute `heading-level`). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** Language: `nl` (default) or `en`; inherited from the nearest ancestor with `lang`. */
  @property({ reflect: true }) override lang!: string;

  private readonly _scenarios = new ScenariosController(this, {
    lang: () => this._lang(),
    loadFailedText: (kind, file, why) =>
      this._view().t(kind === 'load' ? 'loadFailed' : 'readFailed', { file, why }),
    changed: () => this._map.setEntries(this.loaded),
  });
  private readonly _sourcesFile = new SourcesController(this, {
    given: () => this.sources,
    url: () => this.sourcesUrl,
    onError: (error, file) => {
      const message = error instanceof Error ? error.message : String(error);
      this.dispatchEvent(new NaScenarioErrorEvent({ code: 'sources-failed', message, file }));
    },
  });
  private readonly _compare = new CompareController(this, {
    inputs: () => ({
      entries: this.loaded,
      sources: this._sourcesFile.sources,
      sourcesLoading: this._sourcesFile.loadingFile,
      knowledgeBase: this.knowledgeBase,
      params: this.params,
    }),
    failed: (error) => this._scenarios.compareFailed(error),
  });
  private readonly _map = new MapController(this, {
    map: () => this.map,
    swipeLabel: () => this._view().t('swipeHandle'),
    hoverText: (key, index) =>
      scenarioHoverText(this._view(), this.loaded, this.result, key, index),
    failed: (e) => this._scenarios.mapFailed(e),
  });
  private readonly _print = new PrintController(this);
  private readonly _details = new DetailsController<ShownComparison>(this, () => this._shown());
  /** Re-renders (texts and the live region) when `lang` changes on an ancestor. */
  private readonly _langs = new LangController(this);
  private readonly _load = new LoadActions(this, {
    loadFiles: (files) => this.loadFiles(files),
    loadUrl: (url) => this.loadUrl(url),
    urlInput: () => this.renderRoot.querySelector<HTMLInputElement>('input[type="url"]'),
    entries: () => this.loaded,
    remove: (key) => this.removeScenario(key),
    dismiss: (id) => this._scenarios.dismiss(id),
    geoJson: (key) => this.exportGeoJson(key),
    csv: () => this.exportCsv(),
  });

  // ---- Public API ---------------------------------------------------------------------------

  /** What the element shows now. */
  get state(): ScenarioCompareState {
    if (this._scenarios.pending > 0 || this._sourcesFile.loadingFile) return 'loading';
    if (this._compare.running) return 'computing';
    if (this._shown() && this.loaded.length > 0) return 'ready';
    return 'empty';
  }

  /** The loaded scenarios, in load order. */
  get loaded(): readonly LoadedScenario[] {
    return this._scenarios.entries;
  }

  /** The comparison now shown, or null. */
  get result(): CompareResult | null {
    return this._shown()?.result ?? null;
  }

  /** The scenario layers on the map (undefined without a map). */
  get scenarioLayers(): ScenarioLayers | undefined {
    return this._map.scenarioLayers;
  }

  /** The drawing on the map (undefined until drawing starts). */
  get drawing(): ScenarioDrawing | undefined {
    return this._map.drawingTool;
  }

  /** Where the comparison runs: `worker`, `main` (no Worker here) or `pending` (none ran yet). */
  get computeMode(): string {
    return this._compare.mode;
  }

  /** Resolves when every load and the comparison are done, with the result (or null). */
  async whenComputed(): Promise<CompareResult | null> {
    for (;;) {
      await this.updateComplete;
      await this._scenarios.whenLoaded();
      await Promise.allSettled([this._sourcesFile.task.taskComplete]);
      await this.updateComplete;
      await Promise.allSettled([this._compare.task.taskComplete]);
      await this.updateComplete;
      await this._details.whenRendered();
      await this._map.whenReady();
      const busy = this._scenarios.pending > 0 || this._sourcesFile.loadingFile;
      if (!busy && !this._compare.running && !this.isUpdatePending) return this.result;
    }
  }

  /**
   * Adds a scenario from parsed GeoJSON (see `parseScenario`). The parser is imported on the first
   * scenario (a chunk of its own), so the scenario is added after a microtask or a chunk load.
   * @returns the loaded scenario, or null when it is invalid (the error is shown and fired).
   */
  addScenario(
    data: unknown,
    fileName = 'scenario.geojson',
    origin: ScenarioOrigin = 'api',
  ): Promise<LoadedScenario | null> {
    return this._scenarios.add(data, fileName, origin);
  }

  /** Loads a scenario from a URL (relative to the page). */
  loadUrl(url: string, origin: ScenarioOrigin = 'url'): Promise<LoadedScenario | null> {
    return this._scenarios.loadUrl(url, origin);
  }

  /** Loads scenarios from files (a file picker's or a drop's `FileList`, or an array). */
  loadFiles(files: Iterable<File> | ArrayLike<File>): Promise<Array<LoadedScenario | null>> {
    return this._scenarios.loadFiles(Array.from(files as ArrayLike<File>));
  }

  /** Removes a scenario by name or key. */
  removeScenario(nameOrKey: string): void {
    this._scenarios.remove(nameOrKey);
  }

  /** The indicator table as CSV (what the CSV button saves), or null before a comparison. */
  exportCsv(): string | null {
    const result = this.result;
    const shown = this._shown();
    return result && shown ? indicatorsCsvIn(this._view(), result, shown.params) : null;
  }

  /**
   * A scenario (by name or key) as GeoJSON in EPSG:28992 with the assessment per feature (zone,
   * soilCode, gt, verdict, reasons), or null when there is no such scenario.
   */
  exportGeoJson(nameOrKey: string): string | null {
    const entry = this._scenarios.find(nameOrKey);
    if (!entry) return null;
    const shown = this._shown();
    const result = shown?.entries.includes(entry) ? shown.result : undefined;
    return scenarioGeoJsonText(entry.scenario, result, this._lang());
  }

  /** Opens every explanation and the browser's print dialog (the print style hides the controls). */
  print(): Promise<void> {
    return this._print.print();
  }

  /** Starts drawing a new scenario on the map (needs `.map`). */
  startDrawing(type?: MeasureType): void {
    this._map.startDrawing(type);
  }

  /** Stops drawing (the drawn polygons stay until they are added or the drawing is cleared). */
  stopDrawing(): void {
    this._map.stopDrawing();
  }

  /**
   * Adds the drawn polygons as a new scenario, clears the drawing and stops drawing.
   * @returns the new scenario, or null when nothing was drawn or it is invalid.
   */
  addDrawnScenario(name?: string): Promise<LoadedScenario | null> {
    return this._map.takeDrawing(name, this._view().t('drawNameDefault'), (data, file) =>
      this.addScenario(data, file, 'drawn'),
    );
  }

  /** Shows a scenario alone, or two with the swipe between them (by name or key). */
  showOnMap(left: string, right?: string): void {
    const key = (n?: string) => (n === undefined ? undefined : this._scenarios.find(n)?.key);
    this._map.show(key(left), key(right));
  }

  // ---- Life cycle -----------------------------------------------------------------------------

  /** Loading the attribute's scenarios changes what renders: before rendering (not in `updated`). */
  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('scenarioUrls')) this._scenarios.syncAttribute(this.scenarioUrls);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('map')) this._map.syncMap();
    if (changed.has('lang')) this._map.relabel();
  }

  // ---- Helpers --------------------------------------------------------------------------------

  private _shown(): ShownComparison | undefined {
    return this.loaded.length > 0 ? this._compare.shown : undefined;
  }

  private _lang(): WidgetLang {
    return resolveLang(this);
  }

  /** The view helpers, the same object while language, heading level and printing stay. */
  private _view(): CompareView {
    return this._views(this._lang(), this.headingLevel, this._print.printing);
  }

  private readonly _views = cachedCompareView();

  // ---- Rendering ----------------------------------------------------------------------------

  protected override render(): TemplateResult {
    return panelView(this._view(), {
      state: this.state,
      headingLevel: this.headingLevel,
      hasMap: this.map !== undefined,
      entries: this.loaded,
      steps: sourcesSteps(this._sourcesFile, this._lang()),
      load: {
        errors: this._scenarios.errors,
        newestError: this._scenarios.newestError,
        ...this._load.view,
      },
      map: this._map,
      onAddDrawn: () => void this.addDrawnScenario(),
      shown: this._shown(),
      detailsRendered: this._details.rendered,
      results: { onCsv: this._load.onCsv, onPrint: () => void this.print() },
    });
  }
}
