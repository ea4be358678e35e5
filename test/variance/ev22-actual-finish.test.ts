import { describe, expect, it } from "vitest";
import { earnedValue } from "../../src/variance/index.js";
import { cost, pkg, project, week } from "./fixtures.js";

/*
 * Audit ev22: a project's actual finish is the latest package finish only once every package with a budget has
 * finished. Monday–Friday, weekly grid.
 */
describe("the actual finish of a complete project (audit ev22)", () => {
  // A (0/100, 1000.00 in week 1) records its finish on Fri 2027-01-08. B (percent complete, 1000.00 in week 2) reports
  // 100 % on Wed 2027-01-20 but no finish. On Fri 2027-01-29 all value is earned (EV 2000 = BAC): complete, but B's
  // finish is not recorded, so the actual finish is unknown and AT runs to the status date: 20 working days (Jan 4–29),
  // ES = PD = 10, SV(t) = −10. It read actual finish 2027-01-08 — A's, twelve days before B reached 100 % — with AT
  // frozen there: AT 5, SV(t) +5 (five days early) and the forecast finish 2027-01-08.
  const input = project([
    pkg({ id: "A", rule: { type: "0/100" }, slices: [week(1, "1000.00")], progress: [{ date: "2027-01-08", finished: true }] }),
    pkg({ id: "B", rule: { type: "percent-complete" }, slices: [week(2, "1000.00")], progress: [{ date: "2027-01-20", percentComplete: "100" }] }),
  ], [cost("A", "2027-01-08", "900.00")]);

  it("is unknown while a package that earned its budget has not recorded its finish", () => {
    const r = earnedValue(input, { statusDate: "2027-01-29" });
    expect(r.complete).toBe(true);
    expect(r.packages.map((p) => p.finished)).toEqual([true, false]);
    expect(r.actualFinish).toBeUndefined();
    expect(r.schedule.at.value?.toFixed()).toBe("20");
    expect(r.schedule.es.value?.toFixed()).toBe("10");
    expect(r.schedule.svT.value?.toFixed()).toBe("-10");
  });

  it("is the latest finish once every package recorded one", () => {
    const done = project([
      pkg({ id: "A", rule: { type: "0/100" }, slices: [week(1, "1000.00")], progress: [{ date: "2027-01-08", finished: true }] }),
      pkg({ id: "B", rule: { type: "percent-complete" }, slices: [week(2, "1000.00")], progress: [{ date: "2027-01-20", percentComplete: "100" }, { date: "2027-01-21", finished: true }] }),
    ], []);
    const r = earnedValue(done, { statusDate: "2027-01-29" });
    expect(r.actualFinish).toBe("2027-01-21");
    // AT frozen at Thu 2027-01-21: 14 working days; SV(t) = 10 − 14 = −4.
    expect(r.schedule.svT.value?.toFixed()).toBe("-4");
  });

  // Level of effort L: 700.00 over week 1 (Mon 2027-01-04 … Sun 01-10), planned to finish Wed 2027-01-13; earned from
  // its planned start. The docs: "finished once its planned finish has passed and it has earned its budget". On Mon
  // 2027-01-11 it has earned its budget but its planned finish has not passed: not finished. It read finished, on the
  // status date itself, so with a 0/100 package finished on 2027-01-08 the project's actual finish was the status
  // date, moving every day (2027-01-11, then 2027-01-12) until the planned finish.
  const loe = project([
    pkg({ id: "L", rule: { type: "level-of-effort" }, slices: [week(1, "700.00")], finish: "2027-01-13" }),
    pkg({ id: "Z", rule: { type: "0/100" }, slices: [week(1, "300.00")], progress: [{ date: "2027-01-08", finished: true }] }),
  ], []);
  const options = { policy: { levelOfEffort: "from-planned-start" as const } };

  it("level of effort finishes at its planned finish, not on the status date before it", () => {
    const before = earnedValue(loe, { ...options, statusDate: "2027-01-11" });
    expect(before.complete).toBe(true);
    expect(before.packages[0]?.finished).toBe(false);
    expect(before.actualFinish).toBeUndefined();
    const after = earnedValue(loe, { ...options, statusDate: "2027-01-15" });
    expect(after.packages[0]?.finished).toBe(true);
    expect(after.actualFinish).toBe("2027-01-13");
  });
});
