/**
 * Plain-text rendering of a localized report for the terminal (Dutch or English).
 */
import type { LocalizedKbSource, LocalizedReport } from '../core/localize.js';
import type { DepthRange } from '../core/report.js';
import { FACT_NAMES, type Audience } from '../core/types.js';
import { stripControl } from '../core/plain-text.js';

const WORDS = {
  nl: {
    title: 'Locatiecheck',
    illustrative: 'LET OP: illustratieve demodata, geen echte gegevens.',
    landscape: 'Landschap',
    type: 'Landschapstype',
    zone: 'Zone',
    subsurface: 'Bodem en water',
    soil: 'Bodem',
    texture: 'textuur',
    fromZone: 'typisch voor de zone; de bodemkaart heeft hier geen gegevens',
    cover: 'dek',
    gt: 'Grondwatertrap',
    ghg: 'GHG',
    glg: 'GLG',
    cm: 'cm onder maaiveld',
    hsg: 'Afstromingsklasse (HSG)',
    waterModel: 'Watermodel',
    principles: 'Inrichtingsprincipes',
    why: 'waarom hier?',
    example: 'Voorbeeld',
    infiltration: 'Infiltratie',
    decidedBy: 'bepaald door',
    typeDefault: 'standaard van het landschapstype',
    source: 'bron',
    discouraged: 'Liever niet',
    missing: 'Wat ontbreekt',
    needs: 'hangt af van',
    sources: 'Bronnen',
    conflicts: 'Tegenstrijdig',
    errors: 'Fouten in de gegevens',
    none: 'geen',
    answer: 'In het kort',
    confidence: 'zekerheid',
    lacking: 'ontbreekt',
    municipality: 'Wat de gemeente hier doet',
    missingOne: (n: number, facts: string) => `Voor ${n} adviezen ontbreken gegevens: ${facts}.`,
    link: 'link',
  },
  en: {
    title: 'Location check',
    illustrative: 'NOTE: illustrative demo data, not real.',
    landscape: 'Landscape',
    type: 'Landscape type',
    zone: 'Zone',
    subsurface: 'Soil and water',
    soil: 'Soil',
    texture: 'texture',
    fromZone: 'typical of the zone; the soil map has no data here',
    cover: 'cover',
    gt: 'Groundwater class',
    ghg: 'MHW',
    glg: 'MLW',
    cm: 'cm below surface',
    hsg: 'Hydrologic soil group',
    waterModel: 'Water model',
    principles: 'Design principles',
    why: 'why here?',
    example: 'Example',
    infiltration: 'Infiltration',
    decidedBy: 'decided by',
    typeDefault: 'default of the landscape type',
    source: 'source',
    discouraged: 'Better not',
    missing: 'What is missing',
    needs: 'depends on',
    sources: 'Sources',
    conflicts: 'Conflicting',
    errors: 'Errors in the data',
    none: 'none',
    answer: 'In short',
    confidence: 'certainty',
    lacking: 'missing',
    municipality: 'What the municipality does here',
    missingOne: (n: number, facts: string) =>
      `For ${n} pieces of advice data is missing: ${facts}.`,
    link: 'link',
  },
} as const;

function depth(r: DepthRange | undefined): string {
  if (!r) return '?';
  if (r.min === null && r.max !== null) return `< ${r.max}`;
  if (r.max === null && r.min !== null) return `> ${r.min}`;
  return `${r.min ?? '?'}–${r.max ?? '?'}`;
}

/** A knowledge-base source as users see it: the publication, its link, a note for readers. */
function sourceText(s: LocalizedKbSource): string {
  return [s.citation, s.citationUrl, s.citationNote].filter((x) => x !== undefined).join(' ');
}

/** Options of reportToText. */
export interface TextOptions {
  /**
   * `professional` (default): the full report. `bewoner`: plot and street first, the regio/stad
   * principles as titles under "Wat de gemeente hier doet", the principles that cannot be judged
   * as one line.
   */
  audience?: Audience;
}

/** Renders a localized report as text lines; the summary comes first for every audience. */
export function reportToText(r: LocalizedReport, options: TextOptions = {}): string {
  const w = r.lang === 'en' ? WORDS.en : WORDS.nl;
  const resident = options.audience === 'bewoner';
  const out: string[] = [];
  const loc = r.location;
  out.push(
    loc
      ? `${w.title}: x ${loc.x}, y ${loc.y} (${loc.crs})` +
          (loc.lat !== undefined ? ` · ${loc.lat}° N, ${loc.lon}° E` : '')
      : w.title,
  );
  if (r.illustrative) out.push(w.illustrative);
  if (r.summary.length > 0) {
    out.push('', w.answer);
    for (const line of r.summary) {
      out.push(`  • ${line.text}`);
      const missing =
        line.missingLabels.length > 0 ? `; ${w.lacking}: ${line.missingLabels.join(', ')}` : '';
      out.push(`      ${line.reason} (${w.confidence}: ${line.confidenceLabel}${missing})`);
    }
  }
  const fact = (name: string) => r.facts.find((f) => f.name === name && f.status === 'ok');
  const src = (name: string) => {
    const f = fact(name);
    if (!f) return '';
    const s = f.source;
    return ` [${w.source}: ${s.title}${s.version ? `, ${s.version}` : ''}]`;
  };

  out.push('', w.landscape);
  if (r.landscape.type) {
    out.push(`  ${w.type}: ${r.landscape.type.name}${src('landscapeType')}`);
    out.push(`    ${r.landscape.type.description}`);
  }
  if (r.derived.waterModel) {
    const how =
      r.derived.waterModelFrom === 'landscape'
        ? w.typeDefault
        : `${w.decidedBy} ${(r.derived.waterModelDecidedBy ?? []).join(', ')}`;
    out.push(`  ${w.waterModel}: ${r.derived.waterModel} (${how})`);
  }
  if (r.derived.infiltration) out.push(`  ${w.infiltration}: ${r.derived.infiltration.label}`);
  if (r.landscape.zone) {
    out.push(`  ${w.zone}: ${r.landscape.zone.name} (${r.landscape.zone.code})${src('zone')}`);
    out.push(`    ${r.landscape.zone.description}`);
  }

  out.push('', w.subsurface);
  const soil = fact('soilCode');
  if (soil) {
    const d = r.derived;
    out.push(
      `  ${w.soil}: ${String(soil.value)}${d.soilName ? ` — ${d.soilName}` : ''}` +
        `${d.textureLabel ? ` (${w.texture}: ${d.textureLabel}${d.cover ? `, ${w.cover}: ${d.cover}` : ''})` : ''}${src('soilCode')}`,
    );
  }
  const gt = fact('gt');
  if (gt) {
    out.push(
      `  ${w.gt}: ${String(gt.value)} — ${w.ghg} ${depth(r.derived.ghg)}, ${w.glg} ${depth(r.derived.glg)} ${w.cm}${src('gt')}`,
    );
  }
  if (!soil && r.derived.textureFrom === 'zone' && r.derived.textureLabel) {
    out.push(`  ${w.texture}: ${r.derived.textureLabel} (${w.fromZone})`);
  }
  if (r.derived.hydrologicSoilGroup) out.push(`  ${w.hsg}: ${r.derived.hydrologicSoilGroup}`);
  // The other facts, in their usual order (landscape type, zone, soil and Gt are given above).
  for (const name of FACT_NAMES.slice(FACT_NAMES.indexOf('elevation'))) {
    const f = fact(name);
    if (f) out.push(`  ${f.label}: ${f.valueLabel ?? String(f.value)}${src(name)}`);
  }

  out.push('', w.principles);
  if (r.principles.length === 0) out.push(`  (${w.none})`);
  const scales = Object.entries(r.principlesByScale);
  // Residents: what they can do themselves first; the city's own principles fold to titles.
  const ordered = resident ? [...scales].reverse() : scales;
  for (const [scale, ids] of ordered) {
    if (ids.length === 0) continue;
    const folded = resident && scale === 'regio/stad';
    out.push(`  ${folded ? w.municipality : scale}`);
    for (const id of ids) {
      const p = r.principles.find((pp) => pp.id === id);
      if (!p) continue;
      out.push(`    • ${p.title}`);
      if (folded) continue;
      out.push(`      ${p.text}`);
      if (p.example) out.push(`      ${w.example}: ${p.example}`);
      out.push(`      ${w.why} ${p.reason}`);
      if (p.reasons.length > 0) out.push(`      (${p.reasons.map((x) => x.label).join('; ')})`);
      for (const link of p.links ?? []) out.push(`      ${w.link}: ${link.label} ${link.url}`);
      out.push(`      ${w.source}: ${sourceText(p.source)}`);
    }
  }

  if (r.discouraged.length > 0) {
    out.push('', w.discouraged);
    for (const d of r.discouraged) {
      out.push(`  • ${d.label}`);
      for (const reason of d.reasons)
        out.push(`      ${reason.text} (${w.source}: ${sourceText(reason.source)})`);
    }
  }

  if (r.missing.length > 0) {
    out.push('', w.missing);
    const principles = r.missing.filter((m) => m.kind === 'principle');
    for (const m of r.missing) {
      if (m.kind === 'fact') out.push(`  • ${m.label}: ${m.text}`);
      else if (!resident) out.push(`  • ${m.title} (${m.scale}): ${w.needs} ${m.needs.join(', ')}`);
    }
    if (resident && principles.length > 0) {
      const needs = [...new Set(principles.flatMap((m) => m.needsLabels))];
      out.push(`  • ${w.missingOne(principles.length, needs.join(', '))}`);
    }
  }
  if (r.conflicts.length > 0) {
    out.push('', w.conflicts);
    for (const c of r.conflicts) out.push(`  • ${c.message}`);
  }
  if (r.errors.length > 0) {
    out.push('', w.errors);
    for (const e of r.errors) out.push(`  • ${e.message}`);
  }
  if (r.sources.length > 0) {
    out.push('', w.sources);
    for (const s of r.sources) {
      const technical = s.technical ? ` [${s.technical}]` : '';
      out.push(
        `  • ${s.title} (${s.id}): ${s.status}${s.message ? ` — ${s.message}` : ''}${technical}`,
      );
    }
  }
  // Values from data files and services (a soil code, a zone name) may carry terminal escapes.
  return stripControl(out.join('\n') + '\n');
}
