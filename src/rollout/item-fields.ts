import { isIsoDate, ValidationError, type ValidationIssue } from "../core/index.js";
import { checklistCategorySchema, checklistPhaseSchema, checklistStatusSchema, type ChecklistItem } from "../entities/index.js";
import { duplicateIdIssues } from "../core/unique-ids.js";

/**
 * @internal Checks the fields of checklist items (memory form) that readiness and gates read, and that ids are
 * unique. A typo there changed the answer silently: a phase "Prepare" fell out of a gate's scope (GO), a missing
 * `blocking` made a blocking item advisory (CONDITIONAL GO), a status "complete" read as in progress, a category typo
 * made its own readiness group, a due day "2025-3-1" or a waiver's expiry "2025-3-31" was compared as text, a done
 * item without its completion day counted as done on every day.
 *
 * @throws {ValidationError} with `[...path, i, field]` for each bad field and `[...path, i, "id"]` for a repeated id.
 */
export function checkItemFields(items: readonly ChecklistItem[], path: readonly (string | number)[], subject: string): void {
  const issues: ValidationIssue[] = [];
  const bad = (i: number, field: string, message: string) => issues.push({ path: [...path, i, field], message, code: "custom" });
  items.forEach((item, i) => {
    if (typeof item.id !== "string" || item.id.length === 0) bad(i, "id", "expected an item id");
    if (typeof item.rolloutPlanId !== "string") bad(i, "rolloutPlanId", "expected a rollout plan id");
    if (!checklistPhaseSchema.safeParse(item.phase).success) bad(i, "phase", `unknown phase ${JSON.stringify(item.phase)}`);
    if (!checklistCategorySchema.safeParse(item.category).success) bad(i, "category", `unknown category ${JSON.stringify(item.category)}`);
    if (!checklistStatusSchema.safeParse(item.status).success) bad(i, "status", `unknown status ${JSON.stringify(item.status)}`);
    if (typeof item.blocking !== "boolean") bad(i, "blocking", "expected true (blocking) or false (advisory)");
    if (!Array.isArray(item.gateIds) || item.gateIds.some((g) => typeof g !== "string")) bad(i, "gateIds", "expected a list of gate ids");
    if (!Array.isArray(item.evidence)) bad(i, "evidence", "expected a list of evidence");
    // "All of no conditions hold" would close the item as done from nothing (the schemas ask for at least one).
    const rule = (item as { evidenceRule?: { all?: unknown } }).evidenceRule;
    if (rule !== undefined && (!Array.isArray(rule?.all) || rule.all.length === 0)) {
      issues.push({ path: [...path, i, "evidenceRule", "all"], message: "an evidence rule needs at least one condition", code: "custom" });
    }
    for (const field of ["dueDate", "completedOn", "skippedOn", "notApplicableOn"] as const) {
      if (item[field] !== undefined && !isIsoDate(item[field])) bad(i, field, `${JSON.stringify(item[field])} is not a calendar date YYYY-MM-DD`);
    }
    // Without its day a done item read as done on every day judged ("done on ?"), before it was done too.
    if (item.status === "done" && item.completedOn === undefined) bad(i, "completedOn", "a done item needs its completion day");
    // Not applicable or skipped without a reason left the denominator (and a gate's scope) on nothing: the gate rule
    // lets an item pass as not applicable only with its reason (the entity schema's rule, as for completedOn).
    const why = (item as { statusReason?: unknown }).statusReason;
    if ((item.status === "not-applicable" || item.status === "skipped") && (typeof why !== "string" || why.trim() === "")) {
      bad(i, "statusReason", `a ${item.status} item needs its reason`);
    }
    // A waiver that never existed read as expired (waiverExpired: true): the entity schema's rule, as for completedOn.
    if (item.status === "waived" && item.waiver === undefined) bad(i, "waiver", "a waived item needs a waiver");
    // An expiry "2025-3-31" compared as text kept the waiver valid in April (a lapsed waiver let the gate GO).
    const expiry = (item.waiver as { expiresOn?: unknown } | undefined)?.expiresOn;
    if (item.waiver !== undefined && !isIsoDate(expiry)) {
      issues.push({ path: [...path, i, "waiver", "expiresOn"], message: `${JSON.stringify(expiry)} is not a calendar date YYYY-MM-DD`, code: "custom" });
    }
  });
  issues.push(...duplicateIdIssues(items, path));
  if (issues.length > 0) throw new ValidationError(issues, subject);
}

/**
 * @internal With the plan given, every item must be the plan's: another plan's item would count in its readiness (path
 * `["items", i, "rolloutPlanId"]`). Shared by `evaluateGate` and `readinessFigures`, so the check does not depend on
 * whether a gate has come.
 */
export function checkPlanItems(items: readonly ChecklistItem[], plan: { readonly id: string } | undefined): void {
  if (plan === undefined) return;
  const foreign = items.flatMap((i, k) =>
    i.rolloutPlanId === plan.id ? [] : [{ path: ["items", k, "rolloutPlanId"], message: `item ${i.id} belongs to ${i.rolloutPlanId}, not ${plan.id}`, code: "custom" }],
  );
  if (foreign.length > 0) throw new ValidationError(foreign, "rollout data");
}
