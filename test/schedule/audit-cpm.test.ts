import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyseScheduleRisk, createWorkingCalendar, levelResources, resourceLoad, scheduleNetwork } from "../../src/index.js";
import { act, row, validationIssues } from "./helpers.js";

// Audit of the CPM engine against hand derivations, MS Project semantics and an invariant (no negative float
// without constraints): each case failed before its fix.
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

describe("free float of links into started work", () => {
  // Status date Tue 5; B started Mon 4 with 5 days left (Wed 6 – Tue 12); A (2 days, not started) Wed 6 – Thu 7.
  const net = (link: { type?: "FS" | "SS"; lag?: { days: number } }, options = {}) =>
    scheduleNetwork(
      {
        projectStart: START,
        statusDate: "2027-01-05",
        activities: [{ id: "A", duration: 2 }, { id: "B", duration: 5, progress: { actualStart: "2027-01-04", remainingDuration: 5 } }],
        links: [{ from: "A", to: "B", ...link }],
      },
      options,
    );
  it("SS into started work no longer binds: A's free float is its total float, 3 days (it was 0)", () => {
    // B has started, so A → B (SS) constrains nothing (the backward pass already ignores it: total float 3, A may
    // finish as late as the network finish Tue 12). No successor moves if A slips 3 days: free float 3.
    const a = act(net({ type: "SS" }), "A");
    expect([a.totalFloat.toFixed(), a.freeFloat.toFixed()]).toEqual(["3", "3"]);
  });
  it("FS − 3 days into started work binds its remaining part (Wed 6 morning), not its actual start: free float 1 (it was 0)", () => {
    // Retained logic: B's remaining work waits for A's finish − 3 days. A finishes Thu 7 evening − 3 = Mon 4 evening,
    // before the status date, so B's remaining work starts Wed 6 morning. A may finish one day later (Fri 8 evening −
    // 3 days = Tue 5 evening) before B's remaining work moves: free float 1 = total float 1. Before, the bound was
    // taken from B's actual start Mon 4 and gave 0.
    const a = act(net({ lag: { days: -3 } }), "A");
    expect([a.totalFloat.toFixed(), a.freeFloat.toFixed()]).toEqual(["1", "1"]);
  });
  it("progress override: an FS link into started work binds nothing either", () => {
    const a = act(net({}, { outOfSequence: "progress-override" }), "A");
    expect([a.totalFloat.toFixed(), a.freeFloat.toFixed()]).toEqual(["3", "3"]);
  });
});
