import { describe, expect, it } from "vitest";
import { scheduleNetwork } from "../../src/index.js";

describe("an SS or SF link from started work takes none of its free float (its start is history)", () => {
  // Monday–Friday, status date Mon 4. A (1 day) started Mon 4 with half a day left: its remaining part runs Tue 5
  // morning (the morning after the status date), early finish Tue 5 midday. B (1 day) SS after A: A started Mon 4,
  // so B is held only by the status date: Tue 5, the network finish Tue 5 evening.
  // A's total float = Tue 5 evening − Tue 5 midday = 0.5 day. Delaying A's remaining half day moves nothing — B waits
  // for A's start, which is history — so its free float is its total float, 0.5 (it showed 0), and A does not drive B
  // on the longest path (it was on it).
  const plan = (type: "SS" | "SF", days = 0) =>
    scheduleNetwork({
      projectStart: "2027-01-04",
      statusDate: "2027-01-04",
      activities: [{ id: "A", duration: 1, progress: { actualStart: "2027-01-04", remainingDuration: "0.5" } }, { id: "B", duration: 1 }],
      links: [{ from: "A", to: "B", type, ...(days ? { lag: { days } } : {}) }],
    });
  it("SS: free float 0.5 day, not on the longest path", () => {
    const r = plan("SS");
    const a = r.activities[0]!;
    expect([a.earlyFinish, a.totalFloat.toFixed(), a.freeFloat.toFixed(), a.longestPath]).toEqual(["2027-01-05", "0.5", "0.5", false]);
    expect(r.longestPath).toEqual(["B"]);
  });
  it("SF + 2 days: the same (B's finish waits for A's start Mon 4 morning + 2 days = Tue 5 evening, which B meets anyway)", () => {
    // The link's bound on A's finish was read as B's finish − 2 days + A's remaining half day = Mon 4 midday, before
    // A's early finish: free float 0 and A on the longest path.
    const r = plan("SF", 2);
    const a = r.activities[0]!;
    expect([a.totalFloat.toFixed(), a.freeFloat.toFixed(), a.longestPath]).toEqual(["0.5", "0.5", false]);
  });
});
