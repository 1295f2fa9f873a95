/**
 * One wording of schema problems for every file checked with a schema: the knowledge base and the
 * sources file say the same about the same kind of problem, each with its file, line and field,
 * and a texts file rewords both at once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { applyTexts, icuProblem } from '../../src/core/messages.js';
import { KnowledgeBaseError, parseKnowledgeBaseExtension } from '../../src/core/kb/load.js';
import { schemaMessages } from '../../src/core/schema-messages.js';
import { ConfigError, parseSourcesConfig } from '../../src/sources/config.js';

function kbIssues(text: string): string[] {
  try {
    parseKnowledgeBaseExtension(text, 'gemeente.kb.json');
  } catch (e) {
    if (e instanceof KnowledgeBaseError) return e.message.split('\n').slice(1);
    throw e;
  }
  throw new Error('expected a KnowledgeBaseError');
}

function sourceIssues(text: string): string[] {
  try {
    parseSourcesConfig(text, 'sources.json');
  } catch (e) {
    if (e instanceof ConfigError) return e.errors.map((x) => x.text);
    throw e;
  }
  throw new Error('expected a ConfigError');
}

const KB_UNKNOWN = `{
  "principles": [
    { "id": "test-a", "scale": "straatt", "titel": { "nl": "x" } }
  ]
}`;
const SOURCES_UNKNOWN = `{
  "sources": [
    { "id": "a", "type": "geojsn", "path": "a.json", "licnce": "x", "properties": { "zone": "z" } }
  ]
}`;

describe('the catalogue of schema-problem messages', () => {
  afterEach(() => {
    applyTexts({ schema: { missingField: { en: schemaMessages.missingField.en } } });
  });

  it('is valid ICU in both languages', () => {
    for (const [key, texts] of Object.entries(schemaMessages)) {
      expect(icuProblem(texts.nl), `${key}.nl`).toBeUndefined();
      expect(icuProblem(texts.en), `${key}.en`).toBeUndefined();
    }
  });

  it('words a value that is not allowed and an unknown field alike in both files', () => {
    expect(kbIssues(KB_UNKNOWN)).toEqual([
      'gemeente.kb.json:3:23 principles[0] (id "test-a") field "scale": must be one of regio/stad, wijk/dorp, straat, perceel/tuin (got "straatt"); did you mean "straat"?',
      'gemeente.kb.json:3:43 principles[0] (id "test-a") field "titel": unknown field "titel"; did you mean "title"?',
    ]);
    expect(sourceIssues(SOURCES_UNKNOWN)).toEqual([
      'sources.json:3:18 sources[0] (id "a") field "type": must be one of geojson, ogc-api-features, wfs, wms, arcgis-rest, geotiff, flatgeobuf (got "geojsn"); did you mean "geojson"?',
      'sources.json:3:54 sources[0] (id "a") field "licnce": unknown field "licnce"; did you mean "licence"?',
    ]);
  });

  it('a texts file rewords a problem for the knowledge base and the sources file at once', () => {
    applyTexts(
      { schema: { missingField: { en: 'the field "{field}" is required here' } } },
      'gemeente.texts.json',
    );
    expect(kbIssues('{ "zones": [ { "group": "x" } ] }')).toEqual([
      'gemeente.kb.json:1:14 zones[0] field "code": the field "code" is required here',
    ]);
    expect(
      sourceIssues('{ "sources": [ { "id": "a", "type": "geojson", "path": "a" } ] }'),
    ).toEqual([
      'sources.json:1:16 sources[0] (id "a") field "properties": the field "properties" is required here',
    ]);
  });
});
