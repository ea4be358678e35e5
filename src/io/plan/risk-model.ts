import { checkArguments, checkOptionKeys, sumMoney } from "../../core/index.js";
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

const RECORD_KEYS = { workPackages: 1, risks: 1, currency: 1 } satisfies Record<keyof PlanRiskRecords, 1>;
const LIVE = new Set(["open", "monitoring"]);

/**
 * A live RAID risk naming `scheduleImpactOn` activities that {@link scheduleRiskModelFromPlan} did not turn into a
 * risk event: `"no-activity-in-network"` (none of its activities is scheduled in the network) or `"no-impact"` (no
 * `scheduleImpactDays` and no positive `costImpact` in the model's currency: an event would change nothing).
 *
 * @example
 * ```ts
 * const out: PlanRiskLeftOut = { riskId: "RSK-CRM-002", reason: "no-impact" };
 * ```
 */
export interface PlanRiskLeftOut {
  /** The risk's id. */
  readonly riskId: string;
  /** Why it is not in the model. */
  readonly reason: "no-activity-in-network" | "no-impact";
}

/**
 * Builds a schedule risk model from stored records: each scheduled package with a `durationEstimate` gets that
 * distribution; each open or monitored risk naming `scheduleImpactOn` activities of the network becomes a risk event
 * (probability; `scheduleImpactDays` added to each named activity, a positive `costImpact` to the first); each
 * package's budget (in `currency`) is its fixed cost. A cost impact or a budget in another currency, a negative cost
 * impact (a saving: risk events add costs only), and risks (or some of their impacts) naming no activity of the
 * network, are left out and listed in `notes`. No impact is empty: a risk with neither `scheduleImpactDays` (absent or
 * 0) nor a cost impact kept is left out, and the activities after the first get an impact only with days. Live risks
 * naming activities that became no event are listed in `leftOut` with their reason (closed and occurred risks, and
 * risks without `scheduleImpactOn`, are not schedule risks: neither listed nor noted).
 *
 * @throws {ValidationError} for a key `records` does not have (at `records.<key>`: `risk` for `risks` built a model
 *   without risk events) or a list that is not one.
 * @example
 * ```ts
 * const plan = scheduleInputFromPlan({ projects: [crm], workPackages, milestones });
 * const { model } = scheduleRiskModelFromPlan(plan.input, { workPackages, risks, currency: "EUR" });
 * analyseScheduleRisk(model, { iterations: 5000, seed: 42 });
 * ```
 */
export function scheduleRiskModelFromPlan(network: ScheduleInput, records: PlanRiskRecords): { model: ScheduleRiskModel; notes: readonly string[]; leftOut: readonly PlanRiskLeftOut[] } {
  checkArguments("scheduleRiskModelFromPlan", { network: [network, "object"], records: [records, "object"] });
  checkOptionKeys("scheduleRiskModelFromPlan", records, RECORD_KEYS, ["records"]);
  checkArguments("scheduleRiskModelFromPlan", {
    "network.activities": [network.activities, "object[]"], "records.workPackages": [records.workPackages, "object[]"], "records.risks": [records.risks, "object[]?"], "records.currency": [records.currency, "string"],
  });
  const notes: string[] = [];
  const leftOut: PlanRiskLeftOut[] = [];
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
      leftOut.push({ riskId: r.id, reason: "no-activity-in-network" });
      return [];
    }
    if (missing.length > 0) notes.push(`${r.id}: ${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} not in the network; its impact there is left out`);
    const c = r.costImpact;
    const cost = c && c.currency === records.currency && c.amount.gt(0) ? c.amount.toFixed() : undefined;
    if (c && c.currency !== records.currency) notes.push(`${r.id}: cost impact in ${c.currency}, not ${records.currency}; left out`);
    else if (c?.amount.isNegative()) notes.push(`${r.id}: cost impact ${c.amount.toFixed()} ${c.currency} is a saving; risk events add costs only; left out`);
    // No empty impact (analyseScheduleRisk refuses one): days on every named activity, the cost on the first.
    const days = r.scheduleImpactDays ? String(r.scheduleImpactDays) : undefined;
    if (!days && !cost) {
      notes.push(`${r.id}: no scheduleImpactDays and no costImpact to simulate; left out`);
      leftOut.push({ riskId: r.id, reason: "no-impact" });
      return [];
    }
    const impacts = on.flatMap((activityId, i) => (days || i === 0 ? [{ activityId, ...(days ? { days } : {}), ...(i === 0 && cost ? { cost } : {}) }] : []));
    return [{ id: r.id, probability: r.probability.toFixed(), impacts }];
  });
  return { model: { network, durations, riskEvents, costs, currency: records.currency }, notes, leftOut };
}
