/**
 * The SLD 1.1 and QML export of the zonering style: well-formed XML (strict, namespace-aware
 * parser), every BKNSN zone of the knowledge base present, colours equal to the legend's.
 */
import sax from 'sax';
import { describe, expect, it } from 'vitest';
import { defaultKnowledgeBase } from '../../src/core/kb/load.js';
import { zoneringQml, zoneringSld, escapeXml, qgisColour } from '../../src/core/style-export.js';
import {
  UNKNOWN_ZONE_COLOUR,
  zoneringLegend,
  zoneringOutline,
} from '../../src/core/zonering-style.js';

interface XmlElement {
  name: string;
  uri: string;
  local: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** Parses XML strictly with namespaces; throws on any well-formedness or namespace error. */
function parseXml(xml: string): XmlElement {
  const parser = sax.parser(true, { xmlns: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  parser.onerror = (e) => {
    throw e;
  };
  parser.onopentag = (tag) => {
    const t = tag as sax.QualifiedTag;
    const el: XmlElement = {
      name: t.name,
      uri: t.uri,
      local: t.local,
      attributes: Object.fromEntries(Object.entries(t.attributes).map(([k, a]) => [k, a.value])),
      children: [],
      text: '',
    };
    if (t.prefix !== '' && t.uri === '') throw new Error(`Unbound prefix on <${t.name}>`);
    stack.at(-1)?.children.push(el);
    stack.push(el);
    root ??= el;
  };
  parser.ontext = (text) => {
    const top = stack.at(-1);
    if (top) top.text += text;
  };
  parser.onclosetag = () => {
    stack.pop();
  };
  parser.write(xml).close();
  if (!root) throw new Error('No root element');
  return root;
}

function all(el: XmlElement, uri: string, local: string): XmlElement[] {
  const out: XmlElement[] = [];
  const visit = (e: XmlElement): void => {
    if (e.uri === uri && e.local === local) out.push(e);
    e.children.forEach(visit);
  };
  visit(el);
  return out;
}

function child(el: XmlElement, uri: string, local: string): XmlElement | undefined {
  return el.children.find((c) => c.uri === uri && c.local === local);
}

const SE = 'http://www.opengis.net/se';
const OGC = 'http://www.opengis.net/ogc';
const SLD = 'http://www.opengis.net/sld';

const kb = defaultKnowledgeBase();
const codes = kb.zones.map((z) => z.code);

/** The legend's colour of every zone code: zone colours (wijk/dorp) and type colours (regio/stad). */
function legendColours(): { zone: Map<string, string>; type: Map<string, string> } {
  const zone = new Map<string, string>();
  for (const entry of zoneringLegend(kb, codes, 'wijk/dorp', 'nl').entries) {
    for (const z of entry.zones ?? []) if (z.colour) zone.set(z.id, z.colour);
  }
  const type = new Map<string, string>();
  for (const code of codes) {
    const entry = zoneringLegend(kb, [code], 'regio/stad', 'nl').entries[0];
    if (entry?.colour) type.set(code, entry.colour);
  }
  return { zone, type };
}

interface SldRule {
  code: string | null;
  fill: string;
  min?: number;
  max?: number;
}

function sldRules(xml: string, zoneProperty = 'BKNSN_code'): SldRule[] {
  const root = parseXml(xml);
  expect(root.uri).toBe(SLD);
  expect(root.local).toBe('StyledLayerDescriptor');
  expect(root.attributes.version).toBe('1.1.0');
  return all(root, SE, 'Rule').map((rule) => {
    const negated = all(rule, OGC, 'Not').length > 0;
    if (negated) {
      // "None of the known codes": Not(Or(PropertyIsEqualTo …)) with every zone of the knowledge base.
      const listed = all(rule, OGC, 'Literal').map((l) => l.text);
      expect(listed.sort()).toEqual([...codes].sort());
    }
    const literal = negated ? undefined : all(rule, OGC, 'PropertyIsEqualTo')[0];
    const property = literal && child(literal, OGC, 'PropertyName')?.text;
    if (literal) expect(property).toBe(zoneProperty);
    const fill = all(rule, SE, 'Fill')[0];
    const fillColour = fill?.children.find((p) => p.attributes.name === 'fill')?.text ?? '';
    const min = child(rule, SE, 'MinScaleDenominator')?.text;
    const max = child(rule, SE, 'MaxScaleDenominator')?.text;
    return {
      code: literal ? (child(literal, OGC, 'Literal')?.text ?? '') : null,
      fill: fillColour,
      ...(min === undefined ? {} : { min: Number(min) }),
      ...(max === undefined ? {} : { max: Number(max) }),
    };
  });
}

describe('zoneringSld', () => {
  it('is well-formed SLD 1.1 with se: rules, one per zone code and scale band, colours of the legend', () => {
    const rules = sldRules(zoneringSld(kb));
    const { zone, type } = legendColours();
    const zoomedIn = rules.filter((r) => r.max !== undefined);
    const zoomedOut = rules.filter((r) => r.min !== undefined);
    expect(zoomedIn.length + zoomedOut.length).toBe(rules.length);
    // 1:50,000 = the map's 14 m/px at 0.28 mm per pixel.
    expect(new Set(zoomedIn.map((r) => r.max))).toEqual(new Set([50000]));
    expect(new Set(zoomedOut.map((r) => r.min))).toEqual(new Set([50000]));
    for (const [band, colours] of [
      [zoomedIn, zone],
      [zoomedOut, type],
    ] as const) {
      const byCode = new Map(band.filter((r) => r.code !== null).map((r) => [r.code, r.fill]));
      expect([...byCode.keys()].sort()).toEqual([...codes].sort());
      expect(band.filter((r) => r.code !== null)).toHaveLength(codes.length);
      for (const code of codes) expect(byCode.get(code), code).toBe(colours.get(code));
      const other = band.filter((r) => r.code === null);
      expect(other).toHaveLength(1);
      expect(other[0]?.fill).toBe(UNKNOWN_ZONE_COLOUR);
    }
  });

  it('writes one scale when asked, with the zone attribute, opacity and language given', () => {
    const xml = zoneringSld(kb, {
      scale: 'regio/stad',
      zoneProperty: 'zone',
      opacity: 0.7,
      lang: 'en',
    });
    const root = parseXml(xml);
    const rules = all(root, SE, 'Rule');
    expect(rules).toHaveLength(codes.length + 1);
    expect(rules.every((r) => child(r, SE, 'MinScaleDenominator') === undefined)).toBe(true);
    for (const name of all(root, OGC, 'PropertyName')) expect(name.text).toBe('zone');
    const opacities = all(root, SE, 'SvgParameter').filter(
      (p) => p.attributes.name === 'fill-opacity',
    );
    expect(new Set(opacities.map((p) => p.text))).toEqual(new Set(['0.7']));
    expect(xml).toContain('Unknown zone code');
    const { type } = legendColours();
    const fills = sldRules(xml, 'zone');
    for (const r of fills) if (r.code !== null) expect(r.fill).toBe(type.get(r.code));
  });

  it('escapes text so names with markup characters stay well-formed', () => {
    const odd = structuredClone(kb);
    const first = odd.zones[0];
    if (!first) throw new Error('no zones');
    first.name = { nl: 'Zand & <klei> "oud"', en: "Sand & 'clay'" };
    first.code = 'X<1>&';
    expect(() => parseXml(zoneringSld(odd))).not.toThrow();
    expect(() => parseXml(zoneringQml(odd))).not.toThrow();
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;',
    );
  });
});

describe('zoneringQml', () => {
  function categories(xml: string): Array<{ value: string; colour: string; outline: string }> {
    const root = parseXml(xml);
    expect(root.local).toBe('qgis');
    const renderer = root.children.find((c) => c.local === 'renderer-v2');
    expect(renderer?.attributes.type).toBe('categorizedSymbol');
    expect(renderer?.attributes.attr).toBe('BKNSN_code');
    const symbols = new Map<string, XmlElement>();
    for (const s of all(root, '', 'symbol')) symbols.set(s.attributes.name ?? '', s);
    return all(root, '', 'category').map((c) => {
      const symbol = symbols.get(c.attributes.symbol ?? '');
      const prop = (k: string): string =>
        symbol
          ? (all(symbol, '', 'prop').find((p) => p.attributes.k === k)?.attributes.v ?? '')
          : '';
      const option = (k: string): string =>
        symbol
          ? (all(symbol, '', 'Option').find((p) => p.attributes.name === k)?.attributes.value ?? '')
          : '';
      expect(option('color')).toBe(prop('color'));
      return {
        value: c.attributes.value ?? '',
        colour: prop('color'),
        outline: prop('outline_color'),
      };
    });
  }

  it('is a well-formed categorized renderer on BKNSN_code with every zone in the legend colour', () => {
    const cats = categories(zoneringQml(kb));
    const { zone } = legendColours();
    expect(cats.map((c) => c.value).filter((v) => v !== '')).toEqual(codes);
    for (const c of cats) {
      if (c.value === '') expect(c.colour).toBe(qgisColour(UNKNOWN_ZONE_COLOUR));
      else {
        expect(c.colour, c.value).toBe(qgisColour(zone.get(c.value) ?? 'missing'));
        const outline = zoneringOutline(kb, c.value, 'wijk/dorp');
        expect(c.outline).toBe(qgisColour(outline.colour, outline.opacity));
      }
    }
  });

  it('writes the landscape-type colours for regio/stad and the opacity as layer opacity', () => {
    const xml = zoneringQml(kb, { scale: 'regio/stad', opacity: 0.7 });
    const { type } = legendColours();
    for (const c of categories(xml)) {
      if (c.value !== '')
        expect(c.colour, c.value).toBe(qgisColour(type.get(c.value) ?? 'missing'));
    }
    expect(xml).toContain('<layerOpacity>0.7</layerOpacity>');
  });

  it('converts colours to QGIS r,g,b,a', () => {
    expect(qgisColour('#ff8000')).toBe('255,128,0,255');
    expect(qgisColour('#212121', 0.7)).toBe('33,33,33,179');
  });
});
