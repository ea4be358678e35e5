import { sumMoney } from "../../core/index.js";
import type { EntityOf } from "../../entities/index.js";
import type { DurationUncertainty, ScheduleInput, ScheduleRiskModel } from "../../schedule/index.js";

/** What {@link scheduleRiskModelFromPlan} reads besides the network. */
export interface PlanRiskRecords {
  /** The packages (their `durationEstimate` and time-phased budget). */
  readonly workPackages: readonly EntityOf<"work-package">[];
  /** The RAID risks: open and monitored ones with `scheduleImpactOn` become risk events. */
  readonly risks?: readonly EntityOf<"risk">[];
  /** Currency of the costs (the project's budget currency). */
  readonly currency: string;
}

const LIVE = new Set(["open", "monitoring"]);

/**
 * Builds a schedule risk model from stored records: each scheduled package with a `durationEstimate` gets that
 * distribution; each open or monitored risk naming `scheduleImpactOn` activities of the network becomes a risk event
 * (probability; `scheduleImpactDays` added to each named activity, a positive `costImpact` to the first); each
 * package's budget (in `currency`) is its fixed cost. A cost impact or a budget in another currency, and risks (or
 * some of their impacts) naming no activity of the network, are left out and listed in `notes`.
 *
 * @example
 * ```ts
 * const plan = scheduleInputFromPlan({ projects: [crm], workPackages, milestones });
 * const { model } = scheduleRiskModelFromPlan(plan.input, { workPackages, risks, currency: "EUR" });
 * analyseScheduleRisk(model, { iterations: 5000, seed: 42 });
 * ```
 */
export function scheduleRiskModelFromPlan(network: ScheduleInput, records: PlanRiskRecords): { model: ScheduleRiskModel; notes: readonly string[] } {
  const notes: string[] = [];
  const scheduled = new Set(network.activities.map((a) => a.id));
  const durations: DurationUncertainty[] = [];
  const costs: { activityId: string; fixed: string }[] = [];
  for (const w of records.workPackages) {
    if (!scheduled.has(w.id)) continue;
    const e = w.durationEstimate;
    if (e) {
      durations.push({
        activityId: w.id,
        distribution: e.kind === "lognormal" ? { kind: "lognormal", mean: e.mean.toFixed(), standardDeviation: e.standardDeviation.toFixed() }
          : e.kind === "uniform" ? { kind: "uniform", min: e.min.toFixed(), max: e.max.toFixed() }
          : { kind: e.kind, min: e.min.toFixed(), mostLikely: e.mostLikely.toFixed(), max: e.max.toFixed() },
      });
    }
    const budget = w.timePhasedBudget.filter((s) => s.amount.currency === records.currency).map((s) => s.amount);
    const other = [...new Set(w.timePhasedBudget.filter((s) => s.amount.currency !== records.currency).map((s) => s.amount.currency))];
    if (other.length > 0) notes.push(`${w.id}: budget in ${other.join(", ")}, not ${records.currency}; its cost is left out`);
    if (budget.length > 0) costs.push({ activityId: w.id, fixed: sumMoney(budget, records.currency).amount.toFixed() });
  }
  const riskEvents = (records.risks ?? []).flatMap((r) => {
    if (!LIVE.has(r.status) || !r.scheduleImpactOn) return [];
    const on = r.scheduleImpactOn.filter((id) => scheduled.has(id));
    const missing = r.scheduleImpactOn.filter((id) => !scheduled.has(id));
    if (on.length === 0) {
      notes.push(`${r.id}: none of its activities (${missing.join(", ")}) is in the network; left out`);
      return [];
    }
    if (missing.length > 0) notes.push(`${r.id}: ${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} not in the network; its impact there is left out`);
    const cost = r.costImpact && r.costImpact.currency === records.currency && r.costImpact.amount.gt(0) ? r.costImpact.amount.toFixed() : undefined;
    if (r.costImpact && r.costImpact.currency !== records.currency) notes.push(`${r.id}: cost impact in ${r.costImpact.currency}, not ${records.currency}; left out`);
    return [{
      id: r.id, probability: r.probability.toFixed(),
      impacts: on.map((activityId, i) => ({ activityId, ...(r.scheduleImpactDays ? { days: String(r.scheduleImpactDays) } : {}), ...(i === 0 && cost ? { cost } : {}) })),
    }];
  });
  return { model: { network, durations, riskEvents, costs, currency: records.currency }, notes };
}
