/** The demo sources (Voorbeeldstad), built in the browser from /demo/data/sources.json. */
import type { FactSource } from '../../../src/core/types.js';
import { createSources, parseSourcesConfig } from '../../../src/sources/config.js';

export async function demoSources(url = '/demo/data/sources.json'): Promise<FactSource[]> {
  const base = new URL(url, document.baseURI).href;
  const load = async (u: string): Promise<string> => {
    const res = await fetch(u);
    if (!res.ok) throw new Error(`HTTP ${res.status} for ${u}`);
    return res.text();
  };
  return createSources(parseSourcesConfig(await load(base), 'sources.json'), {
    load,
    baseUrl: base,
  });
}
