import { describe, expect, it } from "vitest";
import { createWorkingCalendar, isoDate, isWorkingDay, type IsoDate } from "../../src/index.js";
import { DEFAULT_IT_ROLLOUT_TEMPLATE, dueDateFor, scheduleChecklist, scheduleRollout, type RolloutTemplate } from "../../src/rollout/index.js";
import { sampleRollout } from "./helpers.js";

// An item on a later anchor (hypercare end) can be due after go-live even with a zero or positive offset. When go-live
// itself lies in a freeze, moving such an item back out of the freeze put it before go-live — a hypercare exit due
// before anything went live. It now moves forward past the freeze, as T+n items do; items due on or before go-live
// still move back.
//
// Calendar: Monday–Friday; holidays Fri 2026-12-25, Sat 12-26, Fri 2027-01-01; freeze Mon 2026-12-21 … Mon 2027-01-04.
const office = createWorkingCalendar({
  holidays: ["2026-12-25", "2026-12-26", "2027-01-01"],
  blackouts: [{ start: "2026-12-21", end: "2027-01-04", reason: "Year-end freeze" }],
});
const mini = (entries: { id: string; anchor: "go-live" | "cutover-start" | "hypercare-end"; tMinusDays: number }[]): RolloutTemplate => ({
  ...DEFAULT_IT_ROLLOUT_TEMPLATE,
  id: "t-later",
  entries: entries.map((e) => ({
    ...DEFAULT_IT_ROLLOUT_TEMPLATE.entries[0]!, ...e, code: e.id.toUpperCase(), dependsOn: [],
  })),
});

describe("an item on a later anchor is never moved back before a go-live that lies in a freeze", () => {
  it("go-live Tue 2026-12-22 and hypercare end Wed 12-30, both in the freeze: HYP-02 (hypercare end, T0) is due Tue 2027-01-05, not Fri 12-18", () => {
    // HYP-02 nominal = hypercare end Wed 12-30 (a working day), inside the freeze. Back: Fri 12-18, four days before
    // go-live. Forward: 12-31 (in the freeze), 01-01 holiday, 01-02/03 weekend, 01-04 (last freeze day) → Tue 01-05.
    const s = scheduleRollout(DEFAULT_IT_ROLLOUT_TEMPLATE, {
      goLive: isoDate("2026-12-22"), calendar: office, cutoverStart: isoDate("2026-12-22"), hypercareEnd: isoDate("2026-12-30"),
    });
    const hyp = s.items.find((i) => i.code === "HYP-02")!;
    expect([hyp.nominalDueDate, hyp.dueDate]).toEqual(["2026-12-30", "2027-01-05"]);
    expect(s.moves.find((m) => m.itemId === hyp.id)!.note).toBe(
      "moved from 2026-12-30 to 2027-01-05: 2026-12-30 is inside the blackout 2026-12-21…2027-01-04 (Year-end freeze)",
    );
    // Items due on or before go-live: GNG-01 (T-2) nominal Fri 12-18 is outside the freeze. CUT-02 (cutover start T0)
    // and CUT-03 (T0 on go-live 12-22) lie in the cutover (it starts on go-live day): moving back to Fri 12-18 would
    // date them before the cutover starts (this test read 12-18), forward (2027-01-05) after go-live — they stay on
    // 12-22, flagged. Go-live itself is flagged, not moved.
    expect(s.items.find((i) => i.code === "CUT-03")!.dueDate).toBe("2026-12-22");
    expect(s.warnings.map((w) => [w.code, "itemId" in w ? w.itemId : w.date])).toEqual([
      ["go-live-in-blackout", "2026-12-22"],
      ["cutover-step-in-blackout", "cut-run"],
      ["cutover-step-in-blackout", "cut-checkpoint"],
    ]);
  });

  it("hypercare end T-2 and T-5 with go-live in the freeze: after go-live moves forward, on go-live moves back", () => {
    // T0 = hypercare end Wed 12-30. T-2: 12-29 (1), 12-28 (2) → nominal Mon 12-28, after go-live 12-22 → Tue 01-05.
    // T-5: 12-29, 12-28, [26–27 weekend, 25 holiday] 12-24, 12-23, 12-22 → nominal = go-live day → back to Fri 12-18.
    const s = scheduleRollout(mini([{ id: "hc-2", anchor: "hypercare-end", tMinusDays: 2 }, { id: "hc-5", anchor: "hypercare-end", tMinusDays: 5 }]), {
      goLive: isoDate("2026-12-22"), calendar: office, hypercareEnd: isoDate("2026-12-30"),
    });
    const due = (id: string) => s.items.find((i) => i.id === id)!;
    expect([due("hc-2").nominalDueDate, due("hc-2").dueDate]).toEqual(["2026-12-28", "2027-01-05"]);
    expect([due("hc-5").nominalDueDate, due("hc-5").dueDate]).toEqual(["2026-12-22", "2026-12-18"]);
  });

  it("go-live Sat 2026-12-19 in a freeze from that day: a hypercare item is not moved back onto go-live's T0, Fri 12-18", () => {
    // Freeze Sat 12-19 … Mon 01-04. Go-live Saturday → its T0 is Fri 12-18 (the working day before), outside the freeze.
    // HYP-02 on hypercare end Wed 12-30: back would be Fri 12-18, the go-live day itself; forward is Tue 01-05.
    const cal = createWorkingCalendar({
      holidays: ["2026-12-25", "2026-12-26", "2027-01-01"],
      blackouts: [{ start: "2026-12-19", end: "2027-01-04", reason: "Year-end freeze" }],
    });
    const s = scheduleRollout(DEFAULT_IT_ROLLOUT_TEMPLATE, {
      goLive: isoDate("2026-12-19"), calendar: cal, cutoverStart: isoDate("2026-12-18"), hypercareEnd: isoDate("2026-12-30"),
    });
    expect(s.items.find((i) => i.code === "HYP-02")!.dueDate).toBe("2027-01-05");
  });

  it("dueDateFor takes the go-live: with it a day after go-live moves forward; without it the old rule stands", () => {
    expect(dueDateFor(office, isoDate("2026-12-30"), 0, { goLive: isoDate("2026-12-22") })).toMatchObject({ nominal: "2026-12-30", due: "2027-01-05" });
    expect(dueDateFor(office, isoDate("2026-12-30"), 0).due).toBe("2026-12-18");
    // A hypercare freeze that leaves go-live clear: moving back stays after go-live, so it moves back.
    // Go-live Thu 12-17; hypercare end Wed 12-30: back to Fri 12-18, still after go-live.
    expect(dueDateFor(office, isoDate("2026-12-30"), 0, { goLive: isoDate("2026-12-17") }).due).toBe("2026-12-18");
  });

  it("scheduleChecklist follows the same rule from the plan's dates", () => {
    const { plan, items } = sampleRollout(); // the plan's calendar: freeze 2026-12-21…2027-01-04 (Year-end change freeze)
    const moved = { ...plan, goLive: isoDate("2026-12-22"), cutoverStart: isoDate("2026-12-22"), hypercareEnd: isoDate("2026-12-30") };
    const s = scheduleChecklist(moved, items);
    for (const i of s.items.filter((x) => x.anchor === "hypercare-end")) expect(i.dueDate! > "2026-12-22").toBe(true);
  });

  it("property: over 300 go-lives and hypercare lengths, an item nominally after go-live is due after go-live's T0 and outside every window", () => {
    const t0Of = (d: IsoDate) => (isWorkingDay(office, d) ? d : dueDateFor(office, d, 0).nominal);
    for (let n = 0; n < 300; n++) {
      const goLive = isoDate(new Date(Date.UTC(2026, 11, 1) + (n % 50) * 86_400_000).toISOString().slice(0, 10));
      const hypercareEnd = isoDate(new Date(Date.UTC(2026, 11, 1) + ((n % 50) + Math.floor(n / 50) * 3) * 86_400_000).toISOString().slice(0, 10));
      for (const t of [-3, 0, 2, 5]) {
        const r = dueDateFor(office, hypercareEnd, t, { goLive });
        if (r.nominal > t0Of(goLive)) expect(r.due > t0Of(goLive)).toBe(true);
        expect(office.blackouts.some((b) => b.start <= r.due && r.due <= b.end)).toBe(false);
      }
    }
  });
});
