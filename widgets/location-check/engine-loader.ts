/**
 * Loads the check engine of `<na-location-check>` (./engine.ts) on first use, once per page.
 */
import { lazyModule } from '../shared/lazy-module.js';

/** The check engine: rule engine, sources, knowledge base, reprojection. */
export type Engine = typeof import('./engine.js');

/**
 * The engine, imported on the first `load()` (a chunk of its own; later calls share it);
 * `loaded()` gives it once loaded, else undefined (never starts a load).
 */
export const engineModule = lazyModule<Engine>(() => import('./engine.js'));
