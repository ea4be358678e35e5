import { ValidationError } from "../core/index.js";

/**
 * A ValidationError with the first key of its issues' paths renamed by `names` (`{ targetFinish: "target" }`), so the
 * error names the option or flag its caller typed instead of the one it was passed on as; any other error as it is.
 *
 * @example
 * ```ts
 * try { analyseScheduleRisk(model, { targetFinish: o.target }); } catch (e) { throw renamePaths(e, { targetFinish: "--target" }); }
 * ```
 */
export function renamePaths(error: unknown, names: Readonly<Record<string, string>>): unknown {
  if (!(error instanceof ValidationError)) return error;
  const rename = (key: unknown) => (typeof key === "string" && Object.hasOwn(names, key) ? names[key] : undefined);
  return new ValidationError(error.issues.map((i) => (rename(i.path[0]) === undefined ? i : { ...i, path: [rename(i.path[0])!, ...i.path.slice(1)] })), error.subject);
}

/**
 * Runs `f`, renaming the paths of a ValidationError it throws by `names` ({@link renamePaths}).
 *
 * @example
 * ```ts
 * const results = namingFlags({ target: "--target" }, () => analyzeOfficeRisk(records, { statusDate, iterations, seed, target }));
 * ```
 */
export function namingFlags<T>(names: Readonly<Record<string, string>>, f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw renamePaths(e, names);
  }
}
