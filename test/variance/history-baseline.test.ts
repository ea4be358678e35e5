import { describe, expect, it } from "vitest";
import { loadSampleOffice } from "../../examples/office.js";
import { decodeEntity, type EntityKind } from "../../src/index.js";
import { earnedValue, performanceHistory, type EarnedValueInput } from "../../src/variance/index.js";
import { show } from "./fixtures.js";

// performanceHistory must pick, on each date, the baseline earnedValue picks on that date: the project's active
// baseline once captured, else the highest captured by then. It used to take the highest captured always, so a
// project that keeps baseline 0 active (a re-plan captured but not approved) had a history that disagreed with
// its own earned value on the same day.
const office = loadSampleOffice();
const decoded = <K extends EntityKind>(kind: K) => office[kind].map((r) => decodeEntity(kind, r));
const crm = decoded("project").find((p) => p.id === "PRJ-CRM")!;
const input = (activeBaseline: number | undefined): EarnedValueInput => ({
  project: { ...crm, activeBaseline }, workPackages: decoded("work-package"), baselines: decoded("baseline"), costEntries: decoded("cost-entry"),
});

describe("performanceHistory uses earnedValue's baseline on every date", () => {
  it("with baseline 0 kept active, the 2026-11-20 snapshot is earnedValue's (baseline 0, BAC 1,083,000.00), and no re-baseline is reported", () => {
    const i = input(0);
    const h = performanceHistory(i, ["2026-08-31", "2026-11-20"], { grid: { kind: "monthly" } });
    const ev = earnedValue(i, { statusDate: "2026-11-20", grid: { kind: "monthly" } });
    expect(ev.baseline).toBe(0);
    expect(h.snapshots.map((s) => s.baseline)).toEqual([0, 0]);
    expect(show(h.snapshots[1]!.bac)).toBe(show(ev.figures.bac));
    expect(show(h.snapshots[1]!.bac)).toBe("1083000.00"); // baseline 0's BAC (sample README)
    expect(show(h.snapshots[1]!.pv)).toBe(show(ev.figures.pv));
    expect(h.rebaselines).toEqual([]);
  });

  it("with baseline 1 active, it switches on the first date after its capture, as before", () => {
    const h = performanceHistory(input(1), ["2026-08-31", "2026-11-20"], { grid: { kind: "monthly" } });
    expect(h.snapshots.map((s) => s.baseline)).toEqual([0, 1]);
    expect(h.rebaselines.map((r) => [r.from, r.to])).toEqual([[0, 1]]);
  });

  it("every snapshot equals earnedValue at its date, whatever the active baseline", () => {
    for (const active of [undefined, 0, 1]) {
      const i = input(active);
      const dates = ["2026-06-30", "2026-09-18", "2026-10-31", "2026-11-20"];
      const h = performanceHistory(i, dates, { grid: { kind: "monthly" } });
      h.snapshots.forEach((s) => {
        const ev = earnedValue(i, { statusDate: s.date, grid: { kind: "monthly" } });
        expect([s.date, s.baseline, show(s.pv), show(s.ev)]).toEqual([s.date, ev.baseline, show(ev.figures.pv), show(ev.figures.ev)]);
      });
    }
  });
});
