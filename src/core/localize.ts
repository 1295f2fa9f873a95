/**
 * Turns a Report (texts in every language) into the plain JSON contract of the CLI and the widgets
 * for one language. Stable shape: scripts depend on it (see README, "JSON report").
 */
import { formatNumber, kbLabel } from './assess.js';
import { sourceLine } from './citations.js';
import type { KbSource, KnowledgeBase } from './kb/types.js';
import type { DepthRange, Report } from './report.js';
import {
  SCALES,
  type Fact,
  type FloodKind,
  type Lang,
  type LocalizedText,
  type Provenance,
  type Scale,
  type ValueRange,
} from './types.js';

function pick(text: LocalizedText | undefined, lang: Lang | string): string | undefined {
  if (!text) return undefined;
  return text[lang] ?? text.nl;
}

export interface LocalizedFact {
  name: string;
  label: string;
  status: Fact['status'];
  value?: string | number;
  /** The value in words, e.g. `Dekzandrug (Dz1)`, `12,5 m +NAP`. */
  valueLabel?: string;
  reason?: string;
  reasonText?: string;
  message?: string;
  /** floodDepth: rain on the street (`regen`) or a breach (`doorbraak`), when the source says. */
  floodKind?: FloodKind;
  /** A value read as a legend class: its range (see `ValueRange`). */
  range?: ValueRange;
  /** soilCode of a complex map unit: its units (the value is the first). */
  complexUnits?: string[];
  /** Where the value comes from: the source's id and these fields of its provenance. */
  source: { id: string } & Pick<
    Provenance,
    'title' | 'version' | 'scale' | 'licence' | 'url' | 'illustrative' | 'derived'
  >;
}

export interface LocalizedReason {
  key: string;
  value: string | number;
  label: string;
  source: string;
}

/** A knowledge-base source with the line users see (`citation`: a publication a reader can find). */
export interface LocalizedKbSource {
  ref: string;
  page?: number;
  url?: string;
  tag?: string;
  /** A quote from the source, when the knowledge base gives one. */
  quote?: string;
  /** The quote is a paraphrase, not the source's own words. */
  paraphrase?: boolean;
  /** The publication in words (author, year, title); never an internal document. */
  citation: string;
  /** The publication's public link, when there is one. */
  citationUrl?: string;
  /** A note for readers, e.g. that the link to this place is a summary to check on site. */
  citationNote?: string;
}

/** A link of the municipality on plot-scale advice (`https:` only, checked at load). */
export interface LocalizedLink {
  id: string;
  url: string;
  label: string;
}

export interface LocalizedReport {
  lang: string;
  location?: Report['location'];
  illustrative: boolean;
  facts: LocalizedFact[];
  derived: {
    texture?: string;
    textureLabel?: string;
    /** `soil` (the soil map) or `zone` (typical of the zone: the soil map has no data here). */
    textureFrom?: string;
    cover?: string;
    soilName?: string;
    soilMainClass?: string;
    gtMain?: string;
    ghg?: DepthRange;
    glg?: DepthRange;
    hydrologicSoilGroup?: string;
    landscapeType?: string;
    waterModel?: string;
    /** `location` (decided by this place's facts) or `landscape` (the landscape type's default). */
    waterModelFrom?: string;
    /** The facts that decided the water model. */
    waterModelDecidedBy?: string[];
    /** Groundwater depth class: shallow, intermediate, deep. */
    groundwater?: string;
    /** Infiltration verdict (works, partial, discouraged, unknown) with reason keys and label. */
    infiltration?: { verdict: string; label: string; reasons: string[] };
    peatLayer?: DepthRange;
    boulderClay?: DepthRange;
    perched?: boolean;
    loamySand?: boolean;
    position?: string;
    seepage?: string;
  };
  landscape: {
    type?: { id: string; name: string; description: string; waterModel: string };
    zone?: { code: string; name: string; description: string; group: string };
  };
  /** Three to five short lines for residents, from the knowledge base's summary rules. */
  summary: Array<{
    id: string;
    topic: string;
    text: string;
    reason: string;
    basedOn: LocalizedReason[];
    /** Condition keys that are unknown here, and their labels. */
    missing: string[];
    missingLabels: string[];
    confidence: string;
    confidenceLabel: string;
    source: LocalizedKbSource;
  }>;
  principles: Array<{
    id: string;
    scale: Scale;
    domain: string;
    actions: string[];
    title: string;
    text: string;
    /** Where the cahier shows this: a town as an example, rendered apart from the advice. */
    example?: string;
    reason: string;
    reasons: LocalizedReason[];
    source: LocalizedKbSource;
    /** The municipality's links for this advice (plot scale). */
    links?: LocalizedLink[];
  }>;
  /** Principle ids per scale, in the order regio/stad, wijk/dorp, straat, perceel/tuin. */
  principlesByScale: Record<Scale, string[]>;
  discouraged: Array<{
    action: string;
    label: string;
    reasons: Array<{
      id: string;
      text: string;
      facts: LocalizedReason[];
      source: LocalizedKbSource;
    }>;
  }>;
  missing: Array<
    | { kind: 'fact'; fact: string; label: string; reason: string; text: string; source?: string }
    | {
        kind: 'principle';
        principle: string;
        title: string;
        scale: Scale;
        needs: string[];
        /** The needed facts in words. */
        needsLabels: string[];
      }
  >;
  sources: Array<{
    id: string;
    title: string;
    status: string;
    /**
     * What a user reads: the source's user message in this language when it has one; else in
     * English the source's (English) message, and in another language the knowledge base's
     * sentence for why (`reason.*`: the no-data reason, or `source-error` for a failed source).
     */
    message?: string;
    /** The source's own technical message (English), where `message` says something else. */
    technical?: string;
    code?: string;
    detail?: Record<string, string | number | boolean | null>;
  }>;
  conflicts: Array<{
    key: string;
    values: Array<{ value: string | number; sourceId: string }>;
    message: string;
  }>;
  errors: Report['errors'];
  kbVersion: string;
}

/** Display label of a fact value, e.g. the zone name with its code, or a number with its unit. */
export function factValueLabel(
  fact: Fact,
  kb: KnowledgeBase,
  lang: Lang | string,
): string | undefined {
  if (fact.status !== 'ok' || fact.value === undefined) return undefined;
  const v = fact.value;
  switch (fact.name) {
    case 'zone': {
      const z = kb.zones.find((zz) => zz.code === v);
      return z ? `${pick(z.name, lang)} (${z.code})` : String(v);
    }
    case 'landscapeType': {
      const t = kb.landscapeTypes.find((tt) => tt.id === v);
      return t ? pick(t.name, lang) : String(v);
    }
    case 'position':
      return pick(kbLabel(kb, `position.${String(v)}`, String(v)), lang);
    case 'seepage':
      return pick(kbLabel(kb, `seepage.${String(v)}`, String(v)), lang);
    case 'elevation':
      return `${formatNumber(Number(v), String(lang), 1)} m +NAP`;
    case 'floodDepth': {
      const depth = fact.range
        ? rangeLabel(fact.range, String(lang), 2, ' m')
        : `${formatNumber(Number(v), String(lang), 2)} m`;
      return fact.floodKind
        ? `${depth} (${pick(kbLabel(kb, `floodKind.${fact.floodKind}`, fact.floodKind), lang) ?? ''})`
        : depth;
    }
    case 'landUse':
      return pick(kbLabel(kb, `landUse.${String(v)}`, String(v)), lang);
    case 'waterQuality':
      return pick(kbLabel(kb, `waterQuality.${String(v)}`, String(v)), lang);
    case 'heat':
      // A legend class (a colour of a heat map) is shown as its range, saying so.
      return fact.range
        ? `${rangeLabel(fact.range, String(lang), 0, ' °C PET')} (${pick(kbLabel(kb, 'value.legend-class', 'legend class'), lang) ?? ''})`
        : `${formatNumber(Number(v), String(lang), 0)} °C PET`;
    case 'soilCode':
      // A complex map unit: the first unit is used, and the label says so.
      return fact.complexUnits
        ? `${String(v)} (${pick(kbLabel(kb, 'value.complex-first', 'first unit of the complex'), lang) ?? ''} ${fact.complexUnits.join('/')})`
        : String(v);
    default:
      return String(v);
  }
}

/** A class range as text: `38–40 °C PET`, `< 32 °C PET`, `> 50 °C PET`. */
function rangeLabel(r: ValueRange, lang: string, digits: number, unit: string): string {
  const n = (x: number): string => formatNumber(x, lang, digits);
  if (r.min !== null && r.max !== null) return `${n(r.min)}–${n(r.max)}${unit}`;
  if (r.max !== null) return `< ${n(r.max)}${unit}`;
  return r.min !== null ? `> ${n(r.min)}${unit}` : unit.trim();
}

/** The report in one language, as plain JSON. */
export function localizeReport(
  report: Report,
  kb: KnowledgeBase,
  lang: Lang | string = 'nl',
): LocalizedReport {
  const t = (text: LocalizedText | undefined): string => pick(text, lang) ?? '';
  const reasons = (items: Report['principles'][number]['reasons']): LocalizedReason[] =>
    items.map((r) => ({ key: r.key, value: r.value, label: t(r.label), source: r.sourceId }));
  const byScale = Object.fromEntries(SCALES.map((s) => [s, [] as string[]])) as Record<
    Scale,
    string[]
  >;
  for (const p of report.principles) byScale[p.scale].push(p.id);
  const kbSource = (source: KbSource): LocalizedKbSource => {
    const line = sourceLine(kb, source, lang);
    return {
      ...source,
      citation: line.text,
      ...(line.url ? { citationUrl: line.url } : {}),
      ...(line.note ? { citationNote: line.note } : {}),
    };
  };
  const linksOf = (p: Report['principles'][number]): LocalizedLink[] =>
    p.scale !== 'perceel/tuin'
      ? []
      : (kb.links ?? [])
          .filter(
            (l) =>
              (l.principles?.includes(p.id) ?? false) ||
              (l.actions?.some((a) => p.actions.includes(a)) ?? false),
          )
          .map((l) => ({ id: l.id, url: l.url, label: t(l.label) }));
  const keyLabel = (key: string): string =>
    t(
      kbLabel(
        kb,
        `fact.${key === 'flood' ? 'floodDepth' : key === 'texture' ? 'soilCode' : key}`,
        key,
      ),
    );
  const d = report.derived;
  return {
    lang: String(lang),
    ...(report.location ? { location: report.location } : {}),
    illustrative: report.illustrative,
    facts: report.facts.map((f) => ({
      name: f.name,
      label: t(kbLabel(kb, `fact.${f.name}`, f.name)),
      status: f.status,
      ...(f.value !== undefined ? { value: f.value } : {}),
      ...(f.status === 'ok' ? { valueLabel: factValueLabel(f, kb, lang) } : {}),
      ...(f.reason
        ? { reason: f.reason, reasonText: t(kbLabel(kb, `reason.${f.reason}`, f.reason)) }
        : {}),
      ...(f.message ? { message: f.message } : {}),
      ...(f.floodKind ? { floodKind: f.floodKind } : {}),
      ...(f.range ? { range: { min: f.range.min, max: f.range.max } } : {}),
      ...(f.complexUnits ? { complexUnits: [...f.complexUnits] } : {}),
      source: {
        id: f.provenance.sourceId,
        title: f.provenance.titleLabel
          ? t(
              kbLabel(
                kb,
                f.provenance.titleLabel.key,
                f.provenance.title,
                f.provenance.titleLabel.params,
              ),
            )
          : f.provenance.title,
        ...(f.provenance.version ? { version: f.provenance.version } : {}),
        ...(f.provenance.scale ? { scale: f.provenance.scale } : {}),
        ...(f.provenance.licence ? { licence: f.provenance.licence } : {}),
        ...(f.provenance.url ? { url: f.provenance.url } : {}),
        ...(f.provenance.illustrative ? { illustrative: true } : {}),
        ...(f.provenance.derived ? { derived: true } : {}),
      },
    })),
    derived: {
      ...(d.texture
        ? { texture: d.texture, textureLabel: t(kbLabel(kb, `texture.${d.texture}`, d.texture)) }
        : {}),
      ...(d.textureFrom ? { textureFrom: d.textureFrom } : {}),
      ...(d.cover ? { cover: d.cover } : {}),
      ...(d.soilName ? { soilName: t(d.soilName) } : {}),
      ...(d.soilMainClass ? { soilMainClass: d.soilMainClass } : {}),
      ...(d.gtMain ? { gtMain: d.gtMain } : {}),
      ...(d.ghg ? { ghg: d.ghg } : {}),
      ...(d.glg ? { glg: d.glg } : {}),
      ...(d.hydrologicSoilGroup ? { hydrologicSoilGroup: d.hydrologicSoilGroup } : {}),
      ...(d.landscapeType ? { landscapeType: d.landscapeType } : {}),
      ...(d.waterModel ? { waterModel: d.waterModel } : {}),
      ...(d.waterModelFrom ? { waterModelFrom: d.waterModelFrom } : {}),
      ...(d.waterModelDecidedBy ? { waterModelDecidedBy: [...d.waterModelDecidedBy] } : {}),
      ...(d.groundwater ? { groundwater: d.groundwater } : {}),
      ...(d.infiltration
        ? {
            infiltration: {
              verdict: d.infiltration.verdict,
              label: t(
                kbLabel(kb, `infiltration.${d.infiltration.verdict}`, d.infiltration.verdict),
              ),
              reasons: [...d.infiltration.reasons],
            },
          }
        : {}),
      ...(d.peatLayer ? { peatLayer: d.peatLayer } : {}),
      ...(d.boulderClay ? { boulderClay: d.boulderClay } : {}),
      ...(d.perched ? { perched: true } : {}),
      ...(d.loamySand ? { loamySand: true } : {}),
      ...(d.position ? { position: d.position } : {}),
      ...(d.seepage ? { seepage: d.seepage } : {}),
    },
    landscape: {
      ...(report.landscape.type
        ? {
            type: {
              id: report.landscape.type.id,
              name: t(report.landscape.type.name),
              description: t(report.landscape.type.description),
              waterModel: report.landscape.type.waterModel,
            },
          }
        : {}),
      ...(report.landscape.zone
        ? {
            zone: {
              code: report.landscape.zone.code,
              name: t(report.landscape.zone.name),
              description: t(report.landscape.zone.description),
              group: report.landscape.zone.group,
            },
          }
        : {}),
    },
    summary: (report.summary ?? []).map((line) => ({
      id: line.id,
      topic: line.topic,
      text: t(line.text),
      reason: t(line.reason),
      basedOn: reasons(line.basedOn),
      missing: [...line.missing],
      missingLabels: line.missing.map(keyLabel),
      confidence: line.confidence,
      confidenceLabel: t(kbLabel(kb, `confidence.${line.confidence}`, line.confidence)),
      source: kbSource(line.source),
    })),
    principles: report.principles.map((p) => {
      const links = linksOf(p);
      return {
        id: p.id,
        scale: p.scale,
        domain: p.domain,
        actions: [...p.actions],
        title: t(p.title),
        text: t(p.text),
        ...(p.example ? { example: t(p.example) } : {}),
        reason: t(p.reason),
        reasons: reasons(p.reasons),
        source: kbSource(p.source),
        ...(links.length > 0 ? { links } : {}),
      };
    }),
    principlesByScale: byScale,
    discouraged: report.discouraged.map((dd) => ({
      action: dd.action,
      label: t(dd.label),
      reasons: dd.reasons.map((r) => ({
        id: r.id,
        text: t(r.reason),
        facts: reasons(r.facts),
        source: kbSource(r.source),
      })),
    })),
    missing: report.missing.map((m) =>
      m.kind === 'fact'
        ? {
            kind: 'fact' as const,
            fact: m.fact,
            label: t(kbLabel(kb, `fact.${m.fact}`, m.fact)),
            reason: m.reason,
            text: t(kbLabel(kb, `reason.${m.reason}`, m.reason)),
            ...(m.sourceId ? { source: m.sourceId } : {}),
          }
        : {
            kind: 'principle' as const,
            principle: m.principle,
            title: t(m.title),
            scale: m.scale,
            needs: [...m.needs],
            needsLabels: m.needs.map(keyLabel),
          },
    ),
    sources: report.sources.map((s) => {
      const why = s.status === 'error' ? 'source-error' : s.reason;
      const message =
        pick(s.userMessage, lang) ??
        (lang === 'en' || why === undefined || s.message === undefined
          ? s.message
          : t(kbLabel(kb, `reason.${why}`, s.message)));
      return {
        id: s.id,
        title: s.title,
        status: s.status,
        ...(message ? { message } : {}),
        ...(s.message && s.message !== message ? { technical: s.message } : {}),
        ...(s.code ? { code: s.code } : {}),
        ...(s.detail ? { detail: { ...s.detail } } : {}),
      };
    }),
    conflicts: report.conflicts.map((c) => ({
      key: c.key,
      values: c.values,
      message: t(c.message),
    })),
    errors: report.errors,
    kbVersion: report.kbVersion,
  };
}
