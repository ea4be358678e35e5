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
