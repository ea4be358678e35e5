import { describe, expect, it } from "vitest";
import { createWorkingCalendar, isoDate, isWorkingDay } from "../../src/index.js";
import { DEFAULT_IT_ROLLOUT_TEMPLATE, dueDateFor, scheduleRollout } from "../../src/rollout/index.js";

// An item with a negative offset is due *after* its anchor (T+n). Moving it out of a freeze to the working day before
// the window could put it on or before the anchor: a post-go-live item due before go-live. Such an item moves
// forward instead, to the first working day after the window(s). Items on or before their anchor still move back.
//
// Calendar: Monday–Friday; holidays Fri 2026-12-25, Sat 12-26, Fri 2027-01-01; freeze Mon 2026-12-21 … Mon 2027-01-04.
const office = createWorkingCalendar({
  holidays: ["2026-12-25", "2026-12-26", "2027-01-01"],
  blackouts: [{ start: "2026-12-21", end: "2027-01-04", reason: "Year-end freeze" }],
});
const byCode = (s: { items: readonly { code: string; nominalDueDate: string; dueDate: string }[] }, code: string) => s.items.find((i) => i.code === code)!;

describe("items after their anchor move forward out of a freeze, never back before the anchor", () => {
  it("go-live Thu 2026-12-17: DST-03 'Remaining waves installed' T+10 is due Tue 2027-01-05, not Fri 12-18 (T+1)", () => {
    // T+10 from Thu 12-17, working days after it: 12-18 (1), 12-21 (2), 12-22 (3), 12-23 (4), 12-24 (5), [25 holiday,
    // 26–27 weekend] 12-28 (6), 12-29 (7), 12-30 (8), 12-31 (9), [01-01 holiday, 02–03 weekend] 01-04 (10): nominal
    // Mon 2027-01-04, the freeze's last day. The first working day after the freeze is Tue 2027-01-05.
    // Before: moved back to Fri 2026-12-18, the day after go-live — "remaining waves installed" at T+1.
    const s = scheduleRollout(DEFAULT_IT_ROLLOUT_TEMPLATE, {
      goLive: isoDate("2026-12-17"), calendar: office, cutoverStart: isoDate("2026-12-16"), hypercareEnd: isoDate("2027-01-15"),
    });
    const dst = byCode(s, "DST-03");
    expect(dst.nominalDueDate).toBe("2027-01-04");
    expect(dst.dueDate).toBe("2027-01-05");
    const move = s.moves.find((m) => m.itemId === "dst-waves")!;
    expect(move.note).toBe("moved from 2027-01-04 to 2027-01-05: 2027-01-04 is inside the blackout 2026-12-21…2027-01-04 (Year-end freeze)");
    // HYP-01 (T+1) falls on Fri 12-18, outside the freeze: not moved.
    expect(byCode(s, "HYP-01").dueDate).toBe("2026-12-18");
  });

  it("go-live Tue 2026-12-22 inside the freeze: T+1 is due Tue 2027-01-05, not Fri 12-18 (four days before go-live)", () => {
    // T0 = 12-22; T+1 nominal Wed 12-23 (in the freeze). Before: moved back to Fri 12-18, before go-live.
    expect(dueDateFor(office, isoDate("2026-12-22"), -1)).toMatchObject({ nominal: "2026-12-23", due: "2027-01-05" });
    // T+5: 12-23, 12-24, 12-28, 12-29, 12-30 → nominal 12-30 → 2027-01-05 as well.
    expect(dueDateFor(office, isoDate("2026-12-22"), -5)).toMatchObject({ nominal: "2026-12-30", due: "2027-01-05" });
    // T0 and T-n still move back to Fri 12-18 (the go-live itself is flagged, not moved).
    expect(dueDateFor(office, isoDate("2026-12-22"), 0).due).toBe("2026-12-18");
    expect(dueDateFor(office, isoDate("2026-12-22"), 1).due).toBe("2026-12-18");
  });

  it("a forward move over chained windows names each of them, in calendar order", () => {
    // Mon–Fri, no holidays. Freezes 12-21…01-01, 01-04…01-08 and 01-11…01-15, chained by weekends. Go-live Fri 12-18:
    // T+1 nominal Mon 12-21 → forward over all three → Mon 2027-01-18 (its windows: the three, not the one after).
    const chained = createWorkingCalendar({
      blackouts: [
        { start: "2027-01-11", end: "2027-01-15", reason: "Release train" },
        { start: "2026-12-21", end: "2027-01-01", reason: "Year-end freeze" },
        { start: "2027-01-04", end: "2027-01-08", reason: "Inventory count" },
        { start: "2027-01-19", end: "2027-01-20", reason: "Not stepped over" },
      ],
    });
    const r = dueDateFor(chained, isoDate("2026-12-18"), -1);
    expect(r.due).toBe("2027-01-18");
    expect(r.window?.reason).toBe("Year-end freeze");
    expect(r.windows.map((w) => w.reason)).toEqual(["Year-end freeze", "Inventory count", "Release train"]);
  });

  it("property: over 400 go-lives, every item after its anchor is due after T0 and every item before it before T0", () => {
    for (let n = 0; n < 400; n++) {
      const goLive = isoDate(new Date(Date.UTC(2026, 10, 1) + n * 86_400_000).toISOString().slice(0, 10));
      const t0 = isWorkingDay(office, goLive) ? goLive : dueDateFor(office, goLive, 0).nominal;
      for (const t of [-12, -5, -1, 1, 5, 12]) {
        const { due } = dueDateFor(office, goLive, t);
        if (t < 0) expect(due > t0).toBe(true);
        else expect(due < t0).toBe(true);
      }
    }
  });
});
