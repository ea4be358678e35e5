import * as z from "zod";
import { entitySchema, wireJsonSchema } from "./base.js";
import { nameSchema, refSchema, textListSchema, textSchema } from "./common.js";

/**
 * Programme lifecycle: proposed, active (its projects run), closing (benefits handed over), closed.
 *
 * @example
 * ```ts
 * programmeStatusSchema.parse("active"); // "active"
 * ```
 */
export const programmeStatusSchema = z.enum(["proposed", "active", "closing", "closed"]);

/**
 * A programme: related projects managed together for benefits none of them would deliver alone.
 *
 * @example
 * ```ts
 * const crm = programmeSchema.decode({
 *   id: "pg-cx", version: 1, createdAt: "2026-01-05T09:00:00.000Z", updatedAt: "2026-01-05T09:00:00.000Z",
 *   portfolioId: "pf-it", name: "Customer Experience", description: "", sponsorId: "p-ana",
 *   managerId: "p-rui", objectives: ["One customer view"], status: "active",
 * });
 * ```
 */
export const programmeSchema = entitySchema(
  {
    /** The portfolio the programme belongs to. */
    portfolioId: refSchema,
    /** Programme name. */
    name: nameSchema,
    /** What the programme is about. */
    description: textSchema.default(""),
    /** Sponsor: owns the business case and the benefits. */
    sponsorId: refSchema,
    /** Programme manager: runs it day to day. */
    managerId: refSchema,
    /** Objectives, in plain words. */
    objectives: textListSchema.default([]),
    /** Where the programme is in its lifecycle. */
    status: programmeStatusSchema,
  },
);

/** A programme, in memory form. */
export type Programme = z.output<typeof programmeSchema>;
/** A programme, in wire form (what adapters store). */
export type ProgrammeWire = z.input<typeof programmeSchema>;

/**
 * JSON Schema of the programme wire form.
 *
 * @example
 * ```ts
 * programmeJsonSchema().title; // "Programme"
 * ```
 */
export function programmeJsonSchema(): Record<string, unknown> {
  return wireJsonSchema(programmeSchema, { title: "Programme", description: "Related projects managed together for shared benefits." });
}
