import { describe, expect, it } from "vitest";
import { mspdiToPmokit, pmokitToMspdi, readMspdi, writeMspdi } from "../../src/io/index.js";
import { decodeEntity } from "../../src/index.js";
import { loadSampleOffice } from "../../examples/office.js";
import { IMPORTED_AT } from "./fixtures.js";

const office = loadSampleOffice();
const project = decodeEntity("project", office.project.find((p) => (p as { id: string }).id === "PRJ-CRM"));
const milestone = office.milestone.map((m) => decodeEntity("milestone", m)).find((m) => m.projectId === "PRJ-CRM" && m.description !== undefined)!;
const OPTIONS = { projectId: "PRJ-CRM", projectCode: "PRJ-CRM", projectManagerId: "p-pm", sponsorId: "p-sp", importedBy: "p-pm", importedAt: IMPORTED_AT };

describe("MSPDI: a milestone's notes", () => {
  it("are its description on import, as a work package's notes are", () => {
    // A milestone task with <Notes> (MS Project's Notes field). Before: read for work packages only, so a milestone's
    // notes were dropped without a word; after: the milestone's description.
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<Project xmlns="http://schemas.microsoft.com/project"><Name>p.xml</Name><StartDate>2027-01-04T08:00:00</StartDate><FinishDate>2027-01-29T17:00:00</FinishDate>
<CurrencyCode>EUR</CurrencyCode><Tasks>
<Task><UID>1</UID><ID>1</ID><Name>Build</Name><OutlineNumber>1</OutlineNumber><OutlineLevel>1</OutlineLevel><Start>2027-01-04T08:00:00</Start><Finish>2027-01-29T17:00:00</Finish><Milestone>0</Milestone><Summary>0</Summary><Notes>Build the thing.</Notes></Task>
<Task><UID>2</UID><ID>2</ID><Name>Sign-off</Name><OutlineNumber>2</OutlineNumber><OutlineLevel>1</OutlineLevel><Start>2027-01-29T17:00:00</Start><Finish>2027-01-29T17:00:00</Finish><Milestone>1</Milestone><Summary>0</Summary><Notes>Signed by the design authority.</Notes></Task>
</Tasks></Project>`;
    const { records } = mspdiToPmokit(readMspdi(xml).document, OPTIONS);
    expect(records["work-package"]![0]!.description).toBe("Build the thing.");
    expect(records.milestone![0]!.description).toBe("Signed by the design authority.");
  });

  it("survive pmokit → MSPDI → pmokit (the export writes them as Notes)", () => {
    const m = { ...milestone, workPackageId: undefined, predecessors: undefined } as typeof milestone;
    const xml = writeMspdi(pmokitToMspdi({ project, workPackages: [], milestones: [m] }).document);
    expect(xml).toContain(`<Notes>${m.description}</Notes>`);
    expect(mspdiToPmokit(readMspdi(xml).document, OPTIONS).records.milestone![0]!.description).toBe(m.description);
  });
});
