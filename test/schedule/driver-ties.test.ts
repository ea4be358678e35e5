import { describe, expect, it } from "vitest";
import { scheduleNetwork, type ScheduleActivityInput, type ScheduleLinkInput } from "../../src/index.js";
import { act } from "./helpers.js";

/*
 * Two links that set the same date: the driver must not depend on the order of the input lists.
 *
 * Hand derivation (Monday–Friday, 2027-01-04 a Monday): A and B (3 days each) both run Mon 4 – Wed 6; C (1 day) FS
 * after both starts Thu 7, reached by A→C and B→C at the same instant. Both links drive; the tie goes to the
 * predecessor with the smaller id, A (as levelling breaks its ties), so C's early start is explained by A → C and
 * the critical path through C is A → C, with B a critical group of its own — in every order of activities and links.
 * (It went to whichever link was listed first: B → C when listed first, and the critical paths read [A], [B, C].)
 * Backward: D (1 day) and E (1 day) both FS after Z (2 days, Mon 4 – Tue 5) and both finish the network on Wed 6;
 * Z's late finish Tue 5 is set by both links at once, and the tie goes to the successor with the smaller id, D.
 */
const forward = (acts: readonly string[], links: readonly string[]) =>
  scheduleNetwork({
    projectStart: "2027-01-04",
    activities: acts.map((id): ScheduleActivityInput => ({ id, duration: id === "C" ? 1 : 3 })),
    links: links.map((from): ScheduleLinkInput => ({ from, to: "C" })),
  });
const backward = (acts: readonly string[], succs: readonly string[]) =>
  scheduleNetwork({
    projectStart: "2027-01-04",
    activities: acts.map((id): ScheduleActivityInput => ({ id, duration: id === "Z" ? 2 : 1 })),
    links: succs.map((to): ScheduleLinkInput => ({ from: "Z", to })),
  });
const ORDERS = [[["A", "B", "C"], ["A", "B"]], [["A", "B", "C"], ["B", "A"]], [["B", "A", "C"], ["A", "B"]], [["C", "B", "A"], ["B", "A"]]] as const;

describe("driving-link ties are broken by id, never by input order", () => {
  for (const [acts, links] of ORDERS) {
    it(`activities ${acts.join("")}, links from ${links.join(", ")}: C is driven by A → C; critical paths {A, C} and {B}`, () => {
      const r = forward(acts, links);
      const c = act(r, "C");
      expect([c.earlyStart, c.earlyStartDriver.kind === "link" ? c.earlyStartDriver.from : c.earlyStartDriver.kind]).toEqual(["2027-01-07", "A"]);
      expect(r.criticalPaths.map((p) => [...p].sort().join("")).sort()).toEqual(["AC", "B"]);
    });
  }

  for (const [acts, succs] of [[["Z", "D", "E"], ["D", "E"]], [["Z", "D", "E"], ["E", "D"]], [["E", "D", "Z"], ["E", "D"]]] as const) {
    it(`activities ${acts.join("")}, links to ${succs.join(", ")}: Z's late finish is explained by Z → D`, () => {
      const z = act(backward(acts, succs), "Z");
      expect([z.lateFinish, z.lateFinishDriver.kind === "link" ? z.lateFinishDriver.to : z.lateFinishDriver.kind]).toEqual(["2027-01-05", "D"]);
    });
  }
});
