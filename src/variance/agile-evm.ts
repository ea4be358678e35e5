import * as z from "zod";
import {
  ValidationError, decimal, type ValidationIssue, isMoney, isIsoDate, isoDate, metric, missing, money, ratio, type Decimal, type IsoDate, type Metric, type Money, checkArguments, checkOptionKeys,
} from "../core/index.js";
import { duplicateIdIssues } from "../core/unique-ids.js";
import { fromMinor, shareOfBig, toMinorBig } from "./exact.js";
import type { EvmFigures } from "./figures.js";

/** A sprint of the release plan: its name and last day. */
export interface PlannedSprint {
  /** Sprint name (`Sprint 7`). */
  readonly name: string;
  /** Last day of the sprint (`YYYY-MM-DD`). */
  readonly finish: string;
}

/** Input of {@link agileEarnedValue}: the release baseline and what happened. */
export interface AgileEvmInput {
  /** Release budget (BAC). */
  readonly budget: Money;
  /** The planned sprints of the release, in any order (PV counts those finished by the status date). */
  readonly sprints: readonly PlannedSprint[];
  /** Release scope in story points at the status date (planned points plus added, minus removed). */
  readonly totalPoints: string | number;
  /** Story points completed (done) by the status date. */
  readonly completedPoints: string | number;
  /** Actual costs (cost entries): those dated after the status date are left out of AC. */
  readonly costs: readonly { readonly id?: string; readonly date: string; readonly amount: Money }[];
}

/**
 * AgileEVM figures at the status date: the classic figures of `EvmFigures` (same names, same Metric reasons), with
 * PV from sprints and EV from story points, plus the agile forecasts. Money in the budget's currency.
 */
export interface AgileEvmFigures extends Pick<EvmFigures, "bac" | "pv" | "ev" | "ac" | "sv" | "cv" | "spi" | "cpi" | "percentComplete"> {
  /** Planned percent complete PPC = completed sprints / planned sprints × 100. */
  readonly plannedPercentComplete: Metric<Decimal>;
  /** EAC = BAC / CPI. */
  readonly eac: Metric<Money>;
  /** ETC = EAC − AC. */
  readonly etc: Metric<Money>;
  /** VAC = BAC − EAC. */
  readonly vac: Metric<Money>;
  /** Sprints the release is forecast to take: planned sprints / SPI. */
  readonly forecastSprints: Metric<Decimal>;
}

/** The result of {@link agileEarnedValue}: the figures and the counts they were derived from. */
export interface AgileEvmResult {
  /** The status date. */
  readonly statusDate: IsoDate;
  /** Planned sprints in the release. */
  readonly plannedSprints: number;
  /** Planned sprints whose last day is on or before the status date. */
  readonly completedSprints: number;
  /** Release scope in points. */
  readonly totalPoints: Decimal;
  /** Completed points. */
  readonly completedPoints: Decimal;
  /** The figures. */
  readonly figures: AgileEvmFigures;
  /** Ids (or indexes) of cost entries dated after the status date: excluded from AC. */
  readonly excludedCosts: readonly string[];
}

const pointsSchema = z.union([z.string(), z.number()]);

function moneyAt(v: unknown, path: readonly (string | number)[]): Money {
  if (!isMoney(v)) throw ValidationError.single(path, "expected money (use money(\"…\", \"EUR\"))", "agile earned value");
  return v;
}

function points(v: unknown, path: string): Decimal {
  const parsed = pointsSchema.safeParse(v);
  if (!parsed.success) throw ValidationError.single([path], "expected story points as a decimal string or a finite number", "agile earned value");
  const d = decimal(parsed.data);
  if (d.isNegative()) throw ValidationError.single([path], "story points cannot be negative", "agile earned value");
  return d;
}

/** A sprint listed twice would count twice among the planned (and finished) sprints, and move PV. */
function duplicateNameIssues(sprints: readonly PlannedSprint[]): ValidationIssue[] {
  const seen = new Set<string>();
  return sprints.flatMap((s, i) => {
    if (typeof s?.name !== "string") return [];
    const repeated = seen.has(s.name);
    seen.add(s.name);
    return repeated ? [{ path: ["sprints", i, "name"], message: `sprint ${JSON.stringify(s.name)} is listed twice (it would count twice)`, code: "custom" as const }] : [];
  });
}

/**
 * Agile earned value (AgileEVM, Sulaiman, Barton & Blackburn 2006) for a release at a status date: the baseline is
 * the release budget spread evenly over the planned sprints, so **PV = BAC × sprints finished / sprints planned**;
 * value is earned by done story points, so **EV = BAC × completed points / total points**; **AC** is the cost entries
 * up to the status date. The indices and forecasts follow as in classic EVM (SPI, CPI, EAC = BAC / CPI, ETC, VAC),
 * plus the forecast length of the release in sprints (planned sprints / SPI). A figure that cannot be computed is a
 * Metric with its reason (`pv-is-zero` before the first sprint ends or with a zero budget, `ac-is-zero`,
 * `ac-is-negative` for a net credit, `no-scope` without points), as in `earnedValue`.
 * Money is handled as `earnedValue` handles it: PV, EV and EAC are each rounded once to the currency's minor unit
 * (half-even) from exact operands (EAC = BAC × AC / EV), and SV, CV, ETC, VAC and the indices are formed from those.
 *
 * @throws {ValidationError} for a bad date, negative or non-numeric points, completed points above the scope, a
 *   negative budget, no planned sprints, a sprint name or cost id listed twice, an amount with more decimals than its
 *   currency has, or a cost in another currency than the budget.
 * @example
 * ```ts
 * const r = agileEarnedValue({
 *   budget: money("120000.00", "EUR"),
 *   sprints: [1, 2, 3, 4, 5, 6].map((n) => ({ name: `Sprint ${n}`, finish: ["2026-09-11", "2026-09-25", "2026-10-09", "2026-10-23", "2026-11-06", "2026-11-20"][n - 1]! })),
 *   totalPoints: 150, completedPoints: 90,
 *   costs: [{ date: "2026-10-20", amount: money("78000.00", "EUR") }],
 * }, { statusDate: "2026-10-23" });
 * r.figures.spi.value?.toFixed(); // "0.9"
 * ```
 */
export function agileEarnedValue(input: AgileEvmInput, options: { readonly statusDate: string }): AgileEvmResult {
  checkArguments("agileEarnedValue", { input: [input, "object"], options: [options, "object"] });
  checkOptionKeys("agileEarnedValue", options, { statusDate: 1 } satisfies Record<keyof NonNullable<Parameters<typeof agileEarnedValue>[1]>, 1>);
  checkArguments("agileEarnedValue", { costs: [input.costs, "object[]"], statusDate: [options.statusDate, "date"] });
  const statusDate = options.statusDate as IsoDate;
  const bac = moneyAt(input.budget, ["budget"]);
  if (bac.amount.isNegative()) throw ValidationError.single(["budget"], "the release budget must not be negative", "agile earned value");
  if (!Array.isArray(input.sprints) || input.sprints.length === 0) throw ValidationError.single(["sprints"], "a release needs at least one planned sprint", "agile earned value");
  const finishes = input.sprints.map((s, i) => {
    try {
      return isoDate(s.finish);
    } catch {
      throw ValidationError.single(["sprints", i, "finish"], `${JSON.stringify(s?.finish)} is not a YYYY-MM-DD date`, "agile earned value");
    }
  });
  const total = points(input.totalPoints, "totalPoints");
  const done = points(input.completedPoints, "completedPoints");
  if (done.gt(total)) throw ValidationError.single(["completedPoints"], "completed points exceed the release scope", "agile earned value");
  const repeated = [...duplicateIdIssues(input.costs, ["costs"]), ...duplicateNameIssues(input.sprints)];
  if (repeated.length > 0) throw new ValidationError(repeated, "agile earned value");
  const cur = bac.currency;
  // Money as in earnedValue: exact to the cent (more decimals than the currency has are refused), each money figure
  // rounded once, half-even, from exact operands; differences and indices are then formed from those cents.
  const bacUnits = toMinorBig(bac, ["budget"], "agile earned value");
  const excluded: string[] = [];
  let acAmount = decimal(0);
  input.costs.forEach((c, i) => {
    const amount = moneyAt(c.amount, ["costs", i, "amount"]);
    if (amount.currency !== cur) throw ValidationError.single(["costs", i, "amount", "currency"], `cost in ${amount.currency}, budget in ${cur}`, "agile earned value");
    toMinorBig(amount, ["costs", i, "amount"], "agile earned value");
    if (!isIsoDate(c.date)) throw ValidationError.single(["costs", i, "date"], `${JSON.stringify(c.date)} is not a YYYY-MM-DD date`, "agile earned value");
    if (c.date > statusDate) excluded.push(c.id ?? String(i));
    else acAmount = acAmount.plus(amount.amount);
  });
  const planned = input.sprints.length;
  const completedSprints = finishes.filter((f) => f <= statusDate).length;
  const share = (num: Decimal, den: Decimal) => fromMinor(shareOfBig(bacUnits, num, den), cur);
  const m = (d: Decimal) => money(d, cur);
  const pv = metric(share(decimal(completedSprints), decimal(planned)));
  const ev: Metric<Money> = total.isZero() ? missing("no-scope") : metric(share(done, total));
  const ac = metric(m(acAmount));
  // A zero budget is taken as earnedValue takes BAC 0, with its reasons: PV = EV = 0, so SPI is pv-is-zero and CPI 0
  // (EAC ev-is-zero). A net credit (AC < 0) has no CPI, as in earnedValue.
  const spi: Metric<Decimal> = ev.value === undefined ? missing(ev.reason) : ratio(ev.value.amount, pv.value.amount, "pv-is-zero");
  const cpi: Metric<Decimal> = ev.value === undefined ? missing(ev.reason) : acAmount.isNeg() ? missing("ac-is-negative") : ratio(ev.value.amount, acAmount, "ac-is-zero");
  // EAC = BAC / CPI = BAC × AC / EV, rounded once (dividing by the 34-digit CPI would leave digits past the cent).
  const eac: Metric<Money> = cpi.value === undefined ? missing(cpi.reason) : cpi.value.isZero() ? missing("ev-is-zero") : metric(share(acAmount, ev.value!.amount));
  const minus = (a: Metric<Money>, b: Metric<Money>): Metric<Money> => (a.value === undefined ? missing(a.reason) : b.value === undefined ? missing(b.reason) : metric(m(a.value.amount.minus(b.value.amount))));
  return {
    statusDate,
    plannedSprints: planned,
    completedSprints,
    totalPoints: total,
    completedPoints: done,
    excludedCosts: excluded,
    figures: {
      bac: metric(bac),
      pv,
      ev,
      ac,
      sv: minus(ev, pv),
      cv: minus(ev, ac),
      spi,
      cpi,
      plannedPercentComplete: metric(decimal(completedSprints).times(100).div(planned)),
      percentComplete: total.isZero() ? missing("no-scope") : metric(done.times(100).div(total)),
      eac,
      etc: minus(eac, ac),
      vac: minus(metric(bac), eac),
      // planned / SPI = planned × PV / EV, in one division.
      forecastSprints: spi.value === undefined ? missing(spi.reason) : spi.value.isZero() ? missing("ev-is-zero") : metric(decimal(planned).times(pv.value.amount).div(ev.value!.amount)),
    },
  };
}
