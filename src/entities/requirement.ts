import * as z from "zod";
import { entitySchema, wireJsonSchema } from "./base.js";
import { nameSchema, personRoleSchema, refSchema, textSchema, whenDecoded } from "./common.js";
import { refuse, refuseRepeats } from "./refuse.js";
import { slugSchema } from "./slug.js";

/**
 * A human-readable item key: an upper-case prefix (optionally dashed parts) and a number, such as `BR-012`,
 * `FR-104`, `NFR-SEC-3` or `TC-031`. Used by requirements and test cases.
 *
 * @example
 * ```ts
 * itemKeySchema.parse("FR-104"); // "FR-104"
 * ```
 */
export const itemKeySchema = z
  .string()
  .max(64)
  .regex(/^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*-\d+$/, { message: "keys look like BR-012 or FR-104" });

/**
 * Requirement types (BABOK requirement classification).
 *
 * @example
 * ```ts
 * requirementTypeSchema.parse("non-functional");
 * ```
 */
export const requirementTypeSchema = z.enum(["business", "stakeholder", "functional", "non-functional", "transition"]);

/**
 * MoSCoW priority.
 *
 * @example
 * ```ts
 * moscowSchema.parse("must");
 * ```
 */
export const moscowSchema = z.enum(["must", "should", "could", "wont"]);

/**
 * How a requirement is verified (IEEE 29148 verification methods).
 *
 * @example
 * ```ts
 * verificationMethodSchema.parse("test");
 * ```
 */
export const verificationMethodSchema = z.enum(["test", "inspection", "analysis", "demonstration"]);

/**
 * Requirement lifecycle states.
 *
 * @example
 * ```ts
 * requirementStatusSchema.parse("approved");
 * ```
 */
export const requirementStatusSchema = z.enum([
  "draft",
  "proposed",
  "approved",
  "implemented",
  "verified",
  "rejected",
  "obsolete",
]);

/**
 * A requirement: a statement of need, with its rationale, MoSCoW priority, acceptance criteria and verification
 * method, and the audiences (developers, DBAs, operations, help desk…) that must acknowledge it before rollout.
 *
 * @example
 * ```ts
 * const fr = requirementSchema.decode({
 *   id: "req-104", version: 1, createdAt: "2026-02-01T09:00:00.000Z", updatedAt: "2026-02-01T09:00:00.000Z",
 *   projectId: "prj-crm", key: "FR-104", type: "functional", title: "Export customers",
 *   statement: "The system shall export the customer list as CSV.", priority: "must",
 *   acceptanceCriteria: ["Export contains every active customer"], verificationMethod: "test", status: "approved",
 *   audiences: ["developer", "help-desk"],
 * });
 * ```
 */
export const requirementSchema = entitySchema(
  {
    /** The project. */
    projectId: refSchema,
    /** Human-readable key (`"FR-104"`). */
    key: itemKeySchema,
    /** Requirement type. */
    type: requirementTypeSchema,
    /**
     * The office's own level for it (`"business-rule"`, `"system"`, `"software"`), when the built-in types are not
     * enough; trace rules read it with `typeFields: { requirement: "level" }`.
     */
    level: z.string().regex(/^[a-z][a-z0-9-]*$/).max(64).optional(),
    /** Content revision (OpenFastTrace's `~revision`), raised by whoever changes the meaning; links pin it. */
    revision: z.number().int().min(0).max(1_000_000).optional(),
    /** Short title. */
    title: nameSchema,
    /** The requirement itself ("The system shall…"). */
    statement: z.string().trim().min(1).max(20_000),
    /** Why it is needed. */
    rationale: textSchema.optional(),
    /** The stakeholder it came from. */
    sourceStakeholderId: refSchema.optional(),
    /** MoSCoW priority. */
    priority: moscowSchema,
    /**
     * Acceptance criteria, each a non-empty statement; none when not given (`[]`), as a request's `dependsOn` — so
     * an empty CSV or XLSX cell, which is how export writes no criteria, reads back as none.
     */
    acceptanceCriteria: z.array(z.string().trim().min(1).max(2_000)).max(200).default([]),
    /** How it will be verified. */
    verificationMethod: verificationMethodSchema,
    /** Person responsible for the requirement. */
    ownerId: refSchema.optional(),
    /** Lifecycle state. */
    status: requirementStatusSchema,
    /** Parent requirement it refines or derives from, if any. */
    parentId: refSchema.optional(),
    /** Audiences that must acknowledge it (each once). */
    audiences: z.array(personRoleSchema).max(30).optional(),
    /** Free tags (`"gdpr"`, `"release-2"`). */
    tags: z.array(slugSchema.max(50)).max(50).optional(),
  },
).superRefine((r, ctx) => {
  if (r.parentId === r.id) refuse(ctx, ["parentId"], "a requirement cannot be its own parent");
  refuseRepeats(ctx, r.audiences, ["audiences"], "audience listed twice");
}, whenDecoded);

/** A requirement, in memory form. */
export type Requirement = z.output<typeof requirementSchema>;
/** A requirement, in wire form (what adapters store). */
export type RequirementWire = z.input<typeof requirementSchema>;

/**
 * JSON Schema of the requirement wire form.
 *
 * @example
 * ```ts
 * requirementJsonSchema().title; // "Requirement"
 * ```
 */
export function requirementJsonSchema(): Record<string, unknown> {
  return wireJsonSchema(requirementSchema, { title: "Requirement", description: "A requirement with priority, acceptance criteria and audiences." });
}
