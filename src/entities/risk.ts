import * as z from "zod";
import { isoDateCodec, moneyCodec } from "../core/codecs.js";
import { entitySchema, wireJsonSchema } from "./base.js";
import { fractionCodec, nameSchema, nonNegativeMoneyCodec, refSchema, textSchema, whenDecoded } from "./common.js";
import { refuse } from "./refuse.js";
import { recordKeySchema } from "./project.js";
import { checkDayOrder } from "./closings.js";

/**
 * Risk responses: the four for threats (avoid, mitigate, transfer, accept), the three for opportunities (exploit,
 * enhance, share), and escalate for either when it is beyond the project's authority.
 *
 * @example
 * ```ts
 * riskResponseSchema.parse("mitigate"); // "mitigate"
 * ```
 */
export const riskResponseSchema = z.enum(["avoid", "mitigate", "transfer", "accept", "escalate", "exploit", "enhance", "share"]);

/**
 * Risk states: open, monitoring (watched, below threshold), occurred (became an issue), closed.
 *
 * @example
 * ```ts
 * riskStatusSchema.parse("monitoring"); // "monitoring"
 * ```
 */
export const riskStatusSchema = z.enum(["open", "monitoring", "occurred", "closed"]);

/**
 * A risk: an uncertain event that would affect objectives, its probability and impact, owner and response.
 *
 * @example
 * ```ts
 * const r = riskSchema.decode({
 *   id: "rsk-1", version: 1, createdAt: "2027-01-05T09:00:00.000Z", updatedAt: "2027-01-05T09:00:00.000Z",
 *   projectId: "prj-crm", title: "Data migration slips", description: "", probability: "0.3", impact: 4,
 *   ownerId: "p-rui", response: "mitigate", mitigation: "Trial migration in March", status: "open", raisedOn: "2027-01-05",
 * });
 * ```
 */
export const riskSchema = entitySchema(
  {
    /** The project it threatens (or favours); a project, a programme or both. */
    projectId: refSchema.optional(),
    /** The programme it threatens (or favours). */
    programmeId: refSchema.optional(),
    /** Readable key (`RSK-012`). */
    key: recordKeySchema.optional(),
    /** Short title. */
    title: nameSchema,
    /** Cause, event and effect. */
    description: textSchema.default(""),
    /** Category from the office's risk breakdown structure (`"technical"`, `"vendor"`). */
    category: nameSchema.optional(),
    /** Probability it occurs, 0 to 1. */
    probability: fractionCodec,
    /** Impact on the office's 1 (negligible) to 5 (severe) scale. */
    impact: z.number().int().min(1).max(5),
    /** Estimated cost if it occurs (negative for an opportunity's saving). */
    costImpact: moneyCodec.optional(),
    /** Estimated delay in days if it occurs. */
    scheduleImpactDays: z.number().int().min(0).max(100_000).optional(),
    /**
     * Work packages or milestones the delay (and cost) lands on when the risk occurs: schedule risk analysis adds
     * `scheduleImpactDays` to each, and `costImpact` to the first.
     */
    scheduleImpactOn: z.array(refSchema).min(1).max(100).optional(),
    /** Who owns the response. */
    ownerId: refSchema,
    /** Chosen response strategy. */
    response: riskResponseSchema,
    /** The response plan, in plain words. */
    mitigation: textSchema,
    /** Contingency reserve set aside for it. */
    contingency: nonNegativeMoneyCodec.optional(),
    /** Current state. */
    status: riskStatusSchema,
    /** Date it was raised. */
    raisedOn: isoDateCodec,
    /** Next review date. */
    reviewDate: isoDateCodec.optional(),
    /** Date it was closed (required when closed). */
    closedOn: isoDateCodec.optional(),
    /**
     * Date it occurred (became an issue): with status `occurred`, or `closed` after occurring. Views as of an earlier
     * day count it as still pending; an occurred risk without it is taken as occurred on every day.
     */
    occurredOn: isoDateCodec.optional(),
    /**
     * Earlier closings, oldest first: a risk closed (or occurred) and reopened since keeps here the days it had —
     * `occurredOn` and/or `closedOn` — with the day it was reopened, so views as of a day in that period count it
     * closed (or occurred). `pmo.update` adds one when it reopens a risk. Each day no earlier than `raisedOn` or the
     * previous reopening, none after its own reopening; the current `occurredOn` / `closedOn` not before the last one.
     */
    closings: z.array(z.strictObject({ occurredOn: isoDateCodec.optional(), closedOn: isoDateCodec.optional(), reopenedOn: isoDateCodec })).max(1000).optional(),
    /**
     * Earlier assessments, oldest first, as `closings` keeps earlier closings: each the `probability`, `impact` and
     * `costImpact` (absent: not priced then) the risk had, with the day it was replaced (`reassessedOn`; the next
     * entry's, or the current values, are in force from that day). Views as of a day read the assessment in force then.
     * `pmo.raiseRisk` starts it empty and `pmo.update` adds one when it changes `probability`, `impact` or
     * `costImpact`. Absent (records made before it existed), a view as of a day before the risk's last change uses the
     * current values and says so. Each `reassessedOn` no earlier than `raisedOn` or the previous one.
     */
    assessments: z
      .array(z.strictObject({ probability: fractionCodec, impact: z.number().int().min(1).max(5), costImpact: moneyCodec.optional(), reassessedOn: isoDateCodec }))
      .max(1000)
      .optional(),
  },
).superRefine((r, ctx) => {
  if (r.projectId === undefined && r.programmeId === undefined) {
    refuse(ctx, "projectId", "a risk belongs to a project or a programme");
  }
  if (r.costImpact !== undefined && r.contingency !== undefined && r.costImpact.currency !== r.contingency.currency) {
    refuse(ctx, ["contingency", "currency"], "contingency must be in the cost impact's currency");
  }
  let since = r.raisedOn;
  r.assessments?.forEach((a, i) => {
    if (a.reassessedOn < since) refuse(ctx, ["assessments", i, "reassessedOn"], `reassessedOn ${a.reassessedOn} cannot be before ${i ? "the previous reassessment" : "raisedOn"} ${since}`);
    else since = a.reassessedOn;
    if (a.costImpact && r.costImpact && a.costImpact.currency !== r.costImpact.currency) refuse(ctx, ["assessments", i, "costImpact", "currency"], "an earlier cost impact must be in the cost impact's currency");
  });
  if (r.reviewDate !== undefined && r.reviewDate < r.raisedOn) {
    refuse(ctx, "reviewDate", "a review cannot precede raising");
  }
  if ((r.status === "closed") !== (r.closedOn !== undefined)) {
    refuse(ctx, "closedOn", "closedOn is set exactly when the risk is closed");
  } else if (r.occurredOn !== undefined && r.status !== "occurred" && r.status !== "closed") {
    refuse(ctx, "occurredOn", "occurredOn is set only on a risk that occurred (status occurred, or closed after occurring)");
  } else {
    // raisedOn, earlier closings, occurredOn, closedOn: in the order they happen.
    checkDayOrder(r, ["raisedOn", "occurredOn", "closedOn"], ctx);
  }
}, whenDecoded);

/** A risk, in memory form. */
export type Risk = z.output<typeof riskSchema>;
/** A risk, in wire form (what adapters store). */
export type RiskWire = z.input<typeof riskSchema>;

/**
 * JSON Schema of the risk wire form.
 *
 * @example
 * ```ts
 * riskJsonSchema().title; // "Risk"
 * ```
 */
export function riskJsonSchema(): Record<string, unknown> {
  return wireJsonSchema(riskSchema, { title: "Risk", description: "An uncertain event, its probability, impact, owner and response." });
}
