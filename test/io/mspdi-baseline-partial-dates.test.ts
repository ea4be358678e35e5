import { describe, expect, it } from "vitest";
import { mspdiToPmokit, readMspdi } from "../../src/io/index.js";
import { fixtureText, IMPORTED_AT } from "./fixtures.js";

const OPTIONS = { projectId: "prj-x", projectCode: "PRJ-X", projectManagerId: "p-pm", sponsorId: "p-sp", importedBy: "p-pm", importedAt: IMPORTED_AT };

describe("MSPDI baseline with only one of its dates", () => {
  it("keeps the date the baseline has (mspdiassignmentfields.xml, Task One: Baseline 0 holds only Finish 2011-07-11 17:00)", () => {
    // The task now runs 2011-07-06 → 2011-07-18 16:01; its baseline was to finish Mon 2011-07-11 (17:00 is the end of
    // that day's work). Before, the baseline's finish was dropped for the task's current one (2011-07-18): a week's slip
    // read as none. The missing start is the task's current start (2011-07-06), as before, and reported.
    const { records, report } = mspdiToPmokit(readMspdi(fixtureText("mspdi/mpxj_mspdiassignmentfields.xml")).document, OPTIONS);
    const wp = records.baseline![0]!.workPackages[0]!;
    expect([wp.plannedStart, wp.plannedFinish]).toEqual(["2011-07-06", "2011-07-11"]);
    expect(report.warnings.filter((w) => w.code === "baseline-dates-from-plan").map((w) => [w.path, w.message]))
      .toEqual([["Task[UID=1]/Baseline[Number=0]", "baseline has no start; the task's current start is used"]]);
  });

  const file = (baseline: string) => `<Project xmlns="http://schemas.microsoft.com/project"><Name>p</Name><CurrencyCode>EUR</CurrencyCode>` +
    `<Tasks><Task><UID>1</UID><Name>A</Name><OutlineNumber>1</OutlineNumber><OutlineLevel>1</OutlineLevel><Start>2027-01-11T08:00:00</Start>` +
    `<Finish>2027-01-22T17:00:00</Finish><Duration>PT80H0M0S</Duration><Baseline><Number>0</Number>${baseline}<Cost>100000</Cost></Baseline></Task></Tasks></Project>`;
  const baselineDates = (baseline: string) => {
    const { records, report } = mspdiToPmokit(readMspdi(file(baseline)).document, OPTIONS);
    const wp = records.baseline![0]!.workPackages[0]!;
    return [wp.plannedStart, wp.plannedFinish, report.warnings.filter((w) => w.code === "baseline-dates-from-plan").map((w) => w.message)];
  };

  it("a baseline start alone keeps its start and takes the task's current finish", () => {
    expect(baselineDates("<Start>2027-01-04T08:00:00</Start>")).toEqual(["2027-01-04", "2027-01-22", ["baseline has no finish; the task's current finish is used"]]);
  });

  it("falls back to the task's current dates when the one date given would end before the other begins, or none is given", () => {
    expect(baselineDates("<Finish>2027-01-08T17:00:00</Finish>")).toEqual(["2027-01-11", "2027-01-22", ["baseline has no start and its finish is before the task's current start; the task's current dates are used"]]);
    expect(baselineDates("")).toEqual(["2027-01-11", "2027-01-22", ["baseline has no start/finish; the task's current dates are used"]]);
    expect(baselineDates("<Start>2027-01-11T08:00:00</Start><Finish>2027-01-04T17:00:00</Finish>")).toEqual(["2027-01-11", "2027-01-22", ["baseline finishes before it starts; the task's current dates are used"]]);
  });
});
