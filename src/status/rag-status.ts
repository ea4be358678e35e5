import { checkOptionKeys, decimal, isIsoDate, ValidationError, type Decimal, type DecimalInput, type IsoDate, type WorkingCalendar } from "../core/index.js";
import { fail, requireArray, requireObject } from "../core/guard.js";
import type { StatusReport } from "../entities/index.js";
import { ownEntry } from "../core/own.js";
import { evaluateRagRule, type RagColour, type RuleResult } from "./rag-evaluate.js";
import { DECIMAL_FIGURES, type RagFigures } from "./rag-figures.js";
import { DEFAULT_RAG_RULES, decodeRagRules } from "./rag-rules.js";
import { deriveRagFigures, type DerivedRagFigure, type RagDerivation, type RagProject } from "./rag-derived.js";
import { insufficientData, type InsufficientData } from "./rag-overall.js";
import { checkMatrix, DEFAULT_RISK_MATRIX, type RiskMatrix } from "./risk-matrix.js";

/**
 * The RAG dimensions, in report order.
 *
 * @example
 * ```ts
 * RAG_DIMENSIONS[0]; // "schedule"
 * ```
 */
export const RAG_DIMENSIONS = ["schedule", "cost", "scope", "quality", "risks-and-issues", "resources", "readiness"] as const;
/** A RAG dimension. */
export type RagDimension = (typeof RAG_DIMENSIONS)[number];

/**
 * A manual overall colour: the colour, why (required) and who. When it comes from a published status report
 * (`statusReportInForce` gives it so), it also names the report, its date, the colour the report's own dimensions gave
 * (`computedThen`) and, when the report is stale, why; `ragStatus` keeps these as given for the reports to show.
 */
export interface RagOverride {
  /** The colour. */
  readonly colour: RagColour;
  /** Why the computed colour was overridden. */
  readonly comment: string;
  /** Who overrode it (a person id). */
  readonly by: string;
  /** The status report the override was published in. */
  readonly reportId?: string;
  /** That report's as-of date. */
  readonly asOf?: IsoDate;
  /** The worst colour of that report's rated dimensions: the computed colour the override departed from then. */
  readonly computedThen?: RagColour;
  /**
   * Why that report had no computed colour (in place of `computedThen`): it rated fewer dimensions than the minimum
   * (`"1 dimension rated in SR-P-10, at least 2 needed"`). `unrated` is empty: a report keeps its rated dimensions only.
   */
  readonly insufficientDataThen?: InsufficientData<RagDimension>;
  /** Why that report is stale (older than the staleness rule), when it is. */
  readonly stale?: string;
}

/** Options of {@link ragStatus}. */
export interface RagStatusOptions {
  /** Status date. */
  readonly asOf: IsoDate;
  /** Rules (default {@link DEFAULT_RAG_RULES}). */
  readonly rules?: readonly unknown[];
  /** Figures. A figure given here wins over one derived from the project's data. */
  readonly figures?: RagFigures;
  /**
   * The previous report of the same project, for rules that look at persistence (resources); older than `asOf`. Each
   * rule reads its own colour there (`ruleColours`, written by `createStatusReport`), even under a dimension another
   * rule decided.
   */
  readonly previous?: StatusReport;
  /** A manual overall colour; the comment is required. */
  readonly override?: RagOverride;
  /**
   * How `highRisksPending` tells a high risk: `"probability"` (default) — probability ≥ `highRiskProbability` — or
   * `"score"` — `riskScore` on `riskMatrix` rates it high (probability band × impact ≥ the matrix's `highFrom`), so
   * a likely but trivial risk does not count and an unlikely but severe one does.
   */
  readonly highRisk?: "probability" | "score";
  /**
   * Probability from which a pending risk counts as high, 0 to 1 — a decimal string (`"0.7"`) or a finite number
   * (default 0.7, ServiceNow's High/Absolute); with `highRisk: "probability"`.
   */
  readonly highRiskProbability?: DecimalInput;
  /** The matrix of `highRisk: "score"` (default `DEFAULT_RISK_MATRIX`: high from score 15). */
  readonly riskMatrix?: RiskMatrix;
  /**
   * Fewest rated dimensions for an overall colour (a whole number ≥ 1). Default 2, or the number of dimensions that
   * have rules when fewer do. With fewer rated, the overall status is `insufficientData`, never a colour.
   */
  readonly minimumRatedDimensions?: number;
  /**
   * The baseline number whose milestone dates `missedKeyMilestones` reads, as `earnedValue`'s `baseline` (0–10).
   * Default: the one in force on `asOf` among `project.baselines` — the active one if captured by then, else the
   * highest captured by then. One that is not among the baselines leaves the count missing (`no-baseline`).
   */
  readonly baseline?: number;
  /**
   * Unit of the derived `finishSlipDays`: `"calendar-days"` (default; the default tolerance of 20 is calendar days)
   * or `"working-days"` on `calendar`, as milestone slips are counted.
   */
  readonly finishSlipUnit?: "calendar-days" | "working-days";
  /** Working calendar for `finishSlipUnit: "working-days"` (default `STANDARD_CALENDAR`: Monday–Friday). */
  readonly calendar?: WorkingCalendar;
}

const FIGURE_KEYS: Readonly<Record<string, 1>> = Object.fromEntries([...DECIMAL_FIGURES, "eac", "bac", "custom"].map((k) => [k, 1]));

const RAG_STATUS_OPTION_KEYS = {
  asOf: 1, rules: 1, figures: 1, previous: 1, override: 1, highRisk: 1, highRiskProbability: 1, riskMatrix: 1,
  minimumRatedDimensions: 1, baseline: 1, finishSlipUnit: 1, calendar: 1,
} satisfies Record<keyof RagStatusOptions, 1>;

/** The colour of one dimension, with every rule result that produced it. */
export interface DimensionStatus {
  /** The dimension. */
  readonly dimension: RagDimension;
  /** Worst colour among the rules that could rate; `undefined` when none could. */
  readonly colour: RagColour | undefined;
  /** The rule results. */
  readonly rules: readonly RuleResult[];
  /** The deciding rules' explanations, joined ("spi 0.92 ≥ 0.85 and < 0.95 → amber"), or why there is no colour. */
  readonly comment: string;
  /** Ids of the rules that gave the dimension's colour. */
  readonly decidedBy: readonly string[];
  /** True when at least one rule could not rate (a figure is missing), so the colour rests on part of the rules. */
  readonly partial: boolean;
}

/** What {@link ragStatus} returns. */
export interface RagStatus {
  /** Project id. */
  readonly projectId: string;
  /** Status date. */
  readonly asOf: IsoDate;
  /** Every dimension that has rules. */
  readonly dimensions: readonly DimensionStatus[];
  /**
   * Overall colour: the worst dimension, unless overridden with a comment. With too few rated dimensions there is no
   * computed colour and `insufficientData` says which dimensions are unrated.
   */
  readonly overall: {
    readonly colour: RagColour | undefined;
    readonly computed: RagColour | undefined;
    readonly worstDimensions: readonly RagDimension[];
    readonly override?: RagOverride;
    readonly insufficientData?: InsufficientData<RagDimension>;
  };
  /** Figures pmokit derived from the project's data, with the records behind them (or why they could not be). */
  readonly derived: Readonly<Record<string, DerivedRagFigure>>;
}

const RANK: Record<RagColour, number> = { green: 0, amber: 1, red: 2 };
// The worse of two colours (an undefined one never wins): the rule of a dimension and of the overall colour.
const worse = (w: RagColour | undefined, c: RagColour | undefined) => (c !== undefined && (w === undefined || RANK[c] > RANK[w]) ? c : w);
/** A ValidationError of `ragStatus` at `path`. */
const bad = (path: (string | number)[], message: string) => ValidationError.single(path, message, "RAG status");

function checkOverride(o: NonNullable<RagStatusOptions["override"]>): void {
  if (o.colour !== "green" && o.colour !== "amber" && o.colour !== "red") throw bad(["override", "colour"], `expected green, amber or red, got ${String(o.colour)}`);
  if (typeof o.comment !== "string" || !o.comment.trim()) throw bad(["override", "comment"], "an overridden overall colour needs a comment");
  if (typeof o.by !== "string" || !o.by.trim()) throw bad(["override", "by"], "an overridden overall colour names who overrode it");
}

// Above 1 no risk could count and the risk rule would be green whatever the register holds; below 0 every risk would.
// A decimal string or a finite number, as every other decimal input (an SLO, a tolerance) takes it.
function highRiskProbability(p: DecimalInput | undefined): Decimal {
  if (p === undefined) return decimal("0.7");
  let d;
  try {
    d = decimal(p);
  } catch {
    // not a decimal: refused below
  }
  if (!d?.gte(0) || !d.lte(1)) throw bad(["highRiskProbability"], `expected a probability from "0" to "1", got ${typeof p === "object" ? String(p) : JSON.stringify(p)}`);
  return d;
}

// Each convention reads its own option; an option of the other one would be silently ignored.
function highRiskConvention(o: RagStatusOptions): Pick<RagDerivation, "riskMatrix" | "riskBands"> {
  const { highRisk, riskMatrix } = o;
  if (highRisk !== undefined && highRisk !== "probability" && highRisk !== "score") throw bad(["highRisk"], `expected "probability" or "score"`);
  if (highRisk !== "score") {
    if (riskMatrix !== undefined) throw bad(["riskMatrix"], `read only with highRisk "score"`);
    return {};
  }
  if (o.highRiskProbability !== undefined) throw bad(["highRiskProbability"], `not read with highRisk "score"`);
  if (riskMatrix !== undefined) requireArray(requireObject<typeof riskMatrix>(riskMatrix, ["riskMatrix"], "ragStatus").probabilityBands, ["riskMatrix.probabilityBands"], "ragStatus");
  const matrix = riskMatrix ?? DEFAULT_RISK_MATRIX;
  return { riskMatrix: matrix, riskBands: checkMatrix(matrix, ["riskMatrix"]) };
}

/**
 * Computes the RAG status of a project per dimension (schedule, cost, scope, quality, risks and issues, resources,
 * readiness) from configurable rules. A dimension's colour is the worst colour among its rules that could rate; a
 * rule whose figure is missing does not rate (and says which figure and why), it never guesses a colour. Overall =
 * the worst dimension, unless overridden — and an override must carry a comment.
 *
 * Counts are derived from the project's data when not supplied, as of `asOf` (what happened after it is ignored):
 * missed key milestones (key, baseline day before `asOf`, no actual day by `asOf`), pending high risks (raised by
 * `asOf`, open or monitoring — or closed only after `asOf` — with probability ≥ 0.7, or rated high on the risk matrix
 * with `highRisk: "score"`, by the assessment in force on `asOf`; a risk without assessment history changed since is
 * rated on its current values and listed in `derived.highRisksPending.currentAssessmentUsed`), open critical issues (raised
 * by `asOf`, open or in progress — or resolved only after `asOf`), finish slip (forecast − planned finish, in
 * calendar days, or working days with `finishSlipUnit: "working-days"`).
 *
 * The baseline day of a milestone is its date in the baseline `earnedValue` measures against on `asOf` (the one asked
 * for in `baseline`; else the project's `activeBaseline` if captured by `asOf`, else the highest captured by then),
 * when the project's `baselines` are given; `derived.missedKeyMilestones` names it (`baseline`, `note`). With no
 * baseline of the project given and none asked for, each milestone's own `baselineDate`. Key-ness is the live
 * milestone's `key` (as `milestoneSlips` reports it); a key milestone the baseline does not hold is not counted, and
 * the note names it (`…; not counted, not in it: ms-new`).
 * An empty register is no data, not a zero: without key milestones (or risks, or issues raised by `asOf`) the count
 * is missing (`no-data`) and its rule does not rate. Fewer rated dimensions than `minimumRatedDimensions` give no
 * overall colour but `overall.insufficientData` — never green from nothing.
 *
 * @throws {ValidationError} when `asOf` is not a calendar date `YYYY-MM-DD` (path `["asOf"]`).
 * @throws {ValidationError} for bad rules (unknown figures, inverted thresholds), an override that is not a colour with
 *   a comment and an author, a `previous` report of another project or not older than `asOf`, a
 *   `highRiskProbability` outside 0–1, a `highRisk` that is neither convention, a `highRiskProbability` with `"score"`
 *   or a `riskMatrix` without it, a malformed `riskMatrix` (path `["riskMatrix", …]`), with `"score"` a risk impact off the 1–5
 *   scale (path `["project", "risks", i, "impact"]`), a key of `figures` that names no figure (path `["figures", key]`;
 *   your own go under `custom`), a figure that is not a Metric of a finite Decimal, a risk, issue or milestone listed twice, a minimum that is not a whole number ≥ 1, a `baseline` outside 0–10, a `finishSlipUnit` that is
 *   neither unit, or a `calendar` not made by `createWorkingCalendar` (with working days).
 * @throws {CurrencyMismatchError} when a forecast-vs-budget rule reads an EAC and a BAC in different currencies.
 * @example
 * ```ts
 * const s = ragStatus({ id: "PRJ-WMS", milestones, risks, issues }, {
 *   asOf: isoDate("2026-11-20"), figures: { spi: metric(decimal("0.65")), cpi: metric(decimal("0.88")) },
 * });
 * s.dimensions.find((d) => d.dimension === "schedule")?.colour; // "red"
 * s.overall.colour; // "red"
 * ```
 */
export function ragStatus(project: RagProject, options: RagStatusOptions): RagStatus {
  // What checkArguments would check, without its table of every other kind (this bundle's size budget).
  requireObject(project, ["project"], "ragStatus");
  requireObject(options, ["options"], "ragStatus");
  if (!isIsoDate(options.asOf)) fail(["asOf"], "a calendar date YYYY-MM-DD", options.asOf, "ragStatus");
  for (const k of ["figures", "override", "previous"] as const) if (options[k] !== undefined) requireObject(options[k], [k], "ragStatus");
  if (options.rules !== undefined) requireArray(options.rules, ["rules"], "ragStatus");
  checkOptionKeys("ragStatus", options, RAG_STATUS_OPTION_KEYS);
  const given = options.figures ?? {};
  // A figure under a name no rule reads (`openCriticalIssue`, `SPI`) was dropped, and the count derived from the
  // records coloured its dimension instead (green from a register's 0 where the caller gave 2 critical issues).
  checkOptionKeys("ragStatus figures", given, FIGURE_KEYS, ["figures"]);
  const rules = decodeRagRules(options.rules ?? DEFAULT_RAG_RULES, Object.keys(given.custom ?? {}));
  if (options.override !== undefined) checkOverride(options.override);
  // Persistence rules read the previous report's colours: another project's report would colour this one.
  const before = options.previous;
  if (before && before.projectId !== project.id) throw bad(["previous", "projectId"], `previous report is for ${before.projectId}, not ${project.id}`);
  if (before && before.asOf >= options.asOf) throw bad(["previous", "asOf"], `previous report (as of ${before.asOf}) is not older than ${options.asOf}`);
  const minimum = options.minimumRatedDimensions;
  if (minimum !== undefined && (!Number.isInteger(minimum) || minimum < 1)) {
    throw bad(["minimumRatedDimensions"], `a whole number ≥ 1, not ${minimum}`);
  }
  const { baseline, finishSlipUnit: unit } = options;
  if (baseline !== undefined && (!Number.isInteger(baseline) || baseline < 0 || baseline > 10)) throw bad(["baseline"], "baseline numbers are 0–10");
  if (unit !== undefined && unit !== "calendar-days" && unit !== "working-days") {
    throw bad(["finishSlipUnit"], `expected "calendar-days" or "working-days", got ${JSON.stringify(unit)}`);
  }
  const how = { asOf: options.asOf, highRiskProbability: highRiskProbability(options.highRiskProbability), ...highRiskConvention(options), baseline, finishSlipUnit: unit, calendar: options.calendar };
  const { figures, derived } = deriveRagFigures(project, how, given);
  // Persistence is read per rule: its own colour in `ruleColours` (createStatusReport writes every rated rule's), else
  // the dimension's colour when the report names the rule among the deciding ones (`rule`), or names none.
  const previous: Record<string, RagColour> = {};
  for (const e of before?.ragByDimension ?? []) {
    for (const r of rules) {
      const own = e.ruleColours ? ownEntry(e.ruleColours, r.id) : !e.rule || e.rule.split(", ").includes(r.id) ? e.colour : undefined;
      if (own && r.dimension === e.dimension) previous[r.id] = own;
    }
  }

  const dimensions: DimensionStatus[] = [];
  for (const dimension of RAG_DIMENSIONS) {
    const results = rules.filter((r) => r.dimension === dimension).map((r) => evaluateRagRule(r, figures, previous));
    if (results.length === 0) continue;
    const rated = results.filter((r) => r.colour !== undefined);
    const colour = rated.reduce<RagColour | undefined>((w, r) => worse(w, r.colour), undefined);
    const deciding = rated.filter((r) => r.colour === colour);
    dimensions.push({
      dimension,
      colour,
      rules: results,
      comment: colour === undefined ? `not rated: ${results.map((r) => r.explanation).join("; ")}` : deciding.map((r) => r.explanation).join("; "),
      decidedBy: deciding.map((r) => r.ruleId),
      partial: rated.length < results.length,
    });
  }
  const short = insufficientData(dimensions, minimum);
  const computed = short
    ? undefined
    : dimensions.reduce<RagColour | undefined>((w, d) => worse(w, d.colour), undefined);
  const worstDimensions = computed === undefined ? [] : dimensions.filter((d) => d.colour === computed).map((d) => d.dimension);
  const override = options.override ? { ...options.override, comment: options.override.comment.trim() } : undefined;
  return {
    projectId: project.id,
    asOf: options.asOf,
    dimensions,
    overall: {
      colour: override?.colour ?? computed,
      computed,
      worstDimensions,
      ...(override ? { override } : {}),
      ...(short ? { insufficientData: short } : {}),
    },
    derived,
  };
}
