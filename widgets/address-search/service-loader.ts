/**
 * Loads the Locatieserver client of `<na-address-search>` (./service-module.ts) on first use, once per
 * page.
 */
import { lazyModule } from '../shared/lazy-module.js';

/** The service module: Locatieserver client, highlight parser, request error class. */
export type Service = typeof import('./service-module.js');

/**
 * The service module, imported on the first `load()` (a chunk of its own); `loaded()` gives it
 * once loaded, else undefined.
 */
export const serviceModule = lazyModule<Service>(() => import('./service-module.js'));
