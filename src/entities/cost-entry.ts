import * as z from "zod";
import { currencyCodeSchema, decimalCodec, isoDateCodec, moneyCodec } from "../core/codecs.js";
import { entitySchema, wireJsonSchema } from "./base.js";
import { costCategorySchema, expenditureSchema, nameSchema, refSchema, textSchema, whenDecoded } from "./common.js";
import { refuse } from "./refuse.js";

/**
 * The exchange rate that converts a cost entry into the project (baseline) currency: one unit of the entry's
 * currency is worth `rate` units of `currency`, as published by `source` on `date`.
 *
 * @example
 * ```ts
 * fxRateSchema.decode({ rate: "0.9215", currency: "EUR", source: "ECB", date: "2027-02-28" });
 * ```
 */
export const fxRateSchema = z.strictObject({
  /** Units of `currency` per unit of the entry's currency (above zero). */
  rate: decimalCodec.refine((d) => d.gt(0), { message: "a rate must be above zero" }),
  /** The project/baseline currency the rate converts to. */
  currency: currencyCodeSchema,
  /** Who published the rate (`"ECB"`, `"treasury"`). */
  source: nameSchema.optional(),
  /** Date of the rate. */
  date: isoDateCodec,
});

/**
 * An actual cost (AC): an amount incurred or booked on a date against a project and, ideally, a work package.
 * Credits (reversals, supplier refunds) are negative amounts.
 *
 * @example
 * ```ts
 * const invoice = costEntrySchema.decode({
 *   id: "ce-1", version: 1, createdAt: "2027-02-28T10:00:00.000Z", updatedAt: "2027-02-28T10:00:00.000Z",
 *   projectId: "prj-crm", workPackageId: "wp-1", date: "2027-02-28", amount: { amount: "12500.00", currency: "EUR" },
 *   category: "contractors", expenditure: "capex", sourceRef: "INV-2027-0042",
 * });
 * ```
 */
export const costEntrySchema = entitySchema(
  {
    /** The project. */
    projectId: refSchema,
    /** The work package charged, if known (unassigned costs still count at project level). */
    workPackageId: refSchema.optional(),
    /** Date the cost was incurred or booked. */
    date: isoDateCodec,
    /** Amount; negative for credits. */
    amount: moneyCodec,
    /** Cost category, matching the budget's categories. */
    category: costCategorySchema,
    /** Capital or operating expenditure. */
    expenditure: expenditureSchema,
    /** What the cost was for. */
    description: textSchema.optional(),
    /** Invoice, timesheet or ledger reference, so the entry can be reconciled with finance. */
    sourceRef: z.string().trim().min(1).max(200).optional(),
    /** Conversion to the project currency when the entry is in another currency. */
    fxRate: fxRateSchema.optional(),
  },
).superRefine((c, ctx) => {
  // A rate into the entry's own currency is meaningless (it would have to be 1).
  if (c.fxRate && c.fxRate.currency === c.amount.currency) {
    refuse(ctx, ["fxRate", "currency"], "an exchange rate converts into another currency");
  }
}, whenDecoded);

/** A cost entry, in memory form. */
export type CostEntry = z.output<typeof costEntrySchema>;
/** A cost entry, in wire form (what adapters store). */
export type CostEntryWire = z.input<typeof costEntrySchema>;

/**
 * JSON Schema of the cost entry wire form.
 *
 * @example
 * ```ts
 * costEntryJsonSchema().title; // "CostEntry"
 * ```
 */
export function costEntryJsonSchema(): Record<string, unknown> {
  return wireJsonSchema(costEntrySchema, { title: "CostEntry", description: "An actual cost (or credit) booked against a project or work package." });
}
