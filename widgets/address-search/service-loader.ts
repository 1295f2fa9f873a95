/**
 * Loads the Locatieserver client of `<na-address-search>` (./service-module.ts) on first use, once per
 * page.
 */
import { lazyModule } from '../shared/lazy-module.js';

/** The service module: Locatieserver client, highlight parser, request error class. */
export type Service = typeof import('./service-module.js');

const service = lazyModule<Service>(() => import('./service-module.js'));

/** The service module, imported on the first call (a chunk of its own). */
export function loadService(): Promise<Service> {
  return service.load();
}

/** The service module when loaded, else undefined. */
export function loadedService(): Service | undefined {
  return service.loaded();
}
