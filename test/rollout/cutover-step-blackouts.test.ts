import { describe, expect, it } from "vitest";
import { createWorkingCalendar, isoDate, isWorkingDay, type IsoDate } from "../../src/index.js";
import { DEFAULT_IT_ROLLOUT_TEMPLATE, dueDateFor, scheduleChecklist, scheduleRollout, type RolloutTemplate } from "../../src/rollout/index.js";
import { sampleRollout } from "./helpers.js";

// A step of the cutover is anchored "T+n" after the cutover start. When its day falls in a change freeze it moved
// forward past the freeze (the T+n rule) — and when go-live lies in the same freeze that put a cutover step AFTER
// go-live, silently. A cutover step whose day is on or before go-live must stay by go-live: it now moves back out of
// the freeze when the last free working day before it is still after the cutover start; when no working day after the
// cutover start and by go-live is outside the freeze, it stays on its day (the plan cuts over in the freeze, which is
// the plan's call) and `warnings` carries a typed `cutover-step-in-blackout` naming the item, the freeze and go-live.
//
// Calendar: Monday–Friday; holidays Fri 2026-12-25, Sat 12-26, Fri 2027-01-01; freeze Mon 2026-12-21 … Mon 2027-01-04.
const FREEZE = { start: "2026-12-21", end: "2027-01-04", reason: "Year-end freeze" };
const office = createWorkingCalendar({ holidays: ["2026-12-25", "2026-12-26", "2027-01-01"], blackouts: [FREEZE] });
const mini = (entries: { id: string; anchor: "go-live" | "cutover-start" | "hypercare-end"; tMinusDays: number }[]): RolloutTemplate => ({
  ...DEFAULT_IT_ROLLOUT_TEMPLATE,
  id: "t-cutover",
  entries: entries.map((e) => ({ ...DEFAULT_IT_ROLLOUT_TEMPLATE.entries[0]!, ...e, code: e.id.toUpperCase(), dependsOn: [] })),
});
const goLive = isoDate("2026-12-22"); // Tuesday, inside the freeze

describe("a cutover step (T+n after the cutover start) is never silently dated after go-live", () => {
  it("cutover Tue 12-15, go-live Tue 12-22 in the freeze: T+4 is due Fri 12-18, not Tue 2027-01-05 (after go-live)", () => {
    // T0 = Tue 12-15; +1 Wed 12-16, +2 Thu 12-17, +3 Fri 12-18, +4 Mon 12-21 → nominal 12-21, in the freeze.
    // Forward: Tue 2027-01-05, two weeks after go-live. Back: Fri 12-18 — after the cutover start, before go-live.
    const s = scheduleRollout(mini([{ id: "cut-4", anchor: "cutover-start", tMinusDays: -4 }]), { goLive, calendar: office, cutoverStart: isoDate("2026-12-15") });
    const item = s.items[0]!;
    expect([item.nominalDueDate, item.dueDate]).toEqual(["2026-12-21", "2026-12-18"]);
    expect(s.moves[0]!.note).toBe("moved from 2026-12-21 to 2026-12-18: 2026-12-21 is inside the blackout 2026-12-21…2027-01-04 (Year-end freeze)");
    expect(s.warnings.map((w) => w.code)).toEqual(["go-live-in-blackout", "cutover-in-blackout"]);
  });

  it("cutover Fri 12-18, go-live Tue 12-22: T+1 has no free day after the cutover start and by go-live — it stays on Mon 12-21, with a typed warning", () => {
    // Nominal Mon 12-21 (in the freeze). Back: Fri 12-18 = the cutover start itself (a T+1 step is never due on its
    // anchor's day). Forward: Tue 2027-01-05, after go-live. Neither fits: it stays on 12-21 and is flagged.
    const s = scheduleRollout(mini([{ id: "cut-1", anchor: "cutover-start", tMinusDays: -1 }]), { goLive, calendar: office, cutoverStart: isoDate("2026-12-18") });
    const item = s.items[0]!;
    expect([item.nominalDueDate, item.dueDate, item.blackoutMove]).toEqual(["2026-12-21", "2026-12-21", undefined]);
    expect(s.moves).toEqual([]);
    const w = s.warnings.find((x) => x.code === "cutover-step-in-blackout");
    expect(w).toEqual({
      code: "cutover-step-in-blackout",
      itemId: "cut-1",
      date: "2026-12-21",
      goLive: "2026-12-22",
      cutoverStart: "2026-12-18",
      anchor: "cutover-start",
      windows: [FREEZE],
      message:
        "CUT-1 (T+1 after the cutover start 2026-12-18) stays on 2026-12-21 inside the blackout 2026-12-21…2027-01-04 (Year-end freeze): " +
        "no working day after the cutover start and by go-live 2026-12-22 is outside it (moving forward would date it 2027-01-05, after go-live)",
    });
  });

  it("a T+n cutover-start item nominally after go-live still moves forward, and one whose forward day is by go-live too", () => {
    // T+6 from Tue 12-15: 16, 17, 18, 21, 22, 23 → nominal Wed 12-23, after go-live: a post-go-live item → 2027-01-05.
    expect(dueDateFor(office, isoDate("2026-12-15"), -6, { goLive, cutoverStep: true })).toMatchObject({ nominal: "2026-12-23", due: "2027-01-05" });
    // Freeze Mon 2027-03-01 … Tue 03-02, cutover Fri 02-26, go-live Thu 03-04 (outside it): T+1 → Mon 03-01 → forward
    // to Wed 03-03, still by go-live, so the T+n rule stands.
    const q = createWorkingCalendar({ blackouts: [{ start: "2027-03-01", end: "2027-03-02", reason: "Quarter close" }] });
    expect(dueDateFor(q, isoDate("2027-02-26"), -1, { goLive: isoDate("2027-03-04"), cutoverStep: true })).toMatchObject({ nominal: "2027-03-01", due: "2027-03-03" });
  });

  it("dueDateFor: the cutoverStep option gives the rule; without it the T+n rule stands as before", () => {
    expect(dueDateFor(office, isoDate("2026-12-15"), -4, { goLive, cutoverStep: true }).due).toBe("2026-12-18");
    const held = dueDateFor(office, isoDate("2026-12-18"), -1, { goLive, cutoverStep: true });
    expect([held.due, held.conflict]).toEqual(["2026-12-21", { code: "cutover-step-in-blackout", forward: "2027-01-05", back: "2026-12-18" }]);
    expect(dueDateFor(office, isoDate("2026-12-15"), -4, { goLive }).due).toBe("2027-01-05");
    expect(() => dueDateFor(office, isoDate("2026-12-15"), -4, { cutoverStep: true })).toThrow(/goLive/);
  });

  it("scheduleChecklist follows the same rule from the plan's cutover start (CUT-02 of the sample made T+4)", () => {
    const { plan, items } = sampleRollout(); // the plan's calendar: freeze 2026-12-21…2027-01-04 (Year-end change freeze)
    const moved = { ...plan, goLive, cutoverStart: isoDate("2026-12-15"), hypercareEnd: isoDate("2027-01-29") };
    const cut = items.find((i) => i.anchor === "cutover-start")!;
    const s = scheduleChecklist(moved, items.map((i) => (i.id === cut.id ? { ...i, tMinusDays: -4 } : i)));
    expect(s.items.find((i) => i.id === cut.id)!.dueDate).toBe("2026-12-18");
    const held = scheduleChecklist({ ...moved, cutoverStart: isoDate("2026-12-18") }, items.map((i) => (i.id === cut.id ? { ...i, tMinusDays: -1 } : i)));
    expect(held.items.find((i) => i.id === cut.id)!.dueDate).toBe("2026-12-21");
    expect(held.warnings.filter((w) => w.code === "cutover-step-in-blackout").map((w) => (w as { itemId: string }).itemId)).toEqual([cut.id]);
  });

  it("property: over 200 cutover/go-live pairs, a cutover step nominally by go-live is due by go-live — after the cutover start and outside every window, or flagged", () => {
    const t0Of = (d: IsoDate) => (isWorkingDay(office, d) ? d : dueDateFor(office, d, 0).nominal);
    const day = (n: number) => isoDate(new Date(Date.UTC(2026, 11, 1) + n * 86_400_000).toISOString().slice(0, 10));
    for (let n = 0; n < 200; n++) {
      const cutoverStart = day(n % 40);
      const go = day((n % 40) + 1 + Math.floor(n / 40) * 2);
      for (const t of [-1, -2, -4, -7]) {
        const r = dueDateFor(office, cutoverStart, t, { goLive: go, cutoverStep: true });
        if (r.nominal > t0Of(go)) continue; // after go-live: not a step of the cutover
        expect(r.due <= t0Of(go)).toBe(true);
        const inWindow = office.blackouts.some((b) => b.start <= r.due && r.due <= b.end);
        if (r.conflict) expect([inWindow, r.due]).toEqual([true, r.nominal]);
        else expect([inWindow, r.due > t0Of(cutoverStart)]).toEqual([false, true]);
      }
    }
  });
});
