import { LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { property, query } from 'lit/decorators.js';
import type OlMap from 'ol/Map.js';
import type { KnowledgeBase } from '../../src/core/kb/types.js';
import type { LocalizedReport } from '../../src/core/localize.js';
import type { FactSource, Location } from '../../src/core/types.js';
import type { Viewer } from '../../src/map/viewer.js';
import { resolveLang, tr, type WidgetLang } from '../shared/lang.js';
// The panel renders <na-address-search>: register it with this element.
import '../address-search/define.js';
import type { NaAddressSearch } from '../address-search/address-search.js';
import type { NaAddressSelectEvent } from '../address-search/events.js';
import { baseStyles } from '../shared/styles.js';
import { MapTargetController } from '../shared/map-target.js';
import { SourcesController } from '../shared/sources-controller.js';
import { LangController } from '../shared/lang-controller.js';
import { ViewerController } from '../shared/viewer-controller.js';
import { KeyboardModeController } from './keyboard-mode.js';
import { messages } from './messages.js';
import { renderPanel, type LocationCheckState } from './panel.js';
import { DEFAULT_PERMALINK_KEY } from './permalink.js';
import { PermalinkController } from './permalink-controller.js';
import { reportFileName } from './print.js';
import { SnapshotController } from './snapshot-controller.js';
import { downloadText } from '../shared/download.js';
import { engineModule } from './engine-loader.js';
import { ReportController } from './report-controller.js';
import { audienceOf } from './resident.js';
import { locationCheckStyles } from './styles.js';

export type { LocationCheckState } from './panel.js';

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

  @query('[part~="report-heading"]') private _reportHeading?: HTMLElement;
  @query('[part~="keyboard-pad"]') private _pad?: HTMLElement;
  @query('[part~="keyboard-toggle"]') private _toggle?: HTMLButtonElement;
  @query('na-address-search') private _search?: NaAddressSearch;

  private readonly _mapTarget = new MapTargetController(this);
  private readonly _langs = new LangController(this, () => this._checks.announceAgain());

  private readonly _keyboard = new KeyboardModeController(this, {
    viewer: () => this._viewers.viewer,
    checkCenter: () => void this.checkCenter(),
    onEscape: () => void this.updateComplete.then(() => this._toggle?.focus()),
  });

  private readonly _viewers = new ViewerController(this, {
    inputs: () => ({ viewer: this.viewer, map: this.map }),
    bind: (viewer, owned) => {
      const unClick = viewer.onClick((location) => void this._checks.check(location, 'click'));
      const { location, report } = this._checks;
      if (location && report) viewer.showMarker(location);
      this._keyboard.attach(viewer);
      return () => {
        this._keyboard.detach();
        unClick();
        if (!owned) viewer.showMarker(null);
      };
    },
  });

  private readonly _sources = new SourcesController(this, {
    given: () => this.sources,
    url: () => this.sourcesUrl,
    onError: (e, url, loadError) => this._checks.failSources(e, url, loadError),
  });

  /** The check and what the panel shows (@lit/task for the check and the nearest address). */
  private readonly _checks = new ReportController(this, {
    lang: () => this._lang(),
    kb: () => this.knowledgeBase,
    timeoutMs: () =>
      this.timeoutMs !== undefined && Number.isFinite(this.timeoutMs) ? this.timeoutMs : undefined,
    search: () => (this.noSearch ? undefined : this._search),
    onStart: () => this._snapshot.reset(),
    onShown: (location) => this._permalink.write(location),
    viewer: () => this._viewers.viewer,
    sources: () => this._sources.sources,
    sourcesLoading: () => this._sources.loading,
  });

  /** The map image for paper. */
  private readonly _snapshot = new SnapshotController(this, {
    viewer: () => this._viewers.viewer,
    location: () => this._checks.location,
  });

  /** The checked location in the page URL (`permalink`). */
  private readonly _permalink = new PermalinkController(this, {
    enabled: () => this.permalink,
    key: () => this.permalinkKey,
    onLocation: (location) => this._checks.checkWhenReady(location, 'permalink'),
  });

  /** What the panel shows now. */
  get state(): LocationCheckState {
    return this._checks.state;
  }

  /** The report now shown, in the current language, or null. */
  get report(): LocalizedReport | null {
    const report = this._checks.report;
    return report ? this._checks.localize(report) : null;
  }

  /** The viewer in use (built from `.map`, or the `.viewer` given). */
  get activeViewer(): Viewer | undefined {
    return this._viewers.viewer;
  }

  /** Settles only when no further update is pending (a viewer bound after an update renders once more). */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    while (!done) done = await super.getUpdateComplete();
    return done;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('mapTarget') || changed.has('map') || changed.has('viewer')) {
      this._mapTarget.sync();
    }
  }

  // ---- Public API ---------------------------------------------------------------------------

  /**
   * Checks a location (any supported CRS) as if it were clicked: marker, query, report.
   * A later check aborts this one.
   * @returns the report, or null when this check was superseded, failed or found no data.
   */
  check(location: Location): Promise<LocalizedReport | null> {
    return this._checks.check(location, 'api');
  }

  /** Checks the centre of the map (what Enter does in keyboard mode). */
  checkCenter(): Promise<LocalizedReport | null> {
    const viewer = this._viewers.viewer;
    if (!viewer) return Promise.resolve(null);
    return this._checks.check(viewer.getCenter(), 'keyboard');
  }

  /** Turns keyboard mode (crosshair in the map centre, arrow keys pan, Enter checks) on or off. */
  setKeyboardMode(on: boolean): void {
    this._keyboard.set(on);
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
    return reportFileName(this._checks.report?.location ?? this._checks.location);
  }

  /** Prepares the map image, waits until it is shown, then opens the browser's print dialog. */
  async print(): Promise<void> {
    await this._snapshot.prepare();
    window.print();
  }

  // ---- Checking -------------------------------------------------------------------------------

  private async _onToggleKeyboard(): Promise<void> {
    const on = !this._keyboard.on;
    this.setKeyboardMode(on);
    if (on) {
      await this.updateComplete;
      this._pad?.focus();
    }
  }

  /** The knowledge base in use; undefined until the check engine (with the default) is loaded. */
  private _kb(): KnowledgeBase | undefined {
    return this.knowledgeBase ?? engineModule.loaded()?.defaultKnowledgeBase();
  }

  private _lang(): WidgetLang {
    return resolveLang(this);
  }

  /** Checks the address chosen in the search (the search already moved the map there). */
  private _onAddressSelect(e: NaAddressSelectEvent): void {
    void this._checks.check(e.detail.location, 'search', e.detail.label);
  }

  // ---- Print and download ---------------------------------------------------------------------

  private _download(): void {
    const json = this.reportJson();
    if (json !== null) downloadText(json, this.downloadFileName(), 'application/json');
  }

  // ---- Rendering ------------------------------------------------------------------------------

  protected override render(): TemplateResult {
    const lang = this._lang();
    const viewer = this._viewers.viewer;
    const c = this._checks;
    return renderPanel({
      t: (key, params) => tr(messages, key, lang, params),
      lang,
      state: c.state,
      sourcesLoading: this._sources.loading,
      report: c.report ? c.localize(c.report) : undefined,
      outside: c.outside,
      errorKey: c.errorKey,
      errorMessage: c.errorMessage,
      loadError: c.loadError,
      announcement: c.announcement,
      address: c.address,
      snapshot: this._snapshot.image,
      audience: audienceOf(this.audience),
      kb: this._kb(),
      hasViewer: viewer !== undefined,
      hasSources: this._sources.sources !== undefined,
      mapTargetProblem: this._mapTarget.problem,
      mapTarget: this.mapTarget,
      noSearch: this.noSearch,
      searchBaseUrl: this.searchBaseUrl,
      contextLabel: this.contextLabel,
      viewer,
      keyboard: this._keyboard.on,
      onAddressSelect: (e) => this._onAddressSelect(e),
      onToggleKeyboard: () => void this._onToggleKeyboard(),
      onPadKeydown: this._keyboard.onPadKeydown,
      onCheckCenter: () => void this.checkCenter(),
      onPrint: () => void this.print(),
      onDownload: () => this._download(),
    });
  }
}
