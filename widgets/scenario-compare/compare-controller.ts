/**
 * The comparison of `<na-scenario-compare>` as one `@lit/task`: it runs again when the scenarios,
 * the sources, the knowledge base or the parameters change; a newer run aborts the older one (and
 * its worker), and a stale result is never shown. The natural system is read once for an area and
 * kept while the scenarios stay inside it; the comparison itself runs in a module Worker
 * (compare-runner.ts), on the main thread in steps when there is none.
 */
import { Task, TaskStatus } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { KnowledgeBase } from '../../src/core/kb/types.js';
import type { CompareResult } from '../../src/core/scenario/compare.js';
import type { SystemLayers } from '../../src/core/scenario/compare-job.js';
import { bboxContains, bboxOf, bboxUnion, type BBox } from '../../src/core/bbox.js';
import type { DeepPartial, ScenarioParams } from '../../src/core/scenario/params.js';
import type { Scenario } from '../../src/core/scenario/scenario.js';
import type { MessageLang } from '../../src/core/messages.js';
import type { FactSource } from '../../src/core/types.js';
import { isAbortError } from '../../src/sources/abort.js';
import { createCompareRunner } from './compare-runner.js';
import { naturalSystemModule, resultsSupportModule } from './engine-modules.js';
import { NaScenarioChangeEvent } from './events.js';
import type { LoadedScenario } from './scenarios-controller.js';

/** Margin around the scenarios within which the natural system is read, m. */
const SYSTEM_MARGIN_M = 250;

/** A comparison and the scenarios it belongs to. */
export interface ShownComparison {
  result: CompareResult;
  entries: readonly LoadedScenario[];
  /** The parameters the result was computed with (shown with it while a new one runs). */
  params: ScenarioParams;
  /** The source of an assumption in the interface language (`assumptionSource`). */
  sourceText: (name: string, source: string, lang: MessageLang) => string;
}

/**
 * What the comparison reads from its element, and what it tells it (after an update). A new
 * comparison shown (or none any more) is fired on the element as `na-scenario-change`.
 */
export interface CompareOptions {
  inputs: CompareInputs;
  /** A comparison failed (not aborted). */
  failed(error: unknown): void;
}

/** The inputs of the comparison. */
export type CompareInputs = () => {
  entries: readonly LoadedScenario[];
  sources: readonly FactSource[] | undefined;
  /** The sources file is still loading: wait. */
  sourcesLoading: boolean;
  knowledgeBase: KnowledgeBase | undefined;
  params: DeepPartial<ScenarioParams> | undefined;
};

type Args = [
  readonly LoadedScenario[],
  readonly FactSource[] | undefined,
  boolean,
  KnowledgeBase | undefined,
  DeepPartial<ScenarioParams> | undefined,
];

function scenarioBox(s: Scenario): BBox {
  return s.planningArea
    ? bboxOf(s.planningArea)
    : s.features.length === 0
      ? [0, 0, 0, 0]
      : bboxUnion(s.features.map((f) => bboxOf(f.geometry)));
}

const EMPTY_SYSTEM: SystemLayers = { zones: [], soil: [], groundwater: [], seepage: [] };

/** Runs the comparison for its element. */
export class CompareController implements ReactiveController {
  readonly task: Task<Args, ShownComparison | undefined>;
  private readonly runner = createCompareRunner();
  private system?: { sources: readonly FactSource[]; box: BBox; layers: SystemLayers };
  private readonly options: CompareOptions;
  private announced: ShownComparison | undefined;
  private reported: unknown;
  private paramsCache?: { from: DeepPartial<ScenarioParams> | undefined; value: ScenarioParams };

  constructor(
    private readonly host: ReactiveControllerHost & EventTarget,
    options: CompareOptions,
  ) {
    this.options = options;
    host.addController(this);
    this.task = new Task<Args, ShownComparison | undefined>(host, {
      args: () => {
        const i = options.inputs();
        return [i.entries, i.sources, i.sourcesLoading, i.knowledgeBase, i.params];
      },
      task: (args, { signal }) => this.compare(args, signal),
    });
  }

  /** The parameters in use: `from` (the element's `params`) over the documented defaults (cached). */
  private resolvedParams(
    from: DeepPartial<ScenarioParams> | undefined,
    resolveParams: (partial: DeepPartial<ScenarioParams>) => ScenarioParams,
  ): ScenarioParams {
    const cached = this.paramsCache;
    if (cached && cached.from === from) return cached.value;
    const value = resolveParams(from ?? {});
    this.paramsCache = { from, value };
    return value;
  }

  /** The comparison now shown (the last completed run). */
  get shown(): ShownComparison | undefined {
    return this.task.value;
  }

  /** Whether a comparison is running. */
  get running(): boolean {
    return this.task.status === TaskStatus.PENDING;
  }

  /** Where the comparison runs: `worker`, `main` (the fallback) or `pending` (not known yet). */
  get mode(): string {
    return this.runner.mode;
  }

  hostConnected(): void {
    // A run aborted by the removal runs again.
    if (this.task.status === TaskStatus.ERROR && isAbortError(this.task.error))
      void this.task.run();
  }

  hostDisconnected(): void {
    this.task.abort(new DOMException('The element was removed.', 'AbortError'));
    this.runner.dispose();
  }

  /** Side effects after the element updated: a new comparison, or a failed one. */
  hostUpdated(): void {
    const { error } = this.task;
    if (error !== undefined && error !== this.reported) {
      this.reported = error;
      if (!isAbortError(error)) this.options.failed(error);
    }
    if (this.running) return;
    const shown = this.options.inputs().entries.length > 0 ? this.task.value : undefined;
    if (shown === this.announced) return;
    this.announced = shown;
    this.host.dispatchEvent(
      new NaScenarioChangeEvent({
        names: shown ? shown.entries.map((e) => e.name) : [],
        ranking: shown ? [...shown.result.ranking] : [],
      }),
    );
  }

  private async compare(
    [entries, sources, sourcesLoading, knowledgeBase, params]: Args,
    signal: AbortSignal,
  ): Promise<ShownComparison | undefined> {
    // While the sources file loads, the last comparison stays; this runs again when it is loaded.
    if (sourcesLoading) return this.task.value;
    if (entries.length === 0) return undefined;
    // The documented defaults with their sources and the texts of the assumptions' sources are
    // imported with the first comparison.
    const { resolveParams, assumptionSource } = await resultsSupportModule.load();
    signal.throwIfAborted();
    const resolved = this.resolvedParams(params, resolveParams);
    const system = await this.systemFor(entries, sources, signal);
    signal.throwIfAborted();
    const result = await this.runner.run(
      {
        scenarios: entries.map((e) => e.scenario),
        system,
        ...(knowledgeBase ? { knowledgeBase } : {}),
        params: params ?? {},
      },
      signal,
    );
    return { result, entries, params: resolved, sourceText: assumptionSource };
  }

  private async systemFor(
    entries: readonly LoadedScenario[],
    sources: readonly FactSource[] | undefined,
    signal: AbortSignal,
  ): Promise<SystemLayers> {
    if (!sources || sources.length === 0) return EMPTY_SYSTEM;
    if (entries.length === 0) return EMPTY_SYSTEM;
    const box = bboxUnion(entries.map((e) => scenarioBox(e.scenario)));
    const cached = this.system;
    if (cached && cached.sources === sources && bboxContains(cached.box, box)) return cached.layers;
    const wide: BBox = [
      box[0] - SYSTEM_MARGIN_M,
      box[1] - SYSTEM_MARGIN_M,
      box[2] + SYSTEM_MARGIN_M,
      box[3] + SYSTEM_MARGIN_M,
    ];
    const { systemPolygonsFromSources } = await naturalSystemModule.load();
    signal.throwIfAborted();
    const { zones, soil, groundwater, seepage } = await systemPolygonsFromSources(sources, {
      signal,
      bbox: wide,
    });
    const layers = { zones, soil, groundwater, seepage };
    this.system = { sources, box: wide, layers };
    return layers;
  }
}
