import * as z from "zod";
import { decimalCodec, isoDateCodec } from "../core/codecs.js";
import { checkArguments } from "../core/guard.js";
import type { Money } from "../core/money/money.js";
import { entitySchema, wireJsonSchema } from "./base.js";
import { costCategorySchema, expenditureSchema, fiscalPeriodSchema, fractionCodec, nameSchema, nonNegativeDecimalCodec, nonNegativeMoneyCodec, periodAmountSchema, refSchema, textSchema, transitionSchema, whenDecoded } from "./common.js";
import { refuse, refuseRepeats } from "./refuse.js";
import { recordKeySchema } from "./project.js";
import { slugSchema } from "./slug.js";

const REQUEST_STATUSES = ["draft", "submitted", "in-review", "approved", "rejected", "deferred", "converted"] as const;

/**
 * A project request's state, in lifecycle order.
 *
 * @example
 * ```ts
 * requestStatusSchema.parse("submitted"); // "submitted"
 * ```
 */
export const requestStatusSchema = z.enum(REQUEST_STATUSES);
/** A project request's state. */
export type RequestStatus = z.output<typeof requestStatusSchema>;

/**
 * The request states still in the intake pipeline, waiting for a portfolio decision: submitted, in review, approved
 * (not yet converted to a project) or deferred. A draft has not been submitted yet; rejected and converted requests
 * are decided. The one definition the PMO service, the intake ranking and the selection read.
 *
 * @example
 * ```ts
 * OPEN_REQUEST_STATUSES.includes("deferred"); // true
 * ```
 */
export const OPEN_REQUEST_STATUSES = ["submitted", "in-review", "approved", "deferred"] as const satisfies readonly RequestStatus[];

/**
 * True for a request still in the intake pipeline (its status is one of {@link OPEN_REQUEST_STATUSES}): the
 * requests the intake ranks and the portfolio selection considers.
 *
 * @example
 * ```ts
 * requests.filter(isOpenRequest).length; // 6 of the sample office's 13 (4 converted, 1 rejected, 2 drafts)
 * ```
 */
export function isOpenRequest(request: { readonly status: RequestStatus }): boolean {
  checkArguments("isOpenRequest", { request: [request, "object"] });
  return (OPEN_REQUEST_STATUSES as readonly string[]).includes(request.status);
}

/**
 * The allowed next states of each request state. A deferred request can be re-submitted; rejected and converted
 * are final.
 *
 * @example
 * ```ts
 * REQUEST_TRANSITIONS["in-review"]; // ["approved", "rejected", "deferred"]
 * ```
 */
export const REQUEST_TRANSITIONS: Readonly<Record<RequestStatus, readonly RequestStatus[]>> = Object.freeze({
  draft: Object.freeze(["submitted"] as const),
  submitted: Object.freeze(["in-review"] as const),
  "in-review": Object.freeze(["approved", "rejected", "deferred"] as const),
  approved: Object.freeze(["converted"] as const),
  rejected: Object.freeze([] as const),
  deferred: Object.freeze(["submitted"] as const),
  converted: Object.freeze([] as const),
});

/**
 * True when a request may move from `from` to `to`.
 *
 * @example
 * ```ts
 * canTransitionRequest("deferred", "submitted"); // true
 * canTransitionRequest("draft", "approved");     // false
 * ```
 */
export function canTransitionRequest(from: RequestStatus, to: RequestStatus): boolean {
  checkArguments("canTransitionRequest", { from: [from, "string"], to: [to, "string"] });
  return allowed(from, to);
}

// canTransitionRequest without its argument guard, for the codec's refinement (it passes decoded statuses). Own keys
// only: "constructor" or "__proto__" is no status.
const allowed = (from: RequestStatus, to: RequestStatus): boolean => Object.hasOwn(REQUEST_TRANSITIONS, from) && REQUEST_TRANSITIONS[from].includes(to);

/**
 * An expected benefit: monetary (amounts by period) or not (a measure to track), with a confidence.
 *
 * @example
 * ```ts
 * benefitSchema.decode({ id: "b1", category: "regulatory", description: "", amounts: [], measure: "audit findings closed", confidence: "0.9" });
 * ```
 */
export const benefitSchema = z
  .strictObject({
    /** Id, unique within the request (benefit tracking refers to it). */
    id: refSchema,
    /** Kind of benefit. */
    category: z.enum(["revenue", "cost-reduction", "regulatory", "competitive", "risk-reduction", "other"]),
    /** What the benefit is. */
    description: textSchema,
    /** Monetary amounts by period; empty for a non-monetary benefit. */
    amounts: z.array(periodAmountSchema).max(500).default([]),
    /** Non-monetary measure to track (`"audit findings closed"`). */
    measure: nameSchema.optional(),
    /** Confidence the benefit materialises, 0 to 1. */
    confidence: fractionCodec,
    /** Notes. */
    note: textSchema.optional(),
  })
  // A benefit nobody can measure cannot be tracked or realised.
  .refine((b) => b.amounts.length > 0 || b.measure !== undefined, {
    message: "a benefit needs amounts or a measure",
    path: ["measure"],
    ...whenDecoded,
  });

const ratingBase = {
  /** The scoring criterion. */
  criterionId: refSchema,
  /** Why this rating. */
  note: textSchema.optional(),
};
// Label first: when encoding, zod's check-free "canary" pass would otherwise feed a label rating's missing `value`
// to the decimal codec's encoder.
/**
 * A rating of the request on one scoring criterion: a number (`value`) or an ordinal label (`label`), never both.
 *
 * @example
 * ```ts
 * ratingSchema.decode({ criterionId: "c-roi", value: "3.5" });
 * ratingSchema.decode({ criterionId: "c-risk", label: "high" });
 * ```
 */
export const ratingSchema = z.union([
  z.strictObject({ ...ratingBase, /** Ordinal label from the criterion's scale (`"high"`). */ label: z.string().trim().min(1).max(100) }),
  z.strictObject({ ...ratingBase, /** Numeric rating. */ value: decimalCodec }),
]);

/**
 * A project request (demand): the business case someone brings to the office, from draft through review to
 * approval and conversion into a project.
 *
 * @example
 * ```ts
 * const req = projectRequestSchema.decode({
 *   id: "req-4", version: 1, createdAt: "2027-01-05T09:00:00.000Z", updatedAt: "2027-01-05T09:00:00.000Z",
 *   title: "Replace CRM", sponsorId: "p-ana", purpose: "One customer view", need: "Vendor support ends", status: "draft",
 * });
 * ```
 */
export const projectRequestSchema = entitySchema(
  {
    /** The portfolio it is submitted to. */
    portfolioId: refSchema.optional(),
    /** Readable key (`REQ-2027-004`). */
    key: recordKeySchema.optional(),
    /** Title. */
    title: nameSchema,
    /** Sponsor who will own the business case. */
    sponsorId: refSchema,
    /** Who raised it, if not the sponsor. */
    requesterId: refSchema.optional(),
    /** What it is for. */
    purpose: textSchema,
    /** Why now. */
    need: textSchema,
    /** Expected benefits, unique ids. */
    benefits: z.array(benefitSchema).max(200).default([]),
    /** Estimated cost by period, bucket and category. */
    estimatedCost: z
      .array(
        z.strictObject({
          /** Fiscal period. */
          period: fiscalPeriodSchema,
          /** Capex or opex. */
          expenditure: expenditureSchema,
          /** Cost category. */
          category: costCategorySchema,
          /** Estimated amount. */
          amount: nonNegativeMoneyCodec,
        }),
      )
      .max(5_000)
      .default([]),
    /** Estimated effort by skill and period. */
    effort: z
      .array(
        z.strictObject({
          /** Skill needed (`"java"`, `"dba"`), as in person skills. */
          skill: slugSchema,
          /** Fiscal period. */
          period: fiscalPeriodSchema,
          /** Hours needed. */
          hours: nonNegativeDecimalCodec,
        }),
      )
      .max(5_000)
      .default([]),
    /** Requests this one depends on (unique, never itself). */
    dependsOn: z.array(refSchema).max(200).default([]),
    /** Present when the request must be done regardless of score (law, contract). */
    mandatory: z.strictObject({ /** Why it is mandatory. */ reason: z.string().trim().min(1).max(2_000) }).optional(),
    /** Ratings on scoring criteria, one per criterion. */
    ratings: z.array(ratingSchema).max(200).default([]),
    /** Strategic objectives (of the portfolio) the request serves. */
    strategicObjectiveIds: z.array(refSchema).max(200).default([]),
    /** Desired start date. */
    targetStart: isoDateCodec.optional(),
    /** Current state. */
    status: requestStatusSchema,
    /** State history, oldest first; the last `to` is the current state. */
    transitions: z.array(transitionSchema(REQUEST_STATUSES)).max(1_000).default([]),
    /** The project it became (required once converted). */
    convertedProjectId: refSchema.optional(),
  },
).superRefine((r, ctx) => {
  refuseRepeats(ctx, r.benefits, ["benefits"], "duplicate", "id");
  refuseRepeats(ctx, r.ratings, ["ratings"], "duplicate", "criterionId");
  refuseRepeats(ctx, r.dependsOn, ["dependsOn"], "duplicate");
  refuseRepeats(ctx, r.strategicObjectiveIds, ["strategicObjectiveIds"], "duplicate");
  r.dependsOn.forEach((d, i) => {
    if (d === r.id) refuse(ctx, ["dependsOn", i], "a request cannot depend on itself");
  });
  // One currency, so cost/benefit totals and ratios are exact without conversion.
  let currency: string | undefined;
  const flag = (m: Money, path: (string | number)[]): void => {
    currency ??= m.currency;
    if (m.currency !== currency) refuse(ctx, path, `all request money must be in ${currency}`);
  };
  r.benefits.forEach((b, i) => b.amounts.forEach((a, j) => flag(a.amount, ["benefits", i, "amounts", j, "amount", "currency"])));
  r.estimatedCost.forEach((c, i) => flag(c.amount, ["estimatedCost", i, "amount", "currency"]));
  r.transitions.forEach((t, i) => {
    const prev = r.transitions[i - 1];
    const okFrom = prev === undefined ? t.from === undefined || t.from === "draft" : t.from === prev.to;
    if (!okFrom) refuse(ctx, ["transitions", i, "from"], `transition must start from ${prev?.to ?? "draft"}`);
    else if (!allowed(t.from ?? "draft", t.to)) {
      refuse(ctx, ["transitions", i, "to"], `cannot go from ${t.from ?? "draft"} to ${t.to}`);
    }
    if (prev !== undefined && t.at < prev.at) refuse(ctx, ["transitions", i, "at"], "transitions must be in time order");
  });
  const last = r.transitions.at(-1);
  if (last !== undefined && last.to !== r.status) {
    refuse(ctx, ["status"], `status must be ${last.to}, the last transition's state`);
  }
  if ((r.status === "converted") !== (r.convertedProjectId !== undefined)) {
    refuse(ctx, ["convertedProjectId"], "convertedProjectId is set exactly when the request is converted");
  }
}, whenDecoded);

/** A project request, in memory form. */
export type ProjectRequest = z.output<typeof projectRequestSchema>;
/** A project request, in wire form (what adapters store). */
export type ProjectRequestWire = z.input<typeof projectRequestSchema>;

/**
 * JSON Schema of the project request wire form.
 *
 * @example
 * ```ts
 * projectRequestJsonSchema().title; // "Project request"
 * ```
 */
export function projectRequestJsonSchema(): Record<string, unknown> {
  return wireJsonSchema(projectRequestSchema, { title: "Project request", description: "A request for a project: business case, estimates and review lifecycle." });
}
