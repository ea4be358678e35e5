import { checkArguments, checkOptionKeys, type IsoDate } from "../core/index.js";
import { scheduleInputFromPlan, scheduleRiskModelFromPlan, type ImportedRecords, type PlanRiskLeftOut } from "../io/index.js";
import { analyseScheduleRisk, type MilestoneDating, type ScheduleRiskResult, type StartLinkFloat, type StartNoLaterThan } from "../schedule/index.js";
import { namingFlags } from "./flag-paths.js";
import { byCodePoint } from "./office.js";
import { activityLabels, checkConventions, planConventionsOf, upstreamOf } from "./schedule.js";

/**
 * @internal The Monte Carlo run of `pmokit risk` without `--iterations` and `--seed`, which the office report and the
 * demo run too, so the report's percentiles are the command's (the report ran 500 iterations: CRM P80 2027-05-20
 * against the command's 2027-05-21).
 */
export const OFFICE_RISK_RUN = { iterations: 2000, seed: 1 } as const;

/** One project's schedule risk analysis. */
export interface ProjectRisk {
  /** Project code. */
  readonly code: string;
  /** Project name. */
  readonly name: string;
  /** The finish the probability is measured against: the one given, else the project's planned finish. */
  readonly target: string | undefined;
  /** The Monte Carlo result. */
  readonly result: ScheduleRiskResult;
  /** How `pmokit schedule` names the project's activities, by id (`ProjectSchedule.labels`). */
  readonly labels: Readonly<Record<string, string>>;
  /** The project's live risks naming activities that are not in the simulation, and why (`scheduleRiskModelFromPlan`'s `leftOut`). */
  readonly leftOut: readonly PlanRiskLeftOut[];
  /**
   * The project's risk events whose schedule days fall on work already started at the status date: the simulation
   * does not add them there (uncertainty applies to unstarted work; their cost is counted), so they move no finish.
   */
  readonly startedImpacts: readonly { readonly riskId: string; readonly days: string; readonly activities: readonly string[] }[];
}

/** Options of {@link analyzeOfficeRisk}. */
export interface OfficeRiskOptions {
  /** Status date. */
  readonly statusDate: IsoDate | string;
  /** Only this project (id or code). */
  readonly project?: string;
  /** Iterations per project. */
  readonly iterations: number;
  /** Seed. */
  readonly seed: number;
  /** Target finish for P(finish ≤ target); default each project's planned finish. */
  readonly target?: string;
  /** `RiskOptions.milestoneDating` of every project's simulation; default `"reached"`. */
  readonly milestoneDating?: MilestoneDating | undefined;
  /** `RiskOptions.startLinkFloat` of every project's simulation (criticality); default `"exact"`. */
  readonly startLinkFloat?: StartLinkFloat | undefined;
  /** `RiskOptions.startNoLaterThan` of every project's simulation (criticality); default `"working-time"`. */
  readonly startNoLaterThan?: StartNoLaterThan | undefined;
  /** Progress per project: (project index, done, total). */
  readonly onProgress?: (project: number, done: number, total: number) => void;
}

/**
 * Schedule risk of each project with duration estimates or risk events: its network at the status date (with what
 * it waits for), the packages' duration estimates, the open risks that name its activities and the packages' budgets
 * as costs (its own risks left out of the model listed in `leftOut`), run through `analyseScheduleRisk` with the given iterations and seed (same seed, same answer) and the
 * `milestoneDating`, `startLinkFloat` and `startNoLaterThan` conventions (each project's `result.conventions` states them).
 * A `target` before the plan's start is a ValidationError at `target`.
 *
 * @example
 * ```ts
 * const [crm] = analyzeOfficeRisk(records, { statusDate: "2026-11-20", project: "PRJ-CRM", iterations: 2000, seed: 7 });
 * crm.result.percentiles.find((p) => p.percent === 80)?.finish;
 * ```
 */
export function analyzeOfficeRisk(records: ImportedRecords, options: OfficeRiskOptions): ProjectRisk[] {
  checkArguments("analyzeOfficeRisk", { records: [records, "object"], options: [options, "object"] });
  checkOptionKeys("analyzeOfficeRisk", options, {
    statusDate: 1, project: 1, iterations: 1, seed: 1, target: 1, milestoneDating: 1, startLinkFloat: 1, startNoLaterThan: 1, onProgress: 1,
  } satisfies Record<keyof OfficeRiskOptions, 1>);
  checkConventions("office risk", options);
  const projects = [...(records.project ?? [])].sort((a, b) => byCodePoint(a.code, b.code)).filter((p) => options.project === undefined || p.id === options.project || p.code === options.project);
  const workPackages = records["work-package"] ?? [];
  const plan = scheduleInputFromPlan({ projects: records.project ?? [], workPackages, milestones: records.milestone ?? [] }, { statusDate: options.statusDate, schedule: planConventionsOf(options) });
  const out: ProjectRisk[] = [];
  projects.forEach((p) => {
    const network = upstreamOf(plan.input, p.id);
    const { model, leftOut } = scheduleRiskModelFromPlan(network, { workPackages, risks: records.risk ?? [], currency: p.budget.currency });
    const own = new Set((records.risk ?? []).filter((r) => r.projectId === p.id).map((r) => r.id));
    if ((model.durations?.length ?? 0) === 0 && (model.riskEvents?.length ?? 0) === 0 && options.project === undefined) return;
    const target = options.target ?? p.plannedFinish;
    const index = out.length;
    // The error names this function's own option: `target` (a given one; not a project's planned finish).
    const result = namingFlags(options.target !== undefined ? { targetFinish: "target" } : {}, () => analyseScheduleRisk(model, {
      iterations: options.iterations, seed: options.seed, ...(target ? { targetFinish: target } : {}),
      ...planConventionsOf(options),
      ...(options.onProgress ? { onProgress: (done: number, total: number) => options.onProgress!(index, done, total) } : {}),
    }));
    // A risk's days on started work are not added by the simulation (docs/scheduling.md): said, not silent — a 40 %
    // chance of 10 more days on a started package otherwise left P80 at the deterministic finish without a word.
    const started = new Set(network.activities.filter((a) => a.progress?.actualStart !== undefined || a.progress?.actualFinish !== undefined).map((a) => a.id));
    const startedImpacts = (model.riskEvents ?? []).filter((e) => own.has(e.id)).flatMap((e) => {
      const on = e.impacts.filter((i) => i.days !== undefined && started.has(i.activityId));
      return on.length > 0 ? [{ riskId: e.id, days: String(on[0]!.days), activities: on.map((i) => i.activityId) }] : [];
    });
    out.push({ code: p.code, name: p.name, target, result, labels: activityLabels(p, records), leftOut: leftOut.filter((l) => own.has(l.riskId)), startedImpacts });
  });
  return out;
}

/**
 * @internal How `pmokit risk` and the report say that a risk event's days on started work were not simulated:
 * `RSK-1's 10 days on 1 Ledger build, started: uncertainty applies to unstarted work (its cost is counted)`.
 */
export function startedImpactText(i: ProjectRisk["startedImpacts"][number], labels: ProjectRisk["labels"]): string {
  const label = (id: string) => (Object.hasOwn(labels, id) ? labels[id] : id);
  return `${i.riskId}'s ${i.days} days on ${i.activities.map(label).join(", ")}, started: uncertainty applies to unstarted work (its cost is counted)`;
}
