import { expect, it } from "vitest";
import { decodeEntity, encodeEntity, earnedValue, rollUpEarnedValue, type Baseline } from "../../src/index.js";
import { validationErrorOf } from "../support/errors.js";
import { cost, pkg, project, show, week } from "./fixtures.js";

// Two one-package projects, each BAC 1,000.00 (week 1 of January 2027), measured at Sunday 2027-01-10, 100 % done.
// P1 is in EUR; P2's figures are in JPY (a yen project), but the child passed to the roll-up says "EUR" (a child
// built by hand or read from JSON with its currency field defaulted). Only the child's `currency` field was
// compared, so the roll-up added ¥1,000 to €1,000 and reported BAC 2,000.00 EUR. Its figures must be in the child's
// currency: the roll-up refuses the yen figures (P2 has no actual cost yet, so no EAC₅ whose sum would have thrown a
// CurrencyMismatchError without a path) at ["children", 1, "figures", "bac", "currency"].
const A = pkg({ id: "A", rule: { type: "percent-complete" }, slices: [week(1, "1000")], progress: [{ date: "2027-01-08", percentComplete: "100" }] });
const eur = earnedValue(project([A], [cost("A", "2027-01-08", "900")]), { statusDate: "2027-01-10" });
const yenSlices = [{ ...week(1, "1000"), amount: { amount: "1000", currency: "JPY" } }];
const Y = pkg({ id: "A", rule: { type: "percent-complete" }, slices: yenSlices as never, progress: [{ date: "2027-01-08", percentComplete: "100" }] });
const wire = encodeEntity("work-package", Y) as { timePhasedBudget: unknown; earningRule: unknown };
const yenBaseline = decodeEntity("baseline", {
  id: "bl-yen", version: 1, createdAt: "2027-01-01T09:00:00.000Z", updatedAt: "2027-01-01T09:00:00.000Z", projectId: "PRJ-T", number: 0,
  capturedAt: "2027-01-01T09:00:00.000Z", capturedBy: "p-pm", reason: "Initial baseline", milestones: [],
  workPackages: [{ workPackageId: "A", code: Y.code, name: Y.name, plannedStart: Y.plannedStart, plannedFinish: Y.plannedFinish, timePhasedBudget: wire.timePhasedBudget, earningRule: wire.earningRule }],
  budgetAtCompletion: { amount: "1000", currency: "JPY" },
}) as Baseline;
const yen = earnedValue(project([Y], [], [yenBaseline]), { statusDate: "2027-01-10" });

it("the yen project is in JPY (the reference)", () => {
  expect([yen.currency, yen.figures.bac.value?.currency, show(yen.figures.bac, 0)]).toEqual(["JPY", "JPY", "1000"]);
});

it("refuses a child whose figures are in another currency than the one it declares", () => {
  const e = validationErrorOf(() => rollUpEarnedValue([{ ...eur, level: "project" }, { ...yen, id: "P2", currency: "EUR", level: "project" }], { id: "pg", level: "programme" }));
  expect(e.issues[0]!.path).toEqual(["children", 1, "figures", "bac", "currency"]);
  expect(e.issues[0]!.message).toMatch(/JPY.*EUR/);
});

it("children whose figures match their currency still roll up", () => {
  const r = rollUpEarnedValue([{ ...eur, level: "project" }, { ...eur, id: "P2", level: "project" }], { id: "pg", level: "programme" });
  expect(show(r.figures.bac)).toBe("2000.00");
});
