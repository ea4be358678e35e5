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
