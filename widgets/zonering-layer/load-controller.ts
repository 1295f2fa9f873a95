/**
 * The loads of `<na-zonering-layer>` as `@lit/task` Tasks: the GeoJSON file of `src`, the tile
 * description of `tiles` with the tile code, or the FlatGeobuf file of `fgb` (with the tiles when
 * both are given) with its layer code, each after the element's engine (./engine.ts, imported on
 * first use). A new load aborts the one in flight, so a stale result never replaces a newer one;
 * {@link ZoneringLoad.abort} stops them all.
 */
import type { ReactiveControllerHost } from 'lit';
import { Task } from '@lit/task';
import type { LocalizedText } from '../../src/core/types.js';
import type { GeoJsonSource } from '../../src/sources/geojson.js';
import { isAbortError } from '../../src/sources/abort.js';
import type { ZoneringErrorCode } from './events.js';
import type { ZoneringLayerFile } from './load.js';
import { engineModule, type Engine } from './engine-loader.js';

/** What the element does with a load's result. */
export interface ZoneringLoadOptions {
  onFile: (source: GeoJsonSource) => void;
  /** Tiles or a FlatGeobuf file, described, with the code to make the layer. */
  onLayer: (file: ZoneringLayerFile) => void;
  /** A load failed (never called for an abort). */
  onError: (code: ZoneringErrorCode, e: unknown) => void;
}

/** The engine, then `load` with it (stopped when aborted meanwhile). */
async function withEngine<T>(
  signal: AbortSignal,
  load: (engine: Engine) => Promise<T>,
): Promise<T> {
  const engine = await engineModule.load();
  signal.throwIfAborted();
  return load(engine);
}

export class ZoneringLoad {
  private readonly _file: Task<[string, string | undefined, string], GeoJsonSource>;
  private readonly _tiles: Task<[string], ZoneringLayerFile>;
  private readonly _fgb: Task<[string, string | undefined, string], ZoneringLayerFile>;
  /** The Task run last. */
  private _current?: { readonly taskComplete: Promise<unknown> };
  /** Words for the user about the last failed load, when it has them (a FlatGeobuf file's). */
  errorText?: LocalizedText;

  constructor(host: ReactiveControllerHost, options: ZoneringLoadOptions) {
    const onError = (e: unknown): void => {
      // Without the engine (its chunk did not load) the failure is a failed fetch.
      const engine = engineModule.loaded();
      const code =
        engine !== undefined
          ? engine.loadErrorCode(e)
          : isAbortError(e)
            ? undefined
            : 'fetch-failed';
      if (code !== undefined) options.onError(code, e);
    };
    this._file = new Task(host, {
      autoRun: false,
      task: ([url, crs, zoneProperty], { signal }) =>
        withEngine(signal, (engine) => engine.loadZoneringFile(url, crs, zoneProperty, signal)),
      onComplete: options.onFile,
      onError,
    });
    this._tiles = new Task(host, {
      autoRun: false,
      task: ([url], { signal }) =>
        withEngine(signal, (engine) => engine.loadZoneringTileLayer(url, signal)),
      onComplete: options.onLayer,
      onError,
    });
    this._fgb = new Task(host, {
      autoRun: false,
      task: ([url, tiles, zoneProperty], { signal }) =>
        withEngine(signal, (engine) => engine.loadZoneringFgb(url, tiles, zoneProperty, signal)),
      onComplete: options.onLayer,
      onError: (e) => {
        this.errorText = engineModule.loaded()?.loadErrorText(e);
        onError(e);
      },
    });
  }

  /** Loads the GeoJSON file at `url` (`crs`: of the data, else the file's own). */
  file(url: string, crs: string | undefined, zoneProperty: string): void {
    this._current = this._file;
    void this._file.run([url, crs, zoneProperty]);
  }

  /** Loads the tile description at `url` and the tile code. */
  tiles(url: string): void {
    this._current = this._tiles;
    void this._tiles.run([url]);
  }

  /** Loads the FlatGeobuf file at `url` (header) and the layer code; with `tiles` also those. */
  fgb(url: string, tiles: string | undefined, zoneProperty: string): void {
    this._current = this._fgb;
    void this._fgb.run([url, tiles, zoneProperty]);
  }

  /** Settles when the current load ends (also by abort; as a Task's `taskComplete`). */
  get taskComplete(): Promise<unknown> {
    return this._current?.taskComplete ?? Promise.resolve(undefined);
  }

  /** Aborts the load in flight, if any. */
  abort(reason: string): void {
    const e = new DOMException(reason, 'AbortError');
    this._file.abort(e);
    this._tiles.abort(e);
    this._fgb.abort(e);
    this.errorText = undefined;
  }
}
