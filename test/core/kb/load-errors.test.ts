import { describe, expect, it } from 'vitest';
import {
  KnowledgeBaseError,
  parseKnowledgeBaseFile,
  validateKnowledgeBase,
  type KnowledgeBaseIssue,
} from '../../../src/core/kb/load.js';
import { NaError } from '../../../src/core/types.js';
import { fixtureKb, fixturePrinciple, positionOfMarker, toText } from './fixtures.js';

const FILE = 'kennisbank.json';

/** Parses and returns the KnowledgeBaseError it must throw. */
function errorOf(text: string, file = FILE): KnowledgeBaseError {
  try {
    parseKnowledgeBaseFile(text, file);
  } catch (e) {
    if (e instanceof KnowledgeBaseError) return e;
    throw e;
  }
  throw new Error('expected a KnowledgeBaseError');
}

function only(err: KnowledgeBaseError): KnowledgeBaseIssue {
  expect(err.errors, err.message).toHaveLength(1);
  return err.errors[0] as KnowledgeBaseIssue;
}

describe('parseKnowledgeBaseFile', () => {
  it('accepts a valid file', () => {
    const kb = parseKnowledgeBaseFile(toText(fixtureKb()), FILE);
    expect(kb.principles.map((p) => p.id)).toEqual(['test-a', 'test-b']);
    expect(kb.zones).toHaveLength(54);
  });

  it('names file, line, column, entry, id and field of a wrong scale', () => {
    const kb = fixtureKb();
    kb.principles[1] = fixturePrinciple('test-b', { scale: 'stad' as never });
    const text = toText(kb);
    const { line, column } = positionOfMarker(text, '"scale": "stad"');
    const err = errorOf(text);
    expect(err).toBeInstanceOf(NaError);
    expect(err.code).toBe('kb-invalid');
    const issue = only(err);
    expect(issue).toMatchObject({
      file: FILE,
      line,
      column,
      pointer: '/principles/1/scale',
      entry: 'principles[1]',
      id: 'test-b',
      field: 'scale',
      code: 'invalid-value',
    });
    expect(issue.message).toBe(
      'must be one of regio/stad, wijk/dorp, straat, perceel/tuin (got "stad")',
    );
    expect(err.message).toContain(
      `${FILE}:${line}:${column} principles[1] (id "test-b") field "scale": must be one of regio/stad, wijk/dorp, straat`,
    );
  });

  it('reports an unknown action at the line of the action', () => {
    const kb = fixtureKb();
    kb.principles[0] = fixturePrinciple('test-a', { actions: ['infiltreren', 'dansen' as never] });
    const text = toText(kb);
    const issue = only(errorOf(text));
    expect(issue).toMatchObject({
      line: positionOfMarker(text, '"dansen"').line,
      pointer: '/principles/0/actions/1',
      field: 'actions[1]',
      code: 'invalid-value',
    });
    expect(issue.message).toContain('infiltreren, vasthouden, bergen');
  });

  it('reports a missing English text as a missing language', () => {
    const kb = fixtureKb();
    kb.principles[1] = fixturePrinciple('test-b', { title: { nl: 'Alleen Nederlands' } as never });
    const text = toText(kb);
    const issue = only(errorOf(text));
    expect(issue).toMatchObject({
      line: positionOfMarker(text, '"Alleen Nederlands"').line - 1, // the line of "title": {
      pointer: '/principles/1/title/en',
      entry: 'principles[1]',
      field: 'title.en',
      code: 'missing-language',
      message: 'missing the English text ("en")',
    });
  });

  it('reports a missing required field and an unknown field', () => {
    const kb = fixtureKb();
    const { text: _drop, ...noText } = fixturePrinciple('test-b');
    kb.principles[1] = { ...noText, titel: { nl: 'x', en: 'x' } } as never;
    const text = toText(kb);
    const err = errorOf(text);
    expect(err.errors.map((e) => e.code).sort()).toEqual(['missing-field', 'unknown-field']);
    const unknown = err.errors.find((e) => e.code === 'unknown-field');
    expect(unknown).toMatchObject({
      line: positionOfMarker(text, '"titel"').line,
      column: positionOfMarker(text, '"titel"').column,
      field: 'titel',
    });
    // The one wording of schema problems suggests the nearest allowed field.
    expect(unknown?.message).toBe('unknown field "titel"; did you mean "title"?');
    const missing = err.errors.find((e) => e.code === 'missing-field');
    expect(missing).toMatchObject({ field: 'text', message: 'missing required field "text"' });
    // A missing field is reported at the start of its entry.
    expect(missing?.line).toBe(positionOfMarker(text, '"id": "test-b"').line - 1);
  });

  it('lists every schema error at once, sorted by line', () => {
    const kb = fixtureKb();
    kb.principles[0] = fixturePrinciple('test-a', { domain: 'lucht' as never });
    kb.principles[1] = fixturePrinciple('test-b', { scale: 'buurt' as never });
    const err = errorOf(toText(kb));
    expect(err.errors.map((e) => e.pointer)).toEqual([
      '/principles/0/domain',
      '/principles/1/scale',
    ]);
    const lines = err.message.split('\n');
    expect(lines[0]).toBe('Knowledge base is invalid (2 errors):');
    expect(lines).toHaveLength(3);
  });

  it('gives line and column of a JSON syntax error', () => {
    const text = '{\n  "version": "1"\n  "zones": []\n}\n';
    const err = errorOf(text, 'kapot.json');
    expect(err.code).toBe('kb-syntax');
    const issue = err.errors[0];
    expect(issue).toMatchObject({ file: 'kapot.json', line: 3, column: 3, code: 'syntax' });
    expect(issue?.message).toContain('comma');
    expect(err.message).toContain('kapot.json:3:3');
  });

  it('rejects a trailing comma and comments with their position', () => {
    const trailing = errorOf('{\n  "version": "1",\n}\n');
    expect(trailing.code).toBe('kb-syntax');
    expect(trailing.errors[0]).toMatchObject({ line: 3, column: 1 });
    const comment = errorOf('{\n  // opmerking\n  "version": "1"\n}\n');
    expect(comment.errors[0]).toMatchObject({ line: 2, column: 3 });
    expect(comment.errors[0]?.message).toContain('comments are not allowed');
  });

  it('names the entry of a syntax error inside an entry', () => {
    const good = toText(fixtureKb());
    const at = good.indexOf('"scale": "wijk/dorp"');
    const text = `${good.slice(0, at)}"scale" "wijk/dorp"${good.slice(at + '"scale": "wijk/dorp"'.length)}`;
    const err = errorOf(text);
    expect(err.errors[0]?.line).toBe(positionOfMarker(text, '"scale" "wijk/dorp"').line);
    expect(err.errors[0]?.entry).toBe('principles[0]');
  });

  it('reports a duplicate id at the second entry', () => {
    const kb = fixtureKb();
    kb.principles.push(fixturePrinciple('test-a'));
    const text = toText(kb);
    const issue = only(errorOf(text));
    expect(issue).toMatchObject({
      line: positionOfMarker(text, '"id": "test-a"', 1).line,
      pointer: '/principles/2/id',
      entry: 'principles[2]',
      id: 'test-a',
      code: 'duplicate-id',
    });
    expect(issue.message).toContain('principles[0]');
  });

  it('reports an id shared by a principle and a discouraged action', () => {
    const kb = fixtureKb();
    kb.principles[1] = fixturePrinciple('test-niet');
    const issue = only(errorOf(toText(kb)));
    expect(issue).toMatchObject({ pointer: '/discouraged/0/id', code: 'duplicate-id' });
  });

  it('reports a zone code in conditions that is not a zone', () => {
    const kb = fixtureKb();
    kb.principles[1] = fixturePrinciple('test-b', {
      conditions: { anyOf: [{ zone: ['Dz1', 'Xx9'] }] },
    });
    const text = toText(kb);
    const issue = only(errorOf(text));
    expect(issue).toMatchObject({
      line: positionOfMarker(text, '"Xx9"').line,
      pointer: '/principles/1/conditions/anyOf/0/zone/1',
      field: 'conditions.anyOf[0].zone[1]',
      code: 'unknown-zone',
    });
  });

  it('reports groundwater classes outside I..VIII and reversed ranges', () => {
    const kb = fixtureKb();
    kb.principles[0] = fixturePrinciple('test-a', { conditions: { gt: { min: 'IX' } } });
    kb.principles[1] = fixturePrinciple('test-b', {
      conditions: { gt: { min: 'VI', max: 'II' }, heat: { min: 40, max: 30 } },
    });
    const err = errorOf(toText(kb));
    expect(err.errors.map((e) => [e.pointer, e.code])).toEqual([
      ['/principles/0/conditions/gt/min', 'invalid-gt'],
      ['/principles/1/conditions/gt', 'invalid-range'],
      ['/principles/1/conditions/heat', 'invalid-range'],
    ]);
  });

  it('reports placeholders that are not allowed in reason templates', () => {
    const kb = fixtureKb();
    kb.principles[0] = fixturePrinciple('test-a', {
      reason: { nl: 'U staat op {zone_naam}.', en: 'You are on {zone} {.' },
    });
    const err = errorOf(toText(kb));
    expect(err.errors.map((e) => [e.field, e.code])).toEqual([
      ['reason.nl', 'unknown-placeholder'],
      ['reason.en', 'invalid-template'],
    ]);
    expect(err.errors[0]?.message).toContain('{zone}, {landscapeType}');
  });

  it('reports an unknown zone group, landscape type and principle id in a zone', () => {
    const kb = fixtureKb();
    const zone = kb.zones.find((z) => z.code === 'Dz1');
    if (!zone) throw new Error('Dz1 missing');
    zone.group = 'dekzand-gebied';
    zone.principles = ['test-a', 'bestaat-niet'];
    kb.landscapeTypes = kb.landscapeTypes.filter((t) => t.id !== 'heuvelland');
    const text = toText(kb);
    const err = errorOf(text);
    const byCode = Object.fromEntries(err.errors.map((e) => [e.code, e]));
    expect(byCode['unknown-group']).toMatchObject({
      entry: `zones[${kb.zones.indexOf(zone)}]`,
      id: 'Dz1',
      field: 'group',
      line: positionOfMarker(text, '"dekzand-gebied"').line,
    });
    expect(byCode['unknown-principle']).toMatchObject({ field: 'principles[1]' });
    expect(byCode['missing-landscape-type']?.message).toContain('heuvelland');
    // Lg* zones, and the summary rules that name heuvelland, now point to a type not in the file.
    const unknownType = err.errors.filter((e) => e.code === 'unknown-landscape-type');
    expect(unknownType.filter((e) => e.entry?.startsWith('zones['))).toHaveLength(7);
    expect(unknownType.filter((e) => e.entry?.startsWith('summaryRules['))).toHaveLength(2);
    expect(unknownType).toHaveLength(9);
    expect(err.message).toContain('(code "Dz1")');
  });

  it('reports a missing label of a vocabulary value', () => {
    const kb = fixtureKb();
    delete kb.labels['action.bergen'];
    delete kb.labels['reason.no-value'];
    const err = errorOf(toText(kb));
    expect(err.errors.map((e) => [e.code, e.entry])).toEqual([
      ['missing-label', 'labels["action.bergen"]'],
      ['missing-label', 'labels["reason.no-value"]'],
    ]);
  });

  it('reports a field written twice in one object', () => {
    const text = toText(fixtureKb()).replace(
      '"scale": "wijk/dorp",',
      '"scale": "wijk/dorp",\n      "scale": "straat",',
    );
    const issue = only(errorOf(text));
    expect(issue).toMatchObject({
      code: 'duplicate-key',
      line: positionOfMarker(text, '"scale": "straat"').line,
      entry: 'principles[0]',
      field: 'scale',
    });
  });

  it('reports labels with a bad key and colours in a bad format', () => {
    const kb = fixtureKb();
    (kb.labels as Record<string, unknown>)['geen punt'] = { nl: 'x', en: 'x' };
    const group = kb.zoneGroups[0];
    if (group) group.colour = 'rood';
    const err = errorOf(toText(kb));
    expect(err.errors.map((e) => e.code).sort()).toEqual(['invalid-format', 'invalid-key']);
    expect(err.errors.find((e) => e.code === 'invalid-format')?.message).toContain(
      'A colour as #rrggbb',
    );
  });

  it('rejects a root that is not an object', () => {
    const issue = only(errorOf('[]'));
    expect(issue).toMatchObject({ pointer: '', line: 1, column: 1, code: 'invalid-type' });
    expect(issue.message).toBe('must be an object (got a list)');
  });
});

describe('validateKnowledgeBase', () => {
  it('reports problems in data built in code without a line', () => {
    const kb = fixtureKb();
    kb.principles[0] = fixturePrinciple('test-a', { scale: 'x' as never });
    let err: unknown;
    try {
      validateKnowledgeBase(kb, 'in-code');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(KnowledgeBaseError);
    const issue = (err as KnowledgeBaseError).errors[0];
    expect(issue).toMatchObject({ file: 'in-code', line: 0, column: 0, entry: 'principles[0]' });
    expect((err as KnowledgeBaseError).message).toContain(
      'in-code principles[0] (id "test-a") field "scale"',
    );
  });
});
