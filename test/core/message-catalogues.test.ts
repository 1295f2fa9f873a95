/**
 * One message system (issue #12): a sentence that users read is an ICU message in a registered
 * catalogue (`const <name>Messages = { key: { nl, en } }` + `registerMessages`, see
 * src/core/messages.ts), never an inline `{ nl: '…', en: '…' }` object in src/core or src/sources.
 *
 * The scan parses our own source files with the TypeScript parser and finds object literals with
 * an `nl` property whose value is a string or template with words in it (not only placeholders,
 * so `{ nl: `${a} (${b})` }` that joins labels is not a sentence). Objects inside a `…Messages`
 * catalogue are allowed. A few files still hold such texts as data (soil descriptions, the
 * kansenkaart questions, the sources of scenario assumptions): their counts are pinned below and
 * may only go down.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const ROOT = new URL('../../', import.meta.url).pathname;

/** Files that still hold inline texts as data, with how many; a count may shrink, never grow. */
const PINNED: Readonly<Record<string, number>> = {
  // Soil descriptions per soil code: data tables of the soil derivation (to move to the KB).
  'src/core/soil.ts': 21,
  // The kansenkaart questions and state labels, and one reason (being moved to a Worker, w-kk).
  'src/core/kansenkaart/output.ts': 10,
  'src/core/kansenkaart/compute.ts': 1,
  // The sources of scenario assumptions: citations as data.
  'src/core/scenario/assumption-sources.ts': 23,
  // Names of the languages (`nl` → 'Dutch') in the English-only knowledge-base check messages.
  'src/core/kb/checks.ts': 1,
};

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.generated.ts')) out.push(path);
  }
  return out;
}

/** Whether a string or template literal has words of its own (outside `${…}`). */
function hasWords(node: ts.Expression): boolean {
  const words = (text: string) => /\p{L}{2,}/u.test(text);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return words(node.text);
  if (ts.isTemplateExpression(node)) {
    return words(node.head.text) || node.templateSpans.some((s) => words(s.literal.text));
  }
  return false;
}

/** Whether a node lies inside the initializer of a `…Messages` variable (a catalogue). */
function inCatalogue(node: ts.Node): boolean {
  for (let n: ts.Node | undefined = node.parent; n !== undefined; n = n.parent) {
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && /Messages$/.test(n.name.text))
      return true;
  }
  return false;
}

/** Inline sentence objects of a source text: `line: text` of each. */
export function inlineSentences(fileName: string, text: string): string[] {
  const file = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isObjectLiteralExpression(node) && !inCatalogue(node)) {
      for (const prop of node.properties) {
        if (
          ts.isPropertyAssignment(prop) &&
          (ts.isIdentifier(prop.name) || ts.isStringLiteral(prop.name)) &&
          prop.name.text === 'nl' &&
          hasWords(prop.initializer)
        ) {
          const line = file.getLineAndCharacterOfPosition(prop.getStart()).line + 1;
          found.push(`${line}: ${prop.initializer.getText().slice(0, 80)}`);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

const files = [...sourceFiles(join(ROOT, 'src/core')), ...sourceFiles(join(ROOT, 'src/sources'))];
const found = new Map<string, string[]>();
for (const path of files) {
  const hits = inlineSentences(path, readFileSync(path, 'utf8'));
  if (hits.length > 0) found.set(relative(ROOT, path), hits);
}

describe('one message system: no inline { nl, en } sentences in src/core and src/sources', () => {
  it('the scan finds an inline sentence, and not a catalogue or a join of labels', () => {
    const hits = inlineSentences(
      'x.ts',
      [
        "const a = { nl: 'De bron is stuk.', en: 'The source is broken.' };",
        'const b = { nl: `Laag ${n} ontbreekt`, en: `Layer ${n} is missing` };',
        'const c = { nl: `${x.nl} (${code})`, en: `${x.en} (${code})` };',
        "export const fooMessages = { broken: { nl: 'Kapot.', en: 'Broken.' } };",
        "const d = { nl: '', en: '' };",
      ].join('\n'),
    );
    expect(hits.map((h) => h.split(':')[0])).to.deep.equal(['1', '2']);
  });

  it('finds none outside the catalogues and the pinned files', () => {
    const unexpected = [...found].filter(([file]) => PINNED[file] === undefined);
    expect(
      unexpected.map(([file, hits]) => `${file}\n  ${hits.join('\n  ')}`),
      'move these sentences into an ICU catalogue (const …Messages + registerMessages)',
    ).to.deep.equal([]);
  });

  it('pinned files hold no more inline sentences than they did', () => {
    const over = Object.entries(PINNED)
      .map(([file, max]) => ({ file, max, hits: found.get(file) ?? [] }))
      .filter((p) => p.hits.length > p.max)
      .map((p) => `${p.file}: ${p.hits.length} > ${p.max}\n  ${p.hits.join('\n  ')}`);
    expect(over, 'move these sentences into an ICU catalogue').to.deep.equal([]);
  });
});
