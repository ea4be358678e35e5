import { ValidationError } from "../core/index.js";

/**
 * @internal Refuses a size limit that is not a number above 0. NaN or a string compares false against every size,
 * so it would switch its guard (a zip-bomb limit among them) off instead of failing.
 *
 * @throws {ValidationError} at path `[key]`, in the words of `subject`.
 * @example
 * ```ts
 * checkLimit(options.maxInflatedBytes, "maxInflatedBytes", "ReqIF archive options"); // undefined passes
 * ```
 */
export function checkLimit(value: unknown, key: string, subject: string): void {
  if (value !== undefined && (typeof value !== "number" || Number.isNaN(value) || value <= 0)) {
    throw ValidationError.single([key], `a limit is a number above 0, not ${typeof value === "string" ? JSON.stringify(value) : String(value)}`, subject);
  }
}
