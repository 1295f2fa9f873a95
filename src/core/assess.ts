/**
 * The rule engine: facts about a location → the landscape context, the principles that apply there
 * with the facts that made them apply, the actions that are discouraged, and what is missing.
 *
 * `assess` is pure and deterministic: the same facts and knowledge base always give the same
 * report (principles in knowledge-base order, discouraged actions in vocabulary order).
 */
import {
  formatNumberFor,
  localizedMessage,
  type LocalizedParams,
  type MessageParams,
} from './messages.js';
import { labelTexts } from './kb/label.js';
import { reportMessages } from './report-messages.js';
import { gtInfo } from './groundwater.js';
import type { KnowledgeBase, LandscapeType, Zone } from './kb/types.js';
import type {
  AppliedPrinciple,
  ConditionKey,
  Conflict,
  Derived,
  DiscouragedAction,
  MissingItem,
  Report,
  SourceSummary,
} from './report.js';
import { deriveSoil } from './soil.js';
import {
  KB_SOURCE_ID,
  belongsToZone,
  evaluate,
  formatReason,
  reasonOf,
  type EvalContext,
  type Known,
} from './conditions.js';
import { discouragedState, summarize } from './summary.js';
import { assessWetness, depthText, type WetnessJudgement } from './wetness.js';
import {
  ACTIONS,
  FACT_NAMES,
  NaError,
  type Fact,
  type FactName,
  type FactValues,
  type LocalizedText,
  type NoDataReason,
  type Provenance,
} from './types.js';

/** Input of `assess`: the facts, optionally with the source summaries and the location. */
export interface AssessInput {
  facts: Fact[];
  sources?: SourceSummary[];
  location?: Report['location'];
}

interface KbIndex {
  zones: Map<string, Zone>;
  types: Map<string, LandscapeType>;
}
const indexCache = new WeakMap<KnowledgeBase, KbIndex>();
function indexOf(kb: KnowledgeBase): KbIndex {
  let idx = indexCache.get(kb);
  if (!idx) {
    idx = {
      zones: new Map(kb.zones.map((z) => [z.code, z])),
      types: new Map(kb.landscapeTypes.map((t) => [t.id, t])),
    };
    indexCache.set(kb, idx);
  }
  return idx;
}

/**
 * A label from the knowledge base in every language, each an ICU message formatted for its
 * language (`params` fill its placeholders); the fallback (default: the raw key) in every language
 * when it has none.
 */
export function kbLabel(
  kb: KnowledgeBase,
  key: string,
  fallback?: string,
  params: MessageParams = {},
): LocalizedText {
  return labelTexts(kb, key, fallback, params);
}

/** A sentence of the report in every language ({@link reportMessages}). */
function msg(key: keyof typeof reportMessages, params: LocalizedParams = {}): LocalizedText {
  return localizedMessage(reportMessages, key, params);
}

function same(text: string): LocalizedText {
  return { nl: text, en: text };
}

/** Formats a number for a language (nl uses a decimal comma), in the locale of `localeFor`. */
export function formatNumber(value: number, lang: string, maximumFractionDigits = 1): string {
  return formatNumberFor(value, lang, { maximumFractionDigits });
}

function numberLabel(value: number, unit: string, digits = 1): LocalizedText {
  return {
    nl: `${formatNumber(value, 'nl', digits)} ${unit}`,
    en: `${formatNumber(value, 'en', digits)} ${unit}`,
  };
}

const derivedProvenance: Provenance = {
  sourceId: KB_SOURCE_ID,
  title: 'Kennisbank Natuurlijke Alliantie',
  derived: true,
};

/** The provenance of a value derived from the zone, titled by a knowledge-base label. */
function zoneProvenance(
  kb: KnowledgeBase,
  key: 'provenance.derived-from-zone' | 'provenance.typical-for-zone',
  zone: string,
): Provenance {
  const params = { zone };
  return {
    ...derivedProvenance,
    title: kbLabel(kb, key, undefined, params).nl,
    titleLabel: { key, params },
  };
}

/**
 * Runs the rule engine.
 * @param input the facts (each with provenance and status), or an AssessInput
 * @param kb the knowledge base (see `defaultKnowledgeBase()`)
 * @returns the report; it never throws on bad fact values: unknown codes become `errors[]`
 */
export function assess(input: Fact[] | AssessInput, kb: KnowledgeBase): Report {
  const { facts, sources = [], location } = Array.isArray(input) ? { facts: input } : input;
  const idx = indexOf(kb);
  const errors: Report['errors'] = [];
  const conflicts: Conflict[] = [];

  // 1. The first usable value of each fact wins; a different value from another source is a conflict.
  const okFacts = new Map<FactName, Fact>();
  const noData = new Map<FactName, Fact>();
  for (const fact of facts) {
    if (fact.status === 'ok' && fact.value !== undefined && fact.value !== null) {
      const first = okFacts.get(fact.name);
      if (!first) okFacts.set(fact.name, fact);
      else if (first.value !== fact.value) {
        conflicts.push({
          key: fact.name,
          values: [
            { value: first.value as string | number, sourceId: first.provenance.sourceId },
            { value: fact.value as string | number, sourceId: fact.provenance.sourceId },
          ],
          message: msg('factConflict', {
            fact: kbLabel(kb, `fact.${fact.name}`),
            first: String(first.value),
            firstSource: first.provenance.sourceId,
            second: String(fact.value),
            secondSource: fact.provenance.sourceId,
          }),
        });
      }
    } else if (!noData.has(fact.name)) {
      noData.set(fact.name, fact);
    }
  }
  const val = <N extends FactName>(name: N): FactValues[N] | undefined =>
    okFacts.get(name)?.value as FactValues[N] | undefined;
  const src = (name: FactName): string => okFacts.get(name)?.provenance.sourceId ?? KB_SOURCE_ID;
  /** Records that `zone` disagrees with the fact `name` (whose value is `value`). */
  const zoneConflict = (
    zone: Zone,
    name: FactName,
    value: string,
    message: LocalizedText,
  ): void => {
    conflicts.push({
      key: name,
      values: [
        { value: zone.code, sourceId: src('zone') },
        { value, sourceId: src(name) },
      ],
      message,
    });
  };

  // 2. Derivations.
  const derived: Derived = {};
  const known = new Map<ConditionKey, Known>();
  const landscape: Report['landscape'] = {};
  const derivedFacts: Fact[] = [];

  const zoneCode = val('zone');
  let zone: Zone | undefined;
  if (zoneCode !== undefined) {
    zone = idx.zones.get(String(zoneCode).trim());
    if (!zone) {
      errors.push({
        fact: 'zone',
        code: String(zoneCode),
        message: `Unknown landscape zone code "${String(zoneCode)}" (expected a BKNSN 2023 code such as Dz1).`,
      });
    } else {
      landscape.zone = {
        code: zone.code,
        name: zone.name,
        description: zone.description,
        group: zone.group,
      };
      known.set('zone', {
        value: zone.code,
        sourceId: src('zone'),
        label: { nl: `${zone.name.nl} (${zone.code})`, en: `${zone.name.en} (${zone.code})` },
      });
    }
  }

  let typeId = val('landscapeType');
  if (typeId !== undefined && !idx.types.has(typeId)) {
    errors.push({
      fact: 'landscapeType',
      code: String(typeId),
      message: `Unknown landscape type "${String(typeId)}".`,
    });
    typeId = undefined;
  }
  let typeSource = src('landscapeType');
  if (typeId !== undefined && zone?.landscapeType && zone.landscapeType !== typeId) {
    conflicts.push({
      key: 'landscapeType',
      values: [
        { value: typeId, sourceId: src('landscapeType') },
        { value: zone.landscapeType, sourceId: src('zone') },
      ],
      message: msg('landscapeConflict', {
        type: typeId,
        code: zone.code,
        zoneType: zone.landscapeType,
      }),
    });
  }
  if (typeId === undefined && zone?.landscapeType) {
    typeId = zone.landscapeType;
    typeSource = KB_SOURCE_ID;
    derivedFacts.push({
      name: 'landscapeType',
      status: 'ok',
      value: typeId,
      provenance: zoneProvenance(kb, 'provenance.derived-from-zone', zone.code),
    });
  }
  const type = typeId !== undefined ? idx.types.get(typeId) : undefined;
  if (type) {
    derived.landscapeType = type.id;
    derived.waterModel = type.waterModel;
    landscape.type = {
      id: type.id,
      name: type.name,
      description: type.description,
      waterModel: type.waterModel,
    };
    known.set('landscapeType', { value: type.id, sourceId: typeSource, label: type.name });
  }

  const soilCode = val('soilCode');
  if (soilCode !== undefined) {
    try {
      const soil = deriveSoil(String(soilCode));
      derived.soilName = soil.name;
      derived.soilMainClass = soil.mainClass;
      if (soil.texture) {
        derived.texture = soil.texture;
        derived.textureFrom = 'soil';
        known.set('texture', {
          value: soil.texture,
          sourceId: src('soilCode'),
          label: kbLabel(kb, `texture.${soil.texture}`, soil.texture),
        });
      }
      if (soil.cover) derived.cover = soil.cover;
    } catch (e) {
      errors.push({ fact: 'soilCode', code: String(soilCode), message: errorMessage(e) });
    }
  }

  const gt = val('gt');
  if (gt !== undefined) {
    try {
      const info = gtInfo(String(gt));
      derived.gtMain = info.main;
      derived.ghg = info.ghg;
      derived.glg = info.glg;
      known.set('gt', { value: info.code, sourceId: src('gt'), label: same(info.code) });
    } catch (e) {
      errors.push({ fact: 'gt', code: String(gt), message: errorMessage(e) });
    }
  }

  // The soil map has no data here (built-up areas are not mapped): fall back to the zone's typical
  // texture, coarse and said so (textureFrom: 'zone', source: the knowledge base).
  if (!derived.texture && zone?.texture && !errors.some((e) => e.fact === 'soilCode')) {
    derived.texture = zone.texture;
    derived.textureFrom = 'zone';
    const label = kbLabel(kb, `texture.${zone.texture}`, zone.texture);
    known.set('texture', {
      value: zone.texture,
      sourceId: KB_SOURCE_ID,
      label: msg('textureFromZone', { texture: label, zone: zone.name }),
    });
  }
  // A wet zone on a podzol (podzols form where the soil is dry) is a conflict to show.
  if (zone && derived.textureFrom === 'soil' && derived.soilMainClass === 'podzol') {
    const wetZone = zone.position === 'low' && zone.seepage === 'kwel';
    if (wetZone) {
      zoneConflict(
        zone,
        'soilCode',
        String(soilCode),
        msg('podzolConflict', { zone: zone.name, code: zone.code, soilCode: String(soilCode) }),
      );
    }
  }

  // Position and seepage: the source's value, else the zone's typical one (then a derived fact
  // that cites the zone).
  const fromZone = <N extends 'position' | 'seepage'>(name: N): Derived[N] => {
    const value = val(name) ?? zone?.[name];
    if (value === undefined) return undefined;
    derived[name] = value as Derived[N];
    const from = val(name) !== undefined ? src(name) : KB_SOURCE_ID;
    known.set(name, { value, sourceId: from, label: kbLabel(kb, `${name}.${value}`, value) });
    if (from === KB_SOURCE_ID && zone) {
      derivedFacts.push({
        name,
        status: 'ok',
        value,
        provenance: zoneProvenance(kb, 'provenance.typical-for-zone', zone.code),
      } as Fact);
    }
    return value as Derived[N];
  };
  const position = fromZone('position');
  const seepage = fromZone('seepage');
  const landUse = val('landUse');
  if (landUse !== undefined) {
    known.set('landUse', {
      value: String(landUse),
      sourceId: src('landUse'),
      label: kbLabel(kb, `landUse.${String(landUse)}`, String(landUse)),
    });
  }
  const waterQuality = val('waterQuality');
  if (waterQuality !== undefined) {
    known.set('waterQuality', {
      value: String(waterQuality),
      sourceId: src('waterQuality'),
      label: kbLabel(kb, `waterQuality.${String(waterQuality)}`, String(waterQuality)),
    });
  }
  const numeric: Array<[ConditionKey, FactName, string, number]> = [
    ['heat', 'heat', '°C PET', 0],
    ['flood', 'floodDepth', 'm', 2],
    ['elevation', 'elevation', 'm +NAP', 1],
  ];
  for (const [key, name, unit, digits] of numeric) {
    const v = val(name);
    if (typeof v === 'number' && Number.isFinite(v)) {
      known.set(key, { value: v, sourceId: src(name), label: numberLabel(v, unit, digits) });
    }
  }

  // 2b. The wetness model: depths, layers, hydrologic soil group, infiltration, water model.
  const soilOk = soilCode !== undefined && !errors.some((e) => e.fact === 'soilCode');
  const gtOk = gt !== undefined && !errors.some((e) => e.fact === 'gt');
  const wet: WetnessJudgement = assessWetness(
    {
      zone: zone?.code ?? null,
      landscapeType: type?.id ?? null,
      soilCode: soilOk ? String(soilCode) : null,
      texture: derived.texture ?? null,
      gt: gtOk ? String(gt) : null,
      seepage: seepage ?? null,
      position: position ?? null,
      waterQuality: waterQuality !== undefined ? String(waterQuality) : null,
    },
    { zones: kb.zones, landscapeTypes: kb.landscapeTypes },
  );
  if (wet.hsg) derived.hydrologicSoilGroup = wet.hsg;
  if (wet.loamySand) derived.loamySand = true;
  if (wet.peatLayer) derived.peatLayer = wet.peatLayer;
  if (wet.boulderClay) derived.boulderClay = wet.boulderClay;
  if (wet.perched) derived.perched = true;
  if (wet.groundwater !== 'unknown') derived.groundwater = wet.groundwater;
  derived.infiltration = {
    verdict: wet.infiltration.verdict,
    reasons: wet.infiltration.reasons.map((r) => r.key),
  };
  if (wet.waterModel.model) {
    derived.waterModel = wet.waterModel.model;
    if (wet.waterModel.from) derived.waterModelFrom = wet.waterModel.from;
    derived.waterModelDecidedBy = [...wet.waterModel.decidedBy];
  } else {
    delete derived.waterModel;
  }
  const gtSource = gtOk ? src('gt') : KB_SOURCE_ID;
  if (wet.ghg && wet.groundwater !== 'unknown') {
    const range = depthText(wet.ghg);
    known.set('ghg', {
      value: range,
      sourceId: gtSource,
      label: msg('ghgLabel', { range }),
    });
    const gwLabel = kbLabel(kb, `groundwater.${wet.groundwater}`, wet.groundwater);
    known.set('groundwater', {
      value: wet.groundwater,
      sourceId: gtSource,
      label: msg('groundwaterLabel', { groundwater: gwLabel, range }),
    });
  }
  if (wet.infiltration.verdict !== 'unknown') {
    const infSource = soilOk ? src('soilCode') : gtSource;
    known.set('infiltration', {
      value: wet.infiltration.verdict,
      sourceId: infSource,
      label: kbLabel(kb, `infiltration.${wet.infiltration.verdict}`, wet.infiltration.verdict),
    });
    const keys = wet.infiltration.reasons.map((r) => r.key);
    known.set('infiltrationReason', {
      value: keys.join('|'),
      sourceId: infSource,
      label: joinLabels(keys.map((k) => kbLabel(kb, `infiltrationReason.${k}`, k))),
    });
  }
  if (soilOk && wet.texture) {
    const layers: string[] = [];
    if (wet.texture === 'veen' || wet.peatLayer) layers.push('veen');
    if (wet.boulderClay) layers.push('keileem');
    known.set('soilLayer', {
      value: layers.join('|'),
      sourceId: src('soilCode'),
      label: soilLayerLabel(wet),
    });
  }

  // A low seepage zone on a deeply drained soil is a conflict to show, not to hide. Dry valleys
  // (wegzijging) and drained polders (droogmakerij) are not: their groundwater is deep by nature
  // or by pumping.
  if (zone && gtOk && wet.ghg) {
    const wetZone =
      zone.position === 'low' &&
      zone.seepage === 'kwel' &&
      zone.landscapeType !== 'droogmakerij' &&
      zone.landscapeType !== 'ijsselmeerpolders';
    const dry = (wet.ghg.min ?? -Infinity) >= 80;
    if (wetZone && dry && seepage !== 'wegzijging') {
      zoneConflict(
        zone,
        'gt',
        String(gt),
        msg('deepGroundwaterConflict', {
          zone: zone.name,
          code: zone.code,
          gt: String(gt),
          ghg: depthText(wet.ghg),
        }),
      );
    }
  }

  // 3. Discouraged actions, then the principles (a principle never recommends a discouraged action).
  const soilText = soilCode !== undefined ? String(soilCode) : undefined;
  const ctx: EvalContext = { ghg: wet.groundwater !== 'unknown' ? wet.ghg : null };
  const byAction = new Map<string, DiscouragedAction>();
  for (const d of kb.discouraged) {
    if (d.disabled) continue;
    const ev = evaluate(d.conditions, known, ctx);
    if (ev.kind !== 'match') continue;
    let entry = byAction.get(d.action);
    if (!entry) {
      entry = { action: d.action, label: kbLabel(kb, `action.${d.action}`, d.action), reasons: [] };
      byAction.set(d.action, entry);
    }
    entry.reasons.push({
      id: d.id,
      reason: formatReason(d.reason, known, soilText),
      facts: ev.reasons,
      source: d.source,
    });
  }
  const discouraged = ACTIONS.flatMap((a) => {
    const e = byAction.get(a);
    return e ? [e] : [];
  });

  const principles: AppliedPrinciple[] = [];
  const missing: MissingItem[] = [];
  const suppressed: NonNullable<Report['suppressed']> = [];
  const zonePrinciples = new Set(zone?.principles ?? []);
  for (const p of kb.principles) {
    if (p.disabled) continue;
    if (zone && p.conditions.notZone?.includes(zone.code)) continue;
    if (zone?.exclusive && !zonePrinciples.has(p.id) && !belongsToZone(p.conditions, zone)) {
      continue;
    }
    let ev = evaluate(p.conditions, known, ctx);
    if (ev.kind !== 'match' && zonePrinciples.has(p.id)) {
      // Listed by the zone itself: the zone stands in for the landscape/zone conditions.
      const { landscapeType: _t, zone: _z, ...rest } = p.conditions;
      const viaZone = evaluate(rest, known, ctx);
      if (viaZone.kind === 'match') {
        ev = { kind: 'match', reasons: [...reasonOf('zone', known), ...viaZone.reasons] };
      }
    }
    if (p.unlessDiscouraged && ev.kind !== 'nomatch') {
      // E.g. "disconnect the downpipe" only where infiltration is not discouraged: one truth.
      const blocked = discouragedState(kb, known, p.unlessDiscouraged, ctx);
      if (blocked.state === 'yes') ev = { kind: 'nomatch' };
      else if (blocked.state === 'unknown') {
        const needs = [...new Set([...(ev.kind === 'missing' ? ev.needs : []), ...blocked.needs])];
        ev = { kind: 'missing', needs, reasons: ev.reasons };
      }
    }
    if (ev.kind === 'match') {
      const against = p.actions.filter((a) => byAction.has(a));
      if (against.length > 0) {
        suppressed.push({ principle: p.id, actions: against });
        continue;
      }
      principles.push({
        id: p.id,
        scale: p.scale,
        domain: p.domain,
        actions: p.actions,
        title: p.title,
        text: p.text,
        ...(p.example ? { example: p.example } : {}),
        reason: formatReason(p.reason, known, soilText),
        reasons: ev.reasons,
        source: p.source,
      });
    } else if (ev.kind === 'missing') {
      missing.push({
        kind: 'principle',
        principle: p.id,
        title: p.title,
        scale: p.scale,
        needs: ev.needs,
      });
    }
  }

  // 4. Missing facts, with why.
  const providedByAll = new Set([...okFacts.keys(), ...derivedFacts.map((f) => f.name)]);
  const factMissing: MissingItem[] = [];
  for (const name of FACT_NAMES) {
    if (providedByAll.has(name)) continue;
    const nd = noData.get(name);
    const reason: NoDataReason = nd?.reason ?? (nd ? 'no-value' : 'not-configured');
    factMissing.push({
      kind: 'fact',
      fact: name,
      reason,
      ...(nd ? { sourceId: nd.provenance.sourceId } : {}),
      ...(nd?.message ? { message: nd.message } : {}),
    });
  }

  const allFacts = [...facts, ...derivedFacts];
  return {
    ...(location ? { location } : {}),
    facts: allFacts,
    derived,
    landscape,
    summary: summarize(kb, known, soilText, ctx),
    principles,
    discouraged,
    missing: [...factMissing, ...missing],
    sources,
    conflicts,
    ...(suppressed.length > 0 ? { suppressed } : {}),
    errors,
    illustrative: allFacts.some((f) => f.status === 'ok' && f.provenance.illustrative === true),
    kbVersion: kb.version,
  };
}

function errorMessage(e: unknown): string {
  if (e instanceof NaError || e instanceof Error) return e.message;
  return String(e);
}

function joinLabels(labels: LocalizedText[]): LocalizedText {
  const out: LocalizedText = { nl: '', en: '' };
  const langs = new Set(labels.flatMap((l) => Object.keys(l)));
  for (const lang of langs) out[lang] = labels.map((l) => l[lang] ?? l.nl).join('; ');
  return out;
}

function soilLayerLabel(wet: WetnessJudgement): LocalizedText {
  const parts: LocalizedText[] = [];
  if (wet.texture === 'veen') {
    parts.push(msg('layerPeat'));
  } else if (wet.peatLayer) {
    parts.push(
      msg('layerPeatUnder', {
        texture: wet.texture ?? '',
        hasTexture: wet.texture === null || wet.texture === undefined ? 'no' : 'yes',
        depth: depthText(wet.peatLayer),
      }),
    );
  }
  if (wet.boulderClay) parts.push(msg('layerBoulderClay', { depth: depthText(wet.boulderClay) }));
  if (parts.length === 0) return msg('layerNone');
  return joinLabels(parts);
}
