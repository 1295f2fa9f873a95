/**
 * The Locatieserver as `<na-address-search>` uses it: one client per base URL, and its answers as
 * the plain data the element shows (suggestions in text segments, the chosen place in RD and
 * WGS 84, the nearest address). No state of the element here. The client module (requests,
 * reprojection, proj4) loads on the first request (./service-loader.ts), not with the element.
 */
import type { Location, LocalizedText } from '../../src/core/types.js';
import type { LocatieserverClient } from '../../src/sources/locatieserver.js';
import { serviceModule } from './service-loader.js';
import type { AddressSelectDetail } from './events.js';
import type { AddressSuggestion, NearestAddress } from './templates.js';

/** The Locatieserver at a base URL (`undefined`: PDOK's v3_1), relative URLs against the page. */
export class AddressService {
  private _client?: { url: string; client: LocatieserverClient };

  constructor(private readonly baseUrl: () => string | undefined) {}

  /** Forgets the client (the base URL changed). */
  reset(): void {
    this._client = undefined;
  }

  private async _get(): Promise<LocatieserverClient> {
    const { createLocatieserverClient, DEFAULT_LOCATIESERVER_URL } = await serviceModule.load();
    const url = new URL(this.baseUrl() ?? DEFAULT_LOCATIESERVER_URL, document.baseURI).href;
    if (this._client?.url !== url) {
      this._client = { url, client: createLocatieserverClient({ baseUrl: url }) };
    }
    return this._client.client;
  }

  /** Suggestions for `q` (at most `rows`), the matched words as `mark` segments. */
  async suggest(q: string, rows: number, signal: AbortSignal): Promise<AddressSuggestion[]> {
    const client = await this._get();
    signal.throwIfAborted();
    const { parseHighlight } = await serviceModule.load();
    const result = await client.suggest(q, { signal, rows });
    signal.throwIfAborted();
    return result.map((s) => ({
      id: s.id,
      label: s.label,
      type: s.type,
      segments:
        s.highlight !== undefined ? parseHighlight(s.highlight) : [{ text: s.label, mark: false }],
    }));
  }

  /** The chosen object as the `na-address-select` detail, or undefined when it is not found. */
  async lookup(id: string, signal: AbortSignal): Promise<AddressSelectDetail | undefined> {
    const client = await this._get();
    signal.throwIfAborted();
    const doc = await client.lookup(id, { signal });
    signal.throwIfAborted();
    if (!doc) return undefined;
    return {
      id: doc.id,
      label: doc.label,
      type: doc.type,
      location: { x: doc.rd.x, y: doc.rd.y, crs: 'EPSG:28992' },
      lon: doc.lonLat.lon,
      lat: doc.lonLat.lat,
    };
  }

  /** The nearest address of a point (any supported CRS), or null when there is none nearby. */
  async nearest(location: Location, signal?: AbortSignal): Promise<NearestAddress | null> {
    const client = await this._get();
    signal?.throwIfAborted();
    const docs = await client.reverse(location, { rows: 1, ...(signal ? { signal } : {}) });
    const doc = docs[0];
    if (!doc) return null;
    return {
      id: doc.id,
      label: doc.label,
      type: doc.type,
      ...(doc.distance !== undefined ? { distance: doc.distance } : {}),
    };
  }
}

/** The service's own message of a failed request, when it gave one. */
export function serviceMessage(e: unknown): { service?: LocalizedText } {
  // The error class comes from the client module; a request failed only after it loaded.
  const SourceRequestError = serviceModule.loaded()?.SourceRequestError;
  return SourceRequestError !== undefined && e instanceof SourceRequestError
    ? { service: e.userMessage }
    : {};
}
