import { decimal, differenceInDays, metric, missing, type Decimal, type IsoDate, type Metric } from "../core/index.js";
import type { Issue, Milestone, Risk } from "../entities/index.js";
import type { RagFigures } from "./rag-figures.js";
import { issueOpenOn, riskPendingOn } from "./as-of.js";
import { requireUniqueIds } from "./unique.js";

/**
 * A figure `ragStatus` derived from the project's data, with the records behind it — or, when the data cannot give
 * it (an empty register, key milestones without a baseline day), the reason it is missing and a note in words.
 */
export interface DerivedRagFigure {
  /** The figure as an exact decimal string ("1"); absent when it could not be derived. */
  readonly value?: string;
  /** Why it could not be derived (`no-data`: nothing recorded; `no-baseline`: no key milestone has a baseline day). */
  readonly reason?: string;
  /** The reason in words ("no key milestone recorded"). */
  readonly note?: string;
  /** Ids of the records counted, or the dates compared. */
  readonly from: readonly string[];
}

/** What `ragStatus` reads about the project besides the figures (a `Project` entity fits, plus its RAID and milestones). */
export interface RagProject {
  /** Project id (RAID and milestones of other projects are ignored). */
  readonly id: string;
  /** Baseline finish. */
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

/**
 * Derives the counts the default rules read from the project's records, as of `asOf`. An empty register is no data,
 * not a zero: a project without key milestones has not "missed none" (issue 17), so the figure is missing with
 * reason `no-data` and its rule does not rate. A figure given in `given` wins and is not derived.
 *
 * @example
 * ```ts
 * deriveRagFigures({ id: "P", milestones: [] }, isoDate("2026-11-20"), "0.7", {}).derived["missedKeyMilestones"];
 * // { reason: "no-data", note: "no key milestone recorded", from: [] }
 * ```
 */
export function deriveRagFigures(project: RagProject, asOf: IsoDate, highRiskProbability: string, given: RagFigures) {
  // A record listed twice would be counted twice.
  if (Array.isArray(project.milestones)) requireUniqueIds(project.milestones, ["project", "milestones"], "RAG status");
  if (Array.isArray(project.risks)) requireUniqueIds(project.risks, ["project", "risks"], "RAG status");
  if (Array.isArray(project.issues)) requireUniqueIds(project.issues, ["project", "issues"], "RAG status");
  const figures: Record<string, unknown> = { ...given };
  const derived: Record<string, DerivedRagFigure> = {};
  const count = (name: keyof RagFigures, ids: string[]) => {
    if (given[name] !== undefined) return;
    figures[name] = metric(decimal(ids.length)) satisfies Metric<Decimal>;
    derived[name] = { value: String(ids.length), from: ids };
  };
  const lacking = (name: keyof RagFigures, reason: string, note: string) => {
    if (given[name] !== undefined) return;
    figures[name] = missing(reason, note) satisfies Metric<Decimal>;
    derived[name] = { reason, note, from: [] };
  };
  if (project.milestones) {
    const key = project.milestones.filter((m) => m.projectId === project.id && m.key);
    const baselined = key.filter((m) => m.baselineDate !== undefined);
    if (key.length === 0) lacking("missedKeyMilestones", "no-data", "no key milestone recorded");
    else if (baselined.length === 0) lacking("missedKeyMilestones", "no-baseline", "no key milestone has a baseline day");
    else {
      // Achieved after asOf means not achieved yet on asOf.
      count("missedKeyMilestones", baselined.filter((m) => m.baselineDate! < asOf && (m.actualDate === undefined || m.actualDate > asOf)).map((m) => m.id));
    }
  }
  if (project.risks) {
    const raised = project.risks.filter((r) => r.projectId === project.id && r.raisedOn <= asOf);
    const p = decimal(highRiskProbability);
    if (raised.length === 0) lacking("highRisksPending", "no-data", `no risk raised by ${asOf}`);
    else count("highRisksPending", raised.filter((r) => riskPendingOn(r, asOf) && r.probability.gte(p)).map((r) => r.id));
  }
  if (project.issues) {
    const raised = project.issues.filter((i) => i.projectId === project.id && i.raisedOn <= asOf);
    if (raised.length === 0) lacking("openCriticalIssues", "no-data", `no issue raised by ${asOf}`);
    else count("openCriticalIssues", raised.filter((i) => i.severity === "critical" && issueOpenOn(i, asOf)).map((i) => i.id));
  }
  if (given.finishSlipDays === undefined && project.plannedFinish !== undefined && project.forecastFinish !== undefined) {
    const days = differenceInDays(project.forecastFinish, project.plannedFinish);
    figures["finishSlipDays"] = metric(decimal(days));
    derived["finishSlipDays"] = { value: String(days), from: [`forecast ${project.forecastFinish}`, `planned ${project.plannedFinish}`] };
  }
  return { figures: figures as RagFigures, derived };
}
