import * as z from "zod";
import { isoDateCodec } from "../core/codecs.js";
import { entitySchema, wireJsonSchema } from "./base.js";
import { nameSchema, refSchema, textSchema, whenDecoded } from "./common.js";
import { refuse } from "./refuse.js";
import { recordKeySchema } from "./project.js";
import { checkDayOrder } from "./closings.js";

/**
 * Issue severity.
 *
 * @example
 * ```ts
 * issueSeveritySchema.parse("high"); // "high"
 * ```
 */
export const issueSeveritySchema = z.enum(["low", "medium", "high", "critical"]);

/**
 * Issue states: open, in progress, resolved (fix in place), closed (fix confirmed).
 *
 * @example
 * ```ts
 * issueStatusSchema.parse("resolved"); // "resolved"
 * ```
 */
export const issueStatusSchema = z.enum(["open", "in-progress", "resolved", "closed"]);

/**
 * An issue: something that has happened and needs handling (a risk that occurred, a defect, a blocker).
 *
 * @example
 * ```ts
 * const i = issueSchema.decode({
 *   id: "iss-1", version: 1, createdAt: "2027-02-01T09:00:00.000Z", updatedAt: "2027-02-01T09:00:00.000Z",
 *   projectId: "prj-crm", title: "Test environment down", description: "", severity: "high",
 *   ownerId: "p-rui", raisedOn: "2027-02-01", status: "open",
 * });
 * ```
 */
export const issueSchema = entitySchema(
  {
    /** The project it affects. */
    projectId: refSchema,
    /** Readable key (`ISS-007`). */
    key: recordKeySchema.optional(),
    /** Short title. */
    title: nameSchema,
    /** What happened and its effect. */
    description: textSchema.default(""),
    /** How bad it is. */
    severity: issueSeveritySchema,
    /** Who owns its resolution. */
    ownerId: refSchema,
    /** Date it was raised. */
    raisedOn: isoDateCodec,
    /** Date it must be resolved by. */
    dueDate: isoDateCodec.optional(),
    /** Current state. */
    status: issueStatusSchema,
    /** How it was resolved. */
    resolution: textSchema.optional(),
    /** Date it was resolved (required once resolved or closed). */
    resolvedOn: isoDateCodec.optional(),
    /**
     * Earlier resolutions, oldest first: an issue resolved (or closed) and reopened since keeps here the day it was
     * resolved with the day it was reopened, so views as of a day in that period count it resolved. `pmo.update` adds
     * one when it reopens an issue. Each day no earlier than `raisedOn` or the previous reopening, none after its own
     * reopening; the current `resolvedOn` not before the last one.
     */
    closings: z.array(z.strictObject({ resolvedOn: isoDateCodec, reopenedOn: isoDateCodec })).max(1000).optional(),
  },
).superRefine((r, ctx) => {
  if (r.dueDate !== undefined && r.dueDate < r.raisedOn) {
    refuse(ctx, "dueDate", "an issue cannot be due before it was raised");
  }
  const done = r.status === "resolved" || r.status === "closed";
  if (done !== (r.resolvedOn !== undefined)) {
    refuse(ctx, "resolvedOn", "resolvedOn is set exactly when the issue is resolved or closed");
  } else {
    // raisedOn, earlier resolutions, resolvedOn: in the order they happen.
    checkDayOrder(r, ["raisedOn", "resolvedOn"], ctx);
  }
}, whenDecoded);

/** An issue, in memory form. */
export type Issue = z.output<typeof issueSchema>;
/** An issue, in wire form (what adapters store). */
export type IssueWire = z.input<typeof issueSchema>;

/**
 * JSON Schema of the issue wire form.
 *
 * @example
 * ```ts
 * issueJsonSchema().title; // "Issue"
 * ```
 */
export function issueJsonSchema(): Record<string, unknown> {
  return wireJsonSchema(issueSchema, { title: "Issue", description: "Something that has happened and needs handling." });
}
