/**
 * Optional fields without the `...(x === undefined ? {} : { x })` boilerplate: `defined({ a, b })`
 * keeps only the fields whose value is not `undefined`, so spreading the result over defaults
 * never replaces a default with `undefined` and serialised objects carry no empty keys.
 */

/** `T` with every field optional and `undefined` taken out of its values. */
export type Defined<T> = { [K in keyof T]?: Exclude<T[K], undefined> };

/** A copy of `fields` without the fields whose value is `undefined`. */
export function defined<T extends object>(fields: T): Defined<T> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) out[key] = value;
  return out as Defined<T>;
}
