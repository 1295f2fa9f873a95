/**
 * Loads the check engine of `<na-location-check>` (./engine.ts) on first use, once per page.
 */

/** The check engine: rule engine, sources, knowledge base, reprojection. */
export type Engine = typeof import('./engine.js');

let loading: Promise<Engine> | undefined;
let loaded: Engine | undefined;

/** The engine, imported on the first call (a chunk of its own); later calls share it. */
export function loadEngine(): Promise<Engine> {
  loading ??= import('./engine.js').then(
    (engine) => (loaded = engine),
    (e: unknown) => {
      // A failed chunk load (network) may succeed on the next try.
      loading = undefined;
      throw e;
    },
  );
  return loading;
}

/** The engine when it has been loaded, else undefined (never starts a load). */
export function loadedEngine(): Engine | undefined {
  return loaded;
}
