import { ValidationError } from "../core/errors.js";
import { checkArguments } from "../core/guard.js";
import type { ChecklistItem } from "../entities/checklist-item.js";
import type { Gate } from "../entities/gate.js";
import type { WireOf } from "../entities/registry.js";
import type { RolloutPlan } from "../entities/rollout-plan.js";
import type { DraftOf } from "../storage/repository.js";
import type { PmoContext } from "./context.js";
import { runOperation } from "./operation.js";
import { orderByDependencies } from "../rollout/dependency-order.js";
import { futureIssues, keepStatusDays } from "../rollout/item-future.js";
import type { ValidationIssue } from "../core/errors.js";

/** The checklist items and gates a new rollout plan starts with (for example from a scheduled template), without the plan they will belong to. */
export interface RolloutPlanContents {
  /** Template id, recorded on the plan. */
  readonly id?: string;
  /** Checklist items (ids optional; `dependsOn` and gate `itemIds` may name ids given here). */
  readonly items: readonly Omit<DraftOf<"checklist-item">, "rolloutPlanId">[];
  /** Gates. */
  readonly gates?: readonly Omit<DraftOf<"gate">, "rolloutPlanId">[];
}

/**
 * @internal The contents must hang together before anything is written: dependencies name items given here and form
 * no cycle, gate scopes name items given here, and the gates an item names are given here (a new plan has no other
 * items or gates; a misspelt gate id left the item silently outside that gate's scope).
 */
function checkContents(template: RolloutPlanContents): void {
  const nodes = template.items.map((item, i) => {
    const { id, dependsOn } = item as { id?: unknown; dependsOn?: unknown };
    return { id: typeof id === "string" ? id : `#${i}`, dependsOn: Array.isArray(dependsOn) ? (dependsOn as string[]) : [] };
  });
  try {
    orderByDependencies(nodes, "rollout plan contents");
  } catch (e) {
    if (e instanceof ValidationError) throw new ValidationError(e.issues.map((x) => ({ ...x, path: ["items", ...x.path] })), "rollout plan contents");
    throw e;
  }
  const ids = new Set(nodes.map((n) => n.id));
  const issues: ValidationIssue[] = [];
  (template.gates ?? []).forEach((g, i) => {
    const itemIds = (g as { scope?: { itemIds?: unknown } }).scope?.itemIds;
    if (!Array.isArray(itemIds)) return;
    itemIds.forEach((id: unknown, j) => {
      if (typeof id === "string" && !ids.has(id)) issues.push({ path: ["gates", i, "scope", "itemIds", j], message: `unknown checklist item ${id}`, code: "custom" });
    });
  });
  const gateIds = new Set((template.gates ?? []).map((g) => (g as { id?: unknown }).id).filter((id): id is string => typeof id === "string"));
  template.items.forEach((item, i) => {
    const named = (item as { gateIds?: unknown }).gateIds;
    if (!Array.isArray(named)) return;
    named.forEach((id: unknown, j) => {
      if (typeof id === "string" && !gateIds.has(id)) issues.push({ path: ["items", i, "gateIds", j], message: `unknown gate ${id}`, code: "custom" });
    });
  });
  if (issues.length > 0) throw new ValidationError(issues, "rollout plan contents");
}

/**
 * @internal Creates a rollout plan with its checklist items and gates, all in one transaction. Dependencies that name
 * no item given, dependency cycles and gate scopes naming unknown items are refused before anything is written.
 */
export async function instantiateRolloutPlan(
  ctx: PmoContext,
  actor: string,
  plan: Omit<DraftOf<"rollout-plan">, "templateId">,
  template: RolloutPlanContents,
): Promise<{ readonly plan: RolloutPlan; readonly items: readonly ChecklistItem[]; readonly gates: readonly Gate[] }> {
  checkArguments("instantiateRolloutPlan", { plan: [plan, "object"], template: [template, "object"] });
  checkArguments("instantiateRolloutPlan", { items: [template.items, "object[]"], gates: [template.gates, "object[]?"] });
  checkContents(template);
  return runOperation(ctx.adapter, ctx.options, actor, async (w) => {
    await w.repos.project.require(plan.projectId);
    const created = await w.create("rollout-plan", { ...plan, ...(template.id ? { templateId: template.id } : {}) } as DraftOf<"rollout-plan">);
    const items: ChecklistItem[] = [];
    for (const item of template.items) items.push(await w.create("checklist-item", { ...item, rolloutPlanId: created.id } as DraftOf<"checklist-item">));
    const gates: Gate[] = [];
    for (const gate of template.gates ?? []) gates.push(await w.create("gate", { ...gate, rolloutPlanId: created.id } as DraftOf<"gate">));
    return { plan: created, items, gates };
  });
}

/** The fields of a checklist item a status update may change. */
export type ChecklistItemChanges = Partial<
  Pick<WireOf<"checklist-item">, "status" | "statusReason" | "ownerId" | "dueDate" | "completedOn" | "skippedOn" | "notApplicableOn" | "evidence" | "waiver">
>;

/**
 * @internal Updates a checklist item (status, evidence, waiver, …), compare-and-set on its version. Like
 * `changeItemStatus`, it refuses a completion, skip or not-applicable day after today or a waiver granted after now,
 * and an item made skipped or not applicable without its day takes today's (the day of the operation's instant).
 */
export function updateChecklistItem(
  ctx: PmoContext,
  actor: string,
  id: string,
  expectedVersion: number,
  changes: ChecklistItemChanges,
  reason?: string,
): Promise<ChecklistItem> {
  return runOperation(ctx.adapter, ctx.options, actor, (w) => {
    // The same rule as changeItemStatus: an update made now does not record the future.
    const future = futureIssues(changes ?? {}, w.at);
    if (future.length > 0) throw new ValidationError(future, "checklist item");
    return w.update(
      "checklist-item",
      id,
      (c) => {
        const next: Record<string, unknown> = { ...c, ...changes };
        keepStatusDays(next, c, changes ?? {}, w.at);
        return next as typeof c;
      },
      { expectedVersion, ...(reason !== undefined ? { reason } : {}) },
    );
  });
}

/** A gate decision: the votes cast and the outcome; the decider and time are the actor and now. */
export interface GateDecisionInput {
  /** Votes to record (each approver once; `at` defaults to now). */
  readonly votes: readonly { readonly personId: string; readonly vote: "approve" | "reject" | "abstain"; readonly comment?: string }[];
  /** The outcome and its conditions or notes. */
  readonly decision: Omit<NonNullable<WireOf<"gate">["decision"]>, "decidedAt" | "decidedBy">;
}

/** @internal Records the votes and the decision of a gate. A decided gate is not decided again. */
export function decideGate(ctx: PmoContext, actor: string, id: string, input: GateDecisionInput): Promise<Gate> {
  return runOperation(ctx.adapter, ctx.options, actor, async (w) => {
    const gate = await w.repos.gate.require(id);
    if (gate.decision) throw ValidationError.single(["decision"], `gate ${id} was already decided (${gate.decision.outcome})`, "gate");
    return w.update("gate", id, (g) => ({
      ...g,
      approvals: [
        ...(g.approvals ?? []).filter((a) => !input.votes.some((v) => v.personId === a.personId)),
        ...input.votes.map((v) => ({ ...v, at: w.at })),
      ],
      decision: { ...input.decision, decidedAt: w.at, decidedBy: w.actor },
    }));
  });
}
