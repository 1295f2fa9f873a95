/**
 * A comparison as plain data, so it can cross to a Worker by structured clone: the scenarios, the
 * polygons of the natural system (the spatial index is rebuilt on the other side), the knowledge
 * base (omitted: the built-in one) and the parameter overrides. Pure: no DOM, no fetch.
 */
import { defaultKnowledgeBase } from '../kb/default.js';
import type { KnowledgeBase } from '../kb/types.js';
import { compareScenarios, compareScenariosInSteps, type CompareResult } from './compare.js';
import { naturalSystem, type NaturalSystem, type SystemPolygon } from './overlay.js';
import type { DeepPartial, ScenarioParams } from './params.js';
import type { Scenario } from './scenario.js';

/** The polygons of each natural-system layer. */
export interface SystemLayers {
  zones: SystemPolygon[];
  soil: SystemPolygon[];
  groundwater: SystemPolygon[];
  seepage: SystemPolygon[];
}

/** One comparison, as plain data. */
export interface CompareJob {
  scenarios: Scenario[];
  system: SystemLayers;
  /** The knowledge base of the fit check; omitted: `defaultKnowledgeBase()`. */
  knowledgeBase?: KnowledgeBase;
  params: DeepPartial<ScenarioParams>;
}

/** The polygons of an indexed natural system. */
export function systemLayersOf(system: NaturalSystem): SystemLayers {
  return {
    zones: system.zones.polygons,
    soil: system.soil.polygons,
    groundwater: system.groundwater.polygons,
    seepage: system.seepage.polygons,
  };
}

/** Runs a comparison job (in a Worker, or anywhere). */
export function runCompareJob(job: CompareJob): CompareResult {
  return compareScenarios(
    job.scenarios,
    naturalSystem(job.system),
    job.knowledgeBase ?? defaultKnowledgeBase(),
    job.params,
  );
}

/** Runs a comparison job in steps, awaiting `pause()` between them (for the main thread). */
export function runCompareJobInSteps(
  job: CompareJob,
  pause: () => Promise<void>,
): Promise<CompareResult> {
  return compareScenariosInSteps(
    job.scenarios,
    naturalSystem(job.system),
    job.knowledgeBase ?? defaultKnowledgeBase(),
    job.params,
    pause,
  );
}
