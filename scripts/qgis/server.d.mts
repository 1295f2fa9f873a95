/** Types of scripts/qgis/server.mjs (a plain Node script, imported by the integration tests). */

export declare const LAYERS: readonly string[];

export interface StartQgisServerOptions {
  /** Port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
  /** Where the GeoPackages and project are built (default `.cache/qgis`). */
  cacheDir?: string;
  /** Layer name → .qml or .sld file that replaces the default style. */
  styles?: Record<string, string>;
  /** How long to wait for WMS GetCapabilities to answer (default 60000 ms). */
  readyTimeoutMs?: number;
  /** `false`: throw instead of installing a missing QGIS Server. */
  install?: boolean;
}

export interface QgisServer {
  /** Base URL ending in `/`: WMS/WFS at `url`, OGC API Features at `${url}wfs3`. */
  url: string;
  port: number;
  pid: number;
  /** The project file served. */
  project: string;
  timings: { installMs: number; buildMs: number; startMs: number };
  /** The server's recent output (last 200 lines). */
  log(): string;
  /** Stops the server (SIGTERM, SIGKILL after 5 s). */
  stop(): Promise<void>;
}

export declare function startQgisServer(options?: StartQgisServerOptions): Promise<QgisServer>;

export declare function ensureQgisInstalled(): number;

export declare function buildProject(options?: {
  cacheDir?: string;
  styles?: Record<string, string>;
}): { dir: string; project: string; built: boolean; ms: number };
