import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyseScheduleRisk, createWorkingCalendar, levelResources, scheduleNetwork, type ScheduleInput, type ScheduleLinkInput } from "../../src/index.js";

/*
 * Without uncertainty the Monte Carlo result is scheduleNetwork's (analyseScheduleRisk's TSDoc promises it). A
 * milestone pinned by a start (SNET, MSO, the project start, the status date) at the end of the plan is dated on its
 * pinned day by scheduleNetwork (and levelling), but every iteration counted it the evening before: a go-live pinned by
 * SNET on Tue 19 gave a deterministic finish, P10 … P90 and mean finish of Mon 18. scheduleInputFromPlan pins an
 * unlinked milestone to its planned date this way, so `pmokit risk` reported such plans a day early.
 * Calendar (Monday–Friday): Mon 2027-01-04 … Fri 08, Sat 09, Sun 10, Mon 11 … Fri 15, Mon 18, Tue 19.
 */
const SEVEN = createWorkingCalendar({ name: "7-day", workingWeekdays: [1, 2, 3, 4, 5, 6, 7] });
const finishes = (network: ScheduleInput, target: string) => {
  const r = analyseScheduleRisk({ network }, { iterations: 5, seed: 1, targetFinish: target });
  return [r.deterministicFinish, ...r.percentiles.map((p) => p.finish), r.meanFinish, r.probabilityOfFinish.value?.toFixed()];
};

describe("Monte Carlo finish of a plan ending on a pinned milestone", () => {
  it("one calendar (fast kernel): SNET Tue 19 go-live after 5 days of work finishes Tue 19, as scheduleNetwork says", () => {
    const network: ScheduleInput = {
      projectStart: "2027-01-04",
      activities: [{ id: "A", duration: 5 }, { id: "GO", duration: 0, constraint: { kind: "snet", date: "2027-01-19" } }],
      links: [{ from: "A", to: "GO" }],
    };
    expect(scheduleNetwork(network).finish).toBe("2027-01-19");
    // Before: ["2027-01-18", "2027-01-18", …, "1"] — and P(finish ≤ Mon 18) was 1 although the go-live is on Tuesday.
    expect(finishes(network, "2027-01-19")).toEqual([...Array(6).fill("2027-01-19"), "1"]);
    expect(finishes(network, "2027-01-18").at(-1)).toBe("0");
  });

  it("two calendars (general kernel): an MSO Mon 11 milestone after a 7-day task ending Sat 9 finishes Mon 11", () => {
    const network: ScheduleInput = {
      projectStart: "2027-01-04",
      calendars: { seven: SEVEN },
      activities: [{ id: "A", duration: 6, calendarId: "seven" }, { id: "M", duration: 0, constraint: { kind: "mso", date: "2027-01-11" } }],
      links: [{ from: "A", to: "M" }],
    };
    expect(scheduleNetwork(network).finish).toBe("2027-01-11");
    // Before: Sat 9, A's finish (M counted as Friday evening).
    expect(finishes(network, "2027-01-11")).toEqual([...Array(6).fill("2027-01-11"), "1"]);
  });

  it("a milestone pinned by the status date (its unstarted successor of complete work) is dated on that morning's day", () => {
    const network: ScheduleInput = {
      projectStart: "2027-01-04",
      statusDate: "2027-01-12",
      activities: [{ id: "A", duration: 2, progress: { actualStart: "2027-01-04", actualFinish: "2027-01-05" } }, { id: "M", duration: 0 }],
      links: [{ from: "A", to: "M" }],
    };
    // Unstarted work starts no earlier than the morning after the status date: Wed 13.
    expect(scheduleNetwork(network).finish).toBe("2027-01-13");
    expect(finishes(network, "2027-01-13")).toEqual([...Array(6).fill("2027-01-13"), "1"]);
  });
});

describe("Monte Carlo finish of a plan whose last work was finished on a week-end", () => {
  it("complete work recorded finishing Sat 9 finishes the plan on Sat 9, as scheduleNetwork shows it (it was Fri 8)", () => {
    const network: ScheduleInput = {
      projectStart: "2027-01-04",
      statusDate: "2027-01-11",
      activities: [{ id: "A", duration: 3, progress: { actualStart: "2027-01-07", actualFinish: "2027-01-09" } }],
    };
    expect(scheduleNetwork(network).finish).toBe("2027-01-09");
    expect(finishes(network, "2027-01-09")).toEqual([...Array(6).fill("2027-01-09"), "1"]);
    expect(finishes(network, "2027-01-08").at(-1)).toBe("0");
  });
});

describe("started work with nothing left (CI's counterexample, seed 1126261534)", () => {
  it("started Sat 9, the status date, remaining 0: finishes Sat 9 in scheduleNetwork, levelling and every iteration", () => {
    // Its remaining work (none) is scheduled from the morning after the status date, Mon 11 08:00. As a finish that
    // position is Fri 8 evening, before the work started; as a start-pinned milestone it is Mon 11, when nothing
    // happens. Before: scheduleNetwork said Mon 11 and the Monte Carlo kernel Fri 8.
    const network: ScheduleInput = {
      projectStart: "2027-01-04",
      statusDate: "2027-01-09",
      activities: [{ id: "A", duration: 0.5, progress: { actualStart: "2027-01-09", remainingDuration: 0 } }, { id: "B", duration: 0, progress: { actualStart: "2027-01-04" } }],
    };
    const s = scheduleNetwork(network);
    expect([s.finish, s.activities[0]?.earlyFinish, s.activities[0]?.lateFinish, s.activities[0]?.scheduledFinish]).toEqual(Array(4).fill("2027-01-09"));
    expect(levelResources({ network, resources: [], assignments: [] }).activities.map((a) => a.finish)).toEqual(["2027-01-09", "2027-01-04"]);
    expect(finishes(network, "2027-01-09")).toEqual([...Array(6).fill("2027-01-09"), "1"]);
  });

  it("started Fri 8 with nothing left at a Saturday status date still finishes Fri 8 (its position's evening)", () => {
    const network: ScheduleInput = { projectStart: "2027-01-04", statusDate: "2027-01-09", activities: [{ id: "A", duration: 1, progress: { actualStart: "2027-01-08", remainingDuration: 0 } }] };
    expect(scheduleNetwork(network).finish).toBe("2027-01-08");
    expect(finishes(network, "2027-01-08")).toEqual([...Array(6).fill("2027-01-08"), "1"]);
  });
});

/**
 * Random plans without uncertainty: FS/SS/FF/SF links with lags, half days, a second calendar, SNET/MSO/FNET/MFO
 * milestones, and with a status date started and complete work (some of it recorded on week-ends).
 */
const plans = fc.integer({ min: 1, max: 9 }).chain((n) =>
  fc.record({
    acts: fc.array(fc.record({ d: fc.integer({ min: 0, max: 6 }), half: fc.boolean(), six: fc.boolean(), done: fc.constantFrom("no", "no", "started", "complete"), on: fc.integer({ min: 0, max: 6 }), c: fc.option(fc.record({ kind: fc.constantFrom("snet", "mso", "fnet", "mfo"), day: fc.integer({ min: 0, max: 25 }) }), { nil: undefined }) }), { minLength: n, maxLength: n }),
    links: fc.array(fc.record({ a: fc.integer({ min: 0, max: n - 1 }), gap: fc.integer({ min: 1, max: n }), type: fc.constantFrom("FS", "SS", "FF", "SF"), lag: fc.integer({ min: -2, max: 3 }) }), { maxLength: 16 }),
    mixed: fc.boolean(),
    status: fc.option(fc.integer({ min: 0, max: 8 }), { nil: undefined }),
    dating: fc.constantFrom("reached", "next-working-time"),
  }),
);
const SIX = createWorkingCalendar({ name: "6-day", workingWeekdays: [1, 2, 3, 4, 5, 6], holidays: ["2027-01-12"] });

describe("without uncertainty the Monte Carlo answer is the CPM answer (property)", () => {
  it("every percentile, the mean and the deterministic finish are scheduleNetwork's finish; criticality 0 or 1 as its critical flag", () => {
    fc.assert(
      fc.property(plans, ({ acts, links, mixed, status, dating }) => {
        const seen = new Set<string>();
        const kept = links.filter((l) => l.a + l.gap < acts.length && !seen.has(`${l.a}-${l.a + l.gap}`) && seen.add(`${l.a}-${l.a + l.gap}`));
        const day = (k: number) => new Date(Date.UTC(2027, 0, 4 + k)).toISOString().slice(0, 10);
        const network: ScheduleInput = {
          projectStart: "2027-01-04",
          ...(mixed ? { calendars: { six: SIX } } : {}),
          ...(status !== undefined ? { statusDate: day(status) } : {}),
          activities: acts.map((a, i) => {
            // Progress (with a status date): started on day `on` (≤ the status date), complete a day later at most.
            const on = Math.min(a.on, status ?? 0);
            const progress = status === undefined || a.done === "no" ? undefined
              : a.done === "complete" ? { actualStart: day(on), actualFinish: day(Math.min(on + 1, status)) } : { actualStart: day(on), remainingDuration: a.d };
            return {
              id: `A${i}`, duration: a.d + (a.half ? 0.5 : 0), ...(mixed && a.six ? { calendarId: "six" } : {}),
              ...(a.c && !progress && (a.d === 0 || a.c.kind === "snet") ? { constraint: { kind: a.c.kind, date: day(a.c.day) } } : {}),
              ...(progress ? { progress } : {}),
            };
          }),
          links: kept.map((l): ScheduleLinkInput => ({ from: `A${l.a}`, to: `A${l.a + l.gap}`, type: l.type, ...(l.lag ? { lag: { days: l.lag } } : {}) })),
        };
        const s = scheduleNetwork(network, { milestoneDating: dating });
        const r = analyseScheduleRisk({ network }, { iterations: 3, seed: 1, milestoneDating: dating, percentiles: [1, 50, 100], targetFinish: s.finish });
        expect([r.deterministicFinish, ...r.percentiles.map((p) => p.finish), r.meanFinish, r.probabilityOfFinish.value?.toFixed()]).toEqual([...Array(5).fill(s.finish), "1"]);
        expect(r.activities.map((a) => a.criticalityIndex.toFixed())).toEqual(s.activities.map((a) => (a.critical ? "1" : "0")));
      }),
      { numRuns: 150 },
    );
  });
});

describe("the dates-only kernel counts pinned milestones as the general kernel does (property)", () => {
  it("with sampled durations (some rounding to 0): the same percentiles and criticality on one calendar and with a twin", () => {
    // A milestone on an identical second calendar sends every iteration through the general kernel; it changes no date.
    const twin = createWorkingCalendar({ name: "twin" });
    fc.assert(
      fc.property(plans, fc.integer({ min: 0, max: 1000 }), ({ acts, links }, seed) => {
        const seen = new Set<string>();
        const kept = links.filter((l) => l.a + l.gap < acts.length && !seen.has(`${l.a}-${l.a + l.gap}`) && seen.add(`${l.a}-${l.a + l.gap}`));
        const day = (k: number) => new Date(Date.UTC(2027, 0, 4 + k)).toISOString().slice(0, 10);
        const network = (general: boolean): ScheduleInput => ({
          projectStart: "2027-01-04",
          ...(general ? { calendars: { twin } } : {}),
          activities: [
            ...acts.map((a, i) => ({ id: `A${i}`, duration: a.d, ...(a.c && (a.d === 0 || a.c.kind === "snet") ? { constraint: { kind: a.c.kind, date: day(a.c.day) } } : {}) })),
            ...(general ? [{ id: "ZZ", duration: 0, calendarId: "twin" }] : []),
          ],
          links: kept.map((l): ScheduleLinkInput => ({ from: `A${l.a}`, to: `A${l.a + l.gap}`, type: l.type, ...(l.lag ? { lag: { days: l.lag } } : {}) })),
        });
        const durations = acts.flatMap((a, i) => (a.half ? [{ activityId: `A${i}`, distribution: { kind: "triangular" as const, min: 0, mostLikely: a.d, max: a.d + 3 } }] : []));
        const run = (general: boolean) => {
          const r = analyseScheduleRisk({ network: network(general), durations }, { iterations: 30, seed, percentiles: [5, 25, 50, 75, 95] });
          return [r.percentiles.map((p) => p.finish), r.activities.slice(0, acts.length).map((a) => a.criticalityIndex.toFixed())];
        };
        expect(run(false)).toEqual(run(true));
      }),
      { numRuns: 100 },
    );
  });
});
