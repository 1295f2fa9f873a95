/**
 * The OpenLayers style of zonering features, shared by the vector layer (`zonering-layer.ts`, the
 * polygons loaded whole) and the vector-tile layer (`zonering-tiles.ts`): colour by scale and code,
 * outline, hatching in forced-colours mode, labels where they fit. Also the small interface the
 * hover, legend and view-description code needs from either layer ({@link ZoneringMapLayer}).
 */
import type { Coordinate } from 'ol/coordinate.js';
import type { EventsKey } from 'ol/events.js';
import type { Extent } from 'ol/extent.js';
import { getHeight, getWidth } from 'ol/extent.js';
import type { FeatureLike } from 'ol/Feature.js';
import type BaseLayer from 'ol/layer/Base.js';
import type BaseVectorLayer from 'ol/layer/BaseVector.js';
import Fill from 'ol/style/Fill.js';
import Stroke from 'ol/style/Stroke.js';
import Style from 'ol/style/Style.js';
import Text from 'ol/style/Text.js';
import { defined } from '../core/defined.js';
import type { KnowledgeBase } from '../core/kb/types.js';
import type { Lang, Scale } from '../core/types.js';
import { forcedColoursQuery, hatchPattern } from './zone-hatch.js';
import {
  mainTypeCode,
  scaleForResolution,
  showsTypes,
  zoneringColour,
  zoneringHatch,
  zoneringLabel,
  zoneringOutline,
  type ScaleThresholds,
} from './zonering-style.js';

/** Style options shared by both zonering layers (see `ZoneringLayerOptions`). */
export interface ZoneringStyleOptions {
  /** Language of the labels (default `nl`). */
  lang?: Lang;
  /**
   * Where the style changes scale, in ground metres per CSS pixel (see {@link ScaleThresholds}).
   * `region` defaults to 14 m/px (about 1:50,000): above it landscape types are shown.
   */
  scaleThresholds?: Partial<ScaleThresholds>;
  /**
   * Feature property that holds the BKNSN zone code. Default `zone` (the fact name a
   * PolygonSource sets), falling back to `BKNSN_code`.
   */
  zoneProperty?: string;
  /** Draw zone/type labels where they fit (default true). */
  labels?: boolean;
  /** Canvas font of the labels (default `600 12px sans-serif`). */
  labelFont?: string;
  /** Label text colour (default `#1a1a1a`). */
  labelColour?: string;
  /** Colour of the halo around labels (default `#ffffff`). */
  labelHalo?: string;
  /**
   * When the zones are hatched as well as coloured (`zoneringHatch`, a cue that does not depend on
   * colour): `'forced-colors'` (default) while the page is in forced-colours (high contrast) mode,
   * `'always'` or `'never'`.
   */
  hatching?: 'forced-colors' | 'always' | 'never';
}

/**
 * What hover, legend and view description need of a zonering layer, whether its features are
 * loaded whole (`ZoneringLayer`) or come in vector tiles (`ZoneringTileLayer`).
 */
export interface ZoneringFeatures {
  /** The knowledge base that gives colours and names. */
  readonly knowledgeBase: KnowledgeBase;
  /** The zone code of a feature, or undefined. */
  codeOf(feature: FeatureLike): string | undefined;
  /** Language of the labels. */
  getLang(): Lang;
  /** Changes the language of the labels and redraws. */
  setLang(lang: Lang): void;
  /** The scale level shown at a view resolution (projection units per pixel). */
  scaleAt(resolution: number): Scale;
  /** Calls `callback` for every loaded feature whose extent intersects `extent`. */
  forEachFeatureInExtent(extent: Extent, callback: (feature: FeatureLike) => void): void;
  /** The loaded features that contain `coordinate` (map projection). */
  featuresAtCoordinate(coordinate: Coordinate): FeatureLike[];
  /** Listens for a change of the loaded features (a load, a tile); release with `unByKey`. */
  onFeaturesChange(listener: () => void): EventsKey;
  /**
   * True when the view must zoom in to show the zonering at `resolution` (a layer that reads per
   * extent, above its resolution limit); absent: never.
   */
  zoomInAt?(resolution: number): boolean;
  /** True for the OpenLayers layers whose features are this layer's (a group); absent: itself. */
  includesLayer?(layer: BaseLayer): boolean;
}

/** A zonering layer on an OpenLayers map: either kind. */
export type ZoneringMapLayer = BaseLayer & ZoneringFeatures;

const DEFAULT_FONT = '600 12px sans-serif';
/** Approximate width of a label character relative to the font size (for the fit test). */
const CHAR_WIDTH = 0.6;

function fontSize(font: string): number {
  const m = /(\d+(?:\.\d+)?)px/.exec(font);
  return m ? Number(m[1]) : 12;
}

/** A `#rrggbb` colour with an opacity as a CSS colour (`rgba(…)` when not opaque). */
function cssColour(hex: string, opacity: number): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m || opacity >= 1) return hex;
  const c = (s: string | undefined): number => parseInt(s ?? '0', 16);
  return `rgba(${c(m[1])}, ${c(m[2])}, ${c(m[3])}, ${opacity})`;
}

/** The layer options (beside the style) that both zonering layers take. */
interface ZoneringLayerLook {
  opacity?: number;
  visible?: boolean;
  zIndex?: number;
  className?: string;
}

/**
 * The OpenLayers layer options both zonering layers make of their own options: the CSS class
 * `na-zonering-layer`, opacity 0.7 (the base map stays readable) and visible unless set otherwise,
 * labels decluttered.
 */
export function zoneringLayerLook(options: ZoneringLayerLook): {
  className: string;
  opacity: number;
  visible: boolean;
  declutter: true;
  zIndex?: number;
} {
  return {
    className: options.className ?? 'na-zonering-layer',
    opacity: options.opacity ?? 0.7,
    visible: options.visible ?? true,
    declutter: true,
    ...defined({ zIndex: options.zIndex }),
  };
}

/**
 * Styles zonering features: one instance per layer, with a style cache per scale, code, label and
 * hatching. `onChange` is called when a redraw is needed (forced-colours mode switched).
 */
/** What {@link ZoneringStyled} needs of an OpenLayers vector (tile) layer class. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the TypeScript mixin pattern
type StyledLayerClass = abstract new (...args: any[]) => BaseVectorLayer<any, any, any>;

/** What {@link ZoneringStyled} adds to a layer class. */
export interface ZoneringStyledMembers {
  /** The style (colours, outline, hatching, labels) with its cache; set by `initZoneringStyle`. */
  zoneringStyler: ZoneringStyler;
  /** Makes the layer's style (call once, from the constructor). */
  initZoneringStyle(kb: KnowledgeBase, options: ZoneringStyleOptions): void;
  getLang(): Lang;
  setLang(lang: Lang): void;
  codeOf(feature: FeatureLike): string | undefined;
  scaleAt(resolution: number): Scale;
  hatched(): boolean;
}

/**
 * The part of a zonering layer that is the same for the vector layer and the vector-tile layer:
 * a {@link ZoneringStyler} as the layer's style, and the language, code, scale and hatching
 * methods of {@link ZoneringFeatures} answered by it. The layer's constructor calls
 * `initZoneringStyle` once; `disposeInternal` releases the styler.
 */
export function ZoneringStyled<TBase extends StyledLayerClass>(
  Base: TBase,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the TypeScript mixin pattern
): TBase & (abstract new (...args: any[]) => ZoneringStyledMembers) {
  abstract class Styled extends Base {
    /** The style (colours, outline, hatching, labels) with its cache; set by `initZoneringStyle`. */
    zoneringStyler!: ZoneringStyler;

    /** Makes the layer's style (call once, from the constructor). */
    initZoneringStyle(kb: KnowledgeBase, options: ZoneringStyleOptions): void {
      this.zoneringStyler = new ZoneringStyler(kb, options, () => this.changed());
      this.setStyle((feature, resolution) => this.zoneringStyler.style(feature, resolution));
    }

    /** Language of the labels. */
    getLang(): Lang {
      return this.zoneringStyler.getLang();
    }

    /** Changes the language of the labels and redraws. */
    setLang(lang: Lang): void {
      if (this.zoneringStyler.setLang(lang)) this.changed();
    }

    /** The zone code of a feature, or undefined. */
    codeOf(feature: FeatureLike): string | undefined {
      return this.zoneringStyler.codeOf(feature);
    }

    /**
     * The scale level the layer shows at a view resolution (projection units per pixel), taking
     * the projection's scale distortion near the data into account (Web Mercator in NL ≈ ×0.62).
     */
    scaleAt(resolution: number): Scale {
      return this.zoneringStyler.scaleAt(resolution);
    }

    /** True when the zones are drawn hatched now (see `ZoneringStyleOptions.hatching`). */
    hatched(): boolean {
      return this.zoneringStyler.hatched();
    }

    /** Releases the styler (its forced-colours listener) with the layer. */
    protected override disposeInternal(): void {
      this.zoneringStyler.dispose();
      super.disposeInternal();
    }
  }
  return Styled;
}

export class ZoneringStyler {
  readonly knowledgeBase: KnowledgeBase;
  /** Ground metres per projection unit near the data (1 for RD, about 0.62 for Web Mercator in NL). */
  groundFactor = 1;
  private lang: Lang;
  private readonly thresholds: Partial<ScaleThresholds>;
  private readonly zoneProperty: string | undefined;
  private readonly labels: boolean;
  private readonly font: string;
  private readonly fontPx: number;
  private readonly labelColour: string;
  private readonly labelHalo: string;
  private readonly hatching: 'forced-colors' | 'always' | 'never';
  private readonly forcedColours: MediaQueryList | undefined;
  private readonly styles = new Map<string, Style>();
  private readonly abort = new AbortController();

  constructor(kb: KnowledgeBase, options: ZoneringStyleOptions, onChange: () => void) {
    this.knowledgeBase = kb;
    this.lang = options.lang ?? 'nl';
    this.thresholds = { ...options.scaleThresholds };
    this.zoneProperty = options.zoneProperty;
    this.labels = options.labels ?? true;
    this.font = options.labelFont ?? DEFAULT_FONT;
    this.fontPx = fontSize(this.font);
    this.labelColour = options.labelColour ?? '#1a1a1a';
    this.labelHalo = options.labelHalo ?? '#ffffff';
    this.hatching = options.hatching ?? 'forced-colors';
    this.forcedColours = this.hatching === 'forced-colors' ? forcedColoursQuery() : undefined;
    // Entering or leaving forced-colours mode redraws with or without hatching.
    this.forcedColours?.addEventListener(
      'change',
      () => {
        this.styles.clear();
        onChange();
      },
      { signal: this.abort.signal },
    );
  }

  getLang(): Lang {
    return this.lang;
  }

  /** Changes the language; returns true when it changed (the caller redraws). */
  setLang(lang: Lang): boolean {
    if (lang === this.lang) return false;
    this.lang = lang;
    this.styles.clear();
    return true;
  }

  /** Forgets the cached styles (after a new ground factor). */
  clear(): void {
    this.styles.clear();
  }

  /** The zone code of a feature, or undefined. */
  codeOf(feature: FeatureLike): string | undefined {
    const names = this.zoneProperty === undefined ? ['zone', 'BKNSN_code'] : [this.zoneProperty];
    for (const name of names) {
      const v: unknown = feature.get(name);
      if (typeof v === 'string' && v !== '') return v;
      if (typeof v === 'number' && Number.isFinite(v)) return String(v);
    }
    // A source with only main types (BKNSN hoofdtypen): the landscape type as `type:<id>`.
    const type: unknown = feature.get('landscapeType');
    if (typeof type === 'string' && type !== '') return mainTypeCode(type);
    return undefined;
  }

  /** The scale level at a view resolution, with the projection's scale distortion. */
  scaleAt(resolution: number): Scale {
    return scaleForResolution(resolution * this.groundFactor, this.thresholds);
  }

  /** True when the zones are drawn hatched now. */
  hatched(): boolean {
    if (this.hatching === 'always') return true;
    if (this.hatching === 'never') return false;
    return this.forcedColours?.matches ?? false;
  }

  /** The style of a feature at a resolution (an OpenLayers style function). */
  style(feature: FeatureLike, resolution: number): Style {
    const kb = this.knowledgeBase;
    const code = this.codeOf(feature) ?? '';
    const scale = this.scaleAt(resolution);
    const types = showsTypes(scale);
    let label = false;
    if (this.labels && code !== '') {
      const extent = feature.getGeometry()?.getExtent();
      if (extent !== undefined && extent !== null) {
        const text = zoneringLabel(kb, code, scale, this.lang);
        const widthPx = getWidth(extent) / resolution;
        const heightPx = getHeight(extent) / resolution;
        label =
          widthPx >= text.length * this.fontPx * CHAR_WIDTH + 8 && heightPx >= this.fontPx * 2;
      }
    }
    const hatched = this.hatched();
    const key = `${types ? 't' : 'z'}|${code}|${label ? 'l' : ''}|${hatched ? 'h' : ''}`;
    let style = this.styles.get(key);
    if (style === undefined) {
      const plain = zoneringColour(kb, code, scale);
      const colour = hatched ? hatchPattern(plain, zoneringHatch(kb, code, scale)) : plain;
      const outline = zoneringOutline(kb, code, scale);
      style = new Style({
        fill: new Fill({ color: colour }),
        stroke: new Stroke({
          color: cssColour(outline.colour, outline.opacity),
          width: outline.widthPx,
        }),
        ...(label
          ? {
              text: new Text({
                text: zoneringLabel(kb, code, scale, this.lang),
                font: this.font,
                overflow: false,
                fill: new Fill({ color: this.labelColour }),
                stroke: new Stroke({ color: this.labelHalo, width: 3 }),
              }),
            }
          : {}),
      });
      this.styles.set(key, style);
    }
    return style;
  }

  /** Releases the forced-colours listener and the cache. */
  dispose(): void {
    this.abort.abort();
    this.styles.clear();
  }
}
