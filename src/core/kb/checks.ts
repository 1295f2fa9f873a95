/**
 * Cross-reference checks of the knowledge base: what a schema cannot express (ids, codes, ranges,
 * templates, labels and their ICU syntax), and the vocabularies they check against. Internal to
 * the knowledge-base loader; every problem is a RawIssue at a JSON pointer. The JSON schema part
 * is `./schema-checks.ts`, kept apart so that the default knowledge base (`./default.ts`), which
 * needs only these checks, does not carry the precompiled validators into the engine chunks.
 */
import { icuProblem, messageArguments } from '../messages.js';
import { invalidMessageText, schemaText } from '../schema-messages.js';
import {
  ACTIONS,
  CONFIDENCE_LEVELS,
  DOMAINS,
  FACT_NAMES,
  HYDROLOGIC_SOIL_GROUPS,
  LANDSCAPE_TYPES,
  POSITIONS,
  SCALES,
  SEEPAGE,
  TEXTURES,
  WATER_MODELS,
  type NoDataReason,
} from '../types.js';
import type { RawIssue } from './json-text.js';
import { toPointer } from './json-text.js';
import type { Conditions, KnowledgeBase, KnowledgeBaseExtension } from './types.js';

/** Placeholders allowed in reason templates (filled with the location's facts). */
export const REASON_PLACEHOLDERS = [
  'zone',
  'landscapeType',
  'texture',
  'gt',
  'seepage',
  'position',
  'heat',
  'flood',
  'elevation',
  'soilCode',
  'ghg',
  'groundwater',
  'infiltration',
  'infiltrationReason',
  'soilLayer',
  'landUse',
  'waterQuality',
] as const;

/** Main groundwater classes, wettest first. */
export const GT_MAIN_CLASSES = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII'] as const;

/** Every reason why a fact can have no value (mirrors the NoDataReason type). */
export const NO_DATA_REASONS = [
  'outside-coverage',
  'built-up-not-mapped',
  'water-not-mapped',
  'no-feature',
  'no-value',
  'not-configured',
  'source-error',
] as const satisfies readonly NoDataReason[];
// Compile-time check that the list above names every NoDataReason.
type MissingReason = Exclude<NoDataReason, (typeof NO_DATA_REASONS)[number]>;
const _allReasons: [MissingReason] extends [never] ? true : MissingReason = true;
void _allReasons;

/**
 * The label keys a knowledge base must have: one per value of each vocabulary, as
 * `<vocabulary>.<value>` (e.g. `action.infiltreren`, `reason.outside-coverage`, `fact.gt`).
 */
export function requiredLabelKeys(): string[] {
  const groups: Array<[string, readonly string[]]> = [
    ['action', ACTIONS],
    ['texture', TEXTURES],
    ['position', POSITIONS],
    ['seepage', SEEPAGE],
    ['scale', SCALES],
    ['domain', DOMAINS],
    ['waterModel', WATER_MODELS],
    ['hsg', HYDROLOGIC_SOIL_GROUPS],
    ['reason', NO_DATA_REASONS],
    ['fact', FACT_NAMES],
    ['confidence', CONFIDENCE_LEVELS],
  ];
  return groups.flatMap(([vocab, values]) => values.map((v) => `${vocab}.${v}`));
}

function listOf(items: readonly string[]): string {
  return items.length > 12 ? `${items.slice(0, 12).join(', ')}, …` : items.join(', ');
}

/**
 * Cross-reference checks of a schema-valid knowledge base: duplicate ids and codes, unknown
 * zone groups, principle ids, zone codes and landscape types, groundwater classes and ranges,
 * reason placeholders, and the labels of every vocabulary value.
 */
export function crossCheck(kb: KnowledgeBase): RawIssue[] {
  const issues: RawIssue[] = [];
  const add = (pointer: string, code: RawIssue['code'], message: string): void => {
    issues.push({ pointer, code, message });
  };

  const unique = <T>(section: string, items: readonly T[], key: (t: T) => string, what: string) => {
    const first = new Map<string, number>();
    items.forEach((item, i) => {
      const k = key(item);
      const prev = first.get(k);
      if (prev !== undefined) {
        add(
          toPointer([section, i, what]),
          'duplicate-id',
          `duplicate ${what} "${k}" (already used by ${section}[${prev}])`,
        );
      } else first.set(k, i);
    });
  };
  unique('landscapeTypes', kb.landscapeTypes, (t) => t.id, 'id');
  unique('zoneGroups', kb.zoneGroups, (g) => g.id, 'id');
  unique('zones', kb.zones, (z) => z.code, 'code');

  // Principles and discouraged actions share one id space (the `disable` list names both).
  const ruleIds = new Map<string, string>();
  for (const section of ['principles', 'discouraged'] as const) {
    kb[section].forEach((entry, i) => {
      const prev = ruleIds.get(entry.id);
      if (prev !== undefined) {
        add(
          toPointer([section, i, 'id']),
          'duplicate-id',
          `duplicate id "${entry.id}" (already used by ${prev})`,
        );
      } else ruleIds.set(entry.id, `${section}[${i}]`);
    });
  }

  const typeIds = new Set<string>(kb.landscapeTypes.map((t) => t.id));
  for (const id of LANDSCAPE_TYPES) {
    if (!typeIds.has(id)) {
      add('/landscapeTypes', 'missing-landscape-type', `landscape type "${id}" is missing`);
    }
  }
  const groupIds = new Set(kb.zoneGroups.map((g) => g.id));
  const principleIds = new Set(kb.principles.map((p) => p.id));
  const zoneCodes = new Set(kb.zones.map((z) => z.code));

  kb.zones.forEach((z, i) => {
    if (!groupIds.has(z.group)) {
      add(
        toPointer(['zones', i, 'group']),
        'unknown-group',
        `"${z.group}" is not a zone group id; known: ${listOf([...groupIds])}`,
      );
    }
    if (z.landscapeType !== null && !typeIds.has(z.landscapeType)) {
      add(
        toPointer(['zones', i, 'landscapeType']),
        'unknown-landscape-type',
        `landscape type "${z.landscapeType}" is not in landscapeTypes`,
      );
    }
    z.principles.forEach((p, j) => {
      if (!principleIds.has(p)) {
        add(
          toPointer(['zones', i, 'principles', j]),
          'unknown-principle',
          `principle id "${p}" is not in principles`,
        );
      }
    });
  });

  const checkRange = (pointer: string, r: { min?: number; max?: number } | undefined) => {
    if (r?.min !== undefined && r.max !== undefined && r.min > r.max) {
      add(pointer, 'invalid-range', `min (${r.min}) is greater than max (${r.max})`);
    }
  };
  const checkConditions = (c: Conditions, path: Array<string | number>): void => {
    c.zone?.forEach((code, j) => {
      if (!zoneCodes.has(code)) {
        add(
          toPointer([...path, 'zone', j]),
          'unknown-zone',
          `zone code "${code}" is not in zones (BKNSN codes such as Dz1, Sw4v)`,
        );
      }
    });
    c.landscapeType?.forEach((t, j) => {
      if (!typeIds.has(t)) {
        add(
          toPointer([...path, 'landscapeType', j]),
          'unknown-landscape-type',
          `landscape type "${t}" is not in landscapeTypes`,
        );
      }
    });
    if (c.gt) {
      const index: Partial<Record<'min' | 'max', number>> = {};
      for (const k of ['min', 'max'] as const) {
        const v = c.gt[k];
        if (v === undefined) continue;
        const n = (GT_MAIN_CLASSES as readonly string[]).indexOf(v);
        if (n < 0) {
          add(
            toPointer([...path, 'gt', k]),
            'invalid-gt',
            `"${v}" is not a main groundwater class; use one of ${GT_MAIN_CLASSES.join(', ')}`,
          );
        } else index[k] = n;
      }
      if (index.min !== undefined && index.max !== undefined && index.min > index.max) {
        add(
          toPointer([...path, 'gt']),
          'invalid-range',
          `min (${c.gt.min}) is drier than max (${c.gt.max}); classes run from I (wet) to VIII (dry)`,
        );
      }
    }
    checkRange(toPointer([...path, 'heat']), c.heat);
    checkRange(toPointer([...path, 'flood']), c.flood);
    checkRange(toPointer([...path, 'elevation']), c.elevation);
    c.anyOf?.forEach((sub, j) => checkConditions(sub, [...path, 'anyOf', j]));
  };

  const allowed = new Set<string>(REASON_PLACEHOLDERS);
  // Reason templates and summary texts are ICU messages (formatted by `formatReason` in
  // `src/core/conditions.ts`): one that does not parse, or names a fact there is none of, is
  // reported here with its file and line.
  const checkTemplate = (text: string, path: Array<string | number>): void => {
    const pointer = toPointer(path);
    const problem = icuProblem(text);
    if (problem !== undefined) {
      add(pointer, 'invalid-template', invalidMessageText(problem));
      return;
    }
    for (const name of messageArguments(text)?.keys() ?? []) {
      if (!allowed.has(name)) {
        add(
          pointer,
          'unknown-placeholder',
          schemaText('unknownPlaceholder', {
            name: `{${name}}`,
            allowed: REASON_PLACEHOLDERS.map((p) => `{${p}}`).join(', '),
          }),
        );
      }
    }
  };

  for (const section of ['principles', 'discouraged'] as const) {
    kb[section].forEach((entry, i) => {
      checkConditions(entry.conditions, [section, i, 'conditions']);
      for (const [lang, text] of Object.entries(entry.reason)) {
        checkTemplate(text, [section, i, 'reason', lang]);
      }
    });
  }

  unique('summaryRules', kb.summaryRules ?? [], (r) => r.id, 'id');
  (kb.summaryRules ?? []).forEach((rule, i) => {
    checkConditions(rule.conditions, ['summaryRules', i, 'conditions']);
    for (const field of ['text', 'reason'] as const) {
      for (const [lang, text] of Object.entries(rule[field])) {
        checkTemplate(text, ['summaryRules', i, field, lang]);
      }
    }
  });
  unique('citations', kb.citations ?? [], (c) => c.id, 'id');
  const refOwner = new Map<string, string>();
  (kb.citations ?? []).forEach((c, i) => {
    c.refs.forEach((ref, j) => {
      const prev = refOwner.get(ref);
      if (prev !== undefined) {
        add(
          toPointer(['citations', i, 'refs', j]),
          'duplicate-item',
          `reference prefix "${ref}" is already used by citation "${prev}"`,
        );
      } else refOwner.set(ref, c.id);
    });
  });
  unique('links', kb.links ?? [], (l) => l.id, 'id');
  (kb.links ?? []).forEach((link, i) => {
    link.principles?.forEach((id, j) => {
      if (!principleIds.has(id)) {
        add(
          toPointer(['links', i, 'principles', j]),
          'unknown-principle',
          `principle id "${id}" is not in principles`,
        );
      }
    });
    if (!link.principles && !link.actions) {
      add(
        toPointer(['links', i]),
        'missing-field',
        'a link needs "principles" or "actions" to say which advice it belongs to',
      );
    }
  });

  // Labels are ICU messages (formatted by `src/core/messages.ts`): one that does not parse is
  // reported here, where its file and line are known, rather than shown wrongly at render time.
  for (const [key, texts] of Object.entries(kb.labels)) {
    for (const [lang, text] of Object.entries(texts)) {
      const problem = typeof text === 'string' ? icuProblem(text) : undefined;
      if (problem === undefined) continue;
      add(toPointer(['labels', key, lang]), 'invalid-label', invalidMessageText(problem));
    }
  }

  for (const key of requiredLabelKeys()) {
    if (!(key in kb.labels)) {
      add(toPointer(['labels', key]), 'missing-label', `label "${key}" is missing`);
    }
  }
  return issues;
}

/** Checks within an extension file: an id or code may occur only once per list. */
export function extensionIssues(ext: KnowledgeBaseExtension): RawIssue[] {
  const issues: RawIssue[] = [];
  const lists: Array<[string, ReadonlyArray<Record<string, unknown>> | undefined, string]> = [
    ['landscapeTypes', ext.landscapeTypes, 'id'],
    ['zones', ext.zones, 'code'],
    ['principles', ext.principles, 'id'],
    ['discouraged', ext.discouraged, 'id'],
  ];
  for (const [section, items, key] of lists) {
    const first = new Map<unknown, number>();
    items?.forEach((item, i) => {
      const k = item[key];
      const prev = first.get(k);
      if (prev !== undefined) {
        issues.push({
          pointer: toPointer([section, i, key]),
          code: 'duplicate-id',
          message: `${key} "${String(k)}" occurs twice in this file (also ${section}[${prev}])`,
        });
      } else first.set(k, i);
    });
  }
  return issues;
}
