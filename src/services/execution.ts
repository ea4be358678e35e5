import { ValidationError } from "../core/errors.js";
import { checkArguments } from "../core/guard.js";
import type { Baseline } from "../entities/baseline.js";
import type { CostEntry } from "../entities/cost-entry.js";
import type { Project } from "../entities/project.js";
import type { WireOf } from "../entities/registry.js";
import type { WorkPackage } from "../entities/work-package.js";
import type { DraftOf } from "../storage/repository.js";
import type { PmoContext } from "./context.js";
import { runOperation } from "./operation.js";

/** What a baseline capture takes: the plan's figures; number, dates and author are set by the service. */
export type BaselineInput = Omit<DraftOf<"baseline">, "projectId" | "number" | "capturedAt" | "capturedBy" | "supersedes">;

/** @internal Captures the next baseline of a project and makes it the active one. */
export function captureBaseline(ctx: PmoContext, actor: string, projectId: string, input: BaselineInput, rebaseline: boolean): Promise<Baseline> {
  return runOperation(ctx.adapter, ctx.options, actor, async (w) => {
    await w.repos.project.require(projectId);
    let last: Baseline | undefined;
    for await (const b of w.repos.baseline.all({ where: [{ field: "projectId", op: "eq", value: projectId }] })) {
      if (!last || b.number > last.number) last = b;
    }
    if (rebaseline && !last) throw ValidationError.single(["projectId"], `project ${projectId} has no baseline to replace yet`, "baseline");
    if (!rebaseline && last) throw ValidationError.single(["projectId"], `project ${projectId} already has baseline ${last.number}: re-baseline with a reason`, "baseline");
    const number = last ? last.number + 1 : 0;
    const baseline = await w.create(
      "baseline",
      {
        ...input,
        projectId,
        number,
        capturedAt: w.at,
        capturedBy: w.actor,
        ...(last ? { supersedes: last.number } : {}),
      } as DraftOf<"baseline">,
      input.reason,
    );
    await w.update("project", projectId, (p) => ({ ...p, activeBaseline: number }), { reason: input.reason });
    return baseline;
  });
}

/** @internal Appends a progress record to a work package. */
export function recordProgress(
  ctx: PmoContext,
  actor: string,
  workPackageId: string,
  progress: WireOf<"work-package">["progress"][number],
  opts: { readonly expectedVersion?: number } = {},
): Promise<WorkPackage> {
  return runOperation(ctx.adapter, ctx.options, actor, (w) =>
    w.update("work-package", workPackageId, (wp) => ({ ...wp, progress: [...wp.progress, progress] }), opts),
  );
}

/** @internal Books actual costs against a project (each line a cost entry). */
export async function recordActualCosts(ctx: PmoContext, actor: string, entries: readonly DraftOf<"cost-entry">[]): Promise<CostEntry[]> {
  checkArguments("recordActualCosts", { entries: [entries, "object[]"] });
  return runOperation(ctx.adapter, ctx.options, actor, async (w) => {
    const out: CostEntry[] = [];
    for (const e of entries) {
      await w.repos.project.require(e.projectId);
      out.push(await w.create("cost-entry", e));
    }
    return out;
  });
}

/** @internal A compare-and-set change to a project's fields, audited. */
export function updateProject(
  ctx: PmoContext,
  actor: string,
  id: string,
  expectedVersion: number,
  changes: Partial<Omit<WireOf<"project">, "id" | "version" | "createdAt" | "updatedAt">>,
  reason?: string,
): Promise<Project> {
  return runOperation(ctx.adapter, ctx.options, actor, (w) =>
    w.update("project", id, (p) => ({ ...p, ...changes }), { expectedVersion, ...(reason !== undefined ? { reason } : {}) }),
  );
}
