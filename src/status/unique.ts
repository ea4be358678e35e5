import { ValidationError, type ValidationIssue } from "../core/index.js";

/**
 * @internal Refuses a list in which a record id appears twice: summing or counting it would take the same risk, issue
 * or change request twice (a doubled reserve, a doubled count). The path names the second occurrence.
 */
export function requireUniqueIds(records: readonly { readonly id: string }[], path: readonly (string | number)[], subject: string): void {
  const seen = new Set<string>();
  const issues: ValidationIssue[] = [];
  records.forEach((r, i) => {
    if (seen.has(r.id)) issues.push({ path: [...path, i, "id"], message: `${JSON.stringify(r.id)} is listed twice`, code: "custom" });
    seen.add(r.id);
  });
  if (issues.length > 0) throw new ValidationError(issues, subject);
}
