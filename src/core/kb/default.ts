/**
 * The default knowledge base: the data files shipped with the library (`./data/*.json`), put
 * together and cross-checked. Apart from `./load.ts` (which re-exports it) so that the engine
 * chunks of the widgets, which only need this data, do not carry the JSON-schema validators
 * (`./schema-checks.ts`, about 200 kB minified): the schema is for files a municipality gives.
 * That the shipped data conforms to the schema is proved by the unit tests
 * (test/core/kb/default-data.test.ts runs the validators over it).
 *
 * Pure TypeScript: no DOM, no network.
 */
import { crossCheck } from './checks.js';
import discouragedData from './data/discouraged.json' with { type: 'json' };
import citationsData from './data/citations.json' with { type: 'json' };
import labelsBewonerData from './data/labels-bewoner.json' with { type: 'json' };
import labelsData from './data/labels.json' with { type: 'json' };
import landscapeTypesData from './data/landscape-types.json' with { type: 'json' };
import metaData from './data/meta.json' with { type: 'json' };
import principlesPerceelData from './data/principles-perceel.json' with { type: 'json' };
import principlesData from './data/principles.json' with { type: 'json' };
import summaryData from './data/summary.json' with { type: 'json' };
import zoneGroupsData from './data/zone-groups.json' with { type: 'json' };
import zonesData from './data/zones.json' with { type: 'json' };
import { fail, parsePointer, type Resolve } from './json-text.js';
import type { KnowledgeBase } from './types.js';

/** The data file of each section of the default knowledge base (for error messages). */
const DATA_FILES: Record<string, string> = {
  version: 'meta.json',
  landscapeTypes: 'landscape-types.json',
  zoneGroups: 'zone-groups.json',
  zones: 'zones.json',
  principles: 'principles.json',
  discouraged: 'discouraged.json',
  labels: 'labels.json',
  summaryRules: 'summary.json',
  citations: 'citations.json',
  links: 'meta.json',
};
const DATA_DIR = 'src/core/kb/data/';

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

let defaultKb: KnowledgeBase | undefined;

/**
 * The knowledge base shipped with the library (`src/core/kb/data/*.json`), cross-checked on
 * first use (ids, references, templates, labels) and then memoised. The result is deeply frozen:
 * copy it (or use extendKnowledgeBase) to change it. The JSON schema is not run here: the unit
 * tests prove the shipped data schema-valid, and leaving the validators out keeps them out of
 * every chunk that only needs this data.
 *
 * @throws KnowledgeBaseError when the bundled data is invalid (a bug; the tests check it).
 */
export function defaultKnowledgeBase(): KnowledgeBase {
  if (defaultKb) return defaultKb;
  const value = {
    version: metaData.version,
    landscapeTypes: landscapeTypesData,
    zoneGroups: zoneGroupsData,
    zones: zonesData,
    // The plot-scale principles (perceel/tuin) and the resident labels live in files of their own.
    principles: [...principlesData, ...principlesPerceelData],
    discouraged: discouragedData,
    labels: { ...labelsData, ...labelsBewonerData },
    summaryRules: summaryData,
    citations: citationsData,
  } as unknown as KnowledgeBase;
  const resolve: Resolve = (pointer) => {
    const [section = '', index] = parsePointer(pointer);
    const file =
      section === 'principles' && Number(index) >= principlesData.length
        ? 'principles-perceel.json'
        : (DATA_FILES[section] ?? 'meta.json');
    return {
      file: DATA_DIR + file,
      line: 0,
      column: 0,
      pointer,
      data: value,
    };
  };
  const problems = crossCheck(value);
  if (problems.length > 0) fail(problems, resolve);
  defaultKb = deepFreeze(value);
  return defaultKb;
}
