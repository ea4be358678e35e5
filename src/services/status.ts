import { checkArguments } from "../core/guard.js";
import type { StatusReport } from "../entities/status-report.js";
import type { DraftOf } from "../storage/repository.js";
import type { PmoContext } from "./context.js";
import { runOperation } from "./operation.js";

/** @internal Publishes a status report snapshot: stamped with the actor and now, and never changed afterwards. */
export async function publishStatusReport(
  ctx: PmoContext,
  actor: string,
  draft: Omit<DraftOf<"status-report">, "publishedAt" | "publishedBy">,
): Promise<StatusReport> {
  checkArguments("publishStatusReport", { report: [draft, "object"] });
  return runOperation(ctx.adapter, ctx.options, actor, async (w) => {
    await w.repos.project.require(draft.projectId);
    return w.create("status-report", { ...draft, publishedAt: w.at, publishedBy: w.actor } as DraftOf<"status-report">);
  });
}
