/**
 * Knowledge-base labels are ICU messages, formatted by the one message system: every shipped label
 * renders as it did with the former `{name}` substitution, plurals and numbers work for a
 * municipality's labels, and a malformed label is reported by the knowledge-base check.
 */
import { describe, expect, it } from 'vitest';
import { kbLabel } from '../../../src/core/assess.js';
import {
  defaultKnowledgeBase,
  extendKnowledgeBase,
  label,
  parseKnowledgeBaseExtension,
} from '../../../src/core/kb/load.js';
import labelsData from '../../../src/core/kb/data/labels.json' with { type: 'json' };
import labelsBewonerData from '../../../src/core/kb/data/labels-bewoner.json' with { type: 'json' };
import { errorOf } from './fixtures.js';

const EXT = 'gemeente-test.kb.json';

/** The former label path: plain `{name}` substitution (assess.ts `fillLabel`). */
function oldFill(text: string, params: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (m, name: string) => params[name] ?? m);
}

describe('knowledge-base labels as ICU messages', () => {
  const kb = defaultKnowledgeBase();
  const shipped: Record<string, Record<string, string>> = { ...labelsData, ...labelsBewonerData };

  it('renders every shipped label in nl and en exactly as the former substitution did', () => {
    const keys = Object.keys(shipped);
    expect(keys.length).toBeGreaterThan(100);
    const cases: Array<Record<string, string>> = [{}, { zone: 'Dz1' }, { zone: 'Sw4v' }];
    for (const params of cases) {
      for (const key of keys) {
        for (const lang of ['nl', 'en'] as const) {
          const text = shipped[key]?.[lang];
          expect(text, `${key}.${lang}`).toBeTypeOf('string');
          const old = oldFill(text as string, params);
          expect(label(kb, key, lang, params), `${key}.${lang}`).toBe(old);
          expect(kbLabel(kb, key, undefined, params)[lang], `${key}.${lang}`).toBe(old);
        }
      }
    }
  });

  it('fills the provenance labels with the zone (known values)', () => {
    const params = { zone: 'Dz1' };
    expect(kbLabel(kb, 'provenance.derived-from-zone', undefined, params)).toEqual({
      nl: 'Afgeleid uit zone Dz1',
      en: 'Derived from zone Dz1',
    });
    expect(label(kb, 'provenance.typical-for-zone', 'en', params)).toBe('Typical of zone Dz1');
    // Without a value the placeholder stays visible, as before.
    expect(label(kb, 'provenance.typical-for-zone', 'nl')).toBe('Typisch voor zone {zone}');
    expect(label(kb, 'infiltrationReason.shallow-groundwater', 'nl')).toBe(
      'ondiep grondwater (GHG < 40 cm)',
    );
  });

  it('never formats a fallback: it is a value, not a message', () => {
    expect(kbLabel(kb, 'fact.nope', 'a {b')).toEqual({ nl: 'a {b', en: 'a {b' });
    expect(label(kb, 'fact.nope{', 'nl')).toBe('fact.nope{');
  });

  it('gives a municipality plurals, and numbers in the locale of localeFor(lang)', () => {
    const text = JSON.stringify({
      labels: {
        'value.legend-class': {
          nl: '{count, plural, one {# klasse} other {# klassen}} van {width, number} m',
          en: '{count, plural, one {# class} other {# classes}} of {width, number} m',
          fy: '{count, plural, one {# klasse} other {# klassen}}',
        },
      },
    });
    const ext = extendKnowledgeBase(kb, parseKnowledgeBaseExtension(text, EXT));
    expect(label(ext, 'value.legend-class', 'nl', { count: 1, width: 1234.5 })).toBe(
      '1 klasse van 1.234,5 m',
    );
    expect(label(ext, 'value.legend-class', 'en', { count: 2, width: 1234.5 })).toBe(
      '2 classes of 1,234.5 m',
    );
    expect(kbLabel(ext, 'value.legend-class', undefined, { count: 3, width: 0.5 })).toEqual({
      nl: '3 klassen van 0,5 m',
      en: '3 classes of 0.5 m',
      fy: '3 klassen',
    });
    // A language the label lacks falls back to the Dutch text, formatted as Dutch.
    expect(label(ext, 'value.legend-class', 'de', { count: 2, width: 2.5 })).toBe(
      '2 klassen van 2,5 m',
    );
  });

  it('reports a malformed label of an extension with file, line, entry and field', () => {
    const text = `{
  "labels": {
    "action.bergen": {
      "nl": "Water bergen"
    },
    "action.infiltreren": {
      "nl": "Regenwater {count, plural, one {# keer}",
      "en": "Infiltrate"
    }
  }
}`;
    const ext = parseKnowledgeBaseExtension(text, EXT);
    const err = errorOf(() => extendKnowledgeBase(kb, ext));
    expect(err.code).toBe('kb-invalid');
    expect(err.errors).toHaveLength(1);
    expect(err.errors[0]).toMatchObject({
      file: EXT,
      line: 7,
      entry: 'labels["action.infiltreren"]',
      field: 'nl',
      code: 'invalid-label',
    });
    expect(err.errors[0]?.message).toMatch(/^is not a valid ICU message \(/);
    expect(err.message).toContain(
      `${EXT}:7:7 labels["action.infiltreren"] field "nl": is not a valid ICU message`,
    );
  });

  it('finds no malformed label in the shipped knowledge base', () => {
    expect(() => defaultKnowledgeBase()).not.toThrow();
  });
});
