/**
 * The check of `<na-location-check>` as a reactive controller: what the panel shows (state,
 * report, error, live-region text, address line) and the two async steps as `@lit/task` Tasks,
 * the check itself and the nearest address. A new check aborts the one in flight (its answer can
 * never replace a newer one); removing the element aborts both and changes nothing shown.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import { defined } from '../../src/core/defined.js';
import type { KnowledgeBase } from '../../src/core/kb/types.js';
import type { LocalizedReport } from '../../src/core/localize.js';
import type { Report } from '../../src/core/report.js';
import type { FactSource, Location } from '../../src/core/types.js';
import type { Viewer } from '../../src/map/viewer.js';
import { isAbortError } from '../../src/sources/abort.js';
import type { SourcesFileError } from '../../src/sources/sources-file.js';
import type { NaAddressSearch } from '../address-search/address-search.js';
import { tr, type WidgetLang } from '../shared/lang.js';
import {
  NaLocationSelectEvent,
  NaReportErrorEvent,
  NaReportReadyEvent,
  type LocationSelectDetail,
  type ReportErrorCode,
} from './events.js';
import { messages, type MessageKey } from './messages.js';
import type { LocationCheckState } from './panel.js';
import type { AddressLine } from './report-facts.js';
import { engineModule, type Engine } from './engine-loader.js';

const abortError = (message: string): DOMException => new DOMException(message, 'AbortError');

/** What the controller needs from the element. */
export interface ReportControllerOptions {
  lang: () => WidgetLang;
  /** The element's knowledge base; undefined: the engine's default one. */
  kb: () => KnowledgeBase | undefined;
  /** Time limit per source, ms (undefined: the default). */
  timeoutMs: () => number | undefined;
  /** The address search of the panel, for the nearest address (undefined: no address line). */
  search: () => NaAddressSearch | undefined;
  /** A check of `location` (in the map CRS) starts. */
  onStart: (location: Location) => void;
  /** A report was shown for `location` (in the map CRS). */
  onShown: (location: Location) => void;
  /** The map (a check waits until it is there). */
  viewer: () => Viewer | undefined;
  /** The sources (a check waits until they are there). */
  sources: () => FactSource[] | undefined;
  /** Whether the sources file is being loaded (a waiting check then shows "loading"). */
  sourcesLoading: () => boolean;
}

type Origin = LocationSelectDetail['origin'];

export class ReportController implements ReactiveController {
  state: LocationCheckState = 'empty';
  report?: Report;
  errorMessage?: string;
  errorKey: MessageKey = 'error';
  /** Why the sources file or a data file failed, told in the user's language. */
  loadError?: SourcesFileError;
  announcement = '';
  /** The location of the latest check, in the map CRS. */
  location?: Location;
  address?: AddressLine;
  private _seq = 0;
  /** A check that waits for the map or the sources. */
  private _pending?: { location: Location; origin: Origin; address?: string };
  private _shown: LocalizedReport | null = null;
  private _localized?: { report: Report; lang: string; kb: KnowledgeBase; value: LocalizedReport };

  private readonly _checkTask: Task<
    [Engine, FactSource[], Location, KnowledgeBase, number | undefined],
    Report
  >;
  private readonly _addressTask: Task<[NaAddressSearch, Location], AddressLine | undefined>;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: ReportControllerOptions,
  ) {
    host.addController(this);
    this._checkTask = new Task(host, {
      autoRun: false,
      task: async ([engine, sources, location, kb, timeoutMs], { signal }) => {
        const report = await engine.checkLocation(sources, location, kb, {
          signal,
          ...defined({ timeoutMs }),
        });
        signal.throwIfAborted();
        return report;
      },
      onComplete: (report) => {
        this._shown = this._show(report);
      },
      onError: (e) => {
        if (isAbortError(e)) return;
        this.report = undefined;
        this.fail('check-failed', e instanceof Error ? e.message : String(e), 'error');
      },
    });
    this._addressTask = new Task(host, {
      autoRun: false,
      task: async ([search, location], { signal }) => {
        const found = await search.nearestAddress(location, { signal });
        signal.throwIfAborted();
        if (!found) return undefined;
        return {
          label: found.label,
          nearest: true,
          ...defined({ distance: found.distance }),
        };
      },
      onComplete: (address) => {
        this.address = address;
      },
      onError: (e) => {
        // The address is extra: without it the report is complete, so a failure shows no line.
        if (!isAbortError(e)) this.address = undefined;
      },
    });
  }

  /** Whether a check is in flight. */
  get checking(): boolean {
    return this._checkTask.status === TaskStatus.PENDING;
  }

  hostUpdated(): void {
    // A check that waited for the map or the sources; run it after this update, not inside it.
    if (this._pending) void Promise.resolve().then(() => this._flush());
  }

  hostConnected(): void {
    // The engine is not part of the first load (see engine.ts). Fetch it once the element has
    // rendered and the page is idle, so that the first check need not wait for it; a failed
    // preload is retried by the first check, which reports a failure as an error.
    void this.host.updateComplete.then(() =>
      whenIdle(() => {
        engineModule.load().catch(() => undefined);
      }),
    );
  }

  hostDisconnected(): void {
    // Finish an interrupted check when the element is connected again (e.g. moved in the page).
    if (this.checking && this.location) this._pending = { location: this.location, origin: 'api' };
    if (this.checking) this._seq += 1;
    this._checkTask.abort(abortError('The element was removed.'));
    this._addressTask.abort(abortError('The element was removed.'));
  }

  /** Aborts the check in flight (a newer location was chosen, or the check has to wait). */
  supersede(): void {
    this._seq += 1;
    this._checkTask.abort(abortError('A newer location was chosen.'));
  }

  /**
   * Checks `location` (any supported CRS): marker, event, query, report. Without a map or
   * sources yet, the check waits until both are there. `address` is the label of an address
   * chosen in the search.
   * @returns the report, or null when this check was superseded, waits, failed or found no data.
   */
  check(location: Location, origin: Origin, address?: string): Promise<LocalizedReport | null> {
    const viewer = this.options.viewer();
    const sources = this.options.sources();
    if (viewer && sources) return this._run(viewer, sources, location, origin, address);
    this.supersede();
    // Keep the chosen address's label for the check that waits (it is not looked up again).
    this._pending = { location, origin, ...defined({ address }) };
    if (this.options.sourcesLoading()) {
      this.state = 'loading';
      this.host.requestUpdate();
    }
    return Promise.resolve(null);
  }

  /** Checks `location` once the map and the sources are there (e.g. from the permalink). */
  checkWhenReady(location: Location, origin: Origin): void {
    this._pending = { location, origin };
    this.host.requestUpdate();
  }

  private _flush(): void {
    const pending = this._pending;
    if (!pending || !this.options.viewer() || !this.options.sources()) return;
    this._pending = undefined;
    void this.check(pending.location, pending.origin, pending.address);
  }

  private async _run(
    viewer: Viewer,
    sources: FactSource[],
    location: Location,
    origin: LocationSelectDetail['origin'],
    address?: string,
  ): Promise<LocalizedReport | null> {
    this.supersede();
    const seq = this._seq;
    // The engine loads on the first check (a chunk of its own; see engine.ts).
    const engine = engineModule.loaded() ?? (await engineModule.load());
    if (seq !== this._seq) return null;
    const { toCrs } = engine;
    const inMapCrs: Location =
      location.crs === viewer.crs
        ? location
        : { ...xy(toCrs([location.x, location.y], location.crs, viewer.crs)), crs: viewer.crs };
    const [lon, lat] = toCrs([inMapCrs.x, inMapCrs.y], inMapCrs.crs, 'EPSG:4326');
    if (origin === 'permalink') viewer.centerOn(inMapCrs);
    viewer.showMarker(inMapCrs);
    this.location = inMapCrs;
    this.options.onStart(inMapCrs);
    this._startAddress(inMapCrs, address);
    this.host.dispatchEvent(
      new NaLocationSelectEvent({ location: { ...inMapCrs }, lon, lat, origin }),
    );
    this.state = 'loading';
    this.announcement = '';
    this.errorMessage = undefined;
    this._shown = null;
    this.host.requestUpdate();
    await this._checkTask.run([
      engine,
      sources,
      inMapCrs,
      this._kb(engine),
      this.options.timeoutMs(),
    ]);
    return seq === this._seq ? this._shown : null;
  }

  /** Whether the report shown lies outside all data (false without a report). */
  get outside(): boolean {
    const engine = engineModule.loaded();
    return (
      this.report !== undefined && engine !== undefined && engine.isOutsideAllData(this.report)
    );
  }

  /** The knowledge base in use: the element's, or the engine's default one. */
  private _kb(engine: Engine): KnowledgeBase {
    return this.options.kb() ?? engine.defaultKnowledgeBase();
  }

  /**
   * The report in the element's language and knowledge base (cached). A report exists only after
   * a check, so the engine is loaded by then.
   */
  localize(report: Report): LocalizedReport {
    const engine = engineModule.loaded();
    if (engine === undefined) throw new Error('localize() before the check engine was loaded');
    const lang = this.options.lang();
    const kb = this._kb(engine);
    const cached = this._localized;
    if (cached?.report === report && cached.lang === lang && cached.kb === kb) return cached.value;
    const value = engine.localizeReport(report, kb, lang);
    this._localized = { report, lang, kb, value };
    return value;
  }

  /** Shows an error as a whole and fires `na-report-error`. */
  fail(
    code: ReportErrorCode,
    message: string,
    key: MessageKey,
    loadError?: SourcesFileError,
  ): void {
    this.state = 'error';
    this.errorKey = key;
    this.errorMessage = message;
    this.loadError = loadError;
    this.announceAgain();
    this.host.requestUpdate();
    this.host.dispatchEvent(new NaReportErrorEvent({ message, code }));
  }

  /** Shows why the sources file `url` (or a data file named in it) could not be loaded. */
  failSources(e: unknown, url: string, loadError?: SourcesFileError): void {
    const message = e instanceof Error ? e.message : String(e);
    const data = loadError?.stage === 'data';
    this.fail(
      'config-failed',
      data
        ? `Could not load a data file named in ${url}: ${message}`
        : `Could not load the sources file ${url}: ${message}`,
      data ? 'dataError' : 'configError',
      loadError,
    );
  }

  /** Sets the address line: the chosen `label`, or else the nearest address of `location`. */
  private _startAddress(location: Location, label: string | undefined): void {
    this._addressTask.abort(abortError('A newer location was chosen.'));
    this.address = label === undefined ? undefined : { label, nearest: false };
    const search = this.options.search();
    if (label !== undefined || typeof search?.nearestAddress !== 'function') return;
    void this._addressTask.run([search, location]);
  }

  /** Shows a finished report; returns it localized. */
  private _show(report: Report): LocalizedReport | null {
    const failed = report.sources.filter((s) => s.status === 'error');
    this.report = report;
    if (report.sources.length > 0 && failed.length === report.sources.length) {
      this.fail(
        'all-sources-failed',
        `Every source failed: ${failed.map((s) => `${s.id}: ${s.message ?? 'error'}`).join('; ')}`,
        'error',
      );
      return null;
    }
    if (this.location) this.options.onShown(this.location);
    const localized = this.localize(report);
    const noData = this.outside || !report.facts.some((f) => f.status === 'ok');
    this.state = noData ? 'no-data' : failed.length > 0 ? 'partial' : 'report';
    this.announceAgain();
    this.host.dispatchEvent(new NaReportReadyEvent(localized));
    return localized;
  }

  /** Writes the live region's text for the current state, in the current language. */
  announceAgain(): void {
    const lang = this.options.lang();
    if (this.state === 'error') {
      this.announcement = tr(
        messages,
        this.errorKey === 'configError' || this.errorKey === 'dataError'
          ? this.errorKey
          : 'summaryError',
        lang,
      );
    } else if (this.state === 'no-data') {
      this.announcement = tr(messages, 'summaryNoData', lang);
    } else if ((this.state === 'report' || this.state === 'partial') && this.report) {
      this.announcement = this._summary(this.localize(this.report), lang);
    }
    this.host.requestUpdate();
  }

  private _summary(report: LocalizedReport, lang: WidgetLang): string {
    const zone = report.landscape.zone
      ? `${report.landscape.zone.name} (${report.landscape.zone.code})`
      : (report.landscape.type?.name ?? tr(messages, 'summaryNoZone', lang));
    const count = report.principles.length;
    const main = tr(messages, 'summary', lang, { zone, count });
    return this.state === 'partial' ? `${main} ${tr(messages, 'summaryPartial', lang)}` : main;
  }
}

function xy([x, y]: readonly [number, number]): { x: number; y: number } {
  return { x, y };
}

/** Runs `fn` when the page is idle (after at most 2 s), or soon where there is no idle callback. */
function whenIdle(fn: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(fn, { timeout: 2000 });
  else setTimeout(fn, 0);
}
