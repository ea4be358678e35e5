import { PmoDecimal, ValidationError, isIsoDate, missing, metric, type Decimal, type IsoDate, type Metric, checkArguments, checkOptionKeys } from "../core/index.js";
import type { ProjectRequest } from "../entities/index.js";
import type { DerivedFigure, NpvConventions } from "./criteria.js";
import { toRate } from "./finance/flows.js";

const FIGURES: readonly string[] = ["total-cost", "total-benefit", "expected-benefit", "net-benefit", "roi", "npv", "effort-hours"] satisfies readonly DerivedFigure[];

const DERIVED_OPTION_KEYS = { asOf: 1, rate: 1, discounting: 1, pastFlows: 1 } satisfies Record<keyof Parameters<typeof derivedFigure>[2], 1>;

const sum = (xs: readonly Decimal[]) => xs.reduce((s, x) => s.plus(x), new PmoDecimal(0));

/**
 * A figure derived from a request's business case (see {@link DerivedFigure}); `npv` times its flows by the
 * options' {@link NpvConventions} (default: whole years, past flows compounded). Missing with `unknown-period` when an
 * `npv` flow's period label has no year (with `discounting: "per-period"`: is no year, half-year, quarter or month — a
 * week says why it is refused — or the request mixes period lengths, naming two labels), `cost-is-zero` for `roi` with costs that add up to 0, `no-cost-estimate` for
 * `total-cost`, `net-benefit`, `roi` and `npv` of a request without cost estimates, `no-effort-estimate` for `effort-hours` without effort
 * estimates (unknown is not 0). A request without benefits has benefits of 0.
 *
 * @throws {ValidationError} for an unknown figure, an `asOf` that is not a calendar date, an `npv` without a rate
 * (give `rate: 0` for the undiscounted net sum) or with a rate that is not a decimal greater than −1, an unknown `discounting` or `pastFlows`, or an unknown option key (at `options.<key>`).
 *
 * @example
 * ```ts
 * derivedFigure(request, "npv", { asOf: isoDate("2026-11-20"), rate: "0.08" }); // { value: Decimal } in the request's currency
 * derivedFigure(request, "npv", { asOf: isoDate("2026-11-20"), rate: "0.08", discounting: "per-period", pastFlows: "excluded" });
 * ```
 */
export function derivedFigure(
  request: ProjectRequest,
  figure: DerivedFigure,
  options: { readonly asOf: IsoDate; readonly rate?: Decimal | string | number } & NpvConventions,
): Metric<Decimal> {
  checkArguments("derivedFigure", { request: [request, "object"], figure: [figure, "string"], options: [options, "object"] });
  checkOptionKeys("derivedFigure", options, DERIVED_OPTION_KEYS, ["options"]);
  if (!FIGURES.includes(figure)) throw ValidationError.single(["figure"], `unknown figure ${JSON.stringify(figure)} (expected ${FIGURES.join(", ")})`, "derivedFigure");
  if (!isIsoDate(options.asOf)) throw ValidationError.single(["options", "asOf"], "asOf must be a calendar date YYYY-MM-DD", "derivedFigure");
  for (const [k, allowed] of [["discounting", ["whole-years", "per-period"]], ["pastFlows", ["compound", "undiscounted", "excluded"]]] as const) {
    const v: unknown = options[k];
    if (v !== undefined && !(allowed as readonly unknown[]).includes(v)) throw ValidationError.single(["options", k], `expected ${allowed.join(" or ")}`, "derivedFigure");
  }
  // A forgotten rate must not give the plain net sum as the NPV (0 %): the scoring model refuses it too.
  if (figure === "npv" && options.rate === undefined) throw ValidationError.single(["options", "rate"], "npv needs a discount rate (0 for the undiscounted net sum)", "derivedFigure");
  const f = deriveFigure(request, figure, options.asOf, () => toRate(options.rate!, "derivedFigure", ["options", "rate"]), options);
  if (f.reason !== "unknown-period") return f;
  // deriveFigure gives the label only (and, for a mix, the label before it): the words live here, not in scoring.
  const p = JSON.stringify(f.detail);
  return missing(
    "unknown-period",
    f.mixed !== undefined
      ? `${p} and ${JSON.stringify(f.mixed)} have different period lengths: per-period discounting counts each length from the as-of's period of that length, so a request takes one length`
      : options.discounting !== "per-period"
        ? `${p} has no year`
        : /^(?:FY)?\d{4}[-/.:_]W\d/i.test(f.detail!)
          ? `${p} is a week: weeks (52 or 53 to a year) have no periodic rate that follows from the annual one, so they are not discounted per period`
          : `${p} is no year, half-year, quarter or month`,
  );
}

/**
 * @internal {@link derivedFigure} without its argument checks, for scoring: the scoring model has already checked the
 * request, the figure name, the as-of date and the rate (a decimal above −1), so `scoreRequests` does not carry the
 * argument guard and the general rate parser (which also takes Money, and so the currency table) into a bundle.
 * `rate` is asked for only by `npv`, after the flows are read, as before. An `npv` missing with `unknown-period`
 * carries the bare label as its detail (and, for a request mixing period lengths, the label before it as `mixed`):
 * derivedFigure words it, scoring drops it.
 */
export function deriveFigure(request: ProjectRequest, figure: DerivedFigure, asOf: IsoDate, rate: () => Decimal, npv: NpvConventions): Metric<Decimal> & { readonly mixed?: string } {
  const costs = request.estimatedCost;
  const totalCost = sum(costs.map((c) => c.amount.amount));
  const benefits = request.benefits.flatMap((b) => b.amounts.map((a) => ({ amount: a.amount.amount, expected: a.amount.amount.times(b.confidence), period: a.period })));
  const expected = sum(benefits.map((b) => b.expected));
  // No cost (or effort) estimate means unknown, not free: a 0 would rank the request best on a cost criterion.
  const noCosts = !costs.length;
  switch (figure) {
    case "total-cost": return noCosts ? missing("no-cost-estimate") : metric(totalCost);
    case "total-benefit": return metric(sum(benefits.map((b) => b.amount)));
    case "expected-benefit": return metric(expected);
    case "net-benefit": return noCosts ? missing("no-cost-estimate") : metric(expected.minus(totalCost));
    case "roi": return noCosts ? missing("no-cost-estimate") : totalCost.isZero() ? missing("cost-is-zero") : metric(expected.minus(totalCost).div(totalCost));
    case "effort-hours": return !request.effort.length ? missing("no-effort-estimate") : metric(sum(request.effort.map((e) => e.hours)));
    case "npv": {
      if (noCosts) return missing("no-cost-estimate");
      const base = rate().plus(1);
      // asOf is a checked calendar date (by derivedFigure or the scoring call): its month number, read without
      // dateParts' check. Times are in months from the start of the as-of's period (a year, quarter or month).
      const at = +asOf.slice(0, 4) * 12 + +asOf.slice(5, 7) - 1;
      const perPeriod = npv.discounting === "per-period";
      let pv = new PmoDecimal(0);
      let size = pv;
      let len0 = 0;
      let prev = "";
      // Net flows: expected benefits in, costs out.
      for (const f of [...benefits, ...costs.map((c) => ({ period: c.period, expected: c.amount.amount.negated() }))]) {
        // A year (FY2027, 2027), a half-year (2027-H1), a quarter (2027-Q1) or a month (2027-03); whole years read any
        // label's year (2027-W05). The refusals carry only the label(s): derivedFigure words them, scoring drops them.
        const m = /^(?:FY)?(\d{4})(?:$|[-/.:_](?:H([12])|Q([1-4])|(0[1-9]|1[0-2]))?)/i.exec(f.period);
        if (!m || (perPeriod && m[0] !== f.period)) return missing("unknown-period", f.period);
        // The period's length in months; t = its start − the start of the as-of's period of that length, so a half-year
        // is discounted by (1 + r)^(k/2), a quarter by (1 + r)^(k/4) and a month by (1 + r)^(k/12), k periods away;
        // t < 0 is a past flow. Each length counts from its own origin (a year from 1 January, a month from the as-of's
        // month), so a request that mixes lengths has no one timeline and is refused.
        const n = m[2] ?? m[3] ?? m[4];
        const len = perPeriod ? (m[2] ? 6 : m[3] ? 3 : n ? 1 : 12) : 12;
        if (len0 && len0 != len) return { reason: "unknown-period", detail: f.period, mixed: prev };
        len0 = len;
        prev = f.period;
        let t = +m[1]! * 12 + (len < 12 ? +n! * len - len : 0) - at + (at % len);
        const past = t < 0 ? npv.pastFlows : undefined;
        if (past === "excluded") continue;
        if (past === "undiscounted") t = 0;
        const v = f.expected.div(base.pow(new PmoDecimal(t).div(12)));
        pv = pv.plus(v);
        size = size.plus(v.abs());
      }
      // Each discounted flow and each partial sum is rounded to 34 digits, so digits of the net below 34 digits of the
      // flows' size are rounding, not NPV: adding and taking away that size drops them. Cost 1, benefits 1, 3, 9 at
      // 200 % (exactly 0) summed to −1e-34, "-0.00" to two places; it is 0. (`npv` gets such a 0 exactly by Horner's
      // scheme over whole periods; flows here a month or a quarter apart take fractional powers, which it cannot group.)
      return metric(pv.plus(size).minus(size));
    }
  }
}
