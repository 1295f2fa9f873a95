/**
 * Loads the engine of `<na-kansenkaart-layer>` (./engine.ts) on first use, once per page (shared
 * with `<na-kansenkaart-legend>`).
 */
import { lazyModule } from '../shared/lazy-module.js';

/** The engine: knowledge base, map layers, the export's loader. */
export type Engine = typeof import('./engine.js');

/**
 * The engine, imported on the first `load()` (a chunk of its own; later calls share it);
 * `loaded()` gives it once loaded, else undefined (never starts a load).
 */
export const engineModule = lazyModule<Engine>(() => import('./engine.js'));
