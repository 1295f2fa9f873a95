import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  KNOWLEDGE_BASE_SCHEMA,
  defaultKnowledgeBase,
  label,
  landscapeTypeById,
  requiredLabelKeys,
  validateKnowledgeBase,
  zoneByCode,
} from '../../../src/core/kb/load.js';
import type { LandscapeTypeId, LocalizedText } from '../../../src/core/types.js';
import {
  ACTIONS,
  DOMAINS,
  LANDSCAPE_TYPES,
  POSITIONS,
  SCALES,
  SEEPAGE,
  TEXTURES,
  WATER_MODELS,
} from '../../../src/core/types.js';
import { vendoredDir } from '../../helpers/shared.js';
import { errorOf } from './fixtures.js';

const kb = defaultKnowledgeBase();

/** BKNSN codes and labels from the shared inventory (part 2: code/label pairs per group). */
function sharedCodes(): Map<string, string> {
  const text = readFileSync(
    resolve(vendoredDir(), 'domain/codes/bknsn-2023-landscape-codes.txt'),
    'utf8',
  );
  const part2 = text.slice(text.indexOf('DEEL 2'), text.indexOf('OPMERKINGEN'));
  const codes = new Map<string, string>();
  for (const m of part2.matchAll(/^ {2}(\S+)\s+(.+?)\s+\d+\s*$/gm)) {
    codes.set(m[1] ?? '', m[2] ?? '');
  }
  return codes;
}

/** BRIEF §8, one row per BKNSN main type: group id, row label, codes, accepted gidsmodel types. */
const BRIEF_ROWS: Array<{
  group: string;
  row: string;
  codes: string[];
  types: Array<LandscapeTypeId | null>;
  briefType: string;
}> = [
  {
    group: 'strandwallen-binnenduinrand',
    row: 'Strandwallen en binnenduinrand',
    codes: ['Bd1', 'Bd2', 'Bd3'],
    types: ['kust'],
    briefType: 'Kust',
  },
  {
    group: 'zeekleipolders',
    row: 'Zeekleipolders',
    codes: ['Zk2', 'Zk3', 'Zk4', 'Zk6', 'Zk7'],
    types: ['zeeklei'],
    briefType: 'Zeeklei',
  },
  {
    group: 'laagveen',
    row: 'Laagveen',
    codes: ['Lv1', 'Lv2'],
    types: ['veenweide'],
    briefType: 'Veenweide',
  },
  {
    group: 'droogmakerijen',
    row: 'Droogmakerijen en IJsselmeerpolders',
    codes: ['Dr1', 'Dr2', 'Dr3'],
    types: ['droogmakerij', 'ijsselmeerpolders'],
    briefType: 'Droogmakerij / IJsselmeerpolders',
  },
  {
    group: 'rivierengebied',
    row: 'Rivierengebied',
    codes: ['Rg1', 'Rg2', 'Rg3', 'Rg4', 'Rg5'],
    types: ['rivierengebied'],
    briefType: 'Rivierengebied',
  },
  {
    group: 'rivierterrassen',
    row: 'Rivierterrassen',
    codes: ['Rt1', 'Rt2', 'Rt3', 'Rt4'],
    types: ['rivierengebied'],
    briefType: 'Rivierengebied',
  },
  {
    group: 'stuwwallen',
    row: 'Stuwwallen',
    codes: ['Sw1', 'Sw2', 'Sw3', 'Sw4', 'Sw4v', 'Sw4x', 'Sw5'],
    types: ['stuwwal'],
    briefType: 'Stuwwal',
  },
  {
    group: 'keileemgebied',
    row: 'Keileemgebied',
    codes: ['Kl1', 'Kl2', 'Kl3'],
    types: ['dekzand'],
    briefType: 'Dekzand (nearest)',
  },
  {
    group: 'dekzandgebied',
    row: 'Dekzandgebied',
    codes: ['Dz1', 'Dz2', 'Dz3', 'Dz4', 'Dz5', 'Dz6', 'Dz7', 'Dz8', 'Dz9'],
    types: ['dekzand'],
    briefType: 'Dekzand',
  },
  {
    group: 'hoogvenen',
    row: 'Voormalige hoogvenen',
    codes: ['Hv1', 'Hv2', 'Hv3'],
    types: ['veenkolonien'],
    briefType: 'Veenkoloniën',
  },
  {
    group: 'heuvelland-loss',
    row: 'Heuvelland en lössgebied',
    codes: ['Lg1', 'Lg2', 'Lg3', 'Lg5', 'Lg6', 'Lg7', 'Lg8'],
    types: ['heuvelland'],
    briefType: 'Heuvelland',
  },
  // "Overig": no gidsmodel type in BRIEF §8; a terp lies in the marine clay area (brief of this task).
  { group: 'overig', row: 'Overig', codes: ['At'], types: ['zeeklei'], briefType: '—' },
  { group: 'overig', row: 'Overig', codes: ['A', 'W'], types: [null], briefType: '—' },
];

function expectComplete(text: LocalizedText, what: string): void {
  expect(text.nl.trim(), `${what}.nl`).not.toBe('');
  expect(text.en.trim(), `${what}.en`).not.toBe('');
}

function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+/).filter((s) => s.trim() !== '');
}

/** CIE76 colour difference of two #rrggbb colours. */
function deltaE(a: string, b: string): number {
  const lab = (hex: string): [number, number, number] => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    const x = (0.4124 * r + 0.3576 * g + 0.1805 * bl) / 0.95047;
    const y = 0.2126 * r + 0.7152 * g + 0.0722 * bl;
    const z = (0.0193 * r + 0.1192 * g + 0.9505 * bl) / 1.08883;
    const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
    return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
  };
  const [l1, a1, b1] = lab(a);
  const [l2, a2, b2] = lab(b);
  return Math.hypot(l1 - l2, a1 - a2, b1 - b2);
}

function expectDistinctColours(items: Array<{ key: string; colour: string }>, minDelta: number) {
  const lower = items.map((i) => i.colour.toLowerCase());
  expect(new Set(lower).size).toBe(items.length);
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const a = items[i];
      const b = items[j];
      if (!a || !b) continue;
      expect(deltaE(a.colour, b.colour), `${a.key} vs ${b.key}`).toBeGreaterThanOrEqual(minDelta);
    }
  }
}

describe('default knowledge base', () => {
  it('validates, is memoised and frozen', () => {
    expect(defaultKnowledgeBase()).toBe(kb);
    expect(Object.isFrozen(kb)).toBe(true);
    expect(Object.isFrozen(kb.zones[0])).toBe(true);
    expect(kb.version).toMatch(/\S/);
  });

  // defaultKnowledgeBase() runs only the cross-reference checks (the schema validators stay out of
  // the widgets' engine chunks), so this test is what proves the shipped data schema-valid.
  it('conforms to the JSON schema (the validators run here, not on first use)', () => {
    expect(() => validateKnowledgeBase(structuredClone(kb))).not.toThrow();
    // …and the check can fail: a zone code of the wrong type is a schema problem.
    const broken = structuredClone(kb) as unknown as { zones: Array<Record<string, unknown>> };
    const zone = broken.zones[0];
    if (zone === undefined) throw new Error('no zones');
    zone.code = 42;
    const error = errorOf(() => validateKnowledgeBase(broken, 'default'));
    expect(error.code).toBe('kb-invalid');
    expect(error.errors).toContainEqual(
      expect.objectContaining({ file: 'default', pointer: '/zones/0/code', code: 'invalid-type' }),
    );
  });

  it('has every BKNSN 2023 code of the shared inventory, keyed by code, with its label', () => {
    const codes = sharedCodes();
    expect(codes.size).toBe(54);
    expect(kb.zones.map((z) => z.code).sort()).toEqual([...codes.keys()].sort());
    // Compared without accents and case: the source writes "Lossplateau", "Antropogeen Element".
    const plain = (s: string) =>
      s
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase();
    for (const [code, sourceLabel] of codes) {
      const zone = zoneByCode(kb, code);
      if (code === 'Kl3') {
        // The first character is corrupted in the source (":ingoruines …").
        expect(zone?.name.nl).toBe('Pingoruïnes en periglaciale laagten');
        expect(plain(zone?.name.nl ?? '').slice(1)).toBe(sourceLabel.slice(1));
      } else {
        expect(plain(zone?.name.nl ?? ''), code).toBe(plain(sourceLabel));
      }
    }
  });

  it('groups every zone and maps it to its gidsmodel type as BRIEF §8 says', () => {
    const whole = readFileSync(resolve(vendoredDir(), 'domain/BRIEF.md'), 'utf8');
    const brief = whole.slice(whole.indexOf('## 8.'), whole.indexOf('## 9.'));
    const covered: string[] = [];
    for (const row of BRIEF_ROWS) {
      const line = brief.split('\n').find((l) => l.startsWith(`| ${row.row} |`));
      expect(line, row.row).toBeDefined();
      const cells = (line ?? '').split('|').map((c) => c.trim());
      expect(cells[3], row.row).toBe(row.briefType);
      for (const code of row.codes) {
        expect(cells[2], `${row.row} lists ${code}`).toMatch(
          new RegExp(`(^|[\\s,])${code}(\\s|,|$)`),
        );
        const zone = zoneByCode(kb, code);
        expect(zone?.group, code).toBe(row.group);
        expect(row.types, code).toContain(zone?.landscapeType);
        covered.push(code);
      }
    }
    expect(covered.sort()).toEqual(kb.zones.map((z) => z.code).sort());
  });

  it('has the 12 BKNSN main types as zone groups, each used by a zone', () => {
    expect(kb.zoneGroups.map((g) => g.id).sort()).toEqual(
      [...new Set(BRIEF_ROWS.map((r) => r.group))].sort(),
    );
    for (const g of kb.zoneGroups) {
      expectComplete(g.name, g.id);
      expect(
        kb.zones.some((z) => z.group === g.id),
        g.id,
      ).toBe(true);
    }
  });

  it('has the 10 landscape types with every field in Dutch and English', () => {
    expect(kb.landscapeTypes.map((t) => t.id).sort()).toEqual([...LANDSCAPE_TYPES].sort());
    for (const t of kb.landscapeTypes) {
      expectComplete(t.name, `${t.id}.name`);
      expectComplete(t.description, `${t.id}.description`);
      expectComplete(t.system.soil, `${t.id}.system.soil`);
      expectComplete(t.system.water, `${t.id}.system.water`);
      expectComplete(t.system.relief, `${t.id}.system.relief`);
      expect(WATER_MODELS).toContain(t.waterModel);
      expect(t.sources.length).toBeGreaterThan(0);
      expect(
        t.sources.every((s) => s.tag !== undefined),
        t.id,
      ).toBe(true);
      expect(landscapeTypeById(kb, t.id)).toBe(t);
    }
    // The cahier's isolatiemodel: clayey/peaty soil, shallow groundwater.
    expect(landscapeTypeById(kb, 'veenweide')?.waterModel).toBe('isolatie');
    expect(landscapeTypeById(kb, 'stuwwal')?.waterModel).toBe('infiltratie');
  });

  it('describes every zone in short sentences (B1) in Dutch and English', () => {
    for (const z of kb.zones) {
      expectComplete(z.name, `${z.code}.name`);
      expectComplete(z.description, `${z.code}.description`);
      const nl = sentences(z.description.nl);
      expect(nl.length, z.code).toBeGreaterThanOrEqual(2);
      expect(nl.length, z.code).toBeLessThanOrEqual(4);
      for (const s of nl) expect(s.split(/\s+/).length, `${z.code}: ${s}`).toBeLessThanOrEqual(20);
      expect(
        z.sources.some((s) => s.ref.includes(`code ${z.code}`)),
        z.code,
      ).toBe(true);
    }
    for (const t of kb.landscapeTypes) {
      for (const text of [t.description, t.system.soil, t.system.water, t.system.relief]) {
        for (const s of sentences(text.nl)) {
          expect(s.split(/\s+/).length, `${t.id}: ${s}`).toBeLessThanOrEqual(20);
        }
      }
    }
  });

  it('gives typical positions and seepage that fit the landforms', () => {
    const pos = (code: string) => zoneByCode(kb, code)?.position;
    const seep = (code: string) => zoneByCode(kb, code)?.seepage;
    for (const ridge of ['Bd1', 'Bd3', 'Zk3', 'Rg1', 'Sw1', 'Dz1', 'Lg1']) {
      expect(pos(ridge), ridge).toBe('ridge');
    }
    for (const low of ['Bd2', 'Zk4', 'Rg2', 'Rg5', 'Dz5', 'Dz6', 'Lg5', 'Dr1']) {
      expect(pos(low), low).toBe('low');
    }
    for (const kwel of ['Bd2', 'Dr1', 'Rg2', 'Dz5', 'Dz6']) expect(seep(kwel), kwel).toBe('kwel');
    for (const down of ['Bd3', 'Sw1', 'Dz1']) expect(seep(down), down).toBe('wegzijging');
    // No natural system is mapped for built-up land and water.
    for (const code of ['A', 'W']) {
      expect(zoneByCode(kb, code)?.landscapeType, code).toBeNull();
      expect(pos(code), code).toBeUndefined();
      expect(seep(code), code).toBeUndefined();
    }
  });

  it('has unique, clearly different colours for types, zone groups and zones', () => {
    expectDistinctColours(
      kb.landscapeTypes.map((t) => ({ key: t.id, colour: t.colour })),
      20,
    );
    expectDistinctColours(
      kb.zoneGroups.map((g) => ({ key: g.id, colour: g.colour })),
      10,
    );
    expectDistinctColours(
      kb.zones.map((z) => ({ key: z.code, colour: z.colour })),
      10,
    );
  });

  it('colours the zones of a type in that type’s colour family', () => {
    // Each zone is closer to its own type's colour than to most other types' colours.
    for (const z of kb.zones) {
      if (z.landscapeType === null) continue;
      const own = landscapeTypeById(kb, z.landscapeType)?.colour ?? '';
      const closer = kb.landscapeTypes.filter(
        (t) => t.id !== z.landscapeType && deltaE(t.colour, z.colour) < deltaE(own, z.colour),
      );
      expect(closer.length, `${z.code} (${z.colour})`).toBeLessThanOrEqual(2);
    }
  });

  it('labels every vocabulary value in Dutch and English', () => {
    const keys = requiredLabelKeys();
    expect(keys).toContain('action.infiltreren');
    expect(keys).toContain('scale.regio/stad');
    expect(keys).toContain('reason.outside-coverage');
    expect(keys).toContain('fact.gt');
    expect(keys).toContain('hsg.D');
    expect(keys).toContain('waterModel.isolatie');
    for (const key of keys) expectComplete(kb.labels[key] ?? { nl: '', en: '' }, key);
    expect(label(kb, 'action.infiltreren', 'nl')).toBe('Regenwater in de bodem laten zakken');
    expect(label(kb, 'action.infiltreren', 'en')).toBe('Infiltrate rainwater');
    expect(label(kb, 'position.ridge', 'nl')).toBe('hoog (rug)');
    expect(label(kb, 'texture.zand', 'fy')).toBe('zand');
    expect(label(kb, 'no.such-key', 'en')).toBe('no.such-key');
  });

  it('has schema enums equal to the TypeScript vocabularies', () => {
    const defs = KNOWLEDGE_BASE_SCHEMA.definitions as Record<string, { enum?: unknown[] }>;
    expect(defs.action?.enum).toEqual([...ACTIONS]);
    expect(defs.scale?.enum).toEqual([...SCALES]);
    expect(defs.domain?.enum).toEqual([...DOMAINS]);
    expect(defs.texture?.enum).toEqual([...TEXTURES]);
    expect(defs.position?.enum).toEqual([...POSITIONS]);
    expect(defs.seepage?.enum).toEqual([...SEEPAGE]);
    expect(defs.waterModel?.enum).toEqual([...WATER_MODELS]);
    expect(defs.landscapeTypeId?.enum).toEqual([...LANDSCAPE_TYPES]);
  });

  it('has patch definitions with the same fields as the full entries', () => {
    const defs = KNOWLEDGE_BASE_SCHEMA.definitions as Record<
      string,
      { properties?: Record<string, unknown> }
    >;
    for (const [full, patch] of [
      ['landscapeType', 'landscapeTypePatch'],
      ['zone', 'zonePatch'],
      ['principle', 'principlePatch'],
      ['discouragement', 'discouragementPatch'],
    ] as const) {
      expect(Object.keys(defs[patch]?.properties ?? {}).sort(), patch).toEqual(
        Object.keys(defs[full]?.properties ?? {}).sort(),
      );
    }
  });

  it('finds zones only by their exact code', () => {
    expect(zoneByCode(kb, 'Sw4v')?.name.nl).toBe('Droogdal met veen');
    expect(zoneByCode(kb, ' Dz1 ')?.code).toBe('Dz1');
    // Shared labels stay apart by code.
    expect(zoneByCode(kb, 'Dr2')?.group).toBe('droogmakerijen');
    expect(zoneByCode(kb, 'Zk3')?.group).toBe('zeekleipolders');
    expect(zoneByCode(kb, 'Kreekrug')).toBeUndefined();
    expect(zoneByCode(kb, 'dz1')).toBeUndefined();
  });
});
