import { STANDARD_CALENDAR, ValidationError, decimal, differenceInDays, metric, missing, workingDaysBetween, type Decimal, type DecimalInput, type IsoDate, type Metric, type WorkingCalendar } from "../core/index.js";
import type { Baseline, Issue, Milestone, Risk } from "../entities/index.js";
import { chooseBaseline, type BaselineChoiceWarning } from "../entities/baseline-in-force.js";
import type { RagFigures } from "./rag-figures.js";
import { issueOpenOn, riskAssessmentOn, riskPendingOn } from "./as-of.js";
import { closingDay, unknownClosingWhy } from "../entities/closing-day.js";
import { requireUniqueIds } from "./unique.js";
import { rateOnMatrix, type RiskMatrix } from "./risk-matrix.js";

/**
 * A figure `ragStatus` derived from the project's data, with the records behind it — or, when the data cannot give
 * it (an empty register, key milestones without a baseline day), the reason it is missing and a note in words.
 */
export interface DerivedRagFigure {
  /** The figure as an exact decimal string ("1"); absent when it could not be derived. */
  readonly value?: string;
  /**
   * Why it could not be derived (`no-data`: nothing recorded; `no-baseline`: no key milestone has a baseline day, or
   * the baseline asked for or named active is not among the baselines given).
   */
  readonly reason?: string;
  /**
   * The reason in words ("no key milestone recorded"); for a derived value, what it was measured against or in
   * ("milestone dates of baseline 1, captured 2027-02-15", "calendar days").
   */
  readonly note?: string;
  /** Ids of the records counted, or the dates compared. */
  readonly from: readonly string[];
  /**
   * Records counted only because the record cannot tell their status on `asOf`, each with why (absent when none): for
   * `highRisksPending`, a risk `occurred` without `occurredOn`, judged before the UTC day of its `updatedAt` — counted
   * as pending, as `contingencyReserve` lists it in its own `statusUnknown`.
   */
  readonly statusUnknown?: readonly { readonly id: string; readonly why: string }[];
  /**
   * For `highRisksPending`, the pending risks judged high or not on their current probability and impact although
   * these may have differed on `asOf` (absent when none): the risk keeps no assessment history (`assessments`) and
   * changed after `asOf` — a stated convention, each with why. Otherwise the assessment in force on `asOf` is read.
   */
  readonly currentAssessmentUsed?: readonly { readonly id: string; readonly why: string }[];
  /**
   * The baseline number the figure was measured against: its milestone dates for `missedKeyMilestones`, its finish (the
   * latest frozen package finish) for `finishSlipDays`. Absent: each milestone's own `baselineDate`, the project's
   * `plannedFinish`.
   */
  readonly baseline?: number;
}

/** What `ragStatus` reads about the project besides the figures (a `Project` entity fits, plus its RAID and milestones). */
export interface RagProject {
  /** Project id (RAID and milestones of other projects are ignored). */
  readonly id: string;
  /** Active baseline (a `Project`'s `activeBaseline`): the one in force once captured, as `earnedValue` reads it. */
  readonly activeBaseline?: number | undefined;
  /**
   * Baselines (those of other projects are ignored). Given, `missedKeyMilestones` reads the milestone dates of the
   * baseline in force on `asOf` — the rule `earnedValue` measures against — instead of each milestone's own
   * `baselineDate`.
   */
  readonly baselines?: readonly Baseline[];
  /**
   * Planned finish: with no baseline given, the finish `finishSlipDays` is measured from (with baselines, the finish of
   * the baseline in force is).
   */
  readonly plannedFinish?: IsoDate;
  /** Forecast finish (with `plannedFinish`, gives `finishSlipDays`). */
  readonly forecastFinish?: IsoDate;
  /** Milestones (give `missedKeyMilestones`). */
  readonly milestones?: readonly Milestone[];
  /** Risks (give `highRisksPending`). */
  readonly risks?: readonly Risk[];
  /** Issues (give `openCriticalIssues`). */
  readonly issues?: readonly Issue[];
}

/** How {@link deriveRagFigures} measures: the status date and the options of `ragStatus` it reads. */
export interface RagDerivation {
  /** Status date. */
  readonly asOf: IsoDate;
  /** Probability from which a pending risk counts as high (checked by the caller), with `highRisk: "probability"`. */
  readonly highRiskProbability: DecimalInput;
  /**
   * With `highRisk: "score"`, the matrix a pending risk is rated on (high when band × impact ≥ `highFrom`, as
   * `riskScore` rates it) and its band bounds, checked by the caller; without them, probability ≥ `highRiskProbability`.
   */
  readonly riskMatrix?: RiskMatrix | undefined;
  readonly riskBands?: readonly Decimal[] | undefined;
  /** The baseline number asked for (else the one in force on `asOf`). */
  readonly baseline?: number | undefined;
  /** Unit of `finishSlipDays` (default calendar days). */
  readonly finishSlipUnit?: "calendar-days" | "working-days" | undefined;
  /** Calendar for working days (default the standard Monday–Friday calendar). */
  readonly calendar?: WorkingCalendar | undefined;
}

/**
 * The baseline the schedule figures measure against on `asOf`: undefined when no baseline of the project is given and
 * none is asked for (the milestones' own `baselineDate` and the project's `plannedFinish` then stand in); else the
 * baseline `earnedValue` would measure against (`chooseBaseline`: the one asked for; else the active one if captured by
 * `asOf`, else the highest captured by then), with the note that says so. A string is why there is none.
 */
function baselineInForce(project: RagProject, asOf: IsoDate, wanted: number | undefined): string | undefined | { readonly baseline: Baseline; readonly note: string } {
  const own = (project.baselines ?? []).filter((b) => b.projectId === project.id);
  if (wanted === undefined && own.length === 0) return undefined;
  const warnings: BaselineChoiceWarning[] = [];
  const b = chooseBaseline({ project, baselines: own }, wanted, asOf, warnings, "RAG status");
  if (b === undefined) return `baseline ${wanted ?? project.activeBaseline} ${wanted === undefined ? "is active but" : "was asked for but"} is not among the baselines of ${project.id}`;
  return { baseline: b, note: [`baseline ${b.number}, captured ${b.capturedAt.slice(0, 10)}`, ...warnings.map((w) => w.message)].join("; ") };
}

/**
 * Derives the counts the default rules read from the project's records, as of `asOf`. An empty register is no data,
 * not a zero: a project without key milestones has not "missed none" (issue 17), so the figure is missing with
 * reason `no-data` and its rule does not rate. A figure given in `given` wins and is not derived.
 *
 * Missed key milestones are measured against the baseline in force on `asOf` when baselines are given (see
 * {@link RagProject.baselines}); which milestones are key is the live milestone's `key` — the flag `milestoneSlips`
 * reports — so the count and the key rows of the slip table agree. Finish slip is in calendar days unless
 * `finishSlipUnit` is `"working-days"`.
 *
 * @example
 * ```ts
 * deriveRagFigures({ id: "P", milestones: [] }, { asOf: isoDate("2026-11-20"), highRiskProbability: "0.7" }, {}).derived["missedKeyMilestones"];
 * // { reason: "no-data", note: "no key milestone recorded", from: [] }
 * ```
 */
export function deriveRagFigures(project: RagProject, how: RagDerivation, given: RagFigures) {
  const { asOf } = how;
  // A record listed twice would be counted twice.
  for (const k of ["milestones", "risks", "issues"] as const) {
    const records = project[k];
    if (Array.isArray(records)) requireUniqueIds(records, ["project", k], "RAG status");
  }
  const figures: Record<string, unknown> = { ...given };
  const derived: Record<string, DerivedRagFigure> = {};
  let chosen: ReturnType<typeof baselineInForce> | null = null;
  const baseline = () => (chosen === null ? (chosen = baselineInForce(project, asOf, how.baseline)) : chosen);
  const count = (name: keyof RagFigures, ids: string[], more: Partial<DerivedRagFigure> = {}) => {
    if (given[name] !== undefined) return;
    figures[name] = metric(decimal(ids.length)) satisfies Metric<Decimal>;
    derived[name] = { value: String(ids.length), from: ids, ...more };
  };
  const lacking = (name: keyof RagFigures, reason: string, note: string) => {
    if (given[name] !== undefined) return;
    figures[name] = missing(reason, note) satisfies Metric<Decimal>;
    derived[name] = { reason, note, from: [] };
  };
  if (project.milestones && given.missedKeyMilestones === undefined) {
    const key = project.milestones.filter((m) => m.projectId === project.id && m.key);
    const inForce = key.length === 0 ? undefined : baseline();
    const frozen = typeof inForce === "object" ? new Map(inForce.baseline.milestones.map((x) => [x.milestoneId, x.date] as const)) : undefined;
    const dateOf = (m: Milestone) => (frozen ? frozen.get(m.id) : m.baselineDate);
    // A key milestone the baseline does not hold (added after it) has no date to miss there, as in milestoneSlips'
    // table: not counted, but named, so a 0 is not read as "every key milestone on time".
    const added = key.filter((m) => frozen && !frozen.has(m.id)).map((m) => m.id);
    const baselined = typeof inForce === "string" ? [] : key.filter((m) => dateOf(m) !== undefined);
    if (key.length === 0) lacking("missedKeyMilestones", "no-data", "no key milestone recorded");
    else if (typeof inForce === "string") lacking("missedKeyMilestones", "no-baseline", inForce);
    else if (baselined.length === 0) lacking("missedKeyMilestones", "no-baseline", inForce === undefined ? "no key milestone has a baseline day" : `no key milestone is in baseline ${inForce.baseline.number}`);
    else {
      // Achieved after asOf means not achieved yet on asOf.
      const missed = baselined.filter((m) => dateOf(m)! < asOf && (m.actualDate === undefined || m.actualDate > asOf)).map((m) => m.id);
      count("missedKeyMilestones", missed, inForce === undefined
        ? { note: "each milestone's own baselineDate (no baseline given)" }
        : { note: `milestone dates of ${inForce.note}${added[0] ? `; not counted, not in it: ${added.join(", ")}` : ""}`, baseline: inForce.baseline.number });
    }
  }
  if (project.risks) {
    const raised = project.risks.filter((r) => r.projectId === project.id && r.raisedOn <= asOf);
    const p = decimal(how.highRiskProbability);
    // As riskScore rates it: probability band × impact against the matrix's highFrom.
    const { riskMatrix: matrix, riskBands: bands } = how;
    if (bands && matrix) {
      // The matrix reads impact on the 1–5 scale; 7 would score off it (and rate high).
      project.risks.forEach((r, i) => {
        if (!Number.isInteger(r.impact) || r.impact < 1 || r.impact > 5) throw ValidationError.single(["project", "risks", i, "impact"], "impact is on the 1–5 scale", "RAG status");
      });
    }
    type Rated = Pick<Risk, "probability" | "impact">;
    const high = bands && matrix ? (r: Rated) => rateOnMatrix(bands, matrix, r.probability, r.impact).rating === "high" : (r: Rated) => r.probability.gte(p);
    const more = matrix ? { note: `probability × impact score ≥ ${matrix.highFrom} on the risk matrix` } : {};
    if (raised.length === 0) lacking("highRisksPending", "no-data", `no risk raised by ${asOf}`);
    else {
      const unknown: { id: string; why: string }[] = [];
      const assumed: typeof unknown = [];
      // High by the assessment in force on asOf; without a history, by the current one, said so when it changed since.
      const pending = raised.filter((r) => {
        const at = ["project", "risks", project.risks!.indexOf(r)];
        if (!riskPendingOn(r, asOf, at, "RAG status")) return false;
        const then = riskAssessmentOn(r, asOf, at, "RAG status");
        if (then.why) assumed.push({ id: r.id, why: then.why });
        // Occurred without its day yet pending on asOf (before its updatedAt day): counted only because the day is
        // unknown, so flagged with the closing-day rule's why (as contingencyReserve flags it); not before an earlier
        // closing it was reopened from (it had not occurred this time yet, for sure).
        if (!high(then)) return false;
        // Pending, so in no closing on asOf: one reopened after it is wholly after it (closingAfter, without the check).
        if (r.status === "occurred" && !r.occurredOn && !r.closings?.some((c) => c.reopenedOn > asOf)) unknown.push({ id: r.id, why: unknownClosingWhy("occurred", closingDay(r, undefined, [], "RAG status"), asOf, "pending") });
        return true;
      });
      count("highRisksPending", pending.map((r) => r.id), { ...more, ...(unknown[0] && { statusUnknown: unknown }), ...(assumed[0] && { currentAssessmentUsed: assumed }) });
    }
  }
  if (project.issues) {
    const raised = project.issues.filter((i) => i.projectId === project.id && i.raisedOn <= asOf);
    if (raised.length === 0) lacking("openCriticalIssues", "no-data", `no issue raised by ${asOf}`);
    else count("openCriticalIssues", raised.filter((i) => i.severity === "critical" && issueOpenOn(i, asOf)).map((i) => i.id));
  }
  if (given.finishSlipDays === undefined && project.forecastFinish !== undefined) {
    // Against the finish of the baseline in force (its latest frozen package finish), as the milestones are; the
    // project's own plannedFinish moves with re-planning and only stands in when no baseline is given.
    const inForce = baseline();
    const frozen = typeof inForce === "object" ? inForce.baseline.workPackages.reduce<IsoDate | undefined>((last, w) => (last === undefined || w.plannedFinish > last ? w.plannedFinish : last), undefined) : undefined;
    const planned = inForce === undefined ? project.plannedFinish : frozen;
    const working = how.finishSlipUnit === "working-days";
    if (typeof inForce === "string") lacking("finishSlipDays", "no-baseline", inForce);
    else if (planned === undefined) {
      if (inForce !== undefined) lacking("finishSlipDays", "no-baseline", `baseline ${inForce.baseline.number} has no work package`);
    } else {
      const days = working ? workingDaysBetween(how.calendar ?? STANDARD_CALENDAR, planned, project.forecastFinish) : differenceInDays(project.forecastFinish, planned);
      figures["finishSlipDays"] = metric(decimal(days));
      const unit = working ? "working days" : "calendar days";
      derived["finishSlipDays"] = inForce === undefined
        ? { value: String(days), from: [`forecast ${project.forecastFinish}`, `planned ${planned}`], note: unit }
        : { value: String(days), from: [`forecast ${project.forecastFinish}`, `baseline finish ${planned}`], note: `${unit}; finish of ${inForce.note}`, baseline: inForce.baseline.number };
    }
  }
  return { figures: figures as RagFigures, derived };
}
