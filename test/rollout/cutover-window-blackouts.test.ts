import { describe, expect, it } from "vitest";
import { createWorkingCalendar, isoDate, isWorkingDay, type IsoDate } from "../../src/index.js";
import { DEFAULT_IT_ROLLOUT_TEMPLATE, dueDateFor, scheduleChecklist, scheduleRollout, type RolloutTemplate } from "../../src/rollout/index.js";
import { sampleRollout } from "./helpers.js";

// An item nominally during the cutover — on or after the cutover start's T0 and on or before go-live's T0: the
// cutover-start T0 item ("run the cutover"), go-live's own T0 item (the checkpoint sign-off) and a go-live T-n item
// that falls on a cutover day — moved back out of a freeze to a day BEFORE the cutover starts ("run the cutover" due
// before the cutover starts). Such an item is now never dated before the cutover start nor after go-live: back while
// that stays on or after the cutover start, else forward while that stays by go-live, else it keeps its day in the
// freeze with a typed `cutover-step-in-blackout` warning naming the item, the freeze and both anchors.
//
// Calendar: Monday–Friday; holidays Fri 2026-12-25, Sat 12-26, Fri 2027-01-01; freeze Mon 2026-12-21 … Mon 2027-01-04.
const FREEZE = { start: "2026-12-21", end: "2027-01-04", reason: "Year-end freeze" };
const office = createWorkingCalendar({ holidays: ["2026-12-25", "2026-12-26", "2027-01-01"], blackouts: [FREEZE] });
const mini = (entries: { id: string; anchor: "go-live" | "cutover-start" | "hypercare-end"; tMinusDays: number }[]): RolloutTemplate => ({
  ...DEFAULT_IT_ROLLOUT_TEMPLATE,
  id: "t-window",
  entries: entries.map((e) => ({ ...DEFAULT_IT_ROLLOUT_TEMPLATE.entries[0]!, ...e, code: e.id.toUpperCase(), dependsOn: [] })),
});
const cutoverStart = isoDate("2026-12-21"); // Monday, first day of the freeze
const goLive = isoDate("2026-12-22"); // Tuesday, in the freeze

describe("an item nominally during the cutover is never moved before the cutover start", () => {
  it("default template, cutover Mon 12-21, go-live Tue 12-22 (both in the freeze): CUT-02, CUT-03 and COM-05 stay on their days, flagged", () => {
    // CUT-02 (cutover start, T0): nominal Mon 12-21. Back → Fri 12-18, before the cutover start; forward → Tue 2027-01-05
    //   (12-22…01-04 frozen), after go-live. Neither: it stays on 12-21. (Before: 12-18.)
    // CUT-03 (go-live, T0): nominal Tue 12-22. Back → 12-18 (before the cutover start); forward → 2027-01-05 (after
    //   go-live). It stays on 12-22. (Before: 12-18.)
    // COM-05 (go-live, T-1): nominal Mon 12-21, the cutover start: same → stays on 12-21. (Before: 12-18.)
    // GNG-01 (go-live, T-2): nominal Fri 12-18, outside the freeze — untouched.
    const s = scheduleRollout(DEFAULT_IT_ROLLOUT_TEMPLATE, { goLive, cutoverStart, hypercareEnd: isoDate("2027-01-29"), calendar: office });
    const due = (id: string) => s.items.find((i) => i.id === id)!.dueDate;
    expect([due("cut-run"), due("cut-checkpoint"), due("com-reminder"), due("gng-meeting")]).toEqual(["2026-12-21", "2026-12-22", "2026-12-21", "2026-12-18"]);
    expect(s.moves.map((m) => m.itemId)).not.toContain("cut-run");
    expect(s.moves.map((m) => m.itemId)).not.toContain("cut-checkpoint");
    const flagged = s.warnings.filter((w) => w.code === "cutover-step-in-blackout");
    expect(flagged.map((w) => (w as { itemId: string }).itemId).sort()).toEqual(["com-reminder", "cut-checkpoint", "cut-run"]);
    expect(flagged.find((w) => (w as { itemId: string }).itemId === "cut-checkpoint")).toEqual({
      code: "cutover-step-in-blackout",
      itemId: "cut-checkpoint",
      date: "2026-12-22",
      goLive: "2026-12-22",
      cutoverStart: "2026-12-21",
      anchor: "go-live",
      windows: [FREEZE],
      message:
        "CUT-03 (T0 of go-live 2026-12-22) stays on 2026-12-22 inside the blackout 2026-12-21…2027-01-04 (Year-end freeze): " +
        "no working day from the cutover start 2026-12-21 to go-live 2026-12-22 is outside it " +
        "(moving back would date it 2026-12-18, before the cutover start; moving forward 2027-01-05, after go-live)",
    });
    expect((flagged.find((w) => (w as { itemId: string }).itemId === "cut-run") as { message: string }).message).toBe(
      "CUT-02 (T0 of the cutover start 2026-12-21) stays on 2026-12-21 inside the blackout 2026-12-21…2027-01-04 (Year-end freeze): " +
        "no working day from the cutover start 2026-12-21 to go-live 2026-12-22 is outside it " +
        "(moving back would date it 2026-12-18, before the cutover start; moving forward 2027-01-05, after go-live)",
    );
    expect((flagged.find((w) => (w as { itemId: string }).itemId === "com-reminder") as { message: string }).message).toMatch(/^COM-05 \(T-1 before go-live 2026-12-22\) stays on 2026-12-21/);
  });

  it("a one-day freeze on the cutover start: the T0 item moves forward within the cutover, not back before it", () => {
    // Freeze Mon 2027-03-01 only; cutover Mon 03-01, go-live Wed 03-03. CUT-02 nominal 03-01: back → Fri 02-26, before
    // the cutover start; forward → Tue 03-02, by go-live → due 03-02 (moved, recorded). Go-live T-2 = Mon 03-01 too →
    // Tue 03-02. Go-live T-3 = Fri 02-26, before the cutover start: untouched.
    const q = createWorkingCalendar({ blackouts: [{ start: "2027-03-01", end: "2027-03-01", reason: "Quarter close" }] });
    const s = scheduleRollout(
      mini([{ id: "run", anchor: "cutover-start", tMinusDays: 0 }, { id: "t2", anchor: "go-live", tMinusDays: 2 }, { id: "t3", anchor: "go-live", tMinusDays: 3 }]),
      { goLive: isoDate("2027-03-03"), cutoverStart: isoDate("2027-03-01"), calendar: q },
    );
    expect(s.items.map((i) => [i.id, i.nominalDueDate, i.dueDate])).toEqual([
      ["run", "2027-03-01", "2027-03-02"],
      ["t2", "2027-03-01", "2027-03-02"],
      ["t3", "2027-02-26", "2027-02-26"],
    ]);
    expect(s.moves.map((m) => m.itemId)).toEqual(["run", "t2"]);
    expect(s.warnings.filter((w) => w.code === "cutover-step-in-blackout")).toEqual([]);
  });

  it("a cutover that starts before the freeze keeps the rule as it was: CUT-03 moves back to Fri 12-18, on or after the cutover start", () => {
    // Cutover Fri 12-18, go-live Tue 12-22: CUT-03 nominal 12-22 → back 12-18 = the cutover start (allowed: not before it).
    const s = scheduleRollout(DEFAULT_IT_ROLLOUT_TEMPLATE, { goLive, cutoverStart: isoDate("2026-12-18"), hypercareEnd: isoDate("2027-01-29"), calendar: office });
    expect(s.items.find((i) => i.id === "cut-checkpoint")!.dueDate).toBe("2026-12-18");
    expect(s.items.find((i) => i.id === "cut-run")!.dueDate).toBe("2026-12-18");
  });

  it("dueDateFor: the cutoverStart option gives the rule; without it go-live's T0 moves back as before", () => {
    const held = dueDateFor(office, goLive, 0, { goLive, cutoverStart });
    expect([held.due, held.window, held.conflict]).toEqual(["2026-12-22", FREEZE, { code: "cutover-step-in-blackout", forward: "2027-01-05", back: "2026-12-18" }]);
    expect(dueDateFor(office, cutoverStart, 0, { goLive, cutoverStep: true }).due).toBe("2026-12-21");
    expect(dueDateFor(office, goLive, 0, { goLive }).due).toBe("2026-12-18");
    expect(() => dueDateFor(office, goLive, 0, { goLive, cutoverStart: "2026-13-01" as IsoDate })).toThrow(/cutoverStart/);
  });

  it("scheduleChecklist follows the same rule from the plan's cutover start", () => {
    const { plan, items } = sampleRollout(); // the plan's calendar: freeze 2026-12-21…2027-01-04 (Year-end change freeze)
    const s = scheduleChecklist({ ...plan, goLive, cutoverStart, hypercareEnd: isoDate("2027-01-29") }, items);
    const cut = items.find((i) => i.anchor === "cutover-start" && i.tMinusDays === 0)!;
    expect(s.items.find((i) => i.id === cut.id)!.dueDate).toBe("2026-12-21");
    const goT0 = items.filter((i) => i.anchor === "go-live" && i.tMinusDays === 0);
    for (const i of goT0) expect(s.items.find((x) => x.id === i.id)!.dueDate).toBe("2026-12-22");
    expect(s.warnings.filter((w) => w.code === "cutover-step-in-blackout").map((w) => (w as { itemId: string }).itemId)).toContain(cut.id);
  });

  it("property: over 200 cutover/go-live pairs, an item nominally in the cutover is due in it — outside every window, or flagged on its day", () => {
    const t0Of = (d: IsoDate) => (isWorkingDay(office, d) ? d : dueDateFor(office, d, 0).nominal);
    const day = (n: number) => isoDate(new Date(Date.UTC(2026, 11, 1) + n * 86_400_000).toISOString().slice(0, 10));
    for (let n = 0; n < 200; n++) {
      const cs = day(n % 40);
      const go = day((n % 40) + 1 + Math.floor(n / 40) * 2);
      for (const t of [0, 1, 2, 3]) {
        for (const [anchor, opts] of [[go, { goLive: go, cutoverStart: cs }], [cs, { goLive: go, cutoverStep: true }]] as const) {
          const r = dueDateFor(office, anchor, t, opts);
          if (r.nominal < t0Of(cs) || r.nominal > t0Of(go)) continue;
          expect(r.due >= t0Of(cs) && r.due <= t0Of(go)).toBe(true);
          const inWindow = office.blackouts.some((b) => b.start <= r.due && r.due <= b.end);
          if (r.conflict) expect([inWindow, r.due]).toEqual([true, r.nominal]);
          else expect(inWindow).toBe(false);
        }
      }
      // A larger offset is never due later (go-live T0 … T-5 with the cutover rule).
      const dues = [0, 1, 2, 3, 4, 5].map((t) => dueDateFor(office, go, t, { goLive: go, cutoverStart: cs }).due);
      for (let t = 1; t < dues.length; t++) expect(dues[t]! <= dues[t - 1]!).toBe(true);
    }
  });
});
