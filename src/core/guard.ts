/**
 * @internal Argument checks for public functions. A caller from plain JavaScript (or through `any`) can pass
 * anything; these turn a wrong-typed argument into a ValidationError naming the argument, so that only pmokit
 * errors ever escape a pmokit function. They are cheap (typeof and brand checks), fit for hot paths.
 */
import { ValidationError } from "./errors.js";
import { describeValue } from "./describe.js";
import { isIsoDate } from "./dates/iso-date.js";

export { describeValue };

type Path = readonly (string | number)[];

export function fail(path: Path, expected: string, value: unknown, subject: string): never {
  throw ValidationError.single(path, `expected ${expected}, got ${describeValue(value)}`, subject);
}

/** A non-null object (not an array). */
export function requireObject<T extends object>(value: unknown, path: Path, subject: string): T {
  if (typeof value !== "object" || value === null || Array.isArray(value)) fail(path, "an object", value, subject);
  return value as T;
}

/** An array. */
export function requireArray<T>(value: unknown, path: Path, subject: string): readonly T[] {
  if (!Array.isArray(value)) fail(path, "an array", value, subject);
  return value as readonly T[];
}

/** Anything `for … of` can walk (arrays, sets, generators); strings are refused. */
export function requireIterable<T>(value: unknown, path: Path, subject: string): Iterable<T> {
  const ok =
    typeof value === "object" && value !== null && typeof (value as { [Symbol.iterator]?: unknown })[Symbol.iterator] === "function";
  if (!ok) fail(path, "a list", value, subject);
  return value as Iterable<T>;
}

/** An options object, or undefined (then `{}`). */
export function optionsObject<T extends object>(value: unknown, subject: string, path: Path = ["options"]): T {
  if (value === undefined) return {} as T;
  return requireObject<T>(value, path, subject);
}

/** What {@link checkArguments} can require of an argument; a trailing `?` also allows `undefined`. */
export type ArgumentKind =
  | "object" | "array" | "object[]" | "iterable" | "string" | "number" | "integer" | "date" | "function" | "boolean"
  | "object?" | "array?" | "object[]?" | "iterable?" | "string?" | "number?" | "integer?" | "date?" | "function?" | "boolean?";

/**
 * Checks the arguments of a public function in one line, so that a wrong-typed argument (from plain JavaScript or
 * through `any`) is a ValidationError naming it, never a TypeError from deep inside. Cheap: typeof and shape checks
 * only (`"object[]"` also checks that every element is an object); the function's own validation still checks the
 * contents.
 *
 * @throws {ValidationError} for the first argument that does not fit, with its name as the path.
 * @example
 * ```ts
 * function portfolioHealth(projects: readonly Project[], options?: { asOf?: IsoDate }) {
 *   checkArguments("portfolioHealth", { projects: [projects, "object[]"], options: [options, "object?"] });
 *   // …
 * }
 * ```
 */
export function checkArguments(subject: string, args: Readonly<Record<string, readonly [unknown, ArgumentKind]>>): void {
  if (typeof subject !== "string") fail(["subject"], "a string", subject, "checkArguments");
  if (typeof args !== "object" || args === null) fail(["args"], "an object of [value, kind] pairs", args, "checkArguments");
  for (const [name, pair] of Object.entries(args)) {
    if (!Array.isArray(pair) || typeof pair[1] !== "string") fail([name], "a [value, kind] pair", pair, "checkArguments");
    const [value, kind] = pair;
    const optional = kind.endsWith("?");
    if (optional && value === undefined) continue;
    const base = (optional ? kind.slice(0, -1) : kind) as Exclude<ArgumentKind, `${string}?`>;
    switch (base) {
      case "object": requireObject(value, [name], subject); break;
      case "array": requireArray(value, [name], subject); break;
      case "object[]":
        requireArray<unknown>(value, [name], subject).forEach((v, i) => requireObject(v, [name, i], subject));
        break;
      case "iterable": requireIterable(value, [name], subject); break;
      case "string": if (typeof value !== "string") fail([name], "a string", value, subject); break;
      case "number": if (!Number.isFinite(value)) fail([name], "a finite number", value, subject); break;
      case "integer": if (!Number.isInteger(value)) fail([name], "a whole number", value, subject); break;
      case "date": if (!isIsoDate(value)) fail([name], "a calendar date YYYY-MM-DD", value, subject); break;
      case "function": if (typeof value !== "function") fail([name], "a function", value, subject); break;
      case "boolean": if (typeof value !== "boolean") fail([name], "true or false", value, subject); break;
      default: fail([name], "a known argument kind", kind, "checkArguments");
    }
  }
}

/**
 * Refuses the keys an options object does not know, so that a misspelt option (`outOfSequnce`, `asof`) is an error
 * instead of being ignored while the default runs. `known` holds exactly the options' keys; declare it
 * `{ … } satisfies Record<keyof TheOptions, 1>` so the compiler keeps it complete. A non-object is left to
 * {@link checkArguments}. Every unknown key is one issue, at `path` + the key.
 *
 * @throws {ValidationError} naming each unknown key and the keys `subject` takes.
 * @example
 * ```ts
 * const KEYS = { asOf: 1, method: 1 } satisfies Record<keyof EarnedValueOptions, 1>;
 * checkOptionKeys("earnedValue", options, KEYS); // { asof: "2026-11-20" } → asof: unknown option (earnedValue takes asOf, method)
 * ```
 */
export function checkOptionKeys(subject: string, options: unknown, known: Readonly<Record<string, 1>>, path?: readonly (string | number)[]): void {
  if (typeof options !== "object" || options === null) return;
  // Wrong-typed arguments of its own are read leniently (no describeValue, which a calculator's bundle would carry
  // for this alone): a non-object `known` knows no key, a non-array `path` (or none) is the root, a non-string subject
  // is "options" (String() of a null-prototype object throws a TypeError).
  const table = Object(known) as Record<string, 1>;
  const unknown = Object.keys(options).filter((k) => !Object.hasOwn(table, k));
  if (unknown.length) {
    const s = typeof subject == "string" ? subject : "options";
    throw new ValidationError(unknown.map((k) => ({ path: [...(Array.isArray(path) ? path : []), k], message: `unknown option (${s} takes ${Object.keys(table).join(", ")})`, code: "custom" as const })), s);
  }
}
