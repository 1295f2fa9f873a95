/**
 * Fixtures for the knowledge-base tests: a valid knowledge base built from the default data with
 * small, known principles, serialised as text so that tests can find the line of any marker.
 */
import { defaultKnowledgeBase } from '../../../src/core/kb/load.js';
import type { Discouragement, KnowledgeBase, Principle } from '../../../src/core/kb/types.js';
import { KnowledgeBaseError } from '../../../src/core/kb/errors.js';

/** The KnowledgeBaseError that `fn` throws (any other error, or none, fails the test). */
export function errorOf(fn: () => unknown): KnowledgeBaseError {
  try {
    fn();
  } catch (e) {
    if (e instanceof KnowledgeBaseError) return e;
    throw e;
  }
  throw new Error('expected a KnowledgeBaseError');
}

/** A complete, valid principle with the given id. */
export function fixturePrinciple(id: string, overrides: Partial<Principle> = {}): Principle {
  return {
    id,
    title: { nl: `Titel ${id}`, en: `Title ${id}` },
    text: { nl: `Tekst ${id}.`, en: `Text ${id}.` },
    scale: 'wijk/dorp',
    domain: 'water',
    actions: ['infiltreren'],
    conditions: { zone: ['Dz1'] },
    reason: { nl: 'U staat op {zone}.', en: 'You are on {zone}.' },
    source: { ref: 'test fixture', tag: 'S' },
    ...overrides,
  };
}

/** A complete, valid discouraged action with the given id. */
export function fixtureDiscouragement(id: string): Discouragement {
  return {
    id,
    action: 'infiltreren',
    conditions: { gt: { max: 'III' } },
    reason: { nl: 'Het grondwater staat hoog ({gt}).', en: 'The groundwater is high ({gt}).' },
    source: { ref: 'test fixture', tag: 'S' },
  };
}

/** A mutable, valid knowledge base with the default types, zones and labels and fixture rules. */
export function fixtureKb(): KnowledgeBase {
  const kb = structuredClone(defaultKnowledgeBase());
  kb.version = 'test';
  kb.principles = [fixturePrinciple('test-a'), fixturePrinciple('test-b')];
  kb.discouraged = [fixtureDiscouragement('test-niet')];
  // Zones of the default data may list default principles (the floodplain's river principles).
  for (const z of kb.zones) z.principles = [];
  return kb;
}

/** Serialises with the principles first, so that they sit near the top of the text. */
export function toText(kb: unknown): string {
  const { principles, discouraged, ...rest } = kb as Record<string, unknown>;
  return JSON.stringify({ principles, discouraged, ...rest }, null, 2);
}

/** 1-based line and column of the `nth` (0-based) occurrence of `marker` in `text`. */
export function positionOfMarker(
  text: string,
  marker: string,
  nth = 0,
): { line: number; column: number } {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(marker, at + 1);
    if (at < 0) throw new Error(`marker ${marker} #${nth} not in text`);
  }
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  const column = at - (before.lastIndexOf('\n') + 1) + 1;
  return { line, column };
}
