import { describe, expect, it } from "vitest";
import { mspdiToPmokit, pmokitToMspdi, readMspdi, writeMspdi } from "../../src/io/index.js";
import { decimal, decodeEntity } from "../../src/index.js";
import { fixtureText, IMPORTED_AT } from "./fixtures.js";

/*
 * MS Project reads a task's progress as Duration = ActualDuration + RemainingDuration, with PercentComplete =
 * ActualDuration / Duration. Before, the export wrote no ActualDuration (and no RemainingDuration for a finished task),
 * so MS Project had to guess the work done from the rounded percent alone.
 */
const OPTIONS = { projectId: "prj-x", projectCode: "PRJ-X", projectManagerId: "p-pm", sponsorId: "p-sp", importedBy: "p-pm", importedAt: IMPORTED_AT };
/** `[Duration, ActualDuration, RemainingDuration, PercentComplete]` of the task with `uid`, by regex over the XML. */
const progressOf = (xml: string, uid: string) => {
  const task = [...xml.matchAll(/<Task>.*?<\/Task>/gs)].map((m) => m[0]).find((t) => t.includes(`<UID>${uid}</UID>`))!;
  return ["Duration", "ActualDuration", "RemainingDuration", "PercentComplete"].map((f) => new RegExp(`<${f}>([^<]*)<`).exec(task)?.[1]);
};
const roundTrip = (xml: string) => {
  const { records } = mspdiToPmokit(readMspdi(xml).document, OPTIONS);
  return { records, xml: writeMspdi(pmokitToMspdi({ project: records.project![0]!, workPackages: records["work-package"]! }).document) };
};
const progressRecords = (records: ReturnType<typeof mspdiToPmokit>["records"]) =>
  records["work-package"]!.map((w) => [w.id, w.actualStart, w.actualFinish, ...w.progress.map((p) => [p.date, p.percentComplete?.toFixed(), p.remainingDays?.toFixed(), p.started, p.finished])]);

describe("MSPDI export: ActualDuration beside RemainingDuration", () => {
  it("writes MS Project's ActualDuration of Task One in mspdiassignmentfields.xml back (PT4H27M0S)", () => {
    // Duration PT71H1M0S = 4261 min → 8.877083 days (6 places), RemainingDuration PT66H34M0S = 3994 min → 8.320833
    // days; ActualDuration = 8.877083 − 8.320833 = 0.55625 days = 267 min = PT4H27M0S, as the file holds.
    const { xml } = roundTrip(fixtureText("mspdi/mpxj_mspdiassignmentfields.xml"));
    expect(progressOf(xml, "1")).toEqual(["PT71H0M59.9904S", "PT4H27M0S", "PT66H33M59.9904S", "6"]);
  });

  it("keeps working days at the export's 480-minute day: Tasks 4, 6, 7 of mspditimephased.xml (450 minutes a day)", () => {
    // Task 4: Duration PT75H0M0S = 10 days, ActualDuration PT37H30M0S = 5 days, 50 % → PT80H, PT40H, PT40H at 480.
    // Task 6: ActualDuration PT45H0M0S = 6 days, RemainingDuration PT30H0M0S = 4 days, 60 % → PT48H, PT32H.
    // Task 7: 100 %: ActualDuration = Duration = PT80H0M0S, RemainingDuration PT0H0M0S.
    const { xml } = roundTrip(fixtureText("mspdi/mpxj_mspditimephased.xml"));
    expect(["4", "6", "7"].map((uid) => progressOf(xml, uid))).toEqual([
      ["PT80H0M0S", "PT40H0M0S", "PT40H0M0S", "50"],
      ["PT80H0M0S", "PT48H0M0S", "PT32H0M0S", "60"],
      ["PT80H0M0S", "PT80H0M0S", "PT0H0M0S", "100"],
    ]);
    // An unstarted task gets neither (Task 1, 0 %).
    expect(progressOf(xml, "1")).toEqual(["PT80H0M0S", undefined, undefined, "0"]);
  });

  it("import → export → import keeps every task's progress, and a second export writes the same durations", () => {
    for (const file of ["mpxj_mspditimephased.xml", "mpxj_mspdiassignmentfields.xml", "mpxj_mspdiresource.xml", "mpxj_assignment-assignments-project2019-mspdi.xml"]) {
      const first = roundTrip(fixtureText(`mspdi/${file}`));
      const second = roundTrip(first.xml);
      expect(progressRecords(second.records), file).toEqual(progressRecords(first.records));
      const durations = (xml: string) => [...xml.matchAll(/<(ActualDuration|RemainingDuration)>([^<]*)</g)].map((m) => m[0]);
      expect(durations(second.xml), file).toEqual(durations(first.xml));
      // Every started task: ActualDuration + RemainingDuration = Duration.
      for (const task of [...first.xml.matchAll(/<Task>.*?<\/Task>/gs)].map((m) => m[0]).filter((t) => t.includes("<ActualDuration>"))) {
        const secs = (f: string) => {
          const m = new RegExp(`<${f}>PT(\\d+)H(\\d+)M([\\d.]+)S<`).exec(task)!;
          return decimal(m[1]!).times(3600).plus(decimal(m[2]!).times(60)).plus(decimal(m[3]!));
        };
        expect(secs("ActualDuration").plus(secs("RemainingDuration")).toFixed(), file).toBe(secs("Duration").toFixed());
      }
    }
  });

  it("a pmokit package with a percent and no remaining days: ActualDuration = Duration × percent", () => {
    // 5 days at 40 %: ActualDuration 2 days = PT16H0M0S, RemainingDuration 3 days = PT24H0M0S. A package without
    // durationDays takes its working days from its dates (Mon 2027-01-04 – Fri 2027-01-08: 5 days), Duration unwritten.
    const { records } = mspdiToPmokit(readMspdi(`<Project xmlns="http://schemas.microsoft.com/project"><Name>f</Name><StartDate>2027-01-04T08:00:00</StartDate><FinishDate>2027-01-08T17:00:00</FinishDate><CurrencyCode>EUR</CurrencyCode><Tasks></Tasks></Project>`).document, OPTIONS);
    const project = records.project![0]!;
    const pkg = (uid: number, durationDays?: string) => decodeEntity("work-package", {
      id: `prj-x-t${uid}`, version: 1, createdAt: IMPORTED_AT, updatedAt: IMPORTED_AT, projectId: "prj-x", code: String(uid), name: `T${uid}`,
      plannedStart: "2027-01-04", plannedFinish: "2027-01-08", timePhasedBudget: [], earningRule: { type: "percent-complete" },
      progress: [{ date: "2027-01-05", percentComplete: "40", started: true }], actualStart: "2027-01-04", ...(durationDays ? { durationDays } : {}),
    });
    const xml = writeMspdi(pmokitToMspdi({ project, workPackages: [pkg(1, "5"), pkg(2)] }).document);
    expect([progressOf(xml, "1"), progressOf(xml, "2")]).toEqual([
      ["PT40H0M0S", "PT16H0M0S", "PT24H0M0S", "40"],
      [undefined, "PT16H0M0S", "PT24H0M0S", "40"],
    ]);
  });

  it("a zero-length package at 50 % with no remaining days writes neither duration, so a re-import adds none", () => {
    // A hunt (the round-trip property at 10× its runs) found a 0-day task at 50 % come back with "remainingDays": "0":
    // the export wrote RemainingDuration PT0H0M0S for what the first import had left unrecorded. Recorded 0 days stays.
    const { records } = mspdiToPmokit(readMspdi(`<Project xmlns="http://schemas.microsoft.com/project"><Name>f</Name><StartDate>2027-01-04T08:00:00</StartDate><CurrencyCode>EUR</CurrencyCode><Tasks></Tasks></Project>`).document, OPTIONS);
    const pkg = (uid: number, remainingDays?: string) => decodeEntity("work-package", {
      id: `prj-x-t${uid}`, version: 1, createdAt: IMPORTED_AT, updatedAt: IMPORTED_AT, projectId: "prj-x", code: String(uid), name: `T${uid}`,
      plannedStart: "2027-01-04", plannedFinish: "2027-01-04", timePhasedBudget: [], earningRule: { type: "percent-complete" }, durationDays: "0",
      progress: [{ date: "2027-01-05", percentComplete: "50", started: true, ...(remainingDays ? { remainingDays } : {}) }], actualStart: "2027-01-04",
    });
    const xml = writeMspdi(pmokitToMspdi({ project: records.project![0]!, workPackages: [pkg(1), pkg(2, "0")] }).document);
    expect([progressOf(xml, "1"), progressOf(xml, "2")]).toEqual([
      ["PT0H0M0S", undefined, undefined, "50"],
      ["PT0H0M0S", "PT0H0M0S", "PT0H0M0S", "50"],
    ]);
    const again = mspdiToPmokit(readMspdi(xml).document, OPTIONS).records["work-package"]!;
    expect(again.map((w) => w.progress.map((p) => p.remainingDays?.toFixed()))).toEqual([[undefined], ["0"]]);
  });

  it("a remaining beyond the duration lengthens the written Duration to actual + remaining, and says so", () => {
    // 5 days at 40 % with 6 days left: actual = 40 % of 5 = 2 days (PT16H0M0S), Duration = 2 + 6 = 8 days (PT64H0M0S).
    const { records } = mspdiToPmokit(readMspdi(`<Project xmlns="http://schemas.microsoft.com/project"><Name>f</Name><StartDate>2027-01-04T08:00:00</StartDate><CurrencyCode>EUR</CurrencyCode><Tasks></Tasks></Project>`).document, OPTIONS);
    const w = decodeEntity("work-package", {
      id: "prj-x-t1", version: 1, createdAt: IMPORTED_AT, updatedAt: IMPORTED_AT, projectId: "prj-x", code: "1", name: "T1",
      plannedStart: "2027-01-04", plannedFinish: "2027-01-08", timePhasedBudget: [], earningRule: { type: "percent-complete" },
      progress: [{ date: "2027-01-05", percentComplete: "40", remainingDays: "6", started: true }], durationDays: "5",
    });
    const { document, report } = pmokitToMspdi({ project: records.project![0]!, workPackages: [w] });
    expect(progressOf(writeMspdi(document), "1")).toEqual(["PT64H0M0S", "PT16H0M0S", "PT48H0M0S", "40"]);
    expect(report.warnings.map((x) => x.code)).toContain("remaining-beyond-duration");
  });
});
