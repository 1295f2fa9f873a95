/**
 * The map side of `<na-kansenkaart-layer>`: binds to the host's map, shows an export (`src`, vector
 * polygons) or computes the kansenkaart from a sources file (`sources`, an image) for the area of
 * the view, again after every move. The computation is one `@lit/task` (a newer view aborts the
 * run in flight, a stale result is never shown) run by the Worker runner (kansenkaart-runner.ts).
 * Keeps the element's state, progress, unit count and the unit read out; the layer and listeners
 * it adds are removed when the map or the input changes and when the element is removed. The map
 * layers, the export's loader and the RD New reprojection are the element's engine (./engine.ts),
 * imported when the element first has a map and `src` or `sources`.
 */
import { Task, TaskStatus } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type OlMap from 'ol/Map.js';
import type { KnowledgeBase } from '../../src/core/kb/types.js';
import type { Action } from '../../src/core/types.js';
import type {
  KansenkaartAttachment,
  KansenkaartAttachmentOptions,
  KansenkaartData,
  KansenkaartShown,
  KansenUnitInfo,
} from '../../src/map/kansenkaart-layer.js';
import type { KansenkaartRaster } from '../../src/map/kansenkaart-raster.js';
import type {
  KansenkaartJob,
  KansenkaartJobProgress,
  KansenkaartJobResult,
} from '../../src/sources/kansenkaart-job.js';
import { isAbortError } from '../../src/sources/abort.js';
import type { CoreWorkerMode } from '../shared/core-worker.js';
import type { WidgetLang } from '../shared/lang.js';
import { engineModule, type Engine } from './engine-loader.js';
import { createKansenkaartRunner, type KansenkaartWorkerResult } from './kansenkaart-runner.js';
import { kansenkaartJob, progressShare } from './job.js';
import type { KansenkaartLayerState } from './texts.js';

/** The element's properties the kansenkaart is made from. */
export interface KansenkaartInputs {
  map?: OlMap;
  src?: string;
  sources?: string;
  area: 'view' | 'coverage';
  bbox?: string;
  cellSize: number;
  knowledgeBase?: KnowledgeBase;
  action: Action;
}

/** What the binding tells its element. */
export interface KansenkaartBindingOptions {
  lang(): WidgetLang;
  /** A unit was clicked (or selected with Enter). */
  select(unit: KansenUnitInfo): void;
  /** Loaded, or the view moved: the element fires `na-kansenkaart-change`. */
  changed(): void;
}

export class KansenkaartBinding implements ReactiveController {
  state: KansenkaartLayerState = 'no-map';
  /** The share of the computation done (0–1). */
  progress = 0;
  /** Units on the map. */
  count = 0;
  /** The unit read out (pointer or crosshair), `none` when the crosshair is on no unit. */
  hovered?: KansenUnitInfo | 'none';
  /** The last computation's result (undefined for an export). */
  result?: KansenkaartJobResult;
  private readonly compute: Task<[KansenkaartJob], KansenkaartWorkerResult>;
  private runner?: ReturnType<typeof createKansenkaartRunner>;
  private boundJob?: string;
  /** The export (`src`) as vector polygons. */
  private attachment?: KansenkaartAttachment;
  /** The computed map as an image (`sources`). */
  private raster?: KansenkaartRaster;
  private boundMap?: OlMap;
  private boundSrc?: string;
  /** The engine, once loaded (./engine.ts); everything shown was made with it. */
  private engine?: Engine;
  /** The load of the engine in flight for the current binding (undefined when loaded or none). */
  private engineLoading?: Promise<unknown>;
  /** Counts the bindings, so that an engine load for an earlier one is ignored. */
  private generation = 0;
  /** The load of an export in flight. */
  private fetching?: AbortController;
  /** The area of the computation in flight or shown (JSON), to skip moves that keep the view. */
  private area?: string;
  private forced?: MediaQueryList;
  private readonly onForced = (): void =>
    this.shown()?.setForcedColors(this.forced?.matches ?? false);
  private readonly onMoveEnd = (): void => {
    const h = this.host;
    if (this.computing() && h.bbox === undefined && h.area !== 'coverage') this.start(true);
    this.options.changed();
  };

  constructor(
    private readonly host: ReactiveControllerHost & KansenkaartInputs,
    private readonly options: KansenkaartBindingOptions,
  ) {
    host.addController(this);
    this.compute = new Task<[KansenkaartJob], KansenkaartWorkerResult>(host, {
      autoRun: false,
      task: async ([job], { signal }) => {
        this.runner ??= createKansenkaartRunner();
        const run = this.runner.run(job, signal, (p) => {
          if (signal.aborted) return;
          this.progress = progressShare(p as KansenkaartJobProgress);
          this.host.requestUpdate();
        });
        // Ended (done or failed) as it was aborted (removal, a new map): neither shown nor reported.
        return run.finally(() => signal.throwIfAborted());
      },
      onComplete: (result) => this.computed(result),
      onError: (e) => this.failed(e),
    });
  }

  /** The kansenkaart on the map (an export's polygons or the computed image). */
  shown(): KansenkaartShown | undefined {
    return this.raster ?? this.attachment;
  }

  /** Where the computation runs: `worker`, `main` (fallback) or `pending` (none yet). */
  get mode(): CoreWorkerMode {
    return this.runner?.mode ?? 'pending';
  }

  /** Resolves when the computation in flight (if any) has finished or failed. */
  async whenComputed(): Promise<void> {
    // The engine loads before the computation starts.
    while (this.engineLoading !== undefined) await Promise.allSettled([this.engineLoading]);
    while (this.compute.status === TaskStatus.PENDING)
      await Promise.allSettled([this.compute.taskComplete]);
  }

  hostConnected(): void {
    this.forced = window.matchMedia('(forced-colors: active)');
    this.forced.addEventListener('change', this.onForced);
    // Back on the page: bind the map again (removal released it).
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.forced?.removeEventListener('change', this.onForced);
    this.detach();
    this.runner?.dispose();
    this.runner = undefined;
    // A computation in flight was aborted: say so instead of computing for ever.
    if (this.state === 'computing') this.state = 'aborted';
  }

  /** Binds anew when the map, the export or what decides the computation changed. */
  sync(): void {
    const h = this.host;
    if (
      h.map !== this.boundMap ||
      h.src !== this.boundSrc ||
      (this.computing() && this.jobKey() !== this.boundJob)
    )
      this.bind();
  }

  /** Shows another action (the unit read out is cleared). */
  setAction(action: Action): void {
    const shown = this.shown();
    if (!shown) return;
    shown.setAction(action);
    this.setHovered(undefined);
    this.options.changed();
  }

  /** Rewords the map's labels and the unit read out in `lang` (no new computation). */
  reword(lang: WidgetLang): void {
    const shown = this.shown();
    shown?.setLang(lang);
    const unit = this.hovered;
    const map = this.host.map;
    if (shown && this.engine && map && unit !== undefined && unit !== 'none')
      this.setHovered(shown.unitAt(this.engine.rdToMap(map, unit.rd)) ?? undefined);
  }

  /** Whether the element computes (a sources file and no export). */
  private computing(): boolean {
    return !this.host.src && !!this.host.sources;
  }

  /** What decides the computation apart from the view. */
  private jobKey(): string {
    const h = this.host;
    return JSON.stringify([h.sources, h.area, h.bbox, h.cellSize]);
  }

  private setState(state: KansenkaartLayerState): void {
    this.state = state;
    this.host.requestUpdate();
  }

  private setHovered(unit: KansenUnitInfo | 'none' | undefined): void {
    this.hovered = unit;
    this.host.requestUpdate();
  }

  private bind(): void {
    this.detach();
    const map = this.host.map;
    this.boundMap = map;
    this.boundSrc = this.host.src;
    this.boundJob = this.computing() ? this.jobKey() : undefined;
    if (!map) return this.setState('no-map');
    if (!this.computing() && !this.host.src) return this.setState('no-source');
    const engine = engineModule.loaded();
    if (engine !== undefined) return this.bindWith(engine, map);
    // The engine first (imported once per page); meanwhile the element says what it will do.
    this.setState(this.computing() ? 'computing' : 'loading');
    const generation = this.generation;
    const loading = engineModule.load().then(
      (loaded) => {
        if (this.generation === generation) this.bindWith(loaded, map);
      },
      (e: unknown) => {
        if (this.generation !== generation) return;
        console.warn(`na-kansenkaart-layer: ${e instanceof Error ? e.message : String(e)}`);
        this.setState('error');
      },
    );
    this.engineLoading = loading;
    void loading.finally(() => {
      if (this.engineLoading === loading) this.engineLoading = undefined;
    });
  }

  /** Binds to `map` with the loaded engine: computes, or loads and shows the export. */
  private bindWith(engine: Engine, map: OlMap): void {
    this.engine = engine;
    if (this.computing()) {
      map.on('moveend', this.onMoveEnd);
      return this.start();
    }
    const src = this.host.src;
    if (!src) return this.setState('no-source');
    this.setState('loading');
    const abort = new AbortController();
    this.fetching = abort;
    engine.fetchKansenkaart(src, abort.signal).then(
      (data) => {
        if (abort.signal.aborted) return;
        this.showExport(engine, map, data);
        map.on('moveend', this.onMoveEnd);
      },
      (e: unknown) => {
        if (abort.signal.aborted) return;
        console.warn(`na-kansenkaart-layer: ${e instanceof Error ? e.message : String(e)}`);
        this.setState('error');
      },
    );
  }

  private attachOptions(): KansenkaartAttachmentOptions {
    return {
      action: this.host.action,
      forcedColors: this.forced?.matches ?? false,
      lang: this.options.lang(),
      onHover: (unit) => this.setHovered(unit ?? undefined),
      onCentre: (unit) => this.setHovered(unit ?? 'none'),
      onSelect: (unit) => this.options.select(unit),
    };
  }

  /** Draws `data` (a new attachment, or new units in the current one). */
  private showExport(engine: Engine, map: OlMap, data: KansenkaartData): void {
    if (this.attachment) this.attachment.setData(data);
    else this.attachment = engine.attachKansenkaart(map, data, this.attachOptions());
    this.count = data.features.length;
    this.setState('ready');
    this.options.changed();
  }

  /** Starts a computation for the current area (aborting the one in flight). */
  private start(onMove = false): void {
    const { map, sources } = this.host;
    const engine = this.engine;
    if (!map || !sources || !engine) return;
    const job = kansenkaartJob(
      map,
      sources,
      {
        cellSize: this.host.cellSize,
        area: this.host.area,
        bbox: this.host.bbox,
        knowledgeBase: this.host.knowledgeBase,
      },
      engine.viewExtentRd,
    );
    // A moveend without a new view (e.g. a resize to the same extent, another layer added): the
    // map in flight or shown is already this view's.
    const area = JSON.stringify(job.area ?? null);
    if (onMove && area === this.area) return;
    this.area = area;
    this.progress = 0;
    this.setState('computing');
    void this.compute.run([job]);
  }

  /** Draws the computed map as an image (a new attachment, or new data in the current one). */
  private computed(result: KansenkaartWorkerResult): void {
    const map = this.boundMap;
    const engine = this.engine;
    if (!map || !engine) return;
    this.result = result;
    if (!result.map || result.map.cells === 0) {
      this.raster?.setData(undefined);
      this.count = 0;
      this.setState('empty');
      this.options.changed();
      return;
    }
    const data = result.unitGrid
      ? { map: result.map, unitGrid: result.unitGrid, images: result.images ?? {} }
      : undefined;
    if (this.raster) this.raster.setData(data);
    else
      this.raster = engine.attachKansenkaartRaster(map, data, {
        ...this.attachOptions(),
        // The map's view is computed, nothing around it: no margin (a smaller image to draw).
        imageRatio: this.host.bbox === undefined && this.host.area !== 'coverage' ? 1 : 1.5,
      });
    this.setHovered(undefined);
    this.count = result.map.units.length;
    this.setState('ready');
    this.options.changed();
  }

  private failed(e: unknown): void {
    if (isAbortError(e)) return;
    if ((e as { code?: unknown }).code === 'too-large') {
      this.raster?.setData(undefined);
      return this.setState('too-large');
    }
    console.warn(`na-kansenkaart-layer: ${e instanceof Error ? e.message : String(e)}`);
    this.setState('error');
  }

  private detach(): void {
    // An engine load in flight no longer binds (the next bind() starts its own wait).
    this.generation++;
    this.engineLoading = undefined;
    this.compute.abort(new DOMException('The kansenkaart input changed.', 'AbortError'));
    this.fetching?.abort();
    this.fetching = undefined;
    this.area = undefined;
    this.result = undefined;
    this.boundJob = undefined;
    this.boundMap?.un('moveend', this.onMoveEnd);
    this.attachment?.dispose();
    this.attachment = undefined;
    this.raster?.dispose();
    this.raster = undefined;
    this.boundMap = undefined;
    this.boundSrc = undefined;
    this.hovered = undefined;
  }
}
