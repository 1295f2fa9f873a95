/**
 * The fault server of a test file, set up the same way everywhere: started before the file's
 * tests, reset before each test (routes, counters), closed after the file.
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startFaultServer, type FaultServer } from './fault-server.js';

/**
 * Registers the hooks and returns the file's server. Call it at the top level of a test file;
 * the returned object forwards to the server once `beforeAll` has started it.
 */
export function useFaultServer(): FaultServer {
  let current: FaultServer | undefined;
  beforeAll(async () => {
    current = await startFaultServer();
  });
  afterAll(async () => {
    await current?.close();
    current = undefined;
  });
  beforeEach(() => current?.reset());
  return new Proxy({} as FaultServer, {
    get(_target, key) {
      if (current === undefined) throw new Error('The fault server runs only inside tests.');
      const value: unknown = Reflect.get(current, key);
      return typeof value === 'function'
        ? (value as (...a: unknown[]) => unknown).bind(current)
        : value;
    },
  });
}
