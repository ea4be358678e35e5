import { checkArguments, checkOptionKeys } from "../core/guard.js";
import type { AuditEvent } from "../entities/audit-event.js";
import type { Acknowledgement } from "../entities/acknowledgement.js";
import type { Baseline } from "../entities/baseline.js";
import type { ChecklistItem } from "../entities/checklist-item.js";
import type { CostEntry } from "../entities/cost-entry.js";
import type { Gate } from "../entities/gate.js";
import type { Issue } from "../entities/issue.js";
import type { ProjectRequest } from "../entities/project-request.js";
import type { Project } from "../entities/project.js";
import type { EntityKind, EntityOf, WireOf } from "../entities/registry.js";
import type { Risk } from "../entities/risk.js";
import type { RolloutPlan } from "../entities/rollout-plan.js";
import type { StatusReport } from "../entities/status-report.js";
import type { TestRun } from "../entities/test-run.js";
import type { TraceLink } from "../entities/trace-link.js";
import type { WorkPackage } from "../entities/work-package.js";
import type { StorageAdapter } from "../storage/port.js";
import type { DraftOf } from "../storage/repository.js";
import type { PmoContext } from "./context.js";
import { rolloutReadiness, scoredOpenRequests, type RolloutReadiness, type ScoredIntake } from "./assessments.js";
import type { ScoringModel } from "../prioritization/model.js";
import type { ScoreOptions } from "../prioritization/score-requests.js";
import type { ReadinessOptions } from "../rollout/gate.js";
import { isoDate } from "../core/dates/iso-date.js";
import { captureBaseline, recordActualCosts, recordProgress, updateProject, type BaselineInput } from "./execution.js";
import { convertRequest, createRequest, transitionRequest, type ProjectFromRequestDraft, type RequestDraft, type TransitionOptions } from "./intake.js";
import { PMO_OPTION_KEYS, currentInstant, runOperation, type PmoOptions } from "./operation.js";
import { futureRaidDays, keepAssessment, keepClosingDay, keepReopening, withProvedClosingDay } from "./raid-days.js";
import { ValidationError } from "../core/errors.js";
import {
  activeProjects, history, openRequests, requirementsCoverage, rolloutOverviews,
  type ActiveProjectFigures, type RequirementCoverage, type RolloutOverview,
} from "./queries.js";
import { closeRisk, raiseIssue, raiseRisk, resolveIssue } from "./raid.js";
import { acknowledgeRequirement, linkRequirement, recordTestRun } from "./requirements.js";
import { decideGate, instantiateRolloutPlan, updateChecklistItem, type ChecklistItemChanges, type GateDecisionInput, type RolloutPlanContents } from "./rollout.js";
import { publishStatusReport } from "./status.js";

/** Fields of any entity a generic update may change (everything but what storage manages). */
export type EntityChanges<K extends EntityKind> = Partial<Omit<WireOf<K>, "id" | "version" | "createdAt" | "updatedAt">>;

/**
 * The office's operations. Every method takes the acting person's id first, validates its input, runs in one
 * transaction and appends an audit event per record it writes (who, when, which version, which fields changed).
 * Methods that change an existing record take the version the caller read and refuse with `VersionConflictError`
 * when someone else changed it since.
 */
export interface Pmo {
  /** Creates a project request in `draft`. */
  createRequest(actor: string, draft: RequestDraft): Promise<ProjectRequest>;
  /** draft/deferred → submitted. */
  submitRequest(actor: string, id: string, options?: TransitionOptions): Promise<ProjectRequest>;
  /** submitted → in-review. */
  reviewRequest(actor: string, id: string, options?: TransitionOptions): Promise<ProjectRequest>;
  /** in-review → approved. */
  approveRequest(actor: string, id: string, options?: TransitionOptions): Promise<ProjectRequest>;
  /** in-review → rejected (final). */
  rejectRequest(actor: string, id: string, options?: TransitionOptions): Promise<ProjectRequest>;
  /** in-review → deferred (can be submitted again). */
  deferRequest(actor: string, id: string, options?: TransitionOptions): Promise<ProjectRequest>;
  /** approved → converted, creating the project (which records the request it came from). */
  convertRequest(actor: string, id: string, project: ProjectFromRequestDraft, options?: TransitionOptions): Promise<{ readonly request: ProjectRequest; readonly project: Project }>;
  /** Captures baseline 0 of a project and makes it active. */
  captureBaseline(actor: string, projectId: string, baseline: BaselineInput): Promise<Baseline>;
  /** Captures the next baseline (superseding the last one) with its reason, and makes it active. */
  rebaseline(actor: string, projectId: string, baseline: BaselineInput): Promise<Baseline>;
  /** Appends a progress record to a work package. */
  recordProgress(actor: string, workPackageId: string, progress: WireOf<"work-package">["progress"][number], options?: { readonly expectedVersion?: number }): Promise<WorkPackage>;
  /** Books actual costs (each line a cost entry of an existing project). */
  recordActualCosts(actor: string, entries: readonly DraftOf<"cost-entry">[]): Promise<CostEntry[]>;
  /** Changes project fields, compare-and-set on the version read. */
  updateProject(actor: string, id: string, expectedVersion: number, changes: EntityChanges<"project">, reason?: string): Promise<Project>;
  /** Raises a risk (status open). */
  raiseRisk(actor: string, risk: Omit<DraftOf<"risk">, "status">): Promise<Risk>;
  /** Closes a risk; a `closedOn` later than the latest local day at the service clock's instant is refused at `["closedOn"]`. */
  closeRisk(actor: string, id: string, input: { readonly closedOn: string; readonly reason: string }): Promise<Risk>;
  /** Raises an issue (status open). */
  raiseIssue(actor: string, issue: Omit<DraftOf<"issue">, "status">): Promise<Issue>;
  /** Resolves an issue; a `resolvedOn` later than the latest local day at the service clock's instant is refused at `["resolvedOn"]`. */
  resolveIssue(actor: string, id: string, input: { readonly resolution: string; readonly resolvedOn: string }): Promise<Issue>;
  /** Links two items; ends in stored kinds must exist. */
  linkRequirement(actor: string, link: DraftOf<"trace-link">): Promise<TraceLink>;
  /** Records that the actor acknowledged a requirement (in a role, for a fingerprint of its text). */
  acknowledgeRequirement(actor: string, ack: Omit<DraftOf<"acknowledgement">, "personId" | "acknowledgedAt">): Promise<Acknowledgement>;
  /** Records a test run of an existing test case. */
  recordTestRun(actor: string, run: DraftOf<"test-run">): Promise<TestRun>;
  /**
   * Creates a rollout plan with the checklist items and gates of a template. Dependencies must name items given here
   * and form no cycle, gate scopes must name items given here and items must name gates given here
   * (`ValidationError`, nothing written).
   */
  instantiateRolloutPlan(actor: string, plan: Omit<DraftOf<"rollout-plan">, "templateId">, template: RolloutPlanContents): Promise<{ readonly plan: RolloutPlan; readonly items: readonly ChecklistItem[]; readonly gates: readonly Gate[] }>;
  /** Updates a checklist item (status, evidence, waiver, owner, dates). */
  updateChecklistItem(actor: string, id: string, expectedVersion: number, changes: ChecklistItemChanges, reason?: string): Promise<ChecklistItem>;
  /** Records a gate's votes and decision. */
  decideGate(actor: string, id: string, input: GateDecisionInput): Promise<Gate>;
  /** Publishes a status report snapshot (stamped with the actor and now). */
  publishStatusReport(actor: string, report: Omit<DraftOf<"status-report">, "publishedAt" | "publishedBy">): Promise<StatusReport>;
  /**
   * A risk, issue, action, decision or change request moved out of its closed statuses keeps its earlier closing in
   * `closings` (see the entities), and so does a risk closed then occurred, or an action done then cancelled or the
   * reverse, or a decision or change request decided anew (a decision superseded then approved or rejected too; the day the status leaves goes there, ended on the closing
   * day the change gives, else today); a decision or change request whose closing is kept also drops `decidedBy`,
   * `outcome`, `rationale` and `decisionReason` unless the change gives them (the closing entry keeps the `decidedBy`,
   * `outcome`, `rationale` and `decisionReason` of the decision it ends); a decision that stops being superseded drops
   * `supersededBy` unless the change gives it (then refused at `["supersededBy"]`), its closing entry keeping it.
   * Any other audited change — a portfolio's objective weights, a person's roles — compare-and-set on the version. An
   * action made cancelled, a change request made withdrawn, a decision made superseded or a risk made occurred without
   * its day (`cancelledOn`, `withdrawnOn`, `supersededOn`, `occurredOn`) takes today's (the UTC day of the operation's
   * instant, or the record's `decidedOn` when that is later); leaving that status drops the day (a risk closed after occurring keeps its `occurredOn`).
   * A risk that keeps its assessment history (`assessments`, started empty by `raiseRisk`) and whose `probability`,
   * `impact` or `costImpact` the change alters gets an entry with the values it replaces, `reassessedOn` today.
   * A change request made withdrawn records the status it had as `withdrawnFrom` (unless the change gives one); its
   * closing entry keeps it when the request is re-submitted or decided anew.
   * A record already in that status without its day (made before the field existed) first gets the UTC day of its
   * `updatedAt` — the day the as-of views counted it closed from, which this change would otherwise move. A RAID day given that says when something happened — `completedOn`, `cancelledOn`,
   * `decidedOn`, `withdrawnOn`, `supersededOn`, `occurredOn`, `closedOn`, `resolvedOn`, and the days of a `closings`
   * array it gives — later than the latest local
   * day at the operation's instant (the service clock's UTC day 14 hours on, the bound checklist items follow) is a
   * `ValidationError` at its name, nothing written.
   */
  update<K extends EntityKind>(actor: string, kind: K, id: string, expectedVersion: number, changes: EntityChanges<K>, reason?: string): Promise<EntityOf<K>>;
  /** The audit trail of an entity, oldest first. */
  history(kind: EntityKind, id: string): Promise<AuditEvent[]>;
  /** Requests still waiting for a decision or a conversion (submitted, in review, approved, deferred). */
  openRequests(): Promise<ProjectRequest[]>;
  /** Active projects with their active baseline, actual costs per currency and latest status report. */
  activeProjects(): Promise<ActiveProjectFigures[]>;
  /** A project's requirements with their trace-link coverage. */
  requirementsCoverage(projectId: string): Promise<RequirementCoverage[]>;
  /**
   * Open rollout plans with checklist counts, gates and the blocking items that hold a gate, judged as of
   * `options.asOf` (default: today, the UTC day of the service clock) by the gate's rule, with `options.facts` for
   * evidence rules — the same judgement as `evaluateGate` and `rolloutReadiness`. `openBlockingItems` counts the whole
   * plan; `gateBlockers` lists each gate's own (its scope only), the figure `evaluateGate` reports for that gate.
   */
  rollouts(options?: Partial<ReadinessOptions>): Promise<RolloutOverview[]>;
  /** The open requests scored and ranked with a model, as of a date (nothing is written). */
  scoredOpenRequests(model: ScoringModel, options: ScoreOptions): Promise<ScoredIntake>;
  /** Open rollouts judged at a date: readiness per phase and category, and every gate evaluated. */
  rolloutReadiness(options: ReadinessOptions): Promise<RolloutReadiness[]>;
}

const TRANSITION_KEYS = { reason: 1, expectedVersion: 1 } satisfies Record<keyof TransitionOptions, 1>;
const READINESS_KEYS = { asOf: 1, facts: 1 } satisfies Record<keyof ReadinessOptions, 1>;

/**
 * The PMO service over any storage adapter with interactive transactions (on others every operation refuses with
 * `UnsupportedCapabilityError` before writing anything).
 *
 * @example
 * ```ts
 * const pmo = createPmo(adapter, { clock: () => "2026-11-20T09:00:00.000Z" });
 * await pmo.submitRequest("p-ana-costa", "REQ-2026-013", { reason: "business case complete" });
 * await pmo.reviewRequest("p-pmo-head", "REQ-2026-013");
 * await pmo.approveRequest("p-cio", "REQ-2026-013", { reason: "steering committee 2026-11-20" });
 * const { project } = await pmo.convertRequest("p-pmo-head", "REQ-2026-013", { code: "PRJ-WMS2", … });
 * await pmo.history("request", "REQ-2026-013"); // four audit events: who moved it, when, from which state
 * ```
 */
export function createPmo(adapter: StorageAdapter, options: PmoOptions = {}): Pmo {
  checkArguments("createPmo", { adapter: [adapter, "object"], options: [options, "object"] });
  checkOptionKeys("createPmo", options, PMO_OPTION_KEYS);
  const ctx: PmoContext = { adapter, options };
  // A method's options, their unknown keys refused (at [key]) before anything is read or written.
  const known = <T>(method: string, o: T, keys: Readonly<Record<string, 1>>): T => (checkOptionKeys(method, o, keys), o);
  return {
    createRequest: (actor, draft) => createRequest(ctx, actor, draft),
    submitRequest: async (actor, id, o) => transitionRequest(ctx, actor, id, "submitted", known("submitRequest", o, TRANSITION_KEYS)),
    reviewRequest: async (actor, id, o) => transitionRequest(ctx, actor, id, "in-review", known("reviewRequest", o, TRANSITION_KEYS)),
    approveRequest: async (actor, id, o) => transitionRequest(ctx, actor, id, "approved", known("approveRequest", o, TRANSITION_KEYS)),
    rejectRequest: async (actor, id, o) => transitionRequest(ctx, actor, id, "rejected", known("rejectRequest", o, TRANSITION_KEYS)),
    deferRequest: async (actor, id, o) => transitionRequest(ctx, actor, id, "deferred", known("deferRequest", o, TRANSITION_KEYS)),
    convertRequest: async (actor, id, project, o) => convertRequest(ctx, actor, id, project, known("convertRequest", o, TRANSITION_KEYS)),
    captureBaseline: (actor, projectId, b) => captureBaseline(ctx, actor, projectId, b, false),
    rebaseline: (actor, projectId, b) => captureBaseline(ctx, actor, projectId, b, true),
    recordProgress: async (actor, id, p, o) => recordProgress(ctx, actor, id, p, known("recordProgress", o, { expectedVersion: 1 })),
    recordActualCosts: (actor, entries) => recordActualCosts(ctx, actor, entries),
    updateProject: (actor, id, v, changes, reason) => updateProject(ctx, actor, id, v, changes, reason),
    raiseRisk: (actor, risk) => raiseRisk(ctx, actor, risk),
    closeRisk: (actor, id, input) => closeRisk(ctx, actor, id, input),
    raiseIssue: (actor, issue) => raiseIssue(ctx, actor, issue),
    resolveIssue: (actor, id, input) => resolveIssue(ctx, actor, id, input),
    linkRequirement: (actor, link) => linkRequirement(ctx, actor, link),
    acknowledgeRequirement: (actor, ack) => acknowledgeRequirement(ctx, actor, ack),
    recordTestRun: (actor, run) => recordTestRun(ctx, actor, run),
    instantiateRolloutPlan: (actor, plan, template) => instantiateRolloutPlan(ctx, actor, plan, template),
    updateChecklistItem: (actor, id, v, changes, reason) => updateChecklistItem(ctx, actor, id, v, changes, reason),
    decideGate: (actor, id, input) => decideGate(ctx, actor, id, input),
    publishStatusReport: (actor, report) => publishStatusReport(ctx, actor, report),
    update: (actor, kind, id, v, changes, reason) =>
      runOperation(adapter, options, actor, (w) => {
        // A closing day after the operation's instant would keep the record open in as-of views until then.
        const future = futureRaidDays(kind, (changes ?? {}) as Record<string, unknown>, w.at);
        if (future.length > 0) throw new ValidationError(future, kind);
        return w.update(
          kind,
          id,
          (e) => {
            // One closed without its day first gets the day its last change proved (this change moves updatedAt).
            const was = withProvedClosingDay(kind, e as Record<string, unknown>);
            const next: Record<string, unknown> = { ...was, ...changes };
            const given = (changes ?? {}) as Record<string, unknown>;
            // A reopened RAID record keeps its earlier closing; one closed without its day takes today's, so as-of
            // views know when it stopped (and started again) being open.
            keepReopening(kind, next, was, given, w.at);
            keepClosingDay(kind, next, was, given, w.at);
            // A reassessed risk keeps the assessment it replaces, so views as of an earlier day read that one.
            keepAssessment(kind, next, was, given, w.at);
            return next as typeof e;
          },
          { expectedVersion: v, ...(reason !== undefined ? { reason } : {}) },
        );
      }),
    history: (kind, id) => history(ctx, kind, id),
    openRequests: () => openRequests(ctx),
    activeProjects: () => activeProjects(ctx),
    requirementsCoverage: (projectId) => requirementsCoverage(ctx, projectId),
    rollouts: async (o = {}) => {
      checkArguments("rollouts", { options: [o, "object"] });
      checkOptionKeys("rollouts", o, READINESS_KEYS);
      const asOf = o.asOf ?? isoDate(currentInstant(options).slice(0, 10));
      return (await rolloutOverviews(ctx, { ...o, asOf })).map((x) => x.overview);
    },
    scoredOpenRequests: (model, o) => scoredOpenRequests(ctx, model, o),
    rolloutReadiness: async (o) => rolloutReadiness(ctx, known("rolloutReadiness", o, READINESS_KEYS)),
  };
}
