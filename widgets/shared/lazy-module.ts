/**
 * A module imported on first use, once per page (a chunk of its own): later calls share the
 * import; a failed import (a chunk that did not load) is tried again on the next call.
 */
export interface LazyModule<T> {
  /** The module, imported on the first call. */
  load(): Promise<T>;
  /** The module when it has been loaded, else undefined (never starts a load). */
  loaded(): T | undefined;
}

/** @param importer - `() => import('./module.js')`, so bundlers still split the module off */
export function lazyModule<T>(importer: () => Promise<T>): LazyModule<T> {
  let loading: Promise<T> | undefined;
  let loaded: T | undefined;
  return {
    load() {
      loading ??= importer().then(
        (module) => (loaded = module),
        (e: unknown) => {
          // A failed chunk load (network) may succeed on the next try.
          loading = undefined;
          throw e;
        },
      );
      return loading;
    },
    loaded: () => loaded,
  };
}
