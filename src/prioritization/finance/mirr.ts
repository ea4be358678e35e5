import { PmoDecimal, missing, metric, type Decimal, type DecimalInput, type Metric } from "../../core/index.js";
import { toFlows, toRate, type CashFlowInput } from "./flows.js";

/**
 * Modified internal rate of return, as Excel's and LibreOffice's `MIRR`: negative flows are discounted to t = 0 at
 * `financeRate`, positive flows compounded to t = n−1 at `reinvestRate`, and
 * `MIRR = (FV(positives) / −PV(negatives))^(1/(n−1)) − 1`.
 *
 * Missing with `no-positive-flow` / `no-negative-flow` when one side is empty, `too-few-flows` below two flows.
 *
 * @throws {ValidationError} for a non-finite flow or a rate ≤ −1.
 * @example
 * ```ts
 * // Excel MIRR help: -120000, 39000, 30000, 21000, 37000, 46000 at 10% / 12% → 12.6%
 * mirr(["-120000", "39000", "30000", "21000", "37000", "46000"], "0.10", "0.12").value?.toFixed(3); // "0.126"
 * ```
 */
export function mirr(flows: readonly CashFlowInput[], financeRate: DecimalInput, reinvestRate: DecimalInput): Metric<Decimal> {
  const f = toFlows(flows, "mirr");
  const fr = toRate(financeRate, "mirr", ["financeRate"]).plus(1);
  const rr = toRate(reinvestRate, "mirr", ["reinvestRate"]).plus(1);
  const n = f.length;
  if (n < 2) return missing("too-few-flows", "at least two flows are needed");
  let pvNeg = new PmoDecimal(0);
  let fvPos = new PmoDecimal(0);
  f.forEach((x, i) => {
    if (x.isNegative()) pvNeg = pvNeg.plus(x.div(fr.pow(i)));
    else if (!x.isZero()) fvPos = fvPos.plus(x.times(rr.pow(n - 1 - i)));
  });
  if (fvPos.isZero()) return missing("no-positive-flow", "MIRR needs at least one positive flow");
  if (pvNeg.isZero()) return missing("no-negative-flow", "MIRR needs at least one negative flow");
  return metric(fvPos.div(pvNeg.negated()).pow(new PmoDecimal(1).div(n - 1)).minus(1));
}
