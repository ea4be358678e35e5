import { describe, expect, it } from "vitest";
import { readReqif, reqifToPmokit, requirementsToReqif, writeReqif } from "../../src/io/index.js";
import { decodeEntity } from "../../src/entities/index.js";
import { requirementFingerprint } from "../../src/traceability/index.js";
import { IMPORTED_AT } from "./fixtures.js";

/*
 * pmokit → ReqIF → pmokit of a requirement whose statement and acceptance criteria span several lines. The import
 * reads XHTML as a browser renders it (innerText: only <br> and block elements break lines), so the export must
 * write a line break as one; and a Gherkin criterion (Given / When / Then on three lines) is one criterion.
 */
const OPTIONS = { projectId: "prj-x", importedAt: IMPORTED_AT };
const requirement = (statement: string, acceptanceCriteria: string[]) => decodeEntity("requirement", {
  id: "prj-x:R1", version: 1, createdAt: IMPORTED_AT, updatedAt: IMPORTED_AT, projectId: "prj-x", key: "FR-1", type: "functional",
  title: "Customer export", statement, priority: "must", acceptanceCriteria, verificationMethod: "test", status: "approved",
});
const roundTrip = (r: ReturnType<typeof requirement>) =>
  reqifToPmokit(readReqif(writeReqif(requirementsToReqif([r], [], { title: "T", exportedAt: IMPORTED_AT }))).document, OPTIONS).records.requirement[0]!;

describe("ReqIF export: line breaks survive a re-import", () => {
  it("a statement on several lines comes back on the same lines (and with the same fingerprint)", () => {
    // Before: the statement was written as one text node, which a browser (and the import) renders on one line:
    // "The export lists:\n- active customers\n- their owners" came back as "The export lists: - active customers - their
    // owners", so every trace link's recorded fingerprint of it turned suspect after the round trip.
    const r = requirement("The export lists:\n- active customers\n- their owners & <teams>", []);
    const back = roundTrip(r);
    expect(back.statement).toBe("The export lists:\n- active customers\n- their owners & <teams>");
    expect(requirementFingerprint(back)).toBe(requirementFingerprint(r));
  });

  it("the XHTML written breaks the lines with <br/>, as DOORS and ReqIF Studio show them", () => {
    const xml = writeReqif(requirementsToReqif([requirement("one\ntwo", [])], [], { title: "T", exportedAt: IMPORTED_AT }));
    expect(xml).toMatch(/one<xhtml:br\s*\/>two/);
  });

  it("an acceptance criterion on several lines stays one criterion", () => {
    // Before: the criteria were joined with line breaks and split at every line on import, so one Gherkin criterion
    // became three: ["Given a customer", "When the list is exported", "Then the customer is listed", "File is CSV"].
    const gherkin = "Given a customer\nWhen the list is exported\nThen the customer is listed";
    const back = roundTrip(requirement("The system shall export customers.", [gherkin, "File is CSV"]));
    expect(back.acceptanceCriteria).toEqual([gherkin, "File is CSV"]);
  });

  it("single-line criteria are still written one per line (readable in any ReqIF tool)", () => {
    const xml = writeReqif(requirementsToReqif([requirement("s", ["A", "B"])], [], { title: "T", exportedAt: IMPORTED_AT }));
    expect(xml).toContain('THE-VALUE="A&#10;B"'); // a character reference: a literal line break is a space to an XML reader
    expect(roundTrip(requirement("s", ["A", "B"])).acceptanceCriteria).toEqual(["A", "B"]);
  });
});
