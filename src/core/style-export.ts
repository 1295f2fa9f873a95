/**
 * The zonering style for desktop GIS and map servers: OGC SLD 1.1 (Symbology Encoding) and QGIS
 * QML. Colours come from {@link zoneringColour} and {@link zoneringOutline}, the same functions the
 * OpenLayers layer, the ArcGIS layer and the legend use, so a QGIS project or a WMS shows exactly
 * the colours of the web map.
 *
 * Pure TypeScript: returns XML text; writing files is up to the caller (scripts/export-styles.mjs).
 */
import type { KnowledgeBase } from './kb/types.js';
import type { Lang, Scale } from './types.js';
import { registerMessages, translate } from './messages.js';
import {
  DEFAULT_SCALE_THRESHOLDS,
  UNKNOWN_ZONE_COLOUR,
  zoneName,
  zoneringColour,
  zoneringLabel,
  zoneringOutline,
} from './zonering-style.js';

/** The OGC standardized rendering pixel: 0.28 mm (scale denominator = ground m/px ÷ 0.00028). */
const OGC_PIXEL_M = 0.00028;

/** Options of {@link zoneringSld} and {@link zoneringQml}. */
export interface StyleExportOptions {
  /** Attribute that holds the BKNSN zone code. Default `BKNSN_code`. */
  zoneProperty?: string;
  /** Language of rule titles and category labels. Default `nl`. */
  lang?: Lang;
  /** Fill opacity 0–1. Default 1 (the legend's colours exactly; set the layer opacity in the GIS). */
  opacity?: number;
  /**
   * Which colours to write. A scale: the colours of that scale (`wijk/dorp` and `straat`: zone
   * colours; `regio/stad`: landscape-type colours). `by-scale` (SLD only): both sets, switched at
   * the region threshold like the web map. Default: `by-scale` for SLD, `wijk/dorp` for QML.
   */
  scale?: Scale | 'by-scale';
  /**
   * Ground metres per pixel above which landscape types are shown (`by-scale`); default the map's
   * 14 m/px, which is scale 1:50,000 at the OGC 0.28 mm pixel.
   */
  regionThreshold?: number;
  /** Name of the layer and style in the SLD. Default `zonering`. */
  name?: string;
}

/** Escapes text for XML element content and attribute values. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function clamp01(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 1;
}

/** A number for XML without float noise (at most 4 decimals). */
function num(value: number): string {
  return String(Math.round(value * 10000) / 10000);
}

interface RuleSpec {
  code: string;
  title: string;
  fill: string;
  stroke: { colour: string; opacity: number; widthPx: number };
}

function rulesFor(kb: KnowledgeBase, scale: Scale, lang: Lang): RuleSpec[] {
  return kb.zones.map((zone) => ({
    code: zone.code,
    title:
      scale === 'regio/stad'
        ? `${zoneringLabel(kb, zone.code, scale, lang)}: ${zoneName(kb, zone.code, lang)} (${zone.code})`
        : `${zoneName(kb, zone.code, lang)} (${zone.code})`,
    fill: zoneringColour(kb, zone.code, scale),
    stroke: zoneringOutline(kb, zone.code, scale),
  }));
}

/** Texts of the exported styles (`style-export` in a texts file). */
export const styleExportMessages = {
  unknownZone: { nl: 'Onbekende zonecode', en: 'Unknown zone code' },
} as const;

registerMessages('style-export', styleExportMessages);

function isEqualTo(property: string, code: string, indent: string): string {
  return [
    `${indent}<ogc:PropertyIsEqualTo>`,
    `${indent}  <ogc:PropertyName>${escapeXml(property)}</ogc:PropertyName>`,
    `${indent}  <ogc:Literal>${escapeXml(code)}</ogc:Literal>`,
    `${indent}</ogc:PropertyIsEqualTo>`,
  ].join('\n');
}

/**
 * One SE rule. The rule for unknown codes (`code: null`) gets the filter "none of the known codes"
 * (`ogc:Not` of an `ogc:Or`) rather than `se:ElseFilter`: QGIS 3.22 imports an ElseFilter rule as a
 * rule without filter, which then paints every polygon grey (found by the QGIS Server round trip).
 */
function sldRule(
  rule: RuleSpec | { code: null; title: string; fill: string; stroke: RuleSpec['stroke'] },
  property: string,
  opacity: number,
  scaleRange: { min?: number; max?: number },
  indent: string,
  knownCodes: readonly string[],
): string {
  const filter =
    rule.code === null
      ? [
          `${indent}  <ogc:Filter>`,
          `${indent}    <ogc:Not>`,
          `${indent}      <ogc:Or>`,
          ...knownCodes.map((code) => isEqualTo(property, code, `${indent}        `)),
          `${indent}      </ogc:Or>`,
          `${indent}    </ogc:Not>`,
          `${indent}  </ogc:Filter>`,
        ].join('\n')
      : [
          `${indent}  <ogc:Filter>`,
          isEqualTo(property, rule.code, `${indent}    `),
          `${indent}  </ogc:Filter>`,
        ].join('\n');
  const lines = [
    `${indent}<se:Rule>`,
    `${indent}  <se:Name>${escapeXml(rule.code ?? 'other')}</se:Name>`,
    `${indent}  <se:Description>`,
    `${indent}    <se:Title>${escapeXml(rule.title)}</se:Title>`,
    `${indent}  </se:Description>`,
    filter,
  ];
  if (scaleRange.min !== undefined)
    lines.push(
      `${indent}  <se:MinScaleDenominator>${num(scaleRange.min)}</se:MinScaleDenominator>`,
    );
  if (scaleRange.max !== undefined)
    lines.push(
      `${indent}  <se:MaxScaleDenominator>${num(scaleRange.max)}</se:MaxScaleDenominator>`,
    );
  lines.push(
    `${indent}  <se:PolygonSymbolizer>`,
    `${indent}    <se:Fill>`,
    `${indent}      <se:SvgParameter name="fill">${rule.fill}</se:SvgParameter>`,
    `${indent}      <se:SvgParameter name="fill-opacity">${num(opacity)}</se:SvgParameter>`,
    `${indent}    </se:Fill>`,
    `${indent}    <se:Stroke>`,
    `${indent}      <se:SvgParameter name="stroke">${rule.stroke.colour}</se:SvgParameter>`,
    `${indent}      <se:SvgParameter name="stroke-opacity">${num(rule.stroke.opacity)}</se:SvgParameter>`,
    `${indent}      <se:SvgParameter name="stroke-width">${num(rule.stroke.widthPx)}</se:SvgParameter>`,
    `${indent}      <se:SvgParameter name="stroke-linejoin">round</se:SvgParameter>`,
    `${indent}    </se:Stroke>`,
    `${indent}  </se:PolygonSymbolizer>`,
    `${indent}</se:Rule>`,
  );
  return lines.join('\n');
}

/**
 * The zonering style as an OGC Styled Layer Descriptor 1.1 (`se:` Symbology Encoding 1.1 rules,
 * `ogc:` filters): one rule per BKNSN zone code (`ogc:PropertyIsEqualTo` on the zone attribute,
 * fill from {@link zoneringColour}) and a last rule for codes the knowledge base does not know
 * (grey, {@link UNKNOWN_ZONE_COLOUR}; filter `ogc:Not(ogc:Or(…))`; polygons without a code are not
 * drawn). With `scale: 'by-scale'` (the default) there
 * are two rules per code, split at the region threshold by `se:MinScaleDenominator` /
 * `se:MaxScaleDenominator`: zone colours when zoomed in, landscape-type colours when zoomed out,
 * as on the web map. QGIS (Layer properties → Symbology → Style → Load style) and GeoServer read it.
 */
export function zoneringSld(kb: KnowledgeBase, options: StyleExportOptions = {}): string {
  const property = options.zoneProperty ?? 'BKNSN_code';
  const lang = options.lang ?? 'nl';
  const opacity = clamp01(options.opacity ?? 1);
  const name = options.name ?? 'zonering';
  const mode = options.scale ?? 'by-scale';
  const split = (options.regionThreshold ?? DEFAULT_SCALE_THRESHOLDS.region) / OGC_PIXEL_M;
  const indent = '        ';
  const unknown = (scale: Scale): Parameters<typeof sldRule>[0] => ({
    code: null,
    title: translate(styleExportMessages, 'unknownZone', lang),
    fill: UNKNOWN_ZONE_COLOUR,
    stroke: zoneringOutline(kb, '', scale),
  });
  const bands: Array<{ scale: Scale; range: { min?: number; max?: number } }> =
    mode === 'by-scale'
      ? [
          { scale: 'wijk/dorp', range: { max: split } },
          { scale: 'regio/stad', range: { min: split } },
        ]
      : [{ scale: mode, range: {} }];
  const rules: string[] = [];
  for (const band of bands) {
    const known = rulesFor(kb, band.scale, lang);
    const codes = known.map((r) => r.code);
    for (const rule of known)
      rules.push(sldRule(rule, property, opacity, band.range, indent, codes));
    rules.push(sldRule(unknown(band.scale), property, opacity, band.range, indent, codes));
  }
  return sldDocument(name, rules, {
    title:
      lang === 'en'
        ? 'Landscape zonering (de Natuurlijke Alliantie)'
        : 'Landschapszonering (de Natuurlijke Alliantie)',
    abstract: `natuurlijke-alliantie, knowledge base ${kb.version}`,
  });
}

/** An SLD 1.1 document of one named layer and one feature type style made of `rules`. */
export function sldDocument(
  name: string,
  rules: readonly string[],
  description?: { title: string; abstract: string },
): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<StyledLayerDescriptor version="1.1.0"',
    '    xmlns="http://www.opengis.net/sld"',
    '    xmlns:se="http://www.opengis.net/se"',
    '    xmlns:ogc="http://www.opengis.net/ogc"',
    '    xmlns:xlink="http://www.w3.org/1999/xlink"',
    '    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.1.0/StyledLayerDescriptor.xsd">',
    '  <NamedLayer>',
    `    <se:Name>${escapeXml(name)}</se:Name>`,
    '    <UserStyle>',
    `      <se:Name>${escapeXml(name)}</se:Name>`,
    ...(description
      ? [
          '      <se:Description>',
          `        <se:Title>${escapeXml(description.title)}</se:Title>`,
          `        <se:Abstract>${escapeXml(description.abstract)}</se:Abstract>`,
          '      </se:Description>',
        ]
      : []),
    '      <se:FeatureTypeStyle>',
    ...rules,
    '      </se:FeatureTypeStyle>',
    '    </UserStyle>',
    '  </NamedLayer>',
    '</StyledLayerDescriptor>',
    '',
  ].join('\n');
}

/** `#rrggbb` and an opacity as QGIS's `r,g,b,a` colour string (0–255 each). */
export function qgisColour(hex: string, opacity = 1): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  const c = (s: string | undefined): number => parseInt(s ?? '0', 16);
  const alpha = Math.round(clamp01(opacity) * 255);
  return m ? `${c(m[1])},${c(m[2])},${c(m[3])},${alpha}` : `0,0,0,${alpha}`;
}

/** A SimpleFill symbol layer's properties (`color`, `outline_color`, `style`, …) in QGIS's names. */
export type QmlFillProps = ReadonlyArray<readonly [string, string]>;

/** One category of a QGIS categorized renderer: the attribute value, its legend label, its fill. */
export interface QmlCategory {
  value: string;
  label: string;
  fill: QmlFillProps;
}

function qmlSymbol(name: string, props: QmlFillProps, indent: string): string {
  return [
    `${indent}<symbol type="fill" name="${escapeXml(name)}" alpha="1" clip_to_extent="1" force_rhr="0">`,
    `${indent}  <layer class="SimpleFill" enabled="1" locked="0" pass="0">`,
    `${indent}    <Option type="Map">`,
    ...props.map(
      ([k, v]) => `${indent}      <Option type="QString" name="${k}" value="${escapeXml(v)}"/>`,
    ),
    `${indent}    </Option>`,
    ...props.map(([k, v]) => `${indent}    <prop k="${k}" v="${escapeXml(v)}"/>`),
    `${indent}  </layer>`,
    `${indent}</symbol>`,
  ].join('\n');
}

/**
 * A QGIS layer style (`.qml`, QGIS 3.22+): a categorized renderer on `attribute` with one fill
 * symbol per category (both the `Option` map of QGIS ≥ 3.26 and the older `prop` lines), and the
 * layer opacity (0–1).
 */
export function qmlDocument(
  attribute: string,
  categories: readonly QmlCategory[],
  opacity = 1,
): string {
  return [
    "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>",
    '<qgis version="3.22.0" styleCategories="Symbology">',
    `  <renderer-v2 type="categorizedSymbol" attr="${escapeXml(attribute)}" symbollevels="0" enableorderby="0" forceraster="0" referencescale="-1">`,
    '    <categories>',
    ...categories.map(
      (c, i) =>
        `      <category render="true" symbol="${i}" value="${escapeXml(c.value)}" label="${escapeXml(c.label)}" type="string"/>`,
    ),
    '    </categories>',
    '    <symbols>',
    ...categories.map((c, i) => qmlSymbol(String(i), c.fill, '      ')),
    '    </symbols>',
    '    <rotation/>',
    '    <sizescale/>',
    '  </renderer-v2>',
    '  <blendMode>0</blendMode>',
    '  <featureBlendMode>0</featureBlendMode>',
    `  <layerOpacity>${num(clamp01(opacity))}</layerOpacity>`,
    '</qgis>',
    '',
  ].join('\n');
}

/** The SimpleFill properties of a zonering rule: solid fill, round joins, the rule's outline. */
function zoneringFill(fill: string, stroke: RuleSpec['stroke']): QmlFillProps {
  return [
    ['color', qgisColour(fill)],
    ['joinstyle', 'round'],
    ['outline_color', qgisColour(stroke.colour, stroke.opacity)],
    ['outline_style', 'solid'],
    ['outline_width', num(stroke.widthPx)],
    ['outline_width_unit', 'Pixel'],
    ['style', 'solid'],
  ];
}

/**
 * The zonering style as a QGIS layer style file (`.qml`): a categorized renderer on the zone
 * attribute with one category per BKNSN zone code (fill from {@link zoneringColour} at `scale`,
 * default `wijk/dorp`, i.e. the zone colours) and an "all other values" category (empty value) for
 * unknown codes. The fill opacity goes into the layer opacity. Load it in QGIS with Layer
 * properties → Symbology → Style → Load style, or `layer.loadNamedStyle(path)` in PyQGIS.
 */
export function zoneringQml(kb: KnowledgeBase, options: StyleExportOptions = {}): string {
  const property = options.zoneProperty ?? 'BKNSN_code';
  const lang = options.lang ?? 'nl';
  const opacity = clamp01(options.opacity ?? 1);
  const mode = options.scale ?? 'wijk/dorp';
  const scale: Scale = mode === 'by-scale' ? 'wijk/dorp' : mode;
  const rules = rulesFor(kb, scale, lang);
  return qmlDocument(
    property,
    [
      ...rules.map((r) => ({
        value: r.code,
        label: r.title,
        fill: zoneringFill(r.fill, r.stroke),
      })),
      {
        value: '',
        label: translate(styleExportMessages, 'unknownZone', lang),
        fill: zoneringFill(UNKNOWN_ZONE_COLOUR, zoneringOutline(kb, '', scale)),
      },
    ],
    opacity,
  );
}
