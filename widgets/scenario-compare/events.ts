/**
 * Events of `<na-scenario-compare>`. Each is a typed `CustomEvent` subclass that bubbles, crosses
 * shadow roots (`composed`) and carries plain data only (it survives `structuredClone`).
 */

/** Detail of {@link NaScenarioChangeEvent}. */
export interface ScenarioChangeDetail {
  /** Names of the loaded scenarios, in the order they were loaded. */
  names: string[];
  /** The same names, most robust first (empty when nothing is compared). */
  ranking: string[];
}

/** Fired after every new comparison (a scenario was added or removed, or the inputs changed). */
export class NaScenarioChangeEvent extends CustomEvent<ScenarioChangeDetail> {
  static readonly eventName = 'na-scenario-change';
  constructor(detail: ScenarioChangeDetail) {
    super(NaScenarioChangeEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

/**
 * Stable codes of {@link NaScenarioErrorEvent}: the codes of `ScenarioError`
 * (`invalid-scenario`, `invalid-geometry`, `unknown-measure-type`, `outside-planning-area`),
 * `invalid-json` (with line and column), `load-failed` (network or file), `sources-failed` (the
 * sources file) and `compare-failed`.
 */
export type ScenarioErrorCode =
  | 'invalid-scenario'
  | 'invalid-geometry'
  | 'unknown-measure-type'
  | 'outside-planning-area'
  | 'invalid-json'
  | 'load-failed'
  | 'sources-failed'
  | 'compare-failed'
  | (string & {});

/** Detail of {@link NaScenarioErrorEvent}. */
export interface ScenarioErrorDetail {
  code: ScenarioErrorCode;
  /** What went wrong, in English (the panel shows the same message). */
  message: string;
  /** File name or URL, when the error is about one. */
  file?: string;
}

/** Fired when a scenario, the sources or the comparison fails. Loaded scenarios stay. */
export class NaScenarioErrorEvent extends CustomEvent<ScenarioErrorDetail> {
  static readonly eventName = 'na-scenario-error';
  constructor(detail: ScenarioErrorDetail) {
    super(NaScenarioErrorEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'na-scenario-change': NaScenarioChangeEvent;
    'na-scenario-error': NaScenarioErrorEvent;
  }
}
