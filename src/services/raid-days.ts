import type { EntityKind } from "../entities/registry.js";

/** The RAID statuses that carry the day they took effect, by kind, and the field holding it. */
const CLOSING_DAYS: Partial<Record<EntityKind, readonly [status: string, field: string]>> = {
  action: ["cancelled", "cancelledOn"],
  "change-request": ["withdrawn", "withdrawnOn"],
  decision: ["superseded", "supersededOn"],
};

/**
 * @internal Keeps the closing day of a changed action, change request or decision (wire form, edited in place) with
 * its status, the rule the checklist-item update follows for `skippedOn`: a record that becomes cancelled, withdrawn
 * or superseded without its day given takes the UTC day of `at` (so the as-of views know when it stopped being open);
 * one that stays so keeps its day; one that leaves the status loses it, unless `given` names it (the schema then
 * refuses it). Other kinds are left alone.
 *
 * @example
 * ```ts
 * const next = { status: "cancelled" };
 * keepClosingDay("action", next, { status: "open" }, {}, "2026-11-20T09:00:00.000Z"); // next.cancelledOn === "2026-11-20"
 * ```
 */
export function keepClosingDay(kind: EntityKind, next: Record<string, unknown>, before: { readonly status?: unknown }, given: Readonly<Record<string, unknown>>, at: string): void {
  const rule = CLOSING_DAYS[kind];
  if (rule === undefined) return;
  const [status, field] = rule;
  if (next["status"] !== status) {
    if (given[field] === undefined) delete next[field];
  } else if (before.status !== status && next[field] === undefined) next[field] = at.slice(0, 10);
}
