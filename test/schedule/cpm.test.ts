import { describe, expect, it } from "vitest";
import { STANDARD_CALENDAR, scheduleNetwork, type ScheduleActivityInput, type ScheduleLinkInput, type ScheduleOptions } from "../../src/index.js";
import { SEVEN_DAY, act, row } from "./helpers.js";

// Calendar used below (Monday–Friday): Mon 2027-01-04 … Fri 01-08, Sat 09, Sun 10, Mon 11, Tue 12, Wed 13, Thu 14, Fri 15.
const START = "2027-01-04";
const net = (activities: ScheduleActivityInput[], links: ScheduleLinkInput[] = [], options?: ScheduleOptions, extra = {}) =>
  scheduleNetwork({ projectStart: START, activities, links, ...extra }, options);

describe("link types and lags (A = 3 days Mon 4 – Wed 6, B = 2 days)", () => {
  const two = (link: Omit<ScheduleLinkInput, "from" | "to">, a = 3) =>
    net([{ id: "A", duration: a }, { id: "B", duration: 2 }], [{ from: "A", to: "B", ...link }]);
  it.each([
    ["FS, no lag: B follows A", { type: "FS" as const }, ["2027-01-07", "2027-01-08"]],
    ["FS + 2 days: Thu, Fri wait, B starts Mon 11", { type: "FS" as const, lag: { days: 2 } }, ["2027-01-11", "2027-01-12"]],
    ["FS − 1 day (lead): B starts Wed 6", { type: "FS" as const, lag: { days: -1 } }, ["2027-01-06", "2027-01-07"]],
    ["SS + 1 day: B starts Tue 5", { type: "SS" as const, lag: { days: 1 } }, ["2027-01-05", "2027-01-06"]],
    ["FF: B finishes with A on Wed 6", { type: "FF" as const }, ["2027-01-05", "2027-01-06"]],
    ["SF + 3 days: B finishes ≥ A start + 3 days = Wed 6 evening", { type: "SF" as const, lag: { days: 3 } }, ["2027-01-05", "2027-01-06"]],
    ["SF, no lag: B would finish before the project start, so it starts at it", { type: "SF" as const }, ["2027-01-04", "2027-01-05"]],
    ["FS 3 elapsed days: Wed 6 evening + 3 calendar days = Sun 10 → Mon 11", { type: "FS" as const, lag: { elapsedDays: 3 } }, ["2027-01-11", "2027-01-12"]],
    ["FS 3 working days: Thu, Fri, Mon wait → Tue 12", { type: "FS" as const, lag: { days: 3 } }, ["2027-01-12", "2027-01-13"]],
  ])("%s", (_, link, [es, ef]) => {
    const b = act(two(link), "B");
    expect([b.earlyStart, b.earlyFinish]).toEqual([es, ef]);
  });
  it("a percent lag is a share of the predecessor's duration: 50% of 4 days = 2 days", () => {
    // A Mon 4 – Thu 7; lag Fri 8, Mon 11; B Tue 12 – Wed 13.
    const b = act(two({ type: "FS", lag: { percent: 50 } }, 4), "B");
    expect([b.earlyStart, b.earlyFinish, b.earlyStartDriver]).toEqual([
      "2027-01-12", "2027-01-13", { kind: "link", from: "A", to: "B", type: "FS", lagDays: expect.objectContaining({}) },
    ]);
    expect(b.earlyStartDriver.kind === "link" && b.earlyStartDriver.lagDays.toFixed()).toBe("2");
  });
  it("an FF link drives the finish: the early start is explained by the duration", () => {
    const b = act(two({ type: "FF" }), "B");
    expect(b.earlyStartDriver).toEqual({ kind: "duration" });
    expect(b.earlyFinishDriver).toMatchObject({ kind: "link", from: "A", type: "FF" });
  });
  it("a lead before the project start is clamped and reported", () => {
    const r = net([{ id: "A", duration: 1 }, { id: "B", duration: 1 }], [{ from: "A", to: "B", lag: { days: -3 } }]);
    expect(act(r, "B").earlyStart).toBe("2027-01-04");
    expect(r.violations.map((v) => [v.kind, v.activityId])).toEqual([["before-project-start", "B"]]);
  });
});

describe("calendars", () => {
  it("lags are counted on the successor's calendar", () => {
    // A (Mon–Fri) Fri 8; B on a 7-day calendar, FS + 1 day: the lag day is Sat 9, B starts Sun 10.
    const r = scheduleNetwork({
      projectStart: "2027-01-08",
      calendars: { all: SEVEN_DAY },
      activities: [{ id: "A", duration: 1 }, { id: "B", duration: 1, calendarId: "all" }, { id: "C", duration: 1 }],
      links: [{ from: "A", to: "B", lag: { days: 1 } }, { from: "A", to: "C", lag: { days: 1 } }],
    });
    expect(act(r, "B").earlyStart).toBe("2027-01-10");
    expect(act(r, "C").earlyStart).toBe("2027-01-12"); // Mon 11 is C's lag day
  });
  it("each activity works its own calendar; holidays are skipped", () => {
    const cal = { ...STANDARD_CALENDAR };
    const r = scheduleNetwork({
      projectStart: "2027-01-08",
      calendar: cal,
      calendars: { all: SEVEN_DAY },
      activities: [{ id: "W", duration: 2, calendarId: "all" }, { id: "N", duration: 1 }],
      links: [{ from: "W", to: "N" }],
    });
    expect(row(r, "W").slice(0, 2)).toEqual(["2027-01-08", "2027-01-09"]); // Fri, Sat
    expect(row(r, "N").slice(0, 2)).toEqual(["2027-01-11", "2027-01-11"]); // first Mon–Fri day after Sat evening
  });
  it("fractional durations: half days share a day, float is in days", () => {
    // A 1.5 d: Mon + Tue morning; B 0.5 d: Tue afternoon; C 1 d: Wed. D 0.25 d in parallel with float 2.25 d.
    const r = net(
      [{ id: "A", duration: "1.5" }, { id: "B", duration: 0.5 }, { id: "C", duration: 1 }, { id: "D", duration: "0.25" }],
      [{ from: "A", to: "B" }, { from: "B", to: "C" }],
    );
    expect(row(r, "B")).toEqual(["2027-01-05", "2027-01-05", "2027-01-05", "2027-01-05", "0"]);
    expect(row(r, "C").slice(0, 2)).toEqual(["2027-01-06", "2027-01-06"]);
    expect(row(r, "D")).toEqual(["2027-01-04", "2027-01-04", "2027-01-06", "2027-01-06", "2.75"]);
    expect(r.durationDays.toFixed()).toBe("3");
  });
  it("hours per day convert hours: 6 hours on a 6-hour day is one day", () => {
    const r = net([{ id: "A", duration: 1 }], [], {}, { hoursPerDay: 6 });
    expect(r.conventions.hoursPerDay.toFixed()).toBe("6");
    expect(row(r, "A").slice(0, 2)).toEqual(["2027-01-04", "2027-01-04"]);
  });
  it("an SNET milestone is scheduled on its early day, not the evening before", () => {
    // M (milestone, SNET Wed 13, not ALAP): early start/finish Wed 13 (pinned by its constraint); the scheduled dates
    // showed Tue 12.
    const m = act(net([{ id: "M", duration: 0, constraint: { kind: "snet", date: "2027-01-13" } }]), "M");
    expect([m.earlyStart, m.earlyFinish, m.scheduledStart, m.scheduledFinish]).toEqual(["2027-01-13", "2027-01-13", "2027-01-13", "2027-01-13"]);
  });
  it("a milestone after a Friday finish sits on Friday", () => {
    const r = net([{ id: "A", duration: 5 }, { id: "M", duration: 0 }], [{ from: "A", to: "M" }]);
    expect(row(r, "M")).toEqual(["2027-01-08", "2027-01-08", "2027-01-08", "2027-01-08", "0"]);
  });
});

describe("constraints, deadlines and negative float", () => {
  const one = (constraint: ScheduleActivityInput["constraint"]) => act(net([{ id: "A", duration: 2, constraint }]), "A");
  it.each([
    ["SNET Wed 6", { kind: "snet" as const, date: "2027-01-06" }, ["2027-01-06", "2027-01-07"]],
    ["FNET Fri 8", { kind: "fnet" as const, date: "2027-01-08" }, ["2027-01-07", "2027-01-08"]],
    ["MSO Mon 11", { kind: "mso" as const, date: "2027-01-11" }, ["2027-01-11", "2027-01-12"]],
    ["MFO Wed 13", { kind: "mfo" as const, date: "2027-01-13" }, ["2027-01-12", "2027-01-13"]],
    ["SNLT Fri 8 (only limits the late dates)", { kind: "snlt" as const, date: "2027-01-08" }, ["2027-01-04", "2027-01-05"]],
  ])("%s", (_, c, [es, ef]) => {
    const a = one(c);
    expect([a.earlyStart, a.earlyFinish]).toEqual([es, ef]);
    expect(a.earlyStartDriver.kind === "constraint" || a.earlyFinishDriver.kind === "constraint" || c.kind === "snlt").toBe(true);
  });
  it("must-start-on fixes the late dates too (float 0)", () => {
    const a = one({ kind: "mso", date: "2027-01-11" });
    expect([a.lateStart, a.lateFinish, a.totalFloat.toFixed()]).toEqual(["2027-01-11", "2027-01-12", "0"]);
  });
  it("SNLT that logic cannot meet: negative float on the chain, and a violation", () => {
    // P 5 days Mon 4 – Fri 8; A FS starts Mon 11, must start by Thu 7: LS Thu 7, ES Mon 11 → float −2 (Fri, Mon).
    const r = net([{ id: "P", duration: 5 }, { id: "A", duration: 1, constraint: { kind: "snlt", date: "2027-01-07" } }], [{ from: "P", to: "A" }]);
    expect(row(r, "A")).toEqual(["2027-01-11", "2027-01-11", "2027-01-07", "2027-01-07", "-2"]);
    expect(row(r, "P")[4]).toBe("-2");
    expect(r.violations.filter((v) => v.activityId === "A").map((v) => [v.kind, v.days?.toFixed()])).toEqual([
      ["constraint-violated", "2"], ["negative-float", "2"],
    ]);
  });
  it("FNLT before the early finish: finish float −1", () => {
    const r = net([{ id: "A", duration: 3, constraint: { kind: "fnlt", date: "2027-01-05" } }]);
    // LF Tue 5 evening; 3 working days back: Tue 5, Mon 4, Fri 1 (Jan 2–3 is a weekend).
    expect(row(r, "A")).toEqual(["2027-01-04", "2027-01-06", "2027-01-01", "2027-01-05", "-1"]);
  });
  it("a deadline is a violation and negative float, never a hard date", () => {
    // A 3 days finishes Wed 6; deadline Tue 5: 1 day late; the early dates do not move.
    const r = net([{ id: "A", duration: 3, deadline: "2027-01-05" }]);
    expect(row(r, "A")[1]).toBe("2027-01-06");
    expect(act(r, "A").lateFinishDriver).toEqual({ kind: "deadline", date: "2027-01-05" });
    expect(r.violations.map((v) => [v.kind, v.days?.toFixed(), v.message])).toEqual([
      ["deadline-missed", "1", "A finishes 1 day after its deadline 2027-01-05"],
      ["negative-float", "1", "A has -1 day of total float"],
    ]);
  });
  it("a must-start-on date earlier than logic wins and is reported", () => {
    const r = net([{ id: "P", duration: 3 }, { id: "A", duration: 1, constraint: { kind: "mso", date: "2027-01-05" } }], [{ from: "P", to: "A" }]);
    expect(row(r, "A")[0]).toBe("2027-01-05");
    // P Mon 4 – Wed 6 would put A on Thu 7, 2 days after Tue 5; P must then finish by Mon 4: float −2.
    expect(r.violations.map((v) => [v.kind, v.activityId, v.days?.toFixed()])).toEqual([
      ["negative-float", "P", "2"], ["constraint-violated", "A", "2"],
    ]);
  });
  it("ALAP is placed late by its free float, so no successor moves", () => {
    // A 1 d and B 3 d both precede C: A's free float is 2 days, so it is scheduled on Wed 6.
    const r = net(
      [{ id: "A", duration: 1, constraint: { kind: "alap" } }, { id: "B", duration: 3 }, { id: "C", duration: 1 }],
      [{ from: "A", to: "C" }, { from: "B", to: "C" }],
    );
    const a = act(r, "A");
    expect([a.earlyStart, a.scheduledStart, a.scheduledFinish, a.freeFloat.toFixed()]).toEqual(["2027-01-04", "2027-01-06", "2027-01-06", "2"]);
    expect(act(r, "C").earlyStart).toBe("2027-01-07");
  });
  it("finishBy later than the early finish gives the whole network float", () => {
    const r = net([{ id: "A", duration: 3 }], [], { finishBy: "2027-01-08" });
    expect(row(r, "A")).toEqual(["2027-01-04", "2027-01-06", "2027-01-06", "2027-01-08", "2"]);
    expect(act(r, "A").critical).toBe(false);
    expect(act(r, "A").nearCritical).toBe(true);
  });
  it("float definitions: start, finish and smallest differ when a finish is fixed", () => {
    // A 2 d, FNLT Thu 7 and SNET Tue 5: ES Tue 5, EF Wed 6; LF Thu 7, LS Wed 6 → start float 1, finish float 1.
    // B 1 d with an FF link from A: measure by the finish only.
    const acts: ScheduleActivityInput[] = [{ id: "A", duration: 3 }, { id: "B", duration: 1 }, { id: "C", duration: 4 }];
    const links: ScheduleLinkInput[] = [{ from: "A", to: "B", type: "SS", lag: { days: 1 } }];
    // B: ES Tue 5, EF Tue 5; no successor → LF Thu 7 (network finish from C), LS Thu 7: start float 2, finish float 2.
    for (const def of ["start", "finish", "smallest"] as const) expect(row(net(acts, links, { totalFloat: def }), "B")[4]).toBe("2");
    expect(act(net(acts, links), "A").startFloat.toFixed()).toBe("1");
  });
});

describe("critical and near-critical, explained", () => {
  it("critical threshold and near-critical threshold are options", () => {
    const r = net(
      [{ id: "A", duration: 5 }, { id: "B", duration: 4 }, { id: "C", duration: 1 }],
      [],
      { criticalDays: 1, nearCriticalDays: 3 },
    );
    expect(r.activities.map((a) => [a.id, a.critical, a.nearCritical])).toEqual([["A", true, false], ["B", true, false], ["C", false, false]]);
    expect(r.criticalPaths).toEqual([["A"], ["B"]]);
  });
  it("cross-project links: activity ids are global", () => {
    const r = net(
      [{ id: "P1-A", projectId: "P1", duration: 2 }, { id: "P2-A", projectId: "P2", duration: 2 }],
      [{ from: "P1-A", to: "P2-A" }],
    );
    expect(act(r, "P2-A")).toMatchObject({ projectId: "P2", earlyStart: "2027-01-06" });
  });
});
