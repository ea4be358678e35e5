import { describe, expect, it } from "vitest";
import { createWorkingCalendar, isoDate, type ChecklistItem, type RolloutPlan } from "../../src/index.js";
import { DEFAULT_IT_ROLLOUT_TEMPLATE, scheduleChecklist, scheduleRollout, type RolloutTemplate } from "../../src/rollout/index.js";
import { validationErrorOf } from "../support/errors.js";
import { doneItem, sampleRollout } from "./helpers.js";

// The pass that keeps dependants after their dependencies through freeze moves asked the calendar for the first free
// working day after a dependency's due day, and for go-live's T0, without guarding the ends of the date range. Near
// 9999-12-31 (or a go-live on a non-working 0001-01-01) scheduleRollout and scheduleChecklist failed with
// `ValidationError` at the calendar's internal path ["date"] ("the next working day after 9999-12-28 would fall outside
// years 0001–9999"), naming nothing the caller passed. Now: a dependant nominally by go-live has no free day after its
// dependency by go-live either way, so it keeps its nominal day with the `dependant-in-blackout` warning (exactly as a
// year earlier); a dependant after go-live whose only free day would be past 9999-12-31 is refused at the anchor
// option (scheduleRollout) or the item's `tMinusDays` (scheduleChecklist), like every other due day out of range; a
// go-live with no working day on or before it simply has no T0 (no item can be nominally on or before it).
type E = { id: string; anchor: "go-live" | "cutover-start" | "hypercare-end"; tMinusDays: number; dependsOn?: string[]; freezeExempt?: boolean };
const mini = (entries: E[]): RolloutTemplate => ({
  ...DEFAULT_IT_ROLLOUT_TEMPLATE,
  id: "t-ends",
  entries: entries.map((e) => ({ ...DEFAULT_IT_ROLLOUT_TEMPLATE.entries[0]!, code: e.id.toUpperCase(), dependsOn: [], ...e })),
});
const refusal = (f: () => unknown) => validationErrorOf(f).issues.map((i) => [i.path.join("."), i.message]);
const LAST = { start: "9999-12-27", end: "9999-12-31", reason: "Last week" };
const last = createWorkingCalendar({ blackouts: [LAST] });
// a (T-3, exempt from the freeze) and b (T-2, depends on a), go-live on the window's last day (a Friday).
const exemptThenDependant = mini([{ id: "a", anchor: "go-live", tMinusDays: 3, freezeExempt: true }, { id: "b", anchor: "go-live", tMinusDays: 2, dependsOn: ["a"] }]);

describe("dependants kept after their dependency at the ends of the date range", () => {
  it("a dependant by go-live 9999-12-31 keeps its nominal day with dependant-in-blackout, as it does a year earlier", () => {
    // Mon 9999-12-27 … Fri 12-31 frozen; go-live Fri 12-31 (T0). a: T-3 = Tue 12-28, exempt → 12-28.
    // b: T-2 = Wed 12-29, in the freeze → back to Fri 12-24, before a. The first free working day on or after 12-28
    // would be Mon 10000-01-03 — past go-live anyway — so b stays on 12-29 in the freeze, flagged.
    const s = scheduleRollout(exemptThenDependant, { goLive: isoDate("9999-12-31"), calendar: last });
    expect(s.items.map((i) => [i.id, i.nominalDueDate, i.dueDate, i.blackoutMove])).toEqual([
      ["a", "9999-12-28", "9999-12-28", undefined],
      ["b", "9999-12-29", "9999-12-29", undefined],
    ]);
    expect(s.findings).toEqual([]);
    expect(s.warnings.filter((w) => w.code === "dependant-in-blackout")).toEqual([
      {
        code: "dependant-in-blackout",
        itemId: "b",
        dependsOnId: "a",
        date: "9999-12-29",
        windows: [LAST],
        message:
          "B (due 9999-12-29) stays on 9999-12-29 inside the blackout 9999-12-27…9999-12-31 (Last week): its dependency A is due 9999-12-28 " +
          "and no working day from then to go-live 9999-12-31 is outside it",
      },
    ]);
    // The same plan in 2027 (Mon 12-27 … Fri 12-31, go-live Fri 12-31): the same days, the same warning.
    const y2027 = scheduleRollout(exemptThenDependant, {
      goLive: isoDate("2027-12-31"),
      calendar: createWorkingCalendar({ blackouts: [{ ...LAST, start: "2027-12-27", end: "2027-12-31" }] }),
    });
    expect(y2027.items.map((i) => [i.id, i.dueDate])).toEqual([["a", "2027-12-28"], ["b", "2027-12-29"]]);
    expect(y2027.warnings.filter((w) => w.code === "dependant-in-blackout").map((w) => w.itemId)).toEqual(["b"]);
  });

  it("a dependant after go-live whose only free day is past 9999-12-31 is refused at options.hypercareEnd, naming it", () => {
    // Go-live Mon 9999-12-20; hypercare ends Fri 12-31. a: hypercare T-1 = Thu 12-30, exempt → 12-30.
    // b: hypercare T0 = Fri 12-31, in the freeze → back to Fri 12-24 (after go-live), before a. After go-live the
    // dependant goes forward to the first free working day on or after 12-30: Mon 10000-01-03, outside the range.
    const t = mini([{ id: "a", anchor: "hypercare-end", tMinusDays: 1, freezeExempt: true }, { id: "b", anchor: "hypercare-end", tMinusDays: 0, dependsOn: ["a"] }]);
    expect(refusal(() => scheduleRollout(t, { goLive: isoDate("9999-12-20"), hypercareEnd: isoDate("9999-12-31"), calendar: last }))).toEqual([
      ["options.hypercareEnd", "B (T0) would be due outside years 0001–9999: no free working day after its dependency A (due 9999-12-30)"],
    ]);
    // A year earlier the same plan moves b forward to Mon 2028-01-03, after a.
    const y2027 = scheduleRollout(t, {
      goLive: isoDate("2027-12-20"),
      hypercareEnd: isoDate("2027-12-31"),
      calendar: createWorkingCalendar({ blackouts: [{ ...LAST, start: "2027-12-27", end: "2027-12-31" }] }),
    });
    expect(y2027.items.map((i) => [i.id, i.dueDate])).toEqual([["a", "2027-12-30"], ["b", "2028-01-03"]]);
  });

  it("a go-live on a holiday 0001-01-01 (no working day on or before it) schedules the items after it", () => {
    // Mon 0001-01-01 is a holiday: go-live has no T0. Hypercare ends Wed 0001-01-10; a = T-1 = Tue 01-09.
    const hol = createWorkingCalendar({ holidays: ["0001-01-01"] });
    const s = scheduleRollout(mini([{ id: "a", anchor: "hypercare-end", tMinusDays: 1 }]), { goLive: isoDate("0001-01-01"), hypercareEnd: isoDate("0001-01-10"), calendar: hol });
    expect(s.items.map((i) => [i.id, i.dueDate])).toEqual([["a", "0001-01-09"]]);
    expect(s.warnings).toEqual([]);
  });
});

describe("scheduleChecklist at the ends of the date range", () => {
  const { plan: sample } = sampleRollout();
  const plan: RolloutPlan = {
    ...sample,
    id: "rp-x",
    goLive: isoDate("9999-12-20"),
    hypercareEnd: isoDate("9999-12-31"),
    waves: [],
    calendar: { workingWeekdays: [1, 2, 3, 4, 5], holidays: [], blackouts: [{ ...LAST, start: isoDate(LAST.start), end: isoDate(LAST.end) }] },
  } as RolloutPlan;
  const { cutoverStart: _, ...noCutover } = plan;
  it("names the item's tMinusDays when its only free day after its dependency is past 9999-12-31", () => {
    const items: ChecklistItem[] = [
      doneItem("a", { anchor: "hypercare-end", tMinusDays: 1, freezeExempt: true }),
      doneItem("b", { anchor: "hypercare-end", tMinusDays: 0, dependsOn: ["a"] }),
    ];
    expect(refusal(() => scheduleChecklist(noCutover as RolloutPlan, items))).toEqual([
      ["1.tMinusDays", "B (T0) would be due outside years 0001–9999: no free working day after its dependency A (due 9999-12-30)"],
    ]);
  });
  it("keeps a dependant by go-live 9999-12-31 on its nominal day, flagged", () => {
    const items: ChecklistItem[] = [
      doneItem("a", { tMinusDays: 3, freezeExempt: true }),
      doneItem("b", { tMinusDays: 2, dependsOn: ["a"] }),
    ];
    const s = scheduleChecklist({ ...noCutover, goLive: isoDate("9999-12-31") } as RolloutPlan, items);
    expect(s.items.map((i) => [i.id, i.dueDate])).toEqual([["a", "9999-12-28"], ["b", "9999-12-29"]]);
    expect(s.warnings.filter((w) => w.code === "dependant-in-blackout").map((w) => [w.itemId, w.date])).toEqual([["b", "9999-12-29"]]);
  });
});
