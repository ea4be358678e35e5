import { describe, expect, it } from "vitest";
import { scheduleNetwork, type ScheduleInput } from "../../src/index.js";
import { SEVEN_DAY, act, validationIssues } from "./helpers.js";

/*
 * An SS or SF link bounds its predecessor's *start*. When the instant the predecessor must start by lies in the
 * predecessor's non-working time, its working-time position is the next working morning, and a start there is after
 * the instant.
 *
 * Hand derivation (8-hour days, positions in working minutes of P's Monday–Friday calendar from Mon 2027-01-04):
 * X (7-day, 14 d) runs Mon 4 – Sun 17 and sets the finish. S (7-day, 1 d) is pinned by SNET Sun 10 and has a deadline
 * Sun 10: ES = LS = Sun 10 morning, total float 0. P (Mon–Fri, 1 d) SS → S: S may start no later than the instant
 * Sun 10 00:00, so P must start no later than that. Sun 10 00:00 is P's non-working time; its working-time position
 * is 5 days = 2400 min, Mon 11 morning, and P starting Mon 11 morning starts S on Mon 11 (one day late, deadline
 * missed). P's latest start is the last working minute before the instant: Fri 8 at minute 479, position 2399.
 *   LS = 2399 (shown Fri 8), LF = 2399 + 480 = 2879 (Mon 11, minute 479)
 *   total float = LS − ES = 2399 − 0 = 2399 min = 4.997917 days (was 5, LS shown Mon 11)
 *   free float: S's early start is the same instant Sun 10 00:00 → 2399 min = 4.997917 days (was 5)
 * SF (S finishes no earlier than P starts) with S's finish pinned at Sat 9 evening (SNET Sat 9, deadline Sat 9): the
 * instant is again Sun 10 00:00, and the same figures follow.
 * Under `startLinkFloat: "working-time"` (MS Project computes late dates in working time, so Fri 17:00 is the same
 * working time as Mon 08:00) P's late start is position 2400: 5 days of total and free float.
 */
function network(type: "SS" | "SF"): ScheduleInput {
  const day = type === "SS" ? "2027-01-10" : "2027-01-09";
  return {
    projectStart: "2027-01-04",
    calendars: { seven: SEVEN_DAY },
    activities: [
      { id: "P", duration: 1 },
      { id: "S", duration: 1, calendarId: "seven", constraint: { kind: "snet", date: day }, deadline: day },
      { id: "X", duration: 14, calendarId: "seven" },
    ],
    links: [{ from: "P", to: "S", type }],
  };
}

describe("SS and SF into a successor whose start instant is the predecessor's non-working time", () => {
  for (const type of ["SS", "SF"] as const) {
    it(`${type}: P must start by Friday's last working minute (float 4.997917, was 5)`, () => {
      const r = scheduleNetwork(network(type));
      const p = act(r, "P");
      expect([p.lateStart, p.lateFinish, p.totalFloat.toFixed(), p.freeFloat.toFixed(), p.critical]).toEqual(["2027-01-08", "2027-01-11", "4.997917", "4.997917", false]);
      expect(act(r, "S").totalFloat.toFixed()).toBe("0");
      expect(r.conventions.startLinkFloat).toBe("exact");
    });

    it(`${type}: "working-time" gives MS Project's working-time figure (5 days, late start Mon 11)`, () => {
      const r = scheduleNetwork(network(type), { startLinkFloat: "working-time" });
      const p = act(r, "P");
      expect([p.lateStart, p.totalFloat.toFixed(), p.freeFloat.toFixed()]).toEqual(["2027-01-11", "5", "5"]);
      expect(r.conventions.startLinkFloat).toBe("working-time");
    });
  }

  it("the float is a delay P can take: starting at its late start keeps S on Sun 10, a day later does not", () => {
    const delayed = (snet: string) => {
      const base = network("SS");
      return scheduleNetwork({ ...base, activities: base.activities.map((a) => (a.id === "P" ? { ...a, constraint: { kind: "snet" as const, date: snet } } : a)) });
    };
    expect(act(delayed("2027-01-08"), "S").earlyStart).toBe("2027-01-10");
    expect(act(delayed("2027-01-11"), "S").earlyStart).toBe("2027-01-11");
  });

  it("a start on a working day of the predecessor is unchanged (SS into S starting Fri 8: float to Fri 8 morning)", () => {
    const base = network("SS");
    const r = scheduleNetwork({
      ...base,
      activities: base.activities.map((a) => (a.id === "S" ? { ...a, constraint: { kind: "snet" as const, date: "2027-01-08" }, deadline: "2027-01-08" } : a)),
    });
    expect([act(r, "P").lateStart, act(r, "P").totalFloat.toFixed()]).toEqual(["2027-01-08", "4"]);
  });

  it("on one calendar, an elapsed SS lag ending in the week-end binds the same way (P + 2 calendar days ≤ Mon 11 00:00: P starts by Friday, float 4.997917, was 5)", () => {
    // P (1 d) SS + 2 elapsed days → S (1 d, SNET and deadline Mon 11), all Monday–Friday; X (15 d) sets the finish.
    // P starting Mon 11 (position 5 days) would start S on Wed 13; P's start + 48 h must be no later than Mon 11 00:00,
    // so P starts no later than Sat 9 00:00, Friday's evening: its last working minute, position 2399.
    const r = scheduleNetwork({
      projectStart: "2027-01-04",
      activities: [{ id: "P", duration: 1 }, { id: "S", duration: 1, constraint: { kind: "snet", date: "2027-01-11" }, deadline: "2027-01-11" }, { id: "X", duration: 15 }],
      links: [{ from: "P", to: "S", type: "SS", lag: { elapsedDays: 2 } }],
    });
    expect([act(r, "P").lateStart, act(r, "P").totalFloat.toFixed(), act(r, "P").freeFloat.toFixed()]).toEqual(["2027-01-08", "4.997917", "4.997917"]);
  });

  it("refuses an unknown rule at its path", () => {
    expect(validationIssues(() => scheduleNetwork(network("SS"), { startLinkFloat: "primavera" as never }))).toEqual(["startLinkFloat: expected exact or working-time"]);
  });
});
