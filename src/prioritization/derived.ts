import { PmoDecimal, ValidationError, dateParts, isIsoDate, missing, metric, type Decimal, type IsoDate, type Metric, checkArguments } from "../core/index.js";
import type { ProjectRequest } from "../entities/index.js";
import type { DerivedFigure } from "./criteria.js";
import { toRate } from "./finance/flows.js";

/** @internal The fiscal year of a period label (`FY2027`, `2027`, `2027-Q1`, `2027-03`, `2027-W05`), or undefined. */
export function periodYear(label: string): number | undefined {
  const m = /^(?:FY)?(\d{4})(?:$|[-/.:_])/i.exec(label);
  return m ? Number(m[1]) : undefined;
}

const FIGURES: readonly string[] = ["total-cost", "total-benefit", "expected-benefit", "net-benefit", "roi", "npv", "effort-hours"] satisfies readonly DerivedFigure[];

const sum = (xs: readonly Decimal[]) => xs.reduce((s, x) => s.plus(x), new PmoDecimal(0));

/**
 * A figure derived from a request's business case (see {@link DerivedFigure}). Missing with `unknown-period` when an
 * `npv` flow's period label has no year, `cost-is-zero` for `roi` with costs that add up to 0, `no-cost-estimate` for
 * `total-cost`, `net-benefit`, `roi` and `npv` of a request without cost estimates, `no-effort-estimate` for `effort-hours` without effort
 * estimates (unknown is not 0). A request without benefits has benefits of 0.
 *
 * @throws {ValidationError} for an unknown figure, an `asOf` that is not a calendar date, or an `npv` rate that is
 * not a decimal greater than −1.
 *
 * @example
 * ```ts
 * derivedFigure(request, "npv", { asOf: isoDate("2026-11-20"), rate: "0.08" }); // { value: Decimal } in the request's currency
 * ```
 */
export function derivedFigure(
  request: ProjectRequest,
  figure: DerivedFigure,
  options: { readonly asOf: IsoDate; readonly rate?: Decimal | string | number },
): Metric<Decimal> {
  checkArguments("derivedFigure", { request: [request, "object"], figure: [figure, "string"], options: [options, "object"] });
  if (!FIGURES.includes(figure)) throw ValidationError.single(["figure"], `unknown figure ${JSON.stringify(figure)} (expected ${FIGURES.join(", ")})`, "derivedFigure");
  if (!isIsoDate(options.asOf)) throw ValidationError.single(["options", "asOf"], "asOf must be a calendar date YYYY-MM-DD", "derivedFigure");
  return deriveFigure(request, figure, options.asOf, () => toRate(options.rate ?? 0, "derivedFigure", ["options", "rate"]));
}

/**
 * @internal {@link derivedFigure} without its argument checks, for scoring: the scoring model has already checked the
 * request, the figure name, the as-of date and the rate (a decimal above −1), so `scoreRequests` does not carry the
 * argument guard and the general rate parser (which also takes Money, and so the currency table) into a bundle.
 * `rate` is asked for only by `npv`, after the flows are read, as before.
 */
export function deriveFigure(request: ProjectRequest, figure: DerivedFigure, asOf: IsoDate, rate: () => Decimal): Metric<Decimal> {
  const costs = request.estimatedCost.map((c) => c.amount.amount);
  const totalCost = sum(costs);
  const benefits = request.benefits.flatMap((b) => b.amounts.map((a) => ({ amount: a.amount.amount, expected: a.amount.amount.times(b.confidence), period: a.period })));
  const expected = sum(benefits.map((b) => b.expected));
  // No cost (or effort) estimate means unknown, not free: a 0 would rank the request best on a cost criterion.
  const noCosts = request.estimatedCost.length === 0;
  switch (figure) {
    case "total-cost": return noCosts ? missing("no-cost-estimate") : metric(totalCost);
    case "total-benefit": return metric(sum(benefits.map((b) => b.amount)));
    case "expected-benefit": return metric(expected);
    case "net-benefit": return noCosts ? missing("no-cost-estimate") : metric(expected.minus(totalCost));
    case "roi": return noCosts ? missing("no-cost-estimate") : totalCost.isZero() ? missing("cost-is-zero") : metric(expected.minus(totalCost).div(totalCost));
    case "effort-hours": return request.effort.length === 0 ? missing("no-effort-estimate") : metric(sum(request.effort.map((e) => e.hours)));
    case "npv": {
      if (noCosts) return missing("no-cost-estimate");
      const base = rate().plus(1);
      const asOfYear = dateParts(asOf).year;
      let pv = new PmoDecimal(0);
      const flows = [
        ...benefits.map((b) => ({ period: b.period, amount: b.expected })),
        ...request.estimatedCost.map((c) => ({ period: c.period, amount: c.amount.amount.negated() })),
      ];
      for (const f of flows) {
        const y = periodYear(f.period);
        if (y === undefined) return missing("unknown-period", `period ${JSON.stringify(f.period)} has no year`);
        pv = pv.plus(f.amount.div(base.pow(y - asOfYear)));
      }
      return metric(pv);
    }
  }
}
