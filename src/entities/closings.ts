import type * as z from "zod";
import { refuse } from "./refuse.js";

/**
 * @internal Checks that a RAID record's days come in the order they happen: `fields[0]` (the day it was raised or
 * requested), then its earlier closings (`closings`: each the closing days it had, in the order of the other fields,
 * and the day it was reopened; one without any closing day is refused at `["closings", i]`), then its current days in the order of the other
 * fields (a risk occurs, then closes). Each day out of order is refused at its path, naming the day it may not precede
 * (`["closings", 0, "reopenedOn"]`: "reopenedOn 2026-02-20 cannot be before closedOn 2026-03-01").
 *
 * @example
 * ```ts
 * riskSchema.superRefine((r, ctx) => checkDayOrder(r, ["raisedOn", "occurredOn", "closedOn"], ctx));
 * ```
 */
export function checkDayOrder(record: object, fields: readonly string[], ctx: z.core.$RefinementCtx): void {
  const r = record as Readonly<Record<string, unknown>> & { readonly closings?: readonly Readonly<Record<string, unknown>>[] };
  const [first, ...closing] = fields;
  let last = first!;
  let bound = r[last] as string;
  const follows = (path: (string | number)[], name: string, day: unknown) => {
    if (typeof day !== "string") return;
    if (day < bound) refuse(ctx, path, `${name} ${day} cannot be before ${last} ${bound}`);
    else [last, bound] = [name, day];
  };
  r.closings?.forEach((c, i) => {
    // A closing names the day it closed: without one it would count for no day.
    if (closing.every((f) => c[f] === undefined)) refuse(ctx, ["closings", i], `a closing needs ${closing.join(" or ")}`);
    for (const f of [...closing, "reopenedOn"]) follows(["closings", i, f], f, c[f]);
  });
  for (const f of closing) follows([f], f, r[f]);
}

/**
 * @internal An earlier closing of a decision or change request names who decided (`decidedBy`), a decision's outcome
 * and rationale (`outcome`, `rationale`) and a change request's reason (`decisionReason`) only with the day of that
 * decision (`decidedOn`): each other is refused at its path.
 *
 * @example
 * ```ts
 * decision.closings?.forEach((e, i) => undecided(ctx, e, i));
 * ```
 */
export function undecided(ctx: z.core.$RefinementCtx, e: Readonly<Record<string, unknown>>, i: number): void {
  if (e["decidedOn"] === undefined) for (const f of ["decidedBy", "outcome", "rationale", "decisionReason"]) if (e[f] !== undefined) refuse(ctx, ["closings", i, f], `only a closing with decidedOn has ${f}`);
}
