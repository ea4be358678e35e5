import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { money } from "../../src/index.js";
import { agileEarnedValue, earnedValue, earnedValueSeries, performanceHistory, rollUpEarnedValue, rollUpPortfolio } from "../../src/variance/index.js";
import { day, input, pkgArb, statusArb } from "./ev-input.js";
import { expectClean } from "./walk.js";

/* Earned value over edge projects: BAC 0, PV 0, AC 0, 0 % and 100 % progress, before the start and after the end. */

describe("earned value: worked edge cases", () => {
  it("agile CPI with nothing done against a credit (AC = −5.00) has no figure: ac-is-negative (it was 0, once −0)", () => {
    const r = agileEarnedValue({ budget: money("100", "EUR"), sprints: [{ name: "S", finish: "2026-09-11" }], totalPoints: 10, completedPoints: 0, costs: [{ date: "2026-09-01", amount: money("-5.00", "EUR") }] }, { statusDate: "2026-09-11" });
    expect(r.figures.cpi).toStrictEqual({ reason: "ac-is-negative" });
  });
});

describe("earned value: a forecast past 2^53 minor units keeps every digit", () => {
  it("EAC(CPI·SPI) from one earned cent against one cent spent", () => {
    // A: 9,999,999,999.99 in week 1, 0 % done, 0.01 booked; B: 0.01 level of effort in week 1.
    // On 2027-01-17: BAC = PV = 1e12 cents, EV = 1 cent, AC = 1 cent. CPI = 1, SPI = 1e-12.
    // EAC = AC + (BAC − EV) ÷ (CPI · SPI) = 1 + (1e12 − 1) × 1e12 = 1e24 − 1e12 + 1 cents. (It was written against a
    // credit of −0.01, which now has no CPI: ac-is-negative.)
    const i = input([
      { rule: 0, first: 1, weeks: 1, amounts: ["9999999999.99"], pct: 0, costs: [{ day: 0, amount: "0.01" }] },
      { rule: 3, first: 1, weeks: 1, amounts: ["0.01"], pct: 50, costs: [] },
    ], "PRJ-T");
    const r = earnedValue(i, { statusDate: "2027-01-17" });
    expect(r.figures.eac.cpiSpi.value!.amount.toFixed()).toBe("9999999999990000000000.01"); // was "[DecimalError] Invalid argument: 9.99999999999e+.23"
    expect(r.figures.etc.cpiSpi.value!.amount.toFixed()).toBe("9999999999990000000000"); // EAC − AC
  });
});

describe("earned value: figures or reasons, never NaN, ±Infinity or −0", () => {
  it("earnedValue, series and history over edge projects", () => {
    fc.assert(fc.property(fc.array(pkgArb, { minLength: 1, maxLength: 4 }), statusArb, (specs, statusDate) => {
      const i = input(specs, "PRJ-T");
      expectClean(earnedValue(i, { statusDate }));
      expectClean(earnedValueSeries(i, { statusDate })); // a forecast past 2^53 minor units included (it used to refuse)
      expectClean(performanceHistory(i, [day(-1), day(0), statusDate]));
    }), { seed: 3, numRuns: 120 });
  });

  it("roll-ups of edge projects (one project, all-zero projects)", () => {
    fc.assert(fc.property(fc.array(pkgArb, { minLength: 1, maxLength: 3 }), fc.array(pkgArb, { minLength: 1, maxLength: 3 }), statusArb, (a, b, statusDate) => {
      const ra = earnedValue(input(a, "PRJ-A"), { statusDate }), rb = earnedValue(input(b, "PRJ-B"), { statusDate });
      expectClean(rollUpEarnedValue([ra], { id: "pg", level: "programme" }));
      expectClean(rollUpEarnedValue([ra, rb], { id: "pg", level: "programme" }));
      expectClean(rollUpPortfolio([ra, rb]));
    }), { seed: 3, numRuns: 60 });
  });

  it("agile EVM with no scope, no points done, all points done, budget 0 and no costs", () => {
    const sprints = ["2026-09-11", "2026-09-25"].map((finish, i) => ({ name: `S${i}`, finish }));
    fc.assert(fc.property(
      fc.constantFrom("0", "0.00", "100.00", "99999999999999999999.99"), fc.constantFrom(0, 10, 150), fc.constantFrom(0, 10, 150),
      fc.array(fc.record({ date: fc.constantFrom("2026-09-01", "2026-09-11", "2026-10-01"), amount: fc.constantFrom("0.00", "5.00", "-5.00") }), { maxLength: 2 }),
      fc.constantFrom("2026-08-01", "2026-09-11", "2026-09-20", "2026-12-31"),
      (budget, total, done, costs, statusDate) => {
        if (done > total) return;
        expectClean(agileEarnedValue({ budget: money(budget, "EUR"), sprints, totalPoints: total, completedPoints: done, costs: costs.map((c) => ({ date: c.date, amount: money(c.amount, "EUR") })) }, { statusDate }));
      },
    ), { seed: 3, numRuns: 150 });
  });
});
