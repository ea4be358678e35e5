import * as z from "zod";
import { isoDateCodec } from "../core/codecs.js";
import { entitySchema, wireJsonSchema } from "./base.js";
import { nameSchema, refSchema, workingCalendarSpecSchema } from "./common.js";
import { refuse, refuseRepeats } from "./refuse.js";

/**
 * Where a rollout stands: being planned, ready to start, rolling out, in hypercare (early-life support), done or
 * called off.
 *
 * @example
 * ```ts
 * rolloutStatusSchema.parse("hypercare"); // "hypercare"
 * ```
 */
export const rolloutStatusSchema = z.enum(["planning", "ready", "in-progress", "hypercare", "completed", "cancelled"]);

/**
 * A head count (users, devices, seats): a whole number from zero.
 *
 * @example
 * ```ts
 * headCountSchema.parse(120); // 120
 * ```
 */
export const headCountSchema = z.number().int().min(0).max(100_000_000);

/**
 * One wave of a phased rollout: an audience reached between two dates, with its installation and training
 * progress. Installed and trained counts are people or devices out of `targetCount`; failures are counted apart
 * because a failed install may be retried and later succeed.
 *
 * @example
 * ```ts
 * rolloutWaveSchema.decode({
 *   id: "w1", name: "Pilot", start: "2026-10-05", finish: "2026-10-09", audience: "Sales EMEA key users",
 *   targetCount: 40, installedCount: 38, trainedCount: 35, failedCount: 2,
 * });
 * ```
 */
export const rolloutWaveSchema = z
  .strictObject({
    /** Wave id, unique within the plan. */
    id: refSchema,
    /** Wave name ("Pilot", "Wave 2 – Finance"). */
    name: nameSchema,
    /** First day of the wave. */
    start: isoDateCodec,
    /** Last day of the wave (inclusive). */
    finish: isoDateCodec,
    /** Who the wave reaches, in plain words ("Sales EMEA key users"). */
    audience: nameSchema,
    /** How many users or devices the wave targets. */
    targetCount: headCountSchema,
    /** How many are installed so far (at most the target). */
    installedCount: headCountSchema,
    /** How many are trained so far (at most the target). */
    trainedCount: headCountSchema,
    /** How many installations failed (retries can push this above the target, so it is not capped). */
    failedCount: headCountSchema,
  })
  .superRefine((w, ctx) => {
    if (w.finish < w.start) {
      refuse(ctx, ["finish"], "a wave cannot finish before it starts");
    }
    if (w.installedCount > w.targetCount) {
      refuse(ctx, ["installedCount"], "installed count exceeds the target");
    }
    if (w.trainedCount > w.targetCount) {
      refuse(ctx, ["trainedCount"], "trained count exceeds the target");
    }
  });

/**
 * A rollout plan: the go-live date that checklist offsets count back from, the cutover and hypercare dates around
 * it, the working calendar used to count business days, and the waves that bring the change to its users.
 * Checklist items and gates point at the plan by `rolloutPlanId`.
 *
 * @example
 * ```ts
 * const plan = rolloutPlanSchema.decode({
 *   id: "rp-crm", version: 1, createdAt: "2026-09-01T08:00:00.000Z", updatedAt: "2026-09-01T08:00:00.000Z",
 *   projectId: "prj-crm", name: "CRM go-live", goLive: "2026-11-02", cutoverStart: "2026-10-30",
 *   hypercareEnd: "2026-11-27", calendar: { name: "Head office" }, waves: [], status: "planning",
 * });
 * ```
 */
export const rolloutPlanSchema = entitySchema(
  {
    /** The project this rollout delivers. */
    projectId: refSchema,
    /** Plan name. */
    name: nameSchema,
    /** Go-live day (T0): the anchor of most checklist offsets. */
    goLive: isoDateCodec,
    /** First day of cutover (on or before go-live). */
    cutoverStart: isoDateCodec.optional(),
    /** Last day of hypercare / early-life support (on or after go-live). */
    hypercareEnd: isoDateCodec.optional(),
    /** Working calendar for business-day offsets, holidays and change freezes. */
    calendar: workingCalendarSpecSchema,
    /** Rollout waves, in any order; ids are unique. */
    waves: z.array(rolloutWaveSchema).max(500).default([]),
    /** Where the rollout stands. */
    status: rolloutStatusSchema,
    /** The rollout template this plan was instantiated from, if any. */
    templateId: refSchema.optional(),
  },
).superRefine((p, ctx) => {
  if (p.cutoverStart !== undefined && p.cutoverStart > p.goLive) {
    refuse(ctx, ["cutoverStart"], "cutover cannot start after go-live");
  }
  if (p.hypercareEnd !== undefined && p.hypercareEnd < p.goLive) {
    refuse(ctx, ["hypercareEnd"], "hypercare cannot end before go-live");
  }
  refuseRepeats(ctx, p.waves, ["waves"], (id) => `duplicate wave id ${id}`, "id");
});

/** A rollout plan, in memory form. */
export type RolloutPlan = z.output<typeof rolloutPlanSchema>;
/** A rollout plan, in wire form (what adapters store). */
export type RolloutPlanWire = z.input<typeof rolloutPlanSchema>;
/** One rollout wave, in memory form. */
export type RolloutWave = z.output<typeof rolloutWaveSchema>;

/**
 * JSON Schema of the rollout-plan wire form.
 *
 * @example
 * ```ts
 * rolloutPlanJsonSchema().title; // "RolloutPlan"
 * ```
 */
export function rolloutPlanJsonSchema(): Record<string, unknown> {
  return wireJsonSchema(rolloutPlanSchema, { title: "RolloutPlan", description: "A rollout: go-live, cutover and hypercare dates, calendar and waves." });
}
