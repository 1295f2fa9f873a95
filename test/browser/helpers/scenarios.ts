/**
 * Small scenario files for the scenario comparer's tests: 40 m squares side by side, one per
 * measure type, in RD (EPSG:28992) with a `crs` member as QGIS writes it.
 */

/** A scenario named `name` with one 40 m square per type, left to right from `[x, y]`. */
export function squaresScenario(
  name: string,
  types: readonly string[],
  [x, y]: readonly [number, number],
): Record<string, unknown> {
  const square = (x0: number) => [
    [
      [x0, y],
      [x0 + 40, y],
      [x0 + 40, y + 40],
      [x0, y + 40],
      [x0, y],
    ],
  ];
  return {
    type: 'FeatureCollection',
    name,
    crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } },
    features: types.map((type, i) => ({
      type: 'Feature',
      properties: { type },
      geometry: { type: 'Polygon', coordinates: square(x + 40 * i) },
    })),
  };
}
