import { expect, it } from "vitest";
import { earnedValue, rollUpEarnedValue, rollUpPortfolio } from "../../src/index.js";
import { cost, pkg, project, show, week } from "./fixtures.js";

// One package A, percent-complete, 1,000.00 in each of weeks 1 and 2 of January 2027 (BAC 2,000.00, Mon 4 – Sun 17,
// PD 10 working days). Status Sunday 2027-01-10 (AT = 5 working days): 40 % reported → EV 800.00; PV 1,000.00;
// AC 1,000.00. CPI = 0.8. ES: the week-1 end has PV 1,000 > EV, so ES = 0 + 800/1000 × 5 = 4 working days;
// SPI(t) = 4/5 = 0.8.
// EAC₁ = BAC / CPI = 2,000 / 0.8 = 2,500.00.
// EAC₅ = AC + (BAC − EV) / (CPI · SPI(t)) = 1,000 + 1,200 / 0.64 = 1,000 + 1,875 = 2,875.00.
// With eacOrder ["earned-schedule", "cpi"] the project selects EAC₅ = 2,875.00 and TCPI(EAC) = 1,200 / 1,875 = 0.64.
// A roll-up of that one project must select the same EAC: it showed EAC₅ 2,875.00 among its figures but selected
// EAC₁ 2,500.00 (method "cpi") and gave TCPI(EAC) = 1,200 / 1,500 = 0.8, because EAC₅ (summed from the children after
// the other figures) was not there when the selection was made.
const A = pkg({ id: "A", rule: { type: "percent-complete" }, slices: [week(1, "1000"), week(2, "1000")], progress: [{ date: "2027-01-10", percentComplete: "40" }] });
const order = ["earned-schedule", "cpi"] as const;
const r = earnedValue(project([A], [cost("A", "2027-01-08", "1000")]), { statusDate: "2027-01-10", policy: { eacOrder: order } });

it("the project selects EAC₅ first (the reference the roll-up must agree with)", () => {
  expect([r.figures.selectedEac.method, show(r.figures.selectedEac.value), show(r.figures.tcpiEac, 4)]).toEqual(["earned-schedule", "2875.00", "0.6400"]);
});

it("a roll-up with eacOrder earned-schedule first selects the summed EAC₅ and measures TCPI(EAC) against it", () => {
  const pg = rollUpEarnedValue([{ ...r, level: "project" }], { id: "pg", level: "programme", eacOrder: order });
  expect(show(pg.figures.eac.earnedSchedule)).toBe("2875.00");
  expect([pg.figures.selectedEac.method, show(pg.figures.selectedEac.value), show(pg.figures.tcpiEac, 4)]).toEqual(["earned-schedule", "2875.00", "0.6400"]);
});

it("rollUpPortfolio passes the order on and selects EAC₅ at programme and portfolio level", () => {
  const { programmes, portfolios } = rollUpPortfolio([{ ...r, level: "project", programmeId: "pg", portfolioId: "pf" }], { eacOrder: order });
  for (const node of [programmes[0]!, portfolios[0]!]) expect([node.figures.selectedEac.method, show(node.figures.selectedEac.value)]).toEqual(["earned-schedule", "2875.00"]);
});

it("without a summed EAC₅ the next method in the order is selected, as before", () => {
  // Status before any work (2027-01-01, before the baseline start): EAC₅ is before-start, and so is CPI.
  const early = earnedValue(project([A], [cost("A", "2026-12-30", "100")]), { statusDate: "2027-01-01", policy: { eacOrder: ["earned-schedule", "budget-rate"] } });
  const pg = rollUpEarnedValue([{ ...early, level: "project" }], { id: "pg", level: "programme", eacOrder: ["earned-schedule", "budget-rate"] });
  // EAC₂ = AC + (BAC − EV) = 100 + 2,000 = 2,100.00.
  expect([pg.figures.selectedEac.method, show(pg.figures.selectedEac.value), show(pg.figures.tcpiEac)]).toEqual(["budget-rate", "2100.00", "<before-start>"]);
});
