import * as z from "zod";
import { entitySchema, wireJsonSchema } from "./base.js";
import { nameSchema, personRoleSchema, refSchema, textSchema } from "./common.js";
import { slugSchema } from "./slug.js";

/**
 * Stakeholder engagement levels (PMBOK's engagement assessment matrix).
 *
 * @example
 * ```ts
 * engagementLevelSchema.parse("supportive"); // "supportive"
 * ```
 */
export const engagementLevelSchema = z.enum(["unaware", "resistant", "neutral", "supportive", "leading"]);

/**
 * A person the office deals with — sponsor, project manager, analyst, developer, DBA, operations, help desk — and,
 * as a stakeholder, how much power and interest they have and how engaged they are versus how engaged they need
 * to be.
 *
 * @example
 * ```ts
 * const ana = personSchema.decode({
 *   id: "p-ana", version: 1, createdAt: "2026-01-05T09:00:00.000Z", updatedAt: "2026-01-05T09:00:00.000Z",
 *   name: "Ana Costa", email: "ana.costa@example.com", roles: ["sponsor"], organisationUnit: "Sales",
 *   power: 5, interest: 4, engagement: { current: "supportive", desired: "leading" },
 * });
 * ```
 */
export const personSchema = entitySchema(
  {
    /** Full name. */
    name: nameSchema,
    /** E-mail address, if known. */
    email: z.email().max(320).optional(),
    /** Roles this person plays (at least one). */
    roles: z.array(personRoleSchema).min(1).max(20),
    /** Organisation unit (department, team). */
    organisationUnit: nameSchema.optional(),
    /** Line manager. */
    managerId: refSchema.optional(),
    /** Skills used for capacity planning (`"java"`, `"dba"`, `"sap-fi"`). */
    skills: z.array(slugSchema).max(50).default([]),
    /** Power over the work, 1 (low) to 5 (high): the vertical axis of the power/interest grid. */
    power: z.number().int().min(1).max(5).optional(),
    /** Interest in the work, 1 (low) to 5 (high): the horizontal axis of the power/interest grid. */
    interest: z.number().int().min(1).max(5).optional(),
    /** Engagement now and the engagement the work needs. */
    engagement: z
      .strictObject({
        /** How engaged they are now. */
        current: engagementLevelSchema,
        /** How engaged they need to be. */
        desired: engagementLevelSchema,
      })
      .optional(),
    /** Whether the person is still active in the organisation. */
    active: z.boolean().default(true),
    /** Notes. */
    notes: textSchema.optional(),
  },
);

/** A person, in memory form. */
export type Person = z.output<typeof personSchema>;
/** A person, in wire form (what adapters store). */
export type PersonWire = z.input<typeof personSchema>;

/**
 * JSON Schema of the person wire form.
 *
 * @example
 * ```ts
 * personJsonSchema().title; // "Person"
 * ```
 */
export function personJsonSchema(): Record<string, unknown> {
  return wireJsonSchema(personSchema, { title: "Person", description: "A person and, as a stakeholder, their power, interest and engagement." });
}
