import * as z from "zod";
import { isoDateCodec } from "../core/codecs.js";
import { entitySchema, wireJsonSchema } from "./base.js";
import { entityRefSchema, nameSchema, refSchema, textSchema, whenDecoded } from "./common.js";
import { refuse } from "./refuse.js";
import { checkDayOrder } from "./closings.js";

/**
 * Action states.
 *
 * @example
 * ```ts
 * actionStatusSchema.parse("done"); // "done"
 * ```
 */
export const actionStatusSchema = z.enum(["open", "in-progress", "done", "cancelled"]);

/**
 * An action: a task with an owner and a due date, often born from a risk, issue or decision — the "A" of RAID.
 *
 * @example
 * ```ts
 * const a = actionSchema.decode({
 *   id: "act-1", version: 1, createdAt: "2027-02-01T09:00:00.000Z", updatedAt: "2027-02-01T09:00:00.000Z",
 *   projectId: "prj-crm", title: "Book trial migration", ownerId: "p-rui", dueDate: "2027-02-15",
 *   status: "open", source: { kind: "risk", id: "rsk-1" },
 * });
 * ```
 */
export const actionSchema = entitySchema(
  {
    /** The project it belongs to. */
    projectId: refSchema,
    /** What to do. */
    title: nameSchema,
    /** Details. */
    description: textSchema.optional(),
    /** Who does it. */
    ownerId: refSchema,
    /** When it is due. */
    dueDate: isoDateCodec,
    /** Current state. */
    status: actionStatusSchema,
    /** When it was done (set exactly when done). */
    completedOn: isoDateCodec.optional(),
    /**
     * When it was cancelled (only allowed with status `cancelled`, not before the day it was recorded). Optional, for
     * records made before it existed: without it the action counts as cancelled only from the day of its `updatedAt`
     * (see `overdueActions`).
     */
    cancelledOn: isoDateCodec.optional(),
    /** The record it came from (a risk, issue or decision). */
    source: entityRefSchema.optional(),
    /**
     * Earlier closings, oldest first: an action done (or cancelled) and reopened since keeps here the day it had —
     * `completedOn` or `cancelledOn` — with the day it was reopened, so views as of a day in that period count it
     * closed. `pmo.update` adds one when it reopens an action. None after its own reopening or before the previous
     * one; the current `completedOn` / `cancelledOn` not before the last one.
     */
    closings: z.array(z.strictObject({ completedOn: isoDateCodec.optional(), cancelledOn: isoDateCodec.optional(), reopenedOn: isoDateCodec })).max(1000).optional(),
  },
).superRefine((a, ctx) => {
  // Earlier closings, then completedOn / cancelledOn: in the order they happen (a done action may be recorded later).
  checkDayOrder(a, ["", "completedOn", "cancelledOn"], ctx);
  if ((a.status === "done") !== (a.completedOn !== undefined)) {
    refuse(ctx, "completedOn", "completedOn is set exactly when the action is done");
  }
  if (a.cancelledOn !== undefined) {
    if (a.status !== "cancelled") refuse(ctx, "cancelledOn", "only a cancelled action has cancelledOn");
    // createdAt is a canonical UTC instant once decoded, so its first ten characters are its day.
    else if (a.cancelledOn < a.createdAt.slice(0, 10)) refuse(ctx, "cancelledOn", "an action cannot be cancelled before it was recorded");
  }
}, whenDecoded);

/** An action, in memory form. */
export type Action = z.output<typeof actionSchema>;
/** An action, in wire form (what adapters store). */
export type ActionWire = z.input<typeof actionSchema>;

/**
 * JSON Schema of the action wire form.
 *
 * @example
 * ```ts
 * actionJsonSchema().title; // "Action"
 * ```
 */
export function actionJsonSchema(): Record<string, unknown> {
  return wireJsonSchema(actionSchema, { title: "Action", description: "A task with an owner and a due date." });
}
