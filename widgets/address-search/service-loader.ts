/**
 * Loads the Locatieserver client of `<na-address-search>` (./service-module.ts) on first use, once per
 * page.
 */

/** The service module: Locatieserver client, highlight parser, request error class. */
export type Service = typeof import('./service-module.js');

let loading: Promise<Service> | undefined;
let loaded: Service | undefined;

/** The service module, imported on the first call (a chunk of its own). */
export function loadService(): Promise<Service> {
  loading ??= import('./service-module.js').then(
    (service) => (loaded = service),
    (e: unknown) => {
      loading = undefined;
      throw e;
    },
  );
  return loading;
}

/** The service module when loaded, else undefined. */
export function loadedService(): Service | undefined {
  return loaded;
}
