/**
 * The scenarios of `<na-scenario-compare>`: one way of loading them (text from a URL, a file or
 * the API → strict JSON → `parseScenario`), unique names, the list of errors, and the attribute's
 * URLs kept in sync. URLs are read through `loadTextFile` (src/sources/sources-file.ts, over
 * http.ts: time budget, size limit, typed errors, HTML detection) with the element's abort signal: a removed element changes nothing afterwards.
 */
import type { MessageKey } from './messages.js';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Scenario } from '../../src/core/scenario/scenario.js';
import { NaError } from '../../src/core/types.js';
import { SourceRequestError } from '../../src/sources/request-error.js';
import { fileNameOf } from '../../src/sources/file-name.js';
import { loadSourcesFileModule } from '../shared/sources-controller.js';
import { isAbortError } from '../../src/sources/abort.js';
import { parserModule } from './engine-modules.js';
import type { WidgetLang } from '../shared/lang.js';
import { NaScenarioErrorEvent, type ScenarioErrorCode } from './events.js';

type Parser = Awaited<ReturnType<typeof parserModule.load>>;

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

/** An error shown in the list. */
export interface ShownError {
  id: number;
  file: string;
  message: string;
  /** The message for users as a key, so it follows a change of language. */
  key?: MessageKey;
  params?: Record<string, string | number>;
  /** Technical detail (English), for the map administrator. */
  detail?: string;
}

/** What the controller needs from its element. */
export interface ScenariosOptions {
  /** The interface language now. */
  lang(): WidgetLang;
  /** A load failed: the interface text (`loadFailed` / `readFailed`). */
  loadFailedText(kind: 'load' | 'read', file: string, why: string): string;
  /** The list of scenarios changed. */
  changed(): void;
}

type Host = ReactiveControllerHost & HTMLElement;

/** A fetched file; `error` is in the interface language when `technical` is not set. */
type Fetched =
  | { url: string; text: string }
  | { url: string; error: string; technical?: true }
  | { url: string; aborted: true };

/** Loads, names and lists the scenarios of one element. */
export class ScenariosController implements ReactiveController {
  entries: LoadedScenario[] = [];
  errors: ShownError[] = [];
  /**
   * The newest error, for the live region: only a new error is announced, once; a dismissal or
   * a second error does not make a screen reader read the whole list again (#18 item 8).
   */
  newestError?: ShownError;
  /** Loads under way. */
  pending = 0;
  private attributeUrls: string[] = [];
  private attributeValue: string | undefined;
  private seq = 0;
  private errorSeq = 0;
  private controller = new AbortController();
  private readonly host: Host;
  private readonly options: ScenariosOptions;
  private readonly idle: Array<() => void> = [];

  constructor(host: Host, options: ScenariosOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  hostConnected(): void {
    if (this.controller.signal.aborted) this.controller = new AbortController();
  }

  hostDisconnected(): void {
    this.controller.abort(new DOMException('The element was removed.', 'AbortError'));
  }

  /** Resolves when no load is under way. */
  whenLoaded(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  /**
   * Adds a scenario from parsed GeoJSON; null (and an error shown) when it is invalid. The parser
   * (engine-modules.ts) is imported on the first scenario; the scenario is in the list before the
   * load counts as done ({@link whenLoaded}).
   */
  add(
    data: unknown,
    fileName: string,
    origin: ScenarioOrigin,
    from = fileName,
  ): Promise<LoadedScenario | null> {
    return this.track(
      this.parser().then((p) =>
        p instanceof Error
          ? this.parserFailed(fileName, p)
          : this.addWith(p, data, fileName, origin, from),
      ),
    );
  }

  /** Loads a scenario from a URL (relative to the page). */
  loadUrl(url: string, origin: ScenarioOrigin): Promise<LoadedScenario | null> {
    return this.track(
      Promise.all([this.fetchText(url), this.parser()]).then(([r, p]) =>
        this.addFetched(p, r, origin),
      ),
    );
  }

  /** Loads scenarios from files (a file picker's or a drop's `FileList`, or an array). */
  loadFiles(files: readonly File[]): Promise<Array<LoadedScenario | null>> {
    const texts = Promise.all(
      files.map((f) =>
        f.text().then(
          (text) => ({ f, text }),
          (e: unknown) => ({ f, error: e instanceof Error ? e.message : String(e) }),
        ),
      ),
    );
    return this.track(
      Promise.all([texts, this.parser()]).then(([read, p]) =>
        read.map((t) => {
          if ('error' in t) {
            // The browser's reason (a DOMException, in English) only as technical detail.
            const message = `${t.f.name}: could not be read (${t.error}).`;
            this.showError(t.f.name, 'load-failed', message, message, {
              key: 'readFailedTechnical',
              params: { file: t.f.name },
              detail: t.error,
            });
            return null;
          }
          if (p instanceof Error) return this.parserFailed(t.f.name, p);
          return this.addText(p, t.text, t.f.name, 'file', t.f.name);
        }),
      ),
    );
  }

  /** The scenario of a name or key. */
  find(nameOrKey: string): LoadedScenario | undefined {
    return this.entries.find((e) => e.name === nameOrKey || e.key === nameOrKey);
  }

  /** Removes a scenario by name or key. */
  remove(nameOrKey: string): void {
    const before = this.entries.length;
    this.entries = this.entries.filter((e) => e.name !== nameOrKey && e.key !== nameOrKey);
    if (this.entries.length !== before) this.changed();
  }

  /** Dismisses an error; returns its index before removal (-1 when unknown). */
  dismiss(id: number): number {
    const index = this.errors.findIndex((x) => x.id === id);
    this.errors = this.errors.filter((x) => x.id !== id);
    // Emptying the live region is silent; it keeps nothing that is no longer shown.
    if (this.newestError?.id === id) this.newestError = undefined;
    this.host.requestUpdate();
    return index;
  }

  /** Reports an error (shown and fired as `na-scenario-error`). */
  showError(
    file: string,
    code: ScenarioErrorCode,
    message: string,
    shown: string | { kind: 'load' | 'read'; why: string },
    extra: Pick<ShownError, 'key' | 'params' | 'detail'> = {},
  ): void {
    const text =
      typeof shown === 'string' ? shown : this.options.loadFailedText(shown.kind, file, shown.why);
    const error: ShownError = { id: ++this.errorSeq, file, message: text, ...extra };
    this.errors = [...this.errors, error];
    this.newestError = error;
    this.host.requestUpdate();
    this.host.dispatchEvent(new NaScenarioErrorEvent({ code, message, file }));
  }

  /** Reports a failed comparison (the engine's message is English: only as technical detail). */
  compareFailed(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.showError('', 'compare-failed', message, message, {
      key: 'computeFailed',
      detail: message,
    });
  }

  /** The map side could not be imported: the scenarios are not on the map (shown and fired). */
  mapFailed(error: unknown): void {
    const message = `The scenario map layers could not be loaded (${error instanceof Error ? error.message : String(error)}).`;
    this.showError('', 'load-failed', message, message, { key: 'mapFailed', detail: message });
  }

  /** Keeps the attribute's scenarios (comma-separated URLs) loaded, in the attribute's order. */
  syncAttribute(value: string | undefined): void {
    this.attributeValue = value;
    const urls = (value ?? '')
      .split(',')
      .map((u) => u.trim())
      .filter((u) => u !== '');
    const was = this.attributeUrls;
    if (urls.length === was.length && urls.every((u, i) => u === was[i])) return;
    const gone = new Set(was.filter((u) => !urls.includes(u)));
    const before = this.entries.length;
    this.entries = this.entries.filter((e) => !(e.origin === 'attribute' && gone.has(e.from)));
    if (this.entries.length !== before) this.changed();
    const added = urls.filter((u) => !was.includes(u));
    this.attributeUrls = urls;
    if (added.length === 0) return;
    // Fetched in parallel, added in the attribute's order.
    const fetched = Promise.all(added.map((url) => this.fetchText(url)));
    void this.track(
      Promise.all([fetched, this.parser()]).then(([results, p]) => {
        const aborted = new Set(results.filter((r) => 'aborted' in r).map((r) => r.url));
        for (const r of results)
          if (!aborted.has(r.url) && this.attributeUrls.includes(r.url))
            this.addFetched(p, r, 'attribute');
        if (aborted.size === 0) return;
        // Removed while loading: loaded again when the element is back.
        this.attributeUrls = this.attributeUrls.filter((u) => !aborted.has(u));
        if (this.host.isConnected) this.syncAttribute(this.attributeValue);
      }),
    );
  }

  /** The parser, or the error of its failed import (a chunk that did not load). */
  private async parser(): Promise<Parser | Error> {
    try {
      return await parserModule.load();
    } catch (e) {
      return e instanceof Error ? e : new Error(String(e));
    }
  }

  /** The parser did not load: the file cannot be read now (shown; English only as detail). */
  private parserFailed(file: string, e: Error): null {
    const message = `${file}: could not be read (${e.message}).`;
    this.showError(file, 'load-failed', message, message, {
      key: 'readFailedTechnical',
      params: { file },
      detail: e.message,
    });
    return null;
  }

  private addWith(
    p: Parser,
    data: unknown,
    fileName: string,
    origin: ScenarioOrigin,
    from: string,
  ): LoadedScenario | null {
    try {
      return this.addParsed(p.parseScenario(data, { fileName }), origin, from);
    } catch (e) {
      this.reportError(fileName, e);
      return null;
    }
  }

  /** Adds a scenario from the text of a file. */
  private addText(
    p: Parser,
    text: string,
    file: string,
    origin: ScenarioOrigin,
    from: string,
  ): LoadedScenario | null {
    let data: unknown;
    try {
      data = p.parseJsonStrict(text, file);
    } catch (e) {
      this.reportError(file, e);
      return null;
    }
    return this.addWith(p, data, file, origin, from);
  }

  private addFetched(p: Parser | Error, r: Fetched, origin: ScenarioOrigin): LoadedScenario | null {
    if ('aborted' in r) return null;
    if ('error' in r) {
      const message = `${r.url}: could not be loaded (${r.error}).`;
      if (r.technical === true) {
        // An English message of no request error: only as technical detail.
        this.showError(r.url, 'load-failed', message, message, {
          key: 'loadFailedTechnical',
          params: { file: r.url },
          detail: r.error,
        });
      } else this.showError(r.url, 'load-failed', message, { kind: 'load', why: r.error });
      return null;
    }
    if (p instanceof Error) return this.parserFailed(r.url, p);
    return this.addText(p, r.text, fileNameOf(r.url), origin, r.url);
  }

  private async fetchText(url: string): Promise<Fetched> {
    const signal = this.controller.signal;
    try {
      // The file loader (src/sources/sources-file.ts) is imported on the first load.
      const { loadTextFile } = await loadSourcesFileModule();
      return { url, text: await loadTextFile(new URL(url, document.baseURI).href, { signal }) };
    } catch (e) {
      if (isAbortError(e, signal)) return { url, aborted: true };
      if (e instanceof SourceRequestError) {
        const lang = this.options.lang() === 'en' ? 'en' : 'nl';
        return { url, error: e.userMessage[lang] };
      }
      if (e instanceof Error) return { url, error: e.message, technical: true };
      throw e;
    }
  }

  private addParsed(scenario: Scenario, origin: ScenarioOrigin, from: string): LoadedScenario {
    const names = new Set(this.entries.map((e) => e.name));
    let name = scenario.name;
    for (let n = 2; names.has(name); n++) name = `${scenario.name} (${n})`;
    const entry: LoadedScenario = {
      key: `s${++this.seq}`,
      name,
      origin,
      from,
      scenario: name === scenario.name ? scenario : { ...scenario, name },
    };
    this.entries = [...this.entries, entry];
    this.changed();
    return entry;
  }

  private reportError(file: string, e: unknown): void {
    if (!(e instanceof Error)) throw e;
    const code = e instanceof NaError ? e.code : 'load-failed';
    const { line, column } = e instanceof NaError ? e.details : {};
    const syntax = typeof line === 'number' && typeof column === 'number';
    this.showError(file, code as ScenarioErrorCode, e.message, e.message, {
      key: syntax ? 'fileSyntax' : 'fileUnusable',
      params: syntax ? { file, line, column } : { file },
      detail: e.message,
    });
  }

  private changed(): void {
    this.host.requestUpdate();
    this.options.changed();
  }

  private async track<T>(work: Promise<T>): Promise<T> {
    this.pending += 1;
    this.host.requestUpdate();
    try {
      return await work;
    } finally {
      this.pending -= 1;
      this.host.requestUpdate();
      if (this.pending === 0) for (const resolve of this.idle.splice(0)) resolve();
    }
  }
}
