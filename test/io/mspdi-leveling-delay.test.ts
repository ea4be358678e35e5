import { describe, expect, it } from "vitest";
import { mspdiLevelingDelays, mspdiToPmokit, pmokitToMspdi, readMspdi, scheduleInputFromPlan, writeMspdi } from "../../src/io/index.js";
import { levelResources } from "../../src/index.js";
import { IMPORTED_AT, fixtureText } from "./fixtures.js";

const OPTIONS = { projectId: "prj-x", projectCode: "PRJ-X", projectManagerId: "p-pm", sponsorId: "p-sp", importedBy: "p-pm", importedAt: IMPORTED_AT };
const task = (uid: number, extra = "") => `<Task><UID>${uid}</UID><ID>${uid}</ID><Name>T${uid}</Name><OutlineNumber>${uid}</OutlineNumber><OutlineLevel>1</OutlineLevel>
  <Start>2027-01-04T08:00:00</Start><Finish>2027-01-05T17:00:00</Finish><Duration>PT16H0M0S</Duration><Milestone>0</Milestone><Summary>0</Summary>${extra}</Task>`;
const delay = (tenths: number, format: number) => `<LevelingDelay>${tenths}</LevelingDelay><LevelingDelayFormat>${format}</LevelingDelayFormat>`;
const project = (minutesPerDay: number, tasks: string, tail = "") => `<?xml version="1.0" encoding="UTF-8"?>
<Project xmlns="http://schemas.microsoft.com/project"><Name>lv.xml</Name><StartDate>2027-01-04T08:00:00</StartDate>
<CurrencyCode>EUR</CurrencyCode><MinutesPerDay>${minutesPerDay}</MinutesPerDay><Tasks>${tasks}</Tasks>${tail}</Project>`;

describe("MS Project's LevelingDelay is pmokit's levelResources delays[].days", () => {
  it("reads LevelingDelay in tenths of minutes by its LevelingDelayFormat (hand derivation)", () => {
    // MSPDI stores LevelingDelay in tenths of a minute, as LinkLag (MPXJ MSPDIReader: LevelingDelay / 10 minutes,
    // converted to LevelingDelayFormat's unit on the project's minutes per day). At 480 minutes a day:
    //   4800 at 7 (d)   = 480 min  = 1 working day
    //   7200 at 7 (d)   = 720 min  = 1.5 working days
    //   2400 at 5 (h)   = 240 min  = 0.5 working day (shown in hours, still working time)
    //   14400 at 8 (ed) = 1440 min = 1 elapsed day (calendar time: no working-day figure without a calendar)
    //   0 at 8          = no delay (every MS Project file writes it): left out
    // At 450 minutes a day (mpxj_baselines.xml, mspditimephased.xml), 4500 at 7 is 450 min = 1 working day.
    const xml = project(480, task(1, delay(4800, 7)) + task(2, delay(7200, 7)) + task(3, delay(2400, 5)) + task(4, delay(14400, 8)) + task(5, delay(0, 8)));
    const read = (x: string) => mspdiLevelingDelays(readMspdi(x).document, { projectId: "prj-x" }).map((d) => [d.activityId, d.days?.toFixed(), d.elapsedDays?.toFixed()]);
    expect(read(xml)).toEqual([
      ["prj-x-t1", "1", undefined],
      ["prj-x-t2", "1.5", undefined],
      ["prj-x-t3", "0.5", undefined],
      ["prj-x-t4", undefined, "1"],
    ]);
    expect(read(project(450, task(1, delay(4500, 7))))).toEqual([["prj-x-t1", "1", undefined]]);
  });

  it("the import keeps a non-zero levelling delay on the record (it was reported unmapped) and none for the zero ones the fixtures carry", () => {
    const { records, report } = mspdiToPmokit(readMspdi(project(480, task(1, delay(4800, 7)) + task(2, delay(0, 8)))).document, OPTIONS);
    expect(report.unmapped.filter((u) => u.element === "LevelingDelay")).toEqual([]);
    expect(records["work-package"]!.map((w) => [w.id, w.levellingDelay?.kind, w.levellingDelay && "days" in w.levellingDelay ? w.levellingDelay.days.toFixed() : undefined])).toEqual([["prj-x-t1", "working-days", "1"], ["prj-x-t2", undefined, undefined]]);
    // mpxj_mspditimephasedsegments.xml writes <LevelingDelay>0</LevelingDelay> on its 41 tasks: nothing to report.
    const fixture = mspdiToPmokit(readMspdi(fixtureText("mspdi/mpxj_mspditimephasedsegments.xml"), { currency: "GBP" }).document, OPTIONS);
    expect(fixture.report.unmapped.filter((u) => u.element === "LevelingDelay" || u.element === "LevelingDelayFormat")).toEqual([]);
    expect(mspdiLevelingDelays(readMspdi(fixtureText("mspdi/mpxj_mspditimephasedsegments.xml"), { currency: "GBP" }).document, { projectId: "prj-x" })).toEqual([]);
  });

  it("exports levelResources' delays[].days (not delayDays) as LevelingDelay at format 7, and reads them back", () => {
    // T1 → T3 and T2 → T4 (FS); T1 and T2 (2 days each) share the 1-unit R; T3 2 days, T4 1 day, no resource.
    // CPM from Mon 2027-01-04: T1 Mon 4–Tue 5, T3 Wed 6–Thu 7 (the finish: float 0); T2 Mon 4–Tue 5, T4 Wed 6 (float 1).
    // Levelled (least float first): T1 keeps R Mon 4–Tue 5; T2 waits 2 days for R: Wed 6–Thu 7, delays[].days = 2.
    // T4 moves 2 days only because T2 moved (delayDays 2, pushedBy T2) and has no wait of its own: no LevelingDelay.
    // MS Project's Leveling Delay is the task's own delay after its predecessors: it delays T2, and T4 follows by
    // its link when MS Project reschedules. Writing delayDays would delay T4 twice (its link and its own 2 days).
    // 2 days × 480 minutes × 10 = 9600 tenths of a minute.
    const assignment = (uid: number, t: number) => `<Assignment><UID>${uid}</UID><TaskUID>${t}</TaskUID><ResourceUID>1</ResourceUID><Units>1</Units><Work>PT16H0M0S</Work></Assignment>`;
    const link = (uid: number) => `<PredecessorLink><PredecessorUID>${uid}</PredecessorUID><Type>1</Type><LinkLag>0</LinkLag><LagFormat>7</LagFormat></PredecessorLink>`;
    const xml = project(
      480,
      task(1) + task(2) + task(3, link(1)) + task(4, link(2)).replace("PT16H0M0S", "PT8H0M0S"),
      `<Resources><Resource><UID>1</UID><ID>1</ID><Name>R</Name><Type>1</Type><MaxUnits>1</MaxUnits></Resource></Resources>
       <Assignments>${assignment(1, 1)}${assignment(2, 2)}</Assignments>`,
    );
    const { records } = mspdiToPmokit(readMspdi(xml).document, OPTIONS);
    const plan = scheduleInputFromPlan({ projects: records.project!, workPackages: records["work-package"]!, resources: records.resource!, assignments: records.assignment! }, { anchorUnlinked: false });
    const levelled = levelResources({ network: plan.input, resources: plan.resources, assignments: plan.assignments });
    expect(levelled.delays.map((d) => [d.activityId, d.days.toFixed()])).toEqual([["prj-x-t2", "2"]]);
    expect(levelled.activities.map((a) => [a.id, a.delayDays.toFixed()])).toEqual([["prj-x-t1", "0"], ["prj-x-t2", "2"], ["prj-x-t3", "0"], ["prj-x-t4", "2"]]);
    const { document, report } = pmokitToMspdi({ project: records.project![0]!, workPackages: records["work-package"]! }, { levelling: levelled });
    const out = writeMspdi(document);
    expect(out.match(/<LevelingDelay>/g)).toHaveLength(1);
    const t2 = document.project.lists["tasks"]!.find((t) => t.fields["UID"] === "2")!;
    expect([t2.fields["LevelingDelay"], t2.fields["LevelingDelayFormat"]]).toEqual(["9600", "7"]);
    expect(report.unmapped.filter((u) => u.element === "levelling")).toEqual([]);
    const back = mspdiLevelingDelays(readMspdi(out).document, { projectId: "prj-x" });
    expect(back.map((d) => [d.activityId, d.days?.toFixed()])).toEqual([["prj-x-t2", "2"]]);
  });
});
