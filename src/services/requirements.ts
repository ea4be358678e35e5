import type { Acknowledgement } from "../entities/acknowledgement.js";
import { isEntityKind } from "../entities/registry.js";
import type { TestRun } from "../entities/test-run.js";
import type { TraceLink } from "../entities/trace-link.js";
import type { DraftOf } from "../storage/repository.js";
import { NotFoundError } from "../core/errors.js";
import { checkArguments } from "../core/guard.js";
import type { PmoContext } from "./context.js";
import { runOperation, type Work } from "./operation.js";

async function requireEnd(w: Work, end: { kind: string; id: string }): Promise<void> {
  // Trace ends name entity kinds, each stored by pmokit: the end must exist (test runs were not checked). A kind that
  // is not an entity kind is left to the trace-link codec, which refuses it.
  if (!isEntityKind(end.kind)) return;
  if (!(await w.repos[end.kind].get(end.id))) throw new NotFoundError(end.kind, end.id);
}

/** @internal Links two items (a design satisfies a requirement, a test verifies it, …); both ends must exist. */
export async function linkRequirement(ctx: PmoContext, actor: string, draft: DraftOf<"trace-link">): Promise<TraceLink> {
  checkArguments("linkRequirement", { link: [draft, "object"] });
  checkArguments("linkRequirement", { from: [draft.from, "object"], to: [draft.to, "object"] });
  return runOperation(ctx.adapter, ctx.options, actor, async (w) => {
    await requireEnd(w, draft.from);
    await requireEnd(w, draft.to);
    return w.create("trace-link", draft);
  });
}

/** @internal Records that a person acknowledged a requirement (at this instant, as this actor). */
export async function acknowledgeRequirement(
  ctx: PmoContext,
  actor: string,
  draft: Omit<DraftOf<"acknowledgement">, "personId" | "acknowledgedAt">,
): Promise<Acknowledgement> {
  checkArguments("acknowledgeRequirement", { ack: [draft, "object"] });
  return runOperation(ctx.adapter, ctx.options, actor, async (w) => {
    await w.repos.requirement.require(draft.requirementId);
    return w.create("acknowledgement", { ...draft, personId: w.actor, acknowledgedAt: w.at } as DraftOf<"acknowledgement">);
  });
}

/** @internal Records a test run of an existing test case. */
export async function recordTestRun(ctx: PmoContext, actor: string, draft: DraftOf<"test-run">): Promise<TestRun> {
  checkArguments("recordTestRun", { run: [draft, "object"] });
  return runOperation(ctx.adapter, ctx.options, actor, async (w) => {
    await w.repos["test-case"].require(draft.testCaseId);
    return w.create("test-run", draft);
  });
}
