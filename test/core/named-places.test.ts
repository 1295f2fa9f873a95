/**
 * Named places: realistic locations in all 10 landscape types and the cahier's towns, each with the
 * answer a water-board expert expects (issue #9). Facts as `explain --facts` takes them. Soil and
 * Gt codes are BRO codes; the places are typical, not surveyed points.
 */
import { describe, expect, it } from 'vitest';
import { assess } from '../../src/core/assess.js';
import { defaultKnowledgeBase } from '../../src/core/kb/load.js';
import type { Report } from '../../src/core/report.js';
import type { Fact, FactName, FactValues } from '../../src/core/types.js';

const kb = defaultKnowledgeBase();

interface Place {
  name: string;
  type: string;
  facts: Partial<Record<FactName, string | number>>;
  /** Principles that must apply. */
  has?: string[];
  /** Principles that must not apply. */
  not?: string[];
  discouraged?: string[];
  notDiscouraged?: string[];
  waterModel?: string;
  infiltration?: string;
  hsg?: string;
  /** Words the discouragement of infiltreren must contain (nl), e.g. the real depth range. */
  infiltrationText?: string;
}

const ISO = 'isolatie-6-berging-in-vijvers-en-watergangen';
const ALL_ISO = [1, 2, 3, 4, 5, 6, 7, 8].map(
  (i) =>
    kb.principles.find((p) => p.id.startsWith(`isolatie-${i}-`))?.id ?? `isolatie-${i}-missing`,
);

export const PLACES: Place[] = [
  // Issue #9: wetness from the GHG, not the Gt main class.
  {
    name: 'Dekzandrug, Hn21, Va (GHG < 25 cm)',
    type: 'dekzand',
    facts: { zone: 'Dz1', soilCode: 'Hn21', gt: 'Va' },
    discouraged: ['infiltreren'],
    not: ['dekzand-rug-infiltreren', 'zand-infiltreren-straat'],
    infiltration: 'discouraged',
    infiltrationText: '< 25 cm',
    waterModel: 'fluctuatie',
  },
  {
    name: 'Dekzandrug, Hn21, IIc (GHG > 40 cm)',
    type: 'dekzand',
    facts: { zone: 'Dz1', soilCode: 'Hn21', gt: 'IIc' },
    notDiscouraged: ['infiltreren'],
    has: ['dekzand-rug-infiltreren'],
    not: ['zand-infiltreren-straat'],
    infiltration: 'partial',
  },
  {
    name: 'Dekzandvlakte, Hn21, Vb (GHG 25–40 cm)',
    type: 'dekzand',
    facts: { zone: 'Dz2', soilCode: 'Hn21', gt: 'Vb' },
    discouraged: ['infiltreren'],
    infiltrationText: '25–40 cm',
    has: ['boomsoort-natte-grond'],
  },
  {
    name: 'Dekzandrug, Hn21, VIId: dry sand',
    type: 'dekzand',
    facts: { zone: 'Dz1', soilCode: 'Hn21', gt: 'VIId' },
    has: ['dekzand-rug-infiltreren', 'zand-infiltreren-straat', 'boomsoort-droge-zandgrond'],
    notDiscouraged: ['infiltreren'],
    waterModel: 'infiltratie',
    hsg: 'A',
  },
  {
    name: 'Dekzandrug, lemig zand Hn23, VII: HSG B',
    type: 'dekzand',
    facts: { zone: 'Dz1', soilCode: 'Hn23', gt: 'VII' },
    hsg: 'B',
    infiltration: 'works',
  },
  {
    name: 'Laarpodzol cHn23, VI',
    type: 'dekzand',
    facts: { zone: 'Dz4', soilCode: 'cHn23', gt: 'VI' },
    hsg: 'B',
    infiltration: 'works',
  },
  {
    name: 'Beekeerdgrond pZg23 in the brook valley, IIIb, kwel',
    type: 'dekzand',
    facts: { zone: 'Dz5', soilCode: 'pZg23', gt: 'IIIb' },
    discouraged: ['infiltreren'],
    has: ['dekzand-beekdal-bergen', 'apeldoorn-kwel-benutten', 'kwel-geen-kelders'],
    not: [...ALL_ISO],
    waterModel: 'fluctuatie',
  },
  {
    name: 'Enkeerdgrond bEZ23 on an es, VII',
    type: 'dekzand',
    facts: { zone: 'Dz4', soilCode: 'bEZ23', gt: 'VII' },
    hsg: 'B',
    waterModel: 'infiltratie',
  },
  {
    name: 'Beekdal veen Dz6, Vc, II',
    type: 'dekzand',
    facts: { zone: 'Dz6', soilCode: 'Vc', gt: 'II' },
    discouraged: ['infiltreren'],
    has: [ISO, 'veenweide-geen-diepe-ontwatering'],
    waterModel: 'isolatie',
  },
  {
    name: 'Dekzand depression Dz7 without soil and Gt',
    type: 'dekzand',
    facts: { zone: 'Dz7' },
    has: ['dekzand-laagte-nat-houden'],
    infiltration: 'unknown',
  },
  {
    name: 'Breda: dry dekzandrug with heath',
    type: 'dekzand',
    facts: { zone: 'Dz1', soilCode: 'Hn21', gt: 'VIId', landUse: 'heide' },
    has: ['breda-waterbuffer-bij-brandgevaar'],
  },
  {
    name: 'Breda: dry dekzandrug, built-up (no fire risk)',
    type: 'dekzand',
    facts: { zone: 'Dz1', soilCode: 'Hn21', gt: 'VIId', landUse: 'bebouwd' },
    not: ['breda-waterbuffer-bij-brandgevaar'],
  },
  {
    name: 'Breda: business park on dry sand',
    type: 'dekzand',
    facts: { zone: 'Dz2', soilCode: 'Zn21', gt: 'VII', landUse: 'bedrijventerrein' },
    has: ['breda-waterbuffer-bij-brandgevaar'],
  },
  {
    name: 'Breda: heath on wet sand (Gt III) is no fire-risk buffer',
    type: 'dekzand',
    facts: { zone: 'Dz2', soilCode: 'Hn21', gt: 'III', landUse: 'heide' },
    not: ['breda-waterbuffer-bij-brandgevaar'],
  },
  {
    name: 'Keileem: grondmorenerug Hn23x with perched water sVI',
    type: 'dekzand',
    facts: { zone: 'Kl1', soilCode: 'Hn23x', gt: 'sVI' },
    discouraged: ['infiltreren'],
    not: ['dekzand-rug-infiltreren', 'zand-infiltreren-straat'],
    infiltrationText: 'schijnspiegel',
    hsg: 'C',
  },
  {
    name: 'Keileem: Hn21x without perched water, VII',
    type: 'dekzand',
    facts: { zone: 'Kl2', soilCode: 'Hn21x', gt: 'VII' },
    discouraged: ['infiltreren'],
    infiltrationText: 'keileem',
  },
  {
    name: 'Sand with a clay cover kHn21, VII: partial',
    type: 'dekzand',
    facts: { zone: 'Dz2', soilCode: 'kHn21', gt: 'VII' },
    infiltration: 'partial',
    hsg: 'C',
    not: ['zand-infiltreren-straat'],
  },
  // Stuwwal: Rheden, Arnhem, Apeldoorn, Ede, Nijmegen.
  {
    name: 'Veluwe push moraine top, Hd21, VIII',
    type: 'stuwwal',
    facts: { zone: 'Sw1', soilCode: 'Hd21', gt: 'VIII' },
    has: ['stuwwal-infiltreren-top-en-flank', 'zand-infiltreren-straat', 'ede-bomenlanen'],
    waterModel: 'infiltratie',
  },
  {
    name: 'Rheden, Velp: sandy flank Hd21, VII',
    type: 'stuwwal',
    facts: { zone: 'Sw2', soilCode: 'Hd21', gt: 'VII', position: 'flank' },
    has: ['rheden-wadi-zandige-flank', 'stuwwal-geen-diepe-kelders', 'arnhem-beken-door-de-stad'],
  },
  {
    name: 'Rheden, Velp: clay polder at the foot, Rn47C, IIb',
    type: 'stuwwal',
    facts: { landscapeType: 'stuwwal', soilCode: 'Rn47C', gt: 'IIb', position: 'low' },
    has: ['rheden-sloten-in-kleipolder', ISO, 'klei-zwel-en-krimp'],
    discouraged: ['infiltreren'],
    waterModel: 'isolatie',
  },
  {
    name: 'Stuwwal dry valley Sw4 (wegzijging): no seepage advice, no conflict',
    type: 'stuwwal',
    facts: { zone: 'Sw4', soilCode: 'Hd21', gt: 'VII' },
    not: ['apeldoorn-kwel-benutten', 'kwel-geen-kelders'],
    has: ['heuvelland-droogdal-als-stroombaan'],
  },
  {
    name: 'Apeldoorn, de Maten: seepage at the foot, no soil map',
    type: 'stuwwal',
    facts: { landscapeType: 'stuwwal', position: 'low', seepage: 'kwel' },
    has: ['apeldoorn-kwel-benutten', 'apeldoorn-groen-op-beekdalen', 'kwel-geen-kelders'],
    discouraged: ['infiltreren'],
  },
  {
    name: 'Ede: sandy town on the stuwwal, Zd21, VII',
    type: 'stuwwal',
    facts: { zone: 'Sw2', soilCode: 'Zd21', gt: 'VII' },
    has: ['ede-bomenlanen'],
  },
  {
    name: 'Nijmegen: flow path with 0.25 m on the street',
    type: 'stuwwal',
    facts: { landscapeType: 'stuwwal', position: 'low', floodDepth: 0.25 },
    has: [
      'nijmegen-verlaagd-speelterrein',
      'wateroverlast-ruimte-in-de-wijk',
      'overstroming-waterrobuust-bouwen',
    ],
    not: ['overstroming-vitale-functies'],
  },
  {
    name: 'Stuwwal sandr Sw2 with seepage given',
    type: 'stuwwal',
    facts: { zone: 'Sw2', soilCode: 'Hd21', gt: 'VI', seepage: 'kwel' },
    discouraged: ['infiltreren'],
    not: ['stuwwal-infiltreren-top-en-flank', 'rheden-wadi-zandige-flank'],
  },
  // Rivierengebied.
  {
    name: 'River ridge Rg1, light zavel Rd10A, VI',
    type: 'rivierengebied',
    facts: { zone: 'Rg1', soilCode: 'Rd10A', gt: 'VI' },
    has: ['rivier-bouwen-op-stroomrug'],
    notDiscouraged: ['infiltreren'],
  },
  {
    name: 'River ridge Rg1 on heavy clay Rd90A, VI: no infiltration advice',
    type: 'rivierengebied',
    facts: { zone: 'Rg1', soilCode: 'Rd90A', gt: 'VI' },
    discouraged: ['infiltreren'],
    has: ['rivier-bouwen-op-stroomrug', 'klei-zwel-en-krimp'],
    not: [...ALL_ISO],
    waterModel: 'fluctuatie',
  },
  {
    name: 'River basin Rg2, Rn47C, IIIb',
    type: 'rivierengebied',
    facts: { zone: 'Rg2', soilCode: 'Rn47C', gt: 'IIIb' },
    has: ['rivier-kom-bergen', ISO, 'klei-zwel-en-krimp'],
    discouraged: ['infiltreren'],
    waterModel: 'isolatie',
  },
  {
    name: 'River basin Rg2, 1.5 m flood: flood-proof, vital functions, no puddle advice',
    type: 'rivierengebied',
    facts: { zone: 'Rg2', soilCode: 'Rn47C', gt: 'IIIb', floodDepth: 1.5 },
    has: ['overstroming-waterrobuust-bouwen', 'overstroming-vitale-functies'],
    not: [
      'nijmegen-verlaagd-speelterrein',
      'wateroverlast-ruimte-in-de-wijk',
      'overstroming-schuilen-en-evacueren',
    ],
  },
  {
    name: 'River basin, 2.5 m flood: shelter and evacuation',
    type: 'rivierengebied',
    facts: { zone: 'Rg2', floodDepth: 2.5 },
    has: ['overstroming-schuilen-en-evacueren', 'overstroming-vitale-functies'],
  },
  {
    name: 'Floodplain Rg3 (uiterwaard): river principles only',
    type: 'rivierengebied',
    facts: { zone: 'Rg3', soilCode: 'Rn44C', gt: 'IIb', floodDepth: 0.3 },
    has: ['rivier-ruimte-voor-de-rivier', 'overstroming-waterrobuust-bouwen'],
    not: [
      ...ALL_ISO,
      'nijmegen-verlaagd-speelterrein',
      'wateroverlast-ruimte-in-de-wijk',
      'breda-groene-stadsentrees',
    ],
    waterModel: 'fluctuatie',
  },
  {
    name: 'River dune Rt3, Zd21, VII',
    type: 'rivierengebied',
    facts: { zone: 'Rt3', soilCode: 'Zd21', gt: 'VII' },
    has: ['rivier-bouwen-op-stroomrug', 'zand-infiltreren-straat'],
    waterModel: 'infiltratie',
  },
  {
    name: 'River seepage behind the dike, Rg2 with kwel',
    type: 'rivierengebied',
    facts: { zone: 'Rg2', soilCode: 'Rn47C', gt: 'IIb', seepage: 'kwel' },
    has: ['rivier-kwel-achter-de-dijk'],
    not: ['denbosch-water-bovengronds-naar-beek'],
  },
  // Veenweide.
  {
    name: 'Peat meadow Lv1, kVc (clay cover on peat), II',
    type: 'veenweide',
    facts: { zone: 'Lv1', soilCode: 'kVc', gt: 'II' },
    has: [
      'veenweide-grondwater-hoog',
      'veenweide-houten-palen-nat',
      'veenweide-geen-diepe-ontwatering',
      ISO,
    ],
    discouraged: ['infiltreren'],
    waterModel: 'isolatie',
  },
  {
    name: 'Clay on peat Mv41C, IIb: peat advice with the layer named',
    type: 'zeeklei',
    facts: { soilCode: 'Mv41C', gt: 'IIb' },
    has: [
      'veenweide-geen-diepe-ontwatering',
      'veenweide-houten-palen-nat',
      'klei-zwel-en-krimp',
      ISO,
    ],
    waterModel: 'isolatie',
  },
  {
    name: 'River clay on peat Rv01C, IIIb',
    type: 'rivierengebied',
    facts: { soilCode: 'Rv01C', gt: 'IIIb' },
    has: ['veenweide-geen-diepe-ontwatering'],
  },
  {
    name: 'Liedeerdgrond pMv51 (zavel on peat), IIb',
    type: 'zeeklei',
    facts: { soilCode: 'pMv51', gt: 'IIb' },
    has: ['veenweide-geen-diepe-ontwatering', 'klei-zwel-en-krimp'],
    waterModel: 'isolatie',
  },
  {
    name: 'Veenweide town on a river ridge (gidsmodel Veenweide stad)',
    type: 'veenweide',
    facts: { landscapeType: 'veenweide', position: 'ridge', soilCode: 'Rd10A', gt: 'VI' },
    has: ['veenweide-bouwen-op-stroomrug'],
  },
  {
    name: 'Petgaten Lv2 without soil data',
    type: 'veenweide',
    facts: { zone: 'Lv2' },
    discouraged: ['infiltreren'],
    waterModel: 'isolatie',
  },
  // Zeeklei.
  {
    name: 'Kreekrug Zk3, light zavel Mn15A, VI',
    type: 'zeeklei',
    facts: { zone: 'Zk3', soilCode: 'Mn15A', gt: 'VI' },
    has: ['zeeklei-bouwen-op-kreekrug'],
    notDiscouraged: ['infiltreren'],
    infiltration: 'partial',
  },
  {
    name: 'Kreekrug Zk3 with Gt III: no building-to-infiltrate advice',
    type: 'zeeklei',
    facts: { zone: 'Zk3', soilCode: 'Mn15A', gt: 'III' },
    not: ['zeeklei-bouwen-op-kreekrug'],
    discouraged: ['infiltreren'],
  },
  {
    name: 'Zeekleivlakte Zk2, heavy clay Mn86C, IIIb',
    type: 'zeeklei',
    facts: { zone: 'Zk2', soilCode: 'Mn86C', gt: 'IIIb' },
    has: [ISO, 'klei-zwel-en-krimp', 'zeeklei-zoet-water-vasthouden'],
    waterModel: 'isolatie',
  },
  {
    name: 'Poel with brackish seepage',
    type: 'zeeklei',
    facts: { zone: 'Zk6', soilCode: 'Mn86C', gt: 'II', seepage: 'kwel' },
    discouraged: ['infiltreren', 'kwel-benutten'],
    has: ['zeeklei-poel-bergen'],
  },
  // Kust: Haarlem.
  {
    name: 'Haarlem: beach ridge Bd1, Zd21, VII',
    type: 'kust',
    facts: { zone: 'Bd1', soilCode: 'Zd21', gt: 'VII' },
    has: ['kust-duinen-infiltreren', 'haarlem-boomsoort-strandwal'],
    waterModel: 'infiltratie',
  },
  {
    name: 'Haarlem: dunes Bd3, Zd20A, VIII',
    type: 'kust',
    facts: { zone: 'Bd3', soilCode: 'Zd20A', gt: 'VIII' },
    has: ['kust-duinen-infiltreren', 'wegzijging-grondwater-aanvullen'],
  },
  {
    name: 'Haarlem: beach plain Bd2, clay Mn86C, III, kwel',
    type: 'kust',
    facts: { zone: 'Bd2', soilCode: 'Mn86C', gt: 'III' },
    has: ['kust-strandvlakte-bergen', 'haarlem-boomsoort-strandvlakte', 'kust-binnenduinrand-kwel'],
    discouraged: ['infiltreren'],
    not: ['kust-duinen-infiltreren'],
  },
  {
    name: 'Dunes with shallow groundwater (dune slack, Zd21, IIIb)',
    type: 'kust',
    facts: { zone: 'Bd3', soilCode: 'Zd21', gt: 'IIIb' },
    not: ['kust-duinen-infiltreren'],
    discouraged: ['infiltreren'],
  },
  // Droogmakerij and IJsselmeerpolders.
  {
    name: 'Droogmakerij lake bed Dr1, clay Mn35A, VI (drained): no "laag en nat" conflict',
    type: 'droogmakerij',
    facts: { zone: 'Dr1', soilCode: 'Mn35A', gt: 'VI' },
    has: ['droogmakerij-peil-laten-meebewegen', 'droogmakerij-kwel-remmen'],
    discouraged: ['infiltreren', 'kwel-benutten'],
  },
  {
    name: 'Droogmakerij creek ridge Dr2, zavel Mn25A, VI',
    type: 'droogmakerij',
    facts: { zone: 'Dr2', soilCode: 'Mn25A', gt: 'VI' },
    has: ['droogmakerij-kreekrug-bouwen'],
    infiltration: 'partial',
  },
  {
    name: 'Droogmakerij peat remnant Dr3, Vc, II',
    type: 'droogmakerij',
    facts: { zone: 'Dr3', soilCode: 'Vc', gt: 'II' },
    has: ['veenweide-geen-diepe-ontwatering', ISO],
    waterModel: 'isolatie',
  },
  {
    name: 'IJsselmeerpolder edge with seepage, Mn35A, VI',
    type: 'ijsselmeerpolders',
    facts: {
      landscapeType: 'ijsselmeerpolders',
      zone: 'Dr1',
      soilCode: 'Mn35A',
      gt: 'VI',
      seepage: 'kwel',
    },
    has: ['ijsselmeerpolders-kwelzone-natuur', 'ijsselmeerpolders-bergen-open-water'],
    not: [...ALL_ISO],
  },
  {
    name: 'IJsselmeerpolder floor, Mn25A, IIIb',
    type: 'ijsselmeerpolders',
    facts: { landscapeType: 'ijsselmeerpolders', soilCode: 'Mn25A', gt: 'IIIb' },
    has: ['polder-boomsoort-kalkrijke-klei'],
    discouraged: ['infiltreren'],
    waterModel: 'fluctuatie',
  },
  // Heuvelland.
  {
    name: 'Loess plateau Lg1, Ln5, VIII',
    type: 'heuvelland',
    facts: { zone: 'Lg1', soilCode: 'Ln5', gt: 'VIII' },
    has: ['heuvelland-water-vasthouden-op-plateau'],
    infiltration: 'partial',
    notDiscouraged: ['infiltreren'],
  },
  {
    name: 'Loess slope Lg2: erosion',
    type: 'heuvelland',
    facts: { zone: 'Lg2', soilCode: 'Ln5', gt: 'VIII' },
    has: ['heuvelland-erosie-remmen', 'heuvelland-water-vasthouden-op-plateau'],
  },
  {
    name: 'Dry valley Lg6 (wegzijging): flow path, no seepage, no conflict',
    type: 'heuvelland',
    facts: { zone: 'Lg6', soilCode: 'Ln5', gt: 'VII' },
    has: ['heuvelland-droogdal-als-stroombaan'],
    not: ['kwel-geen-kelders', 'apeldoorn-kwel-benutten'],
  },
  {
    name: 'Brook valley Lg5 with seepage',
    type: 'heuvelland',
    facts: { zone: 'Lg5', soilCode: 'Ln5', gt: 'III' },
    has: ['heuvelland-beekdal-ruimte'],
    discouraged: ['infiltreren'],
  },
  // Veenkoloniën.
  {
    name: 'Hondsrug sand ridge, Hn21, VII',
    type: 'veenkolonien',
    facts: { landscapeType: 'veenkolonien', position: 'ridge', soilCode: 'Hn21', gt: 'VII' },
    has: ['veenkolonien-zandrug-infiltreren', 'veenkolonien-water-vasthouden'],
    waterModel: 'infiltratie',
  },
  {
    name: 'Dalgrond iVp, VI',
    type: 'veenkolonien',
    facts: { zone: 'Hv2', soilCode: 'iVp', gt: 'VI' },
    has: ['veenkolonien-dalgrond-beschermen', 'veenkolonien-kanalen-en-wijken-bergen'],
  },
  {
    name: 'Former raised bog depression Hv3, Vs, II',
    type: 'veenkolonien',
    facts: { zone: 'Hv3', soilCode: 'Vs', gt: 'II' },
    discouraged: ['infiltreren'],
    waterModel: 'isolatie',
  },
  // Den Bosch, heat and cities.
  {
    name: 'Den Bosch: low in the dekzand near the Dommel',
    type: 'dekzand',
    facts: { landscapeType: 'dekzand', position: 'low' },
    has: ['denbosch-water-bovengronds-naar-beek'],
  },
  {
    name: 'River basin behind the dikes: no "water to the brook"',
    type: 'rivierengebied',
    facts: { landscapeType: 'rivierengebied', position: 'low' },
    not: ['denbosch-water-bovengronds-naar-beek'],
  },
  {
    name: 'Velp centre: heat stress 42 °C PET',
    type: 'stuwwal',
    facts: { landscapeType: 'stuwwal', position: 'flank', heat: 42 },
    has: ['rheden-hitte-groenblauwe-zones', 'hitte-extreem-ontharden', 'breda-ventilatiezone'],
  },
  {
    name: 'City centre without soil data, 0.05 m water: no puddle principles',
    type: 'dekzand',
    facts: { zone: 'A', floodDepth: 0.05 },
    not: ['nijmegen-verlaagd-speelterrein', 'overstroming-waterrobuust-bouwen'],
  },
  {
    name: 'Measured-deep drained sand (Gt VI) in a polder is no conflict',
    type: 'droogmakerij',
    facts: { zone: 'Dr1', soilCode: 'Zn21', gt: 'VI' },
    infiltration: 'discouraged',
  },
];

function facts(values: Place['facts']): Fact[] {
  return Object.entries(values).map(
    ([name, value]) =>
      ({
        name: name as FactName,
        status: 'ok',
        value: value as FactValues[FactName],
        provenance: { sourceId: 'test', title: 'test' },
      }) as Fact,
  );
}

function ids(r: Report): string[] {
  return r.principles.map((p) => p.id);
}

describe(`named places (${PLACES.length})`, () => {
  it('cover all 10 landscape types and at least 60 places', () => {
    expect(PLACES.length).toBeGreaterThanOrEqual(60);
    expect(new Set(PLACES.map((p) => p.type)).size).toBe(10);
    for (const p of PLACES) {
      const r = assess(facts(p.facts), kb);
      const type = r.derived.landscapeType;
      if (type !== undefined) expect(type, p.name).toBe(p.type);
    }
  });
  for (const place of PLACES) {
    it(place.name, () => {
      const r = assess(facts(place.facts), kb);
      expect(r.errors, 'no unknown codes').toEqual([]);
      const got = ids(r);
      for (const id of place.has ?? []) expect(got, `applies ${id}`).toContain(id);
      for (const id of place.not ?? []) expect(got, `does not apply ${id}`).not.toContain(id);
      const actions = r.discouraged.map((d) => d.action);
      for (const a of place.discouraged ?? []) expect(actions, `discouraged ${a}`).toContain(a);
      for (const a of place.notDiscouraged ?? [])
        expect(actions, `not discouraged ${a}`).not.toContain(a);
      if (place.waterModel) expect(r.derived.waterModel, 'water model').toBe(place.waterModel);
      if (place.infiltration) expect(r.derived.infiltration?.verdict).toBe(place.infiltration);
      if (place.hsg) expect(r.derived.hydrologicSoilGroup, 'HSG').toBe(place.hsg);
      if (place.infiltrationText) {
        const text = r.discouraged
          .filter((d) => d.action === 'infiltreren')
          .flatMap((d) => d.reasons.map((x) => x.reason.nl))
          .join(' ');
        expect(text).toContain(place.infiltrationText);
      }
      // Never self-contradicting, and no conflict for a drained polder or a dry valley.
      for (const p of r.principles) {
        expect(
          p.actions.filter((a) => actions.includes(a)),
          p.id,
        ).toEqual([]);
      }
      if (['Dr1', 'Sw4', 'Lg6'].includes(String(place.facts.zone))) {
        expect(r.conflicts.filter((c) => c.key === 'gt')).toEqual([]);
      }
    });
  }
});
