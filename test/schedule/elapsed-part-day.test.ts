import { describe, expect, it } from "vitest";
import { scheduleNetwork } from "../../src/index.js";

/*
 * pmokit's day has no clock: a working day is a window of minutes per day (480), and an instant is a day plus a
 * minute of that window. An elapsed lag counts calendar days on that model: 1 elapsed day = 1 calendar day, so a
 * part day is the same part of the day's window ("proportional"). MS Project counts elapsed hours on the clock
 * (08:00–17:00 working): A finishing Mon 17:00 + 12 eh = Tue 05:00, so B starts Tue 08:00; A starting Mon 08:00,
 * SS + 12 eh = Mon 20:00, so B starts Tue 08:00. pmokit starts B part-way through Tuesday (or Monday) instead.
 * Whole elapsed days agree (a finish evening or a start morning plus whole days lands on a morning either way).
 * These tests pin pmokit's stated convention (docs/scheduling.md §7, "elapsed lag").
 */
const net = (type: "FS" | "SS", elapsedDays: string) =>
  scheduleNetwork({
    projectStart: "2027-01-04",
    activities: [{ id: "A", duration: 1 }, { id: "B", duration: 1 }],
    links: [{ from: "A", to: "B", type, lag: { elapsedDays } }],
  });
const b = (r: ReturnType<typeof scheduleNetwork>) => `${r.activities[1]!.earlyStart}–${r.activities[1]!.earlyFinish}`;

describe("elapsed lags of part of a day (proportional convention)", () => {
  it("FS + 0.5 elapsed day: B from Tue 5 minute 240 to Wed 6 minute 240 (MS Project: Tue 08:00–17:00)", () => {
    // A Mon 4, its finish the instant Tue 5 00:00; + half a calendar day = minute 240 of Tue 5's 480; B (1 d) ends at
    // minute 240 of Wed 6. The network finishes Wed 6.
    const r = net("FS", "0.5");
    expect(b(r)).toBe("2027-01-05–2027-01-06");
    expect(r.finish).toBe("2027-01-06");
  });

  it("SS + 0.5 elapsed day: B from Mon 4 minute 240 to Tue 5 minute 240 (MS Project: Tue 08:00–17:00)", () => {
    expect(b(net("SS", "0.5"))).toBe("2027-01-04–2027-01-05");
  });

  it("whole elapsed days agree with MS Project: FS + 1 elapsed day starts Wed 6 morning, SS + 1 Tue 5 morning", () => {
    // Tue 5 00:00 + 1 day = Wed 6 00:00 (MS Project: Mon 17:00 + 24 h = Tue 17:00 → Wed 08:00); Mon 4 00:00 + 1 day =
    // Tue 5 00:00 (Mon 08:00 + 24 h = Tue 08:00).
    expect(b(net("FS", "1"))).toBe("2027-01-06–2027-01-06");
    expect(b(net("SS", "1"))).toBe("2027-01-05–2027-01-05");
  });
});
