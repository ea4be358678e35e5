import { instant, isInstantInput, type Instant, type ValidationIssue } from "../core/index.js";
import { latestLocalDay } from "../entities/closing-day.js";

/** @internal The statuses that carry the day they took effect, and the field holding it (besides done's `completedOn`). */
const EXCLUDED_DAYS = [["skipped", "skippedOn"], ["not-applicable", "notApplicableOn"]] as const;

/**
 * @internal What a change stamped `when` may not record: a completion, skip or not-applicable day that no place on
 * Earth has reached at `when`, or a waiver granted after `when`. Shared by `changeItemStatus` and the service's
 * checklist-item update. Days are calendar days without a zone, so the bound is the latest local day at `when` —
 * the UTC day at `when` + 14 h (UTC+14): at 09:00 in Auckland (20:00 UTC the day before) "done today" is that local
 * today, which the UTC day alone would refuse.
 */
export function futureIssues(
  change: { readonly completedOn?: unknown; readonly skippedOn?: unknown; readonly notApplicableOn?: unknown; readonly waiver?: { readonly grantedAt?: unknown } | undefined },
  when: Instant,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const today = latestLocalDay(when);
  if (typeof change.completedOn === "string" && change.completedOn > today) {
    issues.push({ path: ["completedOn"], message: `done on ${change.completedOn}, after the change recording it (${when}), a day no time zone has reached yet`, code: "custom" });
  }
  for (const [status, field] of EXCLUDED_DAYS) {
    const day = change[field];
    if (typeof day === "string" && day > today) issues.push({ path: [field], message: `${status} on ${day}, after the change recording it (${when}), a day no time zone has reached yet`, code: "custom" });
  }
  const granted = change.waiver?.grantedAt;
  if (isInstantInput(granted) && instant(granted) > when) {
    issues.push({ path: ["waiver", "grantedAt"], message: `waiver granted at ${granted}, after the change recording it (${when})`, code: "custom" });
  }
  return issues;
}

/**
 * @internal Keeps the skip and not-applicable days of a changed item (wire form, edited in place) with its status:
 * an item that becomes skipped (or not applicable) at `when` without a day given takes the UTC day of `when`; an
 * item that stays skipped keeps its day; an item that leaves the status loses the day, unless `given` names it (the
 * schema then refuses it). Shared by `changeItemStatus` and the service's checklist-item update.
 */
export function keepStatusDays(
  next: Record<string, unknown>,
  before: { readonly status: string },
  given: { readonly skippedOn?: unknown; readonly notApplicableOn?: unknown },
  when: Instant,
): void {
  for (const [status, field] of EXCLUDED_DAYS) {
    if (next["status"] !== status) {
      if (given[field] === undefined) delete next[field];
    } else if (before.status !== status && next[field] === undefined) next[field] = when.slice(0, 10);
  }
}
