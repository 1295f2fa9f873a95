/**
 * The measure types of a scenario, apart from the parameters (params.ts re-exports them): the
 * scenario comparer's toolbar and legend need them up front, the parameter defaults not.
 */
/** The fixed vocabulary of measure/land-cover types (property `type` of a scenario feature). */
export const MEASURE_TYPES = [
  'dak',
  'groen-dak',
  'blauw-groen-dak',
  'verharding',
  'waterdoorlatende-verharding',
  'gras',
  'beplanting',
  'bomen',
  'wadi',
  'infiltratiekrat',
  'open-water',
  'kelder',
  'parkeerkelder',
] as const;
export type MeasureType = (typeof MEASURE_TYPES)[number];
