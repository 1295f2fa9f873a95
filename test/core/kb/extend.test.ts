import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  defaultKnowledgeBase,
  extendKnowledgeBase,
  label,
  landscapeTypeById,
  parseKnowledgeBaseExtension,
  zoneByCode,
} from '../../../src/core/kb/load.js';
import type { KnowledgeBase, KnowledgeBaseExtension } from '../../../src/core/kb/types.js';
import { projectRoot } from '../../helpers/shared.js';
import { fixtureKb, fixturePrinciple, positionOfMarker, errorOf } from './fixtures.js';

const EXT = 'gemeente-test.kb.json';

function extend(base: KnowledgeBase, text: string): KnowledgeBase {
  return extendKnowledgeBase(base, parseKnowledgeBaseExtension(text, EXT));
}

describe('extendKnowledgeBase', () => {
  it('adds, overrides and disables entries without changing the base', () => {
    const base = fixtureKb();
    const before = JSON.stringify(base);
    const text = JSON.stringify(
      {
        version: 'gemeente-1',
        principles: [
          fixturePrinciple('gemeente-nieuw', { scale: 'straat' }),
          { id: 'test-a', title: { nl: 'Nieuwe titel' }, scale: 'regio/stad' },
        ],
        disable: ['test-b', 'test-niet'],
      },
      null,
      2,
    );
    const kb = extend(base, text);
    expect(JSON.stringify(base)).toBe(before);
    expect(kb.version).toBe('test+gemeente-1');

    expect(kb.principles.map((p) => p.id)).toEqual(['test-a', 'test-b', 'gemeente-nieuw']);
    const a = kb.principles[0];
    expect(a?.title).toEqual({ nl: 'Nieuwe titel', en: 'Title test-a' });
    expect(a?.scale).toBe('regio/stad');
    expect(a?.text).toEqual(base.principles[0]?.text);
    expect(kb.principles[1]?.disabled).toBe(true);
    expect(kb.discouraged[0]?.disabled).toBe(true);
    expect(base.principles[1]?.disabled).toBeUndefined();

    // The result shares no objects with the base.
    kb.zones[0]?.principles.push('test-a');
    expect(base.zones[0]?.principles).toEqual([]);
  });

  it('extends the frozen default knowledge base', () => {
    const base = defaultKnowledgeBase();
    const first = base.principles[0];
    if (!first) throw new Error('the default knowledge base has no principles');
    const kb = extendKnowledgeBase(base, { disable: [first.id] }, 'in-code');
    expect(kb.principles[0]?.disabled).toBe(true);
    expect(base.principles[0]?.disabled).toBeUndefined();
    expect(kb.principles).toHaveLength(base.principles.length);
  });

  it('merges landscape-type texts per language, also inside system', () => {
    const base = fixtureKb();
    const kb = extend(
      base,
      JSON.stringify({
        landscapeTypes: [{ id: 'dekzand', system: { water: { nl: 'Lokaal verhaal.' } } }],
        zones: [{ code: 'Dz1', name: { en: 'Sand ridge' }, seepage: 'neutraal' }],
      }),
    );
    const dekzand = landscapeTypeById(kb, 'dekzand');
    const old = landscapeTypeById(base, 'dekzand');
    expect(dekzand?.system.water).toEqual({ nl: 'Lokaal verhaal.', en: old?.system.water.en });
    expect(dekzand?.system.soil).toEqual(old?.system.soil);
    expect(zoneByCode(kb, 'Dz1')?.name).toEqual({ nl: 'Dekzandrug', en: 'Sand ridge' });
    expect(zoneByCode(kb, 'Dz1')?.seepage).toBe('neutraal');
    expect(zoneByCode(base, 'Dz1')?.seepage).toBe('wegzijging');
  });

  it('adds a Frisian (fy) text and label, falling back to Dutch elsewhere', () => {
    const text = `{
  "principles": [
    { "id": "test-a", "title": { "fy": "Reinwetter yn 'e grûn" } }
  ],
  "labels": {
    "action.infiltreren": { "fy": "Reinwetter yn 'e boaiem sakje litte" }
  }
}`;
    const kb = extend(fixtureKb(), text);
    expect(kb.principles[0]?.title).toEqual({
      nl: 'Titel test-a',
      en: 'Title test-a',
      fy: "Reinwetter yn 'e grûn",
    });
    expect(label(kb, 'action.infiltreren', 'fy')).toBe("Reinwetter yn 'e boaiem sakje litte");
    expect(label(kb, 'action.infiltreren', 'nl')).toBe('Regenwater in de bodem laten zakken');
    expect(label(kb, 'action.bergen', 'fy')).toBe(label(kb, 'action.bergen', 'nl'));
  });

  it('names file and line of an unknown id in disable', () => {
    const text = `{
  "disable": [
    "test-a",
    "bestaat-niet"
  ]
}`;
    const err = errorOf(() => extend(fixtureKb(), text));
    expect(err.errors).toHaveLength(1);
    expect(err.errors[0]).toMatchObject({
      file: EXT,
      line: 4,
      column: 5,
      pointer: '/disable/1',
      entry: 'disable[1]',
      code: 'unknown-disable-id',
    });
    expect(err.message).toContain(`${EXT}:4:5 disable[1]: "bestaat-niet" is not the id`);
  });

  it('reports an incomplete new entry at its line in the extension file', () => {
    const text = `{
  "principles": [
    { "id": "test-a", "scale": "straat" },
    {
      "id": "gemeente-half",
      "title": { "nl": "Half", "en": "Half" }
    }
  ]
}`;
    const err = errorOf(() => extend(fixtureKb(), text));
    const missing = err.errors.map((e) => e.field).sort();
    expect(missing).toEqual([
      'actions',
      'conditions',
      'domain',
      'reason',
      'scale',
      'source',
      'text',
    ]);
    for (const e of err.errors) {
      expect(e).toMatchObject({
        file: EXT,
        line: 4,
        entry: 'principles[1]',
        id: 'gemeente-half',
        code: 'missing-field',
      });
    }
  });

  it('reports an override that breaks a reference at the line of the override', () => {
    const text = `{
  "zones": [
    {
      "code": "Dz1",
      "group": "bestaat-niet"
    }
  ],
  "principles": [{ "id": "test-b", "conditions": { "zone": ["Qq1"] } }]
}`;
    const err = errorOf(() => extend(fixtureKb(), text));
    expect(err.errors.map((e) => [e.line, e.entry, e.field, e.code])).toEqual([
      [5, 'zones[0]', 'group', 'unknown-group'],
      [8, 'principles[0]', 'conditions.zone[0]', 'unknown-zone'],
    ]);
  });

  it('rejects a new principle whose id is already a discouraged action', () => {
    const text = `{
  "principles": [
    ${JSON.stringify(fixturePrinciple('test-niet'))}
  ]
}`;
    const err = errorOf(() => extend(fixtureKb(), text));
    expect(err.errors).toHaveLength(1);
    expect(err.errors[0]).toMatchObject({
      file: EXT,
      line: 3,
      entry: 'principles[0]',
      id: 'test-niet',
      field: 'id',
      code: 'duplicate-id',
    });
  });

  it('rejects wrong values and unknown fields in the extension file itself', () => {
    const text = `{
  "principles": [
    { "id": "test-a", "scale": "buurt" }
  ],
  "disabel": ["test-b"]
}`;
    const err = errorOf(() => parseKnowledgeBaseExtension(text, EXT));
    expect(err.errors.map((e) => [e.line, e.code, e.field])).toEqual([
      [3, 'invalid-value', 'scale'],
      [5, 'unknown-field', 'disabel'],
    ]);
  });

  it('rejects an id given twice in one extension list', () => {
    const text = `{
  "principles": [
    { "id": "test-a", "scale": "straat" },
    { "id": "test-a", "scale": "wijk/dorp" }
  ]
}`;
    const err = errorOf(() => parseKnowledgeBaseExtension(text, EXT));
    expect(err.errors[0]).toMatchObject({ line: 4, code: 'duplicate-id', entry: 'principles[1]' });
  });

  it('validates extensions built in code, without line numbers', () => {
    const ext = {
      principles: [{ id: 'test-a', domain: 'lucht' }],
    } as unknown as KnowledgeBaseExtension;
    const err = errorOf(() => extendKnowledgeBase(fixtureKb(), ext, 'code.json'));
    expect(err.errors[0]).toMatchObject({ file: 'code.json', line: 0, field: 'domain' });
  });

  it('keeps the extension file name given when parsing, unless another is passed', () => {
    const ext = parseKnowledgeBaseExtension('{ "disable": ["nope"] }', 'a.json');
    expect(errorOf(() => extendKnowledgeBase(fixtureKb(), ext)).errors[0]?.file).toBe('a.json');
    expect(errorOf(() => extendKnowledgeBase(fixtureKb(), ext, 'b.json')).errors[0]?.file).toBe(
      'b.json',
    );
  });
});

describe('demo extension gemeente-voorbeeldstad.kb.json', () => {
  const file = resolve(projectRoot, 'demo/data/gemeente-voorbeeldstad.kb.json');
  const text = readFileSync(file, 'utf8');

  it('adds one principle, rewords one and disables one of the default knowledge base', () => {
    const base = defaultKnowledgeBase();
    const kb = extendKnowledgeBase(
      base,
      parseKnowledgeBaseExtension(text, 'gemeente-voorbeeldstad.kb.json'),
    );
    expect(kb.principles).toHaveLength(base.principles.length + 1);
    const added = kb.principles.find((p) => p.id === 'voorbeeldstad-regenton-en-geveltuin');
    expect(added?.scale).toBe('straat');

    const reworded = kb.principles.find((p) => p.id === 'dekzand-rug-infiltreren');
    const original = base.principles.find((p) => p.id === 'dekzand-rug-infiltreren');
    expect(reworded?.title.nl).toContain('Voorbeeldstad');
    expect(reworded?.title.en).toBe(original?.title.en);
    expect(reworded?.conditions).toEqual(original?.conditions);

    expect(kb.principles.find((p) => p.id === 'breda-ventilatiezone')?.disabled).toBe(true);
    expect(label(kb, 'action.vasthouden', 'fy')).toBe("Wetter fêsthâlde dêr't it falt");
    expect(kb.version).toBe(`${base.version}+voorbeeldstad-2025.1`);
  });

  it('points at the disable line when the disabled id is unknown', () => {
    const ext = parseKnowledgeBaseExtension(text, 'v.kb.json');
    const base = structuredClone(defaultKnowledgeBase());
    base.principles = base.principles.filter((p) => p.id !== 'breda-ventilatiezone');
    const err = errorOf(() => extendKnowledgeBase(base, ext));
    expect(err.errors[0]).toMatchObject({
      line: positionOfMarker(text, '"breda-ventilatiezone"').line,
      code: 'unknown-disable-id',
    });
  });
});
