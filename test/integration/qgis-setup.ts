/**
 * Global setup of the integration suite: starts QGIS Server (installing it first when missing) and
 * provides its URL as `inject('qgisUrl')`; the returned teardown stops it.
 * An install or start failure throws: the suite fails with that message, it is never skipped.
 */
import type { TestProject } from 'vitest/node';
import { startQgisServer } from '../../scripts/qgis/server.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the QGIS Server, ending in `/` (OGC API Features under `${qgisUrl}wfs3`). */
    qgisUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startQgisServer({ port: 0 });
  const { installMs, buildMs, startMs } = server.timings;
  console.log(
    `[qgis] ${server.url} (install ${installMs} ms, build ${buildMs} ms, start ${startMs} ms)`,
  );
  project.provide('qgisUrl', server.url);
  return async () => {
    await server.stop();
  };
}
