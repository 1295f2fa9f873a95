import { describe, expect, it } from 'vitest';
import { defaultKnowledgeBase } from '../../src/core/kb/load.js';
import {
  DEFAULT_SCALE_THRESHOLDS,
  UNKNOWN_ZONE_COLOUR,
  scaleForResolution,
  zoneringColour,
  zoneringLabel,
  zoneringLegend,
  zoneringType,
} from '../../src/map/zonering-style.js';

const kb = defaultKnowledgeBase();
const zone = (code: string) => kb.zones.find((z) => z.code === code)!;
const type = (id: string) => kb.landscapeTypes.find((t) => t.id === id)!;
const group = (id: string) => kb.zoneGroups.find((g) => g.id === id)!;

describe('scaleForResolution', () => {
  it('switches at 1:50,000 (14 m/px) and 1:5,000 (1.4 m/px)', () => {
    expect(DEFAULT_SCALE_THRESHOLDS).toEqual({ region: 14, street: 1.4 });
    expect(scaleForResolution(14.1)).toBe('regio/stad');
    expect(scaleForResolution(14)).toBe('wijk/dorp');
    expect(scaleForResolution(1.41)).toBe('wijk/dorp');
    expect(scaleForResolution(1.4)).toBe('straat');
    expect(scaleForResolution(5, { region: 4 })).toBe('regio/stad');
  });
});

describe('zoneringColour', () => {
  it('uses the landscape type colour at regio/stad scale and the zone colour closer in', () => {
    const dz1 = zone('Dz1');
    expect(zoneringColour(kb, 'Dz1', 'regio/stad')).toBe(type(dz1.landscapeType!).colour);
    expect(zoneringColour(kb, 'Dz1', 'wijk/dorp')).toBe(dz1.colour);
    expect(zoneringColour(kb, 'Dz1', 'straat')).toBe(dz1.colour);
  });

  it('gives zones without a landscape type (A, W) their group colour at regio/stad scale', () => {
    for (const code of ['A', 'W']) {
      expect(zoneringType(kb, code)).toEqual({ kind: 'group', id: zone(code).group });
      expect(zoneringColour(kb, code, 'regio/stad')).toBe(group(zone(code).group).colour);
      expect(zoneringColour(kb, code, 'wijk/dorp')).toBe(zone(code).colour);
    }
  });

  it('gives unknown codes a neutral colour and their code as label', () => {
    expect(zoneringColour(kb, 'Xx9', 'wijk/dorp')).toBe(UNKNOWN_ZONE_COLOUR);
    expect(zoneringLabel(kb, 'Xx9', 'wijk/dorp', 'nl')).toBe('Xx9');
  });

  it('labels with the type name far out and the zone name closer in, per language', () => {
    expect(zoneringLabel(kb, 'Sw2', 'regio/stad', 'en')).toBe(type('stuwwal').name.en);
    expect(zoneringLabel(kb, 'Sw2', 'wijk/dorp', 'nl')).toBe(zone('Sw2').name.nl);
  });
});

describe('zoneringLegend', () => {
  it('lists types at regio/stad scale, in knowledge-base order, with the map colours', () => {
    const legend = zoneringLegend(kb, ['Rg2', 'Dz1', 'Sw1', 'Dz2', 'W'], 'regio/stad', 'nl');
    expect(legend.types).toBe(true);
    expect(legend.entries.map((e) => e.key)).toEqual([
      'type:rivierengebied',
      'type:stuwwal',
      'type:dekzand',
      `group:${zone('W').group}`,
    ]);
    for (const e of legend.entries) expect(e.zones).toBeUndefined();
    const dekzand = legend.entries.find((e) => e.key === 'type:dekzand')!;
    expect(dekzand.colour).toBe(zoneringColour(kb, 'Dz1', 'regio/stad'));
    expect(dekzand.explanation.system?.water).toBe(type('dekzand').system.water.nl);
    const other = legend.entries.at(-1)!;
    expect(other.explanation.zones?.map((z) => z.code)).toEqual(['W']);
  });

  it('groups zones by type closer in; the type heading has no swatch', () => {
    const legend = zoneringLegend(kb, ['Dz2', 'Dz1', 'Xx9'], 'straat', 'en');
    expect(legend.types).toBe(false);
    const [dekzand, unknown] = legend.entries;
    expect(dekzand?.colour).toBeUndefined();
    expect(dekzand?.zones?.map((z) => [z.id, z.colour, z.label])).toEqual([
      ['Dz1', zone('Dz1').colour, zone('Dz1').name.en],
      ['Dz2', zone('Dz2').colour, zone('Dz2').name.en],
    ]);
    expect(unknown).toMatchObject({ key: 'unknown', id: 'Xx9', colour: UNKNOWN_ZONE_COLOUR });
  });

  it('is empty for no codes', () => {
    expect(zoneringLegend(kb, [], 'wijk/dorp', 'nl').entries).toEqual([]);
  });
});
