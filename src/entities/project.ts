import * as z from "zod";
import { currencyCodeSchema, isoDateCodec } from "../core/codecs.js";
import { sumMoney } from "../core/money/arithmetic.js";
import { checkArguments } from "../core/guard.js";
import type { Money } from "../core/money/money.js";
import { entitySchema, wireJsonSchema } from "./base.js";
import { costCategorySchema, expenditureSchema, fiscalPeriodSchema, nameSchema, nonNegativeMoneyCodec, personRoleSchema, raciSchema, refSchema, textListSchema, textSchema, whenDecoded, workingCalendarSpecSchema } from "./common.js";
import { refuse, refuseRepeats } from "./refuse.js";

/**
 * A human-readable record key: upper-case segments joined by hyphens (`PRJ-CRM`, `REQ-2027-004`, `RSK-012`).
 * Keys are for people; ids stay the stable reference.
 *
 * @example
 * ```ts
 * recordKeySchema.parse("REQ-2027-004"); // "REQ-2027-004"
 * ```
 */
export const recordKeySchema = z
  .string()
  .max(40)
  .regex(/^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+$/, { message: "keys look like PRJ-CRM or REQ-2027-004" });

/**
 * Project lifecycle states. `on-hold` and `cancelled` can be entered from any active state.
 *
 * @example
 * ```ts
 * projectLifecycleSchema.parse("executing"); // "executing"
 * ```
 */
export const projectLifecycleSchema = z.enum([
  "proposed", "initiating", "planning", "executing", "closing", "closed", "on-hold", "cancelled",
]);

/**
 * One line of a project budget: an amount for a period, cost category and capex/opex bucket.
 *
 * @example
 * ```ts
 * budgetLineSchema.decode({ period: "2027-Q1", category: "labour", expenditure: "capex", amount: { amount: "120000.00", currency: "EUR" } });
 * ```
 */
export const budgetLineSchema = z.strictObject({
  /** Fiscal period the money is planned in. */
  period: fiscalPeriodSchema,
  /** Cost category, so budget and actuals line up. */
  category: costCategorySchema,
  /** Capital or operating expenditure. */
  expenditure: expenditureSchema,
  /** Planned amount (never negative; savings are benefits, not negative budget). */
  amount: nonNegativeMoneyCodec,
});

/**
 * A project: a temporary endeavour with a manager, sponsor, stakeholders, scope, budget and planned dates.
 *
 * @example
 * ```ts
 * const crm = projectSchema.decode({
 *   id: "prj-crm", version: 1, createdAt: "2026-01-05T09:00:00.000Z", updatedAt: "2026-01-05T09:00:00.000Z",
 *   code: "PRJ-CRM", name: "CRM replacement", projectManagerId: "p-rui", sponsorId: "p-ana",
 *   scope: { inScope: ["Sales pipeline"] },
 *   budget: { currency: "EUR", lines: [{ period: "2027-Q1", category: "labour", expenditure: "capex", amount: { amount: "120000.00", currency: "EUR" } }] },
 *   plannedStart: "2027-01-04", plannedFinish: "2027-06-30", lifecycle: "planning",
 * });
 * ```
 */
export const projectSchema = entitySchema(
  {
    /** The request the project was converted from, if any. */
    requestId: refSchema.optional(),
    /** The programme it belongs to, if any. */
    programmeId: refSchema.optional(),
    /** The portfolio it belongs to, if any. */
    portfolioId: refSchema.optional(),
    /** Short code people use (`PRJ-CRM`). */
    code: recordKeySchema,
    /** Project name. */
    name: nameSchema,
    /** What the project is about. */
    description: textSchema.default(""),
    /** Project manager. */
    projectManagerId: refSchema,
    /** Sponsor. */
    sponsorId: refSchema,
    /** Stakeholders and their RACI letter, one entry per person. */
    stakeholders: z
      .array(
        z.strictObject({
          /** The person. */
          personId: refSchema,
          /** Their RACI letter on the project. */
          raci: raciSchema,
          /** The role they play on this project, if it differs from their usual one. */
          role: personRoleSchema.optional(),
          /** Notes. */
          note: textSchema.optional(),
        }),
      )
      .max(1_000)
      .default([])
      .superRefine((list, ctx) => {
        // Two entries for one person would give them two RACI letters: ambiguous.
        refuseRepeats(ctx, list, [], "person listed twice", "personId");
      }, whenDecoded),
    /** Scope statement. */
    scope: z.strictObject({
      /** What the project delivers. */
      inScope: textListSchema.default([]),
      /** What it explicitly does not deliver. */
      outOfScope: textListSchema.default([]),
      /** What is taken as true without proof. */
      assumptions: textListSchema.default([]),
      /** Limits the project must work within. */
      constraints: textListSchema.default([]),
    }),
    /** Budget: lines all in the budget currency, so the budget at completion is an exact sum. */
    budget: z
      .strictObject({
        /** Budget currency. */
        currency: currencyCodeSchema,
        /** Budget lines. */
        lines: z.array(budgetLineSchema).max(10_000).default([]),
      })
      .superRefine((b, ctx) => {
        b.lines.forEach((l, i) => {
          if (l.amount.currency !== b.currency) {
            refuse(ctx, ["lines", i, "amount", "currency"], `budget lines must be in ${b.currency}`);
          }
        });
      }, whenDecoded),
    /** Planned start date. */
    plannedStart: isoDateCodec,
    /** Planned finish date (on or after the start). */
    plannedFinish: isoDateCodec,
    /** Date the latest progress was measured at, if any. */
    statusDate: isoDateCodec.optional(),
    /** Where the project is in its lifecycle. */
    lifecycle: projectLifecycleSchema,
    /** Number of the baseline performance is measured against (0 = original plan). */
    activeBaseline: z.number().int().min(0).max(10).optional(),
    /** Working calendar, when it differs from the office default. */
    calendar: workingCalendarSpecSchema.optional(),
  },
).refine((p) => p.plannedFinish >= p.plannedStart, {
  message: "a project cannot finish before it starts",
  path: ["plannedFinish"],
  ...whenDecoded,
});

/** A project, in memory form. */
export type Project = z.output<typeof projectSchema>;
/** A project, in wire form (what adapters store). */
export type ProjectWire = z.input<typeof projectSchema>;
/** A budget line, in memory form. */
export type BudgetLine = z.output<typeof budgetLineSchema>;

/**
 * Budget at completion (BAC): the exact sum of the budget lines, zero in the budget currency when there are none.
 *
 * @example
 * ```ts
 * budgetAtCompletion(crm); // 120000 EUR
 * ```
 */
export function budgetAtCompletion(project: Pick<Project, "budget">): Money {
  checkArguments("budgetAtCompletion", { project: [project, "object"] });
  checkArguments("budgetAtCompletion", { budget: [project.budget, "object"] });
  checkArguments("budgetAtCompletion", { lines: [project.budget.lines, "object[]"] });
  return sumMoney(
    project.budget.lines.map((l) => l.amount),
    project.budget.currency,
  );
}

/**
 * JSON Schema of the project wire form.
 *
 * @example
 * ```ts
 * projectJsonSchema().title; // "Project"
 * ```
 */
export function projectJsonSchema(): Record<string, unknown> {
  return wireJsonSchema(projectSchema, { title: "Project", description: "A temporary endeavour with scope, budget, dates and stakeholders." });
}
