import * as z from "zod";
import { decimalCodec } from "../core/codecs.js";
import { entitySchema, wireJsonSchema } from "./base.js";
import { nonNegativeDecimalCodec, refSchema, textSchema } from "./common.js";

/**
 * How an assignment's work is spread over the package's days (MS Project's work contours): `flat` (the same every
 * day), `back-loaded`, `front-loaded`, `double-peak`, `early-peak`, `late-peak`, `bell`, `turtle`, or `contoured` (edited by hand, day by day, in the
 * source tool).
 *
 * @example
 * ```ts
 * workContourSchema.parse("bell");
 * ```
 */
export const workContourSchema = z.enum(["flat", "back-loaded", "front-loaded", "double-peak", "early-peak", "late-peak", "bell", "turtle", "contoured"]);

/**
 * A resource assigned to a work package: how many units it gives per working day of the package, the work in hours,
 * and how that work is spread (contour).
 *
 * @example
 * ```ts
 * const a = assignmentSchema.decode({
 *   id: "as-crm-2.3-dba", version: 1, createdAt: "2026-01-05T09:00:00.000Z", updatedAt: "2026-01-05T09:00:00.000Z",
 *   projectId: "PRJ-CRM", workPackageId: "wp-crm-2.3", resourceId: "res-dba", units: "0.5", work: "160", contour: "flat",
 * });
 * ```
 */
export const assignmentSchema = entitySchema(
  {
    /** The project. */
    projectId: refSchema,
    /** The work package. */
    workPackageId: refSchema,
    /** The resource. */
    resourceId: refSchema,
    /** Units per working day of the package: 1 is full time, 0.5 half time (above zero). */
    units: decimalCodec.refine((d) => d.gt(0) && d.lte(100_000), { message: "units must be above zero (at most 100000)" }),
    /** Planned work in hours. */
    work: nonNegativeDecimalCodec.optional(),
    /** Work done so far in hours. */
    actualWork: nonNegativeDecimalCodec.optional(),
    /** How the work is spread over the package's days. */
    contour: workContourSchema.default("flat"),
    /** Notes. */
    notes: textSchema.optional(),
  },
);

/** An assignment, in memory form. */
export type Assignment = z.output<typeof assignmentSchema>;
/** An assignment, in wire form (what adapters store). */
export type AssignmentWire = z.input<typeof assignmentSchema>;

/**
 * JSON Schema of the assignment wire form.
 *
 * @example
 * ```ts
 * assignmentJsonSchema().title; // "Assignment"
 * ```
 */
export function assignmentJsonSchema(): Record<string, unknown> {
  return wireJsonSchema(assignmentSchema, { title: "Assignment", description: "A resource assigned to a work package: units, work and contour." });
}
