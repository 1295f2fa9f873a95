/**
 * Loads the engine of `<na-zonering-layer>` (./engine.ts) on first use, once per page.
 */
import { lazyModule } from '../shared/lazy-module.js';

/** The engine: knowledge base, map layer, loaders. */
export type Engine = typeof import('./engine.js');

const engine = lazyModule<Engine>(() => import('./engine.js'));

/** The engine, imported on the first call (a chunk of its own); later calls share it. */
export function loadEngine(): Promise<Engine> {
  return engine.load();
}

/** The engine when it has been loaded, else undefined (never starts a load). */
export function loadedEngine(): Engine | undefined {
  return engine.loaded();
}
