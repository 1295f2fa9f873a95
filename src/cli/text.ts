/**
 * Plain-text rendering of a localized report for the terminal (Dutch or English).
 */
import type { LocalizedReport } from '../core/localize.js';
import type { DepthRange } from '../core/report.js';

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
  },
} as const;

function depth(r: DepthRange | undefined): string {
  if (!r) return '?';
  if (r.min === null && r.max !== null) return `< ${r.max}`;
  if (r.max === null && r.min !== null) return `> ${r.min}`;
  return `${r.min ?? '?'}–${r.max ?? '?'}`;
}

/** Renders a localized report as text lines. */
export function reportToText(r: LocalizedReport): string {
  const w = r.lang === 'en' ? WORDS.en : WORDS.nl;
  const out: string[] = [];
  const loc = r.location;
  out.push(
    loc
      ? `${w.title}: x ${loc.x}, y ${loc.y} (${loc.crs})` +
          (loc.lat !== undefined ? ` · ${loc.lat}° N, ${loc.lon}° E` : '')
      : w.title,
  );
  if (r.illustrative) out.push(w.illustrative);
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
  for (const name of ['elevation', 'position', 'seepage', 'floodDepth', 'heat', 'landUse']) {
    const f = fact(name);
    if (f) out.push(`  ${f.label}: ${f.valueLabel ?? String(f.value)}${src(name)}`);
  }

  out.push('', w.principles);
  if (r.principles.length === 0) out.push(`  (${w.none})`);
  for (const [scale, ids] of Object.entries(r.principlesByScale)) {
    if (ids.length === 0) continue;
    out.push(`  ${scale}`);
    for (const id of ids) {
      const p = r.principles.find((pp) => pp.id === id);
      if (!p) continue;
      out.push(`    • ${p.title}`);
      out.push(`      ${p.text}`);
      if (p.example) out.push(`      ${w.example}: ${p.example}`);
      out.push(`      ${w.why} ${p.reason}`);
      if (p.reasons.length > 0) out.push(`      (${p.reasons.map((x) => x.label).join('; ')})`);
      out.push(`      ${w.source}: ${p.source.ref}`);
    }
  }

  if (r.discouraged.length > 0) {
    out.push('', w.discouraged);
    for (const d of r.discouraged) {
      out.push(`  • ${d.label}`);
      for (const reason of d.reasons)
        out.push(`      ${reason.text} (${w.source}: ${reason.source.ref})`);
    }
  }

  if (r.missing.length > 0) {
    out.push('', w.missing);
    for (const m of r.missing) {
      if (m.kind === 'fact') out.push(`  • ${m.label}: ${m.text}`);
      else out.push(`  • ${m.title} (${m.scale}): ${w.needs} ${m.needs.join(', ')}`);
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
      out.push(`  • ${s.title} (${s.id}): ${s.status}${s.message ? ` — ${s.message}` : ''}`);
    }
  }
  return out.join('\n') + '\n';
}
