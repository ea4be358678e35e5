import * as z from "zod";
import { currencyCodeSchema, idSchema } from "../core/codecs.js";
import { entitySchema, wireJsonSchema } from "./base.js";
import { nameSchema, nonNegativeDecimalCodec, refSchema, textSchema, whenDecoded } from "./common.js";
import { refuse, refuseRepeats } from "./refuse.js";

/**
 * A strategic objective of a portfolio: what requests and projects are scored against for strategic alignment.
 *
 * @example
 * ```ts
 * strategicObjectiveSchema.decode({ id: "so-growth", name: "Grow recurring revenue", weight: "0.4" });
 * ```
 */
export const strategicObjectiveSchema = z.strictObject({
  /** Id, unique within the portfolio (requests cite it in `strategicObjectiveIds`). */
  id: idSchema,
  /** Short name. */
  name: nameSchema,
  /** Relative weight when scoring alignment; weights need not add up to 1 (scorers normalise them). */
  weight: nonNegativeDecimalCodec.optional(),
});

/**
 * A portfolio: the set of programmes, projects and requests one office governs, with the currency it reports in,
 * the month its fiscal year starts and the strategic objectives work is aligned to.
 *
 * @example
 * ```ts
 * const it = portfolioSchema.decode({
 *   id: "pf-it", version: 1, createdAt: "2026-01-05T09:00:00.000Z", updatedAt: "2026-01-05T09:00:00.000Z",
 *   name: "IT Portfolio", description: "", ownerId: "p-ana", currency: "EUR", fiscalYearStartMonth: 4,
 *   strategicObjectives: [{ id: "so-growth", name: "Grow recurring revenue", weight: "0.4" }],
 * });
 * ```
 */
export const portfolioSchema = entitySchema(
  {
    /** Portfolio name. */
    name: nameSchema,
    /** What the portfolio covers. */
    description: textSchema.default(""),
    /** The portfolio manager accountable for it. */
    ownerId: refSchema,
    /** Reporting currency: roll-ups convert into it. */
    currency: currencyCodeSchema,
    /** Month the fiscal year starts, 1 (January) to 12; 4 for an April–March year. */
    fiscalYearStartMonth: z.number().int().min(1).max(12).default(1),
    /** Strategic objectives, with unique ids (an array, not a map keyed by user ids). */
    strategicObjectives: z
      .array(strategicObjectiveSchema)
      .max(200)
      .default([])
      .superRefine((objectives, ctx) => {
        refuseRepeats(ctx, objectives, [], (id) => `duplicate objective id ${id}`, "id");
      }, whenDecoded),
  },
);

/** A portfolio, in memory form. */
export type Portfolio = z.output<typeof portfolioSchema>;
/** A portfolio, in wire form (what adapters store). */
export type PortfolioWire = z.input<typeof portfolioSchema>;
/** A strategic objective, in memory form. */
export type StrategicObjective = z.output<typeof strategicObjectiveSchema>;

/**
 * JSON Schema of the portfolio wire form.
 *
 * @example
 * ```ts
 * portfolioJsonSchema().title; // "Portfolio"
 * ```
 */
export function portfolioJsonSchema(): Record<string, unknown> {
  return wireJsonSchema(portfolioSchema, { title: "Portfolio", description: "A governed set of work with its reporting currency, fiscal year and objectives." });
}
