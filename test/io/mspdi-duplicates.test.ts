import { describe, expect, it } from "vitest";
import { importMspdiBatches, mspdiToPmokit, readMspdi } from "../../src/io/index.js";
import { validationErrorOf } from "../support/errors.js";
import { IMPORTED_AT } from "./fixtures.js";

const OPTIONS = { projectId: "prj-x", projectCode: "PRJ-X", projectManagerId: "p-pm", sponsorId: "p-sp", importedBy: "p-pm", importedAt: IMPORTED_AT };
const task = (uid: number, name: string, outline: string, cost: number) =>
  `<Task><UID>${uid}</UID><ID>${uid}</ID><Name>${name}</Name><OutlineNumber>${outline}</OutlineNumber><OutlineLevel>${outline.split(".").length}</OutlineLevel>` +
  `<Start>2027-01-04T08:00:00</Start><Finish>2027-01-08T17:00:00</Finish><Milestone>0</Milestone><Summary>0</Summary><Cost>${cost}</Cost></Task>`;
const project = (tasks: string) => `<Project xmlns="http://schemas.microsoft.com/project"><Name>f.xml</Name><CurrencyCode>EUR</CurrencyCode><Tasks>${tasks}</Tasks></Project>`;

async function streamError(xml: string) {
  try {
    for await (const _ of importMspdiBatches(() => [xml], OPTIONS)) { /* drain */ }
  } catch (e) {
    return e as { issues: { path: unknown[]; message: string }[] };
  }
  throw new Error("expected a refusal");
}

describe("MSPDI tasks named twice", () => {
  // Task UID 1 twice (a file merged by hand or by a faulty tool). Before: two work packages with the same id
  // prj-x-t1 (100.00 and 200.00 EUR budgets, both returned as valid), and the outline silently took the later one.
  const xml = project(task(1, "A", "1", 10000) + task(1, "B", "2", 20000) + task(2, "C", "3", 30000));
  it("refuses a task UID used twice, naming the task (whole document and stream alike)", async () => {
    const e = validationErrorOf(() => mspdiToPmokit(readMspdi(xml).document, OPTIONS));
    expect(e.issues.map((i) => [i.path, i.message])).toEqual([[["Task[UID=1]", "UID"], "task UID 1 is used by more than one task"]]);
    expect((await streamError(xml)).issues.map((i) => i.path)).toEqual([["Task[UID=1]", "UID"]]);
  });

  it("refuses an outline number used twice (which task's children would they be?)", async () => {
    // 2.1 would hang under whichever task numbered 2 came last.
    const twice = project(task(1, "A", "1", 10000) + task(2, "B", "2", 20000) + task(3, "C", "2", 30000) + task(4, "D", "2.1", 0));
    const e = validationErrorOf(() => mspdiToPmokit(readMspdi(twice).document, OPTIONS));
    expect(e.issues.map((i) => [i.path, i.message])).toEqual([[["Task[UID=3]", "OutlineNumber"], "outline number 2 is also task UID 2's"]]);
    expect((await streamError(twice)).issues.map((i) => i.path)).toEqual([["Task[UID=3]", "OutlineNumber"]]);
  });
});

describe("MSPDI resources and assignments named twice", () => {
  // Resource UID 1 twice and assignment UID 7 twice. Before: two resource records prj-x-r1 and two assignment records
  // prj-x-a7 came back as valid (the load of the assignment counted twice by anything reading the records).
  const resource = (uid: number, name: string) => `<Resource><UID>${uid}</UID><Name>${name}</Name><Type>1</Type><MaxUnits>1</MaxUnits></Resource>`;
  const assignment = (uid: number, task: number, res: number) => `<Assignment><UID>${uid}</UID><TaskUID>${task}</TaskUID><ResourceUID>${res}</ResourceUID><Units>1</Units><Work>PT40H0M0S</Work></Assignment>`;
  const file = (resources: string, assignments: string) => project(task(1, "A", "1", 10000)).replace("</Tasks>", `</Tasks><Resources>${resources}</Resources><Assignments>${assignments}</Assignments>`);

  it("refuses a resource UID used twice", async () => {
    const xml = file(resource(1, "Ana") + resource(1, "Rui"), assignment(7, 1, 1));
    const e = validationErrorOf(() => mspdiToPmokit(readMspdi(xml).document, OPTIONS));
    expect(e.issues.map((i) => [i.path, i.message])).toEqual([[["Resource[prj-x-r1]", "UID"], "resource UID 1 is used by more than one resource"]]);
    expect((await streamError(xml)).issues.map((i) => i.path)).toEqual([["Resource[prj-x-r1]", "UID"]]);
  });

  it("refuses an assignment UID used twice", async () => {
    const xml = file(resource(1, "Ana") + resource(2, "Rui"), assignment(7, 1, 1) + assignment(7, 1, 2));
    const e = validationErrorOf(() => mspdiToPmokit(readMspdi(xml).document, OPTIONS));
    expect(e.issues.map((i) => [i.path, i.message])).toEqual([[["Assignment[prj-x-a7]", "UID"], "assignment UID 7 is used by more than one assignment"]]);
    expect((await streamError(xml)).issues.map((i) => i.path)).toEqual([["Assignment[prj-x-a7]", "UID"]]);
    // One of each imports.
    const ok = mspdiToPmokit(readMspdi(file(resource(1, "Ana"), assignment(7, 1, 1))).document, OPTIONS).records;
    expect([ok.resource!.map((r) => r.id), ok.assignment!.map((a) => a.id)]).toEqual([["prj-x-r1"], ["prj-x-a7"]]);
  });
});
