import { addDays, checkArguments, decimal, instant, isoDate, money, sumMoney, type IsoDate, type Money } from "../core/index.js";
import type { ChecklistItem, EntityKind, EntityOf, ProjectRequest } from "../entities/index.js";
import type { ImportedRecords } from "../io/index.js";
import { onBudget, onTimeDelivery, portfolioHealth, serviceAvailability, type KpiRatio, type ServiceAvailability } from "../kpi/index.js";
import { scoreRequests, type Scoreboard, type ScoringModel } from "../prioritization/index.js";
import { evaluateGate, readinessProgress, waveProgress, type GateEvaluation, type ReadinessProgress, type WaveProgress } from "../rollout/index.js";
import { selectPortfolio, type PortfolioSelection, type SelectionProblemInput, type SelectionSolver } from "../selection/index.js";
import { ragStatus, type RagStatus } from "../status/index.js";
import { analyzeTraceGraph, buildTraceGraph, DEFAULT_TRACE_RULES, traceMatrix, type TraceAnalysisResult, type TraceMatrix } from "../traceability/index.js";
import { earnedValueSeries, milestoneSlips, type EarnedValueSeries, type MilestoneSlip } from "../variance/index.js";
import { openItemsSeries, type OpenItemsPoint } from "../reports/index.js";

/** The planning envelope the intake is selected under (the sample data has none: these are the run's assumptions). */
export interface IntakeEnvelope {
  /** The fiscal period selected for (`FY2027`). */
  readonly period: string;
  /** Budget for new work in that period. */
  readonly budget: Money;
  /** Hours available per skill in that period. */
  readonly capacity: Readonly<Record<string, string>>;
}

/**
 * The default envelope of the demo: EUR 1,000,000 and 1,600 integration hours of FY2027 for new requests.
 *
 * @example
 * ```ts
 * analyzeOffice(records, { statusDate: "2026-11-20", envelope: { ...DEMO_ENVELOPE, budget: money("800000.00", "EUR") } });
 * ```
 */
export const DEMO_ENVELOPE: IntakeEnvelope = { period: "FY2027", budget: money("1000000.00", "EUR"), capacity: { integration: "1600" } };

/**
 * The weighted-sum intake model over the sample's five criteria (docs/prioritization.md): ratings 1–5 on an
 * absolute scale, complexity a cost; mandatory requests first; urgency breaks ties.
 *
 * @example
 * ```ts
 * scoreRequests(sampleOfficeRecords().request, INTAKE_MODEL, { asOf: "2026-11-20" }).entries[0]?.requestId; // "REQ-2026-003"
 * ```
 */
export const INTAKE_MODEL: ScoringModel = {
  kind: "weighted-sum",
  name: "Northwind intake 2027",
  criteria: [
    { id: "strategic-fit", weight: 3, scale: { kind: "numeric", min: 1, max: 5 }, normalization: "absolute" },
    { id: "financial-value", weight: 3, scale: { kind: "numeric", min: 1, max: 5 }, normalization: "absolute" },
    { id: "risk-reduction", weight: 2, scale: { kind: "numeric", min: 1, max: 5 }, normalization: "absolute" },
    { id: "urgency", weight: 2, scale: { kind: "numeric", min: 1, max: 5 }, normalization: "absolute" },
    { id: "complexity", weight: 1, scale: { kind: "numeric", min: 1, max: 5 }, normalization: "absolute", direction: "cost" },
  ],
  gates: [{ kind: "mandatory" }],
  tieBreak: [{ criterionId: "urgency" }],
};

/** One running project, analysed at the status date. */
export interface ProjectAnalysis {
  readonly code: string;
  readonly name: string;
  readonly series: EarnedValueSeries;
  readonly slips: readonly MilestoneSlip[];
  readonly rag: RagStatus;
  readonly raid: { readonly risks: readonly EntityOf<"risk">[]; readonly issues: readonly EntityOf<"issue">[]; readonly actions: readonly EntityOf<"action">[]; readonly decisions: readonly EntityOf<"decision">[] };
}

/** One rollout plan, judged at the status date. */
export interface RolloutAnalysis {
  readonly name: string;
  readonly goLive: IsoDate;
  readonly progress: ReadinessProgress;
  readonly gate: GateEvaluation | undefined;
  readonly waves: readonly WaveProgress[];
  readonly burnDown: readonly OpenItemsPoint[];
}

/** Everything the office run computed: the input of the report and of the terminal summary. */
export interface OfficeAnalysis {
  readonly statusDate: IsoDate;
  readonly organisation: string;
  readonly requests: readonly ProjectRequest[];
  readonly scoreboard: Scoreboard;
  readonly selection: { readonly problem: SelectionProblemInput; readonly result: PortfolioSelection; readonly envelope: IntakeEnvelope };
  readonly projects: readonly ProjectAnalysis[];
  readonly trace: { readonly result: TraceAnalysisResult; readonly matrix: TraceMatrix };
  readonly rollouts: readonly RolloutAnalysis[];
  readonly availability: readonly ServiceAvailability[];
  readonly kpis: { readonly onTime: KpiRatio; readonly onBudget: KpiRatio; readonly health: KpiRatio };
}

/** Options of {@link analyzeOffice}. */
export interface AnalyzeOfficeOptions {
  readonly statusDate: IsoDate | string;
  readonly envelope?: IntakeEnvelope;
  readonly solver?: SelectionSolver;
  /** Called as each stage finishes (progress bars). */
  readonly onStage?: (stage: string) => void;
}

const list = <K extends EntityKind>(records: ImportedRecords, kind: K): readonly EntityOf<K>[] => (records[kind] ?? []) as readonly EntityOf<K>[];
const CLOSED_REQUEST = new Set(["converted", "rejected", "withdrawn"]);

/**
 * The selection problem of the intake: open, scored (or mandatory) requests, their costs and hours in the period.
 *
 * @example
 * ```ts
 * const board = scoreRequests(requests, INTAKE_MODEL, { asOf: "2026-11-20" });
 * await selectPortfolio(intakeProblem(requests, board, DEMO_ENVELOPE), { gap: 0 });
 * ```
 */
export function intakeProblem(requests: readonly ProjectRequest[], board: Scoreboard, envelope: IntakeEnvelope): SelectionProblemInput {
  checkArguments("intakeProblem", { requests: [requests, "object[]"], board: [board, "object"], envelope: [envelope, "object"] });
  const entry = new Map(board.entries.map((e) => [e.requestId, e] as const));
  const open = requests.filter((r) => !CLOSED_REQUEST.has(r.status));
  const candidates = open.filter((r) => entry.get(r.id)?.score.value !== undefined || r.mandatory !== undefined);
  const ids = new Set(candidates.map((r) => r.id));
  const skills = new Set(Object.keys(envelope.capacity));
  return {
    periods: [envelope.period],
    candidates: candidates.map((r) => {
      const inPeriod = r.estimatedCost.filter((c) => c.period === envelope.period).map((c) => c.amount);
      const hours: Record<string, string> = {};
      for (const e of r.effort.filter((x) => x.period === envelope.period && skills.has(x.skill))) hours[e.skill] = decimal(hours[e.skill] ?? 0).plus(e.hours).toFixed();
      // Value in score points (score × 100); a mandatory request without a score is worth 0 but forced in.
      const score = entry.get(r.id)?.score.value;
      return {
        id: r.id,
        name: r.title,
        value: score === undefined ? 0 : score.times(100).toFixed(),
        costs: { [envelope.period]: inPeriod.length > 0 ? sumMoney(inPeriod) : money("0", envelope.budget.currency) },
        demand: { [envelope.period]: hours },
      };
    }),
    budgets: { [envelope.period]: envelope.budget },
    capacity: { [envelope.period]: envelope.capacity },
    // Dependencies on requests already converted to projects are met; only those between candidates constrain.
    constraints: [
      ...candidates.flatMap((r) => r.dependsOn.filter((d) => ids.has(d)).map((d) => ({ kind: "requires" as const, candidate: r.id, requires: d }))),
      ...candidates.filter((r) => r.mandatory !== undefined).map((r) => ({ kind: "forced-in" as const, candidate: r.id, reason: r.mandatory!.reason })),
    ],
  };
}

function rollout(records: ImportedRecords, plan: EntityOf<"rollout-plan">, asOf: IsoDate): RolloutAnalysis {
  const items = list(records, "checklist-item").filter((i) => i.rolloutPlanId === plan.id);
  const gates = list(records, "gate").filter((g) => g.rolloutPlanId === plan.id);
  // The gate to decide is the last one before go-live: the go/no-go.
  const day = (g: EntityOf<"gate">) => g.plannedDate ?? "";
  const gate = [...gates].sort((a, b) => (day(a) < day(b) ? 1 : day(a) > day(b) ? -1 : a.id.localeCompare(b.id)))[0];
  const first = items.map((i: ChecklistItem) => i.createdAt.slice(0, 10)).sort()[0];
  return {
    name: plan.name,
    goLive: plan.goLive,
    progress: readinessProgress(items, { asOf }),
    gate: gate === undefined ? undefined : evaluateGate({ plan, items, gates }, gate.id, { asOf }),
    waves: waveProgress(plan, { asOf }).waves,
    burnDown: first === undefined || first > asOf ? [] : openItemsSeries(items, { from: isoDate(first), to: asOf, stepDays: 7 }),
  };
}

/**
 * Runs the whole office on a set of records at a status date: scores and ranks the intake, selects the portfolio
 * under the envelope, computes earned value and earned schedule, RAG and milestone slips for each running project,
 * analyses traceability, judges each rollout plan's go/no-go gate and computes the KPIs. Pure: no clock, no I/O.
 *
 * @example
 * ```ts
 * const office = await analyzeOffice(await readAllRecords(adapter), { statusDate: "2026-11-20" });
 * office.selection.result.selected; // ["REQ-2027-002", "REQ-2027-003", "REQ-2027-007"]
 * ```
 */
export async function analyzeOffice(records: ImportedRecords, options: AnalyzeOfficeOptions): Promise<OfficeAnalysis> {
  checkArguments("analyzeOffice", { records: [records, "object"], options: [options, "object"] });
  const asOf = isoDate(options.statusDate);
  const stage = options.onStage ?? (() => {});
  const envelope = options.envelope ?? DEMO_ENVELOPE;
  const requests = list(records, "request");
  const scoreboard = scoreRequests(requests, INTAKE_MODEL, { asOf });
  stage("score");
  const problem = intakeProblem(requests, scoreboard, envelope);
  const result = await selectPortfolio(problem, { gap: 0, timeLimitMs: 5_000, ...(options.solver ? { solver: options.solver } : {}) });
  stage("select");

  const workPackages = list(records, "work-package");
  const baselines = list(records, "baseline");
  const costEntries = list(records, "cost-entry");
  const milestones = list(records, "milestone");
  const byProject = <T extends { readonly projectId?: string | undefined }>(xs: readonly T[], id: string) => xs.filter((x) => x.projectId === id);
  const running = list(records, "project").filter((p) => p.lifecycle === "executing");
  const projects = running.map((p): ProjectAnalysis => {
    const series = earnedValueSeries({ project: p, workPackages, baselines, costEntries }, { statusDate: asOf, grid: { kind: "monthly" } });
    const ev = series.atStatusDate;
    const ms = byProject(milestones, p.id);
    const risks = byProject(list(records, "risk"), p.id);
    const issues = byProject(list(records, "issue"), p.id);
    const forecast = ev.schedule.forecastFinish.spiT.value;
    const rag = ragStatus(
      { id: p.id, plannedFinish: p.plannedFinish, ...(forecast !== undefined ? { forecastFinish: forecast } : {}), milestones: ms, risks, issues },
      { asOf, figures: { spi: ev.figures.spi, cpi: ev.figures.cpi, spiT: ev.schedule.spiT, eac: ev.figures.selectedEac.value, bac: ev.figures.bac } },
    );
    return {
      code: p.code, name: p.name, series, rag,
      slips: milestoneSlips(ms, baselines, { statusDate: asOf }),
      raid: { risks, issues, actions: byProject(list(records, "action"), p.id), decisions: byProject(list(records, "decision"), p.id) },
    };
  });
  stage("evm");

  const requirements = list(records, "requirement");
  const graph = buildTraceGraph({
    requirements, artifacts: list(records, "artifact"), testCases: list(records, "test-case"), testRuns: list(records, "test-run"), defects: list(records, "defect"),
    links: list(records, "trace-link"), acknowledgements: list(records, "acknowledgement"),
  }, DEFAULT_TRACE_RULES);
  const analysis = analyzeTraceGraph(graph, { people: list(records, "person") });
  const traceResult = analysis.result();
  const trace = { result: traceResult, matrix: traceMatrix(analysis, { result: traceResult }) };
  stage("trace");

  const rollouts = list(records, "rollout-plan").map((plan) => rollout(records, plan, asOf));
  stage("rollout");

  const outages = list(records, "service-outage");
  const from = instant(`${asOf.slice(0, 4)}-01-01T00:00:00.000Z`);
  const to = instant(`${addDays(asOf, 1)}T00:00:00.000Z`);
  const services = [...new Set(outages.map((o) => o.service))].sort();
  const availability = services.map((service) => serviceAvailability(outages, { service, from, to }));
  const closed = list(records, "project").filter((p) => p.lifecycle === "closed");
  // Projects carry no actual finish or final cost field: closed ones are counted but unmeasured until they do.
  const closedProjects = closed.map((p) => ({ id: p.id, closedOn: p.statusDate ?? p.plannedFinish, baselineFinish: p.plannedFinish }));
  const kpis = {
    onTime: onTimeDelivery(closedProjects, { period: { from: isoDate(`${asOf.slice(0, 4)}-01-01`), to: asOf } }),
    onBudget: onBudget(closedProjects, { period: { from: isoDate(`${asOf.slice(0, 4)}-01-01`), to: asOf } }),
    health: portfolioHealth(projects.map((p) => ({
      id: p.code, active: true, plannedFinish: running.find((r) => r.code === p.code)!.plannedFinish,
      openCriticalIssues: p.raid.issues.filter((i) => i.severity === "critical" && (i.status === "open" || i.status === "in-progress")).length,
      ...(p.rag.overall.colour ? { colour: p.rag.overall.colour } : {}),
    })), { asOf }),
  };
  stage("kpi");
  const organisation = list(records, "portfolio")[0]?.name ?? "PMO";
  return { statusDate: asOf, organisation, requests, scoreboard, selection: { problem, result, envelope }, projects, trace, rollouts, availability, kpis };
}
