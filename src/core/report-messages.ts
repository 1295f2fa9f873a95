/**
 * The sentences of a report that the rule engine writes (`report` in a texts file): conflicts
 * between sources and the labels of derived facts. ICU texts; a placeholder that is a label or a
 * name (`{fact}`, `{zone}`, `{texture}`) is filled in the language of the text.
 *
 * Ids are stable: a municipality's texts file rewords them by these keys.
 */
import { registerMessages } from './messages.js';

export const reportMessages = {
  /** Two sources give different values for one fact. */
  factConflict: {
    nl: 'Bronnen geven verschillende waarden voor {fact}: {first} ({firstSource}) en {second} ({secondSource}). De eerste is gebruikt.',
    en: 'Sources disagree on {fact}: {first} ({firstSource}) and {second} ({secondSource}). The first was used.',
  },
  /** The given landscape type is not the zone's. */
  landscapeConflict: {
    nl: 'Het landschapstype ({type}) past niet bij de zone {code} ({zoneType}). Het opgegeven landschapstype is gebruikt.',
    en: 'The landscape type ({type}) does not match zone {code} ({zoneType}). The given landscape type was used.',
  },
  /** A low, wet zone on a podzol. */
  podzolConflict: {
    nl: 'De zone {zone} ({code}) is laag en nat (kwel), maar de bodemkaart geeft een podzolgrond ({soilCode}); die ontstaat op droge grond. Controleer dit ter plekke.',
    en: 'Zone {zone} ({code}) is low and wet (seepage), but the soil map gives a podzol ({soilCode}), which forms on dry ground. Check on site.',
  },
  /** A low seepage zone on deep groundwater. */
  deepGroundwaterConflict: {
    nl: 'De zone {zone} ({code}) is laag en nat (kwel), maar de grondwaterkaart geeft diep grondwater (Gt {gt}, GHG {ghg}). Controleer dit ter plekke.',
    en: 'Zone {zone} ({code}) is low and wet (seepage), but the groundwater map gives deep groundwater (Gt {gt}, GHG {ghg}). Check on site.',
  },
  /** The texture taken from the zone where the soil map has no data. */
  textureFromZone: {
    nl: '{texture} (typisch voor {zone})',
    en: '{texture} (typical of {zone})',
  },
  /** The mean highest groundwater level as a depth range. */
  ghgLabel: {
    nl: '{range} onder maaiveld (GHG)',
    en: '{range} below the surface (GHG)',
  },
  /** The groundwater class with its depth. */
  groundwaterLabel: {
    nl: '{groundwater}: GHG {range}',
    en: '{groundwater}: GHG {range}',
  },
  /** Soil layers: peat at the top. */
  layerPeat: { nl: 'veen', en: 'peat' },
  /** Soil layers: peat under the top soil. */
  layerPeatUnder: {
    nl: 'veen onder {hasTexture, select, yes {{texture}} other {de bovengrond}} vanaf {depth}',
    en: 'peat under {hasTexture, select, yes {{texture}} other {the top soil}} from {depth}',
  },
  /** Soil layers: boulder clay. */
  layerBoulderClay: { nl: 'keileem vanaf {depth}', en: 'boulder clay from {depth}' },
  /** Soil layers: neither. */
  layerNone: { nl: 'geen veen- of keileemlaag', en: 'no peat or boulder clay layer' },
} as const;

registerMessages('report', reportMessages);
