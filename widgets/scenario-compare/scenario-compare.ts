import { LitElement, html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ref } from 'lit/directives/ref.js';
import type OlMap from 'ol/Map.js';
import { defaultKnowledgeBase } from '../../src/core/kb/load.js';
import type { KnowledgeBase } from '../../src/core/kb/types.js';
import {
  compareScenarios,
  type CompareResult,
  type ScenarioResult,
} from '../../src/core/scenario/compare.js';
import { bboxOf, type BBox } from '../../src/core/geometry.js';
import { naturalSystem, type NaturalSystem } from '../../src/core/scenario/overlay.js';
import {
  MEASURE_TYPES,
  resolveParams,
  type DeepPartial,
  type MeasureType,
  type ScenarioParams,
} from '../../src/core/scenario/params.js';
import { parseScenario, type Scenario } from '../../src/core/scenario/scenario.js';
import { NaError, type FactSource } from '../../src/core/types.js';
import { createScenarioDrawing, type ScenarioDrawing } from '../../src/map/draw.js';
import {
  MEASURE_COLOURS,
  ScenarioLayers,
  type ScenarioStyleKey,
} from '../../src/map/scenario-layers.js';
import { loadSourcesFile, SourcesFileError } from '../../src/sources/sources-file.js';
import { parseJsonStrict } from '../../src/core/located-json.js';
import { naturalSystemFromSources } from '../../src/sources/natural-system.js';
import { resolveLang, tr, type WidgetLang } from '../shared/lang.js';
import { formatNumberFor } from '../../src/core/messages.js';
import { assumptionSource } from '../../src/core/scenario/assumption-sources.js';
import { LangController } from '../shared/lang-controller.js';
import { baseStyles } from '../shared/styles.js';
import { refocusAfterRemoval } from '../shared/focus.js';
import { NaScenarioChangeEvent, NaScenarioErrorEvent, type ScenarioErrorCode } from './events.js';
import { indicatorsCsv, scenarioGeoJsonText } from './export.js';
import { messages, type MessageKey } from './messages.js';
import { scenarioCompareStyles } from './styles.js';
import { explainParams, indicatorRows, type IndicatorRow } from './table.js';

/** What the element shows. */
export type ScenarioCompareState = 'empty' | 'loading' | 'computing' | 'ready';

/** Where a loaded scenario came from. */
export type ScenarioOrigin = 'attribute' | 'url' | 'file' | 'drawn' | 'api';

/** A loaded scenario as the element lists it. */
export interface LoadedScenario {
  /** Stable key within this element. */
  key: string;
  /** Unique name (the file's `name`; " (2)" added when two scenarios share one). */
  name: string;
  origin: ScenarioOrigin;
  /** File name or URL it was loaded from. */
  from: string;
  scenario: Scenario;
}

interface ShownError {
  id: number;
  file: string;
  message: string;
  /** The message for users as a key, so it follows a change of language. */
  key?: MessageKey;
  params?: Record<string, string | number>;
  /** Technical detail (English), for the map administrator. */
  detail?: string;
}

/** Margin around the scenarios within which the natural system is read, m. */
const SYSTEM_MARGIN_M = 250;

function unionBox(boxes: BBox[]): BBox | undefined {
  if (boxes.length === 0) return undefined;
  return boxes.reduce<BBox>(
    (a, b) => [
      Math.min(a[0], b[0]),
      Math.min(a[1], b[1]),
      Math.max(a[2], b[2]),
      Math.max(a[3], b[3]),
    ],
    [Infinity, Infinity, -Infinity, -Infinity],
  );
}

function contains(outer: BBox, inner: BBox): boolean {
  return (
    inner[0] >= outer[0] && inner[1] >= outer[1] && inner[2] <= outer[2] && inner[3] <= outer[3]
  );
}

function scenarioBox(s: Scenario): BBox {
  return s.planningArea
    ? bboxOf(s.planningArea)
    : (unionBox(s.features.map((f) => bboxOf(f.geometry))) ?? [0, 0, 0, 0]);
}

function fileNameOf(url: string): string {
  try {
    const path = new URL(url, document.baseURI).pathname;
    return decodeURIComponent(path.split('/').pop() ?? url) || url;
  } catch (e) {
    if (e instanceof TypeError) return url;
    throw e;
  }
}

function slug(name: string): string {
  const s = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s === '' ? 'scenario' : s;
}

const nextFrame = (): Promise<void> =>
  new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
  });

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

  @state() private _entries: LoadedScenario[] = [];
  @state() private _errors: ShownError[] = [];
  @state() private _pendingLoads = 0;
  @state() private _result?: CompareResult;
  /** The entries the result belongs to. */
  @state() private _resultEntries: LoadedScenario[] = [];
  @state() private _computing = false;
  @state() private _loadedSources?: FactSource[];
  @state() private _sourcesLoading = false;
  @state() private _sourcesError?: string;
  /** Why the sources file or a data file failed, told in the user's language. */
  @state() private _sourcesLoadError?: SourcesFileError;
  @state() private _left?: string;
  @state() private _right?: string;
  @state() private _swipe = true;
  @state() private _swipePosition = 50;
  @state() private _drawing = false;
  @state() private _drawType: MeasureType = 'wadi';
  @state() private _drawCount = 0;
  @state() private _drawName = '';
  @state() private _dragOver = false;
  @state() private _announcement = '';
  @state() private _printing = false;

  @query('input[type="url"]') private _urlInput?: HTMLInputElement;
  private readonly _langs = new LangController(this, () => this._announceAgain());

  private _seq = 0;
  private _errorSeq = 0;
  private _computeSeq = 0;
  private _computeScheduled = false;
  private _computeController?: AbortController;
  private _configController?: AbortController;
  private _sourcesFrom?: string;
  private _attributeUrls: string[] = [];
  private _system?: { sources: readonly FactSource[]; box: BBox; system: NaturalSystem };
  private _layers?: ScenarioLayers;
  private _drawingCtl?: ScenarioDrawing;
  private _fitted = false;
  private _idle: Array<() => void> = [];
  private _elementController?: AbortController;
  private _paramsCache?: { from: DeepPartial<ScenarioParams> | undefined; value: ScenarioParams };

  // ---- Public API ---------------------------------------------------------------------------

  /** What the element shows now. */
  get state(): ScenarioCompareState {
    if (this._pendingLoads > 0 || this._sourcesLoading) return 'loading';
    if (this._computing || this._computeScheduled) return 'computing';
    if (this._result && this._entries.length > 0) return 'ready';
    return 'empty';
  }

  /** The loaded scenarios, in load order. */
  get loaded(): readonly LoadedScenario[] {
    return this._entries;
  }

  /** The comparison now shown, or null. */
  get result(): CompareResult | null {
    return this._result ?? null;
  }

  /** The scenario layers on the map (undefined without a map). */
  get scenarioLayers(): ScenarioLayers | undefined {
    return this._layers;
  }

  /** The drawing on the map (undefined until drawing starts). */
  get drawing(): ScenarioDrawing | undefined {
    return this._drawingCtl;
  }

  /** Resolves when every load and the comparison are done, with the result (or null). */
  whenComputed(): Promise<CompareResult | null> {
    if (this._isIdle()) return Promise.resolve(this.result);
    return new Promise((resolve) => this._idle.push(() => resolve(this.result)));
  }

  /**
   * Adds a scenario from parsed GeoJSON (see `parseScenario`).
   * @returns the loaded scenario, or null when it is invalid (the error is shown and fired).
   */
  addScenario(
    data: unknown,
    fileName = 'scenario.geojson',
    origin: ScenarioOrigin = 'api',
  ): LoadedScenario | null {
    try {
      const scenario = parseScenario(data, { fileName });
      return this._add(scenario, origin, fileName);
    } catch (e) {
      this._reportLoadError(fileName, e);
      return null;
    }
  }

  /** Loads a scenario from a URL (relative to the page). */
  async loadUrl(url: string, origin: ScenarioOrigin = 'url'): Promise<LoadedScenario | null> {
    const absolute = new URL(url, document.baseURI).href;
    const file = fileNameOf(url);
    this._pendingLoads += 1;
    try {
      let text: string;
      try {
        const response = await fetch(absolute);
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        text = await response.text();
      } catch (e) {
        const why = e instanceof Error ? e.message : String(e);
        this._showError(
          url,
          'load-failed',
          `${url}: could not be loaded (${why}).`,
          this._t('loadFailed', { file: url, why }),
        );
        return null;
      }
      return this._addText(text, file, origin, url);
    } finally {
      this._pendingLoads -= 1;
      this._checkIdle();
    }
  }

  /** Loads scenarios from files (a file picker's or a drop's `FileList`, or an array). */
  async loadFiles(files: Iterable<File> | ArrayLike<File>): Promise<Array<LoadedScenario | null>> {
    const list = Array.from(files as ArrayLike<File>);
    this._pendingLoads += 1;
    try {
      const texts = await Promise.all(
        list.map((f) =>
          f.text().then(
            (text) => ({ f, text }),
            (e: unknown) => ({ f, error: e instanceof Error ? e.message : String(e) }),
          ),
        ),
      );
      return texts.map((t) => {
        if ('error' in t) {
          this._showError(
            t.f.name,
            'load-failed',
            `${t.f.name}: could not be read (${t.error}).`,
            this._t('readFailed', { file: t.f.name, why: t.error }),
          );
          return null;
        }
        return this._addText(t.text, t.f.name, 'file', t.f.name);
      });
    } finally {
      this._pendingLoads -= 1;
      this._checkIdle();
    }
  }

  /** Removes a scenario by name or key. */
  removeScenario(nameOrKey: string): void {
    const before = this._entries.length;
    this._entries = this._entries.filter((e) => e.name !== nameOrKey && e.key !== nameOrKey);
    if (this._entries.length !== before) this._entriesChanged();
  }

  /** The indicator table as CSV (what the CSV button saves), or null before a comparison. */
  exportCsv(): string | null {
    const result = this._result;
    if (!result) return null;
    const params = this._params();
    return indicatorsCsv(
      result,
      indicatorRows(result, params),
      (row) => this._rowLabel(row),
      (row) => this._t(`unit_${row.unit}` as MessageKey),
      (test, future) => `${this._testLabel(test, params)} – ${this._futureLabel(future)}`,
    );
  }

  /**
   * A scenario (by name or key) as GeoJSON in EPSG:28992 with the assessment per feature (zone,
   * soilCode, gt, verdict, reasons), or null when there is no such scenario.
   */
  exportGeoJson(nameOrKey: string): string | null {
    const entry = this._entries.find((e) => e.name === nameOrKey || e.key === nameOrKey);
    if (!entry) return null;
    const result = this._resultEntries.includes(entry) ? this._result : undefined;
    return scenarioGeoJsonText(entry.scenario, result, this._lang());
  }

  /** Opens every explanation and the browser's print dialog (the print style hides the controls). */
  async print(): Promise<void> {
    this._printing = true;
    await this.updateComplete;
    try {
      window.print();
    } finally {
      this._printing = false;
    }
  }

  /** Starts drawing a new scenario on the map (needs `.map`). */
  startDrawing(type?: MeasureType): void {
    const map = this.map;
    if (!map) return;
    if (type) this._drawType = type;
    if (!this._drawingCtl) {
      this._drawingCtl = createScenarioDrawing(map, {
        type: this._drawType,
        snapTo: this._layers?.sources() ?? [],
        onChange: (count) => {
          this._drawCount = count;
        },
      });
    }
    this._drawingCtl.type = this._drawType;
    this._drawingCtl.start();
    this._drawing = true;
  }

  /** Stops drawing (the drawn polygons stay until they are added or the drawing is cleared). */
  stopDrawing(): void {
    this._drawingCtl?.stop();
    this._drawing = false;
  }

  /**
   * Adds the drawn polygons as a new scenario, clears the drawing and stops drawing.
   * @returns the new scenario, or null when nothing was drawn or it is invalid.
   */
  addDrawnScenario(name?: string): LoadedScenario | null {
    const drawing = this._drawingCtl;
    if (!drawing || drawing.count() === 0) return null;
    const finalName = (name ?? this._drawName).trim() || this._t('drawNameDefault');
    const fc = drawing.toGeoJson(finalName);
    const added = this.addScenario(fc, `${finalName}.geojson`, 'drawn');
    if (added) {
      drawing.clear();
      this.stopDrawing();
      this._drawName = '';
    }
    return added;
  }

  /** Shows a scenario alone, or two with the swipe between them (by name or key). */
  showOnMap(left: string, right?: string): void {
    const key = (n: string) => this._entries.find((e) => e.name === n || e.key === n)?.key;
    this._left = key(left);
    if (right !== undefined) {
      this._right = key(right);
      this._swipe = true;
    } else this._swipe = false;
    this._syncView();
  }

  // ---- Life cycle -----------------------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    this._elementController = new AbortController();
    window.addEventListener('beforeprint', () => (this._printing = true), {
      signal: this._elementController.signal,
    });
    window.addEventListener('afterprint', () => (this._printing = false), {
      signal: this._elementController.signal,
    });
    this._syncMap();
    this._syncSources();
    this._syncAttributeScenarios();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._elementController?.abort();
    this._elementController = undefined;
    this._configController?.abort(new DOMException('The element was removed.', 'AbortError'));
    this._computeController?.abort(new DOMException('The element was removed.', 'AbortError'));
    if (this._sourcesLoading) {
      this._sourcesLoading = false;
      this._sourcesFrom = undefined;
    }
    this._teardownMap();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.isConnected) return;
    if (changed.has('map')) this._syncMap();
    if (changed.has('sources') || changed.has('sourcesUrl')) this._syncSources();
    if (changed.has('scenarioUrls')) this._syncAttributeScenarios();
    if (changed.has('params') || changed.has('knowledgeBase')) this._scheduleCompute();
    if (changed.has('lang')) this._layers?.setSwipeLabel(this._t('swipeHandle'));
  }

  // ---- Loading --------------------------------------------------------------------------------

  private _addText(
    text: string,
    file: string,
    origin: ScenarioOrigin,
    from: string,
  ): LoadedScenario | null {
    let data: unknown;
    try {
      data = parseJsonStrict(text, file);
    } catch (e) {
      this._reportLoadError(file, e);
      return null;
    }
    try {
      return this._add(parseScenario(data, { fileName: file }), origin, from);
    } catch (e) {
      this._reportLoadError(file, e);
      return null;
    }
  }

  private _add(scenario: Scenario, origin: ScenarioOrigin, from: string): LoadedScenario {
    const names = new Set(this._entries.map((e) => e.name));
    let name = scenario.name;
    for (let n = 2; names.has(name); n++) name = `${scenario.name} (${n})`;
    const entry: LoadedScenario = {
      key: `s${++this._seq}`,
      name,
      origin,
      from,
      scenario: name === scenario.name ? scenario : { ...scenario, name },
    };
    this._entries = [...this._entries, entry];
    this._entriesChanged();
    return entry;
  }

  private _reportLoadError(file: string, e: unknown): void {
    if (!(e instanceof Error)) throw e;
    const code = e instanceof NaError ? e.code : 'load-failed';
    const { line, column } = e instanceof NaError ? e.details : {};
    const syntax = typeof line === 'number' && typeof column === 'number';
    this._showError(file, code, e.message, e.message, {
      key: syntax ? 'fileSyntax' : 'fileUnusable',
      params: syntax ? { file, line, column } : { file },
      detail: e.message,
    });
  }

  private _showError(
    file: string,
    code: ScenarioErrorCode,
    message: string,
    shown: string,
    extra: Pick<ShownError, 'key' | 'params' | 'detail'> = {},
  ): void {
    this._errors = [...this._errors, { id: ++this._errorSeq, file, message: shown, ...extra }];
    this.dispatchEvent(new NaScenarioErrorEvent({ code, message, file }));
  }

  private _syncAttributeScenarios(): void {
    const urls = (this.scenarioUrls ?? '')
      .split(',')
      .map((u) => u.trim())
      .filter((u) => u !== '');
    const same =
      urls.length === this._attributeUrls.length &&
      urls.every((u, i) => u === this._attributeUrls[i]);
    if (same) return;
    const gone = new Set(this._attributeUrls.filter((u) => !urls.includes(u)));
    const before = this._entries.length;
    this._entries = this._entries.filter((e) => !(e.origin === 'attribute' && gone.has(e.from)));
    if (this._entries.length !== before) this._entriesChanged();
    const added = urls.filter((u) => !this._attributeUrls.includes(u));
    this._attributeUrls = urls;
    if (added.length === 0) return;
    // Fetch in parallel, add in the attribute's order.
    this._pendingLoads += 1;
    const fetched = added.map((url) =>
      fetch(new URL(url, document.baseURI).href).then(
        async (r) => (r.ok ? { url, text: await r.text() } : { url, error: `HTTP ${r.status}` }),
        (e: unknown) => ({ url, error: e instanceof Error ? e.message : String(e) }),
      ),
    );
    void Promise.all(fetched)
      .then((results) => {
        for (const r of results) {
          if (!this._attributeUrls.includes(r.url)) continue;
          if (r.error !== undefined) {
            this._showError(
              r.url,
              'load-failed',
              `${r.url}: could not be loaded (${r.error}).`,
              this._t('loadFailed', { file: r.url, why: r.error }),
            );
          } else this._addText(r.text ?? '', fileNameOf(r.url), 'attribute', r.url);
        }
      })
      .finally(() => {
        this._pendingLoads -= 1;
        this._checkIdle();
      });
  }

  private _entriesChanged(): void {
    const keys = new Set(this._entries.map((e) => e.key));
    if (!this._left || !keys.has(this._left)) this._left = this._entries[0]?.key;
    if (!this._right || !keys.has(this._right) || this._right === this._left)
      this._right = this._entries.find((e) => e.key !== this._left)?.key;
    this._syncLayers();
    this._scheduleCompute();
  }

  // ---- Sources and the natural system ----------------------------------------------------------

  private _effectiveSources(): FactSource[] | undefined {
    return this.sources ?? this._loadedSources;
  }

  private _syncSources(): void {
    if (this.sources) {
      this._scheduleCompute();
      return;
    }
    const url = this.sourcesUrl;
    if (!url) {
      this._configController?.abort(
        new DOMException('The sources attribute was removed.', 'AbortError'),
      );
      this._loadedSources = undefined;
      this._sourcesFrom = undefined;
      this._sourcesLoading = false;
      this._scheduleCompute();
      return;
    }
    const absolute = new URL(url, document.baseURI).href;
    if (absolute === this._sourcesFrom) return;
    this._configController?.abort(new DOMException('The sources URL changed.', 'AbortError'));
    const controller = new AbortController();
    this._configController = controller;
    this._sourcesFrom = absolute;
    this._loadedSources = undefined;
    this._sourcesError = undefined;
    this._sourcesLoading = true;
    const load = async (location: string): Promise<string> => {
      const response = await fetch(location, { signal: controller.signal });
      if (!response.ok) throw new Error(`HTTP ${response.status} for ${location}`);
      return response.text();
    };
    void loadSourcesFile(absolute, { load, signal: controller.signal }).then(
      (sources) => {
        if (controller.signal.aborted) return;
        this._sourcesLoading = false;
        this._loadedSources = sources;
        this._scheduleCompute();
      },
      (e: unknown) => {
        if (controller.signal.aborted) return;
        this._sourcesLoading = false;
        this._sourcesFrom = undefined;
        const message = e instanceof Error ? e.message : String(e);
        this._sourcesError = message;
        this._sourcesLoadError = e instanceof SourcesFileError ? e : undefined;
        this.dispatchEvent(
          new NaScenarioErrorEvent({ code: 'sources-failed', message, file: absolute }),
        );
        this._scheduleCompute();
      },
    );
  }

  private async _systemFor(
    entries: readonly LoadedScenario[],
    signal: AbortSignal,
  ): Promise<NaturalSystem> {
    const sources = this._effectiveSources();
    if (!sources || sources.length === 0) return naturalSystem({});
    const box = unionBox(entries.map((e) => scenarioBox(e.scenario)));
    if (!box) return naturalSystem({});
    const cached = this._system;
    if (cached && cached.sources === sources && contains(cached.box, box)) return cached.system;
    const wide: BBox = [
      box[0] - SYSTEM_MARGIN_M,
      box[1] - SYSTEM_MARGIN_M,
      box[2] + SYSTEM_MARGIN_M,
      box[3] + SYSTEM_MARGIN_M,
    ];
    const system = await naturalSystemFromSources(sources, { signal, bbox: wide });
    this._system = { sources, box: wide, system };
    return system;
  }

  // ---- Comparing ------------------------------------------------------------------------------

  private _params(): ScenarioParams {
    const cached = this._paramsCache;
    if (cached && cached.from === this.params) return cached.value;
    const value = resolveParams(this.params ?? {});
    this._paramsCache = { from: this.params, value };
    return value;
  }

  private _scheduleCompute(): void {
    if (this._computeScheduled) return;
    this._computeScheduled = true;
    this.requestUpdate();
    void Promise.resolve().then(() => {
      this._computeScheduled = false;
      void this._compute();
    });
  }

  private async _compute(): Promise<void> {
    const seq = ++this._computeSeq;
    this._computeController?.abort(new DOMException('A newer comparison started.', 'AbortError'));
    const controller = new AbortController();
    this._computeController = controller;
    const entries = this._entries;
    if (this._sourcesLoading) {
      // Computed again when the sources are loaded.
      this._computing = false;
      this._checkIdle();
      return;
    }
    if (entries.length === 0) {
      const had = this._result !== undefined;
      this._result = undefined;
      this._resultEntries = [];
      this._computing = false;
      if (had) this.dispatchEvent(new NaScenarioChangeEvent({ names: [], ranking: [] }));
      this._checkIdle();
      return;
    }
    this._computing = true;
    let result: CompareResult | undefined;
    try {
      const system = await this._systemFor(entries, controller.signal);
      if (seq !== this._computeSeq) return;
      // Let the "calculating" status render before the (synchronous) comparison.
      await this.updateComplete;
      await nextFrame();
      if (seq !== this._computeSeq) return;
      result = compareScenarios(
        entries.map((e) => e.scenario),
        system,
        this.knowledgeBase ?? defaultKnowledgeBase(),
        this.params ?? {},
      );
    } catch (e) {
      if (seq !== this._computeSeq || controller.signal.aborted) return;
      const message = e instanceof Error ? e.message : String(e);
      this._showError('', 'compare-failed', message, this._t('computeFailed', { message }));
    } finally {
      if (seq === this._computeSeq) {
        this._computing = false;
        if (result) {
          this._result = result;
          this._resultEntries = entries;
          this._announcement = this._t('announceReady', { name: result.ranking[0] ?? '' });
          this.dispatchEvent(
            new NaScenarioChangeEvent({
              names: entries.map((e) => e.name),
              ranking: [...result.ranking],
            }),
          );
        }
        this._checkIdle();
      }
    }
  }

  private _isIdle(): boolean {
    return (
      this._pendingLoads === 0 &&
      !this._computing &&
      !this._computeScheduled &&
      !this._sourcesLoading
    );
  }

  private _checkIdle(): void {
    // After the current task: a load that just finished may schedule a comparison.
    setTimeout(() => {
      if (!this._isIdle() || this._idle.length === 0) return;
      const waiting = this._idle.splice(0);
      for (const resolve of waiting) resolve();
    }, 0);
  }

  // ---- Map --------------------------------------------------------------------------------------

  private _syncMap(): void {
    if (this._layers && this._layers.map === this.map) return;
    this._teardownMap();
    if (!this.map) return;
    this._layers = new ScenarioLayers(this.map, { swipeLabel: this._t('swipeHandle') });
    this._layers.setHoverText((key, index) => this._hoverText(key, index));
    this._fitted = false;
    this._syncLayers();
  }

  /** The hover text of a feature on the map: what it adds and how it fits (text, not HTML). */
  private _hoverText(key: string, index: number): string | undefined {
    const entry = this._entries.find((e) => e.key === key);
    const r = entry
      ? this.result?.scenarios.find((s) => s.name === entry.scenario.name)
      : undefined;
    const c = r?.contributions.find((x) => x.index === index);
    if (!r || !c) return undefined;
    const lang = this._lang();
    const fit = r.fit.measures.find((m) => m.index === index);
    const reason = fit?.reasons[0];
    return this._t('hoverMeasure', {
      type: this._typeLabel(c.type),
      area: this._fmt(c.area_m2, 0),
      storage: this._fmt(c.storage_m3, 1),
      runoff: this._fmt(c.runoff_m3, 1),
      infiltration: this._fmt(c.infiltration_m3, 1),
      works: c.infiltration_works_share !== null ? this._pct(c.infiltration_works_share) : '–',
      cooling: c.cooling !== null ? this._fmt(c.cooling, 2) : '–',
      cost: this._fmt(c.cost_eur, 0),
      verdict: fit ? this._t(`verdict_${fit.verdict}` as MessageKey) : '–',
      reason: reason ? (reason[lang] ?? reason.nl) : '',
    });
  }

  private _teardownMap(): void {
    this._drawingCtl?.destroy();
    this._drawingCtl = undefined;
    this._drawing = false;
    this._drawCount = 0;
    this._layers?.destroy();
    this._layers = undefined;
  }

  private _syncLayers(): void {
    const layers = this._layers;
    if (!layers) return;
    layers.set(this._entries.map((e) => ({ key: e.key, scenario: e.scenario })));
    this._syncView();
    this._drawingCtl?.setSnapTo(layers.sources());
    if (!this._fitted && this._entries.length > 0) {
      this._fitted = true;
      layers.fit();
    }
  }

  private _syncView(): void {
    const layers = this._layers;
    if (!layers) return;
    const left = this._left;
    const right = this._right;
    if (!left) layers.show({ mode: 'none' });
    else if (this._swipe && right && right !== left)
      layers.show({ mode: 'swipe', left, right, position: this._swipePosition / 100 });
    else layers.show({ mode: 'single', key: left });
  }

  // ---- Text helpers -----------------------------------------------------------------------------

  private _lang(): WidgetLang {
    return resolveLang(this);
  }

  private _t(key: MessageKey, params: Record<string, string | number> = {}): string {
    return tr(messages, key, this._lang(), params);
  }

  private _fmt(v: number, digits: number): string {
    if (!Number.isFinite(v)) return '–';
    return formatNumberFor(v, this._lang(), {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
  }

  private _pct(v: number): string {
    return `${this._fmt(v * 100, 0)} %`;
  }

  private _rowLabel(row: IndicatorRow): string {
    return this._t(row.label, row.labelParams);
  }

  private _typeLabel(type: string): string {
    const key = `type_${type}` as MessageKey;
    return key in messages ? this._t(key) : type;
  }

  private _testLabel(test: string, params: ScenarioParams): string {
    if (test === 'hot-day') return this._t('testHot');
    if (test === 'dry-period') return this._t('testDry');
    const id = test.replace(/^rain-/, '');
    const storm = params.storms.find((s) => s.id === id);
    return this._t('testRain', {
      id,
      depth: storm ? this._fmt(storm.depthMm, 0) : '?',
      hours: storm ? this._fmt(storm.durationH, 0) : '?',
    });
  }

  private _futureLabel(future: string): string {
    return future === 'today' ? this._t('futureToday') : future;
  }

  // ---- Events from the template ------------------------------------------------------------------

  private _onFiles(e: Event): void {
    const input = e.target as HTMLInputElement;
    const files = input.files ? Array.from(input.files) : [];
    void this.loadFiles(files).finally(() => {
      input.value = '';
    });
  }

  private _onDragOver(e: DragEvent): void {
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    this._dragOver = true;
  }

  private _onDrop(e: DragEvent): void {
    e.preventDefault();
    this._dragOver = false;
    const files = e.dataTransfer?.files;
    if (files && files.length > 0) void this.loadFiles(files);
  }

  private _onUrlSubmit(e: Event): void {
    e.preventDefault();
    const url = this._urlInput?.value.trim() ?? '';
    if (url === '') return;
    void this.loadUrl(url).then((added) => {
      if (added && this._urlInput) this._urlInput.value = '';
    });
  }

  private _download(text: string, fileName: string, type: string): void {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  private _downloadCsv(): void {
    const csv = this.exportCsv();
    if (csv) this._download(csv, 'scenario-vergelijking.csv', 'text/csv;charset=utf-8');
  }

  private _downloadGeoJson(entry: LoadedScenario): void {
    const text = this.exportGeoJson(entry.key);
    if (text) this._download(text, `${slug(entry.name)}.geojson`, 'application/geo+json');
  }

  // ---- Rendering --------------------------------------------------------------------------------

  private _heading(level: number, text: string, part: string): TemplateResult {
    const l = Math.min(6, Math.max(1, Math.round(level)));
    switch (l) {
      case 1:
        return html`<h1 part=${part}>${text}</h1>`;
      case 3:
        return html`<h3 part=${part}>${text}</h3>`;
      case 4:
        return html`<h4 part=${part}>${text}</h4>`;
      case 5:
        return html`<h5 part=${part}>${text}</h5>`;
      case 6:
        return html`<h6 part=${part}>${text}</h6>`;
      default:
        return html`<h2 part=${part}>${text}</h2>`;
    }
  }

  /** A section heading one level below the title. */
  private _sub(text: string, part = 'section-title'): TemplateResult {
    return this._heading(this.headingLevel + 1, text, part);
  }

  protected override render(): TemplateResult {
    const state = this.state;
    return html`<div part="base" data-state=${state}>
      ${this._heading(this.headingLevel, this._t('title'), 'title')}
      <p>${this._t('intro')}</p>
      ${this._renderSteps()} ${this._renderLoad()} ${this._renderDraw()}
      ${this._renderMapControls()}
      <p part="status" role="status" ?data-busy=${state === 'computing' || state === 'loading'}>
        ${
          state === 'computing'
            ? this._t('computing')
            : state === 'loading'
              ? this._t('loading')
              : this._announcement
        }
      </p>
      ${this._renderResults()}
    </div>`;
  }

  private _renderSteps(): TemplateResult | typeof nothing {
    const sources = this._effectiveSources();
    const mapOk = this.map !== undefined;
    const sourcesOk = sources !== undefined && sources.length > 0;
    const enough = this._entries.length >= 2;
    if (mapOk && sourcesOk && enough) return nothing;
    const sourcesText = this._sourcesLoading
      ? this._t('stepSourcesLoading')
      : this._sourcesError
        ? html`${this._t('stepSourcesError', {
            message: this._sourcesLoadError?.userText(this._lang()) ?? '',
          })}${this._technical(this._sourcesError)}`
        : sourcesOk
          ? this._t('stepSourcesOk', { count: sources.length })
          : this._t('stepSourcesTodo');
    return html`<section part="empty">
      ${this._sub(this._t('stepsTitle'))}
      <ol part="steps">
        <li data-step="map" data-done=${String(mapOk)}>
          ${mapOk ? this._t('stepMapOk') : this._t('stepMapTodo')}
        </li>
        <li data-step="sources" data-done=${String(sourcesOk)}>${sourcesText}</li>
        <li data-step="scenarios" data-done=${String(enough)}>
          ${this._entries.length === 1 ? this._t('stepScenariosOne') : this._t('stepScenariosTodo')}
        </li>
      </ol>
    </section>`;
  }

  private _renderLoad(): TemplateResult {
    return html`<section part="load">
      ${this._sub(this._t('loadTitle'))}
      <div
        part="dropzone"
        ?data-over=${this._dragOver}
        @dragenter=${this._onDragOver}
        @dragover=${this._onDragOver}
        @dragleave=${() => (this._dragOver = false)}
        @drop=${this._onDrop}
      >
        <p>${this._t('dropZone')}</p>
        <label part="file-label"
          >${this._t('chooseFiles')}
          <input
            part="file-input"
            type="file"
            multiple
            accept=".geojson,.json,application/geo+json,application/json"
            @change=${this._onFiles}
        /></label>
      </div>
      <form class="row" novalidate @submit=${this._onUrlSubmit}>
        <label
          >${this._t('urlLabel')}
          <input part="url-input" type="url" name="url" autocomplete="url" inputmode="url"
        /></label>
        <button part="url-load" type="submit">${this._t('urlLoad')}</button>
      </form>
      <div part="errors" role="alert">${this._renderErrors()}</div>
      ${
        this._entries.length > 0
          ? html`${this._sub(this._t('loadedList'), 'list-title')}
              <ul part="scenario-list">
                ${this._entries.map((e) => this._renderEntry(e))}
              </ul>`
          : nothing
      }
    </section>`;
  }

  /** Dismisses an error; focus moves to the next error's button, else to the file input. */
  private _dismissError(id: ShownError['id']): void {
    const index = this._errors.findIndex((x) => x.id === id);
    this._errors = this._errors.filter((x) => x.id !== id);
    void refocusAfterRemoval(this, 'dismiss', index, 'file-input');
  }

  /** Removes a scenario from the list; focus moves to the next remove button, else the file input. */
  private _removeFromList(key: string): void {
    const index = this._entries.findIndex((x) => x.key === key);
    this.removeScenario(key);
    void refocusAfterRemoval(this, 'remove', index, 'file-input');
  }

  /** Writes the live region's text again in the current language. */
  private _announceAgain(): void {
    if (this._announcement !== '' && this._result)
      this._announcement = this._t('announceReady', { name: this._result.ranking[0] ?? '' });
  }

  /** Technical detail (English) for the map administrator, folded away. */
  private _technical(detail: string): TemplateResult {
    return html`<details part="technical-detail" lang="en">
      <summary lang=${this._lang()}>${this._t('technicalDetail')}</summary>
      <p>${detail}</p>
    </details>`;
  }

  private _renderErrors(): TemplateResult | typeof nothing {
    if (this._errors.length === 0) return nothing;
    return html`<strong>${this._t('errorsTitle')}</strong>
      <ul>
        ${this._errors.map(
          (err) =>
            html`<li>
              <span part="error-message"
                >${err.key ? this._t(err.key, err.params) : err.message}</span
              >${err.detail === undefined ? nothing : this._technical(err.detail)}
              <button
                type="button"
                part="dismiss"
                aria-label=${this._t('dismissNamed', { file: err.file || this._t('errorsTitle') })}
                @click=${() => this._dismissError(err.id)}
              >
                ${this._t('dismiss')}
              </button>
            </li>`,
        )}
      </ul>
      ${this._entries.length > 0 ? html`<p>${this._t('errorKept')}</p>` : nothing}`;
  }

  private _renderEntry(e: LoadedScenario): TemplateResult {
    const origin =
      e.origin === 'drawn'
        ? this._t('originDrawn')
        : e.origin === 'file'
          ? this._t('originFile', { from: e.from })
          : e.origin === 'api'
            ? this._t('originApi')
            : this._t('originUrl', { from: e.from });
    return html`<li data-key=${e.key}>
      <strong>${e.name}</strong>
      <span class="meta"
        >(${origin}; ${this._t('featureCount', { count: e.scenario.features.length })})</span
      >
      <span class="row">
        <button
          type="button"
          part="download-geojson"
          aria-label=${this._t('downloadGeoJsonNamed', { name: e.name })}
          @click=${() => this._downloadGeoJson(e)}
        >
          ${this._t('downloadGeoJson')}
        </button>
        <button
          type="button"
          part="remove"
          aria-label=${this._t('removeNamed', { name: e.name })}
          @click=${() => this._removeFromList(e.key)}
        >
          ${this._t('remove')}
        </button>
      </span>
    </li>`;
  }

  private _renderDraw(): TemplateResult {
    const hasMap = this.map !== undefined;
    return html`<fieldset part="draw">
      <legend>${this._t('drawTitle')}</legend>
      ${hasMap ? nothing : html`<p>${this._t('drawNoMap')}</p>`}
      <div class="row">
        <label
          >${this._t('drawName')}
          <input
            type="text"
            part="draw-name"
            .value=${this._drawName}
            placeholder=${this._t('drawNameDefault')}
            @input=${(e: Event) => (this._drawName = (e.target as HTMLInputElement).value)}
        /></label>
        <label
          >${this._t('drawType')}
          <select
            part="draw-type"
            @change=${(e: Event) => {
              this._drawType = (e.target as HTMLSelectElement).value as MeasureType;
              if (this._drawingCtl) this._drawingCtl.type = this._drawType;
            }}
          >
            ${MEASURE_TYPES.map(
              (t) =>
                html`<option value=${t} ?selected=${t === this._drawType}>
                  ${this._typeLabel(t)}
                </option>`,
            )}
          </select></label
        >
      </div>
      <div class="row">
        ${
          this._drawing
            ? html`<button type="button" part="draw-stop" @click=${() => this.stopDrawing()}>
                  ${this._t('drawStop')}
                </button>
                <button
                  type="button"
                  part="draw-append"
                  @click=${() => this._drawingCtl?.appendCentre()}
                >
                  ${this._t('drawAppend')}
                </button>
                <button
                  type="button"
                  part="draw-finish"
                  @click=${() => this._drawingCtl?.finishSketch()}
                >
                  ${this._t('drawFinish')}
                </button>
                <button
                  type="button"
                  part="draw-abort"
                  @click=${() => this._drawingCtl?.abortSketch()}
                >
                  ${this._t('drawAbort')}
                </button>`
            : html`<button
                type="button"
                part="draw-start"
                ?disabled=${!hasMap}
                @click=${() => this.startDrawing()}
              >
                ${this._t('drawStart')}
              </button>`
        }
        <button
          type="button"
          part="draw-undo"
          ?disabled=${this._drawCount === 0}
          @click=${() => this._drawingCtl?.removeLast()}
        >
          ${this._t('drawUndo')}
        </button>
        <button
          type="button"
          class="primary"
          part="draw-add"
          ?disabled=${this._drawCount === 0}
          @click=${() => this.addDrawnScenario()}
        >
          ${this._t('drawAdd', { count: this._drawCount })}
        </button>
      </div>
      ${this._drawing ? html`<p part="draw-help">${this._t('drawHelp')}</p>` : nothing}
    </fieldset>`;
  }

  private _renderMapControls(): TemplateResult | typeof nothing {
    if (!this.map || this._entries.length === 0) return nothing;
    const options = (selected: string | undefined) =>
      this._entries.map(
        (e) => html`<option value=${e.key} ?selected=${e.key === selected}>${e.name}</option>`,
      );
    const types = new Set<string>();
    for (const e of this._entries) {
      if (e.key !== this._left && !(this._swipe && e.key === this._right)) continue;
      for (const f of e.scenario.features) types.add(f.type);
      if (e.scenario.planningArea) types.add('plangebied');
    }
    const legend = ([...MEASURE_TYPES, 'plangebied'] as ScenarioStyleKey[]).filter((t) =>
      types.has(t),
    );
    const canSwipe = this._entries.length >= 2;
    return html`<fieldset part="map-compare">
      <legend>${this._t('mapTitle')}</legend>
      <div class="row">
        <label
          >${this._t('mapLeft')}
          <select
            part="map-left"
            @change=${(e: Event) => {
              this._left = (e.target as HTMLSelectElement).value;
              this._syncView();
            }}
          >
            ${options(this._left)}
          </select></label
        >
        ${
          canSwipe
            ? html`<label
                  ><input
                    type="checkbox"
                    part="swipe-toggle"
                    .checked=${this._swipe}
                    @change=${(e: Event) => {
                      this._swipe = (e.target as HTMLInputElement).checked;
                      this._syncView();
                    }}
                  />${this._t('mapSwipe')}</label
                >
                <label
                  >${this._t('mapRight')}
                  <select
                    part="map-right"
                    ?disabled=${!this._swipe}
                    @change=${(e: Event) => {
                      this._right = (e.target as HTMLSelectElement).value;
                      this._syncView();
                    }}
                  >
                    ${options(this._right)}
                  </select></label
                >
                <label
                  >${this._t('swipePosition')}
                  <input
                    type="range"
                    part="swipe-position"
                    min="0"
                    max="100"
                    step="5"
                    ?disabled=${!this._swipe}
                    .value=${String(this._swipePosition)}
                    @input=${(e: Event) => {
                      this._swipePosition = Number((e.target as HTMLInputElement).value);
                      this._layers?.setSwipePosition(this._swipePosition / 100);
                    }}
                /></label>`
            : nothing
        }
        <button type="button" part="zoom" @click=${() => this._layers?.fit()}>
          ${this._t('zoomTo')}
        </button>
      </div>
      <div part="legend">
        <strong>${this._t('legendTitle')}</strong>
        <ul>
          ${legend.map((t) => {
            const c = MEASURE_COLOURS[t];
            return html`<li>
              <span
                part="swatch"
                aria-hidden="true"
                ${ref((node) => {
                  // Through the CSSOM: a style attribute would break a strict CSP (no 'unsafe-inline').
                  if (!(node instanceof HTMLElement)) return;
                  const dashed = c.dash !== undefined;
                  node.style.setProperty('background', t === 'plangebied' ? 'transparent' : c.fill);
                  node.style.setProperty(
                    'opacity',
                    String(t === 'plangebied' ? 1 : Math.max(0.5, c.opacity)),
                  );
                  node.style.setProperty('border-color', c.stroke);
                  node.style.setProperty('border-style', dashed ? 'dashed' : 'solid');
                  node.style.setProperty('border-width', t === 'plangebied' ? '2px' : '1px');
                })}
              ></span
              >${this._typeLabel(t)}
            </li>`;
          })}
        </ul>
      </div>
    </fieldset>`;
  }

  private _renderResults(): TemplateResult | typeof nothing {
    const result = this._result;
    if (!result || this._entries.length === 0) return nothing;
    const lang = this._lang();
    const params = this._params();
    const rows = indicatorRows(result, params);
    const sources = this._effectiveSources();
    return html`<section part="results">
      ${this._sub(this._t('resultsTitle'))}
      ${!sources || sources.length === 0 ? html`<p part="notice">${this._t('noSourcesNotice')}</p>` : nothing}
      ${this._sub(this._t('rankingTitle'), 'ranking-title')}
      <ol part="ranking">
        ${result.ranking.map((name) => {
          const r = result.scenarios.find((s) => s.name === name);
          return html`<li>
            ${this._t('rankingItem', { name, domain: r ? this._pct(r.robustness.domain) : '–' })}
          </li>`;
        })}
      </ol>
      <p part="explanation">${result.explanation[lang] ?? result.explanation.nl}</p>
      ${this._renderTable(result, rows, params)} ${this._renderCharts(result, rows)}
      ${this._renderRobustness(result, params)} ${this._renderFit(result)}
      ${this._renderContributions(result, params)} ${this._renderAssumptions(result)}
      <div part="actions" class="row">
        <button type="button" part="download-csv" @click=${() => this._downloadCsv()}>
          ${this._t('downloadCsv')}
        </button>
        <button type="button" part="print" @click=${() => void this.print()}>
          ${this._t('print')}
        </button>
      </div>
    </section>`;
  }

  private _renderTable(
    result: CompareResult,
    rows: IndicatorRow[],
    params: ScenarioParams,
  ): TemplateResult {
    const ep = explainParams(params, (v, d) => this._fmt(v, d));
    return html`${this._sub(this._t('tableTitle'), 'table-title')}
      <div class="scroll" role="region" aria-label=${this._t('tableTitle')} tabindex="0">
        <table part="indicator-table">
          <caption>
            ${this._t('tableCaption')}
          </caption>
          <thead>
            <tr>
              <th scope="col">${this._t('indicator')}</th>
              <th scope="col">${this._t('unit')}</th>
              ${result.scenarios.map((s) => html`<th scope="col">${s.name}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${rows.map((row) => {
              const label = this._rowLabel(row);
              return html`<tr data-key=${row.key}>
                <th scope="row">
                  ${label}
                  <details part="explain" ?open=${this._printing}>
                    <summary>
                      ${this._t('explain')}<span class="visually-hidden">
                        ${this._t('explainAbout', { label })}</span
                      >
                    </summary>
                    <p>${this._t(row.explain, ep)}</p>
                  </details>
                </th>
                <td>${this._t(`unit_${row.unit}` as MessageKey)}</td>
                ${row.values.map((v) => html`<td class="num">${this._fmt(v, row.digits)}</td>`)}
              </tr>`;
            })}
          </tbody>
        </table>
      </div>`;
  }

  private _renderCharts(result: CompareResult, rows: IndicatorRow[]): TemplateResult {
    const names = result.scenarios.map((s) => s.name);
    return html`<details part="charts-section" open>
      <summary>${this._t('chartsTitle')}</summary>
      <p>${this._t('chartsNote')}</p>
      <div part="charts">
        ${rows.filter((r) => r.key !== 'area').map((row) => this._renderChart(row, names))}
      </div>
    </details>`;
  }

  private _renderChart(row: IndicatorRow, names: string[]): TemplateResult {
    const label = this._rowLabel(row);
    const unit = this._t(`unit_${row.unit}` as MessageKey);
    const values = row.values.map((v) => (Number.isFinite(v) ? v : 0));
    const max = Math.max(0, ...values);
    const min = Math.min(0, ...values);
    const span = max - min || 1;
    const width = 300;
    const barArea = 200;
    const zero = ((0 - min) / span) * barArea;
    const rowH = 34;
    const summary = names
      .map((n, i) => `${n}: ${this._fmt(row.values[i] ?? NaN, row.digits)}`)
      .join('; ');
    return html`<figure part="chart" data-key=${row.key}>
      <figcaption>${label} (${unit})</figcaption>
      <svg
        viewBox="0 0 ${width} ${names.length * rowH}"
        role="img"
        aria-label=${this._t('chartLabel', { label, unit, values: summary })}
      >
        ${names.map((name, i) => {
          const v = values[i] ?? 0;
          const x = v >= 0 ? zero : ((v - min) / span) * barArea;
          const w = (Math.abs(v) / span) * barArea;
          const y = i * rowH;
          return svg`<text x="0" y=${y + 11}>${name.length > 46 ? `${name.slice(0, 45)}…` : name}</text>
            <rect class="bar-${i % 4}" x=${x} y=${y + 15} width=${Math.max(w, 1)} height="12"></rect>
            <text x=${Math.max(x + w, zero) + 4} y=${y + 25}>${this._fmt(row.values[i] ?? NaN, row.digits)}</text>`;
        })}
        ${min < 0 ? svg`<line class="axis" x1=${zero} x2=${zero} y1="12" y2=${names.length * rowH}></line>` : nothing}
      </svg>
    </figure>`;
  }

  private _renderRobustness(result: CompareResult, params: ScenarioParams): TemplateResult {
    return html`<section part="robustness">
      ${this._sub(this._t('robustTitle'), 'robustness-title')}
      <p>${this._t('robustIntro')}</p>
      ${result.scenarios.map((s) => this._renderMatrix(s, result, params))}
    </section>`;
  }

  private _renderMatrix(
    s: ScenarioResult,
    result: CompareResult,
    params: ScenarioParams,
  ): TemplateResult {
    const unitOf = (unit: string, v: number): string =>
      unit === 'm'
        ? `${this._fmt(v * 100, 1)} cm`
        : unit === 'share'
          ? this._pct(v)
          : this._fmt(v, 2);
    return html`<div
      class="scroll"
      role="region"
      aria-label=${this._t('robustCaption', { name: s.name, domain: this._pct(s.robustness.domain) })}
      tabindex="0"
    >
      <table part="matrix" data-scenario=${s.name}>
        <caption>
          ${this._t('robustCaption', { name: s.name, domain: this._pct(s.robustness.domain) })}
        </caption>
        <thead>
          <tr>
            <th scope="col">${this._t('test')}</th>
            ${result.futures.map((f) => html`<th scope="col">${this._futureLabel(f)}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${result.tests.map(
            (test) =>
              html`<tr>
                <th scope="row">${this._testLabel(test, params)}</th>
                ${result.futures.map((future) => {
                  const cell = s.robustness.matrix.find(
                    (c) => c.test === test && c.future === future,
                  );
                  if (!cell) return html`<td>–</td>`;
                  const detail = `${this._t('cellDetail', {
                    value: unitOf(cell.unit, cell.value),
                    threshold: unitOf(cell.unit, cell.threshold),
                  })}. ${cell.explanation[this._lang()] ?? cell.explanation.nl}`;
                  return html`<td
                    class=${cell.pass ? 'pass' : 'fail'}
                    data-pass=${String(cell.pass)}
                    title=${detail}
                  >
                    <span aria-hidden="true">${cell.pass ? '✓' : '✗'}</span>
                    <span class="visually-hidden"
                      >${cell.pass ? this._t('pass') : this._t('fail')}: ${detail}</span
                    >
                  </td>`;
                })}
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private _renderFit(result: CompareResult): TemplateResult {
    const lang = this._lang();
    const unknown = this._t('unknownValue');
    const measure = (m: ScenarioResult['fit']['measures'][number], name: string) => {
      const entry = this._resultEntries.find((e) => e.name === name);
      const own = entry?.scenario.features.find((f) => f.index === m.index)?.properties.name;
      return html`<li>
        <strong
          >${typeof own === 'string' ? `${own}: ` : ''}${this._t(`verdict_${m.verdict}` as MessageKey)}</strong
        >
        —
        ${this._t('measureWhere', {
          type: this._typeLabel(m.type),
          area: this._fmt(m.area_m2, 0),
          zone: m.zone ?? unknown,
          soil: m.soilCode ?? unknown,
          gt: m.gt ?? unknown,
        })}
        <ul>
          ${m.reasons.map((r) => html`<li>${r[lang] ?? r.nl}</li>`)}
        </ul>
      </li>`;
    };
    return html`<section part="fit">
      ${this._sub(this._t('fitTitle'), 'fit-title')}
      ${result.scenarios.map((s) => {
        const against = s.fit.measures.filter((m) => m.verdict === 'against');
        return html`<details part="fit-scenario" ?open=${this._printing || against.length > 0}>
          <summary>
            ${this._t('fitSummary', { name: s.name, in_line: s.fit.in_line, against: s.fit.against, neutral: s.fit.neutral })}
          </summary>
          <p><strong>${this._t('fitAgainstList')}</strong></p>
          ${
            against.length > 0
              ? html`<ul>
                  ${against.map((m) => measure(m, s.name))}
                </ul>`
              : html`<p>${this._t('fitNone')}</p>`
          }
          <details ?open=${this._printing}>
            <summary>${this._t('fitAll')}</summary>
            <ul>
              ${s.fit.measures.map((m) => measure(m, s.name))}
            </ul>
          </details>
        </details>`;
      })}
    </section>`;
  }

  private _renderContributions(result: CompareResult, params: ScenarioParams): TemplateResult {
    const lang = this._lang();
    const storm = params.storms[0]?.id ?? '';
    return html`<section part="contributions">
      ${this._sub(this._t('contribTitle'), 'contrib-title')}
      ${result.scenarios.map((s) => {
        const verdicts = new Map(s.fit.measures.map((m) => [m.index, m]));
        const caption = this._t('contribCaption', { name: s.name, storm });
        return html`<details part="contrib-scenario" ?open=${this._printing}>
          <summary>${caption}</summary>
          <div class="scroll" role="region" aria-label=${caption} tabindex="0">
            <table part="contributions-table" data-scenario=${s.name}>
              <caption class="visually-hidden">
                ${caption}
              </caption>
              <thead>
                <tr>
                  <th scope="col">${this._t('col_measure')}</th>
                  <th scope="col">${this._t('col_area')}</th>
                  <th scope="col">${this._t('col_storage')}</th>
                  <th scope="col">${this._t('col_runoff')}</th>
                  <th scope="col">${this._t('col_infiltration')}</th>
                  <th scope="col">${this._t('col_cooling')}</th>
                  <th scope="col">${this._t('col_verdict')}</th>
                  <th scope="col">${this._t('col_cost')}</th>
                </tr>
              </thead>
              <tbody>
                ${s.contributions.map((c) => {
                  const v = verdicts.get(c.index);
                  const reason = v?.reasons[0];
                  return html`<tr data-index=${String(c.index)}>
                    <th scope="row">#${c.index} ${this._typeLabel(c.type)}</th>
                    <td>${this._fmt(c.area_m2, 0)}</td>
                    <td>${this._fmt(c.storage_m3, 1)}</td>
                    <td>${this._fmt(c.runoff_m3, 1)}</td>
                    <td>
                      ${this._fmt(c.infiltration_m3, 1)}${
                        c.infiltration_works_share !== null
                          ? ` (${this._pct(c.infiltration_works_share)})`
                          : nothing
                      }
                    </td>
                    <td>${c.cooling !== null ? this._fmt(c.cooling, 2) : '–'}</td>
                    <td title=${reason ? (reason[lang] ?? reason.nl) : ''}>
                      ${v ? this._t(`verdict_${v.verdict}` as MessageKey) : '–'}
                    </td>
                    <td>${this._fmt(c.cost_eur, 0)} / ${this._fmt(c.upkeep_eur_year, 0)}</td>
                  </tr>`;
                })}
              </tbody>
            </table>
          </div>
        </details>`;
      })}
    </section>`;
  }

  private _renderAssumptions(result: CompareResult): TemplateResult {
    const value = (v: unknown): string =>
      typeof v === 'number'
        ? this._fmt(v, Number.isInteger(v) ? 0 : 2)
        : typeof v === 'string'
          ? v
          : JSON.stringify(v);
    return html`<section part="assumptions">
      ${this._sub(this._t('assumptionsTitle'), 'assumptions-title')}
      <p>${this._t('assumptionsIntro')}</p>
      <ul>
        ${result.assumptions.map(
          (a) =>
            html`<li>
              <code>${a.name}</code
              >${a.value !== a.name ? html` = <strong>${value(a.value)}</strong>` : nothing}
              <span class="tag">${this._t(a.tag === 'U' ? 'tag_U' : 'tag_S')}</span><br />
              ${this._t('assumptionSource', {
                source: assumptionSource(a.name, a.source, this._lang()),
              })}
            </li>`,
        )}
      </ul>
    </section>`;
  }
}
