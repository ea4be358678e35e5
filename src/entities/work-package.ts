import * as z from "zod";
import { decimalCodec, idSchema, isoDateCodec } from "../core/codecs.js";
import { checkArguments } from "../core/guard.js";
import { entitySchema, wireJsonSchema } from "./base.js";
import { nameSchema, nonNegativeDecimalCodec, nonNegativeMoneyCodec, percentCodec, refSchema, textSchema, timePhasedAmountSchema, whenDecoded, workingCalendarSpecSchema } from "./common.js";
import { durationDaysCodec, durationEstimateSchema, scheduleLogicShape } from "./schedule-logic.js";
import { refuse, refusePredecessors, refuseRepeats, refuseSliceOrder, refuseSlicesOutside } from "./refuse.js";

/**
 * A WBS code: digits separated by dots, the position of the package in the work breakdown structure.
 *
 * @example
 * ```ts
 * wbsCodeSchema.parse("1.2.3"); // "1.2.3"
 * ```
 */
export const wbsCodeSchema = z.string().max(64).regex(/^\d+(\.\d+)*$/, { message: "WBS codes look like 1.2.3" });

/**
 * How a work package earns value (EVM earning rules). Each rule names the measures it reads from progress records.
 *
 * @example
 * ```ts
 * earningRuleSchema.decode({ type: "fixed-split", startPercent: "25" }); // 25/75
 * ```
 */
export const earningRuleSchema = z.discriminatedUnion("type", [
  /** Nothing earned until finished, then everything. */
  z.strictObject({ /** Rule name. */ type: z.literal("0/100") }),
  /** Half earned on start, half on finish. */
  z.strictObject({ /** Rule name. */ type: z.literal("50/50") }),
  z.strictObject({
    /** Rule name: X/Y split, earned X% on start and the rest (Y = 100 − X) on finish. */
    type: z.literal("fixed-split"),
    /** The X of X/Y: percentage earned on start. */
    startPercent: percentCodec,
  }),
  /** Earned in proportion to the reported percent complete. */
  z.strictObject({ /** Rule name. */ type: z.literal("percent-complete") }),
  /** Earned in proportion to a measured (inspected) physical percent complete. */
  z.strictObject({ /** Rule name. */ type: z.literal("physical-percent-complete") }),
  z
    .strictObject({
      /** Rule name: each milestone reached earns its weight's share of the budget. */
      type: z.literal("weighted-milestones"),
      /** The milestones and their weights. */
      milestones: z
        .array(
          z.strictObject({
            /** Milestone id, unique within the rule; progress records name it in `milestonesReached`. */
            id: idSchema,
            /** Milestone name. */
            name: nameSchema,
            /** Relative weight; shares are weight / sum of weights. */
            weight: nonNegativeDecimalCodec,
          }),
        )
        .min(1)
        .max(200),
    })
    .superRefine((r, ctx) => {
      refuseRepeats(ctx, r.milestones, ["milestones"], "milestone ids must be unique", "id");
      // All-zero weights would make every share 0/0.
      if (r.milestones.every((m) => m.weight.isZero())) refuse(ctx, "milestones", "at least one weight must be above zero");
    }, whenDecoded),
  z.strictObject({
    /** Rule name: earned per unit completed. */
    type: z.literal("units"),
    /** Units in the whole package (above zero). */
    totalUnits: decimalCodec.refine((d) => d.gt(0), { message: "total units must be above zero" }),
    /** What a unit is (`"screens"`, `"migrated tables"`). */
    unitName: nameSchema,
  }),
  /** Support work earned with the passage of time. */
  z.strictObject({ /** Rule name. */ type: z.literal("level-of-effort") }),
  z.strictObject({
    /** Rule name: earned as a factor of another (discrete) package's earned value. */
    type: z.literal("apportioned"),
    /** The package whose earned value this one follows. */
    basePackageId: refSchema,
    /** Factor applied to the base package's earned value. */
    factor: nonNegativeDecimalCodec,
  }),
]);

/** An earning rule, in memory form. */
export type EarningRule = z.output<typeof earningRuleSchema>;

/**
 * One progress observation on a date. Carries at least one measure; which ones matter depends on the earning rule.
 *
 * @example
 * ```ts
 * progressRecordSchema.decode({ date: "2027-03-31", percentComplete: "40", started: true });
 * ```
 */
export const progressRecordSchema = z
  .strictObject({
    /** Status date of the observation. */
    date: isoDateCodec,
    /** Reported percent complete (0 or more; above 100 reports an overrun: EV is clamped to BAC or refused by the EVM policy `evAboveBac`). */
    percentComplete: nonNegativeDecimalCodec.optional(),
    /** Measured physical percent complete (0 or more; above 100 as for `percentComplete`). */
    physicalPercentComplete: nonNegativeDecimalCodec.optional(),
    /** Units completed so far (cumulative; more than the rule's total units reports an overrun, as for `percentComplete`). */
    unitsComplete: nonNegativeDecimalCodec.optional(),
    /** Weighted-milestone ids reached so far (cumulative). */
    milestonesReached: z.array(idSchema).max(200).optional(),
    /**
     * Working days of work left after `date` (MS Project's Remaining Duration): the schedule takes it for a started,
     * unfinished package instead of deriving what is left from the percent complete (MS Project's whole-number
     * percent is rounded: 1 of 3 days done is 33 %, which would leave 2.01 days, not 2).
     */
    remainingDays: durationDaysCodec.optional(),
    /** Whether work has started. */
    started: z.boolean().optional(),
    /** Whether work has finished. */
    finished: z.boolean().optional(),
    /** Note on the observation. */
    note: textSchema.optional(),
  })
  .superRefine((p, ctx) => {
    const { date: _date, note: _note, ...measures } = p;
    if (Object.values(measures).every((v) => v === undefined)) refuse(ctx, [], "a progress record needs at least one measure");
    if (p.finished === true && p.started === false) refuse(ctx, "started", "finished work has started");
  }, whenDecoded);

/**
 * Reports slices that fall outside `start`–`finish` (a package cannot plan spend outside its own dates).
 *
 * @example
 * ```ts
 * z.array(timePhasedAmountSchema).superRefine((s, ctx) => checkSlicesWithin(s, start, finish, ctx, []));
 * ```
 */
export function checkSlicesWithin(
  slices: readonly { start: string; finish: string }[],
  start: string,
  finish: string,
  ctx: z.core.$RefinementCtx,
  path: (string | number)[],
): void {
  checkArguments("checkSlicesWithin", { slices: [slices, "object[]"], start: [start, "string"], finish: [finish, "string"], ctx: [ctx, "object"], path: [path, "array"] });
  checkArguments("checkSlicesWithin", { addIssue: [ctx.addIssue, "function"] });
  refuseSlicesOutside(ctx, slices, start, finish, path);
}

/**
 * A work package: the lowest WBS level that is planned, budgeted (time-phased) and earned (EVM control account
 * content).
 *
 * @example
 * ```ts
 * const wp = workPackageSchema.decode({
 *   id: "wp-1", version: 1, createdAt: "2026-01-05T09:00:00.000Z", updatedAt: "2026-01-05T09:00:00.000Z",
 *   projectId: "prj-crm", code: "1.2", name: "Data migration", plannedStart: "2027-01-04", plannedFinish: "2027-03-26",
 *   timePhasedBudget: [{ start: "2027-01-04", finish: "2027-03-26", amount: { amount: "60000.00", currency: "EUR" } }],
 *   earningRule: { type: "50/50" }, progress: [],
 * });
 * ```
 */
export const workPackageSchema = entitySchema(
  {
    /** The project. */
    projectId: refSchema,
    /** WBS code (`"1.2.3"`). */
    code: wbsCodeSchema,
    /** Parent work package (a summary element), if any. */
    parentId: refSchema.optional(),
    /** Name. */
    name: nameSchema,
    /** Scope description. */
    description: textSchema.optional(),
    /** Person responsible. */
    ownerId: refSchema.optional(),
    /** Planned first day. */
    plannedStart: isoDateCodec,
    /** Planned last day (not before the start). */
    plannedFinish: isoDateCodec,
    /** Planned value over time: slices in order, without overlap, one currency, inside the planned dates. */
    timePhasedBudget: z.array(timePhasedAmountSchema).max(1_000),
    /** How value is earned. */
    earningRule: earningRuleSchema,
    /** Progress observations, in strictly increasing date order. */
    progress: z.array(progressRecordSchema).max(5_000),
    /** Bottom-up estimate to complete (for EAC = AC + ETC). */
    estimateToComplete: z
      .strictObject({
        /** Remaining cost. */
        amount: nonNegativeMoneyCodec,
        /** Date of the estimate. */
        asOf: isoDateCodec,
        /** How it was estimated. */
        basis: textSchema.optional(),
      })
      .optional(),
    ...scheduleLogicShape,
    /** Planned duration in working days, when it is not the working days from `plannedStart` to `plannedFinish`. */
    durationDays: durationDaysCodec.optional(),
    /** How uncertain the duration is (schedule risk analysis); a fixed duration when absent. */
    durationEstimate: durationEstimateSchema.optional(),
    /** The package's own working calendar, when it differs from the project's. */
    calendar: workingCalendarSpecSchema.optional(),
    /** Day work actually began. */
    actualStart: isoDateCodec.optional(),
    /** Day work actually finished (needs an actual start, not before it). */
    actualFinish: isoDateCodec.optional(),
  },
).superRefine((w, ctx) => {
  if (w.plannedFinish < w.plannedStart) refuse(ctx, "plannedFinish", "cannot finish before it starts");
  refuseSliceOrder(ctx, w.timePhasedBudget, ["timePhasedBudget"]);
  refuseSlicesOutside(ctx, w.timePhasedBudget, w.plannedStart, w.plannedFinish, ["timePhasedBudget"]);
  if (w.parentId === w.id) refuse(ctx, "parentId", "a package cannot be its own parent");
  refusePredecessors(ctx, w.id, w.predecessors);
  if (w.actualFinish !== undefined && w.actualStart === undefined) refuse(ctx, "actualStart", "a finished package has an actual start");
  if (w.actualFinish !== undefined && w.actualStart !== undefined && w.actualFinish < w.actualStart) refuse(ctx, "actualFinish", "cannot finish before it starts");
  const rule = w.earningRule;
  if (rule.type === "apportioned" && rule.basePackageId === w.id) {
    refuse(ctx, ["earningRule", "basePackageId"], "a package cannot be apportioned to itself");
  }
  const known = rule.type === "weighted-milestones" ? new Set(rule.milestones.map((m) => m.id)) : undefined;
  w.progress.forEach((p, i) => {
    const prev = w.progress[i - 1];
    // One observation per date, so "status as of D" is never ambiguous.
    if (prev && p.date <= prev.date) refuse(ctx, ["progress", i, "date"], "progress must be in strictly increasing date order");
    p.milestonesReached?.forEach((id, j) => {
      if (known && !known.has(id)) refuse(ctx, ["progress", i, "milestonesReached", j], `unknown milestone ${id}`);
    });
  });
  const currency = w.timePhasedBudget[0]?.amount.currency;
  if (w.estimateToComplete && currency && w.estimateToComplete.amount.currency !== currency) {
    refuse(ctx, ["estimateToComplete", "amount", "currency"], "estimate must be in the budget currency");
  }
}, whenDecoded);

/** A work package, in memory form. */
export type WorkPackage = z.output<typeof workPackageSchema>;
/** A work package, in wire form (what adapters store). */
export type WorkPackageWire = z.input<typeof workPackageSchema>;

/**
 * JSON Schema of the work package wire form.
 *
 * @example
 * ```ts
 * workPackageJsonSchema().title; // "WorkPackage"
 * ```
 */
export function workPackageJsonSchema(): Record<string, unknown> {
  return wireJsonSchema(workPackageSchema, { title: "WorkPackage", description: "A WBS work package with its time-phased budget, earning rule and progress." });
}
