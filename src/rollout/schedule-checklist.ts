import { createWorkingCalendar, ValidationError, type IsoDate, type ValidationIssue, checkArguments, checkOptionKeys } from "../core/index.js";
import type { ChecklistItem, RolloutPlan } from "../entities/index.js";
import { orderByDependencies } from "./dependency-order.js";
import { blackoutWarnings, cutoverStepWarning, type BlackoutWarning, type CutoverStepWarning } from "./blackout-warnings.js";
import { blackoutMove, shiftDependants, type BlackoutMove, type DependantWarning } from "./freeze-moves.js";
import { dueDateFor, inRange, tLabel, withBlackouts } from "./schedule.js";

/** A finding about a plan's checklist that is not an error. */
export interface ChecklistFinding {
  /**
   * `raci-missing`: no RACI recorded; `no-accountable`: RACI without an accountable person;
   * `dependency-due-later`: due before one of its dependencies.
   */
  readonly code: "raci-missing" | "no-accountable" | "dependency-due-later";
  /** The item. */
  readonly itemId: string;
  /** Plain words. */
  readonly message: string;
}

/** What {@link scheduleChecklist} returns. */
export interface ChecklistSchedule {
  /** The items with `dueDate` set, in dependency order. */
  readonly items: readonly ChecklistItem[];
  /** Items moved out of a blackout window. */
  readonly moves: readonly (BlackoutMove & { readonly itemId: string })[];
  /** RACI and ordering findings. */
  readonly findings: readonly ChecklistFinding[];
  /**
   * Warnings about the plan's own dates (go-live, cutover or a wave inside a blackout window), then the cutover steps
   * that stay inside a freeze (`cutover-step-in-blackout`).
   */
  readonly warnings: readonly (BlackoutWarning | CutoverStepWarning | DependantWarning)[];
}

/**
 * Fills in the due days of a plan's checklist items from the plan's go-live, cutover start and hypercare end and its
 * working calendar (the same rule as {@link scheduleRollout}: business days back from the anchor, out of blackout
 * windows to the previous working day — the next one for an item after its anchor, or after a go-live the move back
 * would reach — every window stepped over
 * named; an item with `freezeExempt: true` keeps its day; a dependant is kept after its dependency, moved after it
 * or flagged `dependant-in-blackout`), orders them by dependency, checks the RACI
 * (exactly one accountable) and warns when go-live, cutover or one of the plan's waves lies in a blackout window.
 *
 * @throws {ValidationError} when an item belongs to another plan, depends on an unknown item, the dependencies form a
 *   cycle (named in the message), an anchor date is missing from the plan, an item falls before `planStart`, or
 *   `planStart` is not a calendar date `YYYY-MM-DD` (path `["planStart"]`), or an item's due day (or its move after
 *   a dependency) would fall outside years 0001–9999 (path `[i, "tMinusDays"]`).
 * @example
 * ```ts
 * const { items, moves } = scheduleChecklist(plan, checklist, { planStart: isoDate("2026-09-01") });
 * ```
 */
export function scheduleChecklist(
  plan: RolloutPlan,
  items: readonly ChecklistItem[],
  options: { readonly planStart?: IsoDate; readonly blackouts?: readonly { start: string; end: string; reason: string }[] } = {},
): ChecklistSchedule {
  checkArguments("scheduleChecklist", { plan: [plan, "object"], items: [items, "object[]"], options: [options, "object?"] });
  checkOptionKeys("scheduleChecklist", options, { planStart: 1, blackouts: 1 } satisfies Record<keyof NonNullable<typeof options>, 1>);
  checkArguments("scheduleChecklist", { planStart: [options?.planStart, "date?"] });
  const calendar = withBlackouts(createWorkingCalendar(plan.calendar), options.blackouts ?? []);
  const anchors = { "go-live": plan.goLive, "cutover-start": plan.cutoverStart, "hypercare-end": plan.hypercareEnd };
  const issues: ValidationIssue[] = [];
  const dates = new Map<string, { nominal: IsoDate; due: IsoDate; move?: BlackoutMove }>();
  const stepWarnings: CutoverStepWarning[] = [];
  const dated = items.map((item, i) => {
    if (item.rolloutPlanId !== plan.id) {
      issues.push({ path: [i, "rolloutPlanId"], message: `item belongs to ${item.rolloutPlanId}, not ${plan.id}`, code: "custom" });
    }
    const anchor = anchors[item.anchor];
    if (anchor === undefined) {
      issues.push({ path: [i, "anchor"], message: `plan ${plan.id} has no ${item.anchor} date`, code: "custom" });
      return item;
    }
    const cutoverStart = plan.cutoverStart;
    // A "yes" would read as exempt; the entity schema asks for true or false.
    if (item.freezeExempt !== undefined && typeof item.freezeExempt !== "boolean") {
      issues.push({ path: [i, "freezeExempt"], message: `freezeExempt is true or false, got ${JSON.stringify(item.freezeExempt)}`, code: "custom" });
    }
    const r = inRange(() => dueDateFor(calendar, anchor, item.tMinusDays, {
      goLive: plan.goLive,
      cutoverStep: item.anchor === "cutover-start",
      ...(cutoverStart !== undefined ? { cutoverStart } : {}),
      ...(item.freezeExempt === true ? { freezeExempt: true } : {}),
    }), issues, [i, "tMinusDays"], `${item.code} (${tLabel(item.tMinusDays)}) would be due`);
    if (!r) return item;
    const { nominal, due, window, windows } = r;
    if (r.conflict) stepWarnings.push(cutoverStepWarning(item, { anchorDate: anchor, cutoverStart: cutoverStart!, goLive: plan.goLive }, { ...r, conflict: r.conflict }));
    if (options.planStart !== undefined && due < options.planStart) {
      issues.push({ path: [i, "tMinusDays"], message: `due on ${due}, before the plan starts on ${options.planStart}`, code: "custom" });
    }
    dates.set(item.id, { nominal, due, ...(window && due !== nominal ? { move: blackoutMove(nominal, due, window, windows) } : {}) });
    return { ...item, dueDate: due };
  });
  if (issues.length > 0) throw new ValidationError(issues, "checklist");
  // Dependants stay after their dependencies through the freeze moves (moved after them, or kept and flagged).
  const at = new Map(items.map((it, i) => [it.id, i]));
  const place = (it: ChecklistItem) => [[at.get(it.id)!, "tMinusDays"], `${it.code ?? it.id} (${tLabel(it.tMinusDays)})`] as const;
  const shifted = shiftDependants(calendar, orderByDependencies(dated, "checklist"), dates, plan.goLive, place, "checklist");
  const ordered = orderByDependencies(dated, "checklist").map((i) => ({ ...i, dueDate: shifted.dates.get(i.id)!.due }));
  const moves = ordered.flatMap((i) => {
    const m = shifted.dates.get(i.id)!.move;
    return m ? [{ itemId: i.id, ...m }] : [];
  });

  const findings: ChecklistFinding[] = [];
  const byId = new Map(ordered.map((i) => [i.id, i]));
  for (const item of ordered) {
    const a = item.raci.filter((r) => r.raci === "accountable").length;
    if (item.raci.length === 0) findings.push({ code: "raci-missing", itemId: item.id, message: `${item.code ?? item.id} has no RACI` });
    else if (a === 0) findings.push({ code: "no-accountable", itemId: item.id, message: `${item.code ?? item.id} has nobody accountable` });
    for (const d of item.dependsOn) {
      const dep = byId.get(d)!;
      if (dep.dueDate! > item.dueDate!) {
        findings.push({
          code: "dependency-due-later",
          itemId: item.id,
          message: `${item.code ?? item.id} is due ${item.dueDate}, before its dependency ${dep.code ?? dep.id} (due ${dep.dueDate})`,
        });
      }
    }
  }
  const warnings = [
    ...blackoutWarnings(calendar, {
      goLive: plan.goLive,
      ...(plan.cutoverStart !== undefined ? { cutoverStart: plan.cutoverStart } : {}),
      waves: plan.waves ?? [],
    }),
    ...stepWarnings.filter((w) => shifted.dates.get(w.itemId)!.due === w.date),
    ...shifted.warnings,
  ];
  return { items: ordered, moves, findings, warnings };
}
