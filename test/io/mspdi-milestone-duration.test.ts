import { describe, expect, it } from "vitest";
import { mspdiToPmokit, readMspdi } from "../../src/io/index.js";
import { IMPORTED_AT } from "./fixtures.js";

const OPTIONS = { projectId: "prj-x", projectCode: "PRJ-X", projectManagerId: "p-pm", sponsorId: "p-sp", importedBy: "p-pm", importedAt: IMPORTED_AT };
const task = (uid: number, duration: string, milestone: 0 | 1, finish = "2027-01-08T17:00:00") =>
  `<Task><UID>${uid}</UID><ID>${uid}</ID><Name>T${uid}</Name><OutlineNumber>${uid}</OutlineNumber><OutlineLevel>1</OutlineLevel>` +
  `<Start>2027-01-04T08:00:00</Start><Finish>${finish}</Finish><Duration>${duration}</Duration><DurationFormat>7</DurationFormat>` +
  `<Milestone>${milestone}</Milestone><Summary>0</Summary></Task>`;
const project = (tasks: string) =>
  `<Project xmlns="http://schemas.microsoft.com/project"><Name>f.xml</Name><CurrencyCode>EUR</CurrencyCode><MinutesPerDay>480</MinutesPerDay><Tasks>${tasks}</Tasks></Project>`;

describe("MSPDI: a task marked as a milestone that has a duration", () => {
  it("is reported: its duration is not scheduled", () => {
    // MS Project lets any task be flagged Milestone; T1 keeps its 5 days (PT40H0M0S) there, Mon 4 – Fri 8. pmokit's
    // milestone has no duration, so a successor linked to it would start 5 working days earlier than in MS Project.
    // Before: imported silently. T2, a true milestone (PT0H0M0S), is not reported.
    const xml = project(task(1, "PT40H0M0S", 1) + task(2, "PT0H0M0S", 1, "2027-01-04T08:00:00"));
    const { records, report } = mspdiToPmokit(readMspdi(xml).document, OPTIONS);
    expect(records.milestone!.map((m) => m.name)).toEqual(["T1", "T2"]);
    expect(report.warnings.filter((w) => w.code === "milestone-duration")).toEqual([
      { path: "Task[UID=1]/Duration", code: "milestone-duration", message: "task flagged as a milestone has a duration of 5 days; imported as a zero-duration milestone (forecast 2027-01-08), so pmokit's schedule leaves out the 5 days MS Project schedules" },
    ]);
  });
});
