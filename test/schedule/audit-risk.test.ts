import { describe, expect, it } from "vitest";
import { analyseScheduleRisk, createWorkingCalendar, scheduleNetwork } from "../../src/index.js";
import { validationIssues } from "./helpers.js";

// Audit of the Monte Carlo schedule risk analysis: nearest-rank percentiles, order independence, duplicate rows,
// started work, finish dates — each case failed before its fix.
// Calendar (Monday–Friday): Mon 2027-01-04 … Fri 01-08, Sat 09, Sun 10, Mon 11, Tue 12, Wed 13.
const START = "2027-01-04";

describe("Monte Carlo percentiles by nearest rank", () => {
  it("P7, P14, P28, P55, P56 and P68 of 100 iterations are the 7th, 14th, 28th, 55th, 56th and 68th finish", () => {
    // Nearest rank: the smallest finish with at least p % of the iterations at or below it, i.e. the ⌈p·N/100⌉-th
    // sorted finish. The histogram with one-day bins gives the cumulative share per day, an independent oracle:
    // P_p = the first day whose cumulative share ≥ p/100. Before the fix the rank was ⌈(p/100)·N⌉ in floating point:
    // 0.07 × 100 = 7.000000000000001 → 8th, 0.55 × 100 = 55.00000000000001 → 56th, etc.
    const seven = createWorkingCalendar({ name: "7-day", workingWeekdays: [1, 2, 3, 4, 5, 6, 7] });
    const ps = [7, 14, 28, 55, 56, 68];
    const r = analyseScheduleRisk(
      {
        network: { projectStart: START, calendar: seven, activities: [{ id: "A", duration: 30 }] },
        durations: [{ activityId: "A", distribution: { kind: "uniform", min: 1, max: 60 } }],
      },
      { iterations: 100, seed: 7, percentiles: ps, histogramBins: 1000 },
    );
    const bins = r.histogram;
    expect(bins.every((b) => b.from === b.to)).toBe(true);
    const oracle = ps.map((p) => bins.find((b) => b.cumulative.times(100).gte(p))!.from);
    expect(r.percentiles.map((p) => p.finish)).toEqual(oracle);
  });
});

describe("Monte Carlo: the same model in another order gives the same result", () => {
  const acts = [{ id: "A", duration: 5 }, { id: "B", duration: 3 }, { id: "C", duration: 8 }];
  const events = [
    { id: "R1", probability: "0.5", impacts: [{ activityId: "A", days: 5 }] },
    { id: "R2", probability: "0.3", impacts: [{ activityId: "C", days: 4 }] },
  ];
  const model = (activities: typeof acts, riskEvents: typeof events) =>
    ({
      network: { projectStart: START, activities, links: [{ from: "A", to: "B" }] },
      durations: [
        { activityId: "A", distribution: { kind: "triangular", min: 4, mostLikely: 5, max: 12 } },
        { activityId: "B", distribution: { kind: "uniform", min: 1, max: 9 } },
        { activityId: "C", distribution: { kind: "uniform", min: 6, max: 10 } },
      ],
      riskEvents,
    }) as const;
  const digest = (r: ReturnType<typeof analyseScheduleRisk>) => [
    r.percentiles.map((p) => p.finish),
    [...r.activities].sort((a, b) => (a.id < b.id ? -1 : 1)).map((a) => `${a.id} ${a.criticalityIndex.toFixed()} ${a.sensitivity.value?.toFixed()}`),
    [...r.riskEvents].sort((a, b) => (a.id < b.id ? -1 : 1)).map((e) => `${e.id} ${e.occurrence.toFixed()}`),
  ];
  it("reversing the network's activities or the risk events changes nothing (seed 3, 500 iterations)", () => {
    // Before the fix the k-th uniform went to the k-th activity in input order and the event draws came in input
    // order, so reordering the same model moved the criticality index of C from 0.11 to 0.098 and P80 by a day.
    const r = digest(analyseScheduleRisk(model(acts, events), { iterations: 500, seed: 3 }));
    expect(digest(analyseScheduleRisk(model([...acts].reverse(), events), { iterations: 500, seed: 3 }))).toEqual(r);
    expect(digest(analyseScheduleRisk(model(acts, [...events].reverse()), { iterations: 500, seed: 3 }))).toEqual(r);
  });
  it("keeps the risk events in input order in the result", () => {
    const r = analyseScheduleRisk(model(acts, [...events].reverse()), { iterations: 50, seed: 3 });
    expect(r.riskEvents.map((e) => e.id)).toEqual(["R2", "R1"]);
  });
});

describe("Monte Carlo: duplicate rows are refused, not counted twice or overwritten", () => {
  const network = { projectStart: START, activities: [{ id: "A", duration: 5 }] };
  it("two risk events with the same id (the same RAID risk drawn twice) are a ValidationError at the second id", () => {
    const ev = { id: "R1", probability: "0.5", impacts: [{ activityId: "A", days: 5 }] };
    expect(validationIssues(() => analyseScheduleRisk({ network, riskEvents: [ev, ev] }, { iterations: 10 }))).toEqual([
      "riskEvents.1.id: duplicate risk event id R1",
    ]);
  });
  it("two cost rows for one activity are a ValidationError (the second silently replaced the first)", () => {
    // Before: costs [{A fixed 1000}, {A fixed 500, perDay 100}] gave a deterministic cost of 500 + 5 × 100 = 1000,
    // dropping the first row's 1000 without a word.
    expect(
      validationIssues(() =>
        analyseScheduleRisk({ network, costs: [{ activityId: "A", fixed: "1000" }, { activityId: "A", fixed: "500", perDay: "100" }] }, { iterations: 10 }),
      ),
    ).toEqual(["costs.1.activityId: A has two cost rows (one per activity)"]);
  });
});

describe("Monte Carlo at a status date: started work is not sampled", () => {
  // A (5 days planned) ran Mon 4 – Wed 6 and is complete at the status date Fri 8; B (4 days, uniform 3–6) follows.
  const network = {
    projectStart: START,
    statusDate: "2027-01-08",
    activities: [{ id: "A", duration: 5, progress: { actualStart: "2027-01-04", actualFinish: "2027-01-06" } }, { id: "B", duration: 4 }],
    links: [{ from: "A", to: "B" }],
  };
  const b = { activityId: "B", distribution: { kind: "uniform" as const, min: 3, max: 6 } };
  const costs = [{ activityId: "A", perDay: "100" }, { activityId: "B", perDay: "100" }];
  it("a distribution on complete work changes nothing: cost, mean and sensitivity come from what A took (3 days)", () => {
    // Before: A's uniform 2–20 days was sampled for the cost and the statistics although the schedule kept A's
    // actual dates: P90 cost 2,273.33 (A up to 20 days × 100), A's mean duration 11.05 days, a sensitivity for A, and
    // a deterministic cost of 900 (A's planned 5 days × 100 + 4 × 100). After: the deterministic cost is 3 × 100 +
    // 4 × 100 = 700, and the whole result equals the one without A's distribution (the oracle: uncertainty applies to
    // unstarted work only, docs/scheduling.md §5).
    const opts = { iterations: 2000, seed: 1 };
    const withA = analyseScheduleRisk({ network, durations: [{ activityId: "A", distribution: { kind: "uniform", min: 2, max: 20 } }, b], costs }, opts);
    const without = analyseScheduleRisk({ network, durations: [b], costs }, opts);
    expect(withA.deterministicCost.amount.toFixed(2)).toBe("700.00");
    const a = withA.activities.find((x) => x.id === "A")!;
    expect([a.meanDuration.toFixed(), a.sensitivity.reason]).toEqual(["3", "constant-duration"]);
    expect(withA.percentiles.every((p) => p.cost.amount.gte(600) && p.cost.amount.lte(900))).toBe(true);
    const digest = (r: typeof withA) => [r.percentiles, r.meanCost, r.activities.map((x) => [x.id, x.criticalityIndex, x.sensitivity.value, x.meanDuration]), r.tornado];
    expect(digest(withA)).toEqual(digest(without));
  });
  it("a risk event's days on complete work are not added (its cost is)", () => {
    // R hits A (complete) with 5 days and 1,000 in every iteration. Oracle: the same event without the days (the
    // same draws). Before the fix each iteration also added 5 × 100 for days A never worked (cost 500 higher).
    const event = (impact: object) => [{ id: "R", probability: 1, impacts: [{ activityId: "A", cost: "1000", ...impact }] }];
    const r = analyseScheduleRisk({ network, durations: [b], costs, riskEvents: event({ days: 5 }) }, { iterations: 200, seed: 1 });
    const base = analyseScheduleRisk({ network, durations: [b], costs, riskEvents: event({}) }, { iterations: 200, seed: 1 });
    expect(r.percentiles.map((p) => p.cost.amount.toFixed(2))).toEqual(base.percentiles.map((p) => p.cost.amount.toFixed(2)));
    expect(r.percentiles.map((p) => p.finish)).toEqual(base.percentiles.map((p) => p.finish));
  });
});

describe("Monte Carlo finish dates on the finishing activity's calendar", () => {
  const SEVEN = createWorkingCalendar({ name: "7-day", workingWeekdays: [1, 2, 3, 4, 5, 6, 7] });
  it("a 7-day activity working Mon 4 – Sat 9 finishes on Sat 9, as scheduleNetwork says, not on Friday 8", () => {
    // Before: the finish instant (Sunday 00:00) was dated on the network calendar's last working day, Friday 8, while
    // P(finish ≤ Fri 8) was 0 — the percentiles said Friday and the probability of Friday said never.
    const network = { projectStart: START, calendars: { seven: SEVEN }, activities: [{ id: "A", duration: 6, calendarId: "seven" }, { id: "M", duration: 0 }], links: [{ from: "A", to: "M" }] };
    expect(scheduleNetwork(network).finish).toBe("2027-01-09");
    const friday = analyseScheduleRisk({ network }, { iterations: 10, seed: 1, targetFinish: "2027-01-08" });
    expect([friday.deterministicFinish, ...friday.percentiles.map((p) => p.finish), friday.meanFinish]).toEqual(Array(6).fill("2027-01-09"));
    expect(friday.probabilityOfFinish.value?.toFixed()).toBe("0");
    expect(analyseScheduleRisk({ network }, { iterations: 10, seed: 1, targetFinish: "2027-01-09" }).probabilityOfFinish.value?.toFixed()).toBe("1");
  });
  it("a milestone pinned on Monday 11 by SNET still counts as Friday 8 (documented), and P(finish ≤ Fri 8) agrees", () => {
    // B on the 7-day calendar sends the run through the general kernel, where the milestone's instant is Monday 00:00.
    const network = {
      projectStart: START,
      calendars: { seven: SEVEN },
      activities: [{ id: "A", duration: 3 }, { id: "B", duration: 1, calendarId: "seven" }, { id: "M", duration: 0, constraint: { kind: "snet" as const, date: "2027-01-11" } }],
      links: [{ from: "A", to: "M" }],
    };
    const r = analyseScheduleRisk({ network }, { iterations: 10, seed: 1, targetFinish: "2027-01-08" });
    expect([r.deterministicFinish, r.probabilityOfFinish.value?.toFixed()]).toEqual(["2027-01-08", "1"]);
  });
});
