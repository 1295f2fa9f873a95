import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type OlMap from 'ol/Map.js';
import { toCrs } from '../../src/core/crs.js';
import { defaultKnowledgeBase, label as kbLabel } from '../../src/core/kb/load.js';
import type { KnowledgeBase } from '../../src/core/kb/types.js';
import { localizeReport, type LocalizedReport } from '../../src/core/localize.js';
import type { Report } from '../../src/core/report.js';
import type { FactSource, Location } from '../../src/core/types.js';
import { createOlViewer } from '../../src/map/ol-viewer.js';
import type { Viewer } from '../../src/map/viewer.js';
import { checkLocation, isOutsideAllData } from '../../src/sources/check.js';
import { createSources, parseSourcesConfig } from '../../src/sources/config.js';
import { DEFAULT_MAX_FILE_BYTES, readTextLimited } from '../../src/sources/http.js';
import { resolveLang, tr, type WidgetLang } from '../shared/lang.js';
// The panel renders <na-address-search>: register it with this element.
import '../address-search/define.js';
import type { NaAddressSearch } from '../address-search/address-search.js';
import type { NaAddressSelectEvent } from '../address-search/events.js';
import { baseStyles } from '../shared/styles.js';
import {
  NaLocationSelectEvent,
  NaReportErrorEvent,
  NaReportReadyEvent,
  type LocationSelectDetail,
  type ReportErrorCode,
} from './events.js';
import { messages, type MessageKey } from './messages.js';
import { MAP_TARGET_MESSAGE, MapTargetController } from '../shared/map-target.js';
import { DEFAULT_PERMALINK_KEY, readPermalink, writePermalink } from './permalink.js';
import {
  audienceOf,
  foldsAway,
  renderKbSource,
  renderLinks,
  renderMissingPrinciplesLine,
  renderSummary,
  scaleOrder,
} from './resident.js';
import { locationCheckStyles } from './styles.js';

/** What the panel shows. */
export type LocationCheckState = 'empty' | 'loading' | 'report' | 'partial' | 'no-data' | 'error';

/** Pan step of the keyboard mode, CSS pixels (with Shift: four times as far). */
const PAN_STEP_PX = 64;

const ARROWS: Readonly<Record<string, readonly [number, number]>> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

/**
 * The location check in the map: click (or tap) the map, or check the map centre with the
 * keyboard, and the panel shows what lies there (landscape type, zone, soil, groundwater,
 * elevation, …) and which principles of de Natuurlijke Alliantie apply, each with the facts that
 * made it apply and its source. All content comes from the core's `LocalizedReport`; this element
 * only renders it.
 *
 * **Connecting.** Give it a map: `.map` (an `ol/Map`; the element wraps it with `createOlViewer`)
 * or `.viewer` (any {@link Viewer}, e.g. the ArcGIS adapter; wins over `.map`). Give it sources:
 * `.sources` (FactSource[]) or the `sources` attribute (URL of a `sources.json`; data paths in it are
 * resolved against that URL). The element adds only a marker, a crosshair (keyboard mode) and its
 * listeners to the map, and removes exactly those when it is removed or the map changes.
 *
 * **Keyboard.** The button "Toetsenbord: controleer het midden van de kaart" shows a crosshair in
 * the map centre and moves focus to a small control: arrow keys pan the map (Shift: further),
 * Enter or Space checks the centre, Escape ends the mode. While the mode is on, Enter on a focused
 * map target element checks the centre too, and arrow keys there pan the map when the map's own
 * keyboard interaction did not already do so. The result is announced in a polite live region
 * ("Dekzandrug (Dz1): 7 principes."); focus stays where it was. `focusReport()` moves focus to the
 * report heading.
 *
 * **Address search.** The panel starts with an `<na-address-search>` (PDOK Locatieserver; base URL
 * set by `search-base-url`, hidden by `no-search`): choosing an address moves the map there and
 * checks that place (`origin: 'search'`). A checked place gets its address in the report header:
 * the chosen one, or for a click the nearest address (reverse geocoding through the search
 * element). The report never waits for that address, and the next check aborts its request.
 *
 * **Permalink.** With the `permalink` attribute the checked location is kept in the page URL as
 * `?na-check=x,y,EPSG:28992` (name set by `permalink-key`), written with `history.replaceState`
 * (other parameters and the hash stay as they are); opening such a URL checks that location. A
 * hash form `#na-check=x,y,EPSG:28992` is read too.
 *
 * **Print and download.** "Afdrukken" prepares a map image (`viewer.snapshot()`) and calls
 * `window.print()`; the print style hides the buttons and shows the image with the report. The
 * `beforeprint` event also refreshes the image when the browser's own print command is used (best
 * effort). "Download als JSON" saves the LocalizedReport (`reportJson()`).
 *
 * @summary Click on the map: what landscape is here, and what fits here?
 *
 * @event na-location-select - A location was chosen (`detail`: `{ location, lon, lat, origin }`; location in the map CRS).
 * @event na-report-ready - A report is shown (`detail`: the LocalizedReport, plain JSON).
 * @event na-report-error - The check or the sources file failed as a whole (`detail`: `{ message, code }`).
 *
 * @csspart panel - The whole panel (`data-state` holds the state).
 * @csspart title - The widget title.
 * @csspart search - The `<na-address-search>` at the top (its own parts are exported as
 *   `search-input`, `search-listbox`, `search-option`).
 * @csspart address - The address line in the report header (chosen or nearest address).
 * @csspart toolbar - The row of buttons above the report.
 * @csspart keyboard-toggle - The keyboard-mode button.
 * @csspart keyboard - The keyboard-mode box (help text, pan control, check button).
 * @csspart keyboard-pad - The focusable pan control of keyboard mode.
 * @csspart check-center - The "check the centre" button.
 * @csspart status - The live region with the short summary (visually hidden).
 * @csspart message - Empty, no-data and error messages.
 * @csspart loading - The loading indicator; `spinner` its animated circle.
 * @csspart spinner - The animated circle.
 * @csspart report - The report.
 * @csspart report-heading - The report heading (focusable with `focusReport()`).
 * @csspart notice - The notice that the data is illustrative.
 * @csspart warning - The warning that some sources failed.
 * @csspart landscape - The landscape type and zone.
 * @csspart facts - The list of facts.
 * @csspart fact-label - The name of a fact.
 * @csspart fact - One fact (its value, details and provenance).
 * @csspart provenance - Source title and version of a fact.
 * @csspart summary - The summary lines at the top of the report ("In het kort").
 * @csspart summary-line - One summary line; `summary-why` its "Waarom?" disclosure.
 * @csspart summary-why - The disclosure with a summary line's reason, certainty and source.
 * @csspart municipality - For residents: the folded regio/stad principles ("Wat de gemeente hier doet").
 * @csspart links - The municipality's links on a plot-scale principle.
 * @csspart missing-line - For residents: the one line on the advice that cannot be judged.
 * @csspart principles - The principles, grouped by scale.
 * @csspart scale - One scale group.
 * @csspart principle - One principle.
 * @csspart why - The "Waarom hier?" disclosure.
 * @csspart example - The "Voorbeeld: …" line of a principle: a town where the cahier shows it, apart from the advice.
 * @csspart principle-source - The source of a principle.
 * @csspart discouraged - Discouraged actions.
 * @csspart missing - What is missing.
 * @csspart missing-principles - The disclosure with principles that could not be assessed.
 * @csspart conflicts - Conflicts between sources.
 * @csspart sources - The list of sources.
 * @csspart source-detail - Extra properties a source shows for the feature found (e.g. a landform code).
 * @csspart chip - A status chip; also `chip-ok`, `chip-no-data`, `chip-error`.
 * @csspart actions - The print and download buttons.
 * @csspart snapshot - The map image (print only).
 *
 * @cssproperty --na-location-check-max-width - Maximum width of the panel (default 48rem).
 * @cssproperty --na-location-check-chip-ok-color - Border of the "ok" status chip.
 * @cssproperty --na-location-check-chip-error-color - Border of the "fout" status chip.
 * @cssproperty --na-marker-color - Ring of the location marker on the map (set on the map's container).
 * @cssproperty --na-marker-fill - Fill of the location marker.
 * @cssproperty --na-crosshair-color - Colour of the keyboard-mode crosshair.
 */
export class NaLocationCheck extends LitElement {
  static override styles = [baseStyles, locationCheckStyles];

  /** An OpenLayers map. The element wraps it with `createOlViewer()`; `.viewer` wins when both are set. */
  @property({ attribute: false }) map?: OlMap;

  /**
   * A CSS selector (e.g. `#map`) of the element the host's `ol/Map` is rendered into, for hosts that
   * expose no map variable: the element finds that map and uses it as `.map`. `.map` and `.viewer`
   * win. When no map is found, the element says so.
   */
  @property({ attribute: 'map-target' }) mapTarget?: string;

  /** A map through the viewer seam (e.g. the ArcGIS adapter). Owned by the host: never destroyed here. */
  @property({ attribute: false }) viewer?: Viewer;

  /** The fact sources. Wins over the `sources` attribute. */
  @property({ attribute: false }) sources?: FactSource[];

  /** URL of a `sources.json` (attribute `sources`), loaded with `fetch`; relative data paths resolve against it. */
  @property({ attribute: 'sources' }) sourcesUrl?: string;

  /** The knowledge base (default: `defaultKnowledgeBase()`). A change applies from the next check on. */
  @property({ attribute: false }) knowledgeBase?: KnowledgeBase;

  /** Language: `nl` (default) or `en`; inherited from the nearest ancestor with `lang`. */
  @property({ reflect: true }) override lang!: string;

  /** Keep the checked location in the page URL (see the class documentation). */
  @property({ type: Boolean }) permalink = false;

  /** Name of the URL parameter of the permalink. */
  @property({ attribute: 'permalink-key' }) permalinkKey = DEFAULT_PERMALINK_KEY;

  /** Time limit per source in ms (attribute `timeout-ms`); a slower source counts as failed. */
  @property({ type: Number, attribute: 'timeout-ms' }) timeoutMs?: number;

  /**
   * Who reads the report: `bewoner` (default; the summary, then what residents can do on their own
   * plot and street, the regio/stad principles folded under "Wat de gemeente hier doet", the
   * advice that cannot be judged in one line) or `professional` (the full report, scale by scale).
   */
  @property({ reflect: true }) audience: 'bewoner' | 'professional' = 'bewoner';

  /** Hide the address search at the top of the panel (attribute `no-search`); no nearest address then. */
  @property({ type: Boolean, attribute: 'no-search' }) noSearch = false;

  /** Base URL of the Locatieserver for the address search (attribute `search-base-url`; default PDOK). */
  @property({ attribute: 'search-base-url' }) searchBaseUrl?: string;

  /**
   * A short name that tells this check apart when a page has more than one (attribute
   * `context-label`, e.g. the name of its map): added, visually hidden, to the names of the panel,
   * the search field and the keyboard toggle, so each has a unique accessible name.
   */
  @property({ attribute: 'context-label' }) contextLabel?: string;

  @state() private _state: LocationCheckState = 'empty';
  @state() private _report?: Report;
  @state() private _errorMessage?: string;
  @state() private _errorKey: MessageKey = 'error';
  @state() private _announcement = '';
  @state() private _keyboard = false;
  @state() private _snapshot: string | null = null;
  @state() private _loadedSources?: FactSource[];
  @state() private _sourcesLoading = false;
  @state() private _location?: Location;
  /** Address line of the report header: the chosen address, or the nearest one of a clicked point. */
  @state() private _address?: { label: string; nearest: boolean; distance?: number };

  @query('[part~="report-heading"]') private _reportHeading?: HTMLElement;
  @query('[part~="keyboard-pad"]') private _pad?: HTMLElement;
  @query('[part~="keyboard-toggle"]') private _toggle?: HTMLButtonElement;
  @query('na-address-search') private _search?: NaAddressSearch;

  /** The viewer in use and what it was made from (to rebind only on a real change). */
  private _viewer?: Viewer;
  private _ownsViewer = false;
  private _boundFrom?: Viewer | OlMap;
  private _unClick?: () => void;
  private _removeCrosshair?: () => void;
  private _keyboardController?: AbortController;
  /** One controller for every outside listener (window, document); replaced on each connect. */
  private _elementController?: AbortController;
  private _queryController?: AbortController;
  private _querySeq = 0;
  private _configController?: AbortController;
  private _loadedFrom?: string;
  private _pending?: { location: Location; origin: LocationSelectDetail['origin'] };
  private _permalinkRead = false;
  private _localized?: { report: Report; lang: string; kb: KnowledgeBase; value: LocalizedReport };
  private _snapshotFor?: Location;
  private _addressController?: AbortController;
  private readonly _mapTarget = new MapTargetController(this);

  /** What the panel shows now. */
  get state(): LocationCheckState {
    return this._state;
  }

  /** The report now shown, in the current language, or null. */
  get report(): LocalizedReport | null {
    return this._report ? this._localize(this._report) : null;
  }

  /** The viewer in use (built from `.map`, or the `.viewer` given). */
  get activeViewer(): Viewer | undefined {
    return this._viewer;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this._elementController = new AbortController();
    const { signal } = this._elementController;
    window.addEventListener('beforeprint', this._onBeforePrint, { signal });
    this._syncViewer();
    this._syncSources();
    if (this.permalink && !this._permalinkRead) this._readPermalink();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._elementController?.abort();
    this._elementController = undefined;
    if (this._queryController && this._location) {
      // Finish an interrupted check when the element is connected again (e.g. moved in the page).
      this._pending = { location: this._location, origin: 'api' };
      this._querySeq += 1;
    }
    this._queryController?.abort(new DOMException('The element was removed.', 'AbortError'));
    this._addressController?.abort(new DOMException('The element was removed.', 'AbortError'));
    this._addressController = undefined;
    this._configController?.abort(new DOMException('The element was removed.', 'AbortError'));
    if (this._sourcesLoading) {
      this._sourcesLoading = false;
      this._loadedFrom = undefined;
    }
    this._unbindViewer();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.isConnected) return;
    if (changed.has('map') || changed.has('viewer')) this._syncViewer();
    if (changed.has('mapTarget') || changed.has('map') || changed.has('viewer')) {
      this._mapTarget.sync();
    }
    if (changed.has('sources') || changed.has('sourcesUrl')) this._syncSources();
    if (changed.has('permalink') && this.permalink && !this._permalinkRead) this._readPermalink();
  }

  protected override updated(): void {
    // A check that waited for the map or the sources; run it after this update, not inside it.
    if (this._pending) void Promise.resolve().then(() => this._flushPending());
  }

  // ---- Public API ---------------------------------------------------------------------------

  /**
   * Checks a location (any supported CRS) as if it were clicked: marker, query, report.
   * A later check aborts this one.
   * @returns the report, or null when this check was superseded, failed or found no data.
   */
  check(location: Location): Promise<LocalizedReport | null> {
    return this._check(location, 'api');
  }

  /** Checks the centre of the map (what Enter does in keyboard mode). */
  checkCenter(): Promise<LocalizedReport | null> {
    const viewer = this._viewer;
    if (!viewer) return Promise.resolve(null);
    return this._check(viewer.getCenter(), 'keyboard');
  }

  /** Turns keyboard mode (crosshair in the map centre, arrow keys pan, Enter checks) on or off. */
  setKeyboardMode(on: boolean): void {
    if (on === this._keyboard) return;
    this._keyboard = on;
    this._keyboardController?.abort();
    this._keyboardController = undefined;
    this._removeCrosshair?.();
    this._removeCrosshair = undefined;
    if (on) this._bindKeyboard();
  }

  /** Moves focus to the report heading (or the panel title when there is no report). */
  focusReport(): void {
    (this._reportHeading ?? this.renderRoot.querySelector<HTMLElement>('[part~="title"]'))?.focus();
  }

  /** The report as pretty-printed JSON (what the download button saves), or null. */
  reportJson(): string | null {
    const report = this.report;
    return report ? `${JSON.stringify(report, null, 2)}\n` : null;
  }

  /** File name of the JSON download, with the coordinates, e.g. `na-locatie-155000-463000-EPSG28992.json`. */
  downloadFileName(): string {
    const loc = this._report?.location ?? this._location;
    if (!loc) return 'na-locatie.json';
    const digits = loc.crs === 'EPSG:4326' ? 6 : 0;
    const n = (v: number): string => v.toFixed(digits).replace('-', 'm');
    return `na-locatie-${n(loc.x)}-${n(loc.y)}-${loc.crs.replace(':', '')}.json`;
  }

  /** Prepares the map image, waits until it is shown, then opens the browser's print dialog. */
  async print(): Promise<void> {
    await this._prepareSnapshot();
    window.print();
  }

  // ---- Viewer ---------------------------------------------------------------------------------

  private _syncViewer(): void {
    const from = this.viewer ?? this.map;
    if (from === this._boundFrom && this._viewer) return;
    this._unbindViewer();
    if (!from) return;
    if (this.viewer) {
      this._viewer = this.viewer;
      this._ownsViewer = false;
    } else if (this.map) {
      this._viewer = createOlViewer(this.map);
      this._ownsViewer = true;
    }
    this._boundFrom = from;
    const viewer = this._viewer;
    if (!viewer) return;
    this._unClick = viewer.onClick((location) => {
      void this._check(location, 'click');
    });
    if (this._location && this._report) viewer.showMarker(this._location);
    if (this._keyboard) this._bindKeyboard();
  }

  private _unbindViewer(): void {
    this._keyboardController?.abort();
    this._keyboardController = undefined;
    this._removeCrosshair?.();
    this._removeCrosshair = undefined;
    this._unClick?.();
    this._unClick = undefined;
    if (this._viewer) {
      if (this._ownsViewer) this._viewer.destroy();
      else this._viewer.showMarker(null);
    }
    this._viewer = undefined;
    this._ownsViewer = false;
    this._boundFrom = undefined;
  }

  private _bindKeyboard(): void {
    const viewer = this._viewer;
    if (!viewer) return;
    this._removeCrosshair = viewer.addCrosshair();
    this._keyboardController = new AbortController();
    const target = viewer.getTarget();
    if (!target) return;
    // Listen at the target's root so the map's own KeyboardPan (on the target) runs first.
    const root = target.getRootNode() as Document | ShadowRoot;
    root.addEventListener(
      'keydown',
      (event) => {
        const e = event as KeyboardEvent;
        if (!this._keyboard || !e.composedPath().includes(target)) return;
        if (e.altKey || e.ctrlKey || e.metaKey) return;
        if (e.key === 'Enter') {
          e.preventDefault();
          void this.checkCenter();
          return;
        }
        const dir = ARROWS[e.key];
        if (dir && !e.defaultPrevented) {
          e.preventDefault();
          const step = e.shiftKey ? PAN_STEP_PX * 4 : PAN_STEP_PX;
          viewer.panBy(dir[0] * step, dir[1] * step);
        }
      },
      { signal: this._keyboardController.signal },
    );
  }

  private _onPadKeydown(e: KeyboardEvent): void {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const dir = ARROWS[e.key];
    if (dir) {
      e.preventDefault();
      const step = e.shiftKey ? PAN_STEP_PX * 4 : PAN_STEP_PX;
      this._viewer?.panBy(dir[0] * step, dir[1] * step);
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      void this.checkCenter();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      this.setKeyboardMode(false);
      void this.updateComplete.then(() => this._toggle?.focus());
    }
  }

  private async _onToggleKeyboard(): Promise<void> {
    const on = !this._keyboard;
    this.setKeyboardMode(on);
    if (on) {
      await this.updateComplete;
      this._pad?.focus();
    }
  }

  // ---- Sources --------------------------------------------------------------------------------

  private _effectiveSources(): FactSource[] | undefined {
    return this.sources ?? this._loadedSources;
  }

  private _syncSources(): void {
    if (this.sources) return;
    const url = this.sourcesUrl;
    if (!url) {
      this._configController?.abort(
        new DOMException('The sources attribute was removed.', 'AbortError'),
      );
      this._loadedSources = undefined;
      this._loadedFrom = undefined;
      this._sourcesLoading = false;
      return;
    }
    const absolute = new URL(url, document.baseURI).href;
    if (absolute === this._loadedFrom) return;
    this._configController?.abort(new DOMException('The sources URL changed.', 'AbortError'));
    const controller = new AbortController();
    this._configController = controller;
    this._loadedFrom = absolute;
    this._loadedSources = undefined;
    this._sourcesLoading = true;
    void this._loadSources(absolute, controller.signal).then(
      (sources) => {
        if (controller.signal.aborted) return;
        this._sourcesLoading = false;
        this._loadedSources = sources;
      },
      (e: unknown) => {
        if (controller.signal.aborted) return;
        this._sourcesLoading = false;
        this._loadedFrom = undefined;
        const message = e instanceof Error ? e.message : String(e);
        this._fail(
          'config-failed',
          `Could not load the sources file ${absolute}: ${message}`,
          'configError',
        );
      },
    );
  }

  private async _loadSources(url: string, signal: AbortSignal): Promise<FactSource[]> {
    const load = async (location: string): Promise<string> => {
      const response = await fetch(location, { signal });
      if (!response.ok) throw new Error(`HTTP ${response.status} for ${location}`);
      return readTextLimited(response, DEFAULT_MAX_FILE_BYTES, location);
    };
    const text = await load(url);
    const fileName = new URL(url).pathname.split('/').pop() ?? url;
    const config = parseSourcesConfig(text, fileName);
    return createSources(config, { load, baseUrl: url, signal });
  }

  // ---- Checking -------------------------------------------------------------------------------

  private _kb(): KnowledgeBase {
    return this.knowledgeBase ?? defaultKnowledgeBase();
  }

  private _lang(): WidgetLang {
    return resolveLang(this);
  }

  private _localize(report: Report): LocalizedReport {
    const lang = this._lang();
    const kb = this._kb();
    const cached = this._localized;
    if (cached?.report === report && cached.lang === lang && cached.kb === kb) return cached.value;
    const value = localizeReport(report, kb, lang);
    this._localized = { report, lang, kb, value };
    return value;
  }

  private _flushPending(): void {
    const pending = this._pending;
    if (!pending || !this._viewer || !this._effectiveSources()) return;
    this._pending = undefined;
    void this._check(pending.location, pending.origin);
  }

  private _readPermalink(): void {
    this._permalinkRead = true;
    const location = readPermalink(window.location.href, this.permalinkKey);
    if (!location) return;
    this._pending = { location, origin: 'permalink' };
    this.requestUpdate();
  }

  private _writePermalink(location: Location): void {
    if (!this.permalink) return;
    const next = writePermalink(window.location.href, location, this.permalinkKey);
    if (next !== window.location.href) history.replaceState(history.state, '', next);
  }

  private async _check(
    location: Location,
    origin: LocationSelectDetail['origin'],
    address?: string,
  ): Promise<LocalizedReport | null> {
    this._queryController?.abort(new DOMException('A newer location was chosen.', 'AbortError'));
    this._queryController = undefined;
    const seq = ++this._querySeq;
    const viewer = this._viewer;
    const sources = this._effectiveSources();
    if (!viewer || !sources) {
      // Not connected yet: check as soon as both are there.
      this._pending = { location, origin };
      if (this._sourcesLoading) this._state = 'loading';
      return null;
    }
    const inMapCrs: Location =
      location.crs === viewer.crs ? location : { ...toXY(location, viewer.crs), crs: viewer.crs };
    const [lon, lat] = toCrs([inMapCrs.x, inMapCrs.y], inMapCrs.crs, 'EPSG:4326');
    if (origin === 'permalink') viewer.centerOn(inMapCrs);
    viewer.showMarker(inMapCrs);
    this._location = inMapCrs;
    this._snapshot = null;
    this._snapshotFor = undefined;
    this._startAddress(inMapCrs, address);
    this.dispatchEvent(new NaLocationSelectEvent({ location: { ...inMapCrs }, lon, lat, origin }));

    const controller = new AbortController();
    this._queryController = controller;
    this._state = 'loading';
    this._announcement = '';
    this._errorMessage = undefined;
    try {
      const report = await checkLocation(sources, inMapCrs, this._kb(), {
        signal: controller.signal,
        ...(this.timeoutMs !== undefined && Number.isFinite(this.timeoutMs)
          ? { timeoutMs: this.timeoutMs }
          : {}),
      });
      if (seq !== this._querySeq || controller.signal.aborted) return null;
      this._queryController = undefined;
      return this._show(report);
    } catch (e) {
      if (seq !== this._querySeq || controller.signal.aborted) return null;
      this._queryController = undefined;
      const message = e instanceof Error ? e.message : String(e);
      this._report = undefined;
      this._fail('check-failed', message, 'error');
      return null;
    }
  }

  /** Checks the address chosen in the search (the search already moved the map there). */
  private _onAddressSelect(e: NaAddressSelectEvent): void {
    void this._check(e.detail.location, 'search', e.detail.label);
  }

  /**
   * Sets the address line of the report header: the chosen `label`, or else the nearest address
   * of `location` (reverse geocoding through the search element, when it is shown). Never blocks
   * the report; a newer check aborts the request.
   */
  private _startAddress(location: Location, label: string | undefined): void {
    this._addressController?.abort(new DOMException('A newer location was chosen.', 'AbortError'));
    this._addressController = undefined;
    this._address = label === undefined ? undefined : { label, nearest: false };
    const search = this._search;
    if (label !== undefined || this.noSearch || typeof search?.nearestAddress !== 'function')
      return;
    const controller = new AbortController();
    this._addressController = controller;
    search.nearestAddress(location, { signal: controller.signal }).then(
      (found) => {
        if (controller !== this._addressController) return;
        this._addressController = undefined;
        this._address = found
          ? {
              label: found.label,
              nearest: true,
              ...(found.distance === undefined ? {} : { distance: found.distance }),
            }
          : undefined;
      },
      () => {
        if (controller !== this._addressController) return;
        // The address is extra: without it the report is complete, so a failure shows no line.
        this._addressController = undefined;
        this._address = undefined;
      },
    );
  }

  /** Shows a finished report; returns it localized. */
  private _show(report: Report): LocalizedReport | null {
    const failed = report.sources.filter((s) => s.status === 'error');
    this._report = report;
    if (report.sources.length > 0 && failed.length === report.sources.length) {
      this._fail(
        'all-sources-failed',
        `Every source failed: ${failed.map((s) => `${s.id}: ${s.message ?? 'error'}`).join('; ')}`,
        'error',
      );
      return null;
    }
    if (this._location) this._writePermalink(this._location);
    const localized = this._localize(report);
    const lang = this._lang();
    const noData = isOutsideAllData(report) || !report.facts.some((f) => f.status === 'ok');
    if (noData) {
      this._state = 'no-data';
      this._announcement = tr(messages, 'summaryNoData', lang);
    } else {
      this._state = failed.length > 0 ? 'partial' : 'report';
      this._announcement = this._summary(localized, lang);
    }
    this.dispatchEvent(new NaReportReadyEvent(localized));
    return localized;
  }

  private _fail(code: ReportErrorCode, message: string, key: MessageKey): void {
    this._state = 'error';
    this._errorKey = key;
    this._errorMessage = message;
    this._announcement = tr(
      messages,
      key === 'configError' ? 'configError' : 'summaryError',
      this._lang(),
    );
    this.dispatchEvent(new NaReportErrorEvent({ message, code }));
  }

  private _summary(report: LocalizedReport, lang: WidgetLang): string {
    const zone = report.landscape.zone
      ? `${report.landscape.zone.name} (${report.landscape.zone.code})`
      : (report.landscape.type?.name ?? tr(messages, 'summaryNoZone', lang));
    const count = report.principles.length;
    const main = tr(messages, count === 1 ? 'summaryOne' : 'summary', lang, { zone, count });
    return this._state === 'partial' ? `${main} ${tr(messages, 'summaryPartial', lang)}` : main;
  }

  // ---- Print and download ---------------------------------------------------------------------

  private readonly _onBeforePrint = (): void => {
    if (this._location && this._snapshotFor !== this._location) void this._prepareSnapshot();
  };

  private async _prepareSnapshot(): Promise<void> {
    const viewer = this._viewer;
    const location = this._location;
    if (!viewer || !location) return;
    if (this._snapshotFor !== location) {
      this._snapshot = await viewer.snapshot();
      this._snapshotFor = location;
    }
    await this.updateComplete;
    const img = this.renderRoot.querySelector<HTMLImageElement>('[part~="snapshot"] img');
    if (img) {
      try {
        await img.decode();
      } catch (e) {
        console.warn('na-location-check: the map image could not be decoded for printing.', e);
      }
    }
  }

  private _download(): void {
    const json = this.reportJson();
    if (json === null) return;
    const blob = new Blob([json], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = this.downloadFileName();
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }

  // ---- Rendering ------------------------------------------------------------------------------

  protected override render(): TemplateResult {
    const lang = this._lang();
    const t = (key: MessageKey, params?: Record<string, string | number>): string =>
      tr(messages, key, lang, params);
    const busy = this._state === 'loading' || this._sourcesLoading;
    return html`
      <section
        part="panel"
        data-state=${this._state}
        aria-labelledby="title"
        aria-busy=${busy ? 'true' : 'false'}
        lang=${lang}
      >
        <h2 part="title" id="title" tabindex="-1">${t('title')}${this._contextSuffix()}</h2>
        ${
          this.noSearch
            ? nothing
            : html`<na-address-search
                part="search"
                exportparts="input: search-input, listbox: search-listbox, option: search-option"
                base-url=${this.searchBaseUrl ?? nothing}
                context-label=${this.contextLabel || nothing}
                lang=${lang}
                .viewer=${this._viewer}
                @na-address-select=${this._onAddressSelect}
              ></na-address-search>`
        }
        ${this._viewer ? this._renderToolbar(t) : nothing}
        <div
          part="status"
          class="visually-hidden"
          role="status"
          aria-live="polite"
          aria-atomic="true"
        >
          ${this._announcement}
        </div>
        ${this._renderBody(t, lang)}
      </section>
    `;
  }

  /** The visually hidden `(context label)` that makes names unique on pages with two checks. */
  private _contextSuffix(): TemplateResult | typeof nothing {
    return this.contextLabel
      ? html`<span class="visually-hidden"> (${this.contextLabel})</span>`
      : nothing;
  }

  private _renderToolbar(t: (key: MessageKey) => string): TemplateResult {
    return html`
      <div part="toolbar" class="toolbar">
        <button
          part="keyboard-toggle"
          type="button"
          aria-pressed=${this._keyboard ? 'true' : 'false'}
          @click=${this._onToggleKeyboard}
        >
          ${t('keyboardToggle')}${this._contextSuffix()}
        </button>
      </div>
      ${
        this._keyboard
          ? html`<div part="keyboard">
              <p id="keyboard-help">${t('keyboardHelp')}</p>
              <div
                part="keyboard-pad"
                role="application"
                tabindex="0"
                aria-label=${
                  this.contextLabel
                    ? `${t('keyboardPad')} (${this.contextLabel})`
                    : t('keyboardPad')
                }
                aria-describedby="keyboard-help"
                @keydown=${this._onPadKeydown}
              >
                ${t('keyboardPad')} ← ↑ → ↓ · Enter
              </div>
              <button
                part="check-center"
                type="button"
                class="primary"
                @click=${() => void this.checkCenter()}
              >
                ${t('checkCenter')}
              </button>
            </div>`
          : nothing
      }
    `;
  }

  private _renderBody(
    t: (key: MessageKey, params?: Record<string, string | number>) => string,
    lang: WidgetLang,
  ): TemplateResult {
    if (this._state === 'loading' || (this._sourcesLoading && !this._report)) {
      return html`<div part="loading">
        <span part="spinner" aria-hidden="true"></span>
        <span>${this._state === 'loading' ? t('loading') : t('loadingSources')}</span>
      </div>`;
    }
    if (this._state === 'error') {
      return html`<div part="message" class="message">
          <p>${t(this._errorKey)}</p>
          ${this._errorMessage ? html`<p class="description">${this._errorMessage}</p>` : nothing}
        </div>
        ${this._report ? this._renderSources(this._localize(this._report), t) : nothing}`;
    }
    if (this._state === 'no-data' && this._report) {
      return this._renderNoData(this._localize(this._report), t);
    }
    if ((this._state === 'report' || this._state === 'partial') && this._report) {
      return this._renderReport(this._localize(this._report), t, lang);
    }
    let key: MessageKey = 'intro';
    const problem = this._mapTarget.problem;
    if (!this._viewer && problem !== undefined) {
      return html`<p part="message" class="message">
        ${t(MAP_TARGET_MESSAGE[problem], { selector: this.mapTarget ?? '' })}
      </p>`;
    }
    if (!this._viewer) key = 'noMap';
    else if (!this._effectiveSources() && !this._sourcesLoading) key = 'noSources';
    return html`<p part="message" class="message">${t(key)}</p>`;
  }

  private _renderNoData(
    report: LocalizedReport,
    t: (key: MessageKey, params?: Record<string, string | number>) => string,
  ): TemplateResult {
    const outside = this._report ? isOutsideAllData(this._report) : false;
    const reasons = [
      ...new Set(
        report.missing.flatMap((m) =>
          m.kind === 'fact' && m.reason !== 'not-configured' ? [m.text] : [],
        ),
      ),
    ];
    return html`<div part="message" class="message">
        <p><strong>${outside ? t('outside') : t('noData')}</strong></p>
        ${
          !outside && reasons.length > 0
            ? html`<ul>
                ${reasons.map((r) => html`<li>${r}</li>`)}
              </ul>`
            : nothing
        }
      </div>
      ${this._renderSources(report, t)}`;
  }

  private _renderReport(
    report: LocalizedReport,
    t: (key: MessageKey, params?: Record<string, string | number>) => string,
    lang: WidgetLang,
  ): TemplateResult {
    const failed = report.sources.filter((s) => s.status === 'error');
    const heading = report.landscape.zone
      ? `${t('reportHeading')}: ${report.landscape.zone.name} (${report.landscape.zone.code})`
      : t('reportHeading');
    return html`<article part="report" aria-labelledby="report-heading">
      <h3 part="report-heading" id="report-heading" tabindex="-1">${heading}</h3>
      ${
        this._snapshot
          ? html`<figure part="snapshot" class="print-only">
              <img src=${this._snapshot} alt=${t('mapImage')} />
            </figure>`
          : nothing
      }
      ${report.illustrative ? html`<p part="notice">${t('illustrative')}</p>` : nothing}
      ${renderSummary(report, t)} ${this._renderAddress(t, lang)}
      ${this._renderCoordinates(report, t, lang)}
      ${
        failed.length > 0
          ? html`<div part="warning">
              <p>${t('partial')}</p>
              <ul>
                ${failed.map((s) => html`<li>${s.title}: ${s.message ?? t('statusError')}</li>`)}
              </ul>
            </div>`
          : nothing
      }
      ${
        audienceOf(this.audience) === 'bewoner'
          ? html`${this._renderPrinciples(report, t)} ${this._renderDiscouraged(report, t)}
            ${this._renderLandscape(report, t)} ${this._renderFacts(report, t)}`
          : html`${this._renderLandscape(report, t)} ${this._renderFacts(report, t)}
            ${this._renderPrinciples(report, t)} ${this._renderDiscouraged(report, t)}`
      }
      ${this._renderMissing(report, t)} ${this._renderConflicts(report, t)}
      ${this._renderSources(report, t)}
      <div part="actions" class="toolbar no-print">
        <button type="button" @click=${() => void this.print()}>${t('print')}</button>
        <button type="button" @click=${this._download}>${t('download')}</button>
      </div>
    </article>`;
  }

  private _renderAddress(
    t: (key: MessageKey, params?: Record<string, string | number>) => string,
    lang: WidgetLang,
  ): TemplateResult | typeof nothing {
    const a = this._address;
    if (!a) return nothing;
    if (!a.nearest) return html`<p part="address">${t('address', { label: a.label })}</p>`;
    const distance =
      a.distance === undefined
        ? ''
        : ` ${t('addressDistance', {
            distance: new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', {
              maximumFractionDigits: 0,
            }).format(a.distance),
          })}`;
    return html`<p part="address">${t('nearestAddress', { label: a.label })}${distance}</p>`;
  }

  private _renderCoordinates(
    report: LocalizedReport,
    t: (key: MessageKey) => string,
    lang: WidgetLang,
  ): TemplateResult | typeof nothing {
    const loc = report.location;
    if (!loc) return nothing;
    const fmt = (v: number, digits: number): string =>
      new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', {
        maximumFractionDigits: digits,
        useGrouping: false,
      }).format(v);
    const parts: string[] = [];
    if (loc.rdX !== undefined && loc.rdY !== undefined)
      parts.push(`RD ${fmt(loc.rdX, 0)}, ${fmt(loc.rdY, 0)}`);
    if (loc.lat !== undefined && loc.lon !== undefined)
      parts.push(`${fmt(loc.lat, 5)}° N, ${fmt(loc.lon, 5)}° ${lang === 'nl' ? 'O' : 'E'}`);
    return html`<p class="description">${t('coordinates')}: ${parts.join(' · ')}</p>`;
  }

  private _sourceTitle(
    report: LocalizedReport,
    id: string,
    t: (key: MessageKey) => string,
  ): string {
    if (id === 'kennisbank') return t('knowledgeBase');
    return report.sources.find((s) => s.id === id)?.title ?? id;
  }

  private _renderProvenance(
    source: LocalizedReport['facts'][number]['source'],
    t: (key: MessageKey) => string,
  ): TemplateResult {
    const title =
      source.derived && source.id === 'kennisbank'
        ? `${t('knowledgeBase')}: ${source.title}`
        : source.title;
    const version = source.version ? `, ${t('version')} ${source.version}` : '';
    const scale = source.scale ? `, ${source.scale}` : '';
    return html`<span part="provenance" class="provenance"
      >${t('source')}: ${title}${version}${scale}</span
    >`;
  }

  private _renderLandscape(
    report: LocalizedReport,
    t: (key: MessageKey) => string,
  ): TemplateResult | typeof nothing {
    const { type, zone } = report.landscape;
    if (!type && !zone) return nothing;
    const typeFact = report.facts.find((f) => f.name === 'landscapeType' && f.status === 'ok');
    const zoneFact = report.facts.find((f) => f.name === 'zone' && f.status === 'ok');
    return html`<section part="landscape" aria-labelledby="landscape-heading">
      <h4 id="landscape-heading">${t('landscapeHeading')}</h4>
      <dl>
        ${
          type
            ? html`<dt>${t('landscapeType')}</dt>
                <dd data-landscape-type=${type.id}>
                  <strong>${type.name}</strong>
                  <p class="description">${type.description}</p>
                  ${typeFact ? this._renderProvenance(typeFact.source, t) : nothing}
                </dd>`
            : nothing
        }
        ${
          zone
            ? html`<dt>${t('zone')}</dt>
                <dd data-zone=${zone.code}>
                  <strong>${zone.name} (${zone.code})</strong>
                  <p class="description">${zone.description}</p>
                  ${zoneFact ? this._renderProvenance(zoneFact.source, t) : nothing}
                </dd>`
            : nothing
        }
      </dl>
    </section>`;
  }

  private _renderFacts(
    report: LocalizedReport,
    t: (key: MessageKey, params?: Record<string, string | number>) => string,
  ): TemplateResult | typeof nothing {
    const shown = new Set<string>();
    const facts = report.facts.filter((f) => {
      if (f.status !== 'ok' || f.name === 'zone' || f.name === 'landscapeType' || shown.has(f.name))
        return false;
      shown.add(f.name);
      return true;
    });
    if (facts.length === 0) return nothing;
    const d = report.derived;
    const range = (r: { min: number | null; max: number | null }): string => {
      if (r.min !== null && r.max !== null) return t('cmBelow', { range: `${r.min}–${r.max}` });
      if (r.min !== null) return t('cmBelow', { range: t('deeperThan', { min: r.min }) });
      if (r.max !== null) return t('cmBelow', { range: t('shallowerThan', { max: r.max }) });
      return '';
    };
    const extra = (name: string): TemplateResult | typeof nothing => {
      if (name === 'soilCode') {
        const bits = [
          d.soilName,
          d.textureLabel ? `${t('texture')}: ${d.textureLabel}` : undefined,
        ].filter((b): b is string => b !== undefined && b !== '');
        return bits.length > 0
          ? html`<span class="description"> – ${bits.join('; ')}</span>`
          : nothing;
      }
      if (name === 'gt' && (d.ghg || d.glg)) {
        return html`<ul>
          ${d.ghg ? html`<li>${t('ghg')}: ${range(d.ghg)}</li>` : nothing}
          ${d.glg ? html`<li>${t('glg')}: ${range(d.glg)}</li>` : nothing}
        </ul>`;
      }
      return nothing;
    };
    return html`<section part="facts" aria-labelledby="facts-heading">
      <h4 id="facts-heading">${t('factsHeading')}</h4>
      <dl>
        ${facts.map(
          (f) =>
            html`<dt part="fact-label">${f.label}</dt>
              <dd part="fact" data-fact=${f.name}>
                <span>${f.valueLabel ?? String(f.value ?? '')}</span>${extra(f.name)}
                ${this._renderProvenance(f.source, t)}
              </dd>`,
        )}
        ${
          d.textureFrom === 'zone' && d.textureLabel
            ? html`<dt part="fact-label">${t('key.texture')}</dt>
                <dd part="fact" data-fact="texture">
                  <span>${d.textureLabel}</span>
                  <span class="description"> – ${t('textureFromZone')}</span>
                </dd>`
            : nothing
        }
      </dl>
    </section>`;
  }

  private _renderReasons(
    report: LocalizedReport,
    reasons: LocalizedReport['principles'][number]['reasons'],
    t: (key: MessageKey) => string,
  ): TemplateResult {
    if (reasons.length === 0) return html``;
    return html`<ul>
      ${reasons.map((r) => {
        const keyLabel = `key.${r.key}` in messages ? t(`key.${r.key}` as MessageKey) : r.key;
        return html`<li>
          ${keyLabel}: ${r.label}
          <span class="provenance">${t('source')}: ${this._sourceTitle(report, r.source, t)}</span>
        </li>`;
      })}
    </ul>`;
  }

  private _renderPrinciples(
    report: LocalizedReport,
    t: (key: MessageKey) => string,
  ): TemplateResult {
    const byId = new Map(report.principles.map((p) => [p.id, p]));
    return html`<section part="principles" aria-labelledby="principles-heading">
      <h4 id="principles-heading">${t('principlesHeading')}</h4>
      ${report.principles.length === 0 ? html`<p>${t('noPrinciples')}</p>` : nothing}
      ${scaleOrder(audienceOf(this.audience)).map((scale) => {
        const ids = report.principlesByScale[scale];
        if (ids.length === 0) return nothing;
        const group = html`<section
          part="scale"
          data-scale=${scale}
          aria-labelledby=${`scale-${scale.replace('/', '-')}`}
        >
          <h5 id=${`scale-${scale.replace('/', '-')}`}>${t(`scale.${scale}`)}</h5>
          <ul>
            ${ids.map((id) => {
              const p = byId.get(id);
              if (!p) return nothing;
              return html`<li part="principle" data-principle=${p.id}>
                <p class="principle-title">${p.title}</p>
                <p>${p.text}</p>
                ${
                  p.example
                    ? html`<p part="example" class="principle-example">
                        <span class="example-label">${t('example')}:</span> ${p.example}
                      </p>`
                    : nothing
                }
                <details part="why">
                  <summary>${t('whyHere')}<span class="visually-hidden"> ${p.title}</span></summary>
                  <p>${p.reason}</p>
                  ${this._renderReasons(report, p.reasons, t)}
                </details>
                ${renderLinks(p.links, t)} ${renderKbSource(p.source, t)}
              </li>`;
            })}
          </ul>
        </section>`;
        return foldsAway(audienceOf(this.audience), scale)
          ? html`<details part="municipality" data-scale=${scale}>
              <summary>${t('municipalityHeading')} (${ids.length})</summary>
              ${group}
            </details>`
          : group;
      })}
    </section>`;
  }

  private _renderDiscouraged(
    report: LocalizedReport,
    t: (key: MessageKey) => string,
  ): TemplateResult | typeof nothing {
    if (report.discouraged.length === 0) return nothing;
    return html`<section part="discouraged" aria-labelledby="discouraged-heading">
      <h4 id="discouraged-heading">${t('discouragedHeading')}</h4>
      <ul>
        ${report.discouraged.map(
          (d) =>
            html`<li data-action=${d.action}>
              <p class="principle-title">${d.label}</p>
              ${d.reasons.map(
                (r) =>
                  html`<p>${r.text}</p>
                    <details part="why">
                      <summary>
                        ${t('whyHere')}<span class="visually-hidden"> ${d.label}</span>
                      </summary>
                      ${this._renderReasons(report, r.facts, t)}
                    </details>
                    ${renderKbSource(r.source, t)}`,
              )}
            </li>`,
        )}
      </ul>
    </section>`;
  }

  private _renderMissing(
    report: LocalizedReport,
    t: (key: MessageKey, params?: Record<string, string | number>) => string,
  ): TemplateResult | typeof nothing {
    const facts = report.missing.flatMap((m) => (m.kind === 'fact' ? [m] : []));
    const principles = report.missing.flatMap((m) => (m.kind === 'principle' ? [m] : []));
    if (facts.length === 0 && principles.length === 0) return nothing;
    const keyLabel = (k: string): string =>
      `key.${k}` in messages ? t(`key.${k}` as MessageKey) : k;
    return html`<section part="missing" aria-labelledby="missing-heading">
      <h4 id="missing-heading">${t('missingHeading')}</h4>
      ${
        facts.length > 0
          ? html`<ul>
              ${facts.map(
                (m) =>
                  html`<li data-missing=${m.fact}>
                    <strong>${m.label}</strong>:
                    ${m.text}${
                      m.source
                        ? html` <span class="provenance"
                            >${t('source')}: ${this._sourceTitle(report, m.source, t)}</span
                          >`
                        : nothing
                    }
                  </li>`,
              )}
            </ul>`
          : nothing
      }
      ${
        principles.length > 0 && audienceOf(this.audience) === 'bewoner'
          ? renderMissingPrinciplesLine(report, t, keyLabel)
          : principles.length > 0
            ? html`<details part="missing-principles">
                <summary>${t('missingPrinciples', { count: principles.length })}</summary>
                <ul>
                  ${principles.map(
                    (m) =>
                      html`<li data-missing-principle=${m.principle}>
                        ${m.title}
                        <span class="description"
                          >(${t('needs', { needs: m.needs.map(keyLabel).join(', ') })})</span
                        >
                      </li>`,
                  )}
                </ul>
              </details>`
            : nothing
      }
    </section>`;
  }

  private _renderConflicts(
    report: LocalizedReport,
    t: (key: MessageKey) => string,
  ): TemplateResult | typeof nothing {
    if (report.conflicts.length === 0 && report.errors.length === 0) return nothing;
    const lang = this._lang();
    return html`<section part="conflicts" aria-labelledby="conflicts-heading">
      <h4 id="conflicts-heading">${t('conflictsHeading')}</h4>
      <ul>
        ${report.conflicts.map((c) => html`<li>${c.message}</li>`)}
        ${report.errors.map(
          (e) =>
            html`<li>
              ${kbLabel(this._kb(), `fact.${e.fact}`, lang)}: "${e.code}" – ${e.message}
            </li>`,
        )}
      </ul>
    </section>`;
  }

  private _renderSources(
    report: LocalizedReport,
    t: (key: MessageKey) => string,
  ): TemplateResult | typeof nothing {
    if (report.sources.length === 0) return nothing;
    const chip = (status: string): TemplateResult => {
      const key: MessageKey =
        status === 'ok' ? 'statusOk' : status === 'error' ? 'statusError' : 'statusNoData';
      return html`<span part=${`chip chip-${status}`}>${t(key)}</span>`;
    };
    // Extra feature properties a source is configured to show (e.g. a landform code), as text.
    const detail = (
      d: Record<string, string | number | boolean | null> | undefined,
    ): TemplateResult | typeof nothing => {
      const entries = Object.entries(d ?? {}).filter(([, v]) => v !== null && v !== '');
      if (entries.length === 0) return nothing;
      return html`<span part="source-detail" class="provenance"
        >${entries.map(([k, v]) => `${k}: ${String(v)}`).join('; ')}</span
      >`;
    };
    const versions = new Map<string, string>();
    for (const f of report.facts) {
      if (f.source.version && !versions.has(f.source.id))
        versions.set(f.source.id, f.source.version);
    }
    return html`<section part="sources" aria-labelledby="sources-heading">
      <h4 id="sources-heading">${t('sourcesHeading')}</h4>
      <ul>
        ${report.sources.map((s) => {
          const version = versions.get(s.id);
          return html`<li data-source=${s.id} data-status=${s.status}>
            ${s.title}${version ? html` <span class="description">(${t('version')} ${version})</span>` : nothing}
            ${chip(s.status)}
            ${s.message ? html`<span class="description">${s.message}</span>` : nothing}
            ${detail(s.detail)}
          </li>`;
        })}
      </ul>
    </section>`;
  }
}

function toXY(location: Location, crs: Location['crs']): { x: number; y: number } {
  const [x, y] = toCrs([location.x, location.y], location.crs, crs);
  return { x, y };
}
