import { describe, expect, it } from "vitest";
import { createWorkingCalendar, levelResources, scheduleNetwork, type LevellingInput, type ScheduleInput } from "../../src/index.js";

/*
 * ALAP work and milestones in levelling (`alap: "late"`): moved late by their levelled free float, never past their
 * own deadline, and milestones alike. Calendar Monday–Friday; Mon 2027-01-04 is the project start. A start is the
 * morning of its day, a finish the evening; a milestone at a position is dated the evening before it.
 */
const show = (r: ReturnType<typeof levelResources>) => r.activities.map((a) => `${a.id} ${a.start}–${a.finish} ${a.delayDays.toFixed()}`);
const one = (ids: string[]) => ids.map((activityId) => ({ activityId, resourceId: "R", units: 1 }));

describe("levelResources: an ALAP activity is not moved past its deadline", () => {
  it("A (1 d, ALAP, deadline Tue 5) beside B (5 d) stays on its scheduled Tue 5 (it went to Fri 8, 3 days late)", () => {
    // CPM: B Mon 4–Fri 8 sets the finish. A: ES Mon 4, LF = min(finish Fri 8, deadline Tue 5) = Tue 5, so total float 1
    // day and free float min(4 to the finish, 1) = 1: scheduled Tue 5 — its deadline met. Levelling has nothing to
    // resolve (A alone on R), so it keeps Tue 5. Before: moved as late as the levelled finish allowed, Fri 8, with
    // "A finishes 3 days after its deadline 2027-01-05 when levelled" — a late date the plan forbids.
    const input: LevellingInput = {
      network: { projectStart: "2027-01-04", activities: [{ id: "A", duration: 1, constraint: { kind: "alap" }, deadline: "2027-01-05" }, { id: "B", duration: 5 }] },
      resources: [{ id: "R", maxUnits: 1 }],
      assignments: one(["A"]),
    };
    const r = levelResources(input);
    // scheduleNetwork already caps the shift (free float ≤ total float), under every total-float definition.
    for (const totalFloat of ["smallest", "start", "finish"] as const) expect(scheduleNetwork(input.network, { totalFloat }).activities[0]!.scheduledFinish).toBe("2027-01-05");
    expect(r.schedule.activities[0]!.scheduledFinish).toBe("2027-01-05");
    expect(show(r)).toEqual(["A 2027-01-05–2027-01-05 0", "B 2027-01-04–2027-01-08 0"]);
    expect(r.violations).toEqual([]);
  });

  it("following a levelled successor, B stops at its deadline Tue 5 (not Wed 6)", () => {
    // P (3 d) and X (2 d) share R; B (1 d, ALAP, deadline Tue 5, on S) FS → X. CPM: B Mon 4 (free float 0), X Tue 5–Wed
    // 6, P Mon 4–Wed 6. Levelled: P Mon 4–Wed 6, X waits for R: Thu 7–Fri 8. B may follow X up to Wed 6 by logic,
    // but its deadline is Tue 5 evening: B Tue 5, 1 day after its scheduled Mon 4 (it went to Wed 6, a day late).
    const input: LevellingInput = {
      network: {
        projectStart: "2027-01-04",
        activities: [{ id: "B", duration: 1, constraint: { kind: "alap" }, deadline: "2027-01-05" }, { id: "P", duration: 3 }, { id: "X", duration: 2 }],
        links: [{ from: "B", to: "X" }],
      },
      resources: [{ id: "R", maxUnits: 1 }, { id: "S", maxUnits: 1 }],
      assignments: [...one(["P", "X"]), { activityId: "B", resourceId: "S", units: 1 }],
    };
    const r = levelResources(input);
    expect(show(r)).toEqual(["B 2027-01-05–2027-01-05 1", "P 2027-01-04–2027-01-06 0", "X 2027-01-07–2027-01-08 2"]);
    expect(r.violations.filter((v) => v.kind === "deadline-missed")).toEqual([]);
  });

  it("nor past the late finish a successor's deadline sets: B (ALAP) FS → M (deadline Mon 4) stays Mon 4 (it went to Wed 6)", () => {
    // A (3 d) Mon 4–Wed 6 FS → M: M Wed 6, 2 days after its deadline Mon 4. B (1 d, ALAP) FS → M: free float 2 days
    // (M's early date), but its late finish is Mon 4 (M's deadline): total float 0, so scheduleNetwork keeps it on Mon
    // 4 (free float ≤ total float). Levelling, with nothing to level, moved it on to Wed 6, where M's position allowed.
    const input: LevellingInput = {
      network: {
        projectStart: "2027-01-04",
        activities: [{ id: "A", duration: 3 }, { id: "B", duration: 1, constraint: { kind: "alap" } }, { id: "M", duration: 0, deadline: "2027-01-04" }],
        links: [{ from: "A", to: "M" }, { from: "B", to: "M" }],
      },
      resources: [],
      assignments: [],
    };
    const r = levelResources(input);
    expect(r.schedule.activities[1]!.scheduledStart).toBe("2027-01-04");
    expect(show(r)[1]).toBe("B 2027-01-04–2027-01-04 0");
  });
});

describe("levelResources: an ALAP milestone moves late as ALAP work does", () => {
  it("M (unlinked) follows the levelled finish: Thu 7, as ALAP work there would (it stayed Wed 6)", () => {
    // A2 (1 d) and A3 (3 d) share R. CPM: A3 Mon 4–Wed 6 (float 0) sets the finish, A2 Mon 4 (float 2); M, ALAP with
    // no links, has free float 3 days to the finish: scheduled Wed 6. Levelling: A3 first (least float), A2 waits for
    // R: Thu 7. The levelled finish is Thu 7 evening, and M's levelled free float takes it there: M Thu 7, 1 day after
    // its scheduled Wed 6 — where scheduleNetwork puts an ALAP milestone beside work finishing Thu 7.
    const input: LevellingInput = {
      network: { projectStart: "2027-01-04", activities: [{ id: "M", duration: 0, constraint: { kind: "alap" } }, { id: "A2", duration: 1 }, { id: "A3", duration: 3 }] },
      resources: [{ id: "R", maxUnits: 1 }],
      assignments: one(["A2", "A3"]),
    };
    const r = levelResources(input);
    expect(r.schedule.activities[0]!.scheduledStart).toBe("2027-01-06");
    expect(show(r)).toEqual(["M 2027-01-07–2027-01-07 1", "A2 2027-01-07–2027-01-07 3", "A3 2027-01-04–2027-01-06 0"]);
    expect(r.finish).toBe("2027-01-07");
    const pinned = scheduleNetwork({ ...input.network, activities: [{ id: "M", duration: 0, constraint: { kind: "alap" } }, { id: "A2", duration: 1, constraint: { kind: "snet", date: "2027-01-07" } }, { id: "A3", duration: 3 }] });
    expect(pinned.activities[0]!.scheduledStart).toBe("2027-01-07");
  });

  it("M before a successor levelling delayed follows it: Fri 8, the evening before S's Mon 11 (it stayed Mon 4)", () => {
    // P (1 d) FS → M (ALAP milestone) FS → S (1 d); X (5 d) and S share R. CPM: P Mon 4, M Mon 4 evening (free float 0:
    // S starts Tue 5), S Tue 5 (total float 3), X Mon 4–Fri 8. Levelling: X first (float 0), S waits for R: Mon 11.
    // M's levelled free float is now 4 days: M Fri 8 (its position Mon 11 morning, dated the evening before), as
    // scheduleNetwork places it with S starting Mon 11 — never before P finishes (Mon 4) nor after S starts.
    const input: LevellingInput = {
      network: {
        projectStart: "2027-01-04",
        activities: [{ id: "P", duration: 1 }, { id: "M", duration: 0, constraint: { kind: "alap" } }, { id: "S", duration: 1 }, { id: "X", duration: 5 }],
        links: [{ from: "P", to: "M" }, { from: "M", to: "S" }],
      },
      resources: [{ id: "R", maxUnits: 1 }],
      assignments: one(["S", "X"]),
    };
    const r = levelResources(input);
    expect(show(r)).toEqual(["P 2027-01-04–2027-01-04 0", "M 2027-01-08–2027-01-08 4", "S 2027-01-11–2027-01-11 4", "X 2027-01-04–2027-01-08 0"]);
    const pinned = scheduleNetwork({ ...input.network, activities: input.network.activities.map((a) => (a.id === "S" ? { ...a, constraint: { kind: "snet" as const, date: "2027-01-11" } } : a)) });
    expect(pinned.activities[1]!.scheduledStart).toBe("2027-01-08");
    expect(show(levelResources(input, { alap: "early" }))[1]).toBe("M 2027-01-04–2027-01-04 0");
  });

  it("W, FS + 1 elapsed day into M, stays Thu 7: on Fri 8 its lag would reach M on Sat 9 (it moved there, M kept Fri 8)", () => {
    // A (3 d) Mon 4–Wed 6, FS + 2 elapsed days → M: Fri 8 evening. W (1 d, ALAP) FS + 1 elapsed day → M: finishing Thu 7
    // evening it reaches M on Fri 8 evening, as A does; finishing Fri 8 it would reach M on Sat 9 evening (M on Saturday).
    // scheduleNetwork: free float 3, W scheduled Thu 7. Levelling compared positions only (Sat 9 evening and Fri 8
    // evening are one working position of M's Monday–Friday calendar), so W went on to Fri 8 while M stayed Fri 8,
    // before W's lag had run. Now the instant counts: W Thu 7. The same for W as an ALAP milestone: Thu 7.
    const network: ScheduleInput = {
      projectStart: "2027-01-04",
      activities: [{ id: "A", duration: 3 }, { id: "W", duration: 1, constraint: { kind: "alap" } }, { id: "M", duration: 0 }],
      links: [{ from: "A", to: "M", lag: { elapsedDays: 2 } }, { from: "W", to: "M", lag: { elapsedDays: 1 } }],
    };
    const r = levelResources({ network, resources: [], assignments: [] });
    expect(r.schedule.activities[1]!.scheduledStart).toBe("2027-01-07");
    expect(show(r)).toEqual(["A 2027-01-04–2027-01-06 0", "W 2027-01-07–2027-01-07 0", "M 2027-01-08–2027-01-08 0"]);
    const milestone = { ...network, activities: network.activities.map((a) => (a.id === "W" ? { ...a, duration: 0 } : a)) };
    expect(show(levelResources({ network: milestone, resources: [], assignments: [] }))[1]).toBe("W 2027-01-07–2027-01-07 0");
  });

  it("M, FS + 2 elapsed days after A2 levelled to Thu 7, is on Sat 9 when the lag has run (it showed Fri 8, before)", () => {
    // A1 (2 d) and A2 (2 d) share R; A1 FS → A6 (3 d); A2 FS + 2 elapsed days → M (ALAP milestone). CPM: A1 and A2 Mon
    // 4–Tue 5, A6 Wed 6–Fri 8 (the finish); M reached Thu 7 evening, free float 1 day: scheduled Fri 8. Levelling: A1
    // first (float 0), A2 waits for R: Wed 6–Thu 7, + 2 elapsed days = Sat 9 evening. On M's Monday–Friday calendar
    // that is M's scheduled position (Mon 11 morning ≡ Fri 8 evening), so M stayed there, dated Fri 8, before A2's lag
    // had run, and the levelled finish read Fri 8. Now the link dates it: Sat 9 (the finish too), or Mon 11 under
    // "next-working-time" — where scheduleNetwork puts M with A2 on Wed 6–Thu 7.
    const input: LevellingInput = {
      network: {
        projectStart: "2027-01-04",
        activities: [{ id: "A1", duration: 2 }, { id: "A2", duration: 2 }, { id: "M", duration: 0, constraint: { kind: "alap" } }, { id: "A6", duration: 3 }],
        links: [{ from: "A1", to: "A6" }, { from: "A2", to: "M", lag: { elapsedDays: 2 } }],
      },
      resources: [{ id: "R", maxUnits: 1 }],
      assignments: one(["A1", "A2"]),
    };
    const r = levelResources(input);
    expect(r.schedule.activities[2]!.scheduledStart).toBe("2027-01-08");
    expect(show(r)).toEqual(["A1 2027-01-04–2027-01-05 0", "A2 2027-01-06–2027-01-07 2", "M 2027-01-09–2027-01-09 0", "A6 2027-01-06–2027-01-08 0"]);
    expect(r.finish).toBe("2027-01-09");
    const next = levelResources(input, { schedule: { milestoneDating: "next-working-time" } });
    expect([show(next)[2], next.finish]).toEqual(["M 2027-01-11–2027-01-11 0", "2027-01-11"]);
  });

  it("M after A and W, both levelled to one position of M, is dated by W, reached last: Sat 9 (it showed Fri 8)", () => {
    // P (2 d, deadline Mon 4: negative float, placed first) and A (3 d) share R. A SS → S (milestone) FS + 1 elapsed day
    // → W (3 d, Mon–Sat) FS → M; A FS → M. Levelled: P Mon 4–Tue 5, A waits for R: Wed 6–Fri 8; S Wed 6 (morning), W
    // from Thu 7 morning: Thu 7–Sat 9. A reaches M Fri 8 evening, W Sat 9 evening: on M's Monday–Friday calendar both are
    // the position Mon 11 morning. The link reached last dates M, as in scheduleNetwork: Sat 9, with W finishing.
    // It went to the smaller id, A: M showed Fri 8, before W had finished.
    const six = createWorkingCalendar({ name: "Mon–Sat", workingWeekdays: [1, 2, 3, 4, 5, 6] });
    const input: LevellingInput = {
      network: {
        projectStart: "2027-01-04",
        calendars: { six },
        activities: [{ id: "A", duration: 3 }, { id: "P", duration: 2, deadline: "2027-01-04" }, { id: "S", duration: 0 }, { id: "W", duration: 3, calendarId: "six" }, { id: "M", duration: 0 }],
        links: [{ from: "A", to: "S", type: "SS" }, { from: "S", to: "W", lag: { elapsedDays: 1 } }, { from: "W", to: "M" }, { from: "A", to: "M" }],
      },
      resources: [{ id: "R", maxUnits: 1 }],
      assignments: one(["A", "P"]),
    };
    const r = levelResources(input);
    expect(r.activities.map((a) => `${a.id} ${a.start}–${a.finish}${a.pushedBy ? ` after ${a.pushedBy}` : ""}`)).toEqual([
      "A 2027-01-06–2027-01-08", "P 2027-01-04–2027-01-05", "S 2027-01-06–2027-01-06 after A", "W 2027-01-07–2027-01-09 after S", "M 2027-01-09–2027-01-09 after W",
    ]);
    expect(r.finish).toBe("2027-01-09");
  });
  // The property "with no resource conflict, levelled dates are scheduleNetwork's" is in alap-chain.test.ts: the same
  // random networks, ALAP → ALAP links and leads included (this file's copy had to leave those out before they agreed).
});
