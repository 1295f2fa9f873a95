/**
 * What the ground under a piece of a scenario allows, judged by the location check itself: the
 * core `assess()` on the piece's facts (zone, soil code, Gt, seepage). The scenario comparer and the
 * location check therefore share one wetness model (the same code, not a copy): a scenario's
 * "infiltration works" is exactly the location check's "infiltreren is not discouraged" at that
 * point, and the fit of every measure uses the same report.
 */
import { assess } from '../assess.js';
import { gtInfo } from '../groundwater.js';
import type { KnowledgeBase } from '../kb/types.js';
import type { Report } from '../report.js';
import type { Fact, HydrologicSoilGroup, Texture } from '../types.js';

/** The facts of one piece of ground (any may be unknown). */
export interface GroundFacts {
  zone?: string;
  soilCode?: string;
  gt?: string;
  seepage?: string;
}

/** The judgement of one piece of ground. */
export interface Ground {
  report: Report;
  /** Texture from the soil map (not the zone's typical texture). */
  texture?: Texture;
  /** Hydrologic soil group from the soil map and the Gt; undefined where the soil map has no data. */
  hsg?: HydrologicSoilGroup;
  /**
   * Whether infiltration works: false where the location check discourages `infiltreren`; true where
   * it does not and the texture (soil map or zone) and the Gt are known; undefined otherwise.
   */
  infiltrationWorks?: boolean;
  /** Representative GHG / GLG, m below the surface (midpoint of the class range); undefined when unknown. */
  ghgM?: number;
  glgM?: number;
  /** Zone position (`low` marks stream valleys and depressions) and seepage, as the report derives them. */
  position?: string;
  seepage?: string;
}

const PROVENANCE = { sourceId: 'natural-system', title: 'Natuurlijk systeem' };

/** The facts as the location check receives them. */
export function groundFactList(g: GroundFacts): Fact[] {
  const facts: Fact[] = [];
  for (const name of ['zone', 'soilCode', 'gt', 'seepage'] as const) {
    const value = g[name];
    if (value !== undefined && value !== '')
      facts.push({ name, status: 'ok', value, provenance: PROVENANCE } as Fact);
  }
  return facts;
}

/** Midpoint of a depth range in cm (open ends: the known end), in m; undefined when both are open. */
function midM(r: { min: number | null; max: number | null } | undefined): number | undefined {
  if (!r) return undefined;
  if (r.min !== null && r.max !== null) return (r.min + r.max) / 200;
  if (r.min !== null) return r.min / 100;
  if (r.max !== null) return r.max / 200;
  return undefined;
}

/** Judges pieces of ground with the location check, cached by fact tuple. */
export class GroundJudge {
  private readonly cache = new Map<string, Ground>();
  constructor(private readonly kb: KnowledgeBase) {}

  judge(g: GroundFacts): Ground {
    const key = `${g.zone ?? ''}|${g.soilCode ?? ''}|${g.gt ?? ''}|${g.seepage ?? ''}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const report = assess(groundFactList(g), this.kb);
    const d = report.derived;
    const discouraged = report.discouraged.some((x) => x.action === 'infiltreren');
    let infiltrationWorks: boolean | undefined;
    if (discouraged) infiltrationWorks = false;
    else if (d.texture !== undefined && d.gtMain !== undefined) infiltrationWorks = true;
    let ghgM = midM(d.ghg);
    if (ghgM === undefined && g.gt !== undefined) {
      try {
        ghgM = midM(gtInfo(g.gt).ghgTypical);
      } catch (e) {
        if (!(e instanceof Error)) throw e; // an unknown Gt code: the GHG stays unknown
      }
    }
    const glgM = midM(d.glg);
    const fromSoil = d.textureFrom === 'soil';
    const ground: Ground = {
      report,
      ...(fromSoil && d.texture ? { texture: d.texture } : {}),
      ...(fromSoil && d.hydrologicSoilGroup ? { hsg: d.hydrologicSoilGroup } : {}),
      ...(infiltrationWorks !== undefined ? { infiltrationWorks } : {}),
      ...(ghgM !== undefined ? { ghgM } : {}),
      ...(glgM !== undefined ? { glgM } : {}),
      ...(d.position ? { position: d.position } : {}),
      ...(d.seepage ? { seepage: d.seepage } : {}),
    };
    this.cache.set(key, ground);
    return ground;
  }
}
