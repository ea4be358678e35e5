import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyseScheduleRisk, PERCENTILE_METHODS, type PercentileMethod, type ScheduleRiskModel } from "../../src/index.js";
import { SEVEN_DAY, validationIssues } from "./helpers.js";

// analyseScheduleRisk's `percentileMethod`: nearest rank by default, linear (PERCENTILE.INC) and exclusive
// (PERCENTILE.EXC) on request. Calendar (Monday–Friday): Mon 2027-01-04 … Fri 08, Sat 09, Sun 10, Mon 11.
const START = "2027-01-04";

// A 5-day activity (finishes Fri 08) that a risk event lengthens by one day half the time (finishes Mon 11), costing
// 1000.03 a day: 5000.15 or 6000.18. Seed 2 with two iterations draws one of each (occurrence 0.5).
const model: ScheduleRiskModel = {
  network: { projectStart: START, activities: [{ id: "A", duration: 5 }] },
  riskEvents: [{ id: "R", probability: "0.5", impacts: [{ activityId: "A", days: 1 }] }],
  costs: [{ activityId: "A", perDay: "1000.03" }],
};
const run = (percentileMethod?: PercentileMethod, m: ScheduleRiskModel = model) =>
  analyseScheduleRisk(m, { iterations: 2, seed: 2, percentiles: [10, 50, 90], ...(percentileMethod ? { percentileMethod } : {}) });
const table = (r: ReturnType<typeof run>) => r.percentiles.map((p) => `P${p.percent} ${p.finish} ${p.cost.amount.toFixed(2)}`);

describe("schedule risk: the percentile convention", () => {
  it("nearest rank by default, stated in the result and its method note", () => {
    const r = run();
    expect(r.riskEvents[0]!.occurrence.toString()).toBe("0.5");
    // Nearest rank of two values: P10 and P50 are the 1st (⌈0.2⌉ = ⌈1⌉ = 1), P90 the 2nd (⌈1.8⌉ = 2).
    expect(table(r)).toEqual(["P10 2027-01-08 5000.15", "P50 2027-01-08 5000.15", "P90 2027-01-11 6000.18"]);
    expect(table(run("nearest-rank"))).toEqual(table(r));
    expect(r.percentileMethod).toBe("nearest-rank");
    expect(r.method).toContain("percentiles by nearest rank (Hyndman–Fan type 1)");
  });

  it("linear (PERCENTILE.INC): costs interpolated and rounded once, half-even; finishes rounded up to a working day", () => {
    const r = run("linear");
    // Costs: 5000.15 + p × 1000.03 for p = 0.1, 0.5, 0.9 → 5100.153, 5500.165, 5900.177 → 5100.15, 5500.16 (half-even,
    // once: the iterations' costs are kept in exact minor-unit-minutes until then), 5900.18.
    // Finishes: the evening of Fri 08 and of Mon 11 are 3 calendar days apart; P10 (+0.3 day) and P50 (+1.5 days) fall
    // on Saturday and Sunday, which do not work: rounded up to Monday, the next working day; P90 (+2.7 days) is Monday.
    expect(table(r)).toEqual(["P10 2027-01-11 5100.15", "P50 2027-01-11 5500.16", "P90 2027-01-11 5900.18"]);
    expect(r.percentileMethod).toBe("linear");
    expect(r.method).toContain("percentiles by linear interpolation (Hyndman–Fan type 7, PERCENTILE.INC), an interpolated finish rounded up to a working day");
  });

  it("an interpolated finish is never rounded past the next iteration's finish day (a Saturday worked on a 7-day calendar)", () => {
    // B works Saturdays: 5 days → Fri 08, with the risk event 6 days → Sat 09. Between the two, the linear P10–P90 fall
    // on Saturday: not a working day of the network calendar, but the day an iteration finished — it stays.
    const sat: ScheduleRiskModel = {
      network: { projectStart: START, calendars: { seven: SEVEN_DAY }, activities: [{ id: "A", duration: 5 }, { id: "B", duration: 5, calendarId: "seven" }] },
      riskEvents: [{ id: "R", probability: "0.5", impacts: [{ activityId: "B", days: 1 }] }],
    };
    expect(run("nearest-rank", sat).percentiles.map((p) => p.finish)).toEqual(["2027-01-08", "2027-01-08", "2027-01-09"]);
    expect(run("linear", sat).percentiles.map((p) => p.finish)).toEqual(["2027-01-09", "2027-01-09", "2027-01-09"]);
  });

  it("exclusive (PERCENTILE.EXC) has no P10 or P90 of 2 iterations: refused with the iterations it needs", () => {
    expect(validationIssues(() => run("exclusive"))).toEqual([
      'percentiles.0: P10 has no value by the exclusive method (PERCENTILE.EXC) with 2 iterations: it needs at least 9; use "nearest-rank" or "linear"',
      'percentiles.2: P90 has no value by the exclusive method (PERCENTILE.EXC) with 2 iterations: it needs at least 9; use "nearest-rank" or "linear"',
    ]);
    expect(validationIssues(() => analyseScheduleRisk(model, { iterations: 98, percentiles: [50, 99], percentileMethod: "exclusive" }))).toEqual([
      'percentiles.1: P99 has no value by the exclusive method (PERCENTILE.EXC) with 98 iterations: it needs at least 99; use "nearest-rank" or "linear"',
    ]);
    expect(validationIssues(() => analyseScheduleRisk(model, { iterations: 99, percentiles: [50, 99], percentileMethod: "exclusive" }))).toEqual([]);
    expect(validationIssues(() => analyseScheduleRisk(model, { iterations: 5000, percentiles: [100], percentileMethod: "exclusive" }))).toEqual([
      'percentiles.0: P100 has no value by the exclusive method (PERCENTILE.EXC) with 5000 iterations: it never has one; use "nearest-rank" or "linear"',
    ]);
    // The median is the same position under types 6 and 7: (N + 1)/2 = (N − 1)/2 + 1.
    const ex = analyseScheduleRisk(model, { iterations: 2, seed: 2, percentiles: [50], percentileMethod: "exclusive" });
    expect(table(ex)).toEqual(["P50 2027-01-11 5500.16"]);
    expect(ex.method).toContain("percentiles by exclusive interpolation (Hyndman–Fan type 6, PERCENTILE.EXC)");
  });

  it("refuses an unknown convention at percentileMethod", () => {
    const bad = (v: unknown) => validationIssues(() => analyseScheduleRisk(model, { percentileMethod: v as PercentileMethod }));
    expect(bad("median")).toEqual(['percentileMethod: unknown percentile method "median": expected "nearest-rank", "linear" or "exclusive"']);
    expect(bad("Linear")).toHaveLength(1);
    expect(bad(7)).toEqual(['percentileMethod: unknown percentile method number 7: expected "nearest-rank", "linear" or "exclusive"']);
  });

  it("every convention gives percentiles in order, between the earliest and latest simulated finish", () => {
    const m: ScheduleRiskModel = {
      network: { projectStart: START, activities: [{ id: "A", duration: 5 }, { id: "B", duration: 3 }], links: [{ from: "A", to: "B" }] },
      durations: [{ activityId: "A", distribution: { kind: "triangular", min: 2, mostLikely: 5, max: 15 } }],
      costs: [{ activityId: "A", perDay: "812.37" }],
    };
    fc.assert(
      fc.property(fc.integer({ min: 20, max: 120 }), fc.integer({ min: 0, max: 1000 }), fc.constantFrom(...PERCENTILE_METHODS), (iterations, seed, percentileMethod) => {
        const r = analyseScheduleRisk(m, { iterations, seed, percentiles: [10, 25, 50, 75, 90], percentileMethod, histogramBins: 1000 });
        const first = r.histogram[0]!.from;
        const last = r.histogram.at(-1)!.to;
        const ps = r.percentiles;
        return ps.every((p, k) => p.finish >= first && p.finish <= last && (k === 0 || (ps[k - 1]!.finish <= p.finish && ps[k - 1]!.cost.amount.lte(p.cost.amount))));
      }),
      { numRuns: 40 },
    );
  });
});
