import * as z from "zod";
import { instantCodec, isoDateCodec } from "../core/codecs.js";
import { PmoDecimal } from "../core/decimal.js";
import { entitySchema, wireJsonSchema } from "./base.js";
import { nameSchema, nonNegativeMoneyCodec, refSchema, textSchema, timePhasedAmountSchema, whenDecoded } from "./common.js";
import { refuse, refuseRepeats, refuseSliceOrder, refuseSlicesOutside } from "./refuse.js";
import { earningRuleSchema, wbsCodeSchema } from "./work-package.js";

/** Baseline numbers: 0 is the original plan, each approved re-plan takes the next number. */
const baselineNumberSchema = z.number().int().min(0).max(10);

/**
 * A work package as frozen in a baseline.
 *
 * @example
 * ```ts
 * baselineWorkPackageSchema.decode({
 *   workPackageId: "wp-1", code: "1.1", name: "Design", plannedStart: "2027-01-04", plannedFinish: "2027-01-29",
 *   timePhasedBudget: [{ start: "2027-01-04", finish: "2027-01-29", amount: { amount: "20000.00", currency: "EUR" } }],
 * });
 * ```
 */
export const baselineWorkPackageSchema = z
  .strictObject({
    /** The live work package. */
    workPackageId: refSchema,
    /** WBS code at capture time. */
    code: wbsCodeSchema,
    /** Name at capture time. */
    name: nameSchema,
    /** Planned first day. */
    plannedStart: isoDateCodec,
    /** Planned last day (not before the start). */
    plannedFinish: isoDateCodec,
    /** Planned value over time (same rules as the live package). */
    timePhasedBudget: z.array(timePhasedAmountSchema).max(1_000),
    /** Earning rule at capture time. */
    earningRule: earningRuleSchema.optional(),
  })
  .superRefine((p, ctx) => {
    if (p.plannedFinish < p.plannedStart) {
      refuse(ctx, ["plannedFinish"], "cannot finish before it starts");
    }
    refuseSliceOrder(ctx, p.timePhasedBudget, ["timePhasedBudget"]);
    refuseSlicesOutside(ctx, p.timePhasedBudget, p.plannedStart, p.plannedFinish, ["timePhasedBudget"]);
    if (p.earningRule?.type === "apportioned" && p.earningRule.basePackageId === p.workPackageId) {
      refuse(ctx, ["earningRule", "basePackageId"], "a package cannot be apportioned to itself");
    }
  }, whenDecoded);

/**
 * A milestone as frozen in a baseline.
 *
 * @example
 * ```ts
 * baselineMilestoneSchema.parse({ milestoneId: "ms-golive", name: "Go-live", date: "2027-06-01", key: true });
 * ```
 */
export const baselineMilestoneSchema = z.strictObject({
  /** The live milestone. */
  milestoneId: refSchema,
  /** Name at capture time. */
  name: nameSchema,
  /** Baselined date. */
  date: isoDateCodec,
  /** Whether it was a key milestone. */
  key: z.boolean(),
});

/**
 * An approved, frozen copy of a project's plan — scope (packages), schedule (dates, milestones) and cost
 * (time-phased budget) — against which earned value and slips are measured. The budget at completion is the exact
 * sum of the frozen time-phased budgets, so the performance measurement baseline cannot drift from its total.
 *
 * @example
 * ```ts
 * const b0 = baselineSchema.decode({
 *   id: "bl-0", version: 1, createdAt: "2026-12-01T09:00:00.000Z", updatedAt: "2026-12-01T09:00:00.000Z",
 *   projectId: "prj-crm", number: 0, capturedAt: "2026-12-01T09:00:00.000Z", capturedBy: "p-ana",
 *   reason: "Initial baseline approved by the steering committee", workPackages: [], milestones: [],
 *   budgetAtCompletion: { amount: "0.00", currency: "EUR" },
 * });
 * ```
 */
export const baselineSchema = entitySchema(
  {
    /** The project. */
    projectId: refSchema,
    /** Baseline number (0 = original). */
    number: baselineNumberSchema,
    /** When the plan was frozen. */
    capturedAt: instantCodec,
    /** Who froze it. */
    capturedBy: refSchema,
    /** Why (approval, approved change request). */
    reason: textSchema.trim().min(1),
    /** Frozen work packages (each package once). */
    workPackages: z.array(baselineWorkPackageSchema).max(5_000),
    /** Frozen milestones (each milestone once). */
    milestones: z.array(baselineMilestoneSchema).max(2_000),
    /** Budget at completion: exactly the sum of every frozen time-phased amount, in their currency. */
    budgetAtCompletion: nonNegativeMoneyCodec,
    /** The baseline number this one replaced (lower than `number`). */
    supersedes: baselineNumberSchema.optional(),
  },
).superRefine((b, ctx) => {
  refuseRepeats(ctx, b.workPackages, ["workPackages"], "work package listed twice", "workPackageId");
  refuseRepeats(ctx, b.milestones, ["milestones"], "milestone listed twice", "milestoneId");
  if (b.supersedes !== undefined && b.supersedes >= b.number) {
    refuse(ctx, ["supersedes"], "a baseline supersedes a lower number");
  }
  // One currency across packages (refuseSliceOrder covers each package on its own), then the exact total.
  const slices = b.workPackages.flatMap((p) => p.timePhasedBudget);
  const currency = slices[0]?.amount.currency;
  b.workPackages.forEach((p, i) => {
    const first = p.timePhasedBudget[0];
    if (first && first.amount.currency !== currency) {
      const path = ["workPackages", i, "timePhasedBudget", 0, "amount", "currency"];
      ctx.addIssue({ code: "custom", message: `all packages must share one currency (${currency})`, path });
    }
  });
  const consistent = slices.every((s) => s.amount.currency === currency);
  if (!consistent) return;
  if (currency !== undefined && b.budgetAtCompletion.currency !== currency) {
    refuse(ctx, ["budgetAtCompletion", "currency"], `BAC must be in ${currency}`);
    return;
  }
  const total = slices.reduce((sum, s) => sum.plus(s.amount.amount), new PmoDecimal(0));
  if (!b.budgetAtCompletion.amount.eq(total)) {
    ctx.addIssue({
      code: "custom",
      message: `BAC must equal the sum of the time-phased budgets (${total.toFixed()})`,
      path: ["budgetAtCompletion"],
    });
  }
}, whenDecoded);

/** A baseline, in memory form. */
export type Baseline = z.output<typeof baselineSchema>;
/** A baseline, in wire form (what adapters store). */
export type BaselineWire = z.input<typeof baselineSchema>;

/**
 * JSON Schema of the baseline wire form.
 *
 * @example
 * ```ts
 * baselineJsonSchema().title; // "Baseline"
 * ```
 */
export function baselineJsonSchema(): Record<string, unknown> {
  return wireJsonSchema(baselineSchema, { title: "Baseline", description: "A frozen, approved plan: packages, milestones and budget at completion." });
}
