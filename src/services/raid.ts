import { ValidationError } from "../core/errors.js";
import type { Issue } from "../entities/issue.js";
import type { Risk } from "../entities/risk.js";
import type { DraftOf } from "../storage/repository.js";
import type { PmoContext } from "./context.js";
import { runOperation } from "./operation.js";
import { futureRaidDays, withProvedClosingDay } from "./raid-days.js";

/** @internal Raises a risk (open), its assessment history started empty (see `pmo.update`). */
export function raiseRisk(ctx: PmoContext, actor: string, draft: Omit<DraftOf<"risk">, "status">): Promise<Risk> {
  return runOperation(ctx.adapter, ctx.options, actor, (w) => w.create("risk", { assessments: [], ...draft, status: "open" } as DraftOf<"risk">));
}

/** @internal Closes a risk on a day, with the reason. */
export function closeRisk(ctx: PmoContext, actor: string, id: string, input: { readonly closedOn: string; readonly reason: string }): Promise<Risk> {
  return runOperation(ctx.adapter, ctx.options, actor, async (w) => {
    const future = futureRaidDays("risk", input, w.at);
    if (future.length > 0) throw new ValidationError(future, "risk");
    const risk = await w.repos.risk.require(id);
    if (risk.status === "closed") throw ValidationError.single(["status"], `risk ${id} is already closed`, "risk");
    // An occurred risk without its day keeps the day its last change proved (see pmo.update).
    return w.update("risk", id, (r) => ({ ...withProvedClosingDay("risk", r), status: "closed", closedOn: input.closedOn }), { reason: input.reason });
  });
}

/** @internal Raises an issue (open). */
export function raiseIssue(ctx: PmoContext, actor: string, draft: Omit<DraftOf<"issue">, "status">): Promise<Issue> {
  return runOperation(ctx.adapter, ctx.options, actor, (w) => w.create("issue", { ...draft, status: "open" } as DraftOf<"issue">));
}

/** @internal Resolves an issue with its resolution. */
export function resolveIssue(ctx: PmoContext, actor: string, id: string, input: { readonly resolution: string; readonly resolvedOn: string }): Promise<Issue> {
  return runOperation(ctx.adapter, ctx.options, actor, async (w) => {
    const future = futureRaidDays("issue", input, w.at);
    if (future.length > 0) throw new ValidationError(future, "issue");
    const issue = await w.repos.issue.require(id);
    if (issue.status === "resolved" || issue.status === "closed") {
      throw ValidationError.single(["status"], `issue ${id} is already ${issue.status}`, "issue");
    }
    return w.update("issue", id, (i) => ({ ...i, status: "resolved", resolution: input.resolution, resolvedOn: input.resolvedOn }));
  });
}
