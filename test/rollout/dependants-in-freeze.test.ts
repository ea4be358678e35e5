import { describe, expect, it } from "vitest";
import { blackoutOn, createWorkingCalendar, isoDate } from "../../src/index.js";
import { DEFAULT_IT_ROLLOUT_TEMPLATE, scheduleChecklist, scheduleRollout, type RolloutTemplate } from "../../src/rollout/index.js";
import { sampleRollout } from "./helpers.js";

// A cutover step kept in a freeze (or moved forward out of it, or an item exempt from the freeze) only got its
// dependants flagged: a dependant on go-live moved BACK out of the freeze, so it was due before the step it depends on
// (a `dependency-due-later` finding, nothing more). A dependant whose own offset puts it on or after its dependency now
// keeps that order after the freeze moves: it goes to the first working day on or after the dependency's due day that
// is outside every window (never across go-live), recorded in its `blackoutMove` with `after`; when there is no such
// day by go-live it keeps its nominal day in the freeze with a typed `dependant-in-blackout` warning.
type E = { id: string; anchor: "go-live" | "cutover-start" | "hypercare-end"; tMinusDays: number; dependsOn?: string[]; freezeExempt?: boolean };
const mini = (entries: E[]): RolloutTemplate => ({
  ...DEFAULT_IT_ROLLOUT_TEMPLATE,
  id: "t-deps",
  entries: entries.map((e) => ({ ...DEFAULT_IT_ROLLOUT_TEMPLATE.entries[0]!, code: e.id.toUpperCase(), dependsOn: [], ...e })),
});
const FREEZE = { start: "2026-12-21", end: "2027-01-04", reason: "Year-end freeze" };
const office = createWorkingCalendar({ holidays: ["2026-12-25", "2026-12-26", "2027-01-01"], blackouts: [FREEZE] });
const QUARTER = { start: "2027-03-01", end: "2027-03-02", reason: "Quarter close" };
const quarter = createWorkingCalendar({ blackouts: [QUARTER] });

describe("dependants keep their dependency's order through freeze moves", () => {
  it("a step moved forward (T+1 after cutover Fri 02-26 → Wed 03-03): its go-live T-2 dependant goes to 03-03, not back to 02-26", () => {
    // Freeze Mon 03-01 … Tue 03-02; cutover Fri 02-26; go-live Thu 03-04.
    // s (cutover T+1): nominal Mon 03-01 → forward to Wed 03-03 (by go-live: the T+n rule stands).
    // c (go-live T-2, depends on s): nominal Tue 03-02 → back to Fri 02-26 (the cutover start) — before s.
    //   Now: the first free working day on or after s's 03-03 is 03-03 itself, by go-live 03-04 → 03-03.
    // c2 (go-live T-2, depends on c): same nominal → follows c to 03-03 (chains hold).
    const s = scheduleRollout(
      mini([{ id: "s", anchor: "cutover-start", tMinusDays: -1 }, { id: "c", anchor: "go-live", tMinusDays: 2, dependsOn: ["s"] }, { id: "c2", anchor: "go-live", tMinusDays: 2, dependsOn: ["c"] }]),
      { goLive: isoDate("2027-03-04"), cutoverStart: isoDate("2027-02-26"), calendar: quarter },
    );
    expect(s.items.map((i) => [i.id, i.nominalDueDate, i.dueDate])).toEqual([
      ["s", "2027-03-01", "2027-03-03"],
      ["c", "2027-03-02", "2027-03-03"],
      ["c2", "2027-03-02", "2027-03-03"],
    ]);
    const c = s.items[1]!;
    expect(c.blackoutMove).toEqual({
      from: "2027-03-02",
      to: "2027-03-03",
      window: QUARTER,
      windows: [QUARTER],
      after: { itemId: "s", dueDate: "2027-03-03" },
      note: "moved from 2027-03-02 to 2027-03-03: 2027-03-02 is inside the blackout 2027-03-01…2027-03-02 (Quarter close); not before its dependency S, due 2027-03-03",
    });
    expect(s.findings).toEqual([]);
    expect(s.moves.map((m) => [m.itemId, m.to])).toEqual([["s", "2027-03-03"], ["c", "2027-03-03"], ["c2", "2027-03-03"]]);
  });

  it("a dependency exempt from the freeze (kept on Mon 03-01): its go-live T-2 dependant goes to Wed 03-03, not back to Fri 02-26", () => {
    // No cutover. a (go-live T-3, freezeExempt): Mon 03-01 kept. b (T-2, depends on a): nominal Tue 03-02 → back
    // 02-26, before a. Now: first free day on or after 03-01 is Wed 03-03, by go-live Thu 03-04 → 03-03.
    const s = scheduleRollout(
      mini([{ id: "a", anchor: "go-live", tMinusDays: 3, freezeExempt: true }, { id: "b", anchor: "go-live", tMinusDays: 2, dependsOn: ["a"] }]),
      { goLive: isoDate("2027-03-04"), calendar: quarter },
    );
    expect(s.items.map((i) => [i.id, i.dueDate])).toEqual([["a", "2027-03-01"], ["b", "2027-03-03"]]);
    expect(s.findings).toEqual([]);
  });

  it("a step kept in the freeze (cutover Fri 12-18, T+1 on Mon 12-21): its go-live T0 dependant stays on 12-22 in the freeze, with a typed warning", () => {
    // s (cutover T+1): nominal Mon 12-21; back = 12-18 (the cutover start), forward = 2027-01-05 (after go-live) →
    //   stays on 12-21, flagged cutover-step-in-blackout (as before).
    // d (go-live T0, depends on s): nominal Tue 12-22 → back to Fri 12-18 (on the cutover start: allowed) — before s.
    //   Now: no free working day from 12-21 to go-live 12-22 → d keeps its nominal 12-22, with dependant-in-blackout.
    const s = scheduleRollout(
      mini([{ id: "s", anchor: "cutover-start", tMinusDays: -1 }, { id: "d", anchor: "go-live", tMinusDays: 0, dependsOn: ["s"] }]),
      { goLive: isoDate("2026-12-22"), cutoverStart: isoDate("2026-12-18"), calendar: office },
    );
    expect(s.items.map((i) => [i.id, i.dueDate, i.blackoutMove])).toEqual([["s", "2026-12-21", undefined], ["d", "2026-12-22", undefined]]);
    expect(s.findings).toEqual([]);
    expect(s.warnings.filter((w) => w.code === "dependant-in-blackout")).toEqual([
      {
        code: "dependant-in-blackout",
        itemId: "d",
        dependsOnId: "s",
        date: "2026-12-22",
        windows: [FREEZE],
        message:
          "D (due 2026-12-22) stays on 2026-12-22 inside the blackout 2026-12-21…2027-01-04 (Year-end freeze): its dependency S is due 2026-12-21 " +
          "and no working day from then to go-live 2026-12-22 is outside it",
      },
    ]);
  });

  it("offsets that disagree with the dependencies are the plan's: still only a dependency-due-later finding", () => {
    // b (T-5) depends on a (T-2): b's own offset puts it first. Nothing is moved for that.
    const s = scheduleRollout(mini([{ id: "a", anchor: "go-live", tMinusDays: 2 }, { id: "b", anchor: "go-live", tMinusDays: 5, dependsOn: ["a"] }]), { goLive: isoDate("2027-03-12"), calendar: quarter });
    expect(s.items.map((i) => i.dueDate)).toEqual(["2027-03-10", "2027-03-05"]);
    expect(s.findings.map((f) => f.code)).toEqual(["dependency-due-later"]);
  });

  it("scheduleChecklist applies the same rule", () => {
    const { plan, items } = sampleRollout();
    const base = items[0]!;
    const mk = (id: string, anchor: "go-live" | "cutover-start", tMinusDays: number, dependsOn: string[]) => ({ ...base, id, code: id.toUpperCase(), anchor, tMinusDays, dependsOn });
    const s = scheduleChecklist(
      { ...plan, calendar: { ...plan.calendar, blackouts: [{ start: isoDate(QUARTER.start), end: isoDate(QUARTER.end), reason: QUARTER.reason }] }, goLive: isoDate("2027-03-04"), cutoverStart: isoDate("2027-02-26"), hypercareEnd: isoDate("2027-03-26") },
      [mk("s", "cutover-start", -1, []), mk("c", "go-live", 2, ["s"])],
    );
    expect(s.items.map((i) => [i.id, i.dueDate])).toEqual([["s", "2027-03-03"], ["c", "2027-03-03"]]);
    expect(s.findings.filter((f) => f.code === "dependency-due-later")).toEqual([]);
    expect(s.moves.find((m) => m.itemId === "c")?.after).toEqual({ itemId: "s", dueDate: "2027-03-03" });
  });

  it("property: over 180 cutover/go-live pairs around two freezes, with or without exempt communications, no dependant whose offset agrees with its dependency is due before it", () => {
    const cal = createWorkingCalendar({ holidays: ["2026-12-25", "2026-12-26", "2027-01-01"], blackouts: [FREEZE, { start: "2027-01-11", end: "2027-01-12", reason: "Release" }] });
    const day = (n: number) => isoDate(new Date(Date.UTC(2026, 11, 1) + n * 86_400_000).toISOString().slice(0, 10));
    const exempt = { ...DEFAULT_IT_ROLLOUT_TEMPLATE, entries: DEFAULT_IT_ROLLOUT_TEMPLATE.entries.map((e) => (e.category === "communications" ? { ...e, freezeExempt: true } : e)) };
    for (let n = 0; n < 180; n++) {
      const c = n % 45;
      const g = Math.floor(n / 45) * 2;
      const s = scheduleRollout(n % 2 === 0 ? DEFAULT_IT_ROLLOUT_TEMPLATE : exempt, { goLive: day(c + g), cutoverStart: day(c), hypercareEnd: day(c + g + 20), calendar: cal });
      const byId = new Map(s.items.map((i) => [i.id, i]));
      for (const i of s.items) {
        // An item whose nominal day is outside every window is never moved (and, by the assertion below, never needs to be).
        if (!blackoutOn(cal, i.nominalDueDate)) expect(i.dueDate).toBe(i.nominalDueDate);
        for (const d of i.dependsOn) {
          const dep = byId.get(d)!;
          if (i.nominalDueDate >= dep.nominalDueDate) expect(i.dueDate >= dep.dueDate).toBe(true);
        }
      }
    }
  });
});
