import { describe, expect, it } from "vitest";
import { importMspdiBatches, mspdiToPmokit, readMspdi, type ImportedRecords } from "../../src/io/index.js";
import { IMPORTED_AT } from "./fixtures.js";

const OPTIONS = { projectId: "prj-x", projectCode: "PRJ-X", projectManagerId: "p-pm", sponsorId: "p-sp", importedBy: "p-pm", importedAt: IMPORTED_AT };
const task = (uid: number, cost: number, extra = "") => `<Task><UID>${uid}</UID><ID>${uid}</ID><Name>T${uid}</Name><OutlineNumber>${uid}</OutlineNumber><OutlineLevel>1</OutlineLevel>` +
  `<Start>2027-01-0${uid + 3}T08:00:00</Start><Finish>2027-01-0${uid + 4}T17:00:00</Finish><Milestone>0</Milestone><Summary>0</Summary><Cost>${cost}</Cost>` +
  `${extra}<Baseline><Number>0</Number><Start>2027-01-0${uid + 3}T08:00:00</Start><Finish>2027-01-0${uid + 4}T17:00:00</Finish><Cost>${cost}</Cost></Baseline></Task>`;
// Task 2 is inactive (Project 2010+: Active = 0): MS Project leaves it out of the schedule and of every cost roll-up.
const XML = `<Project xmlns="http://schemas.microsoft.com/project"><Name>f</Name><CurrencyCode>EUR</CurrencyCode><Tasks>` +
  task(1, 10000) + task(2, 20000).replace("</Task>", "<Active>0</Active></Task>") +
  task(3, 30000, "<PredecessorLink><PredecessorUID>2</PredecessorUID><Type>1</Type><LinkLag>0</LinkLag><LagFormat>7</LagFormat></PredecessorLink>") +
  `</Tasks></Project>`;

describe("MSPDI inactive tasks", () => {
  it("leaves an inactive task out of packages, budgets, baselines and links, and says so", async () => {
    // Before: T2 became a package with a 200.00 budget, baseline 0's BAC was 100 + 200 + 300 = 600.00 where MS
    // Project's is 400.00, and T3 waited for T2. Expected: packages T1 and T3, BAC 400.00, T3 unlinked.
    const { records, report } = mspdiToPmokit(readMspdi(XML).document, OPTIONS);
    expect(records["work-package"]!.map((w) => w.name)).toEqual(["T1", "T3"]);
    expect(records.baseline!.map((b) => b.budgetAtCompletion.amount.toFixed(2))).toEqual(["400.00"]);
    expect(records["work-package"]!.find((w) => w.name === "T3")!.predecessors).toBeUndefined();
    expect(report.warnings.filter((w) => w.code === "inactive-task").map((w) => w.path)).toEqual(["Task[UID=2]"]);
    // The streamed import gives the same records.
    const batches: ImportedRecords[] = [];
    for await (const b of importMspdiBatches(() => [XML], OPTIONS)) batches.push(b);
    expect(batches.flatMap((b) => b["work-package"] ?? []).map((w) => w.name)).toEqual(["T1", "T3"]);
    expect(batches.flatMap((b) => b.baseline ?? []).map((b) => b.budgetAtCompletion.amount.toFixed(2))).toEqual(["400.00"]);
  });
});
