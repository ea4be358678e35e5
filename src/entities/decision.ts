import * as z from "zod";
import { isoDateCodec } from "../core/codecs.js";
import { entitySchema, wireJsonSchema } from "./base.js";
import { checkDayOrder, undecided } from "./closings.js";
import { nameSchema, refSchema, textListSchema, textSchema, whenDecoded } from "./common.js";
import { refuse } from "./refuse.js";

/**
 * Decision states: proposed (awaiting a decision), approved, rejected, superseded (replaced by a later decision).
 *
 * @example
 * ```ts
 * decisionStatusSchema.parse("approved"); // "approved"
 * ```
 */
export const decisionStatusSchema = z.enum(["proposed", "approved", "rejected", "superseded"]);

/**
 * A decision: a choice between options, who made it, when and why — the "D" of the RAID log.
 *
 * @example
 * ```ts
 * const d = decisionSchema.decode({
 *   id: "dec-1", version: 1, createdAt: "2027-02-01T09:00:00.000Z", updatedAt: "2027-02-01T09:00:00.000Z",
 *   projectId: "prj-crm", title: "Hosting", description: "", options: ["SaaS", "On premises"],
 *   outcome: "SaaS", decidedBy: "p-ana", decidedOn: "2027-02-01", status: "approved",
 * });
 * ```
 */
export const decisionSchema = entitySchema(
  {
    /** The project it concerns. */
    projectId: refSchema,
    /** Short title: the question decided. */
    title: nameSchema,
    /** Context. */
    description: textSchema.default(""),
    /** Options considered. */
    options: textListSchema.default([]),
    /** The option chosen. */
    outcome: textSchema.optional(),
    /** Why it was chosen. */
    rationale: textSchema.optional(),
    /** Who decided (required once approved or rejected). */
    decidedBy: refSchema.optional(),
    /** When (required once approved or rejected). */
    decidedOn: isoDateCodec.optional(),
    /** Current state. */
    status: decisionStatusSchema,
    /**
     * The decision that replaced this one (set exactly when superseded). `pmo.update` drops it when the status leaves
     * superseded (the closing entry keeps it); given with another status it is refused.
     */
    supersededBy: refSchema.optional(),
    /**
     * When it was superseded (only allowed with status `superseded`, not before the day it was recorded nor before
     * `decidedOn`). Optional, for records made before it existed: a decision superseded while still proposed (no
     * `decidedOn`) and without this day counts as superseded only from the day of its `updatedAt` (see
     * `pendingDecisions`).
     */
    supersededOn: isoDateCodec.optional(),
    /**
     * Earlier closings, oldest first: a decision taken (or superseded) and re-proposed since, decided anew, or
     * superseded and then approved or rejected again keeps here the days it had — `decidedOn` and/or `supersededOn` —
     * with the day it was reopened, so views as of a day in that period do not count it pending. `pmo.update` adds
     * one when it re-proposes a decision or decides it anew, with who took the decision it ends, its outcome and why
     * (`decidedBy`, `outcome`, `rationale`: optional, only on an entry with its `decidedOn`), and the decision that
     * superseded it (`supersededBy`: optional, not the decision itself). None after its own reopening or before the
     * previous one; the current `decidedOn` / `supersededOn` not before the last one.
     */
    closings: z
      .array(
        z.strictObject({
          decidedOn: isoDateCodec.optional(), supersededOn: isoDateCodec.optional(), decidedBy: refSchema.optional(), outcome: textSchema.optional(),
          rationale: textSchema.optional(), supersededBy: refSchema.optional(), reopenedOn: isoDateCodec,
        }),
      )
      .max(1000)
      .optional(),
  },
).superRefine((d, ctx) => {
  if (d.status === "approved" || d.status === "rejected") {
    if (d.decidedBy === undefined) refuse(ctx, "decidedBy", `a ${d.status} decision names who decided`);
    if (d.decidedOn === undefined) refuse(ctx, "decidedOn", `a ${d.status} decision has a date`);
  }
  if (d.status === "proposed" && d.decidedOn !== undefined) {
    refuse(ctx, "decidedOn", "a proposed decision has not been decided yet");
  }
  if ((d.status === "superseded") !== (d.supersededBy !== undefined)) {
    refuse(ctx, "supersededBy", "supersededBy is set exactly when the decision is superseded");
  } else if (d.supersededBy === d.id) {
    refuse(ctx, "supersededBy", "a decision cannot supersede itself");
  }
  d.closings?.forEach((e, i) => {
    undecided(ctx, e, i);
    if (e.supersededBy === d.id) refuse(ctx, ["closings", i, "supersededBy"], "a decision cannot supersede itself");
  });
  if (d.supersededOn !== undefined && d.status !== "superseded") refuse(ctx, "supersededOn", "only a superseded decision has supersededOn");
  // createdAt is a canonical UTC instant once decoded, so its first ten characters are its day.
  else if (d.supersededOn! < d.createdAt.slice(0, 10)) refuse(ctx, "supersededOn", "a decision cannot be superseded before it was recorded");
  // Earlier closings, decidedOn, supersededOn: in the order they happen.
  else checkDayOrder(d, ["", "decidedOn", "supersededOn"], ctx);
}, whenDecoded);

/** A decision, in memory form. */
export type Decision = z.output<typeof decisionSchema>;
/** A decision, in wire form (what adapters store). */
export type DecisionWire = z.input<typeof decisionSchema>;

/**
 * JSON Schema of the decision wire form.
 *
 * @example
 * ```ts
 * decisionJsonSchema().title; // "Decision"
 * ```
 */
export function decisionJsonSchema(): Record<string, unknown> {
  return wireJsonSchema(decisionSchema, { title: "Decision", description: "A choice between options, who made it, when and why." });
}
