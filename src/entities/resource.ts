import * as z from "zod";
import { decimalCodec, isoDateCodec } from "../core/codecs.js";
import { entitySchema, wireJsonSchema } from "./base.js";
import { nameSchema, nonNegativeMoneyCodec, refSchema, textSchema, whenDecoded, workingCalendarSpecSchema } from "./common.js";
import { refuse } from "./refuse.js";
import { slugSchema } from "./slug.js";

/**
 * What a resource is: a named `person`, a `role` (any business analyst), or a generic `skill` pool (three Java
 * developers from the shared pool).
 *
 * @example
 * ```ts
 * resourceTypeSchema.parse("skill");
 * ```
 */
export const resourceTypeSchema = z.enum(["person", "role", "skill"]);

/**
 * One cost rate of a resource, valid from `effectiveFrom` until the next rate's date.
 *
 * @example
 * ```ts
 * costRateSchema.decode({ effectiveFrom: "2027-01-01", perHour: { amount: "95.00", currency: "EUR" } });
 * ```
 */
export const costRateSchema = z.strictObject({
  /** First day the rate applies. */
  effectiveFrom: isoDateCodec,
  /** Standard rate per working hour. */
  perHour: nonNegativeMoneyCodec,
  /** Overtime rate per hour, if different from the standard rate. */
  overtimePerHour: nonNegativeMoneyCodec.optional(),
  /** Cost charged once per assignment (a call-out fee). */
  perUse: nonNegativeMoneyCodec.optional(),
});

/**
 * A schedulable resource: a person, a role or a skill pool with its calendar, the units it can give per working day
 * and its cost rates over time. Skills use the same names as people's skills and portfolio selection's capacity.
 *
 * @example
 * ```ts
 * const dba = resourceSchema.decode({
 *   id: "res-dba", version: 1, createdAt: "2026-01-05T09:00:00.000Z", updatedAt: "2026-01-05T09:00:00.000Z",
 *   name: "Database administrators", type: "skill", skills: ["dba"], maxUnits: "2",
 *   costRates: [{ effectiveFrom: "2026-01-01", perHour: { amount: "88.00", currency: "EUR" } }],
 * });
 * ```
 */
export const resourceSchema = entitySchema(
  {
    /** Display name. */
    name: nameSchema,
    /** Person, role or skill pool. */
    type: resourceTypeSchema,
    /** The person record, for a `person` resource whose person is in the register (an imported plan may name people it has no record of). */
    personId: refSchema.optional(),
    /** Skills it provides (`"java"`, `"dba"`), as in person skills and selection capacity. */
    skills: z.array(slugSchema).max(50),
    /** Units it can give per working day: 1 is one full-time person, 3 a pool of three (above zero). */
    maxUnits: decimalCodec.refine((d) => d.gt(0) && d.lte(100_000), { message: "max units must be above zero (at most 100000)" }),
    /** Its own working calendar, when it differs from the project's. */
    calendar: workingCalendarSpecSchema.optional(),
    /** Cost rates by date: strictly increasing `effectiveFrom`, one currency. */
    costRates: z.array(costRateSchema).max(500),
    /** Whether the resource can still be assigned. */
    active: z.boolean().default(true),
    /** Notes. */
    notes: textSchema.optional(),
  },
).superRefine((r, ctx) => {
  if (r.type !== "person" && r.personId !== undefined) refuse(ctx, ["personId"], "only a person resource names a person");
  const currency = r.costRates[0]?.perHour.currency;
  r.costRates.forEach((c, i) => {
    const prev = r.costRates[i - 1];
    if (prev && c.effectiveFrom <= prev.effectiveFrom) refuse(ctx, ["costRates", i, "effectiveFrom"], "rates must be in strictly increasing date order");
    for (const key of ["perHour", "overtimePerHour", "perUse"] as const) {
      const m = c[key];
      if (m && m.currency !== currency) refuse(ctx, ["costRates", i, key, "currency"], "every rate is in one currency");
    }
  });
}, whenDecoded);

/** A resource, in memory form. */
export type Resource = z.output<typeof resourceSchema>;
/** A resource, in wire form (what adapters store). */
export type ResourceWire = z.input<typeof resourceSchema>;

/**
 * JSON Schema of the resource wire form.
 *
 * @example
 * ```ts
 * resourceJsonSchema().title; // "Resource"
 * ```
 */
export function resourceJsonSchema(): Record<string, unknown> {
  return wireJsonSchema(resourceSchema, { title: "Resource", description: "A person, role or skill pool with its calendar, max units and cost rates by date." });
}
