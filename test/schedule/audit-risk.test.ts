import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyseScheduleRisk, createWorkingCalendar, scheduleNetwork, type ScheduleRiskModel, type ScheduleRiskResult } from "../../src/index.js";
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

describe("Monte Carlo: groups and correlations in another order give the same result", () => {
  // A → B; C and D alone. Groups G1 = {A, B} and G2 = {C}; correlations G1–G2 0.3 and G2–D −0.4.
  const network = { projectStart: START, activities: [{ id: "A", duration: 5 }, { id: "B", duration: 3 }, { id: "C", duration: 4 }, { id: "D", duration: 2 }], links: [{ from: "A", to: "B" }] };
  const durations = [
    { activityId: "A", distribution: { kind: "triangular", min: 2, mostLikely: 5, max: 15 } },
    { activityId: "B", distribution: { kind: "uniform", min: 1, max: 4 } },
    { activityId: "C", distribution: { kind: "pert", min: 3, mostLikely: 6, max: 20 } },
    { activityId: "D", distribution: { kind: "uniform", min: 2, max: 9 } },
  ] as const;
  const G1 = { id: "G1", activityIds: ["A", "B"] };
  const G2 = { id: "G2", activityIds: ["C"] };
  const c12 = { between: "G1", and: "G2", coefficient: "0.3" };
  const c2d = { between: "G2", and: "D", coefficient: "-0.4" };
  const p = (model: Omit<ScheduleRiskModel, "network" | "durations">) =>
    analyseScheduleRisk({ network, durations, ...model }, { iterations: 500, seed: 5 }).percentiles.map((x) => x.finish);
  it("the two groups listed the other way round give the same percentiles (seed 5, 500 iterations)", () => {
    // Before the fix each group took the unit of its place in the list: [G1, G2] gave P90 2027-01-25, [G2, G1]
    // 2027-01-22 (with or without the correlations), and listing the correlations in another order moved the units of
    // correlated activities too. Now every permutation gives the answer of the canonical order (by name: G1, G2 then D).
    const reference = p({ groups: [G1, G2], correlations: [c12, c2d] });
    expect(p({ groups: [G2, G1], correlations: [c12, c2d] })).toEqual(reference);
    expect(p({ groups: [G2, { id: "G1", activityIds: ["B", "A"] }], correlations: [c2d, { between: "G2", and: "G1", coefficient: "0.3" }] })).toEqual(reference);
    expect(p({ groups: [G2, G1] })).toEqual(p({ groups: [G1, G2] }));
  });
  it("a pair correlated twice is refused (the later row overwrote the earlier one, so the list order decided)", () => {
    expect(validationIssues(() => analyseScheduleRisk({ network, durations, groups: [G1, G2], correlations: [c12, { between: "G2", and: "G1", coefficient: "0.5" }] }, { iterations: 10 }))).toEqual([
      "correlations.1: G2 and G1 are already correlated (correlations.0): one coefficient per pair",
    ]);
  });

  // Property: any model — activities with distributions, some in groups, correlations between groups and ungrouped
  // activities, risk events — gives the same result for a fixed seed when its activities, links, distributions,
  // groups, group members, correlations (and the two ends of each) and risk events are permuted. Coefficients are at
  // most 0.15 in size between at most 7 units, so every row of the matrix is diagonally dominant: positive definite.
  const ids = ["A", "B", "C", "D", "E", "F", "G"];
  const modelArb = fc
    .record({
      n: fc.integer({ min: 2, max: 7 }),
      kinds: fc.array(fc.constantFrom("triangular", "uniform", "pert", "none"), { minLength: 7, maxLength: 7 }),
      links: fc.array(fc.tuple(fc.nat(6), fc.nat(6)), { maxLength: 6 }),
      group: fc.array(fc.constantFrom(-1, 0, 1, 2), { minLength: 7, maxLength: 7 }),
      pairs: fc.array(fc.tuple(fc.nat(9), fc.nat(9), fc.constantFrom("-0.1", "0.05", "0.1", "0.15")), { maxLength: 6 }),
      events: fc.array(fc.tuple(fc.constantFrom("0.2", "0.5"), fc.nat(6), fc.integer({ min: 1, max: 4 })), { maxLength: 3 }),
    })
    .map(({ n, kinds, links, group, pairs, events }): ScheduleRiskModel => {
      const acts = ids.slice(0, n);
      const durations = acts.flatMap((id, i) => {
        const k = kinds[i]!;
        if (k === "none") return [];
        const distribution = k === "uniform" ? { kind: k, min: 2, max: 7 + i } : { kind: k, min: 1, mostLikely: 3 + (i % 3), max: 9 + i };
        return [{ activityId: id, distribution }];
      });
      const uncertain = durations.map((d) => d.activityId);
      const groups = [0, 1, 2].map((g) => ({ id: `grp-${"zya"[g]}`, activityIds: uncertain.filter((id) => group[ids.indexOf(id)] === g) })).filter((g) => g.activityIds.length > 0);
      const units = [...groups.map((g) => g.id), ...uncertain.filter((id) => group[ids.indexOf(id)] === -1)];
      const seen = new Set<string>();
      const correlations = units.length < 2 ? [] : pairs.flatMap(([x, y, coefficient]) => {
        const [a, b] = [units[x % units.length]!, units[y % units.length]!];
        const key = [a, b].sort().join(" ");
        if (a === b || seen.has(key)) return [];
        seen.add(key);
        return [{ between: a, and: b, coefficient }];
      });
      return {
        network: {
          projectStart: START,
          activities: acts.map((id, i) => ({ id, duration: 3 + i })),
          // Forward links only (from a lower index): no cycles, no duplicates.
          links: [...new Set(links.map(([x, y]) => `${Math.min(x, y) % n} ${Math.max(x, y) % n}`))].flatMap((k) => {
            const [x, y] = k.split(" ").map(Number) as [number, number];
            return x < y ? [{ from: acts[x]!, to: acts[y]! }] : [];
          }),
        },
        durations,
        groups,
        correlations,
        riskEvents: events.map(([probability, a, days], e) => ({ id: `R-${e}`, probability, impacts: [{ activityId: acts[a % n]!, days }] })),
      };
    });
  const shuffle = <T,>(xs: readonly T[], seed: number): T[] => {
    const out = [...xs];
    let s = seed >>> 0;
    for (let i = out.length - 1; i > 0; i--) {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      const j = s % (i + 1);
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };
  const permuted = (m: ScheduleRiskModel, seed: number): ScheduleRiskModel => ({
    network: { ...m.network, activities: shuffle(m.network.activities, seed), links: shuffle(m.network.links ?? [], seed + 1) },
    durations: shuffle(m.durations ?? [], seed + 2),
    groups: shuffle((m.groups ?? []).map((g, k) => ({ ...g, activityIds: shuffle(g.activityIds, seed + 10 + k) })), seed + 3),
    correlations: shuffle((m.correlations ?? []).map((c, k) => ((seed + k) % 2 === 0 ? c : { ...c, between: c.and, and: c.between })), seed + 4),
    riskEvents: shuffle(m.riskEvents ?? [], seed + 5),
  });
  // Everything but the order of the lists that follow the input (activities and risk events, compared by id).
  const view = (r: ScheduleRiskResult) =>
    JSON.parse(JSON.stringify({ ...r, activities: [...r.activities].sort((a, b) => (a.id < b.id ? -1 : 1)), riskEvents: [...r.riskEvents].sort((a, b) => (a.id < b.id ? -1 : 1)) })) as unknown;
  it("permuting activities, links, distributions, groups, members, correlations and risk events changes nothing (property)", () => {
    fc.assert(
      fc.property(modelArb, fc.nat(), fc.integer({ min: 1, max: 1000 }), (model, perm, seed) => {
        const opts = { iterations: 60, seed, targetFinish: "2027-01-20" };
        expect(view(analyseScheduleRisk(permuted(model, perm), opts))).toEqual(view(analyseScheduleRisk(model, opts)));
      }),
      { numRuns: 60 },
    );
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
  it("a milestone pinned on Monday 11 by SNET counts on Monday 11, as scheduleNetwork dates it, and P(finish ≤ Fri 8) agrees", () => {
    // B on the 7-day calendar sends the run through the general kernel, where the milestone's instant is Monday 00:00.
    // It counted as Friday 8 (then documented), a day before scheduleNetwork's finish: see risk-pinned-milestone.test.ts.
    const network = {
      projectStart: START,
      calendars: { seven: SEVEN },
      activities: [{ id: "A", duration: 3 }, { id: "B", duration: 1, calendarId: "seven" }, { id: "M", duration: 0, constraint: { kind: "snet" as const, date: "2027-01-11" } }],
      links: [{ from: "A", to: "M" }],
    };
    expect(scheduleNetwork(network).finish).toBe("2027-01-11");
    const r = analyseScheduleRisk({ network }, { iterations: 10, seed: 1, targetFinish: "2027-01-08" });
    expect([r.deterministicFinish, r.probabilityOfFinish.value?.toFixed()]).toEqual(["2027-01-11", "0"]);
  });
});
