/*
 * Dictionaries keyed by user strings. A plain object answers `constructor`, `toString` or `__proto__` from
 * Object.prototype, and assigning `__proto__` replaces its prototype instead of storing an entry. These helpers make
 * every string an ordinary key.
 */

/**
 * @internal The value stored under `key` in a dictionary, or undefined. Only own properties count: `constructor`,
 * `toString` or `__proto__` never answer from Object.prototype.
 */
export function ownEntry<T>(dict: Readonly<Partial<Record<string, T>>> | null | undefined, key: string): T | undefined {
  return dict !== undefined && dict !== null && Object.hasOwn(dict, key) ? dict[key] : undefined;
}

/** @internal An empty dictionary without a prototype: every string, `__proto__` included, is an ordinary key. */
export function emptyDictionary<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** @internal A prototype-less copy of a dictionary's own enumerable entries (`__proto__` kept as an entry). */
export function dictionaryOf<T>(dict: Readonly<Partial<Record<string, T>>> | null | undefined): Record<string, T> {
  const out = emptyDictionary<T>();
  if (dict !== undefined && dict !== null) for (const k of Object.keys(dict)) out[k] = dict[k] as T;
  return out;
}
