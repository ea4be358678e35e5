import { describe, expect, it } from "vitest";
import { analyseScheduleRisk, createWorkingCalendar, scheduleNetwork, type ScheduleInput } from "../../src/index.js";

/*
 * A percent lag is a share of the predecessor's duration (MS Project; `LinkLag` at LagFormat 19/20): when an
 * iteration samples a longer predecessor, the lag grows with it. Mon 2027-01-04: A (10 d) and B (15 d) SS + 50 % of A.
 * Deterministic: B starts 5 days after A (Mon 11) and finishes Fri 2027-01-29 (A finishes Fri 15).
 * A risk event that always occurs adds 10 days to A: A takes 20 days (Mon 4 – Fri 29), so B's lag is 10 days, B starts
 * Mon 18 and finishes Fri 2027-02-05 — what scheduleNetwork says of the same network with A at 20 days (the
 * reference below). Before, every iteration kept the 5-day lag of A's base duration: B Mon 11 – Fri 29, the project
 * finish Fri 29 (A's), a week early.
 */
const network = (aDays: number, calendarId?: string): ScheduleInput => ({
  projectStart: "2027-01-04",
  ...(calendarId ? { calendars: { [calendarId]: createWorkingCalendar({ name: "office 2" }) } } : {}),
  activities: [{ id: "A", duration: aDays }, { id: "B", duration: 15, ...(calendarId ? { calendarId } : {}) }],
  links: [{ from: "A", to: "B", type: "SS", lag: { percent: 50 } }],
});

describe("Monte Carlo: a percent lag follows the predecessor's sampled duration", () => {
  it("one calendar (the fast kernel) and two calendars (the general kernel): B's finish as scheduleNetwork with A at 20 days", () => {
    expect([scheduleNetwork(network(10)).finish, scheduleNetwork(network(20)).finish]).toEqual(["2027-01-29", "2027-02-05"]);
    for (const cal of [undefined, "office2"]) {
      const r = analyseScheduleRisk(
        { network: network(10, cal), riskEvents: [{ id: "R-1", probability: 1, impacts: [{ activityId: "A", days: 10 }] }] },
        { iterations: 5, seed: 3 },
      );
      expect([cal, r.deterministicFinish, ...r.percentiles.map((p) => p.finish)]).toEqual([cal, "2027-01-29", ...Array(4).fill("2027-02-05")]);
      // The lag is B's driver in every iteration: B critical 5 of 5 (A is critical too: B's late start ties A's start).
      expect(r.activities.map((a) => [a.id, a.criticalityIndex.toFixed()])).toEqual([["A", "1"], ["B", "1"]]);
    }
  });
});
