import { ValidationError } from "../core/index.js";
import { duplicateIdIssues } from "../core/unique-ids.js";

/**
 * @internal Refuses a list in which a record id appears twice: summing or counting it would take the same risk, issue
 * or change request twice (a doubled reserve, a doubled count). The path names the second occurrence.
 */
export function requireUniqueIds(records: readonly { readonly id: string }[], path: readonly (string | number)[], subject: string): void {
  const issues = duplicateIdIssues(records, path);
  if (issues.length > 0) throw new ValidationError(issues, subject);
}
