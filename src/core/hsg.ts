/**
 * Hydrologic soil group (NRCS A–D, as used by TR-55 curve numbers) from the Dutch texture group,
 * the cover layer and the groundwater class.
 *
 * The mapping is a synthesis (BRIEF §4 **[S]**), not a verified table: a municipality can
 * override every number through `HSG_PARAMS` / the `params` option. The groups follow the NRCS
 * limits on saturated conductivity (NEH 630 ch. 7, 2009 [V]): A > 36 mm/h, B 14.5–36, C 1.5–14.5,
 * D < 1.5.
 *
 * Pure: no DOM, no network.
 */
import { gtInfo, isShallowGroundwater } from './groundwater.js';
import type { SoilDerivation } from './soil.js';
import { HYDROLOGIC_SOIL_GROUPS, type HydrologicSoilGroup, type Texture } from './types.js';

/** Parameters of the rules. Each rule's source tag is in its TSDoc. */
export interface HsgParams {
  /**
   * Group per texture group. [S] BRIEF §4: zand = A, zavel/leem = C, klei/veen = D (Bot 2011:
   * fine sand 1–10 m/d ≈ 40–420 mm/h; light zavel 0.5 m/d ≈ 21 mm/h; leem 0.05 m/d ≈ 2 mm/h;
   * clay and peat ≤ 0.1 m/d).
   */
  byTexture: Readonly<Record<Texture, HydrologicSoilGroup>>;
  /** Group of loamy sand (lemig zand, 10–50 % leem). [S] BRIEF §4: B. */
  loamySand: HydrologicSoilGroup;
  /**
   * Least group when a cover layer of this texture lies on the soil. [S] A clay/zavel (or loam)
   * cover of 15–40 cm on sand limits infiltration: at least C.
   */
  coverMinimum: Readonly<Partial<Record<Texture, HydrologicSoilGroup>>>;
  /** Main Gt classes in which peat counts as saturated. [S] BRIEF §4: veen with Gt I–II → D. */
  wetPeatMains: readonly string[];
  /** Group of wet peat. [S] BRIEF §4: D. */
  wetPeatGroup: HydrologicSoilGroup;
  /**
   * GHG limit in cm below the surface for shallow groundwater; null switches the rule off.
   * [S] BRIEF §4/§7: a GHG shallower than 25–40 cm leaves no room to infiltrate; the NRCS gives
   * such soils a dual group (A/D, B/D, C/D) whose second letter holds while undrained. Default 40,
   * the limit of BRIEF §7 (Gt I–III).
   */
  shallowGhgCm: number | null;
  /** Group with shallow groundwater (the undrained half of a dual group). [S] NRCS: D. */
  shallowGroundwaterGroup: HydrologicSoilGroup;
}

/** The default parameters (all [S], BRIEF §4). */
export const HSG_PARAMS: Readonly<HsgParams> = Object.freeze({
  byTexture: Object.freeze({ zand: 'A', zavel: 'C', klei: 'D', leem: 'C', veen: 'D' }),
  loamySand: 'B',
  coverMinimum: Object.freeze({ klei: 'C', zavel: 'C', leem: 'C' }),
  wetPeatMains: Object.freeze(['I', 'II']),
  wetPeatGroup: 'D',
  shallowGhgCm: 40,
  shallowGroundwaterGroup: 'D',
} satisfies HsgParams);

/** Ids of the rules that can decide the group. */
export type HsgRule = 'texture' | 'loamy-sand' | 'cover' | 'wet-peat' | 'shallow-groundwater';

export interface HsgResult {
  group: HydrologicSoilGroup;
  /** Short English explanation of the rules that applied, with their source tags. */
  basis: string;
  /** The rules whose condition held, in the order they were applied. */
  rules: HsgRule[];
}

export interface HsgOptions {
  /** Sand is loamy (lemig zand): group B instead of A. Only for texture `zand`. */
  loamySand?: boolean;
  /** Overrides of the default parameters. */
  params?: Partial<HsgParams>;
}

function worse(a: HydrologicSoilGroup, b: HydrologicSoilGroup): HydrologicSoilGroup {
  return HYDROLOGIC_SOIL_GROUPS.indexOf(a) >= HYDROLOGIC_SOIL_GROUPS.indexOf(b) ? a : b;
}

/**
 * Hydrologic soil group of a soil. Rules, each only able to make the group worse (A → D):
 *
 * 1. texture [S] BRIEF §4: zand A, lemig zand B (`options.loamySand`), zavel/leem C, klei/veen D;
 * 2. cover [S]: a klei/zavel/leem cover → at least C (a clay cover on sand → C);
 * 3. wet peat [S] BRIEF §4: veen with Gt I or II → D (it is saturated);
 * 4. shallow groundwater [S] BRIEF §4/§7, NRCS dual groups: GHG above 40 cm
 *    (`isShallowGroundwater`) → D, the undrained half of A/D, B/D, C/D.
 *
 * @param texture texture group of the profile.
 * @param gt groundwater class (`VIId`, `II` …), or null/undefined when unknown.
 * @param cover texture of a cover layer, or null/undefined.
 * @param options `loamySand`, and `params` to override `HSG_PARAMS`.
 * @throws NaError `unknown-gt` when `gt` is not a known class.
 */
export function hydrologicSoilGroup(
  texture: Texture,
  gt?: string | null,
  cover?: Texture | null,
  options: HsgOptions = {},
): HsgResult {
  const p: HsgParams = { ...HSG_PARAMS, ...options.params };
  const rules: HsgRule[] = [];
  const basis: string[] = [];

  let group: HydrologicSoilGroup;
  if (texture === 'zand' && options.loamySand === true) {
    group = p.loamySand;
    rules.push('loamy-sand');
    basis.push(`loamy sand → ${group} [S]`);
  } else {
    group = p.byTexture[texture];
    rules.push('texture');
    basis.push(`${texture} → ${group} [S]`);
  }

  const coverMin = cover ? p.coverMinimum[cover] : undefined;
  if (cover && coverMin !== undefined) {
    rules.push('cover');
    const next = worse(group, coverMin);
    basis.push(
      next === group
        ? `${cover} cover: at least ${coverMin}, no change [S]`
        : `${cover} cover → at least ${coverMin} [S]`,
    );
    group = next;
  }

  if (gt !== null && gt !== undefined && gt.trim() !== '') {
    const info = gtInfo(gt);
    if (texture === 'veen' && p.wetPeatMains.includes(info.main)) {
      rules.push('wet-peat');
      group = worse(group, p.wetPeatGroup);
      basis.push(`peat with Gt ${info.code} is saturated → ${p.wetPeatGroup} [S]`);
    }
    if (p.shallowGhgCm !== null && isShallowGroundwater(info.code, p.shallowGhgCm)) {
      rules.push('shallow-groundwater');
      group = worse(group, p.shallowGroundwaterGroup);
      basis.push(
        `Gt ${info.code}: GHG within ${p.shallowGhgCm} cm, undrained dual group → ` +
          `${p.shallowGroundwaterGroup} [S, NRCS]`,
      );
    }
  }

  return { group, basis: basis.join('; '), rules };
}

/**
 * Hydrologic soil group of a derived soil code (`deriveSoil`): uses its texture, cover and
 * loamy-sand flag. Returns null when the soil has no texture (an unmapped area such as
 * `|h BEBOUW`).
 *
 * @param soil the derivation of the soil code.
 * @param gt groundwater class, or null/undefined when unknown.
 * @param params overrides of `HSG_PARAMS`.
 * @throws NaError `unknown-gt` when `gt` is not a known class.
 */
export function hydrologicSoilGroupFor(
  soil: SoilDerivation,
  gt?: string | null,
  params?: Partial<HsgParams>,
): HsgResult | null {
  if (soil.texture === null) return null;
  return hydrologicSoilGroup(soil.texture, gt, soil.cover, {
    loamySand: soil.loamySand === true,
    ...(params ? { params } : {}),
  });
}
