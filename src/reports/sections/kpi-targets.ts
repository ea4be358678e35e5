import { checkArguments, decimal, PmoDecimal, toDecimalString, ValidationError, type Decimal, type DecimalInput, type Metric } from "../../core/index.js";
import { groupDigits, missingText } from "../cells.js";
import { roundedKeepingOrder } from "./shared.js";

/** A KPI with its target: the figure must be at least (or at most) the target. */
export interface KpiTarget {
  /** The KPI's name (`Availability erp (2026-01-01 – 2026-11-20, to status date)`). */
  readonly label: string;
  /** The figure (a missing one keeps its reason and is "not measured", never "out of target"). */
  readonly actual: Metric<Decimal>;
  /** The target: `{ atLeast: "99.95" }` or `{ atMost: "2" }`. */
  readonly target: { readonly atLeast: DecimalInput } | { readonly atMost: DecimalInput };
  /** Unit printed after the figures (`%`). */
  readonly unit?: string;
  /** Decimal places shown (default 2; `99.97` to 3 reads `99.970`); more are shown where rounding would make the figure read as the target or past it. */
  readonly places?: number;
}

/** A KPI judged against its target. */
export interface KpiJudgement {
  /** The KPI's name. */
  readonly label: string;
  /** `met`, `missed` or `not-measured` (the figure is missing). */
  readonly status: "met" | "missed" | "not-measured";
  /** The figure as shown (`99.946%`), or `n/a (reason)`. */
  readonly actual: string;
  /** The target as shown (`≥ 99.95%`). */
  readonly target: string;
  /** The rule with its figures (`99.946% < 99.95%: below target`). */
  readonly rule: string;
}

/**
 * Judges KPIs against their targets, exactly (decimal comparison, no float): a figure below an `atLeast` target or
 * above an `atMost` target is `missed`; a missing figure is `not-measured` with its reason (pmokit never turns "no
 * data" into a pass or a miss).
 *
 * @throws {ValidationError} when a target is not a decimal, names neither `atLeast` nor `atMost`, or `places` is not a whole number from 0 to 8.
 * @example
 * ```ts
 * judgeKpis([{ label: "Availability CRM", actual: metric(decimal("99.94638")), target: { atLeast: "99.95" }, unit: "%" }]);
 * // [{ label: "Availability CRM", status: "missed", actual: "99.946%", target: "≥ 99.95%", rule: "99.946% < 99.95%: below target" }]
 * ```
 */
export function judgeKpis(kpis: readonly KpiTarget[]): KpiJudgement[] {
  checkArguments("judgeKpis", { kpis: [kpis, "object[]"] });
  return kpis.map((k, i) => {
    checkArguments("judgeKpis", { label: [k.label, "string"], actual: [k.actual, "object"], target: [k.target, "object"], unit: [k.unit, "string?"], places: [k.places, "integer?"] });
    const places = k.places ?? 2;
    if (places < 0 || places > 8) throw ValidationError.single([i, "places"], "places is a whole number from 0 to 8", "KPI target");
    const atLeast = "atLeast" in k.target;
    const raw = atLeast ? (k.target as { atLeast: DecimalInput }).atLeast : "atMost" in k.target ? k.target.atMost : undefined;
    if (raw === undefined) throw ValidationError.single([i, "target"], "a target is { atLeast } or { atMost }", "KPI target");
    let target: Decimal;
    try {
      target = decimal(raw);
    } catch {
      throw ValidationError.single([i, "target"], `${JSON.stringify(String(raw))} is not a decimal`, "KPI target");
    }
    const unit = k.unit ?? "";
    // Figures read as in the detail tables: thousands separators, and at least `places` decimals (99.970% beside 99.969%).
    const shown = (d: Decimal, min: number) => `${groupDigits(toDecimalString(d, min))}${unit}`;
    const targetShown = shown(target, 0);
    const targetText = `${atLeast ? "≥" : "≤"} ${targetShown}`;
    const a = k.actual.value;
    if (a === undefined || !PmoDecimal.isDecimal(a)) {
      // The detail (why there is no figure) reads as in every table: "n/a (no-data: no closed project yet)".
      const m = a === undefined ? (k.actual as { reason: string; detail?: string }) : { reason: "not-a-decimal" };
      const actual = missingText(m);
      return { label: k.label, status: "not-measured", actual, target: targetText, rule: `not measured ${actual.slice("n/a ".length)}: cannot be judged` };
    }
    const actual = shown(roundedKeepingOrder(a, places, [target]), places);
    const missed = atLeast ? a.lt(target) : a.gt(target);
    const rule = missed ? `${actual} ${atLeast ? "<" : ">"} ${targetShown}: ${atLeast ? "below" : "above"} target` : `${actual} ${atLeast ? "≥" : "≤"} ${targetShown}: on target`;
    return { label: k.label, status: missed ? "missed" : "met", actual, target: targetText, rule };
  });
}
