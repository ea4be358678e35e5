import * as z from "zod";
import { PmoDecimal, isDecimalInput, type Decimal, type DecimalInput } from "../core/index.js";
import { METHOD_CODE, type CriterionDirection, type NormalizationMethod, type RankTieRule } from "./normalize.js";

/**
 * A criterion's scale:
 * - `numeric`: ratings between `min` and `max` (inclusive); a rating outside is rejected.
 * - `ordinal`: labels mapped to values (`{ low: 1, medium: 2, high: 3 }`); a rating gives a label, or a value within the labels' range.
 * - `anchored`: absolute anchors, raw value → normalised score, interpolated linearly and clamped
 *   (`[{ value: 0, score: 0 }, { value: 1000000, score: 1 }]`), so a score never depends on the other requests.
 *   Applied by `absolute` normalisation (a scored criterion with anchors and another normalisation, or with
 *   direction `cost`, is a ValidationError: the anchors carry the direction).
 */
export type CriterionScale =
  | { readonly kind: "numeric"; readonly min: DecimalInput; /** Omit for an open-ended scale ("≥ 0"). */ readonly max?: DecimalInput }
  | { readonly kind: "ordinal"; readonly labels: Readonly<Record<string, DecimalInput>> }
  | { readonly kind: "anchored"; readonly anchors: readonly { readonly value: DecimalInput; readonly score: DecimalInput }[] };

/**
 * Figures derived from a request's business case (all in the request's one currency):
 * - `total-cost`: Σ estimated cost; `total-benefit`: Σ benefit amounts; `expected-benefit`: Σ amount × confidence;
 * - `net-benefit`: expected benefit − total cost; `roi`: net benefit ÷ total cost;
 * - `npv`: NPV of the net flows (expected benefits − costs) at `rate`, by default t = fiscal year − as-of year
 *   (years are read from period labels `FY2027`, `2027`, `2027-H1`, `2027-Q1`, `2027-03`; see {@link NpvConventions});
 * - `effort-hours`: Σ estimated effort hours.
 */
export type DerivedFigure = "total-cost" | "total-benefit" | "expected-benefit" | "net-benefit" | "roi" | "npv" | "effort-hours";

/**
 * How a derived `npv` times its flows (both options are read by `npv` only).
 *
 * @example
 * ```ts
 * derivedFigure(request, "npv", { asOf: isoDate("2026-11-20"), rate: "0.21550625", discounting: "per-period", pastFlows: "excluded" });
 * ```
 */
export interface NpvConventions {
  /**
   * `"whole-years"` (default): a flow is discounted by whole years, t = its label's year − the as-of's year, so
   * `2027-Q1` and `2027-12` both count as one year away on 2026-11-20. `"per-period"`: by its own period, at the
   * periodic rate (1 + r)^(1/2) − 1 for a half-year (`2027-H1`), (1 + r)^(1/4) − 1 for a quarter (`2027-Q1`) and
   * (1 + r)^(1/12) − 1 for a month (`2027-03`), counted from the as-of's half-year, quarter or month (t = 0), as Excel's
   * `NPV` at the periodic rate; a year label is its own period. There a week (`2027-W05`: 52 or 53 to a year, so no
   * periodic rate follows from the annual one), another label, or a request that mixes period lengths (`2027` with
   * `2027-01`: each length counts from its own origin) is `unknown-period`, with the reason in its detail.
   */
  readonly discounting?: "whole-years" | "per-period";
  /**
   * A flow before the as-of's period (t < 0): `"compound"` (default) carries it forward at the rate, × (1 + r)^|t|;
   * `"undiscounted"` counts it at face value (t = 0); `"excluded"` leaves it out, as a sunk cost or benefit.
   */
  readonly pastFlows?: "compound" | "undiscounted" | "excluded";
}

/** Where a criterion's raw value comes from. */
export type CriterionSource =
  | { readonly kind: "rating"; /** Rating criterion id on the request (default: the criterion's own id). */ readonly criterionId?: string }
  | ({ readonly kind: "derived"; readonly figure: DerivedFigure; /** Discount rate for `npv` (fraction per year). */ readonly rate?: DecimalInput } & NpvConventions);

/** A scoring criterion as you declare it. */
export interface CriterionSpec {
  /** Id, unique in the model (and, for rating sources, the rating's `criterionId` unless the source says otherwise). */
  readonly id: string;
  /** Display name (default: the id). */
  readonly name?: string;
  /** Weight, ≥ 0 (weighted-sum models only, scored criteria only — elsewhere a ValidationError; default 1). Weights are used in proportion: w / Σw. */
  readonly weight?: DecimalInput;
  /** `benefit` (default) or `cost` — for weighted-sum and formula criteria: WSJF, RICE and ICE fix each part's direction (the job size or effort is the divisor), so `cost` there is a ValidationError. */
  readonly direction?: CriterionDirection;
  /** Scale of the raw value (checked for ratings; used by `absolute` normalisation). */
  readonly scale?: CriterionScale;
  /** Source of the raw value (default: the request's rating). */
  readonly source?: CriterionSource;
  /** Normalisation (default `min-max` in weighted-sum models, `none` elsewhere). */
  readonly normalization?: NormalizationMethod;
  /** Tie rule of `rank` normalisation (default `average`); with another normalisation it is a ValidationError. */
  readonly tieRule?: RankTieRule;
  /**
   * With `max-ratio` normalisation: what a value ≤ 0 does. `"fallback"` (default) applies the table's rules (benefit:
   * negative → 0, all ≤ 0 → 0; cost: x ≤ 0 → 1); `"refuse"` makes it a ValidationError with its path, for models
   * where a zero or negative value means a data error.
   */
  readonly nonPositive?: "fallback" | "refuse";
}

/** @internal A decimal input (string, number or Decimal) in a model: the criteria's and the formulas' constants. */
export const decimalInput = z.custom<DecimalInput>((v) => isDecimalInput(v), { message: "expected a finite decimal" });
const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, { message: "ids start with a letter or digit, then letters, digits, . _ : -" }).max(128);

/** @internal zod schema of a criterion spec (structure only; cross-checks are in the model validator). */
export const criterionSpecSchema = z.strictObject({
  id,
  name: z.string().min(1).max(300).optional(),
  weight: decimalInput.optional(),
  direction: z.enum(["benefit", "cost"]).optional(),
  scale: z
    .discriminatedUnion("kind", [
      z.strictObject({ kind: z.literal("numeric"), min: decimalInput, max: decimalInput.optional() }),
      z.strictObject({ kind: z.literal("ordinal"), labels: z.record(z.string().min(1), decimalInput) }),
      z.strictObject({ kind: z.literal("anchored"), anchors: z.array(z.strictObject({ value: decimalInput, score: decimalInput })).min(2) }),
    ])
    .optional(),
  source: z
    .discriminatedUnion("kind", [
      z.strictObject({ kind: z.literal("rating"), criterionId: id.optional() }),
      z.strictObject({
        kind: z.literal("derived"),
        figure: z.enum(["total-cost", "total-benefit", "expected-benefit", "net-benefit", "roi", "npv", "effort-hours"]),
        rate: decimalInput.optional(),
        discounting: z.enum(["whole-years", "per-period"]).optional(),
        pastFlows: z.enum(["compound", "undiscounted", "excluded"]).optional(),
      }),
    ])
    .optional(),
  normalization: z.enum(Object.keys(METHOD_CODE) as [NormalizationMethod]).optional(),
  tieRule: z.enum(["average", "min", "max"]).optional(),
  nonPositive: z.enum(["fallback", "refuse"]).optional(),
});

/** @internal A criterion with defaults applied and numbers resolved. */
export interface ResolvedCriterion {
  readonly id: string;
  readonly name: string;
  readonly weight: Decimal;
  readonly direction: CriterionDirection;
  readonly scale: CriterionScale | undefined;
  readonly source: CriterionSource;
  readonly normalization: NormalizationMethod;
  readonly tieRule: RankTieRule;
  /** Ordinal labels (lower-cased) → value. */
  readonly labels: ReadonlyMap<string, Decimal> | undefined;
  /** Numeric range of valid ratings (numeric scale, or ordinal values' min/max). */
  /** Allowed values; `max` undefined for an open-ended numeric scale. */
  readonly range: { readonly min: Decimal; readonly max?: Decimal } | undefined;
  readonly anchors: readonly { readonly value: number; readonly score: number }[] | undefined;
  readonly nonPositive: "fallback" | "refuse";
}

/** @internal Applies defaults to a validated spec. */
export function resolveCriterion(spec: CriterionSpec, defaultNormalization: NormalizationMethod): ResolvedCriterion {
  const d = (v: DecimalInput) => new PmoDecimal(v);
  const scale = spec.scale;
  let labels: Map<string, Decimal> | undefined;
  let range: { min: Decimal; max?: Decimal } | undefined;
  let anchors: { value: number; score: number }[] | undefined;
  if (scale?.kind === "numeric") range = scale.max === undefined ? { min: d(scale.min) } : { min: d(scale.min), max: d(scale.max) };
  if (scale?.kind === "ordinal") {
    labels = new Map(Object.entries(scale.labels).map(([k, v]) => [k.trim().toLowerCase(), d(v)]));
    const vals = [...labels.values()];
    range = { min: PmoDecimal.min(...vals), max: PmoDecimal.max(...vals) };
  }
  if (scale?.kind === "anchored") {
    anchors = scale.anchors.map((a) => ({ value: d(a.value).toNumber(), score: d(a.score).toNumber() })).sort((a, b) => a.value - b.value);
  }
  return {
    id: spec.id, name: spec.name ?? spec.id, weight: d(spec.weight ?? 1), direction: spec.direction ?? "benefit", scale,
    source: spec.source ?? { kind: "rating" }, normalization: spec.normalization ?? defaultNormalization,
    tieRule: spec.tieRule ?? "average", labels, range, anchors, nonPositive: spec.nonPositive ?? "fallback",
  };
}
