import * as z from "zod";
import { decimalCodec, idSchema, instantCodec, isoDateCodec, moneyCodec } from "../core/codecs.js";
import { ValidationError } from "../core/errors.js";
import { checkArguments } from "../core/guard.js";
import { refuseSliceOrder } from "./refuse.js";

/*
 * Small value schemas shared by several entities. Each is a codec (wire ⇄ memory) or a plain schema whose wire
 * and memory forms are the same.
 */

/**
 * Refinement option: run an object-level check only when every field decoded cleanly. Without it zod also runs the
 * check after a non-fatal field failure (a failed regex or refine), when that field still holds its wire text
 * instead of a Decimal or Money, and the check would report a second, misleading issue or crash.
 *
 * @example
 * ```ts
 * z.strictObject({ start: isoDateCodec, finish: isoDateCodec })
 *   .refine((w) => w.finish >= w.start, { message: "finish before start", path: ["finish"], ...whenDecoded });
 * ```
 */
export const whenDecoded: RefineWhen = { when: (payload) => payload.issues.length === 0 };

/** The `when` option of a zod refinement. */
export interface RefineWhen {
  /** Whether the refinement runs for this payload. */
  readonly when: (payload: z.core.ParsePayload) => boolean;
}

/**
 * A reference to another entity by id.
 *
 * @example
 * ```ts
 * refSchema.parse("PRJ-CRM"); // "PRJ-CRM"
 * ```
 */
export const refSchema = idSchema;

/**
 * Free text of reasonable size (titles, names).
 *
 * @example
 * ```ts
 * nameSchema.parse("  CRM replacement "); // "CRM replacement"
 * ```
 */
export const nameSchema = z.string().trim().min(1).max(300);

/**
 * Longer free text (descriptions, statements, comments). Empty is allowed.
 *
 * @example
 * ```ts
 * textSchema.parse(""); // "" (empty text is allowed)
 * ```
 */
export const textSchema = z.string().max(20_000);

/**
 * A non-empty list of short texts (scope items, accomplishments).
 *
 * @example
 * ```ts
 * textListSchema.parse(["Data migration of open opportunities"]);
 * ```
 */
export const textListSchema = z.array(z.string().trim().min(1).max(2_000)).max(500);

/**
 * A fiscal period label such as `FY2027`, `2027-Q1`, `2027-03` or `2027-W05`: how the office buckets plans and
 * budgets. The label is opaque to storage; calculators map labels to dates with a period grid.
 *
 * @example
 * ```ts
 * fiscalPeriodSchema.parse("FY2027"); // "FY2027"
 * ```
 */
export const fiscalPeriodSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:/-]{0,31}$/, { message: "period labels look like FY2027, 2027-Q1, 2027-03" });

/**
 * A decimal percentage from 0 to 100 inclusive.
 *
 * @example
 * ```ts
 * percentCodec.decode("87.5").toFixed(); // "87.5"
 * percentCodec.safeDecode("100.5").success; // false
 * ```
 */
export const percentCodec = decimalCodec.refine((d) => d.gte(0) && d.lte(100), {
  message: "a percentage is between 0 and 100",
});

/**
 * A decimal fraction from 0 to 1 inclusive (a probability, a confidence).
 *
 * @example
 * ```ts
 * fractionCodec.decode("0.8").toFixed(); // "0.8"
 * ```
 */
export const fractionCodec = decimalCodec.refine((d) => d.gte(0) && d.lte(1), {
  message: "a fraction is between 0 and 1",
});

/**
 * A non-negative decimal (hours, units, weights).
 *
 * @example
 * ```ts
 * nonNegativeDecimalCodec.safeDecode("-1").success; // false
 * ```
 */
export const nonNegativeDecimalCodec = decimalCodec.refine((d) => d.gte(0), { message: "must not be negative" });

/**
 * Money that must not be negative (a budget, a cost estimate).
 *
 * @example
 * ```ts
 * nonNegativeMoneyCodec.safeDecode({ amount: "-5.00", currency: "EUR" }).success; // false
 * ```
 */
export const nonNegativeMoneyCodec = moneyCodec.refine((m) => m.amount.gte(0), { message: "amount must not be negative" });

/**
 * Cost categories used in budgets and actuals, so that budget variance lines up by category.
 *
 * @example
 * ```ts
 * costCategorySchema.parse("software"); // "software"
 * ```
 */
export const costCategorySchema = z.enum([
  "labour",
  "contractors",
  "hardware",
  "software",
  "cloud",
  "services",
  "travel",
  "training",
  "facilities",
  "contingency",
  "other",
]);

/**
 * Capital or operating expenditure.
 *
 * @example
 * ```ts
 * expenditureSchema.parse("capex"); // "capex"
 * ```
 */
export const expenditureSchema = z.enum(["capex", "opex"]);

/**
 * Roles people play in the office.
 *
 * @example
 * ```ts
 * personRoleSchema.parse("help-desk"); // "help-desk"
 * ```
 */
export const personRoleSchema = z.enum([
  "sponsor",
  "project-manager",
  "programme-manager",
  "portfolio-manager",
  "pmo-analyst",
  "business-analyst",
  "product-owner",
  "architect",
  "developer",
  "dba",
  "operations",
  "qa",
  "help-desk",
  "trainer",
  "change-manager",
  "security",
  "end-user",
  "key-user",
  "vendor",
]);

/**
 * RACI letter: Responsible, Accountable, Consulted, Informed.
 *
 * @example
 * ```ts
 * raciSchema.parse("accountable"); // "accountable"
 * ```
 */
export const raciSchema = z.enum(["responsible", "accountable", "consulted", "informed"]);

/**
 * One RACI assignment: a person and their letter.
 *
 * @example
 * ```ts
 * raciAssignmentSchema.parse({ personId: "p-ana", raci: "accountable" });
 * ```
 */
export const raciAssignmentSchema = z.strictObject({
  /** The person. */
  personId: refSchema,
  /** Their RACI letter. */
  raci: raciSchema,
});

/**
 * An amount in a fiscal period.
 *
 * @example
 * ```ts
 * periodAmountSchema.decode({ period: "FY2027", amount: { amount: "120000.00", currency: "EUR" } });
 * ```
 */
export const periodAmountSchema = z.strictObject({
  /** The fiscal period. */
  period: fiscalPeriodSchema,
  /** The amount. */
  amount: moneyCodec,
});

/**
 * A slice of a time-phased budget: an amount planned to be spent (or earned) evenly over `start`–`finish`
 * (both inclusive).
 *
 * @example
 * ```ts
 * timePhasedAmountSchema.decode({ start: "2027-01-01", finish: "2027-01-31", amount: { amount: "40000.00", currency: "EUR" } });
 * ```
 */
export const timePhasedAmountSchema = z
  .strictObject({
    /** First day of the slice. */
    start: isoDateCodec,
    /** Last day of the slice (inclusive). */
    finish: isoDateCodec,
    /** Amount planned over the slice. */
    amount: nonNegativeMoneyCodec,
  })
  .refine((s) => s.finish >= s.start, { message: "a slice cannot finish before it starts", path: ["finish"], ...whenDecoded });

/**
 * Checks that time-phased slices are in order, do not overlap and share one currency.
 *
 * @example
 * ```ts
 * z.array(timePhasedAmountSchema).superRefine((slices, ctx) => checkTimePhased(slices, ctx, []));
 * ```
 */
export function checkTimePhased(
  slices: readonly { start: string; finish: string; amount: { currency: string } }[],
  ctx: z.core.$RefinementCtx,
  path: (string | number)[],
): void {
  checkArguments("checkTimePhased", { slices: [slices, "object[]"], ctx: [ctx, "object"], path: [path, "array"] });
  checkArguments("checkTimePhased", { addIssue: [ctx.addIssue, "function"] });
  refuseSliceOrder(ctx, slices, path);
}

/**
 * A lifecycle transition: who moved the record from which state to which, when and why.
 *
 * @example
 * ```ts
 * const step = transitionSchema(["draft", "submitted"] as const);
 * step.decode({ from: "draft", to: "submitted", by: "p-ana", at: "2026-05-04T09:00:00.000Z" });
 * ```
 */
export function transitionSchema<const T extends readonly [string, ...string[]]>(states: T) {
  checkArguments("transitionSchema", { states: [states, "array"] });
  if (states.length === 0 || !states.every((s) => typeof s === "string")) throw ValidationError.single(["states"], "expected one or more state names", "transitionSchema");
  return z.strictObject({
    /** State before (absent for the first transition out of creation). */
    from: z.enum(states).optional(),
    /** State after. */
    to: z.enum(states),
    /** Who made the transition. */
    by: refSchema,
    /** When. */
    at: instantCodec,
    /** Why, in plain words. */
    reason: textSchema.optional(),
  });
}

/**
 * A working calendar as stored data (see `createWorkingCalendar`).
 *
 * @example
 * ```ts
 * const spec = workingCalendarSpecSchema.decode({ holidays: [{ date: "2026-12-25", name: "Christmas Day" }] });
 * createWorkingCalendar(spec);
 * ```
 */
export const workingCalendarSpecSchema = z.strictObject({
  /** Calendar name. */
  name: nameSchema.optional(),
  /** ISO weekdays that work (1 = Monday … 7 = Sunday). */
  workingWeekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7).optional(),
  /** Holidays. */
  holidays: z.array(z.strictObject({ date: isoDateCodec, name: nameSchema })).max(5_000).optional(),
  /** Change-freeze windows. */
  blackouts: z
    .array(
      z
        .strictObject({ start: isoDateCodec, end: isoDateCodec, reason: nameSchema })
        .refine((b) => b.end >= b.start, { message: "a window cannot end before it starts", path: ["end"], ...whenDecoded }),
    )
    .max(1_000)
    .optional(),
});

/**
 * A reference from one item to another entity, by kind and id (RAID references in a status report, trace ends).
 *
 * @example
 * ```ts
 * entityRefSchema.parse({ kind: "risk", id: "RSK-004" });
 * ```
 */
export const entityRefSchema = z.strictObject({
  /** Entity kind, e.g. `risk`. */
  kind: z.string().regex(/^[a-z][a-z-]*$/),
  /** Entity id. */
  id: refSchema,
});

/**
 * An integer number of days (a slip, a schedule impact).
 *
 * @example
 * ```ts
 * daysSchema.parse(-3); // -3 (three days earlier)
 * ```
 */
export const daysSchema = z.number().int().min(-100_000).max(100_000);
