import * as z from "zod";
import { isoDateCodec } from "../core/codecs.js";
import { entitySchema, wireJsonSchema } from "./base.js";
import { nameSchema, refSchema, textSchema, whenDecoded } from "./common.js";
import { refuse, refuseRepeats } from "./refuse.js";

/**
 * Defect severities.
 *
 * @example
 * ```ts
 * defectSeveritySchema.parse("critical");
 * ```
 */
export const defectSeveritySchema = z.enum(["low", "medium", "high", "critical"]);

/**
 * Defect lifecycle states.
 *
 * @example
 * ```ts
 * defectStatusSchema.parse("fixed");
 * ```
 */
export const defectStatusSchema = z.enum(["open", "in-progress", "fixed", "verified", "closed", "rejected"]);

/** States in which the defect has been resolved, so a resolution date is required. */
const RESOLVED = new Set(["fixed", "verified", "closed"]);
/** States in which work is still outstanding, so a resolution date would be contradictory. */
const UNRESOLVED = new Set(["open", "in-progress"]);

/**
 * A defect found in testing or operation, with the requirements it breaks. Open critical defects against
 * must-have requirements block rollout readiness.
 *
 * @example
 * ```ts
 * const d = defectSchema.decode({
 *   id: "def-9", version: 1, createdAt: "2026-05-04T10:00:00.000Z", updatedAt: "2026-05-04T10:00:00.000Z",
 *   projectId: "prj-crm", key: "DEF-9", title: "CSV export drops accents", severity: "high", status: "open",
 *   foundInRunId: "tr-1", requirementIds: ["req-104"], raisedOn: "2026-05-04",
 * });
 * ```
 */
export const defectSchema = entitySchema(
  {
    /** The project. */
    projectId: refSchema,
    /** Key in the defect tracker, if any. */
    key: z.string().trim().min(1).max(64).optional(),
    /** Title. */
    title: nameSchema,
    /** Steps to reproduce, observed and expected behaviour. */
    description: textSchema.optional(),
    /** Severity. */
    severity: defectSeveritySchema,
    /** Lifecycle state. */
    status: defectStatusSchema,
    /** The test run that found it, if any. */
    foundInRunId: refSchema.optional(),
    /** Requirements it affects (each once). */
    requirementIds: z.array(refSchema).max(500),
    /** Date raised. */
    raisedOn: isoDateCodec,
    /** Date resolved: required once fixed, verified or closed; not before `raisedOn`. */
    resolvedOn: isoDateCodec.optional(),
  },
).superRefine((d, ctx) => {
  if (RESOLVED.has(d.status) && d.resolvedOn === undefined) {
    refuse(ctx, ["resolvedOn"], `a ${d.status} defect needs resolvedOn`);
  }
  if (UNRESOLVED.has(d.status) && d.resolvedOn !== undefined) {
    refuse(ctx, ["resolvedOn"], `an ${d.status} defect is not resolved`);
  }
  if (d.resolvedOn !== undefined && d.resolvedOn < d.raisedOn) {
    refuse(ctx, ["resolvedOn"], "cannot be resolved before it was raised");
  }
  refuseRepeats(ctx, d.requirementIds, ["requirementIds"], "requirement listed twice");
}, whenDecoded);

/** A defect, in memory form. */
export type Defect = z.output<typeof defectSchema>;
/** A defect, in wire form (what adapters store). */
export type DefectWire = z.input<typeof defectSchema>;

/**
 * JSON Schema of the defect wire form.
 *
 * @example
 * ```ts
 * defectJsonSchema().title; // "Defect"
 * ```
 */
export function defectJsonSchema(): Record<string, unknown> {
  return wireJsonSchema(defectSchema, { title: "Defect", description: "A defect with its severity, status and affected requirements." });
}
