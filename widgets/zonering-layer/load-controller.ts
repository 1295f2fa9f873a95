/**
 * The loads of `<na-zonering-layer>` as `@lit/task` Tasks: the GeoJSON file of `src`, or the tile
 * description of `tiles` with the tile code (imported on first use), each after the element's
 * engine (./engine.ts, imported on first use). A new load aborts the one in
 * flight, so a stale result never replaces a newer one; {@link ZoneringLoad.abort} stops both.
 */
import type { ReactiveControllerHost } from 'lit';
import { Task } from '@lit/task';
import type { GeoJsonSource } from '../../src/sources/geojson.js';
import type { ZoneringErrorCode } from './events.js';
import { isAbortError } from '../../src/sources/abort.js';
import type { ZoneringTilesFile } from './load.js';
import { engineModule } from './engine-loader.js';

/** What the element does with a load's result. */
export interface ZoneringLoadOptions {
  onFile: (source: GeoJsonSource) => void;
  onTiles: (file: ZoneringTilesFile) => void;
  /** A load failed (never called for an abort). */
  onError: (code: ZoneringErrorCode, e: unknown) => void;
}

export class ZoneringLoad {
  private readonly _file: Task<[string, string | undefined, string], GeoJsonSource>;
  private readonly _tiles: Task<[string], ZoneringTilesFile>;
  /** The Task run last. */
  private _current?:
    Task<[string, string | undefined, string], GeoJsonSource> | Task<[string], ZoneringTilesFile>;

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
      task: async ([url, crs, zoneProperty], { signal }) => {
        const engine = await engineModule.load();
        signal.throwIfAborted();
        return engine.loadZoneringFile(url, crs, zoneProperty, signal);
      },
      onComplete: options.onFile,
      onError,
    });
    this._tiles = new Task(host, {
      autoRun: false,
      task: async ([url], { signal }) => {
        const engine = await engineModule.load();
        signal.throwIfAborted();
        return engine.loadZoneringTiles(url, signal);
      },
      onComplete: options.onTiles,
      onError,
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

  /** Settles when the current load ends (also by abort; as a Task's `taskComplete`). */
  get taskComplete(): Promise<unknown> {
    return this._current?.taskComplete ?? Promise.resolve(undefined);
  }

  /** Aborts the load in flight, if any. */
  abort(reason: string): void {
    const e = new DOMException(reason, 'AbortError');
    this._file.abort(e);
    this._tiles.abort(e);
  }
}
