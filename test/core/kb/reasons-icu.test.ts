/**
 * Reason templates (principles, discouraged actions, summary rules) and summary texts are ICU
 * messages formatted by the one message system (`formatReason` over `formatMessage`): every
 * shipped template, in every language, formats exactly as the former regex substitution did, with
 * known values, without them and with some; plurals and apostrophe escapes work for a
 * municipality's templates; and a template that is not valid ICU is reported by the
 * knowledge-base check with file, line, entry and field, worded in Dutch and English.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UNKNOWN_VALUE, formatReason, type Known } from '../../../src/core/conditions.js';
import {
  defaultKnowledgeBase,
  extendKnowledgeBase,
  parseKnowledgeBaseExtension,
} from '../../../src/core/kb/load.js';
import { REASON_PLACEHOLDERS } from '../../../src/core/kb/checks.js';
import type { ConditionKey } from '../../../src/core/report.js';
import { invalidMessageText } from '../../../src/core/schema-messages.js';
import type { LocalizedText } from '../../../src/core/types.js';
import { errorOf } from './fixtures.js';

const EXT = 'gemeente-test.kb.json';
const DATA = new URL('../../../src/core/kb/data/', import.meta.url);

/** The former formatter (`fillTemplate` of conditions.ts), kept here only as the reference. */
function oldFillTemplate(
  template: LocalizedText,
  known: Map<ConditionKey, Known>,
  soilCode?: string,
): LocalizedText {
  const keys = new Set<string>(REASON_PLACEHOLDERS.filter((p) => p !== 'soilCode'));
  const out: LocalizedText = { nl: '', en: '' };
  for (const [lang, text] of Object.entries(template)) {
    out[lang] = text.replace(/\{(\w+)\}/g, (whole, name: string) => {
      if (name === 'soilCode' && soilCode) return soilCode;
      const k = keys.has(name) ? known.get(name as ConditionKey) : undefined;
      if (!k) return name === 'soilCode' ? whole : '?';
      return k.label[lang] ?? k.label.nl;
    });
  }
  return out;
}

/** Every reason template and summary text in the shipped data files, with where it is. */
function shippedTemplates(): Array<{ where: string; template: LocalizedText }> {
  const out: Array<{ where: string; template: LocalizedText }> = [];
  for (const file of readdirSync(DATA).filter((f) => f.endsWith('.json'))) {
    const data: unknown = JSON.parse(readFileSync(new URL(file, DATA), 'utf8'));
    if (!Array.isArray(data)) continue;
    data.forEach((entry: Record<string, unknown>, i) => {
      if (typeof entry !== 'object' || entry === null || !('conditions' in entry)) return;
      // `text` of a summary rule is a template; `text` of a principle is not.
      const fields = 'topic' in entry ? ['reason', 'text'] : ['reason'];
      for (const field of fields) {
        const template = entry[field] as LocalizedText | undefined;
        if (template) out.push({ where: `${file}[${i}].${field}`, template });
      }
    });
  }
  return out;
}

function known(
  key: ConditionKey,
  value: string | number,
  label: Record<string, string>,
): [ConditionKey, Known] {
  return [key, { value, sourceId: 'test', label: label as LocalizedText }];
}

/** A representative value for every fact a template can name (labels as the engine makes them). */
const ALL_KNOWN = new Map<ConditionKey, Known>([
  known('zone', 'Dz1', { nl: 'Dz1', en: 'Dz1' }),
  known('landscapeType', 'dekzand', { nl: 'dekzandlandschap', en: 'cover-sand landscape' }),
  known('texture', 'zand', { nl: 'zand', en: 'sand' }),
  known('gt', 'VI', { nl: 'Gt VI (GHG 40–80 cm)', en: 'Gt VI (MHW 40–80 cm)' }),
  known('seepage', 'infiltratie', { nl: 'infiltratie', en: 'recharge' }),
  known('position', 'hoog', { nl: 'hoog', en: 'high' }),
  known('heat', 2.5, { nl: '2,5 °C', en: '2.5 °C' }),
  known('flood', 0.3, { nl: '0,3 m', en: '0.3 m' }),
  // A label with an apostrophe and braces: a value is inserted as it is, never parsed.
  known('elevation', 12, { nl: "12 m boven NAP ('t {hoog})", en: "12 m above NAP ('t {high})" }),
  known('ghg', '40-80', { nl: '40–80 cm', en: '40–80 cm' }),
  known('groundwater', 'diep', { nl: 'diep', en: 'deep' }),
  known('infiltration', 'goed', { nl: 'goed', en: 'good' }),
  known('infiltrationReason', 'zand', { nl: 'zandgrond', en: 'sandy soil' }),
  known('soilLayer', 'geen', { nl: 'geen storende laag', en: 'no impeding layer' }),
  // Only Dutch: other languages take the Dutch label, as before.
  known('landUse', 'bebouwd', { nl: 'bebouwd gebied' }),
  known('waterQuality', 'goed', { nl: "goede 'kwaliteit'", en: "good 'quality'" }),
]);

/** Every other known value: some facts known, some not. */
const SOME_KNOWN = new Map([...ALL_KNOWN].filter((_, i) => i % 2 === 0));

describe('reason templates as ICU messages', () => {
  const shipped = shippedTemplates();

  it('finds the shipped templates, some with apostrophes', () => {
    expect(shipped.length).toBeGreaterThan(150);
    const texts = shipped.flatMap((t) => Object.values(t.template));
    expect(texts.filter((t) => t.includes("'")).length).toBeGreaterThan(5);
    expect(texts.filter((t) => /\{\w+\}/.test(t)).length).toBeGreaterThan(20);
  });

  it('formats every shipped template in every language exactly as the former regex did', () => {
    const cases: Array<[string, Map<ConditionKey, Known>, string | undefined]> = [
      ['all known, soil code', ALL_KNOWN, 'Hn21'],
      ['all known, no soil code', ALL_KNOWN, undefined],
      ['some known, empty soil code', SOME_KNOWN, ''],
      ['nothing known', new Map(), undefined],
    ];
    let compared = 0;
    for (const [name, values, soilCode] of cases) {
      for (const { where, template } of shipped) {
        const expected = oldFillTemplate(template, values, soilCode);
        expect(formatReason(template, values, soilCode), `${where} (${name})`).toEqual(expected);
        compared += Object.keys(template).length;
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it('keeps apostrophes of shipped texts and shows "?" for a fact that is not known', () => {
    const quoted = shipped.filter((t) => Object.values(t.template).some((x) => x.includes("'")));
    expect(quoted.length).toBeGreaterThan(5);
    const count = (x: string): number => x.split("'").length - 1;
    for (const { where, template } of quoted) {
      const out = formatReason(template, new Map(), 'Hn21');
      for (const [lang, text] of Object.entries(template)) {
        expect(count(out[lang] ?? ''), `${where}.${lang}`).toBe(count(text));
        expect(out[lang], `${where}.${lang}`).not.toMatch(/\{\w+\}/);
      }
    }
    const t = { nl: "Zone {zone} op {gt}; de bodem {soilCode} heet ''t zand'.", en: 'Zone {zone}' };
    expect(formatReason(t, new Map([...ALL_KNOWN].slice(0, 1)))).toEqual({
      nl: `Zone Dz1 op ${UNKNOWN_VALUE}; de bodem {soilCode} heet 't zand'.`,
      en: 'Zone Dz1',
    });
  });

  it('gives a municipality plurals, numbers, choices and literal braces', () => {
    const template = {
      nl: "{flood, plural, one {# meter} other {# meter}} water; {texture, select, zand {zandgrond} other {{texture}}}; '{'gt'}' is {gt}; {heat, number} °C",
      en: "{elevation, plural, one {# metre} other {# metres}} up; '{'literal'}' and ''{zone}''",
      fy: '{zone}',
    };
    expect(formatReason(template, ALL_KNOWN)).toEqual({
      nl: '0,3 meter water; zandgrond; {gt} is Gt VI (GHG 40–80 cm); 2,5 °C',
      en: "12 metres up; {literal} and 'Dz1'",
      fy: 'Dz1',
    });
    // Without the facts, each placeholder (a plural or select as a whole) shows '?'.
    expect(formatReason(template, new Map())).toEqual({
      nl: '? water; ?; {gt} is ?; ? °C',
      en: "? up; {literal} and '?'",
      fy: '?',
    });
  });

  it('reports a template of an extension that is not valid ICU, at its line, in nl and en', () => {
    const kb = defaultKnowledgeBase();
    const id = kb.principles[0]?.id ?? '';
    const text = `{
  "principles": [
    {
      "id": "${id}",
      "reason": {
        "nl": "Hier ligt zone {zone",
        "en": "Zone {zone}"
      }
    }
  ],
  "summaryRules": [
    {
      "id": "${kb.summaryRules?.[0]?.id ?? ''}",
      "text": { "en": "On {gt, plural, one {# class}" }
    }
  ]
}`;
    const err = errorOf(() => extendKnowledgeBase(kb, parseKnowledgeBaseExtension(text, EXT)));
    expect(err.code).toBe('kb-invalid');
    expect(err.errors).toHaveLength(2);
    expect(err.errors[0]).toMatchObject({
      file: EXT,
      line: 6,
      entry: 'principles[0]',
      id,
      field: 'reason.nl',
      code: 'invalid-template',
    });
    expect(err.errors[1]).toMatchObject({ line: 14, field: 'text.en', code: 'invalid-template' });
    const message = err.errors[0]?.message ?? '';
    expect(message).toMatch(/^is not a valid ICU message \(.+\); write a placeholder as \{name\}/);
    expect(message).toContain(`a literal "{", "}" or "<" between apostrophes ('{')`);
    expect(err.message).toContain(`${EXT}:6:`);
    // The same problem in Dutch, from the one catalogue.
    expect(invalidMessageText('X', 'nl')).toBe(
      `is geen geldig ICU-bericht (X); schrijf een plaatshouder als {name}, een meervoud als {count, plural, one {# …} other {# …}}, en een letterlijke "{", "}" of "<" tussen apostroffen ('{')`,
    );
    expect(invalidMessageText('X', 'en')).toBe(
      `is not a valid ICU message (X); write a placeholder as {name}, a plural as {count, plural, one {# …} other {# …}}, and a literal "{", "}" or "<" between apostrophes ('{')`,
    );
  });

  it('reports a placeholder inside a plural that names no fact', () => {
    const kb = defaultKnowledgeBase();
    const id = kb.principles[0]?.id ?? '';
    const text = JSON.stringify({
      principles: [
        { id, reason: { nl: '{dagen, plural, one {# dag} other {# dagen}} op {zone}', en: 'x' } },
      ],
    });
    const err = errorOf(() => extendKnowledgeBase(kb, parseKnowledgeBaseExtension(text, EXT)));
    expect(err.errors.map((e) => [e.field, e.code])).toEqual([
      ['reason.nl', 'unknown-placeholder'],
    ]);
    expect(err.errors[0]?.message).toMatch(/^unknown placeholder "\{dagen\}"; allowed: \{zone\}/);
  });

  it('accepts a valid plural and apostrophe escape in an extension', () => {
    const kb = defaultKnowledgeBase();
    const id = kb.principles[0]?.id ?? '';
    const reason = {
      nl: "{flood, plural, one {# meter} other {# meter}} water bij ''t Gooi' '{'zone'}'",
      en: 'Zone {zone}',
    };
    const text = JSON.stringify({ principles: [{ id, reason }] });
    const ext = extendKnowledgeBase(kb, parseKnowledgeBaseExtension(text, EXT));
    const p = ext.principles.find((x) => x.id === id);
    expect(p?.reason).toEqual(reason);
    expect(formatReason(reason, ALL_KNOWN).nl).toBe("0,3 meter water bij 't Gooi' {zone}");
  });
});
