import { describe, expect, it } from "vitest";
import { scheduleNetwork, type LinkLag } from "../../src/index.js";
import { issuesOf } from "../support/errors.js";

// A lag or duration longer than every date (0001-01-01 to 9999-12-31: 3,652,059 days) can give no date. An MS
// Project LinkLag of 99999999999999999999 tenths of a minute imports as 20833333333333333.333333 days: passed to
// scheduleNetwork it ran for minutes or out of memory; 10,000,000 days ran 4.5 s and failed with "epoch day 14020829
// is outside years 0001–9999" at the root, naming no link. Each is now refused at once at its own path.
const MAX = "at most 3652059 days (dates run from 0001-01-01 to 9999-12-31)";
const acts = [{ id: "A", duration: 1 }, { id: "B", duration: 1 }];
const net = (lag: LinkLag) => ({ projectStart: "2027-01-04", activities: acts, links: [{ from: "A", to: "B", type: "FS" as const, lag }] });

describe("durations and lags are bounded by the span of dates", () => {
  it("refuses each lag kind beyond 3,652,059 days at the lag, a lead too", () => {
    expect(issuesOf(() => scheduleNetwork(net({ days: "20833333333333333.333333" })))).toEqual([["links.0.lag.days", MAX]]);
    expect(issuesOf(() => scheduleNetwork(net({ days: 10_000_000 })))).toEqual([["links.0.lag.days", MAX]]);
    expect(issuesOf(() => scheduleNetwork(net({ days: -3_652_060 })))).toEqual([["links.0.lag.days", MAX]]);
    expect(issuesOf(() => scheduleNetwork(net({ elapsedDays: "3652059.5" })))).toEqual([["links.0.lag.elapsedDays", MAX]]);
    // 1 day × 400,000,000 % = 4,000,000 days.
    expect(issuesOf(() => scheduleNetwork(net({ percent: 400_000_000 })))).toEqual([["links.0.lag.percent", MAX]]);
  });
  it("refuses a duration and a remaining duration beyond it", () => {
    expect(issuesOf(() => scheduleNetwork({ projectStart: "2027-01-04", activities: [{ id: "A", duration: 3_652_060 }] }))).toEqual([["activities.0.duration", MAX]]);
    const started = { id: "A", duration: 1, progress: { actualStart: "2027-01-04", remainingDuration: 10_000_000 } };
    expect(issuesOf(() => scheduleNetwork({ projectStart: "2027-01-04", statusDate: "2027-01-05", activities: [started] }))).toEqual([["activities.0.progress.remainingDuration", MAX]]);
  });
  it("a lag within the span still schedules: 10 working days after Mon 4 Jan finish → B on Tue 19 Jan", () => {
    // A works Mon 4; 10 working days of lag run Tue 5 – Mon 18; B starts Tue 19.
    expect(scheduleNetwork(net({ days: 10 })).activities.find((a) => a.id === "B")!.earlyStart).toBe("2027-01-19");
  });
});
