import { checkArguments, checkOptionKeys, differenceInDays, ValidationError, type IsoDate } from "../core/index.js";
import type { StatusReport } from "../entities/index.js";
import type { RagColour } from "./rag-evaluate.js";
import type { RagOverride } from "./rag-status.js";
import { insufficientData } from "./rag-overall.js";

/** Options of {@link statusReportInForce}. */
export interface StatusReportInForceOptions {
  /** The project whose report is wanted (reports of other projects are ignored). */
  readonly projectId: string;
  /** The status date: a report dated (`asOf`) after it is ignored. */
  readonly asOf: IsoDate;
  /**
   * Calendar days after its as-of date from which a report is stale (a whole number ≥ 0; default 31, one monthly
   * reporting cycle: a report as of 2026-09-30 is stale on 2026-11-01, 32 days later, not on 2026-10-31).
   */
  readonly staleAfterDays?: number;
  /**
   * Fewest rated dimensions for the report's own computed colour (`computedThen`), as `ragStatus`'s option of the same
   * name (a whole number ≥ 1; default 2). With fewer rated in the report, `insufficientDataThen` says so instead.
   */
  readonly minimumRatedDimensions?: number;
}
const IN_FORCE_OPTION_KEYS = { projectId: 1, asOf: 1, staleAfterDays: 1, minimumRatedDimensions: 1 } satisfies Record<keyof StatusReportInForceOptions, 1>;

/** The published status report in force at a status date, as {@link statusReportInForce} picks it. */
export interface PublishedStatus {
  /** The report. */
  readonly report: StatusReport;
  /** Calendar days from the report's as-of date to the status date (0 when dated on it). */
  readonly ageDays: number;
  /** Why the report is stale (`"51 days old on 2026-11-20, more than 31"`: as of 2026-09-30); absent when it is not. */
  readonly stale?: string;
  /** The report's overall override, in the form `ragStatus`'s `override` option takes; absent when the report has none. */
  readonly override?: RagOverride & Required<Pick<RagOverride, "reportId" | "asOf">>;
}

const RANK: Record<RagColour, number> = { green: 0, amber: 1, red: 2 };

/**
 * The project's status report in force at the status date: the latest published one dated (`asOf`) on or before it;
 * among reports of the same date, the one published last (a correction is a new report), then the greatest id. A
 * report dated after the status date is ignored, whenever it was published (its figures are of a later day). Every
 * stored report is published (`publishedAt` is required): there is no draft to skip.
 *
 * The report's overall `override` (who overrode the colour the rules gave, and why) comes back ready for `ragStatus`,
 * with the report's id and date and `computedThen`, the worst colour of the report's rated dimensions (the colour the
 * override departed from) — or, when the report rated fewer dimensions than `minimumRatedDimensions` (default 2, as
 * `ragStatus`), no `computedThen` but `insufficientDataThen`, the reason there was no computed colour then. A report older than `staleAfterDays` is flagged (`stale`, also on the override): its
 * override still stands — it is the project manager's last published word — and says how old it is.
 *
 * @throws {ValidationError} when `asOf` is not a `YYYY-MM-DD` date, `reports` is not an array of objects or
 *   `staleAfterDays` is not a whole number ≥ 0 (path `["staleAfterDays"]`), or `minimumRatedDimensions` not a whole
 *   number ≥ 1 (path `["minimumRatedDimensions"]`).
 * @example
 * ```ts
 * const office = sampleOfficeRecords();
 * const p = statusReportInForce(office["status-report"], { projectId: "PRJ-DCX", asOf: isoDate("2026-11-20") });
 * p?.report.id; // "SR-DCX-2026-10" (as of 2026-10-30: 21 days, not stale)
 * p?.override;  // { colour: "amber", comment: "Computed green, published amber: …", by: "p-frank-meyer", reportId: "SR-DCX-2026-10", asOf: "2026-10-30", computedThen: "green" }
 * ragStatus(project, { asOf, figures, ...(p?.override ? { override: p.override } : {}) });
 * ```
 */
export function statusReportInForce(reports: readonly StatusReport[], options: StatusReportInForceOptions): PublishedStatus | undefined {
  checkArguments("statusReportInForce", { reports: [reports, "object[]"], options: [options, "object"] });
  checkOptionKeys("statusReportInForce", options, IN_FORCE_OPTION_KEYS);
  const { projectId, asOf, staleAfterDays = 31, minimumRatedDimensions: minimum = 2 } = options;
  checkArguments("statusReportInForce", { projectId: [projectId, "string"], asOf: [asOf, "date"] });
  if (!Number.isInteger(staleAfterDays) || staleAfterDays < 0) {
    throw ValidationError.single(["staleAfterDays"], `expected a whole number of days ≥ 0, got ${String(staleAfterDays)}`, "status report in force");
  }
  if (!Number.isInteger(minimum) || minimum < 1) {
    throw ValidationError.single(["minimumRatedDimensions"], `expected a whole number ≥ 1, got ${String(minimum)}`, "status report in force");
  }
  // Latest as-of date, then latest publication, then greatest id: the same pick whatever order the reports come in.
  const key = (r: StatusReport) => [r.asOf, r.publishedAt, r.id] as const;
  const later = (a: StatusReport, b: StatusReport) => key(a).join("\u0000") > key(b).join("\u0000");
  const report = reports.filter((r) => r.projectId === projectId && r.asOf <= asOf).reduce<StatusReport | undefined>((best, r) => (best === undefined || later(r, best) ? r : best), undefined);
  if (report === undefined) return undefined;
  const ageDays = differenceInDays(asOf, report.asOf);
  const stale = ageDays > staleAfterDays ? `${ageDays} days old on ${asOf}, more than ${staleAfterDays}` : undefined;
  const o = report.overall.override;
  // As ragStatus: with fewer rated dimensions than the minimum there was no computed colour then, only the shortfall.
  // The report keeps its rated dimensions only, so the unrated ones are not known (`unrated` is empty).
  const rated = report.ragByDimension.map((d) => d.dimension);
  const short = insufficientData(report.ragByDimension, minimum);
  const insufficientDataThen = short && { ...short, unrated: [], explanation: `${rated.length} dimension${rated.length === 1 ? "" : "s"} rated in ${report.id}, at least ${minimum} needed` };
  const computedThen = short ? undefined : report.ragByDimension.reduce<RagColour | undefined>((w, d) => (w === undefined || RANK[d.colour] > RANK[w] ? d.colour : w), undefined);
  const override = o && {
    colour: report.overall.colour, comment: o.comment, by: o.by, reportId: report.id, asOf: report.asOf,
    ...(computedThen ? { computedThen } : {}), ...(insufficientDataThen ? { insufficientDataThen } : {}), ...(stale ? { stale } : {}),
  };
  return { report, ageDays, ...(stale ? { stale } : {}), ...(override ? { override } : {}) };
}
