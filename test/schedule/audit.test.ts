import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyseScheduleRisk, createWorkingCalendar, levelResources, resourceLoad, scheduleNetwork } from "../../src/index.js";
import { act, row, validationIssues } from "./helpers.js";

// Calendar (Monday–Friday): Mon 2027-01-04 … Fri 01-08, Sat 09, Sun 10, Mon 11, Tue 12, Wed 13.
const START = "2027-01-04";

describe("milestones pinned by SNET when a link ties with the constraint", () => {
  it("an SNET Wed 6 milestone after a Mon–Tue task is on Wed 6, not Tue 5 (before its own constraint date)", () => {
    // A Mon 4 – Tue 5 finishes Tue evening; M is SNET Wed 6 (morning). In working time the two instants coincide, so
    // the link and the constraint tie. MS Project puts the milestone at its SNET date, Wed 6 08:00, and the guide
    // says an SNET milestone is on its day; before the fix M showed Tue 5 — a day before its SNET date — and the
    // network finished Tue 5, while the same network with MSO Wed 6 finished Wed 6.
    const r = scheduleNetwork({
      projectStart: START,
      activities: [{ id: "A", duration: 2 }, { id: "M", duration: 0, constraint: { kind: "snet", date: "2027-01-06" } }],
      links: [{ from: "A", to: "M" }],
    });
    const m = act(r, "M");
    expect([m.earlyStart, m.earlyFinish, m.lateStart, m.lateFinish, m.scheduledStart, m.scheduledFinish]).toEqual(Array(6).fill("2027-01-06"));
    expect(r.finish).toBe("2027-01-06");
    expect(r.violations).toEqual([]);
  });
  it("an SNET milestone on a holiday is on the next working morning (Thu 7), never before its date", () => {
    // Wed 6 is a holiday: SNET Wed 6 means the next working instant, Thu 7 morning (MS Project: Thu 08:00).
    const cal = createWorkingCalendar({ name: "h", holidays: [{ date: "2027-01-06", name: "holiday" }] });
    const r = scheduleNetwork({
      projectStart: START,
      calendar: cal,
      activities: [{ id: "A", duration: 2 }, { id: "M", duration: 0, constraint: { kind: "snet", date: "2027-01-06" } }],
      links: [{ from: "A", to: "M" }],
    });
    expect(row(r, "M")).toEqual(["2027-01-07", "2027-01-07", "2027-01-07", "2027-01-07", "0"]);
  });
});

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

describe("elapsed lags into a successor on another calendar: the backward pass inverts the forward pass", () => {
  // FOUR works Mon–Thu with Thu 7 a holiday: its working days are Mon 4, Tue 5, Wed 6, Mon 11, …
  const FOUR = createWorkingCalendar({ name: "Mon–Thu", workingWeekdays: [1, 2, 3, 4], holidays: [{ date: "2027-01-07", name: "holiday" }] });
  it("A (Mon–Thu 4 days) FF +1 elapsed day → B (2 days on FOUR): A has 1 day of float, not −2", () => {
    // Forward: A finishes Thu 7 evening (= Fri 8 00:00) + 1 elapsed day = Sat 9 00:00; on FOUR that instant lies in
    // the non-working stretch after Wed 6, so B must finish by Wed 6 evening: B Tue 5 – Wed 6.
    // Backward: B may finish Wed 6 evening, and every instant up to Mon 11 00:00 is still "after Wed 6" on FOUR, so A
    // may finish as late as Mon 11 00:00 − 1 day = Sun 10 00:00, i.e. Fri 8 evening: LF(A) = Fri 8, total float 1
    // (check: A finishing Fri 8 evening + 1 elapsed day = Sun 10 keeps B on Wed 6). Before the fix the backward pass
    // took the earliest instant of that stretch (Thu 7 00:00) and gave LF(A) = Tue 5 and a total float of −2 days,
    // with a "negative-float" violation, in a network without any constraint or deadline.
    const r = scheduleNetwork({
      projectStart: START,
      calendars: { four: FOUR },
      activities: [{ id: "A", duration: 4 }, { id: "B", duration: 2, calendarId: "four" }, { id: "C", duration: 5 }],
      links: [{ from: "A", to: "B", type: "FF", lag: { elapsedDays: 1 } }],
    });
    expect(row(r, "A")).toEqual(["2027-01-04", "2027-01-07", "2027-01-05", "2027-01-08", "1"]);
    expect(act(r, "A").freeFloat.toFixed()).toBe("1");
    expect(row(r, "B")).toEqual(["2027-01-05", "2027-01-06", "2027-01-05", "2027-01-06", "0"]);
    expect(r.violations).toEqual([]);
  });
  it("property: without constraints or deadlines, no float is negative on any mix of calendars and lags", () => {
    // The early schedule is itself feasible and ends by the network finish, so the latest dates can never be earlier
    // than the early ones: total float ≥ 0 and 0 ≤ free float ≤ total float for every activity.
    const TYPES = ["FS", "SS", "FF", "SF"] as const;
    const calendars = {
      seven: createWorkingCalendar({ name: "7-day", workingWeekdays: [1, 2, 3, 4, 5, 6, 7] }),
      four: FOUR,
      tueSat: createWorkingCalendar({ name: "Tue–Sat", workingWeekdays: [2, 3, 4, 5, 6] }),
    };
    const cal = fc.constantFrom(undefined, "seven", "four", "tueSat");
    const lag = fc.oneof(
      fc.integer({ min: -3, max: 3 }).map((days) => ({ days })),
      fc.integer({ min: -3, max: 3 }).map((elapsedDays) => ({ elapsedDays })),
      fc.integer({ min: -100, max: 100 }).map((percent) => ({ percent })),
    );
    const input = fc.integer({ min: 2, max: 8 }).chain((n) =>
      fc.record({
        activities: fc.tuple(...Array.from({ length: n }, (_, i) => fc.record({ d: fc.integer({ min: 0, max: 10 }), cal }).map(({ d, cal: c }) => ({ id: `A${i}`, duration: d / 2, ...(c ? { calendarId: c } : {}) })))),
        links: fc.uniqueArray(
          fc.record({ a: fc.integer({ min: 0, max: n - 2 }), gap: fc.integer({ min: 1, max: n - 1 }), type: fc.constantFrom(...TYPES), lag: fc.option(lag, { nil: undefined }) }),
          { maxLength: 12, selector: (l) => `${l.a}-${Math.min(n - 1, l.a + l.gap)}` },
        ).map((ls) => ls.map((l) => ({ from: `A${l.a}`, to: `A${Math.min(n - 1, l.a + l.gap)}`, type: l.type, ...(l.lag ? { lag: l.lag } : {}) }))),
      }),
    );
    fc.assert(
      fc.property(input, ({ activities, links }) => {
        const r = scheduleNetwork({ projectStart: START, calendars, activities, links });
        for (const a of r.activities) {
          expect(a.totalFloat.gte(0), a.id).toBe(true);
          expect(a.freeFloat.gte(0) && a.freeFloat.lte(a.totalFloat), a.id).toBe(true);
        }
        expect(r.violations.filter((v) => v.kind === "negative-float")).toEqual([]);
      }),
      { numRuns: 150, seed: 2027 },
    );
  });
});

describe("resources on part days: demand is units × working time, over-allocation needs units in use at the same time", () => {
  const plan = (links: { from: string; to: string }[]) => ({
    network: { projectStart: START, activities: [{ id: "A", duration: "0.5" }, { id: "B", duration: "0.5" }], links },
    resources: [{ id: "DBA", maxUnits: 1 }],
    assignments: [{ activityId: "A", resourceId: "DBA", units: 1 }, { activityId: "B", resourceId: "DBA", units: 1 }],
  });
  it("A (morning) then B (afternoon) on one DBA: 1 unit-day, no over-allocation, nothing to level", () => {
    // A works Mon 4 08–12, B (FS) Mon 4 12–16, each with the DBA full time: never two units at once. Demand =
    // 1 × 0.5 + 1 × 0.5 = 1 unit-day (scheduling reference §3: Σ units × working time). Before the fix Monday
    // counted 2 unit-days and an over-allocation with a peak of 2, and levelling moved B to Tue 5.
    const load = resourceLoad(plan([{ from: "A", to: "B" }]), { period: "day" });
    expect(load.resources.map((r) => [r.periodStart, r.demand.toFixed(), r.capacity.toFixed()])).toEqual([["2027-01-04", "1", "1"]]);
    expect(load.overAllocations).toEqual([]);
    const levelled = levelResources(plan([{ from: "A", to: "B" }]));
    expect([levelled.finish, levelled.delays, levelled.remainingOverAllocations]).toEqual(["2027-01-04", [], []]);
  });
  it("A and B both in the morning are two units at once: over-allocated, and levelling moves B to the next day", () => {
    const load = resourceLoad(plan([]), { period: "day" });
    expect(load.resources.map((r) => r.demand.toFixed())).toEqual(["1"]);
    expect(load.overAllocations.map((o) => [o.from, o.to, o.peakUnits.toFixed(), o.activityIds])).toEqual([["2027-01-04", "2027-01-04", "2", ["A", "B"]]]);
    const levelled = levelResources(plan([]));
    expect(levelled.activities.map((a) => [a.id, a.start, a.finish])).toEqual([["A", "2027-01-04", "2027-01-04"], ["B", "2027-01-05", "2027-01-05"]]);
  });
  it("property: daily demand and over-allocated days match a minute-by-minute simulation (7-day calendar, FS chains)", () => {
    // Oracle: on a calendar where every day works, an activity occupies the minutes [ES, ES + d) counted from the
    // project start, with ES = max over FS predecessors of their early finish — a forward pass written here. Each
    // 60-minute slot (durations are whole hours) sums the units of the activities on it; a day is over-allocated
    // when some slot exceeds the capacity, and its demand is Σ units × hours ÷ 8.
    const SEVEN = createWorkingCalendar({ name: "7-day", workingWeekdays: [1, 2, 3, 4, 5, 6, 7] });
    const model = fc.integer({ min: 1, max: 6 }).chain((n) =>
      fc.record({
        hours: fc.array(fc.integer({ min: 1, max: 20 }), { minLength: n, maxLength: n }),
        units: fc.array(fc.constantFrom(0.5, 1, 2), { minLength: n, maxLength: n }),
        links: fc
          .uniqueArray(fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: n - 1 })), { selector: ([a, b]) => `${a}-${b}`, maxLength: 8 })
          .map((ls) => ls.filter(([a, b]) => a < b)),
        cap: fc.constantFrom(1, 2),
      }),
    );
    fc.assert(
      fc.property(model, ({ hours, units, links, cap }) => {
        const n = hours.length;
        const es: number[] = [];
        for (let j = 0; j < n; j++) es[j] = Math.max(0, ...links.filter(([, b]) => b === j).map(([a]) => (es[a] as number) + (hours[a] as number)));
        const end = Math.max(...es.map((s, i) => s + (hours[i] as number)));
        const days = Math.ceil(end / 8);
        const slot = Array.from({ length: days * 8 }, (_, h) => es.reduce((sum, s, i) => (s <= h && h < s + (hours[i] as number) ? sum + (units[i] as number) : sum), 0));
        const demand = Array.from({ length: days }, (_, d) => slot.slice(d * 8, d * 8 + 8).reduce((x, y) => x + y, 0) / 8);
        const over = Array.from({ length: days }, (_, d) => Math.max(...slot.slice(d * 8, d * 8 + 8)) > cap);
        const load = resourceLoad(
          {
            network: { projectStart: START, calendar: SEVEN, activities: hours.map((h, i) => ({ id: `A${i}`, duration: h / 8 })), links: links.map(([a, b]) => ({ from: `A${a}`, to: `A${b}` })) },
            resources: [{ id: "R", maxUnits: cap }],
            assignments: units.map((u, i) => ({ activityId: `A${i}`, resourceId: "R", units: u })),
          },
          { period: "day" },
        );
        const day = (d: number) => new Date(Date.UTC(2027, 0, 4 + d)).toISOString().slice(0, 10);
        expect(load.resources.filter((r) => r.periodStart >= START).map((r) => Number(r.demand.toFixed()))).toEqual(demand);
        const flagged = new Set(load.overAllocations.flatMap((o) => Array.from({ length: days }, (_, d) => day(d)).filter((x) => x >= o.from && x <= o.to)));
        expect(Array.from({ length: days }, (_, d) => flagged.has(day(d)))).toEqual(over);
      }),
      { numRuns: 200, seed: 11 },
    );
  });
});

describe("levelling on part days, checked minute by minute", () => {
  it("property (delay-finish): at no hour does a levelled plan use more units than the capacity (7-day calendar)", () => {
    // Oracle: on a calendar where every day works, the levelled start of activity i is its CPM early start plus its
    // delay, both in hours from the project start (ES by a forward pass written here, FS links, durations in whole
    // hours of an 8-hour day); summing units per hour must never exceed the capacity when every demand fits it.
    const SEVEN = createWorkingCalendar({ name: "7-day", workingWeekdays: [1, 2, 3, 4, 5, 6, 7] });
    const model = fc.integer({ min: 1, max: 6 }).chain((n) =>
      fc.record({
        hours: fc.array(fc.integer({ min: 1, max: 20 }), { minLength: n, maxLength: n }),
        units: fc.array(fc.constantFrom(0.5, 1, 2), { minLength: n, maxLength: n }),
        links: fc
          .uniqueArray(fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: n - 1 })), { selector: ([a, b]) => `${a}-${b}`, maxLength: 8 })
          .map((ls) => ls.filter(([a, b]) => a < b)),
        cap: fc.constantFrom(2, 3),
      }),
    );
    fc.assert(
      fc.property(model, ({ hours, units, links, cap }) => {
        const n = hours.length;
        const es: number[] = [];
        for (let j = 0; j < n; j++) es[j] = Math.max(0, ...links.filter(([, b]) => b === j).map(([a]) => (es[a] as number) + (hours[a] as number)));
        const r = levelResources({
          network: { projectStart: START, calendar: SEVEN, activities: hours.map((h, i) => ({ id: `A${i}`, duration: h / 8 })), links: links.map(([a, b]) => ({ from: `A${a}`, to: `A${b}` })) },
          resources: [{ id: "R", maxUnits: cap }],
          assignments: units.map((u, i) => ({ activityId: `A${i}`, resourceId: "R", units: u })),
        });
        const start = r.activities.map((a, i) => (es[i] as number) + Number(a.delayDays.times(8).toFixed()));
        // FS logic still holds after levelling.
        for (const [a, b] of links) expect(start[b]! >= start[a]! + hours[a]!).toBe(true);
        const end = Math.max(...start.map((s, i) => s + hours[i]!));
        for (let h = 0; h < end; h++) {
          const used = start.reduce((sum, s, i) => (s <= h && h < s + hours[i]! ? sum + units[i]! : sum), 0);
          expect(used).toBeLessThanOrEqual(cap);
        }
        expect(r.remainingOverAllocations).toEqual([]);
      }),
      { numRuns: 200, seed: 5 },
    );
  });
});

describe("bad input is a ValidationError with its path, never ignored or a TypeError", () => {
  const network = { projectStart: START, statusDate: "2027-01-06", activities: [{ id: "A", duration: 4 }, { id: "B", duration: 2 }] };
  it("progress without an actual start: 50 % complete or a remaining duration was ignored (A scheduled as not started, 4 days left)", () => {
    expect(
      validationIssues(() =>
        scheduleNetwork({ ...network, activities: [{ id: "A", duration: 4, progress: { percentComplete: 50 } }, { id: "B", duration: 2, progress: { remainingDuration: 1 } }] }),
      ),
    ).toEqual([
      "activities.0.progress.percentComplete: a percent complete above 0 needs an actual start (the activity is not started)",
      "activities.1.progress.remainingDuration: a remaining duration needs an actual start (the activity is not started)",
    ]);
    // 0 % without an actual start says nothing new and is accepted.
    expect(act(scheduleNetwork({ ...network, activities: [{ id: "A", duration: 4, progress: { percentComplete: 0 } }] }), "A").status).toBe("not-started");
  });
  it("a link type null was read as FS; a lag with days and percent used the days", () => {
    expect(
      validationIssues(() =>
        scheduleNetwork({ ...network, links: [{ from: "A", to: "B", type: null as never }, { from: "B", to: "A", lag: { days: 1, percent: 50 } as never }] }),
      ),
    ).toEqual(["links.0.type: link type must be FS, SS, FF or SF, got null", "links.1.lag: a lag is one of { days }, { elapsedDays } or { percent }, not several"]);
  });
  it("the same resource assigned twice to one activity doubled its demand (4 unit-days for a 2-day activity at 1 unit)", () => {
    const plan = {
      network: { projectStart: START, activities: [{ id: "A", duration: 2 }] },
      resources: [{ id: "DBA", maxUnits: 1 }],
      assignments: [{ activityId: "A", resourceId: "DBA", units: 1 }, { activityId: "A", resourceId: "DBA", units: 1 }],
    };
    expect(validationIssues(() => resourceLoad(plan))).toEqual(["assignments.1: A is assigned DBA twice (one row per activity and resource)"]);
    expect(validationIssues(() => levelResources(plan))).toEqual(["assignments.1: A is assigned DBA twice (one row per activity and resource)"]);
  });
  it("non-array resources, a null assignment, a risk event without impacts, a null duration row: paths, not TypeErrors", () => {
    const plan = { network, resources: [{ id: "DBA", maxUnits: 1 }], assignments: [{ activityId: "A", resourceId: "DBA", units: 1 }] };
    expect(validationIssues(() => resourceLoad({ ...plan, resources: "DBA" as never }))).toEqual(["resources: expected an array of resources"]);
    expect(validationIssues(() => resourceLoad({ ...plan, assignments: [null as never] }))).toEqual(["assignments.0: expected an assignment object"]);
    expect(validationIssues(() => analyseScheduleRisk({ network, riskEvents: [{ id: "R", probability: "0.5" } as never] }))).toEqual(["riskEvents.0.impacts: expected an array of impacts"]);
    expect(validationIssues(() => analyseScheduleRisk({ network, durations: [null as never] }))).toEqual(["durations.0: expected an object"]);
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

describe("a milestone shown after its deadline is reported even at the same working position", () => {
  it("SNET Wed 6 milestone with deadline Tue 5 (or FNLT Tue 5): shown Wed 6, so the miss is reported (0 working days)", () => {
    // Tue 5 evening and Wed 6 morning are the same working position, so float is 0 — but the milestone is dated
    // Wed 6, a day after its deadline (MS Project flags a deadline earlier than the finish). Before: no violation.
    const r = scheduleNetwork({ projectStart: START, activities: [{ id: "M", duration: 0, constraint: { kind: "snet", date: "2027-01-06" }, deadline: "2027-01-05" }] });
    expect(r.violations.map((v) => [v.kind, v.days?.toFixed(), v.message])).toEqual([["deadline-missed", "0", "M finishes on 2027-01-06, after its deadline 2027-01-05"]]);
    const f = scheduleNetwork({ projectStart: "2027-01-06", activities: [{ id: "M", duration: 0, constraint: { kind: "fnlt", date: "2027-01-05" } }] });
    expect(f.violations.map((v) => [v.kind, v.message])).toEqual([["constraint-violated", "M finishes on 2027-01-06, after its finish-no-later-than date 2027-01-05"]]);
    // A deadline on the milestone's own day is met.
    expect(scheduleNetwork({ projectStart: START, activities: [{ id: "M", duration: 0, constraint: { kind: "snet", date: "2027-01-06" }, deadline: "2027-01-06" }] }).violations).toEqual([]);
  });
});

describe("actual dates on non-working days are shown as recorded", () => {
  it("work done over a weekend keeps its actual dates in the early, late, scheduled and levelled dates", () => {
    // A worked Sat 9 – Mon 11 (complete), B started Sun 10 (in progress), C ran Fri 8 – Sun 10 (complete); status
    // date Wed 13. Before: A showed Mon 11 – Mon 11 and C Fri 8 – Fri 8 (positions moved the weekend dates to the
    // next working morning or the previous working evening) while their drivers said "actual 2027-01-09".
    const network = {
      projectStart: START,
      statusDate: "2027-01-13",
      activities: [
        { id: "A", duration: 2, progress: { actualStart: "2027-01-09", actualFinish: "2027-01-11" } },
        { id: "B", duration: 3, progress: { actualStart: "2027-01-10", remainingDuration: 1 } },
        { id: "C", duration: 1, progress: { actualStart: "2027-01-08", actualFinish: "2027-01-10" } },
      ],
    };
    const r = scheduleNetwork(network);
    const dates = (id: string) => {
      const a = act(r, id);
      return [a.earlyStart, a.earlyFinish, a.lateStart, a.lateFinish, a.scheduledStart, a.scheduledFinish];
    };
    expect(dates("A")).toEqual(["2027-01-09", "2027-01-11", "2027-01-09", "2027-01-11", "2027-01-09", "2027-01-11"]);
    expect(dates("C")).toEqual(["2027-01-08", "2027-01-10", "2027-01-08", "2027-01-10", "2027-01-08", "2027-01-10"]);
    // B: started Sun 10, its remaining day is Thu 14 (the morning after the status date).
    expect([act(r, "B").earlyStart, act(r, "B").earlyFinish, act(r, "B").scheduledStart]).toEqual(["2027-01-10", "2027-01-14", "2027-01-10"]);
    const levelled = levelResources({ network, resources: [{ id: "R", maxUnits: 1 }], assignments: [] });
    expect(levelled.activities.map((a) => [a.id, a.start, a.finish])).toEqual([["A", "2027-01-09", "2027-01-11"], ["B", "2027-01-10", "2027-01-14"], ["C", "2027-01-08", "2027-01-10"]]);
  });
});
