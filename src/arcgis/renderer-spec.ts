/**
 * The zonering renderer for the ArcGIS Maps SDK as plain data (no `@arcgis/core` import): one
 * unique value per BKNSN zone code with the fill from {@link zoneringColour} and the outline from
 * {@link zoneringOutline}, the same functions as the OpenLayers layer, the legend and the SLD/QML
 * export; {@link zoneringRendererJson} is the same in the form the SDK autocasts.
 */
import type { KnowledgeBase } from '../core/kb/types.js';
import type { Lang, Scale } from '../core/types.js';
import {
  DEFAULT_SCALE_THRESHOLDS,
  UNKNOWN_ZONE_COLOUR,
  zoneName,
  zoneringColour,
  zoneringLabel,
  zoneringOutline,
  type ScaleThresholds,
} from '../core/zonering-style.js';

/** An SDK colour `[r, g, b, a]` (0–255, alpha 0–1). */
export type SdkColour = [number, number, number, number];

/** A fill symbol as plain data. Outline width in points (the SDK's unit; 1 CSS px = 0.75 pt). */
export interface FillSpec {
  color: SdkColour;
  outline: { color: SdkColour; width: number };
}

/** The renderer of one scale as plain data. */
export interface ZoneringRendererSpec {
  field: string;
  defaultLabel: string;
  defaultSymbol: FillSpec;
  uniqueValueInfos: Array<{ value: string; label: string; symbol: FillSpec }>;
}

/** `#rrggbb` and an alpha as `[r, g, b, a]`. */
export function sdkColour(hex: string, alpha = 1): SdkColour {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  const c = (s: string | undefined): number => parseInt(s ?? '0', 16);
  return m ? [c(m[1]), c(m[2]), c(m[3]), alpha] : [0, 0, 0, alpha];
}

function fill(kb: KnowledgeBase, code: string, scale: Scale, hex: string): FillSpec {
  const outline = zoneringOutline(kb, code, scale);
  return {
    color: sdkColour(hex),
    outline: { color: sdkColour(outline.colour, outline.opacity), width: outline.widthPx * 0.75 },
  };
}

/**
 * The unique-value renderer of the zonering at a scale: zone colours at `wijk/dorp` and `straat`,
 * landscape-type colours at `regio/stad`; codes the knowledge base does not know get the default
 * symbol ({@link UNKNOWN_ZONE_COLOUR}).
 */
export function zoneringRendererSpec(
  kb: KnowledgeBase,
  scale: Scale,
  options: { zoneProperty?: string; lang?: Lang } = {},
): ZoneringRendererSpec {
  const lang = options.lang ?? 'nl';
  return {
    field: options.zoneProperty ?? 'BKNSN_code',
    defaultLabel: lang === 'en' ? 'Unknown zone code' : 'Onbekende zonecode',
    defaultSymbol: fill(kb, '', scale, UNKNOWN_ZONE_COLOUR),
    uniqueValueInfos: kb.zones.map((zone) => ({
      value: zone.code,
      label:
        scale === 'regio/stad'
          ? zoneringLabel(kb, zone.code, scale, lang)
          : `${zoneName(kb, zone.code, lang)} (${zone.code})`,
      symbol: fill(kb, zone.code, scale, zoneringColour(kb, zone.code, scale)),
    })),
  };
}

/** A fill symbol in the SDK's autocast form (`type: 'simple-fill'`). */
export interface SimpleFillJson {
  type: 'simple-fill';
  style: 'solid';
  color: SdkColour;
  outline: { type: 'simple-line'; style: 'solid'; color: SdkColour; width: number };
}

/** A unique-value renderer in the SDK's autocast form (`type: 'unique-value'`). */
export interface UniqueValueRendererJson {
  type: 'unique-value';
  field: string;
  defaultLabel: string;
  defaultSymbol: SimpleFillJson;
  uniqueValueInfos: Array<{ value: string; label: string; symbol: SimpleFillJson }>;
}

function fillJson(spec: FillSpec): SimpleFillJson {
  return {
    type: 'simple-fill',
    style: 'solid',
    color: spec.color,
    outline: {
      type: 'simple-line',
      style: 'solid',
      color: spec.outline.color,
      width: spec.outline.width,
    },
  };
}

/**
 * {@link zoneringRendererSpec} in the form the SDK autocasts (`layer.renderer = json`), so any
 * copy of the SDK (npm `@arcgis/core`, the AMD build, Experience Builder's) builds its own
 * renderer from it.
 */
export function zoneringRendererJson(
  kb: KnowledgeBase,
  scale: Scale,
  options: { zoneProperty?: string; lang?: Lang } = {},
): UniqueValueRendererJson {
  const spec = zoneringRendererSpec(kb, scale, options);
  return {
    type: 'unique-value',
    field: spec.field,
    defaultLabel: spec.defaultLabel,
    defaultSymbol: fillJson(spec.defaultSymbol),
    uniqueValueInfos: spec.uniqueValueInfos.map((i) => ({
      value: i.value,
      label: i.label,
      symbol: fillJson(i.symbol),
    })),
  };
}

/** Metres per inch and the SDK's 96 dpi: scale denominator = ground m/px × 96 / 0.0254. */
const SDK_DPI = 96;
const METRES_PER_INCH = 0.0254;

/**
 * The SDK scale (denominator, at 96 dpi) where the map switches from zones to landscape types:
 * the same ground resolution as the OpenLayers layer (default 14 m/px ≈ 1:52,900 at 96 dpi).
 */
export function regionScale(thresholds: Partial<ScaleThresholds> = {}): number {
  const region = thresholds.region ?? DEFAULT_SCALE_THRESHOLDS.region;
  return (region * SDK_DPI) / METRES_PER_INCH;
}
