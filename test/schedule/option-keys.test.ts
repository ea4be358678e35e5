import { describe, expect, it } from "vitest";
import {
  analyseScheduleRisk, compareFinishForecasts, createWorkingCalendar, levelResources, resourceLoad, scheduleNetwork,
  type LevellingInput, type ScheduleInput, type ScheduleOptions,
} from "../../src/index.js";
import { mspdiLevelingDelays, readMspdi, scheduleInputFromPlan, scheduleRiskModelFromPlan } from "../../src/io/index.js";
import { validationIssues as refused } from "./helpers.js";

/*
 * Seventh audit pass, strict options: the schedule layer's calculators ignored an unknown option key and ran the
 * default — `scheduleNetwork(net, { outOfSequnce: "progress-override" })` scheduled with retained logic. Each now
 * refuses it: one issue per unknown key, at the path its other option errors use + the key, naming the keys taken.
 *
 * The network, from Mon 2027-01-04 on Monday–Friday, status Tue 5 (remaining work from Wed 6): A (3 d, not started)
 * Wed 6–Fri 8, FS → B (2 d), started Mon 4 out of sequence with 1 day left. Retained logic keeps B's last day after A:
 * Mon 11, the finish. Progress override runs it Wed 6: the finish is A's, Fri 8.
 */
const net: ScheduleInput = {
  projectStart: "2027-01-04",
  statusDate: "2027-01-05",
  activities: [{ id: "A", duration: 3 }, { id: "B", duration: 2, progress: { actualStart: "2027-01-04", remainingDuration: 1 } }],
  links: [{ from: "A", to: "B" }],
};
const SCHEDULE = "totalFloat, criticalDays, nearCriticalDays, outOfSequence, finishBy, milestoneDating, startLinkFloat, startNoLaterThan";
const lv: LevellingInput = { network: net, resources: [{ id: "R", maxUnits: 1 }], assignments: [{ activityId: "A", resourceId: "R", units: 1 }] };

describe("schedule layer: an unknown option key is refused, not ignored", () => {
  it("scheduleNetwork: outOfSequnce (misspelt) ran retained logic; refused at its key", () => {
    expect(refused(() => scheduleNetwork(net, { outOfSequnce: "progress-override" } as ScheduleOptions))).toEqual([
      `outOfSequnce: unknown option (scheduleNetwork takes ${SCHEDULE})`,
    ]);
    // Spelt right it applies: finish Fri 8 (A's) instead of Mon 11 (B's last day after A) under retained logic.
    expect(scheduleNetwork(net, { outOfSequence: "progress-override" }).finish).toBe("2027-01-08");
    expect(scheduleNetwork(net).finish).toBe("2027-01-11");
  });

  it("levelResources: its own keys at [key], its schedule bag's at schedule.<key> (scheduleNetwork's options)", () => {
    expect(refused(() => levelResources(lv, { mde: "within-slack", schedule: { totalFloat: "finish" } } as never))).toEqual([
      "mde: unknown option (levelResources takes mode, schedule, alap)",
    ]);
    expect(refused(() => levelResources(lv, { schedule: { outOfSequnce: "progress-override" } } as never))).toEqual([
      `schedule.outOfSequnce: unknown option (scheduleNetwork takes ${SCHEDULE})`,
    ]);
    expect(levelResources(lv, { mode: "within-slack", alap: "late", schedule: { outOfSequence: "progress-override" } }).finish).toBe("2027-01-08");
    // A bad value in the schedule options is at schedule.<key> too, as scheduleInputFromPlan puts it (it was at <key>,
    // where levelResources has no such option).
    expect(refused(() => levelResources(lv, { schedule: { totalFloat: "latest" } } as never))).toEqual(["schedule.totalFloat: expected start, finish or smallest"]);
    expect(refused(() => resourceLoad(lv, { schedule: { finishBy: "Friday" } }))).toEqual(['schedule.finishBy: expected a date YYYY-MM-DD, got "Friday"']);
  });

  it("resourceLoad: the same (A uses R Wed 6–Fri 8: 3 unit-days that week)", () => {
    expect(refused(() => resourceLoad(lv, { periods: "day" } as never))).toEqual(["periods: unknown option (resourceLoad takes period, schedule, dates)"]);
    expect(refused(() => resourceLoad(lv, { schedule: { finsihBy: "2027-01-08" } } as never))).toEqual([
      `schedule.finsihBy: unknown option (scheduleNetwork takes ${SCHEDULE})`,
    ]);
    expect(resourceLoad(lv, { period: "week", dates: "early", schedule: {} }).resources[0]!.demand.toFixed()).toBe("3");
  });

  it("compareFinishForecasts: calendars (for calendar) used the schedule's; refused at options.<key>", () => {
    const s = scheduleNetwork(net);
    expect(refused(() => compareFinishForecasts(s, [], { calendars: createWorkingCalendar() } as never))).toEqual([
      "options.calendars: unknown option (compareFinishForecasts takes calendar)",
    ]);
    // Baseline Fri 8, scheduled Mon 11: one working day late on Monday–Friday.
    const [row] = compareFinishForecasts(s, [{ baselineFinish: "2027-01-08" }], { calendar: createWorkingCalendar() });
    expect(row!.scheduleSlipDays.value?.toFixed()).toBe("1");
  });

  it("scheduleInputFromPlan: its keys at [key] (as statusDate's error), schedule options at schedule.<key>", () => {
    expect(refused(() => scheduleInputFromPlan({ projects: [], workPackages: [] }, { statusdate: "2027-01-05" } as never))).toEqual([
      "statusdate: unknown option (scheduleInputFromPlan takes statusDate, anchorUnlinked, schedule)",
    ]);
    expect(refused(() => scheduleInputFromPlan({ projects: [], workPackages: [] }, { schedule: { milestoneDate: "reached" } } as never))).toEqual([
      `schedule.milestoneDate: unknown option (scheduleNetwork takes ${SCHEDULE})`,
    ]);
    expect(scheduleInputFromPlan({ projects: [], workPackages: [] }, { statusDate: "2027-01-05", anchorUnlinked: false, schedule: {} }).input.activities).toEqual([]);
  });

  it("mspdiLevelingDelays: projectID (for projectId) named the activities undefined-t1; refused at options.<key>", () => {
    const doc = readMspdi(`<?xml version="1.0" encoding="UTF-8"?><Project xmlns="http://schemas.microsoft.com/project"><Name>x</Name>
<CurrencyCode>EUR</CurrencyCode><MinutesPerDay>480</MinutesPerDay><Tasks><Task><UID>1</UID><ID>1</ID><Name>T1</Name><Milestone>0</Milestone><LevelingDelay>4800</LevelingDelay><LevelingDelayFormat>7</LevelingDelayFormat></Task></Tasks></Project>`).document;
    expect(refused(() => mspdiLevelingDelays(doc, { projectId: "prj-x", projectID: "prj-x" } as never))).toEqual([
      "options.projectID: unknown option (mspdiLevelingDelays takes projectId)",
    ]);
    // Without its projectId (required) the ids read undefined-t1: refused too.
    expect(refused(() => mspdiLevelingDelays(doc, {} as never))).toEqual(["options.projectId: expected a string, got undefined"]);
    // 4800 tenths of a minute at format 7 on 480 minutes a day: 1 working day.
    expect(mspdiLevelingDelays(doc, { projectId: "prj-x" }).map((d) => [d.activityId, d.days?.toFixed()])).toEqual([["prj-x-t1", "1"]]);
  });

  it("scheduleRiskModelFromPlan: risk (for risks) built a model without risk events; refused at records.<key>", () => {
    expect(refused(() => scheduleRiskModelFromPlan(net, { workPackages: [], risk: [], currency: "EUR" } as never))).toEqual([
      "records.risk: unknown option (scheduleRiskModelFromPlan takes workPackages, risks, currency)",
    ]);
    expect(refused(() => scheduleRiskModelFromPlan(net, { currency: "EUR" } as never))).toEqual(["records.workPackages: expected an array, got undefined"]);
    // No packages and no risks: the network alone, nothing noted.
    const { model, notes } = scheduleRiskModelFromPlan(net, { workPackages: [], risks: [], currency: "EUR" });
    expect([model.network, model.durations, model.riskEvents, notes]).toEqual([net, [], [], []]);
  });

  it("analyseScheduleRisk stays strict and still takes a ScheduleOptions object as it is (the union of keys)", () => {
    const options: ScheduleOptions = { totalFloat: "finish", nearCriticalDays: 3, outOfSequence: "progress-override" };
    expect(analyseScheduleRisk({ network: net }, { ...options, iterations: 10, seed: 1 }).deterministicFinish).toBe("2027-01-08");
    expect(refused(() => analyseScheduleRisk({ network: net }, { outOfSequnce: "progress-override" } as never))[0]).toMatch(/^outOfSequnce: unknown option \(analyseScheduleRisk takes /);
  });
});
