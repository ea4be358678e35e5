import { ValidationError, idSchema } from "../../core/index.js";
import type { ReportBuilder } from "../report.js";

/**
 * pmokit ids for ReqIF identifiables: `<projectId>:<IDENTIFIER>` when that is a valid id, else
 * `<projectId>:<fallback>-<n>` (n = position, 1-based) — made unique against every other id of the same kind
 * (`-2`, `-3`… appended), and each rename reported as a `renamed-identifier` warning (an empty IDENTIFIER at its
 * position, `SPEC-OBJECT[3]`). Two identifiables with the
 * same IDENTIFIER are refused: which one a reference means is unknowable.
 *
 * @throws {ValidationError} when an IDENTIFIER is used more than once.
 * @example
 * ```ts
 * reqifIds(["R1", "bad id"], { projectId: "prj", fallback: "obj", element: "SPEC-OBJECT", report }); // ["prj:R1", "prj:obj-2"]
 * ```
 */
export function reqifIds(
  identifiers: readonly string[],
  how: { readonly projectId: string; readonly fallback: string; readonly element: string; readonly report: ReportBuilder },
): string[] {
  const times = new Map<string, number>();
  // An empty IDENTIFIER names nothing a reference could mean: each is renamed below, none is a duplicate.
  for (const i of identifiers) if (i !== "") times.set(i, (times.get(i) ?? 0) + 1);
  const repeated = [...times].filter(([, n]) => n > 1);
  if (repeated.length > 0) {
    throw new ValidationError(
      repeated.map(([i, n]) => ({ path: [`${how.element}[${i}]`], message: `IDENTIFIER ${i} is used by ${n} ${how.element === "SPEC-OBJECT" ? "spec objects" : "spec relations"}`, code: "custom" })),
      "ReqIF import",
    );
  }
  const candidates = identifiers.map((i) => `${how.projectId}:${i}`);
  const valid = candidates.map((c, k) => identifiers[k] !== "" && idSchema.safeParse(c).success);
  const taken = new Set(candidates.filter((_, k) => valid[k]));
  return candidates.map((c, k) => {
    if (valid[k]) return c;
    const base = `${how.projectId}:${how.fallback}-${k + 1}`;
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    if (identifiers[k] === "") {
      const what = how.element === "SPEC-OBJECT" ? "spec object" : "spec relation";
      how.report.warn(`${how.element}[${k + 1}]`, `the ${what} has no IDENTIFIER; imported as ${id}`, "renamed-identifier");
    } else how.report.warn(`${how.element}[${identifiers[k]}]`, `IDENTIFIER is not a usable pmokit id; imported as ${id}`, "renamed-identifier");
    return id;
  });
}
