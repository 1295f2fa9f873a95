/**
 * The names and keys of the message catalogues that load on demand (with the location check's
 * engine, a GeoTIFF or FlatGeobuf source, the source diagnosis, the scenario summary, the style
 * export), declared up front so that a texts file can reword every message at any time: the texts
 * apply when the catalogue loads. Imported with the widgets' first load (widgets/shared/lang.ts)
 * and by the package's main entry. A key added to or removed from a catalogue must be added or
 * removed here too: `registerMessages` throws when they differ (test/core/message-registry.test.ts).
 */
import { declareMessages } from '../core/messages.js';

/** Catalogue name → its message keys. */
export const LAZY_MESSAGE_CATALOGUES = {
  geotiff: ['unreadable', 'blocksTooLarge'],
  flatgeobuf: ['noRangeSupport', 'invalid'],
  diagnose: [
    'reachableHint',
    'reachableOk',
    'corsOk',
    'corsBlocked',
    'corsHint',
    'layerMissing',
    'layerMissingHint',
    'layerOk',
    'crsOk',
    'crsMissing',
    'crsHintWms',
    'crsHintWfs',
    'collectionOk',
    'collectionCrsOk',
    'collectionCrsMissing',
    'collectionCrsHint',
    'arcgisLayerOk',
    'arcgisCrsOk',
    'noSamplePoint',
    'noSamplePointHint',
    'sourceFailedHint',
    'sampleError',
    'sampleErrorHint',
    'sampleNoData',
    'sampleNoDataHint',
    'sampleOk',
    'propertiesErrorHint',
    'detailMissing',
    'detailMissingHint',
    'propertiesOk',
  ],
  'style-export': ['unknownZone'],
  'scenario-summary': [
    'fitAgainst',
    'fitNone',
    'measureAgainst',
    'measureInLine',
    'measureNoPrinciple',
    'conditionStreetWater',
    'conditionCooling',
    'conditionShade',
    'conditionRecharge',
    'conditionPasses',
    'conditionFails',
    'cellFails',
    'cellPasses',
    'testHotDay',
    'testDryPeriod',
    'testRain',
    'failure',
    'noScenarios',
    'top',
    'stillFails',
    'second',
    'costs',
    'cost',
    'euroMillions',
    'euroThousands',
    'euros',
  ],
  groundwater: ['w', 's'],
  report: [
    'factConflict',
    'landscapeConflict',
    'podzolConflict',
    'deepGroundwaterConflict',
    'textureFromZone',
    'ghgLabel',
    'groundwaterLabel',
    'layerPeat',
    'layerPeatUnder',
    'layerBoulderClay',
    'layerNone',
  ],
} as const satisfies Record<string, readonly string[]>;

for (const [name, keys] of Object.entries(LAZY_MESSAGE_CATALOGUES)) declareMessages(name, keys);
