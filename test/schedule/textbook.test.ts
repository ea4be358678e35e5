import { describe, expect, it } from "vitest";
import { addDays, isoDate, scheduleNetwork } from "../../src/index.js";
import { SEVEN_DAY, act } from "./helpers.js";

/*
 * Published worked example: "Example 1: Draw the network for the events in Table 1 … Find ES, EF, LS, LF and slack"
 * (studylib.net/doc/8378728; Table 1 and Table 2, durations in hours). Activities and predecessors:
 *   A 6 (–), B 2 (A), C 2 (A), D 3 (B), F 2 (C), E 4 (D, F), G 1 (E).
 * Published Table 2 (ES EF LS LF slack): A 0 6 0 6 0 · B 6 8 6 8 0 · D 8 11 8 11 0 · E 11 15 11 15 0 · G 15 16 15 16 0
 *   · C 6 8 7 9 1 · F 8 10 9 11 1. Critical path A-B-D-E-G, 16 units.
 * Run on a 7-day calendar with one working day per time unit, an offset t is the day start + t; a finish at offset t
 * is the evening of day start + t − 1.
 */
describe("textbook CPM network (studylib Example 1)", () => {
  const start = isoDate("2027-01-04");
  const r = scheduleNetwork({
    projectStart: start,
    calendar: SEVEN_DAY,
    activities: [
      { id: "A", duration: 6 }, { id: "B", duration: 2 }, { id: "C", duration: 2 }, { id: "D", duration: 3 },
      { id: "E", duration: 4 }, { id: "F", duration: 2 }, { id: "G", duration: 1 },
    ],
    links: [
      { from: "A", to: "B" }, { from: "A", to: "C" }, { from: "B", to: "D" }, { from: "C", to: "F" },
      { from: "D", to: "E" }, { from: "F", to: "E" }, { from: "E", to: "G" },
    ],
  });
  const published: Record<string, [number, number, number, number, number]> = {
    A: [0, 6, 0, 6, 0], B: [6, 8, 6, 8, 0], D: [8, 11, 8, 11, 0], E: [11, 15, 11, 15, 0], G: [15, 16, 15, 16, 0],
    C: [6, 8, 7, 9, 1], F: [8, 10, 9, 11, 1],
  };
  it.each(Object.entries(published))("%s has the published ES, EF, LS, LF and slack", (id, [es, ef, ls, lf, slack]) => {
    const a = act(r, id);
    expect([a.earlyStart, a.earlyFinish, a.lateStart, a.lateFinish, a.totalFloat.toFixed()]).toEqual([
      addDays(start, es), addDays(start, ef - 1), addDays(start, ls), addDays(start, lf - 1), String(slack),
    ]);
  });
  it("finds the published critical path and duration", () => {
    expect(r.criticalPaths).toEqual([["A", "B", "D", "E", "G"]]);
    expect(r.durationDays.toFixed()).toBe("16");
    expect(r.longestPath).toEqual(["A", "B", "D", "E", "G"]);
  });
  it("explains E's early start by its driving predecessor D (D finishes at 11, F at 10)", () => {
    expect(act(r, "E").earlyStartDriver).toMatchObject({ kind: "link", from: "D", to: "E", type: "FS" });
    // Free float: C can slip 0 days without moving F; F can slip 1 day before E moves.
    expect(act(r, "C").freeFloat.toFixed()).toBe("0");
    expect(act(r, "F").freeFloat.toFixed()).toBe("1");
  });
});
