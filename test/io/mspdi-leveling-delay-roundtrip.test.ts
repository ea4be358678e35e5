import { describe, expect, it } from "vitest";
import { mspdiLevelingDelays, mspdiToPmokit, pmokitToMspdi, readAllRecords, readMspdi, writeImportedRecords, writeMspdi } from "../../src/io/index.js";
import { decimal } from "../../src/index.js";
import { createMemoryAdapter } from "../../src/storage/index.js";
import { IMPORTED_AT } from "./fixtures.js";

const days = (d: { kind: string } | undefined) => (d && "days" in d ? (d.days as { toFixed(): string }).toFixed() : undefined);
const OPTIONS = { projectId: "prj-x", projectCode: "PRJ-X", projectManagerId: "p-pm", sponsorId: "p-sp", importedBy: "p-pm", importedAt: IMPORTED_AT };
const task = (uid: number, extra = "", milestone = false) => `<Task><UID>${uid}</UID><ID>${uid}</ID><Name>T${uid}</Name><OutlineNumber>${uid}</OutlineNumber><OutlineLevel>1</OutlineLevel>
  <Start>2027-01-04T08:00:00</Start><Finish>${milestone ? "2027-01-04T08:00:00" : "2027-01-05T17:00:00"}</Finish><Duration>${milestone ? "PT0H0M0S" : "PT16H0M0S"}</Duration><Milestone>${milestone ? 1 : 0}</Milestone><Summary>0</Summary>${extra}</Task>`;
const delay = (tenths: number, format: number) => `<LevelingDelay>${tenths}</LevelingDelay><LevelingDelayFormat>${format}</LevelingDelayFormat>`;
const XML = `<?xml version="1.0" encoding="UTF-8"?>
<Project xmlns="http://schemas.microsoft.com/project"><Name>lv.xml</Name><StartDate>2027-01-04T08:00:00</StartDate>
<CurrencyCode>EUR</CurrencyCode><MinutesPerDay>480</MinutesPerDay><Tasks>${task(1, delay(9600, 7)) + task(2, delay(14400, 8)) + task(3) + task(4, delay(4800, 7), true)}</Tasks></Project>`;

describe("an imported MS Project levelling delay survives import → store → load → export", () => {
  // At 480 minutes a day: 9600 tenths of a minute at format 7 = 960 min = 2 working days; 14400 at format 8 (elapsed
  // days) = 1440 min = 1 calendar day; 4800 at 7 = 1 working day (on a milestone). T3 has none.
  // Before, the import only reported LevelingDelay as unmapped ("no record field"): nothing was stored and the export
  // wrote no LevelingDelay at all.
  it("is a record field, stored and loaded, and written back as the same LevelingDelay", async () => {
    const { records, report } = mspdiToPmokit(readMspdi(XML).document, OPTIONS);
    expect(report.unmapped.filter((u) => u.element === "LevelingDelay")).toEqual([]);
    const adapter = createMemoryAdapter();
    await writeImportedRecords(adapter, records);
    const loaded = await readAllRecords(adapter);
    const wps = loaded["work-package"]!;
    expect(wps.map((w) => [w.id, w.levellingDelay?.kind, days(w.levellingDelay)])).toEqual([
      ["prj-x-t1", "working-days", "2"],
      ["prj-x-t2", "elapsed-days", "1"],
      ["prj-x-t3", undefined, undefined],
    ]);
    expect(loaded.milestone!.map((m) => [m.id, m.levellingDelay?.kind, days(m.levellingDelay)])).toEqual([["prj-x-m4", "working-days", "1"]]);
    const { document } = pmokitToMspdi({ project: loaded.project![0]!, workPackages: wps, milestones: loaded.milestone! });
    const fields = document.project.lists["tasks"]!.slice(1).map((t) => [t.fields["UID"], t.fields["LevelingDelay"], t.fields["LevelingDelayFormat"]]);
    expect(fields).toEqual([["1", "9600", "7"], ["2", "14400", "8"], ["3", undefined, undefined], ["4", "4800", "7"]]);
    const back = mspdiLevelingDelays(readMspdi(writeMspdi(document)).document, { projectId: "prj-x" });
    expect(back).toEqual(mspdiLevelingDelays(readMspdi(XML).document, { projectId: "prj-x" }));
  });

  it("a levelling result given to the export replaces the stored delays (it is the plan's levelling now)", async () => {
    const { records } = mspdiToPmokit(readMspdi(XML).document, OPTIONS);
    // pmokit's levelling says only T3 waits, 1.5 days: 1.5 × 480 × 10 = 7200. The stored MS Project delays are not kept.
    const { document } = pmokitToMspdi(
      { project: records.project![0]!, workPackages: records["work-package"]!, milestones: records.milestone! },
      { levelling: { delays: [{ activityId: "prj-x-t3", days: decimal("1.5") }] } },
    );
    expect(document.project.lists["tasks"]!.slice(1).map((t) => [t.fields["UID"], t.fields["LevelingDelay"]])).toEqual([["1", undefined], ["2", undefined], ["3", "7200"], ["4", undefined]]);
  });

  it("a percent levelling delay (a lag shape with no MS Project form) is not written, and the export says so", () => {
    const { records } = mspdiToPmokit(readMspdi(XML).document, OPTIONS);
    const wps = records["work-package"]!.map((w) => (w.id === "prj-x-t3" ? { ...w, levellingDelay: { kind: "percent" as const, percent: decimal(50) } } : w));
    const { document, report } = pmokitToMspdi({ project: records.project![0]!, workPackages: wps });
    expect(document.project.lists["tasks"]!.slice(1).map((t) => t.fields["LevelingDelay"])).toEqual(["9600", "14400", undefined]);
    expect(report.unmapped.filter((u) => u.element === "levellingDelay").map((u) => [u.path, u.reason])).toEqual([["Activity[prj-x-t3]", "a percent levelling delay has no MS Project form; left out"]]);
  });
});
