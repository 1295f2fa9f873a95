/**
 * A location-check report as GeoJSON (RFC 7946, lon/lat): one Point feature whose flat attributes
 * QGIS and other GIS tools open as a table (lists joined with `;`). The full report stays in the
 * JSON export; this is for maps and spreadsheets.
 */
import type { LocalizedReport } from './localize.js';

export interface ReportFeatureCollection {
  type: 'FeatureCollection';
  name: string;
  features: Array<{
    type: 'Feature';
    geometry: { type: 'Point'; coordinates: [number, number] } | null;
    properties: Record<string, string | number | boolean | null>;
  }>;
}

/**
 * Converts localized reports to one GeoJSON FeatureCollection (one point per report).
 * @param reports reports with a location (lon/lat are taken from `location.lon`/`location.lat`)
 * @param ids optional ids per report (e.g. from a CSV), else 1, 2, …
 */
export function reportsToGeoJson(
  reports: readonly LocalizedReport[],
  ids: readonly string[] = [],
): ReportFeatureCollection {
  return {
    type: 'FeatureCollection',
    name: 'natuurlijke-alliantie-locatiecheck',
    features: reports.map((r, i) => {
      const fact = (name: string) => {
        const f = r.facts.find((x) => x.name === name && x.status === 'ok');
        return f?.value ?? null;
      };
      const lon = r.location?.lon;
      const lat = r.location?.lat;
      return {
        type: 'Feature' as const,
        geometry:
          lon !== undefined && lat !== undefined
            ? { type: 'Point' as const, coordinates: [lon, lat] as [number, number] }
            : null,
        properties: {
          id: ids[i] ?? String(i + 1),
          rd_x: r.location?.rdX ?? null,
          rd_y: r.location?.rdY ?? null,
          landscape_type: r.derived.landscapeType ?? null,
          landscape_type_name: r.landscape.type?.name ?? null,
          zone: r.landscape.zone?.code ?? null,
          zone_name: r.landscape.zone?.name ?? null,
          soil_code: fact('soilCode'),
          texture: r.derived.texture ?? null,
          texture_from: r.derived.textureFrom ?? null,
          gt: fact('gt'),
          hsg: r.derived.hydrologicSoilGroup ?? null,
          elevation_m: fact('elevation'),
          position: r.derived.position ?? null,
          seepage: r.derived.seepage ?? null,
          water_model: r.derived.waterModel ?? null,
          principles: r.principles.map((p) => p.id).join(';'),
          principle_titles: r.principles.map((p) => p.title).join('; '),
          discouraged: r.discouraged.map((d) => d.action).join(';'),
          missing_facts: r.missing.flatMap((m) => (m.kind === 'fact' ? [m.fact] : [])).join(';'),
          sources_failed: r.sources
            .filter((s) => s.status === 'error')
            .map((s) => s.id)
            .join(';'),
          conflicts: r.conflicts.length,
          illustrative: r.illustrative,
          lang: r.lang,
        },
      };
    }),
  };
}
