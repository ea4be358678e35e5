import { isPmoError, type PmoErrorCode } from "../core/errors.js";

/**
 * Thrown by the conformance kit when an adapter breaks the contract. The message says what was expected and what
 * the adapter did.
 *
 * @example
 * ```ts
 * throw new ConformanceFailure("update with a stale version must throw VersionConflictError");
 * ```
 */
export class ConformanceFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConformanceFailure";
  }
}

/** @internal */
export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new ConformanceFailure(message);
}

/** @internal JSON with sorted keys: the byte-level identity of a record, whatever key order a database returns. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === "object" && !Array.isArray(v)) {
      const out: Record<string, unknown> = {};
      // defineProperty: an adapter returning a stray "__proto__" key must show in the comparison, not vanish.
      for (const k of Object.keys(v as object).sort()) Object.defineProperty(out, k, { value: (v as Record<string, unknown>)[k], enumerable: true, writable: true, configurable: true });
      return out;
    }
    return v;
  });
}

/** @internal */
export function checkSame(actual: unknown, expected: unknown, message: string): void {
  const a = canonicalJson(actual);
  const e = canonicalJson(expected);
  if (a !== e) throw new ConformanceFailure(`${message}\n  expected: ${e}\n  actual:   ${a}`);
}

/** @internal Runs `fn`, expecting a pmokit error with `code`; returns it. */
export async function expectPmoError(fn: () => Promise<unknown>, code: PmoErrorCode, message: string): Promise<Error> {
  let result: unknown;
  try {
    result = await fn();
  } catch (e) {
    if (isPmoError(e, code)) return e;
    throw new ConformanceFailure(`${message}: expected a ${code} error, got ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
  }
  throw new ConformanceFailure(`${message}: expected a ${code} error, but the call succeeded (${canonicalJson(result)})`);
}
