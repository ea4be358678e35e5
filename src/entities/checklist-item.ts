import * as z from "zod";
import { decimalCodec, instantCodec, isoDateCodec } from "../core/codecs.js";
import { entitySchema, wireJsonSchema } from "./base.js";
import { daysSchema, nameSchema, personRoleSchema, raciAssignmentSchema, refSchema, textSchema } from "./common.js";
import { refuse, refuseRepeats } from "./refuse.js";

/**
 * Rollout phases a checklist item (and a gate's scope) belongs to.
 *
 * @example
 * ```ts
 * checklistPhaseSchema.parse("cutover"); // "cutover"
 * ```
 */
export const checklistPhaseSchema = z.enum(["initiate", "prepare", "test", "deploy", "cutover", "hypercare", "close"]);

/**
 * Areas of rollout readiness a checklist item covers.
 *
 * @example
 * ```ts
 * checklistCategorySchema.parse("help-desk"); // "help-desk"
 * ```
 */
export const checklistCategorySchema = z.enum([
  "training", "distribution-installation", "help-desk", "communications", "cutover", "rollback",
  "hypercare", "governance", "access", "testing", "operations",
]);

/**
 * Item statuses. `skipped`, `not-applicable` and `blocked` need a reason; `waived` needs a waiver; `done` needs a
 * completion day; `skipped` and `not-applicable` may carry the day they took effect (`skippedOn`, `notApplicableOn`).
 *
 * @example
 * ```ts
 * checklistStatusSchema.parse("waived"); // "waived"
 * ```
 */
export const checklistStatusSchema = z.enum(["todo", "in-progress", "blocked", "done", "skipped", "waived", "not-applicable"]);

/**
 * A condition of an automatic evidence check: a dotted fact name, a comparison and a decimal threshold.
 *
 * @example
 * ```ts
 * evidenceConditionSchema.decode({ fact: "training.keyUsers.completionPercent", op: ">=", threshold: "90" });
 * ```
 */
export const evidenceConditionSchema = z.strictObject({
  /** Fact name, dotted camelCase segments (`training.keyUsers.completionPercent`). */
  fact: z.string().max(200).regex(/^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)*$/, { message: "facts look like training.keyUsers.completionPercent" }),
  /** Comparison of the fact's value against the threshold. */
  op: z.enum([">=", ">", "<=", "<", "="]),
  /** Threshold, an exact decimal. */
  threshold: decimalCodec,
});

const reasonRequired = new Set(["skipped", "not-applicable", "blocked"]);

/**
 * A rollout checklist item: an action with an owner, a due offset in business days from an anchor date of its
 * plan, dependencies, a status and the evidence or waiver that closes it. Blocking items hold their gates;
 * advisory ones only turn a go into a conditional go.
 *
 * @example
 * ```ts
 * const item = checklistItemSchema.decode({
 *   id: "ci-trn-03", version: 1, createdAt: "2026-09-01T08:00:00.000Z", updatedAt: "2026-09-01T08:00:00.000Z",
 *   rolloutPlanId: "rp-crm", code: "TRN-03", title: "Key-user training delivered", phase: "prepare",
 *   category: "training", tMinusDays: 10, blocking: true, status: "todo",
 * });
 * ```
 */
export const checklistItemSchema = entitySchema(
  {
    /** The rollout plan the item belongs to. */
    rolloutPlanId: refSchema,
    /** Short human code ("TRN-03"). */
    code: z.string().max(32).regex(/^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$/, { message: "codes look like TRN-03" }).optional(),
    /** What has to be done. */
    title: nameSchema,
    /** Details, instructions, verification steps. */
    description: textSchema.optional(),
    /** Rollout phase. */
    phase: checklistPhaseSchema,
    /** Readiness area. */
    category: checklistCategorySchema,
    /** Role that owns the item when no person is named yet (filled in from templates). */
    ownerRole: personRoleSchema.optional(),
    /** Person who owns the item. */
    ownerId: refSchema.optional(),
    /** RACI assignments; at most one accountable person. */
    raci: z.array(raciAssignmentSchema).max(100).default([]),
    /** Plan date the offset counts from. */
    anchor: z.enum(["go-live", "cutover-start", "hypercare-end"]).default("go-live"),
    /** Business days before the anchor the item is due (T-10 is 10; negative means after the anchor). */
    tMinusDays: daysSchema,
    /** Items that must close first (unique, never the item itself). */
    dependsOn: z.array(refSchema).max(200).default([]),
    /** True for blocking items, false for advisory ones. */
    blocking: z.boolean(),
    /**
     * True for an item allowed during a change freeze (a communication, a reminder): scheduling keeps its nominal due
     * day in a blackout window — no move, no `cutover-step-in-blackout` warning. Absent or false: the freeze rules apply.
     */
    freezeExempt: z.boolean().optional(),
    /** Gates whose scope includes this item (unique). */
    gateIds: z.array(refSchema).max(50).default([]),
    /** Item status. */
    status: checklistStatusSchema,
    /** Why the item is skipped, not applicable or blocked (required for those statuses). */
    statusReason: textSchema.optional(),
    /** Due day computed from the anchor, offset and calendar once the plan is scheduled. */
    dueDate: isoDateCodec.optional(),
    /** Day the item was done (required for, and only allowed with, status `done`). */
    completedOn: isoDateCodec.optional(),
    /**
     * Day the item was skipped (only allowed with status `skipped`). Optional, for records made before it existed:
     * without it the item counts as skipped only from the day of its `updatedAt` (see `assessItem`).
     */
    skippedOn: isoDateCodec.optional(),
    /**
     * Day the item was found not applicable (only allowed with status `not-applicable`). Optional, like `skippedOn`:
     * without it the item counts as not applicable only from the day of its `updatedAt`.
     */
    notApplicableOn: isoDateCodec.optional(),
    /** What evidence proves the item is done ("signed UAT exit report"). */
    evidenceRequired: textSchema.optional(),
    /** Evidence recorded so far. */
    evidence: z
      .array(
        z
          .strictObject({
            /** Kind of evidence. */
            type: z.enum(["link", "file", "sign-off", "metric"]),
            /** Where it is: URL, file reference, sign-off record, metric name. */
            reference: z.string().trim().min(1).max(2_000),
            /** Measured value; required for, and only allowed with, type `metric`. */
            value: decimalCodec.optional(),
            /** Who recorded it. */
            recordedBy: refSchema,
            /** When it was recorded. */
            recordedAt: instantCodec,
          })
          .refine((e) => (e.type === "metric") === (e.value !== undefined), {
            message: "a metric needs a value, and only a metric has one",
            path: ["value"],
          }),
      )
      .max(200)
      .default([]),
    /** Approved waiver (required when status is `waived`). */
    waiver: z
      .strictObject({
        /** Who approved the waiver. */
        approvedBy: refSchema,
        /** Why the item may stay open. */
        reason: textSchema.trim().min(1),
        /** When the waiver was granted. */
        grantedAt: instantCodec,
        /** Last day the waiver holds (not before the day it was granted). */
        expiresOn: isoDateCodec,
      })
      .refine((w) => w.expiresOn >= w.grantedAt.slice(0, 10), {
        message: "a waiver cannot expire before it was granted",
        path: ["expiresOn"],
      })
      .optional(),
    /** Automatic evidence check: the item is proven when every condition holds over the supplied facts. */
    evidenceRule: z
      .strictObject({
        /** Conditions that must all hold. */
        all: z.array(evidenceConditionSchema).min(1).max(50),
      })
      .optional(),
  },
).superRefine((c, ctx) => {
  if (reasonRequired.has(c.status) && !c.statusReason?.trim()) refuse(ctx, "statusReason", `status ${c.status} needs a reason`);
  if (c.status === "waived" && c.waiver === undefined) refuse(ctx, "waiver", "a waived item needs a waiver");
  if (c.status === "done" && c.completedOn === undefined) refuse(ctx, "completedOn", "a done item needs its completion day");
  if (c.status !== "done" && c.completedOn !== undefined) refuse(ctx, "completedOn", "only a done item has a completion day");
  if (c.status !== "skipped" && c.skippedOn) refuse(ctx, "skippedOn", "only a skipped item has skippedOn");
  if (c.status !== "not-applicable" && c.notApplicableOn) refuse(ctx, "notApplicableOn", "only a not-applicable item has notApplicableOn");
  if (c.raci.filter((r) => r.raci === "accountable").length > 1) {
    refuse(ctx, ["raci", c.raci.findLastIndex((r) => r.raci === "accountable"), "raci"], "at most one person is accountable");
  }
  const deps = new Set<string>();
  c.dependsOn.forEach((d, i) => {
    if (d === c.id) refuse(ctx, ["dependsOn", i], "an item cannot depend on itself");
    else if (deps.has(d)) refuse(ctx, ["dependsOn", i], `duplicate dependency ${d}`);
    deps.add(d);
  });
  refuseRepeats(ctx, c.gateIds, ["gateIds"], (g) => `duplicate gate ${g}`);
});

/** A checklist item, in memory form. */
export type ChecklistItem = z.output<typeof checklistItemSchema>;
/** A checklist item, in wire form (what adapters store). */
export type ChecklistItemWire = z.input<typeof checklistItemSchema>;
/** A rollout phase. */
export type ChecklistPhase = z.output<typeof checklistPhaseSchema>;
/** A readiness category. */
export type ChecklistCategory = z.output<typeof checklistCategorySchema>;
/** A checklist item status. */
export type ChecklistStatus = z.output<typeof checklistStatusSchema>;

/**
 * JSON Schema of the checklist-item wire form.
 *
 * @example
 * ```ts
 * checklistItemJsonSchema().title; // "ChecklistItem"
 * ```
 */
export function checklistItemJsonSchema(): Record<string, unknown> {
  return wireJsonSchema(checklistItemSchema, { title: "ChecklistItem", description: "A rollout checklist item: owner, offset, dependencies, status, evidence, waiver." });
}
