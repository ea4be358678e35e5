import { OPEN_REQUEST_STATUSES } from "../entities/project-request.js";
import type { IsoDate } from "../core/dates/iso-date.js";
import { checkArguments } from "../core/guard.js";
import { sumMoney } from "../core/money/arithmetic.js";
import type { Money } from "../core/money/money.js";
import type { AuditEvent } from "../entities/audit-event.js";
import type { Baseline } from "../entities/baseline.js";
import type { ChecklistItem } from "../entities/checklist-item.js";
import type { Gate } from "../entities/gate.js";
import type { ProjectRequest } from "../entities/project-request.js";
import type { Project } from "../entities/project.js";
import type { EntityKind } from "../entities/registry.js";
import type { Requirement } from "../entities/requirement.js";
import type { RolloutPlan } from "../entities/rollout-plan.js";
import type { StatusReport } from "../entities/status-report.js";
import { decodeFacts } from "../rollout/evidence-check.js";
import { holdsGate, itemsInGateScope, type ReadinessOptions } from "../rollout/gate.js";
import { assessItem } from "../rollout/item-life.js";
import type { Where } from "../storage/port.js";
import { createRepositories, type Repositories } from "../storage/repository.js";
import type { PmoContext } from "./context.js";

async function collect<T>(it: AsyncGenerator<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

const repos = (ctx: PmoContext): Repositories => createRepositories(ctx.adapter);

/** @internal The audit trail of one entity, oldest first. */
export async function history(ctx: PmoContext, kind: EntityKind, id: string): Promise<AuditEvent[]> {
  const where: Where[] = [
    { field: "entityKind", op: "eq", value: kind },
    { field: "entityId", op: "eq", value: id },
  ];
  // Oldest first is version order: `at` is each writer's clock, and two servers' clocks may disagree.
  const events = await collect(repos(ctx)["audit-event"].all({ where, orderBy: { field: "at" } }));
  return events.sort((a, b) => a.entityVersion - b.entityVersion);
}


/** @internal Requests still in the intake pipeline, by key/id. */
export function openRequests(ctx: PmoContext): Promise<ProjectRequest[]> {
  return collect(repos(ctx).request.all({ where: [{ field: "status", op: "in", value: [...OPEN_REQUEST_STATUSES] }] }));
}

/** A running project with the figures a portfolio report starts from. */
export interface ActiveProjectFigures {
  /** The project. */
  readonly project: Project;
  /** Its active baseline (the one `project.activeBaseline` names), if captured. */
  readonly baseline: Baseline | null;
  /** Actual costs booked so far, one total per currency (exact sums of the cost entries). */
  readonly actualCosts: readonly Money[];
  /** The most recent published status report (latest `asOf`), if any. */
  readonly latestStatusReport: StatusReport | null;
}

/**
 * Project lifecycle states that count as active.
 *
 * @example
 * ```ts
 * ACTIVE_LIFECYCLES.includes("on-hold"); // true: paused projects still count
 * ```
 */
export const ACTIVE_LIFECYCLES = ["initiating", "planning", "executing", "closing", "on-hold"] as const;

/** @internal Active projects with their baseline, actual costs and latest status report. */
export async function activeProjects(ctx: PmoContext): Promise<ActiveProjectFigures[]> {
  const r = repos(ctx);
  const projects = await collect(r.project.all({ where: [{ field: "lifecycle", op: "in", value: [...ACTIVE_LIFECYCLES] }] }));
  const out: ActiveProjectFigures[] = [];
  for (const project of projects) {
    const byProject: Where[] = [{ field: "projectId", op: "eq", value: project.id }];
    const baselines = await collect(r.baseline.all({ where: byProject }));
    const costs = await collect(r["cost-entry"].all({ where: byProject }));
    const perCurrency = new Map<string, Money[]>();
    for (const c of costs) perCurrency.set(c.amount.currency, [...(perCurrency.get(c.amount.currency) ?? []), c.amount]);
    const reports = await r["status-report"].list({ where: byProject, orderBy: { field: "asOf", direction: "desc" }, limit: 1 });
    out.push({
      project,
      baseline: baselines.find((b) => b.number === project.activeBaseline) ?? null,
      actualCosts: [...perCurrency.keys()].sort().map((cur) => sumMoney(perCurrency.get(cur) ?? [])),
      latestStatusReport: reports.items[0] ?? null,
    });
  }
  return out;
}

/** A requirement with the trace links that reach it, counted by link type. */
export interface RequirementCoverage {
  /** The requirement. */
  readonly requirement: Requirement;
  /** Links pointing at it (`verifies`, `satisfies`, `implements`, …), by type. */
  readonly incoming: Readonly<Record<string, number>>;
  /** Links leaving it (`derives`, `refines`, …), by type. */
  readonly outgoing: Readonly<Record<string, number>>;
  /** True when at least one test case verifies it. */
  readonly verified: boolean;
}

/** @internal The requirements of a project with their trace-link coverage. */
export async function requirementsCoverage(ctx: PmoContext, projectId: string): Promise<RequirementCoverage[]> {
  const r = repos(ctx);
  const requirements = await collect(r.requirement.all({ where: [{ field: "projectId", op: "eq", value: projectId }] }));
  const out: RequirementCoverage[] = [];
  for (const requirement of requirements) {
    // The end must be this requirement — its kind too: an artifact or a test case may carry the same id.
    const count = async (end: "to" | "from") => {
      const tally: Record<string, number> = {};
      const where: Where[] = [
        { field: `${end}.id`, op: "eq", value: requirement.id },
        { field: `${end}.kind`, op: "eq", value: "requirement" },
      ];
      for await (const l of r["trace-link"].all({ where })) {
        tally[l.linkType] = (tally[l.linkType] ?? 0) + 1;
      }
      return tally;
    };
    const incoming = await count("to");
    out.push({ requirement, incoming, outgoing: await count("from"), verified: (incoming["verifies"] ?? 0) > 0 });
  }
  return out;
}

/** A rollout plan with its checklist counted by status, its open blocking items and its gates. */
export interface RolloutOverview {
  /** The plan. */
  readonly plan: RolloutPlan;
  /** The day the blocking items were judged. */
  readonly asOf: IsoDate;
  /** Checklist items per recorded status (the records as stored now). */
  readonly itemsByStatus: Readonly<Record<string, number>>;
  /**
   * The plan's blocking items that hold a gate on `asOf`, by the gate's own rule (`holdsGate`): open (an expired
   * waiver, a done item whose evidence rule fails, work done only after `asOf` included) or skipped. A gate whose
   * scope is the whole plan lists exactly these as its `blockers`.
   */
  readonly openBlockingItems: readonly ChecklistItem[];
  /** The plan's gates, with their decisions where taken. */
  readonly gates: readonly Gate[];
  /**
   * For each gate (in the order of `gates`), the open blocking items within its scope (`itemsInGateScope`): exactly
   * the `blockers` `evaluateGate` lists for that gate on `asOf`. `openBlockingItems` counts the whole plan, so a
   * blocking item outside every gate's scope (a hypercare item with no hypercare gate) is there and in no gate's list:
   * the sample's CRM plan has 19 open blocking items while its go/no-go gate is held by 17.
   */
  readonly gateBlockers: readonly { readonly gateId: string; readonly items: readonly ChecklistItem[] }[];
}

/**
 * @internal Rollout plans that are not completed or cancelled, with their checklist state judged as of
 * `options.asOf` (with `options.facts` for evidence rules) — the same judgement `evaluateGate` makes.
 *
 * @throws {ValidationError} when a gate's scope names an unknown item or another plan's item (as `evaluateGate` does).
 */
export async function rolloutOverviews(ctx: PmoContext, options: ReadinessOptions): Promise<{ overview: RolloutOverview; items: ChecklistItem[] }[]> {
  checkArguments("rollouts", { options: [options, "object"] });
  checkArguments("rollouts", { asOf: [options.asOf, "date"] });
  const facts = decodeFacts(options.facts);
  const r = repos(ctx);
  const plans = await collect(r["rollout-plan"].all({ where: [{ field: "status", op: "in", value: ["planning", "ready", "in-progress", "hypercare"] }] }));
  const out: { overview: RolloutOverview; items: ChecklistItem[] }[] = [];
  for (const plan of plans) {
    const byPlan: Where[] = [{ field: "rolloutPlanId", op: "eq", value: plan.id }];
    const items = await collect(r["checklist-item"].all({ where: byPlan }));
    const itemsByStatus: Record<string, number> = {};
    for (const i of items) itemsByStatus[i.status] = (itemsByStatus[i.status] ?? 0) + 1;
    const openBlockingItems = items.filter((i) => holdsGate(assessItem(i, { asOf: options.asOf, facts })));
    const gates = await collect(r.gate.all({ where: byPlan }));
    const open = new Set(openBlockingItems.map((i) => i.id));
    const overview: RolloutOverview = {
      plan,
      asOf: options.asOf,
      itemsByStatus,
      openBlockingItems,
      gates,
      // The gate's own scope rule, so each list is the gate's `blockers` (not a count of the whole plan).
      gateBlockers: gates.map((g) => ({ gateId: g.id, items: itemsInGateScope(g, items).filter((i) => open.has(i.id)) })),
    };
    out.push({ overview, items });
  }
  return out;
}
