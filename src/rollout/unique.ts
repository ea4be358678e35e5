import { ValidationError } from "../core/index.js";
import { duplicateIdIssues } from "../core/unique-ids.js";

/**
 * @internal Refuses a list in which a record id appears twice: a checklist item, gate or wave listed twice would be
 * counted twice (readiness, overdue lists, wave totals) or judged by whichever copy comes first. The path names the
 * second occurrence (`[...path, i, "id"]`).
 */
export function requireUniqueIds(records: readonly object[], path: readonly (string | number)[], subject: string): void {
  const issues = duplicateIdIssues(records, path);
  if (issues.length > 0) throw new ValidationError(issues, subject);
}
