import { describe, expect, it } from "vitest";
import { analyseScheduleRisk, scheduleNetwork, type ScheduleInput, type ScheduleRiskModel } from "../../src/index.js";
import { SEVEN_DAY, act, validationIssues } from "./helpers.js";

/*
 * Monte Carlo criticality under `startLinkFloat` (the network of start-link-float.test.ts with a predecessor Q that
 * brings P's early start to the last working minute of Friday).
 *
 * Hand derivation (8-hour days, positions in working minutes of the Monday–Friday calendar from Mon 2027-01-04):
 * X (7-day, 14 d) runs Mon 4 – Sun 17 and sets the finish. S (7-day, 1 d) is pinned by SNET Sun 10 with a deadline
 * Sun 10: ES = LS = Sun 10 00:00. P (Mon–Fri, 1 d) SS → S must start no later than the instant Sun 10 00:00, P's
 * non-working time, whose working-time position is 5 days = 2400 (Mon 11 morning).
 * Q (Mon–Fri, 4.997917 d = 2399.0002 min → 2399 min) FS → P: ES(Q) = 0, EF(Q) = 2399, so ES(P) = 2399 (Fri 8, 16:59).
 *   "exact":        LS(P) = 2400 − 1 = 2399 (Friday's last working minute) → TF(P) = 2399 − 2399 = 0 → critical;
 *                   LF(Q) = LS(P) = 2399 → TF(Q) = 0 → critical.
 *   "working-time": LS(P) = 2400 → TF(P) = 1 min = 0.002083 d > 0 → not critical; LF(Q) = 2400 → TF(Q) = 1 min too.
 * Risk event R (probability 0.3) adds 1 day to Q: then EF(Q) = ES(P) = 2879 > 2400, TF(P) = −479 or −480 min under
 * either rule, critical. So the criticality index of P and Q is 1 under "exact" (critical in every iteration) and
 * R's occurrence share under "working-time" (critical only when R occurs); S and X (float 0) stay at 1, and the
 * finish (X's, Sun 17) does not depend on the rule.
 */
const network: ScheduleInput = {
  projectStart: "2027-01-04",
  calendars: { seven: SEVEN_DAY },
  activities: [
    { id: "Q", duration: "4.997917" },
    { id: "P", duration: 1 },
    { id: "S", duration: 1, calendarId: "seven", constraint: { kind: "snet", date: "2027-01-10" }, deadline: "2027-01-10" },
    { id: "X", duration: 14, calendarId: "seven" },
  ],
  links: [{ from: "Q", to: "P" }, { from: "P", to: "S", type: "SS" }],
};
const model: ScheduleRiskModel = { network, riskEvents: [{ id: "R", probability: "0.3", impacts: [{ activityId: "Q", days: 1 }] }] };
const index = (r: ReturnType<typeof analyseScheduleRisk>) => r.activities.map((a) => `${a.id} ${a.criticalityIndex.toFixed()}`);

describe("analyseScheduleRisk: startLinkFloat in the criticality index", () => {
  it("the deterministic schedule: P has 0 float under exact, 1 minute (0.002083 d) under working-time", () => {
    const exact = scheduleNetwork(network);
    const wt = scheduleNetwork(network, { startLinkFloat: "working-time" });
    expect([act(exact, "P").earlyStart, act(exact, "P").lateStart, act(exact, "P").totalFloat.toFixed(), act(exact, "P").critical]).toEqual(["2027-01-08", "2027-01-08", "0", true]);
    expect([act(wt, "P").lateStart, act(wt, "P").totalFloat.toFixed(), act(wt, "P").critical, act(wt, "Q").totalFloat.toFixed(), act(wt, "Q").critical]).toEqual(["2027-01-11", "0.002083", false, "0.002083", false]);
  });

  it('"exact" (default): P and Q critical in every iteration', () => {
    const r = analyseScheduleRisk(model, { iterations: 200, seed: 7 });
    expect(index(r)).toEqual(["Q 1", "P 1", "S 1", "X 1"]);
    expect(r.method).not.toContain("working time");
  });

  it('"working-time": P and Q critical only in the iterations where R lengthens Q (criticality = R\'s occurrence)', () => {
    const exact = analyseScheduleRisk(model, { iterations: 200, seed: 7 });
    const r = analyseScheduleRisk(model, { iterations: 200, seed: 7, startLinkFloat: "working-time" });
    const occurrence = (r.riskEvents[0] as { occurrence: { toFixed(): string } }).occurrence.toFixed();
    expect(occurrence).toBe("0.31"); // 62 of 200 draws below 0.3 at seed 7 (docs/scheduling.md quotes it)
    expect(index(r)).toEqual([`Q ${occurrence}`, `P ${occurrence}`, "S 1", "X 1"]);
    // The rule moves late dates only: the same draws give the same finishes.
    expect(r.percentiles.map((p) => p.finish)).toEqual(exact.percentiles.map((p) => p.finish));
    expect(r.deterministicFinish).toBe("2027-01-17");
    expect(r.method).toContain("SS/SF start bounds in working time");
  });

  it("refuses an unknown rule at its path, as scheduleNetwork does", () => {
    expect(validationIssues(() => analyseScheduleRisk(model, { startLinkFloat: "primavera" as never }))).toEqual(["startLinkFloat: expected exact or working-time"]);
  });
});
