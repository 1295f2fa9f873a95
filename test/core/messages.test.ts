import { readFileSync } from 'node:fs';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import {
  applyTexts,
  formatMessage,
  formatNumberFor,
  localeFor,
  messageArguments,
  messageDictionaries,
  translate,
  WidgetTextsError,
} from '../../src/core/messages.js';
import { formatNumber } from '../../src/core/assess.js';
import { httpMessages, userMessageFor } from '../../src/sources/http.js';
import {
  loadSourcesFile,
  sourcesFileMessages,
  SourcesFileError,
} from '../../src/sources/sources-file.js';
import { messages as addressSearch } from '../../widgets/address-search/messages.js';
import { messages as locationCheck } from '../../widgets/location-check/messages.js';
import { messages as scenarioCompare } from '../../widgets/scenario-compare/messages.js';
import { messages as zoneringLayer } from '../../widgets/zonering-layer/messages.js';
import { messages as zoneringLegend } from '../../widgets/zonering-legend/messages.js';
import { mapWords } from '../../widgets/shared/map-words.js';
import { compareMessages } from '../../src/core/scenario/compare-messages.js';

const dictionaries = {
  'address-search': addressSearch,
  'location-check': locationCheck,
  'scenario-compare': scenarioCompare,
  'zonering-layer': zoneringLayer,
  'zonering-legend': zoneringLegend,
  'map-words': mapWords,
  http: httpMessages,
  'sources-file': sourcesFileMessages,
  'scenario-summary': compareMessages,
} as Record<string, Record<string, { nl: string; en: string }>>;

type Ast = ReturnType<IntlMessageFormat['getAst']>;

/** The argument names of an ICU message, sorted (plural and select arguments included). */
function argumentsOf(elements: Ast, out = new Set<string>()): string[] {
  for (const el of elements) {
    // Literal (0) and pound (7) and tag (8) elements name no argument.
    if (el.type >= 1 && el.type <= 6 && 'value' in el && typeof el.value === 'string')
      out.add(el.value);
    if ('options' in el)
      for (const option of Object.values(el.options) as Array<{ value: Ast }>)
        argumentsOf(option.value, out);
  }
  return [...out].sort();
}

const parse = (text: string): Ast => new IntlMessageFormat(text, 'nl-NL').getAst();

describe('one locale per language', () => {
  it('maps nl to nl-NL, en to en-GB, an added language to itself and nonsense to Dutch', () => {
    expect(localeFor('nl')).toBe('nl-NL');
    expect(localeFor('en')).toBe('en-GB');
    expect(localeFor('en-US')).toBe('en-GB');
    expect(localeFor('fy')).toBe('fy');
    expect(localeFor('not a tag!')).toBe('nl-NL');
  });

  it('formats the same number the same way in core and in the message system', () => {
    expect(formatNumber(1234.56, 'nl', 1)).toBe('1.234,6');
    expect(formatNumber(1234.56, 'en', 1)).toBe('1,234.6');
    expect(formatNumberFor(0.25, 'nl', { style: 'percent' })).toBe('25%');
  });
});

describe('ICU messages', () => {
  it('chooses the plural form of the language and formats the count in its locale', () => {
    const text = '{count, plural, one {# maatregel} other {# maatregelen}}';
    expect(formatMessage(text, 'nl', { count: 1 })).toBe('1 maatregel');
    expect(formatMessage(text, 'nl', { count: 3 })).toBe('3 maatregelen');
    expect(formatMessage(text, 'nl', { count: 1200 })).toBe('1.200 maatregelen');
    expect(translate(locationCheck, 'summary', 'en', { zone: 'Es (Dz3)', count: 1 })).toBe(
      'Es (Dz3): 1 principle.',
    );
    expect(translate(locationCheck, 'summary', 'nl', { zone: 'Es (Dz3)', count: 4 })).toBe(
      'Es (Dz3): 4 principes.',
    );
  });

  it('replaces the hand-made plurals of core: "maatregel(en)" is one or the other', () => {
    const p = { score: '0,40', area: 12, type: 'wadi', largest: 12, zone: 'Bd1' };
    expect(translate(compareMessages, 'fitAgainst', 'nl', { ...p, count: 1 })).toContain(
      '1 maatregel op 12 m² gaat ertegenin',
    );
    expect(translate(compareMessages, 'fitAgainst', 'nl', { ...p, count: 2 })).toContain(
      '2 maatregelen op 12 m² gaan ertegenin',
    );
    expect(translate(compareMessages, 'fitAgainst', 'en', { ...p, count: 1 })).toContain(
      '1 measure on 12 m² works against it',
    );
  });

  it('inserts a plain value as given (a year is not grouped) and keeps a missing one visible', () => {
    expect(formatMessage('KNMI {year}', 'nl', { year: 2023 })).toBe('KNMI 2023');
    expect(formatMessage('{file}: {why}', 'nl', { file: 'a.json' })).toBe('a.json: {why}');
  });

  it('shows a chosen text for every placeholder without a value, a plural or select as a whole', () => {
    const text = '{a} en {n, plural, one {# dag} other {# dagen}} ({t, select, x {X} other {{a}}})';
    expect(formatMessage(text, 'nl', { a: 'A' }, { missing: '?' })).toBe('A en ? (?)');
    expect(formatMessage(text, 'nl', { n: 2, t: 'x' }, { missing: '?' })).toBe('? en 2 dagen (X)');
    expect(formatMessage(text, 'nl', { a: 'A', n: 1, t: 'y' }, { missing: '?' })).toBe(
      'A en 1 dag (A)',
    );
    // Not valid ICU: plain substitution, with the same text for a missing value.
    expect(formatMessage('{a} {b', 'nl', { a: 'A' }, { missing: '?' })).toBe('A {b');
    expect(formatMessage('{a} {c}}', 'en', {}, { missing: '-' })).toBe('- -}');
  });

  it('lists the placeholders of a text and how each is used', () => {
    expect(
      messageArguments(
        "{a} {n, number} {p, plural, other {{q}}} {s, select, x {{n}} other {}} '{z}'",
      ),
    ).toEqual(
      new Map([
        ['a', 'text'],
        ['n', 'number'],
        ['p', 'number'],
        ['q', 'text'],
        ['s', 'choice'],
      ]),
    );
    expect(messageArguments('{a')).toBeUndefined();
  });

  it('inserts untrusted values as text, not as message syntax', () => {
    expect(formatMessage('Bron: {source}', 'nl', { source: '{count, plural, other {x}}' })).toBe(
      'Bron: {count, plural, other {x}}',
    );
  });

  it('every shipped text is a valid ICU message with the same placeholders in nl and en', () => {
    let checked = 0;
    for (const [name, dict] of Object.entries(dictionaries)) {
      for (const [key, entry] of Object.entries(dict)) {
        const nl = argumentsOf(parse(entry.nl));
        const en = argumentsOf(parse(entry.en));
        expect(en, `${name}.${key}`).toEqual(nl);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(300);
  });

  it('registers the source dictionaries beside the widgets, so a texts file can reword them', () => {
    expect(messageDictionaries()).toEqual(expect.arrayContaining(Object.keys(dictionaries)));
  });
});

describe('HTTP and source errors in the user language', () => {
  it('uses the plural rules for the timeout', () => {
    expect(userMessageFor('timeout', 'BRO', { timeoutMs: 1000 }).nl).toContain('1 seconde.');
    expect(userMessageFor('timeout', 'BRO', { timeoutMs: 8000 }).nl).toContain('8 seconden.');
    expect(userMessageFor('timeout', 'BRO', { timeoutMs: 1000 }).en).toContain('1 second.');
  });

  it('names the service text only when there is one', () => {
    expect(userMessageFor('problem', 'AHN', { text: 'Layer unknown' }).nl).toBe(
      'De bron "AHN" meldt een fout: Layer unknown.',
    );
    expect(userMessageFor('problem', 'AHN').nl).toBe('De bron "AHN" meldt een fout.');
  });

  it('can be reworded and given a language by a texts file; a bad text is refused whole', () => {
    applyTexts(
      {
        http: {
          network: {
            nl: 'Geen verbinding met "{name}". Bel het servicepunt GIS.',
            fy: 'De boarne "{name}" is net te berikken.',
          },
        },
      },
      'gemeente.texts.json',
    );
    const message = userMessageFor('network', 'Bodemkaart');
    expect(message.nl).toBe('Geen verbinding met "Bodemkaart". Bel het servicepunt GIS.');
    expect(message.fy).toBe('De boarne "Bodemkaart" is net te berikken.');
    expect(message.en).toBe(
      'The source "Bodemkaart" cannot be reached. Check the internet connection or try again later.',
    );
    const bad = {
      http: { refused: { nl: 'Geweigerd' } },
      'sources-file': { listNotFound: { nl: 'Niet gevonden: {file' } },
    };
    expect(() => applyTexts(bad, 'x.json')).toThrow(WidgetTextsError);
    expect(() => applyTexts(bad, 'x.json')).toThrow(
      /x\.json: sources-file\.listNotFound\.nl is not a valid message text/,
    );
    expect(userMessageFor('http-status', 'WMS', { status: 403 }).nl).toContain('weigert');
    expect(() => applyTexts({ http: { nietBestaand: { nl: 'x' } } })).toThrow(
      /http has no message "nietBestaand"/,
    );
  });
});

describe('loading a sources file tells which file failed', () => {
  const sources = readFileSync(new URL('../../demo/data/sources.json', import.meta.url), 'utf8');
  const files: Record<string, string | number> = {
    'https://gis.example.nl/na/sources.json': sources,
  };
  const load = async (location: string): Promise<string> => {
    const found = files[location];
    if (typeof found === 'string') return found;
    throw new Error(`HTTP ${found ?? 404} for ${location}`);
  };
  const failure = async (url: string): Promise<SourcesFileError> => {
    const error = await loadSourcesFile(url, { load }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SourcesFileError);
    return error as SourcesFileError;
  };

  it('a missing sources file: the list, with its name and status, in Dutch', async () => {
    const e = await failure('https://gis.example.nl/na/bronnen.json');
    expect(e.stage).toBe('list');
    expect(e.userText('nl')).toBe(
      'Het bestand bronnen.json is niet gevonden (HTTP 404). Controleer het adres in het attribuut sources.',
    );
    expect(e.message).toContain('HTTP 404');
  });

  it('a syntax error: line and column for users, the parser message as detail', async () => {
    files['https://gis.example.nl/na/kapot.json'] = '{\n  "sources": [ { id: "x" } ]\n}';
    const e = await failure('https://gis.example.nl/na/kapot.json');
    expect(e.messageKey).toBe('listSyntax');
    expect(e.userText('nl')).toMatch(/^Het bestand kapot\.json is geen geldige JSON \(regel 2,/);
    expect(e.message).toMatch(/JSON syntax error/);
  });

  it('a missing data file: the list loaded, the data file is named', async () => {
    const e = await failure('https://gis.example.nl/na/sources.json');
    expect(e.stage).toBe('data');
    expect(e.messageKey).toBe('dataNotFound');
    expect(e.userText('nl')).toMatch(
      /^De lijst met bronnen is geladen, maar het gegevensbestand \S+\.geojson is niet gevonden \(HTTP 404\)/,
    );
    expect(e.userText('nl')).not.toContain('kon niet worden geladen.');
  });
});
