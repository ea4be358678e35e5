import { describe, expect, it } from "vitest";
import { pmokitToMspdi } from "../../src/io/index.js";
import { decodeEntity } from "../../src/index.js";
import { loadSampleOffice } from "../../examples/office.js";

const office = loadSampleOffice();
const project = decodeEntity("project", office.project.find((p) => (p as { id: string }).id === "PRJ-CRM"));
const packages = office["work-package"].map((w) => decodeEntity("work-package", w)).filter((w) => w.projectId === "PRJ-CRM");
const milestones = office.milestone.map((m) => decodeEntity("milestone", m)).filter((m) => m.projectId === "PRJ-CRM");

describe("MSPDI export report: what the file cannot carry is listed", () => {
  it("names each package's owner, three-point duration estimate and estimate to complete, and each key milestone's flag", () => {
    // The CRM sample: 2.3 has a PERT estimate (166.3 / 175 / 227.5 days) and an owner; MSPDI has no task owner, no
    // three-point estimate and no estimate-to-complete field, and no "key milestone" flag. Before: the report listed
    // earning rules and budget slices only, so these were lost on the way to MS Project without a word.
    const { report } = pmokitToMspdi({ project, workPackages: packages, milestones });
    const listed = (element: string) => report.unmapped.filter((u) => u.element === element).map((u) => u.path);
    expect(listed("durationEstimate")).toContain("WorkPackage[2.3]");
    expect(listed("ownerId")).toContain("WorkPackage[2.3]");
    expect(listed("durationEstimate")).toHaveLength(packages.filter((w) => w.durationEstimate !== undefined).length);
    expect(listed("ownerId")).toHaveLength(packages.filter((w) => w.ownerId !== undefined).length);
    expect(listed("estimateToComplete")).toHaveLength(packages.filter((w) => w.estimateToComplete !== undefined).length);
    const keys = milestones.filter((m) => m.key);
    expect(keys.length).toBeGreaterThan(0);
    expect(listed("key")).toEqual(keys.map((m) => `Milestone[${m.id}]`));
  });
});
