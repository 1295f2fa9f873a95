/**
 * Loads the engine of `<na-zonering-layer>` (./engine.ts) on first use, once per page.
 */
import { lazyModule } from '../shared/lazy-module.js';

/** The engine: knowledge base, map layer, loaders. */
export type Engine = typeof import('./engine.js');

/**
 * The engine, imported on the first `load()` (a chunk of its own; later calls share it);
 * `loaded()` gives it once loaded, else undefined (never starts a load).
 */
export const engineModule = lazyModule<Engine>(() => import('./engine.js'));
