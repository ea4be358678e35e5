import { describe, expect, it } from "vitest";
import { isoDate } from "../../src/core/index.js";
import { mspdiToPmokit, pmokitToMspdi, readMspdi, writeMspdi } from "../../src/io/index.js";
import { decimal, decodeEntity } from "../../src/index.js";
import { loadSampleOffice } from "../../examples/office.js";
import { IMPORTED_AT } from "./fixtures.js";

const office = loadSampleOffice();
const project = decodeEntity("project", office.project.find((p) => (p as { id: string }).id === "PRJ-CRM"));
const base = office["work-package"].map((w) => decodeEntity("work-package", w)).find((e) => e.projectId === "PRJ-CRM")!;
const pkg = (id: string, code: string, parentId?: string, percent?: string) => ({
  ...base, id, code, name: `Package ${code}`, parentId, predecessors: undefined,
  progress: percent === undefined ? [] : [{ date: isoDate("2026-11-20"), percentComplete: decimal(percent), started: true, finished: false }],
}) as typeof base;
const firstMilestone = office.milestone.map((w) => decodeEntity("milestone", w)).find((e) => e.projectId === "PRJ-CRM")!;
const OPTIONS = { projectId: "PRJ-CRM", projectCode: "PRJ-CRM", projectManagerId: "p-pm", sponsorId: "p-sp", importedBy: "p-pm", importedAt: IMPORTED_AT };

/** A tiny independent reader: `[OutlineNumber, Milestone]` of every task, by regex over the written XML. */
const outlines = (xml: string) => [...xml.matchAll(/<Task>.*?<OutlineNumber>([^<]*)<\/OutlineNumber>.*?<Milestone>(\d)<\/Milestone>.*?<\/Task>/gs)].map((m) => [m[1], m[2]]);

describe("MSPDI export: outline numbers and percent complete", () => {
  it("a milestone never takes the outline number of a package (WBS with a gap: 1, 3, 3.1)", () => {
    // Packages 1 and 3 (2 was cancelled) and 3.1 under 3; one top-level milestone. Before: the milestone was numbered
    // 2 + 1 = 3, the same outline number as package 3, so a re-import hung 3.1 under the milestone (parentId
    // PRJ-CRM-m4). Expected: the milestone takes the first free number, 2; 3.1 stays under package 3.
    const milestone = { ...firstMilestone, workPackageId: undefined, predecessors: undefined } as typeof firstMilestone;
    const { document } = pmokitToMspdi({ project, workPackages: [pkg("PRJ-CRM-a", "1"), pkg("PRJ-CRM-b", "3"), pkg("PRJ-CRM-c", "3.1", "PRJ-CRM-b")], milestones: [milestone] });
    const xml = writeMspdi(document);
    const numbers = outlines(xml).map((o) => o[0]);
    expect(new Set(numbers).size).toBe(numbers.length);
    // In outline order (MS Project nests by order, see below): 1, the milestone 2, 3, 3.1.
    expect(outlines(xml)).toEqual([["0", "0"], ["1", "0"], ["2", "1"], ["3", "0"], ["3.1", "0"]]);
    const back = mspdiToPmokit(readMspdi(xml).document, OPTIONS).records;
    const byCode = new Map(back["work-package"]!.map((w) => [w.code, w]));
    expect(byCode.get("3.1")!.parentId).toBe(byCode.get("3")!.id);
  });

  it("a percent complete strictly between 0 and 100 is written between 1 and 99 (never completes or un-starts a task)", () => {
    // MS Project's PercentComplete is a whole number, and 100 means finished. Before: 99.5 % (half-even) was
    // written 100, and a re-import marked the package finished; 0.4 % was written 0 and the progress was lost.
    // Expected: 99.5 → 99, 0.4 → 1, 42.5 → 42 (half-even, as before), 100 → 100.
    const wps = [pkg("PRJ-CRM-a", "1", undefined, "99.5"), pkg("PRJ-CRM-b", "2", undefined, "0.4"), pkg("PRJ-CRM-c", "3", undefined, "42.5"), pkg("PRJ-CRM-d", "4", undefined, "100")];
    const xml = writeMspdi(pmokitToMspdi({ project, workPackages: wps }).document);
    expect([...xml.matchAll(/<PercentComplete>(\d+)<\/PercentComplete>/g)].map((m) => m[1])).toEqual(["99", "1", "42", "100"]);
    const back = mspdiToPmokit(readMspdi(xml).document, OPTIONS).records["work-package"]!;
    expect(back.map((w) => [w.code, w.progress.at(-1)?.percentComplete?.toFixed(), w.progress.at(-1)?.finished])).toEqual([
      ["1", "99", false], ["2", "1", false], ["3", "42", false], ["4", "100", true],
    ]);
  });
});

describe("MSPDI export: task order", () => {
  it("a milestone follows its parent package in the file, so MS Project (order + OutlineLevel) nests it there too", () => {
    // MS Project ignores OutlineNumber on import: a task is a child of the nearest task above it with a lower
    // OutlineLevel. Packages 1, 1.1, 2 and a milestone under package 1 (outline 1.2). Before: milestones were written
    // after every package (…, 2, 1.2), so MS Project hung the milestone under package 2.
    const milestone = { ...firstMilestone, workPackageId: "PRJ-CRM-a", predecessors: undefined } as typeof firstMilestone;
    const wps = [pkg("PRJ-CRM-a", "1"), pkg("PRJ-CRM-b", "1.1", "PRJ-CRM-a"), pkg("PRJ-CRM-c", "2")];
    const xml = writeMspdi(pmokitToMspdi({ project, workPackages: wps, milestones: [milestone] }).document);
    // The oracle: MS Project's rule applied to the written order and levels, by regex.
    const rows = [...xml.matchAll(/<Task>.*?<ID>(\d+)<\/ID>\s*<Name>([^<]*)<\/Name>.*?<OutlineLevel>(\d+)<\/OutlineLevel>.*?<\/Task>/gs)].map((m) => ({ id: Number(m[1]), name: m[2]!, level: Number(m[3]) }));
    const parentName = rows.map((r, i) => rows.slice(0, i).reverse().find((above) => above.level < r.level)?.name);
    const named = Object.fromEntries(rows.map((r, i) => [r.name, parentName[i]]));
    expect(named[milestone.name]).toBe("Package 1");
    expect(named["Package 1.1"]).toBe("Package 1");
    expect(named["Package 2"]).toBe(project.name);
    expect(rows.map((r) => r.id)).toEqual([0, 1, 2, 3, 4]);
    // pmokit reads the same hierarchy back.
    const back = mspdiToPmokit(readMspdi(xml).document, OPTIONS).records;
    expect(back.milestone![0]!.workPackageId).toBe(back["work-package"]!.find((w) => w.code === "1")!.id);
  });
});
