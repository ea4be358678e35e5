import { describe, expect, it } from "vitest";
import { createWorkingCalendar, isoDate } from "../../src/index.js";
import { blackoutWarnings, DEFAULT_IT_ROLLOUT_TEMPLATE, dueDateFor, scheduleChecklist, scheduleRollout } from "../../src/rollout/index.js";
import { sampleRollout } from "./helpers.js";

// Monday–Friday, no holidays. Three freezes chained by weekends only, plus a one-day window inside the last:
//   C 2026-12-21 (Mon) … 2027-01-01 (Fri) · B 2027-01-04 (Mon) … 01-08 (Fri) · A 01-11 (Mon) … 01-15 (Fri) · D 01-12.
const chained = createWorkingCalendar({
  blackouts: [
    { start: "2027-01-11", end: "2027-01-15", reason: "Release train" },
    { start: "2027-01-04", end: "2027-01-08", reason: "Inventory count" },
    { start: "2026-12-21", end: "2027-01-01", reason: "Year-end freeze" },
    { start: "2027-01-12", end: "2027-01-12", reason: "DB upgrade" },
    { start: "2027-02-01", end: "2027-02-05", reason: "Not stepped over" },
  ],
});

describe("blackout moves name every window stepped over", () => {
  it("issue 12 rollout: a move over chained windows names each of them", () => {
    // Nominal 2027-01-13 (Wed, in A): stepping back over A, D, the weekend, B, the weekend and C reaches Friday 12-18.
    const r = dueDateFor(chained, isoDate("2027-01-13"), 0);
    expect([r.nominal, r.due, r.window?.reason]).toEqual(["2027-01-13", "2026-12-18", "Release train"]);
    expect(r.windows.map((w) => w.reason)).toEqual(["Year-end freeze", "Inventory count", "Release train", "DB upgrade"]);
  });

  it("issue 12 rollout: the schedule's move and its note carry every window", () => {
    // GNG-01 is T-2 from go-live Monday 2027-01-18 → Thursday 01-14, inside A.
    const s = scheduleRollout(DEFAULT_IT_ROLLOUT_TEMPLATE, { goLive: isoDate("2027-01-18"), calendar: chained, cutoverStart: isoDate("2027-01-18"), hypercareEnd: isoDate("2027-02-26") });
    const move = s.moves.find((m) => m.itemId === "gng-meeting")!;
    expect(move.windows.map((w) => w.reason)).toEqual(["Year-end freeze", "Inventory count", "Release train", "DB upgrade"]);
    expect(move.note).toBe(
      "moved from 2027-01-14 to 2026-12-18: 2027-01-14 is inside the blackout 2027-01-11…2027-01-15 (Release train); also stepped over " +
        "the blackout 2026-12-21…2027-01-01 (Year-end freeze), the blackout 2027-01-04…2027-01-08 (Inventory count), the blackout 2027-01-12…2027-01-12 (DB upgrade)",
    );
  });

  it("a move out of a single window names just that window", () => {
    const r = dueDateFor(chained, isoDate("2027-02-03"), 0);
    expect([r.due, r.windows.map((w) => w.reason)]).toEqual(["2027-01-29", ["Not stepped over"]]);
    expect(dueDateFor(chained, isoDate("2027-01-20"), 0).windows).toEqual([]);
  });
});

describe("go-live inside a freeze", () => {
  const { plan, items } = sampleRollout();
  const office = createWorkingCalendar(plan.calendar); // freeze 2026-12-21…2027-01-04

  it("issue 12 rollout: scheduleRollout warns when go-live lies in a blackout window", () => {
    const s = scheduleRollout(DEFAULT_IT_ROLLOUT_TEMPLATE, { goLive: isoDate("2027-01-04"), calendar: office, cutoverStart: isoDate("2027-01-04"), hypercareEnd: isoDate("2027-02-26") });
    expect(s.warnings[0]).toEqual({
      code: "go-live-in-blackout", date: "2027-01-04", windows: [office.blackouts[0]],
      message: "go-live 2027-01-04 is inside the blackout 2026-12-21…2027-01-04 (Year-end change freeze)",
    });
    // Cutover and go-live on Mon 01-04, the freeze's last day: CUT-02 and CUT-03 (T0) can move neither back (12-18,
    // before the cutover starts) nor forward (01-05, after go-live) — they stay on 01-04, flagged.
    expect(s.warnings.slice(1).map((w) => ["itemId" in w ? w.itemId : "", w.date])).toEqual([["cut-run", "2027-01-04"], ["cut-checkpoint", "2027-01-04"]]);
  });

  it("issue 12 rollout: a cutover reaching into a freeze is flagged too; a clean plan has no warning", () => {
    const w = blackoutWarnings(office, { goLive: isoDate("2027-01-06"), cutoverStart: isoDate("2026-12-30") });
    expect(w.map((x) => [x.code, x.date, x.message])).toEqual([
      ["cutover-in-blackout", "2026-12-30", "cutover 2026-12-30…2027-01-06 overlaps the blackout 2026-12-21…2027-01-04 (Year-end change freeze)"],
    ]);
    expect(blackoutWarnings(office, { goLive: isoDate("2027-01-06"), cutoverStart: isoDate("2027-01-05") })).toEqual([]);
    // The sample plan goes live 2027-03-01, outside the freeze.
    expect(scheduleChecklist(plan, items).warnings).toEqual([]);
    expect(scheduleChecklist({ ...plan, goLive: isoDate("2026-12-28"), cutoverStart: isoDate("2026-12-23") }, items).warnings.map((x) => x.code))
      .toEqual(["go-live-in-blackout", "cutover-in-blackout", "cutover-step-in-blackout", "cutover-step-in-blackout", "cutover-step-in-blackout", "cutover-step-in-blackout"]);
  });
});

describe("blackoutWarnings input", () => {
  it("refuses a missing calendar or a go-live that is not a date", () => {
    expect(() => blackoutWarnings(null as never, { goLive: isoDate("2027-01-04") })).toThrow(/working calendar/);
    expect(() => blackoutWarnings(chained, { goLive: "04.01.2027" as never })).toThrow(/goLive: not a date/);
  });
});
