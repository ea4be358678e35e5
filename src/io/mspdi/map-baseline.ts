import { roundMoney, subtractMoney, sumMoney, type Money } from "../../core/index.js";
import type { EntityOf } from "../../entities/index.js";
import type { ReportBuilder } from "../report.js";
import { mspdiCash, type MspdiDecode, type MspdiMapContext } from "./context.js";
import type { MspdiElement } from "./element.js";
import { fieldDay, fieldMoney, fieldStr } from "./fields.js";
import { mspdiFinishDay } from "./calendar.js";

/** MS Project's baseline numbers: Baseline (0) and Baseline 1–10. @internal */
export const MSPDI_BASELINE_NUMBERS: readonly number[] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

/** One baseline number's entries, gathered task by task. @internal */
export interface MspdiBaselineDraft {
  /** Whether any task has this baseline. */
  used: boolean;
  readonly workPackages: unknown[];
  readonly milestones: unknown[];
  /** Budget slices, summed into the budget at completion. */
  readonly total: Money[];
}

/** A new, empty draft. @internal @example `const draft = newMspdiBaselineDraft();` */
export const newMspdiBaselineDraft = (): MspdiBaselineDraft => ({ used: false, workPackages: [], milestones: [], total: [] });

/** The first baseline of a task with number `n`. */
const baselineOf = (t: MspdiElement, n: number): MspdiElement | undefined => (t.lists["baselines"] ?? []).find((x) => fieldStr(x, "Number") === String(n));

/**
 * The children's baseline costs of every summary task, by parent id and baseline number, each rounded half-up: MSPDI
 * writes no baseline FixedCost, so a summary's own part is its baseline Cost less its children's.
 * @internal
 * @example
 * ```ts
 * const children = createMspdiChildCosts("EUR");
 * for (const t of tasks) children.addTask(t, ctx.parentOf(t));
 * children.sum("prj-x-t1", 0); // 1200.00 EUR
 * ```
 */
export function createMspdiChildCosts(currency: string): {
  addTask(task: MspdiElement, parentId: string | undefined): void;
  addCost(parentId: string, n: number, amount: Money): void;
  sum(parentId: string, n: number): Money;
} {
  const sums = new Map<string, Money[]>(); // `${n}\u0000${parentId}` → costs
  const addCost = (parentId: string, n: number, amount: Money): void => {
    const key = `${n}\u0000${parentId}`;
    const list = sums.get(key);
    if (list) list.push(amount);
    else sums.set(key, [amount]);
  };
  return {
    addTask(t, parentId) {
      if (parentId === undefined) return;
      for (const n of MSPDI_BASELINE_NUMBERS) {
        const b = baselineOf(t, n);
        const m = b && fieldMoney(b, "Cost"); // its own rounding is reported where the child is mapped
        if (m) addCost(parentId, n, roundMoney(m, { rounding: "half-up" }));
      }
    },
    addCost,
    sum: (parentId, n) => sumMoney(sums.get(`${n}\u0000${parentId}`) ?? [], currency),
  };
}

/**
 * Adds one task's baseline `n` to its draft: a milestone's date, or a package's dates and own budget slice (a
 * summary's baseline Cost less its children's). Baselines without dates take the task's current dates (reported).
 * @internal
 * @example
 * ```ts
 * addMspdiBaselineEntry(drafts[0], task, 0, ctx, report, children);
 * ```
 */
export function addMspdiBaselineEntry(
  draft: MspdiBaselineDraft,
  t: MspdiElement,
  n: number,
  ctx: MspdiMapContext,
  report: ReportBuilder,
  children: { sum(parentId: string, n: number): Money },
): void {
  const b = baselineOf(t, n);
  if (!b) return;
  draft.used = true;
  const uid = fieldStr(t, "UID")!;
  const bs = fieldDay(b, "Start");
  // A package's finish where the working day begins ends the working day before (see mspdiFinishDay).
  const calUid = fieldStr(t, "CalendarUID");
  const own = calUid === undefined ? undefined : ctx.calendarOf(calUid);
  const dayCal = own === undefined || own === "missing" ? ctx.projectCalendar : own;
  const milestone = fieldStr(t, "Milestone") === "1";
  const bf = milestone ? fieldDay(b, "Finish") : mspdiFinishDay(fieldStr(b, "Finish"), fieldStr(b, "Start"), dayCal);
  if (milestone) {
    if (bf) draft.milestones.push({ milestoneId: ctx.idOf(uid), name: fieldStr(t, "Name") ?? `Milestone ${uid}`, date: bf, key: false });
    return;
  }
  const where = `Task[UID=${uid}]/Baseline[Number=${n}]`;
  const bc = mspdiCash(b, "Cost", where, report);
  let [fs, ff] = [bs, bf];
  if (!bs || !bf || bf < bs) {
    // pmokit freezes a package with its dates; MS Project may store a baseline cost alone, one of its dates alone
    // (mspdiassignmentfields.xml: a Finish only), or dates out of order. The date it has is kept; the missing one is
    // the task's current one, unless that would put the finish before the start.
    const [ts, tf] = [fieldDay(t, "Start"), mspdiFinishDay(fieldStr(t, "Finish"), fieldStr(t, "Start"), dayCal) ?? fieldDay(t, "Start")];
    const one = (bs === undefined) !== (bf === undefined);
    const [ps, pf] = [bs ?? ts, bf ?? tf];
    if (one && ps && pf && ps <= pf) {
      [fs, ff] = [ps, pf];
      report.warn(where, bs ? "baseline has no finish; the task's current finish is used" : "baseline has no start; the task's current start is used", "baseline-dates-from-plan");
    } else {
      [fs, ff] = [ts, tf];
      const why = one ? (bs ? "has no finish and its start is after the task's current finish" : "has no start and its finish is before the task's current start") : !bs ? "has no start/finish" : "finishes before it starts";
      report.warn(where, `baseline ${why}; the task's current dates are used`, "baseline-dates-from-plan");
    }
    if (!fs || !ff) return;
  }
  const summary = fieldStr(t, "Summary") === "1";
  const id = ctx.idOf(uid);
  const ownCost = summary && bc ? subtractMoney(bc, id === undefined ? sumMoney([], ctx.currency) : children.sum(id, n)) : bc;
  if (summary && ownCost?.amount.gt(0)) report.warn(where, `summary task's own baseline cost ${ownCost.amount.toFixed()} ${ctx.currency} (its Cost less its children's) is frozen on its package`, "summary-fixed-cost");
  const slice = ownCost && ownCost.amount.gt(0) ? [{ start: fs, finish: ff, amount: { amount: ownCost.amount.toFixed(), currency: ctx.currency } }] : [];
  if (slice.length > 0 && ownCost) draft.total.push(ownCost);
  draft.workPackages.push({ workPackageId: id, code: fieldStr(t, "OutlineNumber") ?? uid, name: fieldStr(t, "Name") ?? `Task ${uid}`, plannedStart: fs, plannedFinish: ff, timePhasedBudget: slice });
}

/**
 * The baseline record of a used draft (`<projectId>-bl<n>`, budget at completion = the sum of its slices), or
 * undefined for an unused number or an invalid record (its problems go to the decoder).
 * @internal
 * @example
 * ```ts
 * const baseline = mspdiBaselineRecord(0, drafts[0], ctx, report, decode);
 * ```
 */
export function mspdiBaselineRecord(n: number, draft: MspdiBaselineDraft, ctx: MspdiMapContext, report: ReportBuilder, decode: MspdiDecode): EntityOf<"baseline"> | undefined {
  if (!draft.used) return undefined;
  report.count("baselines");
  const { options } = ctx;
  const bac = sumMoney(draft.total, ctx.currency);
  return decode("baseline", {
    id: `${options.projectId}-bl${n}`, ...ctx.stamp, projectId: options.projectId, number: n, capturedAt: options.importedAt,
    capturedBy: options.importedBy, reason: `Imported from MS Project ${n === 0 ? "Baseline" : `Baseline ${n}`}`,
    workPackages: draft.workPackages, milestones: draft.milestones, budgetAtCompletion: { amount: bac.amount.toFixed(), currency: ctx.currency },
  }, `Baseline[Number=${n}]`);
}
