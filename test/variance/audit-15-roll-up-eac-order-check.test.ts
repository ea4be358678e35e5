import { expect, it } from "vitest";
import { earnedValue, rollUpEarnedValue, rollUpPortfolio } from "../../src/index.js";
import { validationErrorOf } from "../support/errors.js";
import { cost, pkg, project, show, week } from "./fixtures.js";

// rollUpEarnedValue / rollUpPortfolio took `eacOrder` unchecked: an unknown method ("cpi-typo") or a string instead
// of a list threw a TypeError ("Cannot read properties of undefined (reading 'value')", "eacOrder.find is not a
// function") with no path. earnedValue refuses the same policy at ["policy", "eacOrder", i]; the roll-ups now refuse
// it at ["eacOrder", i] (["eacOrder"] for a non-list), before any work.
const A = pkg({ id: "A", rule: { type: "percent-complete" }, slices: [week(1, "1000")], progress: [{ date: "2027-01-08", percentComplete: "50" }] });
const r = earnedValue(project([A], [cost("A", "2027-01-08", "900")]), { statusDate: "2027-01-10" });

it("refuses an unknown EAC method at its index", () => {
  const e = validationErrorOf(() => rollUpEarnedValue([r], { id: "g", level: "group", eacOrder: ["cpi", "cpi-typo" as never] }));
  expect(e.issues.map((i) => i.path)).toEqual([["eacOrder", 1]]);
  expect(e.issues[0]!.message).toMatch(/earned-schedule/);
  expect(validationErrorOf(() => rollUpPortfolio([r], { eacOrder: ["x" as never] })).issues.map((i) => i.path)).toEqual([["eacOrder", 0]]);
});

it("refuses an order that is not a list", () => {
  expect(validationErrorOf(() => rollUpEarnedValue([r], { id: "g", level: "group", eacOrder: "cpi" as never })).issues.map((i) => i.path)).toEqual([["eacOrder"]]);
});

it("a known order still selects by it (EAC₂ = AC + BAC − EV = 900 + 500 = 1,400.00)", () => {
  expect(show(rollUpEarnedValue([r], { id: "g", level: "group", eacOrder: ["budget-rate"] }).figures.selectedEac.value)).toBe("1400.00");
});
