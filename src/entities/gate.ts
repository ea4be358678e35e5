import * as z from "zod";
import { instantCodec, isoDateCodec } from "../core/codecs.js";
import { entitySchema, wireJsonSchema } from "./base.js";
import { nameSchema, personRoleSchema, refSchema, textListSchema, textSchema } from "./common.js";
import { refuse } from "./refuse.js";
import { checklistCategorySchema, checklistPhaseSchema } from "./checklist-item.js";

/**
 * Gate types: entry and exit of a phase, and the go/no-go decision before cutover.
 *
 * @example
 * ```ts
 * gateTypeSchema.parse("go-no-go"); // "go-no-go"
 * ```
 */
export const gateTypeSchema = z.enum(["entry", "exit", "go-no-go"]);

/**
 * Gate outcomes: go, go with conditions to meet, or no-go.
 *
 * @example
 * ```ts
 * gateOutcomeSchema.parse("conditional-go"); // "conditional-go"
 * ```
 */
export const gateOutcomeSchema = z.enum(["go", "conditional-go", "no-go"]);

/**
 * The decision taken at a gate. A conditional go lists its conditions; a plain go has none (a go with conditions
 * is a conditional go).
 *
 * @example
 * ```ts
 * gateDecisionSchema.decode({
 *   outcome: "conditional-go", decidedAt: "2026-10-29T16:00:00Z", decidedBy: "p-ana",
 *   conditions: ["Help-desk night shift staffed by 2026-11-01"],
 * });
 * ```
 */
export const gateDecisionSchema = z
  .strictObject({
    /** The outcome. */
    outcome: gateOutcomeSchema,
    /** When it was decided. */
    decidedAt: instantCodec,
    /** Who decided (usually the accountable sponsor). */
    decidedBy: refSchema,
    /** Conditions of a conditional go (required then, not allowed with a plain go). */
    conditions: textListSchema.default([]),
    /** Minutes, rationale. */
    notes: textSchema.optional(),
  })
  .superRefine((d, ctx) => {
    if (d.outcome === "conditional-go" && d.conditions.length === 0) {
      refuse(ctx, ["conditions"], "a conditional go needs its conditions");
    }
    if (d.outcome === "go" && d.conditions.length > 0) {
      refuse(ctx, ["conditions"], "a go with conditions is a conditional go");
    }
  });

/**
 * A rollout gate: a checkpoint over a scope of checklist items (by phase, category or id) that needs a minimum
 * number of approving votes from named approvers — and no reject from an approver with a `veto` — and records the
 * decision taken.
 *
 * @example
 * ```ts
 * const gate = gateSchema.decode({
 *   id: "g-gng", version: 1, createdAt: "2026-09-01T08:00:00.000Z", updatedAt: "2026-09-01T08:00:00.000Z",
 *   rolloutPlanId: "rp-crm", name: "Go/No-Go", type: "go-no-go", plannedDate: "2026-10-29",
 *   scope: { phases: ["prepare", "test"] }, approvers: [{ personId: "p-ana", role: "sponsor" }], minApprovals: 1,
 *   approvals: [],
 * });
 * ```
 */
export const gateSchema = entitySchema(
  {
    /** The rollout plan the gate belongs to. */
    rolloutPlanId: refSchema,
    /** Gate name. */
    name: nameSchema,
    /** Gate type. */
    type: gateTypeSchema,
    /** Day the gate meeting is planned. */
    plannedDate: isoDateCodec.optional(),
    /** Which checklist items the gate covers: the union of the three lists (at least one is non-empty). */
    scope: z
      .strictObject({
        /** Items in these phases. */
        phases: z.array(checklistPhaseSchema).max(7).optional(),
        /** Items in these categories. */
        categories: z.array(checklistCategorySchema).max(11).optional(),
        /** These items. */
        itemIds: z.array(refSchema).max(1_000).optional(),
      })
      .refine((s) => (s.phases?.length ?? 0) + (s.categories?.length ?? 0) + (s.itemIds?.length ?? 0) > 0, {
        message: "a gate scope needs phases, categories or items",
      }),
    /** People who may approve (each once). */
    approvers: z
      .array(
        z.strictObject({
          /** The approver. */
          personId: refSchema,
          /** The role they approve in. */
          role: personRoleSchema.optional(),
          /** True when their reject alone makes the gate NO-GO, whatever the other votes (a security officer, a service owner). */
          veto: z.boolean().optional(),
        }),
      )
      .max(50),
    /** Approving votes needed for a go (1 to the number of approvers). */
    minApprovals: z.number().int().min(1).max(50),
    /** Votes cast, one per approver. */
    approvals: z
      .array(
        z.strictObject({
          /** Who voted (one of the approvers). */
          personId: refSchema,
          /** The vote. */
          vote: z.enum(["approve", "reject", "abstain"]),
          /** When. */
          at: instantCodec,
          /** Why, or on what condition. */
          comment: textSchema.optional(),
        }),
      )
      .max(50)
      .default([]),
    /** The decision, once taken. */
    decision: gateDecisionSchema.optional(),
  },
).superRefine((g, ctx) => {
  const approvers = new Set<string>();
  g.approvers.forEach((a, i) => {
    if (approvers.has(a.personId)) refuse(ctx, ["approvers", i, "personId"], `${a.personId} is listed twice`);
    approvers.add(a.personId);
  });
  if (g.minApprovals > approvers.size) refuse(ctx, "minApprovals", "more approvals required than there are approvers");
  const voted = new Set<string>();
  g.approvals.forEach((v, i) => {
    if (!approvers.has(v.personId)) refuse(ctx, ["approvals", i, "personId"], `${v.personId} is not an approver`);
    else if (voted.has(v.personId)) refuse(ctx, ["approvals", i, "personId"], `${v.personId} voted twice`);
    voted.add(v.personId);
  });
  // The gate rule: a go (conditional or not) needs the minimum number of approving votes, and no reject from an
  // approver with a veto.
  if (g.decision && g.decision.outcome !== "no-go") {
    const approving = g.approvals.filter((v) => v.vote === "approve").length;
    if (approving < g.minApprovals) refuse(ctx, ["decision", "outcome"], `a go needs ${g.minApprovals} approving votes, got ${approving}`);
    const vetoedBy = g.approvals.filter((v) => v.vote === "reject" && g.approvers.some((a) => a.veto && a.personId === v.personId)).map((v) => v.personId);
    if (vetoedBy.length > 0) refuse(ctx, ["decision", "outcome"], `vetoed by ${vetoedBy.join(", ")}: no go over a veto`);
  }
});

/** A gate, in memory form. */
export type Gate = z.output<typeof gateSchema>;
/** A gate, in wire form (what adapters store). */
export type GateWire = z.input<typeof gateSchema>;
/** A gate decision, in memory form. */
export type GateDecision = z.output<typeof gateDecisionSchema>;

/**
 * JSON Schema of the gate wire form.
 *
 * @example
 * ```ts
 * gateJsonSchema().title; // "Gate"
 * ```
 */
export function gateJsonSchema(): Record<string, unknown> {
  return wireJsonSchema(gateSchema, { title: "Gate", description: "A rollout gate: scope, approvers, votes and decision." });
}
