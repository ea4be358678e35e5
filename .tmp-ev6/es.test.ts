import { it } from "vitest";
import { createWorkingCalendar, earnedValue } from "../src/index.js";
import { cost, pkg, project, show, week } from "../test/variance/fixtures.js";
it("x", () => {
  const calendar = createWorkingCalendar({ holidays: ["2027-01-18", "2027-01-19", "2027-01-20", "2027-01-21", "2027-01-22"] });
  for (const [st, pct] of [["2027-01-17", "50"], ["2027-01-24", "50"], ["2027-01-24", "62.5"], ["2027-01-17", "62.5"]]) {
    const i = project([pkg({ id: "A", rule: { type: "percent-complete" }, slices: [week(1, "1000.00"), week(2, "1000.00"), week(3, "1000.00"), week(4, "1000.00")], progress: [{ date: "2027-01-15", percentComplete: pct }] })], [cost("A", "2027-01-08", "1000.00")]);
    for (const tu of ["periods", "working-days"] as const) {
      const r = earnedValue(i, { statusDate: st, calendar, policy: { timeUnit: tu } });
      console.log(st, pct, tu, "PV", show(r.figures.pv), "EV", show(r.figures.ev), "ES", show(r.schedule.es), "AT", show(r.schedule.at), "SPI(t)", show(r.schedule.spiT), "SV(t)", show(r.schedule.svT));
    }
  }
});
