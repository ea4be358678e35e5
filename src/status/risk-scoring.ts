import {
  checkArguments, checkOptionKeys,
  isIsoDate,
  isMoney,
  metric,
  missing,
  multiplyMoney,
  sumMoney,
  toDecimalString,
  ValidationError,
  type CurrencyCode,
  type Decimal,
  type IsoDate,
  type Metric,
  type Money,
  type ValidationIssue,
  PmoDecimal,
} from "../core/index.js";
import type { Risk } from "../entities/index.js";
import { closedThen, riskAssessmentOn, riskOccurrence, riskPendingOn } from "./as-of.js";
import type { StatusUnknown } from "./raid-log.js";
import { requireUniqueIds } from "./unique.js";

export { DEFAULT_RISK_MATRIX, type RiskMatrix } from "./risk-matrix.js";
import { checkMatrix, rateOnMatrix, DEFAULT_RISK_MATRIX, type RiskMatrix } from "./risk-matrix.js";

/** A risk's position in the matrix. */
export interface RiskScore {
  /** Risk id. */
  readonly riskId: string;
  /** Probability band, 1…number of bands. */
  readonly probabilityBand: number;
  /** Impact, 1–5. */
  readonly impact: number;
  /** Band × impact. */
  readonly score: number;
  /** `low`, `medium` or `high`. */
  readonly rating: "low" | "medium" | "high";
  /** "p 0.6 → band 4; 4 × impact 4 = 16 ≥ 15 → high". */
  readonly explanation: string;
  /**
   * With `asOf`, when the risk keeps no assessment history (`assessments`) and changed after `asOf`: it was scored on
   * its current values, a stated convention, and this says so ("assessment with no day recorded, known only from …").
   */
  readonly currentAssessmentUsed?: string;
}

/** The options of {@link riskScore} and {@link expectedMonetaryValue}. */
export interface RiskAsOfOptions {
  /**
   * The day judged: read the assessment in force then (`assessments`: an earlier probability, impact and cost impact,
   * each replaced on its `reassessedOn`). Default: the current values, whatever day it is.
   */
  readonly asOf?: IsoDate;
}

/** A risk as {@link riskScore} and {@link expectedMonetaryValue} read it; with `asOf`, its `raisedOn`, `assessments` and `updatedAt` too. */
type RiskAsOf = Partial<Pick<Risk, "raisedOn" | "assessments" | "updatedAt">>;


// A finite Decimal in 0–1: NaN compares false both ways, so it would pass a plain range check and fall in no band.
function checkProbability(p: unknown, subject: string): void {
  if (!PmoDecimal.isDecimal(p)) throw ValidationError.single(["risk", "probability"], "expected a Decimal probability (use decimal(\"0.6\"))", subject);
  if (!p.isFinite() || p.lt(0) || p.gt(1)) throw ValidationError.single(["risk", "probability"], "a probability is between 0 and 1", subject);
}

// The risk with the assessment in force on asOf (its own values without asOf), undefined when raised after asOf.
function assessedOn<R extends Pick<Risk, "probability" | "impact" | "costImpact"> & RiskAsOf>(risk: R, options: RiskAsOfOptions, fn: string): (R & { readonly currentAssessmentUsed?: string }) | undefined {
  checkArguments(fn, { options: [options, "object"] });
  checkOptionKeys(fn, options, { asOf: 1 } satisfies Record<keyof RiskAsOfOptions, 1>);
  const { asOf } = options;
  checkArguments(fn, { asOf: [asOf, "date?"] });
  if (asOf === undefined) return risk;
  if (!isIsoDate(risk.raisedOn)) throw ValidationError.single(["risk", "raisedOn"], "a risk judged as of a day needs its raisedOn", fn);
  if (risk.raisedOn > asOf) return undefined;
  const { why, ...then } = riskAssessmentOn(risk as unknown as Risk, asOf, ["risk"], fn);
  return { ...risk, costImpact: undefined, ...then, ...(why && { currentAssessmentUsed: why }) };
}

/**
 * Scores a risk on a probability × impact matrix.
 *
 * Without `asOf` it reads the risk's current probability and impact, whatever day it is. With `asOf` (as the other
 * as-of calculators take it) it reads the assessment in force on that day: an earlier one in `assessments` replaced
 * only after `asOf`, else the current values; a risk without that history that changed after `asOf` is scored on its
 * current values and says so in `currentAssessmentUsed` (as `contingencyReserve` lists it).
 *
 * @throws {ValidationError} for a malformed matrix (a `mediumFrom` or `highFrom` above its top cell, bands × 5, is
 *   refused: no risk could rate that high), a probability outside 0–1 (it would fall in no band), or an impact
 *   outside 1–5 (path `["risk", "impact"]`); with `asOf`, a day that is not a calendar date `YYYY-MM-DD` or is before
 *   the risk was raised (it had no assessment then; path `["asOf"]`), or a risk without `raisedOn` (path
 *   `["risk", "raisedOn"]`).
 * @example
 * ```ts
 * riskScore({ id: "RSK-1", probability: decimal("0.6"), impact: 4 }).score; // 16 (band 4 × impact 4)
 * riskScore(risk, DEFAULT_RISK_MATRIX, { asOf: isoDate("2026-02-15") }).score; // by the assessment in force on 02-15
 * ```
 */
export function riskScore(
  risk: Pick<Risk, "id" | "probability" | "impact"> & RiskAsOf,
  matrix: RiskMatrix = DEFAULT_RISK_MATRIX,
  options: RiskAsOfOptions = {},
): RiskScore {
  checkArguments("riskScore", { risk: [risk, "object"], matrix: [matrix, "object"] });
  const then = assessedOn({ ...risk, costImpact: undefined }, options, "riskScore");
  if (!then) throw ValidationError.single(["asOf"], `${risk.id} was raised on ${risk.raisedOn}, after ${options.asOf}: it had no assessment then`, "riskScore");
  const { currentAssessmentUsed } = then;
  risk = then;
  checkArguments("riskScore", { probabilityBands: [matrix.probabilityBands, "array"], impact: [risk.impact, "integer"] });
  checkProbability(risk.probability, "risk score");
  // The matrix reads impact on the office's 1–5 scale; 0, 6 or −3 would give a score off the matrix.
  if (risk.impact < 1 || risk.impact > 5) throw ValidationError.single(["risk", "impact"], `impact is on the 1–5 scale, not ${risk.impact}`, "risk score");
  const { band, score, rating } = rateOnMatrix(checkMatrix(matrix), matrix, risk.probability, risk.impact);
  const cut = rating === "high" ? `≥ ${matrix.highFrom}` : rating === "medium" ? `≥ ${matrix.mediumFrom}` : `< ${matrix.mediumFrom}`;
  return {
    riskId: risk.id,
    probabilityBand: band,
    impact: risk.impact,
    score,
    rating,
    explanation: `p ${toDecimalString(risk.probability)} → band ${band}; ${band} × impact ${risk.impact} = ${score} ${cut} → ${rating}`,
    ...(currentAssessmentUsed && { currentAssessmentUsed }),
  };
}

/**
 * Expected monetary value: probability × cost impact. An opportunity (negative cost impact) has a negative EMV
 * (plain 0 at probability 0).
 *
 * Without `asOf` it reads the risk's current probability and cost impact, whatever day it is. With `asOf` it reads
 * the assessment in force on that day, as {@link riskScore} does: an earlier assessment without a cost impact gives
 * `no-cost-impact`, a day before the risk was raised `not-yet-raised`, and a risk without assessment history that
 * changed after `asOf` is priced on its current values, said in `currentAssessmentUsed`.
 *
 * @throws {ValidationError} when the probability is not a Decimal between 0 and 1; with `asOf`, a day that is not a
 *   calendar date `YYYY-MM-DD` (path `["asOf"]`) or a risk without `raisedOn` (path `["risk", "raisedOn"]`).
 * @example
 * ```ts
 * expectedMonetaryValue(risk); // 0.4 × 50,000.00 EUR = { value: 20,000.00 EUR }, or { reason: "no-cost-impact" }
 * expectedMonetaryValue(risk, { asOf: isoDate("2026-02-15") }); // by the assessment in force on 02-15
 * ```
 */
export function expectedMonetaryValue(
  risk: Pick<Risk, "probability" | "costImpact"> & Partial<Pick<Risk, "impact">> & RiskAsOf,
  options: RiskAsOfOptions = {},
): Metric<Money> & { readonly currentAssessmentUsed?: string } {
  checkArguments("expectedMonetaryValue", { risk: [risk, "object"] });
  const then = assessedOn(risk as typeof risk & Pick<Risk, "impact">, options, "expectedMonetaryValue");
  if (!then) return missing("not-yet-raised");
  const { probability, costImpact, currentAssessmentUsed } = then;
  checkProbability(probability, "expected monetary value");
  if (costImpact !== undefined && !isMoney(costImpact)) throw ValidationError.single(["risk", "costImpact"], "expected money", "expected monetary value");
  // Judged on current values: said so on a missing figure too (its cost impact then is as unknown as its probability).
  return { ...(costImpact === undefined ? missing("no-cost-impact") : metric(multiplyMoney(costImpact, probability))), ...(currentAssessmentUsed && { currentAssessmentUsed }) };
}

/** What {@link contingencyReserve} returns. */
export interface ContingencyReserve {
  /** Σ EMV of the risks counted. */
  readonly total: Money;
  /** Each counted risk's EMV. */
  readonly contributions: readonly { readonly riskId: string; readonly probability: Decimal; readonly costImpact: Money; readonly emv: Money }[];
  /** Risks left out, and why (`closed`, `occurred`, `not-yet-raised`, `no-cost-impact`). */
  readonly excluded: readonly { readonly riskId: string; readonly reason: string }[];
  /**
   * Risks counted as pending on `asOf` only because the record cannot tell: status `occurred` without `occurredOn`,
   * judged before the UTC day of their `updatedAt` (empty without `asOf`).
   */
  readonly statusUnknown: readonly StatusUnknown[];
  /**
   * Pending risks judged on `asOf` with their current probability and cost impact although they may have differed then:
   * the risk keeps no assessment history (`assessments`) and changed after `asOf` — a stated convention, each with a
   * `why` (empty without `asOf`).
   */
  readonly currentAssessmentUsed: readonly StatusUnknown[];
  /**
   * True when a pending risk has no cost impact (listed in `excluded` as `no-cost-impact`), so `total` rests on part
   * of the pending risks: it is the reserve of the priced ones, not the full reserve, which is unknown.
   */
  readonly partial: boolean;
}

/**
 * Contingency reserve as the sum of the expected monetary values of the pending (open or monitored) risks.
 * Opportunities reduce it. Closed risks and risks that have occurred (now issues) are excluded, and so are risks
 * without a cost impact — each listed with its reason. A pending risk without a cost impact leaves the reserve
 * incomplete: `partial` is then true and `total` covers only the priced risks. With `asOf`, judged as of that day: a
 * risk raised after it is excluded (`not-yet-raised`), and one closed or occurred (`occurredOn`) after it was still
 * pending then; an occurred risk without `occurredOn` counts as occurred from the UTC day of its `updatedAt`, and
 * before that day as pending, listed with a `why` in `statusUnknown` (it used to be left out of every earlier reserve).
 * A pending risk is priced, as of `asOf`, by the assessment in force then (`assessments`: its earlier probability and
 * cost impact, each replaced on its `reassessedOn`); one without that history is priced by its current values, and when
 * it changed after `asOf` it is listed with a `why` in `currentAssessmentUsed` (it used to be priced by today's values
 * on every day, without saying so).
 *
 * @throws {ValidationError} when `asOf` is not a calendar date `YYYY-MM-DD` (path `["asOf"]`), or a risk id is
 *   listed twice (path `["risks", i, "id"]`).
 * @throws {CurrencyMismatchError} when a cost impact is not in `currency`.
 * @example
 * ```ts
 * contingencyReserve(risks, { currency: "EUR" }).total;   // Σ p × cost impact of the priced pending risks
 * contingencyReserve(risks, { currency: "EUR" }).partial; // true when a pending risk has no cost impact
 * contingencyReserve(risks, { currency: "EUR", asOf: isoDate("2026-06-30") }).excluded; // … { reason: "not-yet-raised" }
 * ```
 */
export function contingencyReserve(risks: readonly Risk[], options: { readonly currency: CurrencyCode; readonly asOf?: IsoDate }): ContingencyReserve {
  checkArguments("contingencyReserve", { risks: [risks, "object[]"], options: [options, "object"] });
  checkOptionKeys("contingencyReserve", options, { currency: 1, asOf: 1 } satisfies Record<keyof NonNullable<Parameters<typeof contingencyReserve>[1]>, 1>);
  checkArguments("contingencyReserve", { asOf: [options.asOf, "date?"] });
  const contributions: ContingencyReserve["contributions"][number][] = [];
  const excluded: { riskId: string; reason: string }[] = [];
  // The same risk twice would double its EMV in the reserve.
  requireUniqueIds(risks, ["risks"], "contingency reserve");
  const { asOf } = options;
  const statusUnknown: StatusUnknown[] = [];
  const currentAssessmentUsed: StatusUnknown[] = [];
  for (let [i, r] of risks.entries()) {
    const occurrence = asOf === undefined || r.raisedOn > asOf ? undefined : riskOccurrence(r, asOf, ["risks", i], "contingency reserve");
    if (asOf !== undefined && r.raisedOn > asOf) excluded.push({ riskId: r.id, reason: "not-yet-raised" });
    else if (asOf !== undefined && !riskPendingOn(r, asOf, ["risks", i], "contingency reserve")) {
      // In an earlier closing (reopened since), occurred if it had occurred by asOf, else closed.
      const earlier = closedThen(r, asOf);
      excluded.push({ riskId: r.id, reason: occurrence?.closed || (earlier?.occurredOn !== undefined && earlier.occurredOn <= asOf) ? "occurred" : earlier ? "closed" : r.status });
    }
    else if (asOf === undefined && (r.status === "closed" || r.status === "occurred")) excluded.push({ riskId: r.id, reason: r.status });
    else {
      // Pending: priced by the assessment in force on asOf.
      if (asOf !== undefined) {
        const { why, ...then } = riskAssessmentOn(r, asOf, ["risks", i], "contingency reserve");
        if (why) currentAssessmentUsed.push({ id: r.id, why });
        r = { ...r, costImpact: undefined, ...then };
      }
      if (r.costImpact === undefined) excluded.push({ riskId: r.id, reason: "no-cost-impact" });
      else contributions.push({ riskId: r.id, probability: r.probability, costImpact: r.costImpact, emv: multiplyMoney(r.costImpact, r.probability) });
    }
    // Counted as pending (in the reserve, or priced-out as no-cost-impact) only because its occurrence day is unknown.
    if (occurrence?.statusUnknown) statusUnknown.push({ id: r.id, why: occurrence.why });
  }
  const partial = excluded.some((x) => x.reason === "no-cost-impact");
  return { total: sumMoney(contributions.map((c) => c.emv), options.currency), contributions, excluded, partial, statusUnknown, currentAssessmentUsed };
}
