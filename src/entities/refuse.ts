import type * as z from "zod";

/**
 * @internal Adds a custom issue at `path` (a field name, or a path) to a refinement: the one call every entity check
 * makes, short so that the codecs stay small (one call, not `ctx.addIssue({ code: "custom", … })` in each).
 *
 * @example
 * ```ts
 * refuse(ctx, "closedOn", "a risk cannot close before it was raised");
 * ```
 */
export function refuse(ctx: z.core.$RefinementCtx, path: string | (string | number)[], message: string): void {
  ctx.addIssue({ code: "custom", message, path: typeof path === "string" ? [path] : path });
}

/**
 * @internal Refuses every later copy in a list: the item itself, or its `field`, seen before. The issue is at
 * `[...path, i]` (then `field`), with `message`, or `message(key)` to name the key. One loop for the duplicate checks
 * of every entity.
 *
 * @example
 * ```ts
 * refuseRepeats(ctx, w.milestones, ["milestones"], "milestone ids must be unique", "id");
 * ```
 */
export function refuseRepeats<T>(
  ctx: z.core.$RefinementCtx,
  items: readonly T[] | undefined,
  path: (string | number)[],
  message: string | ((key: string) => string),
  field?: keyof T & string,
): void {
  const seen = new Set<unknown>();
  items?.forEach((item, i) => {
    const key = field === undefined ? item : item[field];
    if (seen.has(key)) refuse(ctx, field === undefined ? [...path, i] : [...path, i, field], typeof message === "string" ? message : message(String(key)));
    seen.add(key);
  });
}

/**
 * @internal `checkTimePhased`'s rule without its argument guards, for the codecs (their refinements pass decoded
 * slices): in date order without overlap, one currency.
 *
 * @example
 * ```ts
 * refuseSliceOrder(ctx, w.timePhasedBudget, ["timePhasedBudget"]);
 * ```
 */
export function refuseSliceOrder(ctx: z.core.$RefinementCtx, slices: readonly { start: string; finish: string; amount: { currency: string } }[], path: (string | number)[]): void {
  for (let i = 1; i < slices.length; i++) {
    const prev = slices[i - 1]!;
    const cur = slices[i]!;
    if (cur.start <= prev.finish) refuse(ctx, [...path, i, "start"], "slices must be in date order without overlap");
    if (cur.amount?.currency !== prev.amount?.currency) refuse(ctx, [...path, i, "amount", "currency"], "all slices must share one currency");
  }
}

/**
 * @internal `checkSlicesWithin`'s rule without its argument guards, for the codecs: no slice outside `start`–`finish`.
 *
 * @example
 * ```ts
 * refuseSlicesOutside(ctx, w.timePhasedBudget, w.plannedStart, w.plannedFinish, ["timePhasedBudget"]);
 * ```
 */
export function refuseSlicesOutside(ctx: z.core.$RefinementCtx, slices: readonly { start: string; finish: string }[], start: string, finish: string, path: (string | number)[]): void {
  slices.forEach((s, i) => {
    if (s.start < start) refuse(ctx, [...path, i, "start"], "slice starts before the package");
    if (s.finish > finish) refuse(ctx, [...path, i, "finish"], "slice finishes after the package");
  });
}

/**
 * @internal `checkPredecessors`' rule without its argument guards, for the codecs: no self-link, each predecessor once.
 *
 * @example
 * ```ts
 * refusePredecessors(ctx, m.id, m.predecessors);
 * ```
 */
export function refusePredecessors(ctx: z.core.$RefinementCtx, id: string, links: readonly { predecessorId: string }[] | undefined): void {
  const seen = new Set<string>();
  links?.forEach((l, i) => {
    if (l.predecessorId === id) refuse(ctx, ["predecessors", i, "predecessorId"], "an item cannot be its own predecessor");
    else if (seen.has(l.predecessorId)) refuse(ctx, ["predecessors", i, "predecessorId"], `${l.predecessorId} is already a predecessor`);
    seen.add(l.predecessorId);
  });
}
