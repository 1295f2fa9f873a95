/**
 * What the kansenkaart gives to people and other programs: flat feature attributes (GeoJSON, and
 * through GDAL FlatGeobuf/GeoPackage), the summary a planner can paste into a report (per action
 * the hectares advised/discouraged/unknown; per landscape type the three most frequent
 * principles), CSV of both, and QGIS (QML) and SLD styles on the `state` attribute.
 *
 * Pure: no DOM, no network. Attributes are documented in docs/kansenkaart.md.
 */
// The label lookup itself, not assess.ts: that brings the rule engine and the BRO code tables into
// every bundle of the kansenkaart elements (issue #11).
import { labelTexts as kbLabel } from '../kb/label.js';
import { toCsv } from '../csv.js';
import { stripControl } from '../plain-text.js';
import type { KnowledgeBase } from '../kb/types.js';
import { escapeXml, qgisColour, qmlDocument, sldDocument } from '../style-export.js';
import { ACTIONS, SCALES, type Action, type Lang, type LocalizedText } from '../types.js';
import type { Kansenkaart, KansenTuple, KansenUnit } from './compute.js';
import { ACTION_STATES, type ActionState } from './states.js';

/** The questions of the map, each answered by one action of the knowledge base. */
export const KANSEN_QUESTIONS: ReadonlyArray<{ id: string; action: Action; text: LocalizedText }> =
  [
    {
      id: 'regenwater-in-de-grond',
      action: 'infiltreren',
      text: {
        nl: 'Waar kan regenwater de grond in?',
        en: 'Where can rainwater soak into the ground?',
      },
    },
    {
      id: 'water-bergen',
      action: 'bergen',
      text: { nl: 'Waar moet regenwater geborgen worden?', en: 'Where must rainwater be stored?' },
    },
    {
      id: 'grondwater-hoog',
      action: 'grondwater-hoog',
      text: {
        nl: 'Waar moet het grondwater hoog blijven?',
        en: 'Where must groundwater stay high?',
      },
    },
    {
      id: 'diep-bouwen',
      action: 'niet-diep-bouwen',
      text: { nl: 'Waar is diep bouwen een risico?', en: 'Where is building deep a risk?' },
    },
    {
      id: 'hitte',
      action: 'koelen',
      text: { nl: 'Waar is hitte de opgave?', en: 'Where is heat the task?' },
    },
  ];

/** Colours of the states (Okabe–Ito, distinguishable with the common colour-vision deficiencies). */
export const STATE_COLOURS: Record<ActionState, string> = {
  advised: '#0072b2',
  discouraged: '#d55e00',
  missing: '#f0e442',
  neutral: '#e0e0e0',
  'no-data': '#ffffff',
};

/** Labels of the states. */
export const STATE_LABELS: Record<ActionState, LocalizedText> = {
  advised: { nl: 'Aanbevolen', en: 'Advised' },
  discouraged: { nl: 'Afgeraden', en: 'Discouraged' },
  missing: { nl: 'Hangt af van ontbrekende gegevens', en: 'Depends on missing data' },
  neutral: { nl: 'Geen advies', en: 'No advice' },
  'no-data': { nl: 'Geen gegevens', en: 'No data' },
};

/** Column name of an action in the flat attributes (`-` → `_`, for GIS expressions). */
export function actionColumn(action: Action): string {
  return action.replace(/-/g, '_');
}

const SCALE_COLUMNS: Record<(typeof SCALES)[number], string> = {
  'regio/stad': 'principles_regio',
  'wijk/dorp': 'principles_wijk',
  straat: 'principles_straat',
  'perceel/tuin': 'principles_perceel',
};

/** The flat attributes of a unit; `action` decides `state` and `reason` (the styled columns). */
export function unitAttributes(
  map: Kansenkaart,
  unit: KansenUnit,
  action: Action,
  lang: Lang = 'nl',
): Record<string, string | number> {
  const t = map.tuples[unit.tuple] as KansenTuple;
  const cell = map.grid.cellSize;
  const out: Record<string, string | number> = {
    unit: unit.id,
    tuple: unit.tuple,
    area_ha: round((unit.cells * cell * cell) / 10_000, 4),
    action,
    state: t.states[action],
    reason: pick(t.reasons[action], lang),
    landscape: t.landscapeType ?? '',
    zone: t.zone ?? '',
    water_model: t.waterModel ?? '',
  };
  for (const a of ACTIONS) out[actionColumn(a)] = t.states[a];
  for (const s of SCALES) out[SCALE_COLUMNS[s]] = t.principles[s].join(' ');
  out.missing_facts = t.missingFacts.join(' ');
  return out;
}

/** The map as a GeoJSON FeatureCollection in EPSG:28992 (one rectangle per unit). */
export function kansenkaartGeoJson(
  map: Kansenkaart,
  action: Action,
  lang: Lang = 'nl',
): {
  type: 'FeatureCollection';
  crs: { type: 'name'; properties: { name: string } };
  /** Foreign member: per fact combination (the `tuple` attribute) the short reason per action. */
  tuples: Array<{ reasons: Partial<Record<Action, string>> }>;
  features: Array<{
    type: 'Feature';
    id: number;
    properties: Record<string, string | number>;
    geometry: { type: 'Polygon'; coordinates: number[][][] };
  }>;
} {
  return {
    type: 'FeatureCollection',
    crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } },
    tuples: map.tuples.map((t) => ({
      reasons: Object.fromEntries(
        Object.entries(t.reasons).map(([a, text]) => [a, pick(text, lang)]),
      ) as Partial<Record<Action, string>>,
    })),
    features: map.units.map((u) => {
      const [x0, y0, x1, y1] = u.bbox;
      return {
        type: 'Feature' as const,
        id: u.id,
        properties: unitAttributes(map, u, action, lang),
        geometry: {
          type: 'Polygon' as const,
          coordinates: [
            [
              [x0, y0],
              [x1, y0],
              [x1, y1],
              [x0, y1],
              [x0, y0],
            ],
          ],
        },
      };
    }),
  };
}

/**
 * Hectares per state of every action over some units' flat attributes (e.g. the features of a
 * kansenkaart export in the current map view).
 */
export function areasByState(
  features: ReadonlyArray<Readonly<Record<string, unknown>>>,
): Record<Action, StateAreas> {
  const out = Object.fromEntries(
    ACTIONS.map((a) => [a, Object.fromEntries(ACTION_STATES.map((s) => [s, 0]))]),
  ) as Record<Action, StateAreas>;
  for (const f of features) {
    const ha = typeof f.area_ha === 'number' ? f.area_ha : 0;
    for (const a of ACTIONS) {
      const state = f[actionColumn(a)];
      if (typeof state === 'string' && (ACTION_STATES as readonly string[]).includes(state))
        out[a][state as ActionState] += ha;
    }
  }
  for (const a of ACTIONS) for (const s of ACTION_STATES) out[a][s] = round(out[a][s], 2);
  return out;
}

/**
 * Hectares per state of every action over some units of a computed map: the same numbers as
 * {@link areasByState} over their {@link unitAttributes}, without making those rows (the legend
 * sums the units in view after every move; thousands of rows with their texts were a long task).
 */
export function areasOfUnits(
  map: Kansenkaart,
  units: Iterable<KansenUnit>,
): Record<Action, StateAreas> {
  const out = Object.fromEntries(
    ACTIONS.map((a) => [a, Object.fromEntries(ACTION_STATES.map((s) => [s, 0]))]),
  ) as Record<Action, StateAreas>;
  const cell = map.grid.cellSize;
  // Per fact combination the hectares of its units (each unit rounded as in its attributes).
  const perTuple = new Float64Array(map.tuples.length);
  for (const u of units) perTuple[u.tuple]! += round((u.cells * cell * cell) / 10_000, 4);
  perTuple.forEach((ha, i) => {
    if (ha === 0) return;
    const t = map.tuples[i] as KansenTuple;
    for (const a of ACTIONS) {
      const state = t.states[a];
      if ((ACTION_STATES as readonly string[]).includes(state)) out[a][state] += ha;
    }
  });
  for (const a of ACTIONS) for (const s of ACTION_STATES) out[a][s] = round(out[a][s], 2);
  return out;
}

/** The units as CSV (attributes and the bounding box of each rectangle). */
export function kansenkaartCsv(map: Kansenkaart, action: Action, lang: Lang = 'nl'): string {
  const rows: unknown[][] = [];
  let header: string[] | undefined;
  for (const u of map.units) {
    const a = unitAttributes(map, u, action, lang);
    if (!header) {
      header = [...Object.keys(a), 'min_x', 'min_y', 'max_x', 'max_y'];
      rows.push(header);
    }
    rows.push([...Object.values(a), ...u.bbox]);
  }
  return rows.length === 0 ? '' : toCsv(rows);
}

/** Hectares per state of one action. */
export type StateAreas = Record<ActionState, number>;

/** The summary of a kansenkaart. */
export interface KansenSummary {
  areaHa: number;
  cells: number;
  units: number;
  tuples: number;
  actions: Array<{
    action: Action;
    ha: StateAreas;
    /** Share of the area (0–1) per state. */
    share: StateAreas;
  }>;
  /** Per landscape type (by area, largest first): its area and the three most frequent principles. */
  landscapes: Array<{
    landscapeType: string;
    name?: LocalizedText;
    ha: number;
    principles: Array<{ id: string; title: LocalizedText; ha: number }>;
  }>;
}

/** Sums the units' areas per action and state, and per landscape type its principles. */
export function summarizeKansenkaart(map: Kansenkaart, kb: KnowledgeBase): KansenSummary {
  const cellHa = (map.grid.cellSize * map.grid.cellSize) / 10_000;
  const cellsPerTuple = new Array<number>(map.tuples.length).fill(0);
  for (const u of map.units) cellsPerTuple[u.tuple] = (cellsPerTuple[u.tuple] ?? 0) + u.cells;
  const zero = (): StateAreas => Object.fromEntries(ACTION_STATES.map((s) => [s, 0])) as StateAreas;
  const actions = ACTIONS.map((action) => {
    const ha = zero();
    map.tuples.forEach((t, i) => {
      ha[t.states[action]] += (cellsPerTuple[i] ?? 0) * cellHa;
    });
    const share = zero();
    for (const s of ACTION_STATES) {
      share[s] = map.areaHa > 0 ? round(ha[s] / map.areaHa, 4) : 0;
      ha[s] = round(ha[s], 2);
    }
    return { action, ha, share };
  });
  const byType = new Map<string, { ha: number; name?: LocalizedText; p: Map<string, number> }>();
  map.tuples.forEach((t, i) => {
    const ha = (cellsPerTuple[i] ?? 0) * cellHa;
    if (ha === 0) return;
    const key = t.landscapeType ?? '';
    let e = byType.get(key);
    if (!e) {
      e = { ha: 0, ...(t.landscapeName ? { name: t.landscapeName } : {}), p: new Map() };
      byType.set(key, e);
    }
    e.ha += ha;
    for (const s of SCALES) for (const id of t.principles[s]) e.p.set(id, (e.p.get(id) ?? 0) + ha);
  });
  const titles = new Map(kb.principles.map((p) => [p.id, p.title]));
  const landscapes = [...byType.entries()]
    .sort((a, b) => b[1].ha - a[1].ha || (a[0] < b[0] ? -1 : 1))
    .map(([landscapeType, e]) => ({
      landscapeType,
      ...(e.name ? { name: e.name } : {}),
      ha: round(e.ha, 2),
      principles: [...e.p.entries()]
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .slice(0, 3)
        .map(([id, ha]) => ({ id, title: titles.get(id) ?? { nl: id, en: id }, ha: round(ha, 2) })),
    }));
  return {
    areaHa: round(map.areaHa, 2),
    cells: map.cells,
    units: map.units.length,
    tuples: map.tuples.length,
    actions,
    landscapes,
  };
}

/** The summary as CSV: one section per action (hectares and shares), then per landscape type. */
export function summaryCsv(summary: KansenSummary, lang: Lang = 'nl'): string {
  const rows: unknown[][] = [
    ['section', 'key', ...ACTION_STATES.flatMap((s) => [`${s}_ha`, `${s}_share`])],
  ];
  for (const a of summary.actions)
    rows.push(['action', a.action, ...ACTION_STATES.flatMap((s) => [a.ha[s], a.share[s]])]);
  rows.push([]);
  rows.push(['section', 'landscape', 'area_ha', 'rank', 'principle', 'title', 'principle_ha']);
  for (const l of summary.landscapes) {
    l.principles.forEach((p, i) => {
      rows.push([
        'landscape',
        l.landscapeType || 'onbekend',
        l.ha,
        i + 1,
        p.id,
        pick(p.title, lang),
        p.ha,
      ]);
    });
    if (l.principles.length === 0) rows.push(['landscape', l.landscapeType || 'onbekend', l.ha]);
  }
  return toCsv(rows);
}

/** The summary as plain text (CLI). */
export function summaryText(summary: KansenSummary, kb: KnowledgeBase, lang: Lang = 'nl'): string {
  const en = lang === 'en';
  const label = (a: Action): string => pick(kbLabel(kb, `action.${a}`, a), lang);
  const pct = (v: number): string => `${(v * 100).toFixed(1)}%`;
  const lines = [
    en
      ? `Kansenkaart: ${summary.areaHa} ha, ${summary.units} units, ${summary.tuples} fact combinations`
      : `Kansenkaart: ${summary.areaHa} ha, ${summary.units} eenheden, ${summary.tuples} feitencombinaties`,
    '',
    en
      ? 'Action: advised / discouraged / unknown (missing data + no data) in ha (share)'
      : 'Maatregel: aanbevolen / afgeraden / onbekend (ontbrekende gegevens + geen gegevens) in ha (aandeel)',
  ];
  for (const a of summary.actions) {
    const unknownHa = round(a.ha.missing + a.ha['no-data'], 2);
    const unknownShare = a.share.missing + a.share['no-data'];
    lines.push(
      `  ${label(a.action)}: ${a.ha.advised} (${pct(a.share.advised)}) / ${a.ha.discouraged} (${pct(a.share.discouraged)}) / ${unknownHa} (${pct(unknownShare)})`,
    );
  }
  lines.push(
    '',
    en
      ? 'Most frequent principles per landscape type:'
      : 'Meest voorkomende principes per landschapstype:',
  );
  for (const l of summary.landscapes) {
    const name = l.name ? pick(l.name, lang) : l.landscapeType || (en ? 'unknown' : 'onbekend');
    lines.push(
      `  ${name} (${l.ha} ha): ${l.principles.map((p) => pick(p.title, lang)).join('; ')}`,
    );
  }
  return stripControl(`${lines.join('\n')}\n`);
}

/** Options of the style exports. */
export interface KansenStyleOptions {
  lang?: Lang;
  /** The styled attribute (default `state`). */
  property?: string;
  name?: string;
}

/** A QGIS layer style (.qml): categories on `state`; missing data hatched, no data outlined. */
export function kansenkaartQml(options: KansenStyleOptions = {}): string {
  const lang = options.lang ?? 'nl';
  const property = options.property ?? 'state';
  return qmlDocument(
    property,
    ACTION_STATES.map((s) => ({
      value: s,
      label: pick(STATE_LABELS[s], lang),
      fill: [
        ['color', qgisColour(STATE_COLOURS[s])],
        ['outline_color', qgisColour('#595959', s === 'no-data' ? 1 : 0)],
        ['outline_style', 'solid'],
        ['outline_width', '0.4'],
        ['outline_width_unit', 'Pixel'],
        ['style', s === 'missing' ? 'b_diagonal' : s === 'no-data' ? 'no' : 'solid'],
      ],
    })),
  );
}

/** An OGC SLD 1.1 style: one rule per state on `state` (PropertyIsEqualTo). */
export function kansenkaartSld(options: KansenStyleOptions = {}): string {
  const lang = options.lang ?? 'nl';
  const property = options.property ?? 'state';
  const name = options.name ?? 'kansenkaart';
  const rules = ACTION_STATES.map((s) =>
    [
      '        <se:Rule>',
      `          <se:Name>${escapeXml(s)}</se:Name>`,
      `          <se:Description><se:Title>${escapeXml(pick(STATE_LABELS[s], lang))}</se:Title></se:Description>`,
      '          <ogc:Filter>',
      '            <ogc:PropertyIsEqualTo>',
      `              <ogc:PropertyName>${escapeXml(property)}</ogc:PropertyName>`,
      `              <ogc:Literal>${escapeXml(s)}</ogc:Literal>`,
      '            </ogc:PropertyIsEqualTo>',
      '          </ogc:Filter>',
      '          <se:PolygonSymbolizer>',
      ...(s === 'no-data'
        ? []
        : [
            '            <se:Fill>',
            `              <se:SvgParameter name="fill">${STATE_COLOURS[s]}</se:SvgParameter>`,
            '            </se:Fill>',
          ]),
      '            <se:Stroke>',
      '              <se:SvgParameter name="stroke">#595959</se:SvgParameter>',
      `              <se:SvgParameter name="stroke-opacity">${s === 'no-data' ? '1' : '0'}</se:SvgParameter>`,
      '            </se:Stroke>',
      '          </se:PolygonSymbolizer>',
      '        </se:Rule>',
    ].join('\n'),
  );
  return sldDocument(name, rules);
}

function pick(text: LocalizedText | undefined, lang: Lang): string {
  if (!text) return '';
  return (text as unknown as Record<string, string | undefined>)[lang] ?? text.nl;
}

function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}
