import { describe, expect, it } from "vitest";
import { analyseScheduleRisk, createWorkingCalendar, scheduleNetwork, type RiskOptions, type ScheduleInput, type ScheduleOptions } from "../../src/index.js";
import { OUT_OF_SEQUENCE, act, validationIssues } from "./helpers.js";

/*
 * Every plan option scheduleNetwork takes reaches analyseScheduleRisk: without uncertainty each iteration is the
 * deterministic run, so the deterministic finish and P50 equal scheduleNetwork's finish, and an activity's
 * criticality index is 1 exactly when scheduleNetwork calls it critical (0 otherwise), under every value of the option.
 */
const same = (input: ScheduleInput, options: ScheduleOptions & RiskOptions) => {
  const plan = scheduleNetwork(input, options);
  const risk = analyseScheduleRisk({ network: input }, { ...options, iterations: 5, seed: 1 });
  return {
    plan: [plan.finish, ...plan.activities.map((a) => `${a.id}:${a.critical ? 1 : 0}`)],
    risk: [risk.deterministicFinish, ...risk.activities.map((a) => `${a.id}:${a.criticalityIndex.toFixed()}`)],
    p50: risk.percentiles.find((p) => p.percent === 50)?.finish,
    conventions: risk.conventions,
  };
};

describe("analyseScheduleRisk takes scheduleNetwork's plan options", () => {
  /*
   * startNoLaterThan. Mon 2027-01-04 start, 8 h days (480 min). A is 4.997917 d = 2,399 min: Mon 4 08:00 – Fri 8 16:59;
   * B (1 d, SNLT Sat 9) follows FS, so its early start is Fri 8 16:59; C (10 d) sets the finish, Fri 15.
   * - working-time: SNLT Sat 9 is the position of Sat 00:00 ≡ Fri 17:00 ≡ Mon 08:00: B's float 1 minute, not critical
   *   (nor A, float 1 minute too);
   * - exact: B must start by Fri 16:59 (the last working minute before Sat 00:00): float 0, B and A critical.
   * The finish is Fri 15 either way (an SNLT date moves late dates only). Before: the risk run compiled every network
   * "working-time", so under "exact" A and B had criticality 0 where scheduleNetwork calls them critical.
   */
  const snlt: ScheduleInput = {
    projectStart: "2027-01-04",
    activities: [
      { id: "A", duration: "4.997917" },
      { id: "B", duration: 1, constraint: { kind: "snlt", date: "2027-01-09" } },
      { id: "C", duration: 10 },
    ],
    links: [{ from: "A", to: "B" }],
  };
  it("startNoLaterThan: working-time leaves A and B a minute of float, exact makes them critical, as scheduleNetwork", () => {
    const wt = same(snlt, {});
    expect(wt.plan).toEqual(["2027-01-15", "A:0", "B:0", "C:1"]);
    expect(wt.risk).toEqual(wt.plan);
    expect(wt.conventions.startNoLaterThan).toBe("working-time");
    const exact = same(snlt, { startNoLaterThan: "exact" });
    expect(exact.plan).toEqual(["2027-01-15", "A:1", "B:1", "C:1"]);
    expect(exact.risk).toEqual(exact.plan);
    expect([exact.p50, exact.conventions.startNoLaterThan]).toEqual(["2027-01-15", "exact"]);
  });

  /*
   * outOfSequence. Status Wed 6. X (3 d) → Y (3 d) FS; X started Mon 4 with 1 day left (Thu 7); Y started Tue 5, out of
   * sequence, with 1 day left.
   * - retained-logic (default): Y's remaining day waits for X: Fri 8, the finish;
   * - progress-override: Y continues on Thu 7 regardless of X: finish Thu 7.
   * Before: the risk run always used retained logic, so its deterministic finish stayed Fri 8 under progress-override.
   */
  const oos = OUT_OF_SEQUENCE;
  it("outOfSequence: retained logic finishes Fri 8, progress override Thu 7, as scheduleNetwork", () => {
    const retained = same(oos, {});
    expect(retained.plan).toEqual(["2027-01-08", "X:1", "Y:1"]);
    expect([...retained.risk, retained.p50]).toEqual([...retained.plan, "2027-01-08"]);
    expect(retained.conventions.outOfSequence).toBe("retained-logic");
    const override = same(oos, { outOfSequence: "progress-override" });
    expect(override.plan).toEqual(["2027-01-07", "X:1", "Y:1"]);
    expect([...override.risk, override.p50]).toEqual([...override.plan, "2027-01-07"]);
    expect(override.conventions.outOfSequence).toBe("progress-override");
  });

  /*
   * criticalDays and finishBy. A (5 d) Mon 4 – Fri 8 and B (3 d) Mon 4 – Wed 6, unlinked: B has 2 days of float.
   * - criticalDays 2: B (float 2 ≤ 2) is critical; criticalDays 1: it is not;
   * - finishBy Wed 6 (backward pass from Wed 6's evening): A has −2 days of float, B 0: both critical; finishBy Tue 12:
   *   A has 2 days of float, B 4: neither critical.
   * Before: the risk run counted total float ≤ 0 from the network finish whatever the options (B 0 under criticalDays 2,
   * A 1 under finishBy Tue 12). The same on the general kernel, which a second calendar (Monday–Friday too, so the
   * same dates) sends the run to.
   */
  const two: ScheduleInput = { projectStart: "2027-01-04", activities: [{ id: "A", duration: 5 }, { id: "B", duration: 3 }] };
  it("criticalDays: the threshold of critical, as scheduleNetwork", () => {
    expect(same(two, {}).risk).toEqual(["2027-01-08", "A:1", "B:0"]);
    const c2 = same(two, { criticalDays: 2 });
    expect(c2.plan).toEqual(["2027-01-08", "A:1", "B:1"]);
    expect(c2.risk).toEqual(c2.plan);
    expect(c2.conventions.criticalDays.toFixed()).toBe("2");
    expect(same(two, { criticalDays: "1" }).risk).toEqual(["2027-01-08", "A:1", "B:0"]);
  });
  it("finishBy: the backward pass starts there, as scheduleNetwork (fast and general kernels)", () => {
    const early = same(two, { finishBy: "2027-01-06" });
    expect(early.plan).toEqual(["2027-01-08", "A:1", "B:1"]);
    expect(early.risk).toEqual(early.plan);
    const late = same(two, { finishBy: "2027-01-12" });
    expect(late.plan).toEqual(["2027-01-08", "A:0", "B:0"]);
    expect(late.risk).toEqual(late.plan);
    // B on a second (Monday–Friday) calendar sends the run to the general kernel: the same figures.
    const general: ScheduleInput = { ...two, calendars: { other: createWorkingCalendar({ name: "other", workingWeekdays: [1, 2, 3, 4, 5] }) }, activities: [{ id: "A", duration: 5 }, { id: "B", duration: 3, calendarId: "other" }] };
    expect(same(general, { finishBy: "2027-01-12" }).risk).toEqual(late.plan);
    expect(same(general, { finishBy: "2027-01-06", criticalDays: 0 }).risk).toEqual(early.plan);
    expect(same(general, { criticalDays: 2 }).risk).toEqual(["2027-01-08", "A:1", "B:1"]);
    // Both are stated in the method text (it read "critical = total float ≤ 0" whatever the options).
    expect(analyseScheduleRisk({ network: two }, { iterations: 1, criticalDays: "0.5", finishBy: "2027-01-06" }).method).toContain("; critical = total float ≤ 0.5 (late dates from 2027-01-06)");
    expect(analyseScheduleRisk({ network: two }, { iterations: 1 }).method).toMatch(/; critical = total float ≤ 0$/);
  });

  it("refuses bad values at the option's path, with scheduleNetwork's messages", () => {
    const bad = { startNoLaterThan: "literal", outOfSequence: "never", criticalDays: "x", finishBy: "2027-02-30" } as never;
    expect(validationIssues(() => analyseScheduleRisk({ network: two }, bad))).toEqual([
      "outOfSequence: expected retained-logic or progress-override",
      "startNoLaterThan: expected working-time or exact",
      'criticalDays: expected an exact decimal string or a finite number, got "x"',
      expect.stringMatching(/^finishBy: /),
    ]);
    expect(act(scheduleNetwork(two), "B").totalFloat.toFixed()).toBe("2");
  });
});
