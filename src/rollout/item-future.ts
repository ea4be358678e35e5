import { instant, isInstantInput, type Instant, type ValidationIssue } from "../core/index.js";

/**
 * @internal What a change stamped `when` may not record: a completion day after the UTC day of `when`, or a waiver
 * granted after `when`. Shared by `changeItemStatus` and the service's checklist-item update.
 */
export function futureIssues(change: { readonly completedOn?: unknown; readonly waiver?: { readonly grantedAt?: unknown } | undefined }, when: Instant): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (typeof change.completedOn === "string" && change.completedOn > when.slice(0, 10)) {
    issues.push({ path: ["completedOn"], message: `done on ${change.completedOn}, after the change recording it (${when})`, code: "custom" });
  }
  const granted = change.waiver?.grantedAt;
  if (isInstantInput(granted) && instant(granted) > when) {
    issues.push({ path: ["waiver", "grantedAt"], message: `waiver granted at ${granted}, after the change recording it (${when})`, code: "custom" });
  }
  return issues;
}
