/**
 * The map side of `<na-zonering-layer>`: which map, polygons and options the layer was made from
 * ({@link Bound}), the loads of `src`, `tiles` or `fgb` (load-controller.ts), the attachment on the map
 * (src/map/zonering-attachment.ts) and the element's state and polygon count. A real change of the
 * inputs detaches the layer and attaches a new one; removal of the element detaches it.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type OlMap from 'ol/Map.js';
import { defined } from '../../src/core/defined.js';
import type { KnowledgeBase } from '../../src/core/kb/types.js';
import type { PolygonSource } from '../../src/core/types.js';
import type { ZoneringAttachment } from '../../src/map/zonering-attachment.js';
import type { CentreReport, ZoneHover, ZoneringMapLayer } from '../../src/map/zonering-layer.js';
import { mapCrs } from '../../src/map/map-crs.js';
import { engineModule, type Engine } from './engine-loader.js';
import type { ScaleThresholds } from '../../src/map/zonering-style.js';
import type { LayerState } from '../shared/layer-status.js';
import type { WidgetLang } from '../shared/lang.js';
import { sameBound, type Bound } from './bound.js';
import type { ZoneringErrorCode } from './events.js';
import { ZoneringLoad } from './load-controller.js';

/** The element's properties the layer is made from. */
export interface ZoneringInputs {
  map?: OlMap;
  source?: PolygonSource;
  src?: string;
  tiles?: string;
  fgb?: string;
  crs?: string;
  dataCrs?: string;
  zoneProperty: string;
  knowledgeBase?: KnowledgeBase;
  scaleThresholds?: Partial<ScaleThresholds>;
  visible: boolean;
}

/** What the binding tells its element. */
export interface ZoneringBindingOptions {
  lang(): WidgetLang;
  /** The opacity in use (0–1). */
  opacity(): number;
  hover(hover: ZoneHover | null): void;
  centre(centre: CentreReport): void;
  /** The layer was attached, detached or loaded. */
  changed(): void;
  /** Loading failed (never called for an abort). */
  failed(code: ZoneringErrorCode, e: unknown): void;
  /** The layer was taken off the map. */
  detached(): void;
}

export class ZoneringBinding implements ReactiveController {
  /** What the element is doing. */
  state: LayerState = 'no-map';
  /** Number of polygons loaded. */
  featureCount = 0;
  /** The layer on the map and its listeners (undefined before it is attached). */
  attachment?: ZoneringAttachment<ZoneringMapLayer>;
  private bound?: Bound;
  /** The loads of `src` or `tiles` (a new source aborts the load in flight). */
  private readonly loads: ZoneringLoad;

  constructor(
    private readonly host: ReactiveControllerHost & ZoneringInputs,
    private readonly options: ZoneringBindingOptions,
  ) {
    host.addController(this);
    this.loads = new ZoneringLoad(host, {
      onFile: (source) => {
        const bound = this.bound;
        const engine = engineModule.loaded();
        if (bound !== undefined && this.attachment === undefined && engine !== undefined)
          this.attach(engine, bound.map, source);
      },
      onLayer: ({ create, featureCount }) => {
        const bound = this.bound;
        const engine = engineModule.loaded();
        if (bound === undefined || this.attachment !== undefined || engine === undefined) return;
        const layer = create(this.host.knowledgeBase ?? engine.defaultKnowledgeBase(), {
          ...this.layerOptions(),
          zoneProperty: bound.zoneProperty,
        });
        const count = Promise.resolve(featureCount);
        this.adopt(engine.attachZoneringLayer(bound.map, layer, count, this.hoverOptions()));
      },
      onError: (code, e) => this.fail(code, e),
    });
  }

  /**
   * The knowledge base in use: the one given, or the default once the element's engine has loaded
   * (it loads when the element first has a map and a source); undefined before that.
   */
  /** Why loading failed, in `lang`, when the error says (a FlatGeobuf file's). */
  errorMessage(lang: WidgetLang): string | undefined {
    return this.state === 'error' ? this.loads.errorText?.[lang] : undefined;
  }

  get knowledgeBase(): KnowledgeBase | undefined {
    return this.host.knowledgeBase ?? engineModule.loaded()?.defaultKnowledgeBase();
  }

  hostDisconnected(): void {
    this.detach();
  }

  /** Follows the element's properties: attaches anew when what the layer is made from changed. */
  sync(): void {
    const h = this.host;
    const map = h.map;
    if (map === undefined) {
      this.detach();
      this.setState('no-map');
      return;
    }
    const bound: Bound = {
      map,
      source: h.source,
      // A removed attribute is null (Lit), not undefined: both mean "not given".
      src: h.source === undefined ? (h.src ?? undefined) : undefined,
      tiles: h.source === undefined ? (h.tiles ?? undefined) : undefined,
      fgb: h.source === undefined ? (h.fgb ?? undefined) : undefined,
      crs: h.crs ?? h.dataCrs,
      kb: h.knowledgeBase,
      zoneProperty: h.zoneProperty,
      thresholds: h.scaleThresholds,
    };
    if (sameBound(this.bound, bound)) return;
    this.detach();
    const useTiles =
      bound.tiles !== undefined && bound.tiles !== '' && mapCrs(map) === 'EPSG:28992';
    const useFgb = bound.fgb !== undefined && bound.fgb !== '';
    if (bound.source === undefined && !useTiles && !useFgb && !bound.src) {
      this.setState('no-source');
      return;
    }
    this.bound = bound;
    this.setState('loading');
    if (bound.source !== undefined) this.attachSource(bound, bound.source);
    else if (useFgb)
      this.loads.fgb(bound.fgb as string, useTiles ? bound.tiles : undefined, bound.zoneProperty);
    else if (useTiles) this.loads.tiles(bound.tiles as string);
    else this.loads.file(bound.src as string, bound.crs, bound.zoneProperty);
  }

  /** Takes the layer off the map (and aborts a load in flight). */
  detach(): void {
    this.loads.abort('The zonering source changed.');
    this.bound = undefined;
    const att = this.attachment;
    this.attachment = undefined;
    this.featureCount = 0;
    this.options.detached();
    if (att !== undefined) {
      att.dispose();
      this.options.changed();
    }
  }

  /** The state after a failed load. */
  fail(code: ZoneringErrorCode, e: unknown): void {
    this.setState('error');
    this.options.failed(code, e);
  }

  private setState(state: LayerState): void {
    if (this.state === state) return;
    this.state = state;
    this.host.requestUpdate();
  }

  /** The options of either layer kind. */
  private layerOptions() {
    return {
      lang: this.options.lang(),
      visible: this.host.visible,
      opacity: this.options.opacity(),
      ...defined({ scaleThresholds: this.host.scaleThresholds }),
    };
  }

  private hoverOptions() {
    return {
      onHover: (hover: ZoneHover | null) => this.options.hover(hover),
      onCentre: (centre: CentreReport) => this.options.centre(centre),
    };
  }

  /** Attaches `source` once the engine is loaded (imported on first use). */
  private attachSource(bound: Bound, source: PolygonSource): void {
    const engine = engineModule.loaded();
    if (engine !== undefined) return this.attach(engine, bound.map, source);
    engineModule.load().then(
      (loaded) => {
        if (this.bound === bound && this.attachment === undefined)
          this.attach(loaded, bound.map, source);
      },
      (e: unknown) => {
        if (this.bound === bound) this.fail('load-failed', e);
      },
    );
  }

  private attach(engine: Engine, map: OlMap, source: PolygonSource): void {
    const kb = this.host.knowledgeBase ?? engine.defaultKnowledgeBase();
    this.adopt(
      engine.attachZonering(map, source, kb, {
        ...this.layerOptions(),
        ...this.hoverOptions(),
      }),
    );
  }

  private adopt(att: ZoneringAttachment<ZoneringMapLayer>): void {
    this.attachment = att;
    this.options.changed();
    att.loaded.then(
      (count) => {
        if (this.attachment !== att) return;
        this.featureCount = count;
        this.setState('ready');
        this.host.requestUpdate();
        this.options.changed();
      },
      (e: unknown) => {
        if (this.attachment === att) this.fail('load-failed', e);
      },
    );
  }
}
