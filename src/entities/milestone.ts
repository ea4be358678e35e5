import * as z from "zod";
import { isoDateCodec } from "../core/codecs.js";
import { entitySchema, wireJsonSchema } from "./base.js";
import { nameSchema, refSchema, textSchema, whenDecoded } from "./common.js";
import { scheduleLogicShape } from "./schedule-logic.js";
import { refusePredecessors } from "./refuse.js";

/**
 * A schedule milestone: a zero-duration event (design sign-off, go-live) with its baselined, forecast and actual
 * dates. Key milestones are the ones reported to the steering committee and used for milestone slip trends.
 *
 * @example
 * ```ts
 * const golive = milestoneSchema.decode({
 *   id: "ms-golive", version: 1, createdAt: "2026-01-05T09:00:00.000Z", updatedAt: "2026-01-05T09:00:00.000Z",
 *   projectId: "prj-crm", name: "Go-live", key: true, baselineDate: "2027-06-01", forecastDate: "2027-06-15",
 * });
 * ```
 */
export const milestoneSchema = entitySchema(
  {
    /** The project. */
    projectId: refSchema,
    /** The work package the milestone belongs to, if any. */
    workPackageId: refSchema.optional(),
    /** Name. */
    name: nameSchema,
    /** Whether this is a key milestone (reported upwards, tracked for slip). */
    key: z.boolean(),
    /** Date in the current baseline. */
    baselineDate: isoDateCodec.optional(),
    /** Current forecast date. */
    forecastDate: isoDateCodec.optional(),
    /** Date actually reached (absent until reached). */
    actualDate: isoDateCodec.optional(),
    /** What reaching it means. */
    description: textSchema.optional(),
    ...scheduleLogicShape,
  },
).superRefine((m, ctx) => refusePredecessors(ctx, m.id, m.predecessors), whenDecoded);

/** A milestone, in memory form. */
export type Milestone = z.output<typeof milestoneSchema>;
/** A milestone, in wire form (what adapters store). */
export type MilestoneWire = z.input<typeof milestoneSchema>;

/**
 * JSON Schema of the milestone wire form.
 *
 * @example
 * ```ts
 * milestoneJsonSchema().title; // "Milestone"
 * ```
 */
export function milestoneJsonSchema(): Record<string, unknown> {
  return wireJsonSchema(milestoneSchema, { title: "Milestone", description: "A schedule milestone with baseline, forecast and actual dates." });
}
