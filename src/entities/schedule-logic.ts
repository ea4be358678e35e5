import * as z from "zod";
import { decimalCodec, isoDateCodec } from "../core/codecs.js";
import { checkArguments } from "../core/guard.js";
import { refSchema } from "./common.js";
import { refuse, refusePredecessors } from "./refuse.js";

/*
 * Scheduling fields shared by work packages and milestones: dependency links to predecessors, a date constraint and
 * a deadline. The shapes follow the schedule calculators' inputs (src/schedule/types.ts), in wire form.
 */

/**
 * A link's lag (positive) or lead (negative), one object shape per kind:
 * `working-days` on the successor's calendar (MS Project's default), `elapsed-days` (calendar days, weekends
 * included), or `percent` of the predecessor's duration.
 *
 * @example
 * ```ts
 * linkLagSchema.decode({ kind: "working-days", days: "-2" }); // a two-day lead
 * linkLagSchema.decode({ kind: "percent", percent: "50" });
 * ```
 */
export const linkLagSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    /** Lag in working days of the successor's calendar. */
    kind: z.literal("working-days"),
    /** Working days; negative is a lead; fractions allowed (hours ÷ hours per day). */
    days: decimalCodec,
  }),
  z.strictObject({
    /** Lag in calendar (elapsed) days. */
    kind: z.literal("elapsed-days"),
    /** Calendar days; negative is a lead. */
    days: decimalCodec,
  }),
  z.strictObject({
    /** Lag as a share of the predecessor's duration. */
    kind: z.literal("percent"),
    /** Percent of the predecessor's duration; negative is a lead. */
    percent: decimalCodec.refine((d) => d.abs().lte(10_000), { message: "a percent lag is at most 10000 % either way" }),
  }),
]);

/** A link lag, in memory form. */
export type LinkLagValue = z.output<typeof linkLagSchema>;

/**
 * Dependency link types: FS (start after the predecessor finishes), SS (start after it starts), FF (finish after it
 * finishes), SF (finish after it starts).
 *
 * @example
 * ```ts
 * dependencyTypeSchema.parse("FS");
 * ```
 */
export const dependencyTypeSchema = z.enum(["FS", "SS", "FF", "SF"]);

/**
 * One predecessor of a work package or milestone. The predecessor is a work package or milestone id, of this project
 * or of another one in the programme (a cross-project link); unknown ids are refused when the network is scheduled.
 *
 * @example
 * ```ts
 * dependencyLinkSchema.decode({ predecessorId: "wp-crm-2.1", type: "FS", lag: { kind: "working-days", days: "2" } });
 * ```
 */
export const dependencyLinkSchema = z.strictObject({
  /** The predecessor: a work package or milestone id. */
  predecessorId: refSchema,
  /** Link type. */
  type: dependencyTypeSchema,
  /** Lag or lead; none when absent. */
  lag: linkLagSchema.optional(),
});

/** A dependency link, in memory form. */
export type DependencyLink = z.output<typeof dependencyLinkSchema>;

const dated = <K extends string>(kind: K) =>
  z.strictObject({
    /** Constraint kind. */
    kind: z.literal(kind),
    /** The constraint's date (a start date means that morning, a finish date that evening). */
    date: isoDateCodec,
  });

/**
 * A date constraint (MS Project / P6 semantics): `asap` (the default), `alap`, start no earlier / no later than
 * (`snet`, `snlt`), finish no earlier / no later than (`fnet`, `fnlt`), must start / finish on (`mso`, `mfo`).
 *
 * @example
 * ```ts
 * scheduleConstraintSchema.decode({ kind: "snet", date: "2027-03-01" });
 * ```
 */
export const scheduleConstraintSchema = z.discriminatedUnion("kind", [
  z.strictObject({ /** As soon as possible. */ kind: z.literal("asap") }),
  z.strictObject({ /** As late as possible. */ kind: z.literal("alap") }),
  dated("snet"),
  dated("snlt"),
  dated("fnet"),
  dated("fnlt"),
  dated("mso"),
  dated("mfo"),
]);

/** A date constraint, in memory form. */
export type ScheduleConstraint = z.output<typeof scheduleConstraintSchema>;

/**
 * The scheduling fields a work package and a milestone share, as a zod shape to spread into their schemas.
 *
 * @example
 * ```ts
 * const s = z.strictObject({ id: idSchema, ...scheduleLogicShape });
 * ```
 */
export const scheduleLogicShape = {
  /** Predecessors (dependency links into this item), each predecessor once. */
  predecessors: z.array(dependencyLinkSchema).max(500).optional(),
  /** Date constraint; `asap` when absent. */
  constraint: scheduleConstraintSchema.optional(),
  /** Deadline: should finish by this day; a miss is reported as a violation, it does not move the dates. */
  deadline: isoDateCodec.optional(),
  /**
   * A levelling delay kept from MS Project (`LevelingDelay`, read by the MSPDI import) for a round trip: the item's own
   * wait after its predecessors allow it to start, in the shape of a link lag — `working-days` of its calendar or
   * `elapsed-days` (a `percent` one has no MS Project form and is not exported). pmokit's scheduling does not apply
   * it: `levelResources` computes its own delays.
   */
  levellingDelay: linkLagSchema.optional(),
};

/**
 * Checks the predecessors of the item `id`: no self-link, each predecessor once.
 *
 * @example
 * ```ts
 * schema.superRefine((w, ctx) => checkPredecessors(w.id, w.predecessors, ctx));
 * ```
 */
export function checkPredecessors(id: string, links: readonly { predecessorId: string }[] | undefined, ctx: z.core.$RefinementCtx): void {
  checkArguments("checkPredecessors", { id: [id, "string"], links: [links, "object[]?"], ctx: [ctx, "object"] });
  checkArguments("checkPredecessors", { addIssue: [ctx.addIssue, "function"] });
  refusePredecessors(ctx, id, links);
}

/**
 * A planned duration in working days (≥ 0, fractions allowed where a tool gives hours), for a package whose duration is
 * not simply the working days between its planned dates.
 *
 * @example
 * ```ts
 * durationDaysCodec.decode("0.5").toFixed(); // "0.5"
 * ```
 */
export const durationDaysCodec = decimalCodec.refine((d) => d.gte(0) && d.lte(100_000), { message: "a duration is 0 to 100000 working days" });

const threePoint = <K extends string>(kind: K) =>
  z
    .strictObject({
      /** Distribution. */
      kind: z.literal(kind),
      /** Optimistic duration, working days. */
      min: durationDaysCodec,
      /** Most likely duration, working days. */
      mostLikely: durationDaysCodec,
      /** Pessimistic duration, working days. */
      max: durationDaysCodec,
    })
    .superRefine((d, ctx) => {
      if (d.min.gt(d.mostLikely)) refuse(ctx, ["min"], "min must not exceed the most likely duration");
      if (d.mostLikely.gt(d.max)) refuse(ctx, ["max"], "the most likely duration must not exceed max");
      if (d.min.eq(d.max)) refuse(ctx, ["max"], "min and max must differ");
    }, { when: (payload) => payload.issues.length === 0 });

/**
 * The uncertainty of a package's duration in working days, for schedule risk analysis: three-point `triangular` or
 * `pert` (PERT-beta) estimates, `uniform` between min and max, or `lognormal` by mean and standard deviation.
 *
 * @example
 * ```ts
 * durationEstimateSchema.decode({ kind: "pert", min: "30", mostLikely: "40", max: "65" });
 * ```
 */
export const durationEstimateSchema = z.discriminatedUnion("kind", [
  threePoint("triangular"),
  threePoint("pert"),
  z
    .strictObject({
      /** Distribution. */
      kind: z.literal("uniform"),
      /** Shortest duration, working days. */
      min: durationDaysCodec,
      /** Longest duration, working days. */
      max: durationDaysCodec,
    })
    .refine((d) => d.max.gt(d.min), { message: "max must exceed min", path: ["max"], when: (payload) => payload.issues.length === 0 }),
  z.strictObject({
    /** Distribution. */
    kind: z.literal("lognormal"),
    /** Mean duration, working days (above zero). */
    mean: durationDaysCodec.refine((d) => d.gt(0), { message: "must be above zero" }),
    /** Standard deviation, working days (above zero). */
    standardDeviation: durationDaysCodec.refine((d) => d.gt(0), { message: "must be above zero" }),
  }),
]);

/** A duration estimate, in memory form. */
export type DurationEstimate = z.output<typeof durationEstimateSchema>;
