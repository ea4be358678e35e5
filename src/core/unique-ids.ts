import type { ValidationIssue } from "./errors.js";

/**
 * @internal One issue for each record whose id an earlier record already has (at `[...path, i, "id"]`): a record
 * listed twice would be summed, averaged or counted twice. Ids that are not strings are left to the caller's checks.
 */
export function duplicateIdIssues(records: readonly object[], path: readonly (string | number)[] = []): ValidationIssue[] {
  const seen = new Set<unknown>();
  const issues: ValidationIssue[] = [];
  records.forEach((r, i) => {
    const id = (r as { id?: unknown }).id;
    if (typeof id !== "string") return;
    if (seen.has(id)) issues.push({ path: [...path, i, "id"], message: `${JSON.stringify(id)} is listed twice (it would count twice)`, code: "custom" });
    seen.add(id);
  });
  return issues;
}
