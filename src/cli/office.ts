import { checkArguments, checkOptionKeys, isoDate, toEpochDay, type Instant, type IsoDate } from "../core/index.js";
import type { ChecklistItem, EntityKind, EntityOf, ProjectRequest } from "../entities/index.js";
import type { ImportedRecords } from "../io/index.js";
import {
  fiscalYearPeriod, onBudget, onTimeDelivery, periodInstants, periodToDate, portfolioHealth, serviceAvailability,
  type ClosedKpiPeriod, type KpiRatio, type OutageSplitting, type PeriodToDate, type ServiceAvailability,
} from "../kpi/index.js";
import type { Scoreboard, ScoringModel } from "../prioritization/index.js";
import { evaluateGate, readinessProgress, scheduleChecklist, waveProgress, type GateEvaluation, type ReadinessProgress, type WaveProgress } from "../rollout/index.js";
import type { SelectionSolver } from "../selection/index.js";
import { ragStatus, statusReportInForce, type PublishedStatus, type RagStatus } from "../status/index.js";
import { analyzeTraceGraph, buildTraceGraph, DEFAULT_TRACE_RULES, traceMatrix, type TraceAnalysisResult, type TraceMatrix } from "../traceability/index.js";
import { earnedValueSeries, milestoneSlips, type EarnedValueOptions, type EarnedValueSeries, type MilestoneSlip } from "../variance/index.js";
import { openItemsSeries, type OpenItemsPoint } from "../reports/index.js";
import { closedProjectFigures } from "./closed-projects.js";
import { DEMO_ENVELOPE, INTAKE_MODEL, scoreIntake, selectIntake, type IntakeEnvelope, type IntakeSelection } from "./intake.js";

export { DEMO_ENVELOPE, INTAKE_MODEL, intakeProblem, isOpenRequest, type IntakeEnvelope, type IntakeScore, type IntakeSelection } from "./intake.js";

/** One running project, analysed at the status date. */
export interface ProjectAnalysis {
  readonly code: string;
  readonly name: string;
  readonly series: EarnedValueSeries;
  /** The options `series` was computed with (status date, monthly grid): the report names the grid SPI(t) was read on. */
  readonly earnedValueOptions: EarnedValueOptions;
  readonly slips: readonly MilestoneSlip[];
  /**
   * RAG at the status date; its overall override is the one of {@link ProjectAnalysis.published}, when that report
   * overrode its computed colour.
   */
  readonly rag: RagStatus;
  /** The project's published status report in force at the status date (see `statusReportInForce`), if any. */
  readonly published?: PublishedStatus;
  readonly raid: { readonly risks: readonly EntityOf<"risk">[]; readonly issues: readonly EntityOf<"issue">[]; readonly actions: readonly EntityOf<"action">[]; readonly decisions: readonly EntityOf<"decision">[] };
}

/** One rollout plan, judged at the status date. */
export interface RolloutAnalysis {
  readonly name: string;
  readonly goLive: IsoDate;
  readonly progress: ReadinessProgress;
  /** The go/no-go: the plan's last gate before go-live (latest planned date). */
  readonly gate: GateEvaluation | undefined;
  /** Every gate of the plan, judged at the status date, in planned-date order (the go/no-go last). */
  readonly gates: readonly GateEvaluation[];
  readonly waves: readonly WaveProgress[];
  readonly burnDown: readonly OpenItemsPoint[];
  /** The plan's checklist items, each with its due day (recorded, or scheduled from the plan's anchors). */
  readonly items: readonly ChecklistItem[];
}

/**
 * @internal Decimal places every office surface shows an availability with (summary, KPI table, terminal): 99.946 %
 * against a 99.95 % target needs three, and one figure must not read 99.9464 % in one place and 99.946 % in another.
 */
export const AVAILABILITY_PLACES = 3;

/**
 * What the office's availability figures cover: the calendar year of the status date, measured to the end of the
 * status date (`period`, days inclusive). `partial` until 31 December, so a figure is read as the year to date and
 * not as the year's.
 *
 * @example
 * ```ts
 * (await analyzeOffice(records, { statusDate: "2026-11-20" })).availabilityPeriod;
 * // { year: { from: "2026-01-01", to: "2026-12-31" }, period: { from: "2026-01-01", to: "2026-11-20" }, partial: true,
 * //   daysCounted: 324, daysInPeriod: 365, measuredTo: "2026-11-21T00:00:00.000Z" }
 * ```
 */
export interface AvailabilityPeriod extends PeriodToDate {
  /** The whole calendar year the availability is measured over. */
  readonly year: ClosedKpiPeriod;
  /** End of what was measured: midnight ending the status date in `timeZone`, the `asOf` given to `serviceAvailability`. */
  readonly measuredTo: Instant;
  /** The IANA time zone whose midnights bound the days (default UTC); present only when one was given. */
  readonly timeZone?: string;
}

/** How the office measures availability: the options of `serviceAvailability` and `periodInstants` it passes on. */
export interface OfficeKpiOptions {
  /** How an outage cut into parts by time outside the agreed service time counts (default `"count-once"`). */
  readonly outageSplitting?: OutageSplitting;
  /** IANA time zone whose days the year and the status date are (default UTC). */
  readonly timeZone?: string;
}

/** Everything the office run computed: the input of the report and of the terminal summary. */
export interface OfficeAnalysis {
  readonly statusDate: IsoDate;
  readonly organisation: string;
  readonly requests: readonly ProjectRequest[];
  readonly scoreboard: Scoreboard;
  readonly selection: IntakeSelection;
  readonly projects: readonly ProjectAnalysis[];
  /**
   * `keys`: each traced item's own key (`REQ-11`) by `kind:id`, where it has one shared by no other item of its kind.
   * `unlinkedParents`: requirements whose `parentId` no parent link (`derives`, `refines`) backs — the analysis reads
   * links only, so such a requirement is an orphan there and its parent is not covered by it.
   */
  readonly trace: {
    readonly result: TraceAnalysisResult; readonly matrix: TraceMatrix; readonly keys: ReadonlyMap<string, string>;
    readonly unlinkedParents: readonly { readonly requirement: string; readonly parent: string }[];
  };
  readonly rollouts: readonly RolloutAnalysis[];
  /** Availability per service over {@link OfficeAnalysis.availabilityPeriod} (each `partial` before 31 December). */
  readonly availability: readonly ServiceAvailability[];
  /** The days the availability figures cover: the calendar year, measured to the end of the status date. */
  readonly availabilityPeriod: AvailabilityPeriod;
  readonly kpis: { readonly onTime: KpiRatio; readonly onBudget: KpiRatio; readonly health: KpiRatio & { readonly unrated: readonly string[] } };
  /** People's names by person id, so the report names owners, approvers and acknowledgers. */
  readonly people: Readonly<Record<string, string>>;
}

/** Options of {@link analyzeOffice}. */
export interface AnalyzeOfficeOptions {
  readonly statusDate: IsoDate | string;
  /** The envelope the intake is selected under (default {@link DEMO_ENVELOPE}). */
  readonly envelope?: IntakeEnvelope;
  /** The scoring model of the intake (default {@link INTAKE_MODEL}). */
  readonly model?: ScoringModel;
  /** The selection solver (default the built-in one). */
  readonly solver?: SelectionSolver;
  /** Called as each stage finishes (progress bars). */
  readonly onStage?: (stage: string) => void;
  /** See {@link OfficeKpiOptions.outageSplitting}. */
  readonly outageSplitting?: OutageSplitting;
  /** See {@link OfficeKpiOptions.timeZone}. */
  readonly timeZone?: string;
  /** Days after its as-of date from which a project's status report is stale (default 31; see `statusReportInForce`). */
  readonly statusReportStaleAfterDays?: number;
}

/**
 * Orders texts by code point, the same on every machine (`localeCompare` follows the machine's locale: in Lithuanian
 * `y` sorts before `j`, which could pick another gate or order projects differently). @internal
 */
export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const list = <K extends EntityKind>(records: ImportedRecords, kind: K): readonly EntityOf<K>[] => (records[kind] ?? []) as readonly EntityOf<K>[];

/**
 * The plan's items with their due days. Stored items carry a T-minus offset from an anchor, not a due day (the
 * sample's never have one): a missing due day is scheduled from the plan's anchors and working calendar by the
 * rollout rule (`scheduleChecklist`); a recorded one is kept.
 */
function withDueDates(plan: EntityOf<"rollout-plan">, items: readonly ChecklistItem[]): readonly ChecklistItem[] {
  if (items.every((i) => i.dueDate !== undefined)) return items;
  const due = new Map(scheduleChecklist(plan, items).items.map((i) => [i.id, i.dueDate] as const));
  return items.map((i) => {
    const d = due.get(i.id);
    return i.dueDate !== undefined || d === undefined ? i : { ...i, dueDate: d };
  });
}

/**
 * Week by week, widened to whole weeks so the burn-down has at most 260 points (five years of weeks): each point is a
 * readiness pass over every item, and a status date centuries after the first item (`--as-of 2999-12-31`, a typo)
 * made 50,000 of them — minutes of work for a chart no one can read. The chart's description names the step.
 */
function burnDownStep(first: string, asOf: IsoDate): number {
  return 7 * Math.max(1, Math.ceil((toEpochDay(asOf) - toEpochDay(isoDate(first))) / 7 / 260));
}

function rollout(records: ImportedRecords, plan: EntityOf<"rollout-plan">, asOf: IsoDate): RolloutAnalysis {
  const items = withDueDates(plan, list(records, "checklist-item").filter((i) => i.rolloutPlanId === plan.id));
  const gates = list(records, "gate").filter((g) => g.rolloutPlanId === plan.id);
  // Every gate is judged (the rollout section and rollout --json list them); the one to decide last is the go/no-go,
  // which the executive summary shows.
  const day = (g: EntityOf<"gate">) => g.plannedDate ?? "";
  const ordered = [...gates].sort((a, b) => (day(a) < day(b) ? -1 : day(a) > day(b) ? 1 : byCodePoint(a.id, b.id)));
  const judged = ordered.map((g) => evaluateGate({ plan, items, gates }, g.id, { asOf }));
  // The latest planned date; among gates on that day, the first by id (as before every gate was judged).
  const latest = ordered.at(-1);
  const last = latest === undefined ? "" : day(latest);
  const goNoGo = ordered.findIndex((g) => day(g) === last);
  const first = items.map((i: ChecklistItem) => i.createdAt.slice(0, 10)).sort()[0];
  return {
    name: plan.name,
    goLive: plan.goLive,
    progress: readinessProgress(items, { asOf }),
    gate: judged[goNoGo],
    gates: judged,
    waves: waveProgress(plan, { asOf }).waves,
    burnDown: first === undefined || first > asOf ? [] : openItemsSeries(items, { from: isoDate(first), to: asOf, stepDays: burnDownStep(first, asOf) }),
    items,
  };
}

/** The delivery side of the office at the status date: running projects, traceability, rollouts and KPIs. */
export type DeliveryAnalysis = Omit<OfficeAnalysis, "requests" | "scoreboard" | "selection">;

/**
 * The delivery side of the office at a status date: earned value and earned schedule, RAG and milestone slips for
 * each running project, traceability, each rollout plan's go/no-go gate and the KPIs — no scoring or selection, so
 * `evm`, `trace` and `rollout` do not depend on the intake. Pure: no clock, no I/O.
 *
 * @example
 * ```ts
 * analyzeDelivery(await readAllRecords(adapter), "2026-11-20").projects.map((p) => p.code); // ["PRJ-CRM", …]
 * ```
 */
export function analyzeDelivery(records: ImportedRecords, statusDate: IsoDate | string, stage: (name: string) => void = () => {}, kpiOptions: OfficeKpiOptions & Pick<AnalyzeOfficeOptions, "statusReportStaleAfterDays"> = {}): DeliveryAnalysis {
  const asOf = isoDate(statusDate);
  const workPackages = list(records, "work-package");
  const baselines = list(records, "baseline");
  const costEntries = list(records, "cost-entry");
  const milestones = list(records, "milestone");
  const byProject = <T extends { readonly projectId?: string | undefined }>(xs: readonly T[], id: string) => xs.filter((x) => x.projectId === id);
  const running = list(records, "project").filter((p) => p.lifecycle === "executing");
  const projects = running.map((p): ProjectAnalysis => {
    // Earned schedule is read on the monthly grid; the options travel with the result so every surface can say so.
    const earnedValueOptions: EarnedValueOptions = { statusDate: asOf, grid: { kind: "monthly" } };
    const series = earnedValueSeries({ project: p, workPackages, baselines, costEntries }, earnedValueOptions);
    const ev = series.atStatusDate;
    const ms = byProject(milestones, p.id);
    const risks = byProject(list(records, "risk"), p.id);
    const issues = byProject(list(records, "issue"), p.id);
    const forecast = ev.schedule.forecastFinish.spiT.value;
    // The project manager's published status in force at the status date: its override (who, why) is the overall
    // colour the PMO sees, next to the colour the rules give on the status date.
    const stale = kpiOptions.statusReportStaleAfterDays;
    const published = statusReportInForce(list(records, "status-report"), { projectId: p.id, asOf, ...(stale !== undefined ? { staleAfterDays: stale } : {}) });
    const rag = ragStatus(
      // With the baselines, missed key milestones and finish slip are measured against the baseline in force on the
      // status date, the one earned value and the slip table read.
      { id: p.id, plannedFinish: p.plannedFinish, ...(forecast !== undefined ? { forecastFinish: forecast } : {}), milestones: ms, risks, issues, baselines, activeBaseline: p.activeBaseline },
      { asOf, figures: { spi: ev.figures.spi, cpi: ev.figures.cpi, spiT: ev.schedule.spiT, eac: ev.figures.selectedEac.value, bac: ev.figures.bac }, ...(published?.override ? { override: published.override } : {}) },
    );
    return {
      code: p.code, name: p.name, series, earnedValueOptions, rag, ...(published ? { published } : {}),
      slips: milestoneSlips(ms, baselines, { statusDate: asOf, activeBaseline: p.activeBaseline }),
      raid: { risks, issues, actions: byProject(list(records, "action"), p.id), decisions: byProject(list(records, "decision"), p.id) },
    };
  });
  stage("evm");

  const requirements = list(records, "requirement");
  const items = { requirement: requirements, artifact: list(records, "artifact"), "test-case": list(records, "test-case"), "test-run": list(records, "test-run"), defect: list(records, "defect") };
  const graph = buildTraceGraph({
    requirements, artifacts: items.artifact, testCases: items["test-case"], testRuns: items["test-run"], defects: items.defect,
    links: list(records, "trace-link"), acknowledgements: list(records, "acknowledgement"),
  }, DEFAULT_TRACE_RULES);
  // Judged as of the status date, as every other figure here: a run executed, a review or an acknowledgement given
  // after it has not happened yet.
  const analysis = analyzeTraceGraph(graph, { people: list(records, "person"), asOf });
  const traceResult = analysis.result();
  // A parent named only in `parentId` (a CSV "Parent" column) is no trace link: said, not silently dropped.
  const parentLinks = new Set(list(records, "trace-link").filter((l) => DEFAULT_TRACE_RULES.parentLinkTypes?.includes(l.linkType)).map((l) => `${l.from.kind}:${l.from.id}\u0000${l.to.kind}:${l.to.id}`));
  // A retired requirement (rejected, obsolete) is not traced, so its missing parent link hides nothing: not asked for.
  const retired = DEFAULT_TRACE_RULES.inactive?.requirement ?? [];
  const unlinkedParents = requirements.filter((r) => r.parentId !== undefined && !retired.includes(r.status) && !parentLinks.has(`requirement:${r.id}\u0000requirement:${r.parentId}`)).map((r) => ({ requirement: r.id, parent: r.parentId! }));
  const trace = { result: traceResult, matrix: traceMatrix(analysis, { result: traceResult }), keys: itemKeys(items), unlinkedParents };
  stage("trace");

  const rollouts = list(records, "rollout-plan").map((plan) => rollout(records, plan, asOf));
  stage("rollout");

  const outages = list(records, "service-outage");
  // The calendar year as of the end of the status date: the figures are those of 1 January to the status date, and
  // the results say so (`partial`, `measuredTo`) rather than passing the year to date off as a whole period.
  const year = fiscalYearPeriod(Number(asOf.slice(0, 4)), { startMonth: 1 });
  const toDate = periodToDate(year, asOf);
  const { timeZone, outageSplitting } = kpiOptions;
  const zone = timeZone === undefined ? {} : { timeZone };
  const { from, to } = periodInstants(year, zone);
  const measuredTo = periodInstants(toDate.period, zone).to;
  const availabilityPeriod: AvailabilityPeriod = { year, ...toDate, measuredTo, ...zone };
  const services = [...new Set(outages.map((o) => o.service))].sort();
  const availability = services.map((service) => serviceAvailability(outages, { service, from, to, asOf: measuredTo, ...(outageSplitting ? { outageSplitting } : {}) }));
  // Projects carry no actual-finish or final-cost field: a closed project's finish and cost come from its earned value.
  const closedProjects = list(records, "project").filter((p) => p.lifecycle === "closed").map((p) => closedProjectFigures(p, { workPackages, baselines, costEntries }, asOf));
  const kpis = {
    onTime: onTimeDelivery(closedProjects, { period: { from: isoDate(`${asOf.slice(0, 4)}-01-01`), to: asOf } }),
    onBudget: onBudget(closedProjects, { period: { from: isoDate(`${asOf.slice(0, 4)}-01-01`), to: asOf } }),
    health: portfolioHealth(projects.map((p) => ({
      id: p.code, active: true, plannedFinish: running.find((r) => r.code === p.code)!.plannedFinish,
      // The RAG rule's own count as of the status date (an issue raised later is left out, one resolved later still
      // counts); with no issue raised by then, none is open.
      openCriticalIssues: Number(p.rag.derived["openCriticalIssues"]?.value ?? 0),
      ...(p.rag.overall.colour ? { colour: p.rag.overall.colour } : {}),
    })), { asOf }),
  };
  stage("kpi");
  const organisation = list(records, "portfolio")[0]?.name ?? "PMO";
  const people = Object.fromEntries(list(records, "person").map((p) => [p.id, p.name] as const));
  return { statusDate: asOf, organisation, projects, trace, rollouts, availability, availabilityPeriod, kpis, people };
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
  checkOptionKeys("analyzeOffice", options, {
    statusDate: 1, envelope: 1, model: 1, solver: 1, onStage: 1, outageSplitting: 1, timeZone: 1, statusReportStaleAfterDays: 1,
  } satisfies Record<keyof AnalyzeOfficeOptions, 1>);
  checkArguments("analyzeOffice", { statusDate: [options.statusDate, "date"], timeZone: [options.timeZone, "string?"], outageSplitting: [options.outageSplitting, "string?"], statusReportStaleAfterDays: [options.statusReportStaleAfterDays, "integer?"] });
  const asOf = isoDate(options.statusDate);
  const stage = options.onStage ?? (() => {});
  const intake = scoreIntake(records, asOf, options.model ?? INTAKE_MODEL);
  stage("score");
  const selection = await selectIntake(intake, options.envelope ?? DEMO_ENVELOPE, options.solver);
  stage("select");
  const { statusReportStaleAfterDays: stale } = options;
  const kpi = { ...(options.outageSplitting ? { outageSplitting: options.outageSplitting } : {}), ...(options.timeZone !== undefined ? { timeZone: options.timeZone } : {}), ...(stale !== undefined ? { statusReportStaleAfterDays: stale } : {}) };
  return { ...analyzeDelivery(records, asOf, stage, kpi), requests: intake.requests, scoreboard: intake.scoreboard, selection };
}

/** `kind:id` → key of the items that have a key no other item of their kind shares (two projects' REQ-1 stay named by id). */
function itemKeys(items: Readonly<Record<string, readonly { readonly id: string; readonly key?: unknown }[]>>): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  for (const [kind, list] of Object.entries(items)) {
    const count = new Map<string, number>();
    for (const e of list) if (typeof e.key === "string") count.set(e.key, (count.get(e.key) ?? 0) + 1);
    for (const e of list) if (typeof e.key === "string" && count.get(e.key) === 1) out.set(`${kind}:${e.id}`, e.key);
  }
  return out;
}
