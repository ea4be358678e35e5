import { describe, expect, it } from "vitest";
import { mspdiToPmokit, pmokitToMspdi, readMspdi, scheduleInputFromPlan, writeMspdi } from "../../src/io/index.js";
import { scheduleNetwork } from "../../src/schedule/index.js";
import { fixtureText, IMPORTED_AT } from "./fixtures.js";

const OPTIONS = { projectId: "prj-x", projectCode: "PRJ-X", projectManagerId: "p-pm", sponsorId: "p-sp", importedBy: "p-pm", importedAt: IMPORTED_AT };
/**
 * A 3-day task (PT24H0M0S at 480 minutes a day) started Monday 2027-01-04, one day done on the status date that evening:
 * MS Project stores ActualDuration PT8H0M0S, RemainingDuration PT16H0M0S and the rounded PercentComplete 33.
 */
const xml = `<Project xmlns="http://schemas.microsoft.com/project"><Name>f</Name><CurrencyCode>EUR</CurrencyCode><MinutesPerDay>480</MinutesPerDay>` +
  `<StatusDate>2027-01-04T17:00:00</StatusDate><Tasks><Task><UID>1</UID><ID>1</ID><Name>Build</Name><OutlineNumber>1</OutlineNumber><OutlineLevel>1</OutlineLevel>` +
  `<Start>2027-01-04T08:00:00</Start><Finish>2027-01-06T17:00:00</Finish><Duration>PT24H0M0S</Duration><Milestone>0</Milestone><Summary>0</Summary>` +
  `<PercentComplete>33</PercentComplete><ActualStart>2027-01-04T08:00:00</ActualStart><ActualDuration>PT8H0M0S</ActualDuration>` +
  `<RemainingDuration>PT16H0M0S</RemainingDuration></Task></Tasks></Project>`;

const scheduled = (records: ReturnType<typeof mspdiToPmokit>["records"], statusDate: string) => {
  const { input } = scheduleInputFromPlan({ projects: records.project!, workPackages: records["work-package"]!, milestones: records.milestone ?? [] }, { statusDate });
  return { input, result: scheduleNetwork(input) };
};

describe("MSPDI RemainingDuration: what an in-progress task has left", () => {
  it("schedules the 2 remaining days after the status date, not 67 % of 3 days (2.01)", () => {
    const { records } = mspdiToPmokit(readMspdi(xml).document, OPTIONS);
    expect(records["work-package"]![0]!.progress.map((p) => [p.date, p.percentComplete?.toFixed(), p.remainingDays?.toFixed()])).toEqual([["2027-01-04", "33", "2"]]);
    const { input, result } = scheduled(records, "2027-01-04");
    expect(input.activities[0]!.progress).toEqual({ actualStart: "2027-01-04", remainingDuration: "2" });
    // Remaining work starts the day after the status date: Tue 5 and Wed 6. Before, 3 × (1 − 0.33) = 2.01 days ran
    // into Thursday 2027-01-07.
    const a = result.activities.find((x) => x.id === "prj-x-t1")!;
    expect([a.remainingDuration.toFixed(), a.earlyFinish]).toEqual(["2", "2027-01-06"]);
  });

  it("reads MS Project's remaining duration of Task One in mspdiassignmentfields.xml", () => {
    // Duration PT71H1M0S (4261 min = 8.877083 days at 480), ActualDuration PT4H27M0S, PercentComplete 6 (267/4261 = 6.3 %),
    // RemainingDuration PT66H34M0S = 3994 min = 8.320833 days. Before: 8.877083 × 0.94 = 8.34446, 8.34375 on the schedule's minute grid.
    const { records } = mspdiToPmokit(readMspdi(fixtureText("mspdi/mpxj_mspdiassignmentfields.xml")).document, OPTIONS);
    const w = records["work-package"]!.find((x) => x.id === "prj-x-t1")!;
    // Dated Mon 2011-07-18: CurrentDate is Tue 2011-07-19 08:00, where Tuesday's work begins (before: 2011-07-19).
    expect(w.progress.map((p) => [p.date, p.percentComplete?.toFixed(), p.remainingDays?.toFixed()])).toEqual([["2011-07-18", "6", "8.320833"]]);
    const { result } = scheduled(records, "2011-07-18");
    expect(result.activities.find((x) => x.id === "prj-x-t1")!.remainingDuration.toFixed()).toBe("8.320833");
  });

  it("a finished task has no remaining days (Task 7 of mspditimephased.xml, RemainingDuration PT0H0M0S)", () => {
    const { records } = mspdiToPmokit(readMspdi(fixtureText("mspdi/mpxj_mspditimephased.xml")).document, OPTIONS);
    const byId = new Map(records["work-package"]!.map((w) => [w.id, w.progress[0]?.remainingDays?.toFixed()]));
    // Task 4: 50 % of PT75H0M0S, RemainingDuration PT37H30M0S = 2250 min / 450 = 5 days; Task 7 is 100 %.
    expect([byId.get("prj-x-t4"), byId.get("prj-x-t7")]).toEqual(["5", undefined]);
  });

  it("exports the remaining days as RemainingDuration, so a re-import keeps them", () => {
    const { records } = mspdiToPmokit(readMspdi(xml).document, OPTIONS);
    const { document } = pmokitToMspdi({ project: records.project![0]!, workPackages: records["work-package"]! });
    const text = writeMspdi(document);
    expect(text).toContain("<RemainingDuration>PT16H0M0S</RemainingDuration>");
    const back = mspdiToPmokit(readMspdi(text).document, OPTIONS).records["work-package"]![0]!;
    expect(back.progress.map((p) => p.remainingDays?.toFixed())).toEqual(["2"]);
  });
});
