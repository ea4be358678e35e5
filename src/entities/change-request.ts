import * as z from "zod";
import { isoDateCodec, moneyCodec } from "../core/codecs.js";
import { entitySchema, wireJsonSchema } from "./base.js";
import { checkDayOrder, undecided } from "./closings.js";
import { daysSchema, nameSchema, refSchema, textSchema, whenDecoded } from "./common.js";
import { refuse } from "./refuse.js";
import { recordKeySchema } from "./project.js";

/**
 * Change request states. `implemented` follows `approved`; `withdrawn` is the requester pulling it back.
 *
 * @example
 * ```ts
 * changeRequestStatusSchema.parse("approved"); // "approved"
 * ```
 */
export const changeRequestStatusSchema = z.enum(["draft", "submitted", "approved", "rejected", "implemented", "withdrawn"]);

/**
 * A change request: a proposed change to an approved baseline (scope, cost, schedule) and the decision on it.
 *
 * @example
 * ```ts
 * const cr = changeRequestSchema.decode({
 *   id: "cr-1", version: 1, createdAt: "2027-03-01T09:00:00.000Z", updatedAt: "2027-03-01T09:00:00.000Z",
 *   projectId: "prj-crm", title: "Add marketing module", description: "", requestedBy: "p-ana",
 *   requestedOn: "2027-03-01", scopeImpact: "Campaigns in scope", costImpact: { amount: "45000.00", currency: "EUR" },
 *   scheduleImpactDays: 20, status: "submitted",
 * });
 * ```
 */
export const changeRequestSchema = entitySchema(
  {
    /** The project whose baseline would change. */
    projectId: refSchema,
    /** Readable key (`CR-014`). */
    key: recordKeySchema.optional(),
    /** Short title. */
    title: nameSchema,
    /** The change and why it is wanted. */
    description: textSchema.default(""),
    /** Who asked for it. */
    requestedBy: refSchema,
    /** When it was asked for. */
    requestedOn: isoDateCodec,
    /** Effect on scope, in plain words. */
    scopeImpact: textSchema,
    /** Effect on cost; negative when the change saves money. */
    costImpact: moneyCodec,
    /** Effect on the finish date in days; negative when it brings it forward. */
    scheduleImpactDays: daysSchema,
    /** Current state. */
    status: changeRequestStatusSchema,
    /** Who decided (required once approved, rejected or implemented). */
    decidedBy: refSchema.optional(),
    /** When it was decided (required once approved, rejected or implemented). */
    decidedOn: isoDateCodec.optional(),
    /** Why it was approved or rejected. */
    decisionReason: textSchema.optional(),
    /**
     * When it was withdrawn (only allowed with status `withdrawn`, not before `requestedOn` nor `decidedOn`). Optional, for records
     * made before it existed: without it the request counts as withdrawn only from the day of its `updatedAt` (see
     * `changeRequestImpact`).
     */
    withdrawnOn: isoDateCodec.optional(),
    /**
     * The status it had when withdrawn (only with status `withdrawn`; a decided one — approved, rejected, implemented —
     * with its `decidedOn`). Views as of a day before the withdrawal count it with that status. Optional, for records
     * made before it existed: without it they count a request decided by then as approved (flagged as unknown), else
     * as pending. `pmo.update` sets it when it withdraws a request.
     */
    withdrawnFrom: changeRequestStatusSchema.exclude(["withdrawn"]).optional(),
    /**
     * Earlier closings, oldest first: a request decided (approved, rejected, implemented) or withdrawn and re-submitted
     * (or back to draft) since keeps here the status and days it had — `decidedOn` and/or `withdrawnOn`, and a
     * withdrawal's `withdrawnFrom` — with the day
     * it was reopened, so views as of a day in that period count it with that outcome. `pmo.update` adds one when it
     * reopens a request, with who took the decision it ends and why (`decidedBy`, `decisionReason`: optional, only on
     * an entry with its `decidedOn`). None before `requestedOn`, after its own reopening or before the previous one;
     * the current `decidedOn` / `withdrawnOn` not before the last one.
     */
    closings: z
      .array(
        z.strictObject({
          status: changeRequestStatusSchema.exclude(["draft", "submitted"]), decidedOn: isoDateCodec.optional(), withdrawnOn: isoDateCodec.optional(),
          withdrawnFrom: changeRequestStatusSchema.exclude(["withdrawn"]).optional(),
          decidedBy: refSchema.optional(), decisionReason: textSchema.optional(), reopenedOn: isoDateCodec,
        }),
      )
      .max(1000)
      .optional(),
  },
).superRefine((c, ctx) => {
  // Implemented implies it was approved, so it carries the decision too.
  if (c.status === "approved" || c.status === "rejected" || c.status === "implemented") {
    if (c.decidedBy === undefined) refuse(ctx, "decidedBy", `a ${c.status} change names who decided`);
    if (c.decidedOn === undefined) refuse(ctx, "decidedOn", `a ${c.status} change has a decision date`);
  }
  // An earlier closing holds the days of its status, as the record does: a decided one its decidedOn, only a withdrawn one withdrawnOn.
  c.closings?.forEach((e, i) => {
    undecided(ctx, e, i);
    if (e.status !== "withdrawn") {
      if (e.decidedOn === undefined) refuse(ctx, ["closings", i, "decidedOn"], `a ${e.status} change has a decision date`);
      for (const f of ["withdrawnOn", "withdrawnFrom"] as const) if (e[f] !== undefined) refuse(ctx, ["closings", i, f], `only a withdrawn change has ${f}`);
    } else withdrawnDecided(ctx, e, ["closings", i]);
  });
  if (c.status !== "withdrawn") {
    for (const f of ["withdrawnOn", "withdrawnFrom"] as const) if (c[f] !== undefined) refuse(ctx, f, `only a withdrawn change has ${f}`);
  } else withdrawnDecided(ctx, c, []);
  // requestedOn, earlier closings, decidedOn, withdrawnOn: in the order they happen.
  if (c.withdrawnOn === undefined || c.status === "withdrawn") checkDayOrder(c, ["requestedOn", "decidedOn", "withdrawnOn"], ctx);
}, whenDecoded);

// Withdrawn from a decided status: that decision has its day, as the decided record has.
function withdrawnDecided(ctx: z.core.$RefinementCtx, e: { readonly withdrawnFrom?: string | undefined; readonly decidedOn?: unknown }, at: (string | number)[]): void {
  const from = e.withdrawnFrom;
  if (from && from !== "draft" && from !== "submitted" && e.decidedOn === undefined) refuse(ctx, [...at, "decidedOn"], `a change withdrawn from ${from} has a decision date`);
}

/** A change request, in memory form. */
export type ChangeRequest = z.output<typeof changeRequestSchema>;
/** A change request, in wire form (what adapters store). */
export type ChangeRequestWire = z.input<typeof changeRequestSchema>;

/**
 * JSON Schema of the change request wire form.
 *
 * @example
 * ```ts
 * changeRequestJsonSchema().title; // "Change request"
 * ```
 */
export function changeRequestJsonSchema(): Record<string, unknown> {
  return wireJsonSchema(changeRequestSchema, { title: "Change request", description: "A proposed change to an approved baseline and the decision on it." });
}
