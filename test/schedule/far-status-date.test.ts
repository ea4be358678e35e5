import { describe, expect, it } from "vitest";
import { ValidationError, analyseScheduleRisk, levelResources, resourceLoad, scheduleNetwork, type ScheduleInput } from "../../src/index.js";

// A status date centuries from the plan (2126 for 2026; the CLI takes up to 9899-12-31) made the schedule
// calculators' work grow with the span: on the sample office at 3026-11-20, scheduleNetwork took 1.3 s and a monthly
// resourceLoad 21 s (120,240 rows); a daily resourceLoad ran out of memory (4 GB heap). They now take earned value's
// bound: a status date more than 400 years (146,097 days, one Gregorian cycle) from the project start or from any
// dated constraint, deadline or actual is refused at once, naming the status date.

// A (3 d) → B (2 d) from Monday 2027-01-04 (epoch day 17,900); A needs the DBA.
const network = (statusDate: string, extra: Partial<ScheduleInput> = {}): ScheduleInput => ({
  projectStart: "2027-01-04", statusDate,
  activities: [{ id: "A", duration: 3 }, { id: "B", duration: 2 }], links: [{ from: "A", to: "B" }], ...extra,
});
const resources = { resources: [{ id: "DBA", maxUnits: 1, skills: ["dba"] }], assignments: [{ activityId: "A", resourceId: "DBA", units: 1 }] };
const calls = (statusDate: string, extra: Partial<ScheduleInput> = {}) => ({
  scheduleNetwork: () => scheduleNetwork(network(statusDate, extra)),
  resourceLoad: () => resourceLoad({ network: network(statusDate, extra), ...resources }, { period: "month" }),
  levelResources: () => levelResources({ network: network(statusDate, extra), ...resources }),
  analyseScheduleRisk: () => analyseScheduleRisk({ network: network(statusDate, extra) }, { iterations: 10, seed: 1 }),
});

function outcome(call: () => unknown): unknown {
  try { call(); } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as ValidationError).issues.map((i) => [i.path, i.message]);
  }
  return "answers";
}
const FAR = [[["statusDate"], "more than 400 years (146,097 days) from the plan"]];

describe("schedule calculators: a status date centuries from the plan", () => {
  it("answer at 400 years (146,097 days) after the project start: nothing started, the work follows the status date", () => {
    // 2027-01-04 + 146,097 days = 2427-01-04, a Monday (146,097 days are 20,871 whole weeks). Work not started runs
    // after the status date (its end): A Tue 5 – Thu 7, B Fri 8 – Mon 11 of January 2427; the project still starts on
    // its start date.
    const r = scheduleNetwork(network("2427-01-04"));
    expect([r.start, r.finish]).toEqual(["2027-01-04", "2427-01-11"]);
    for (const [name, call] of Object.entries(calls("2427-01-04"))) expect(outcome(call), name).toBe("answers");
  }, 30_000);

  it("refuse one day further, 1,000 years out and at 9999-12-31, and before the start (1627-01-03, 0001-01-01)", () => {
    for (const date of ["2427-01-05", "3027-01-04", "9999-12-31", "1627-01-03", "0001-01-01"]) {
      for (const [name, call] of Object.entries(calls(date))) expect(outcome(call), `${name} ${date}`).toEqual(FAR);
      // By day, the load that ran out of memory at 3027: refused before any period is built.
      expect(outcome(() => resourceLoad({ network: network(date), ...resources }, { period: "day" })), date).toEqual(FAR);
    }
    // 2027-01-04 − 146,097 days = 1627-01-04: still answered.
    expect(outcome(calls("1627-01-04").scheduleNetwork)).toBe("answers");
  });

  it("measures from every dated constraint, deadline and actual, not only the project start", () => {
    // B finishes no later than 2030-01-04 (a deadline): 2030-01-04 − 146,097 days = 1630-01-04.
    const withDeadline = { activities: [{ id: "A", duration: 3 }, { id: "B", duration: 2, deadline: "2030-01-04" }] };
    expect(outcome(calls("1630-01-04", withDeadline).scheduleNetwork)).toBe("answers");
    expect(outcome(calls("1630-01-03", withDeadline).scheduleNetwork)).toEqual(FAR);
    // A started on 2027-01-04 with 1 day left: 2027-01-04 + 146,097 = 2427-01-04 still answered, 2427-01-05 refused.
    const started = { activities: [{ id: "A", duration: 3, progress: { actualStart: "2027-01-04", remainingDuration: 1 } }, { id: "B", duration: 2 }] };
    expect(outcome(calls("2427-01-04", started).scheduleNetwork)).toBe("answers");
    expect(outcome(calls("2427-01-05", started).scheduleNetwork)).toEqual(FAR);
  });
});
