/**
 * The `sources` attribute of `<na-scenario-compare>`: loads a `sources.json` and its data files
 * through src/sources/http.ts, with one abort signal per URL (a new URL or the element's removal
 * aborts the old load; nothing changes afterwards).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { FactSource } from '../../src/core/types.js';
import { createSources, parseSourcesConfig } from '../../src/sources/config.js';
import { DEFAULT_MAX_FILE_BYTES, fetchWithPolicy, readText } from '../../src/sources/http.js';
import { fileNameOf } from './scenarios-controller.js';

/** The sources URL of the element, and what to do when loading failed. */
export interface SourcesLoaderOptions {
  url(): string | undefined;
  failed(message: string, url: string): void;
}

/** Loads the sources file named by the element's `sources` attribute. */
export class SourcesLoader implements ReactiveController {
  value: FactSource[] | undefined;
  loading = false;
  error: string | undefined;
  private from: string | undefined;
  private controller: AbortController | undefined;
  private readonly host: ReactiveControllerHost;
  private readonly options: SourcesLoaderOptions;
  private waiting: Array<() => void> = [];

  constructor(host: ReactiveControllerHost, options: SourcesLoaderOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  hostConnected(): void {
    this.sync();
  }

  hostDisconnected(): void {
    this.controller?.abort(new DOMException('The element was removed.', 'AbortError'));
    this.controller = undefined;
    if (this.loading) {
      this.settle();
      this.from = undefined;
    }
  }

  /** Resolves when no sources file is loading. */
  whenLoaded(): Promise<void> {
    if (!this.loading) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private settle(): void {
    this.loading = false;
    for (const resolve of this.waiting.splice(0)) resolve();
  }

  /** Loads the file when the URL changed (call from the element's `willUpdate`). */
  sync(): void {
    const url = this.options.url();
    if (!url) {
      this.controller?.abort(new DOMException('The sources attribute was removed.', 'AbortError'));
      this.value = undefined;
      this.from = undefined;
      this.settle();
      return;
    }
    const absolute = new URL(url, document.baseURI).href;
    if (absolute === this.from) return;
    this.controller?.abort(new DOMException('The sources URL changed.', 'AbortError'));
    const controller = new AbortController();
    this.controller = controller;
    this.from = absolute;
    this.value = undefined;
    this.error = undefined;
    this.loading = true;
    const { signal } = controller;
    const load = async (location: string): Promise<string> =>
      readText(
        await fetchWithPolicy(location, {
          signal,
          sourceTitle: fileNameOf(location),
          maxResponseBytes: DEFAULT_MAX_FILE_BYTES,
        }),
      );
    void (async () => {
      const config = parseSourcesConfig(await load(absolute), fileNameOf(absolute));
      return createSources(config, { load, baseUrl: absolute, signal });
    })().then(
      (sources) => {
        if (signal.aborted) return;
        this.value = sources;
        this.settle();
        this.host.requestUpdate();
      },
      (e: unknown) => {
        if (signal.aborted) return;
        this.settle();
        this.from = undefined;
        this.error = e instanceof Error ? e.message : String(e);
        this.host.requestUpdate();
        this.options.failed(this.error, absolute);
      },
    );
  }
}
