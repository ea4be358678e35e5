import { describe, expect, it } from "vitest";
import { checklistItemSchema, createWorkingCalendar, instant, isoDate } from "../../src/index.js";
import {
  DEFAULT_IT_ROLLOUT_TEMPLATE,
  decodeRolloutTemplate,
  dueDateFor,
  instantiateChecklist,
  rolloutTemplateSchema,
  scheduleChecklist,
  scheduleRollout,
  type RolloutTemplate,
} from "../../src/rollout/index.js";
import { sampleRollout } from "./helpers.js";

// COM-05 "final reminder" (T-1) on a cutover day inside a freeze stayed there with a `cutover-step-in-blackout`
// warning: the library treated every checklist item as a change. Communications (and other items allowed during a
// freeze) now carry `freezeExempt: true` on the item — a boolean like `blocking` — on the template entry and on the
// checklist item: such an item keeps its nominal day, with no move and no warning; the others still move or are flagged.
//
// Calendar: Monday–Friday; holidays Fri 2026-12-25, Sat 12-26, Fri 2027-01-01; freeze Mon 2026-12-21 … Mon 2027-01-04.
const FREEZE = { start: "2026-12-21", end: "2027-01-04", reason: "Year-end freeze" };
const office = createWorkingCalendar({ holidays: ["2026-12-25", "2026-12-26", "2027-01-01"], blackouts: [FREEZE] });
const exempt = (ids: string[]): RolloutTemplate => ({
  ...DEFAULT_IT_ROLLOUT_TEMPLATE,
  entries: DEFAULT_IT_ROLLOUT_TEMPLATE.entries.map((e) => (ids.includes(e.id) ? { ...e, freezeExempt: true } : e)),
});

describe("freezeExempt: an item allowed during a freeze keeps its day", () => {
  it("cutover Mon 12-21, go-live Tue 12-22 in the freeze: exempt COM-05 stays on 12-21 without a warning; CUT-02 and CUT-03 are still flagged", () => {
    // COM-05 (go-live T-1): nominal Mon 12-21, in the freeze and in the cutover. Exempt → due 12-21, no move, no
    // warning. CUT-02 (12-21) and CUT-03 (12-22) are not exempt: they stay on their days, flagged as before.
    const s = scheduleRollout(exempt(["com-reminder"]), { goLive: isoDate("2026-12-22"), cutoverStart: isoDate("2026-12-21"), hypercareEnd: isoDate("2027-01-29"), calendar: office });
    const com = s.items.find((i) => i.id === "com-reminder")!;
    expect([com.nominalDueDate, com.dueDate, com.blackoutMove, com.freezeExempt]).toEqual(["2026-12-21", "2026-12-21", undefined, true]);
    const flagged = s.warnings.filter((w) => w.code === "cutover-step-in-blackout").map((w) => (w as { itemId: string }).itemId).sort();
    expect(flagged).toEqual(["cut-checkpoint", "cut-run"]);
  });

  it("go-live Tue 2027-01-05, no cutover: exempt COM-05 keeps Mon 01-04 (in the freeze); COM-04 and GNG-01 still move back to Fri 12-18", () => {
    // T0 Tue 01-05; T-1 Mon 01-04 (freeze); T-2 Thu 12-31 (01-01 holiday); T-3 Wed 12-30. Not exempt: back to the
    // last free working day before the freeze, Fri 12-18. Exempt COM-05: stays on 01-04 (before: moved to 12-18).
    const s = scheduleRollout(exempt(["com-reminder"]), { goLive: isoDate("2027-01-05"), cutoverStart: isoDate("2027-01-05"), hypercareEnd: isoDate("2027-02-26"), calendar: office });
    const due = (id: string) => s.items.find((i) => i.id === id)!.dueDate;
    expect([due("com-reminder"), due("com-bu-confirm"), due("gng-meeting")]).toEqual(["2027-01-04", "2026-12-18", "2026-12-18"]);
    expect(s.moves.map((m) => m.itemId)).not.toContain("com-reminder");
    expect(s.moves.map((m) => m.itemId)).toContain("com-bu-confirm");
  });

  it("dueDateFor: freezeExempt keeps the nominal day and still names the window it lies in", () => {
    const r = dueDateFor(office, isoDate("2027-01-05"), 1, { freezeExempt: true });
    expect([r.nominal, r.due, r.window, r.windows, r.conflict]).toEqual(["2027-01-04", "2027-01-04", FREEZE, [], undefined]);
    expect(dueDateFor(office, isoDate("2027-01-05"), 1).due).toBe("2026-12-18");
  });

  it("scheduleChecklist honours the item's freezeExempt; the schemas accept a boolean and reject anything else", () => {
    const { plan, items } = sampleRollout(); // its calendar has the 2026-12-21…2027-01-04 freeze
    const moved = { ...plan, goLive: isoDate("2027-01-05"), cutoverStart: isoDate("2027-01-05"), hypercareEnd: isoDate("2027-02-26") };
    const t1 = items.find((i) => i.anchor === "go-live" && i.tMinusDays === 1) ?? { ...items.find((i) => i.anchor === "go-live")!, tMinusDays: 1 };
    const withT1 = items.map((i) => (i.id === t1.id ? { ...i, tMinusDays: 1, dependsOn: [] } : i));
    const plain = scheduleChecklist(moved, withT1);
    expect(plain.items.find((i) => i.id === t1.id)!.dueDate).toBe("2026-12-18");
    const kept = scheduleChecklist(moved, withT1.map((i) => (i.id === t1.id ? { ...i, freezeExempt: true } : i)));
    expect(kept.items.find((i) => i.id === t1.id)!.dueDate).toBe("2027-01-04");
    expect(kept.moves.map((m) => m.itemId)).not.toContain(t1.id);
    expect(() => scheduleChecklist(moved, withT1.map((i) => (i.id === t1.id ? { ...i, freezeExempt: "yes" as unknown as boolean } : i)))).toThrow(/freezeExempt/);
    const wire = { ...checklistItemSchema.encode(items[0]!), freezeExempt: true };
    expect(checklistItemSchema.decode(wire).freezeExempt).toBe(true);
    expect(() => checklistItemSchema.decode({ ...wire, freezeExempt: "yes" } as unknown as typeof wire)).toThrow();
    const tpl = rolloutTemplateSchema.encode(DEFAULT_IT_ROLLOUT_TEMPLATE);
    const withFlag = (v: unknown) => ({ ...tpl, entries: tpl.entries.map((e, i) => (i === 0 ? { ...e, freezeExempt: v } : e)) });
    expect(decodeRolloutTemplate(withFlag(true)).entries[0]!.freezeExempt).toBe(true);
    expect(() => decodeRolloutTemplate(withFlag("yes"))).toThrow(/entries\[0\]\.freezeExempt/);
  });

  it("instantiateChecklist copies freezeExempt from the template entry to the item", () => {
    const s = scheduleRollout(exempt(["com-reminder"]), { goLive: isoDate("2027-03-01"), cutoverStart: isoDate("2027-03-01"), hypercareEnd: isoDate("2027-03-26"), calendar: office });
    const items = instantiateChecklist(s, { rolloutPlanId: "rp-x", at: instant("2026-12-01T08:00:00Z") });
    expect(items.filter((i) => i.freezeExempt === true).map((i) => i.code)).toEqual(["COM-05"]);
  });
});

describe("freezeExempt survives a CSV round trip", () => {
  it("an exported item marked freezeExempt reads back marked (the column was missing: the mark was lost)", async () => {
    const { exportCsv, importCsv } = await import("../../src/io/index.js");
    const { items } = sampleRollout();
    const marked = [{ ...items[0]!, freezeExempt: true }, items[1]!];
    const { records } = importCsv("checklist-item", exportCsv("checklist-item", marked), { importedAt: instant("2026-12-01T08:00:00Z") });
    expect(records.map((r) => r.freezeExempt)).toEqual([true, undefined]);
  });
});
