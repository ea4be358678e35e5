import { ValidationError } from "./errors.js";
/**
 * A function that returns a new unique id each call. Core generates every id (adapters store what they are given);
 * inject your own generator for tests or to match an existing id scheme.
 */
export type IdGenerator = () => string;

/** Sources a UUIDv7 generator reads: both injectable so that tests are reproducible. */
export interface UuidV7Sources {
  /** Milliseconds since the Unix epoch. Default `Date.now`. */
  readonly now?: () => number;
  /** Fills the array with random bytes. Default `globalThis.crypto.getRandomValues`. */
  readonly random?: (bytes: Uint8Array) => void;
}

/**
 * Creates a generator of time-ordered UUIDs (RFC 9562 version 7): a 48-bit millisecond timestamp, then random
 * bits, with a counter that keeps ids strictly increasing when many are made in one millisecond — so ids sort in
 * creation order, which keeps database indexes compact.
 *
 * Uses only `globalThis.crypto`, available in Node ≥ 20, browsers, Deno, Bun and edge runtimes.
 *
 * @example
 * ```ts
 * const nextId = createUuidV7Generator();
 * nextId(); // "0193a6f0-6c1e-7b3a-9f0e-4c2d8a1b5e77"
 * ```
 */
export function createUuidV7Generator(sources: UuidV7Sources = {}): IdGenerator {
  if (sources === null || typeof sources !== "object") {
    throw ValidationError.single(["sources"], "expected an object with optional now() and random(bytes)", "createUuidV7Generator");
  }
  for (const key of ["now", "random"] as const) {
    if (sources[key] !== undefined && typeof sources[key] !== "function") {
      throw ValidationError.single(["sources", key], `${key} must be a function`, "createUuidV7Generator");
    }
  }
  const now = sources.now ?? (() => Date.now());
  const random =
    sources.random ??
    ((bytes: Uint8Array) => {
      globalThis.crypto.getRandomValues(bytes);
    });
  let lastMs = -1;
  let counter = 0; // 12-bit sequence in rand_a (RFC 9562 §6.2 method 1)
  return () => {
    let ms = now();
    if (!Number.isSafeInteger(ms) || ms < 0) {
      throw ValidationError.single(["sources", "now"], "now() must return whole milliseconds since 1970", "createUuidV7Generator");
    }
    const bytes = new Uint8Array(16);
    random(bytes);
    if (ms <= lastMs) {
      ms = lastMs;
      counter++;
      if (counter > 0xfff) {
        // Sequence exhausted within one millisecond: borrow the next millisecond, as RFC 9562 allows.
        ms = lastMs + 1;
        counter = 0;
      }
    } else {
      counter = (((bytes[6] as number) & 0x07) << 8) | (bytes[7] as number); // random start below 0x800 leaves room to count
    }
    lastMs = ms;
    let t = ms;
    for (let i = 5; i >= 0; i--) {
      bytes[i] = t % 256;
      t = Math.floor(t / 256);
    }
    bytes[6] = 0x70 | (counter >> 8);
    bytes[7] = counter & 0xff;
    bytes[8] = 0x80 | ((bytes[8] as number) & 0x3f);
    // 32 hex digits (each byte + 256 prints three, the first a 1), dashed 8-4-4-4-12.
    return Array.from(bytes, (b) => (b + 256).toString(16).slice(1))
      .join("")
      .replace(/^(.{8})(.{4})(.{4})(.{4})/, "$1-$2-$3-$4-");
  };
}

/**
 * A generator of readable sequential ids (`prefix-0001`, `prefix-0002`, …) for tests, fixtures and examples.
 *
 * @example
 * ```ts
 * const next = createSequentialIdGenerator("REQ");
 * next(); // "REQ-0001"
 * ```
 */
export function createSequentialIdGenerator(prefix: string, width = 4): IdGenerator {
  let n = 0;
  return () => `${prefix}-${String(++n).padStart(width, "0")}`;
}

/**
 * The default generator: time-ordered UUIDv7 from `globalThis.crypto`.
 *
 * @example
 * ```ts
 * const id = defaultIdGenerator();
 * ```
 */
export const defaultIdGenerator: IdGenerator = createUuidV7Generator();
