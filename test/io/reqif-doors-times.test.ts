import { describe, expect, it } from "vitest";
import { readReqif, reqifToPmokit } from "../../src/io/index.js";
import { analyzeTraceability } from "../../src/traceability/index.js";
import { IMPORTED_AT, fixtureText } from "./fixtures.js";

/*
 * DOORS writes the true authoring times of an object as the Implementation Guide's standard attributes
 * `ReqIF.ForeignCreatedOn` and `ReqIF.ForeignModifiedOn`; its `LAST-CHANGE` is the export time (every object of the
 * DOORS 9 sample has LAST-CHANGE 2018-10-12T16:43:58, the export, and was written on 2011-07-01). Before, both
 * attributes were reported unmapped and every record was stamped with LAST-CHANGE: an export made the whole module
 * look changed on export day, so every test run before it read as STALE.
 */
const OPTIONS = { projectId: "prj-x", importedAt: IMPORTED_AT };

/** A minimal document following the DOORS conventions: DATE attributes ReqIF.ForeignCreatedOn / ForeignModifiedOn. */
function doorsDocument(objects: { id: string; createdOn?: string; modifiedOn?: string; lastChange: string }[], relation?: { createdOn: string; modifiedOn: string; lastChange: string }): string {
  const date = (def: string, value: string | undefined) =>
    value === undefined ? "" : `<ATTRIBUTE-VALUE-DATE THE-VALUE="${value}"><DEFINITION><ATTRIBUTE-DEFINITION-DATE-REF>${def}</ATTRIBUTE-DEFINITION-DATE-REF></DEFINITION></ATTRIBUTE-VALUE-DATE>`;
  const obj = (o: (typeof objects)[number]) => `
        <SPEC-OBJECT IDENTIFIER="${o.id}" LAST-CHANGE="${o.lastChange}">
          <TYPE><SPEC-OBJECT-TYPE-REF>T-OBJ</SPEC-OBJECT-TYPE-REF></TYPE>
          <VALUES>
            <ATTRIBUTE-VALUE-XHTML><DEFINITION><ATTRIBUTE-DEFINITION-XHTML-REF>T-OBJ_TEXT</ATTRIBUTE-DEFINITION-XHTML-REF></DEFINITION><THE-VALUE><reqif-xhtml:div>Text of ${o.id}</reqif-xhtml:div></THE-VALUE></ATTRIBUTE-VALUE-XHTML>
            <ATTRIBUTE-VALUE-STRING THE-VALUE="${o.id.replace("OBJ-", "FR-")}"><DEFINITION><ATTRIBUTE-DEFINITION-STRING-REF>T-OBJ_ID</ATTRIBUTE-DEFINITION-STRING-REF></DEFINITION></ATTRIBUTE-VALUE-STRING>
            ${date("T-OBJ_CREATEDON", o.createdOn)}${date("T-OBJ_LASTMODIFIEDON", o.modifiedOn)}
          </VALUES>
        </SPEC-OBJECT>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<REQ-IF xmlns="http://www.omg.org/spec/ReqIF/20110401/reqif.xsd" xmlns:reqif-xhtml="http://www.w3.org/1999/xhtml">
  <THE-HEADER><REQ-IF-HEADER IDENTIFIER="H"><CREATION-TIME>2026-01-15T12:00:00Z</CREATION-TIME><REQ-IF-TOOL-ID>IBM Rational DOORS</REQ-IF-TOOL-ID><REQ-IF-VERSION>1.0</REQ-IF-VERSION><SOURCE-TOOL-ID>IBM Rational DOORS</SOURCE-TOOL-ID><TITLE>Module</TITLE></REQ-IF-HEADER></THE-HEADER>
  <CORE-CONTENT><REQ-IF-CONTENT>
    <DATATYPES>
      <DATATYPE-DEFINITION-XHTML IDENTIFIER="DT-XHTML" LAST-CHANGE="2026-01-15T12:00:00Z"/>
      <DATATYPE-DEFINITION-STRING IDENTIFIER="DT-STRING" LAST-CHANGE="2026-01-15T12:00:00Z" MAX-LENGTH="255"/>
      <DATATYPE-DEFINITION-DATE IDENTIFIER="DT-DATE" LAST-CHANGE="2026-01-15T12:00:00Z"/>
    </DATATYPES>
    <SPEC-TYPES>
      <SPEC-OBJECT-TYPE IDENTIFIER="T-OBJ" LAST-CHANGE="2026-01-15T12:00:00Z"><SPEC-ATTRIBUTES>
        <ATTRIBUTE-DEFINITION-XHTML IDENTIFIER="T-OBJ_TEXT" LAST-CHANGE="2026-01-15T12:00:00Z" LONG-NAME="ReqIF.Text"><TYPE><DATATYPE-DEFINITION-XHTML-REF>DT-XHTML</DATATYPE-DEFINITION-XHTML-REF></TYPE></ATTRIBUTE-DEFINITION-XHTML>
        <ATTRIBUTE-DEFINITION-STRING IDENTIFIER="T-OBJ_ID" LAST-CHANGE="2026-01-15T12:00:00Z" LONG-NAME="ReqIF.ForeignID"><TYPE><DATATYPE-DEFINITION-STRING-REF>DT-STRING</DATATYPE-DEFINITION-STRING-REF></TYPE></ATTRIBUTE-DEFINITION-STRING>
        <ATTRIBUTE-DEFINITION-DATE IDENTIFIER="T-OBJ_CREATEDON" LAST-CHANGE="2026-01-15T12:00:00Z" LONG-NAME="ReqIF.ForeignCreatedOn"><TYPE><DATATYPE-DEFINITION-DATE-REF>DT-DATE</DATATYPE-DEFINITION-DATE-REF></TYPE></ATTRIBUTE-DEFINITION-DATE>
        <ATTRIBUTE-DEFINITION-DATE IDENTIFIER="T-OBJ_LASTMODIFIEDON" LAST-CHANGE="2026-01-15T12:00:00Z" LONG-NAME="ReqIF.ForeignModifiedOn"><TYPE><DATATYPE-DEFINITION-DATE-REF>DT-DATE</DATATYPE-DEFINITION-DATE-REF></TYPE></ATTRIBUTE-DEFINITION-DATE>
      </SPEC-ATTRIBUTES></SPEC-OBJECT-TYPE>
      <SPEC-RELATION-TYPE IDENTIFIER="T-REL" LAST-CHANGE="2026-01-15T12:00:00Z" LONG-NAME="refines"><SPEC-ATTRIBUTES>
        <ATTRIBUTE-DEFINITION-DATE IDENTIFIER="T-REL_CREATEDON" LAST-CHANGE="2026-01-15T12:00:00Z" LONG-NAME="ReqIF.ForeignCreatedOn"><TYPE><DATATYPE-DEFINITION-DATE-REF>DT-DATE</DATATYPE-DEFINITION-DATE-REF></TYPE></ATTRIBUTE-DEFINITION-DATE>
        <ATTRIBUTE-DEFINITION-DATE IDENTIFIER="T-REL_LASTMODIFIEDON" LAST-CHANGE="2026-01-15T12:00:00Z" LONG-NAME="ReqIF.ForeignModifiedOn"><TYPE><DATATYPE-DEFINITION-DATE-REF>DT-DATE</DATATYPE-DEFINITION-DATE-REF></TYPE></ATTRIBUTE-DEFINITION-DATE>
      </SPEC-ATTRIBUTES></SPEC-RELATION-TYPE>
    </SPEC-TYPES>
    <SPEC-OBJECTS>${objects.map(obj).join("")}
    </SPEC-OBJECTS>
    <SPEC-RELATIONS>${relation === undefined ? "" : `
      <SPEC-RELATION IDENTIFIER="REL-1" LAST-CHANGE="${relation.lastChange}">
        <TYPE><SPEC-RELATION-TYPE-REF>T-REL</SPEC-RELATION-TYPE-REF></TYPE>
        <VALUES>${date("T-REL_CREATEDON", relation.createdOn)}${date("T-REL_LASTMODIFIEDON", relation.modifiedOn)}</VALUES>
        <SOURCE><SPEC-OBJECT-REF>OBJ-2</SPEC-OBJECT-REF></SOURCE>
        <TARGET><SPEC-OBJECT-REF>OBJ-1</SPEC-OBJECT-REF></TARGET>
      </SPEC-RELATION>`}
    </SPEC-RELATIONS>
  </REQ-IF-CONTENT></CORE-CONTENT>
</REQ-IF>`;
}

describe("DOORS ReqIF.ForeignCreatedOn / ReqIF.ForeignModifiedOn become createdAt / updatedAt", () => {
  it("DOORS 9 sample: the 2011-07-01 authoring times, not the 2018-10-12 export (LAST-CHANGE)", () => {
    const doc = readReqif(fixtureText("reqif/doors9_ibm-rational-doors_example-from-a-user.reqif")).document;
    const r = reqifToPmokit(doc, { ...OPTIONS, localTimeOffset: "+02:00" });
    // ForeignCreatedOn = ForeignModifiedOn = 2011-07-01T00:00:00 (no zone) at +02:00 = 2011-06-30T22:00:00 UTC.
    // Before: 2018-10-12T14:43:58.000Z (LAST-CHANGE 16:43:58 at +02:00) for both, on all three objects.
    expect(r.records.requirement.map((x) => [x.createdAt, x.updatedAt])).toEqual([
      ["2011-06-30T22:00:00.000Z", "2011-06-30T22:00:00.000Z"],
      ["2011-06-30T22:00:00.000Z", "2011-06-30T22:00:00.000Z"],
      ["2011-06-30T22:00:00.000Z", "2011-06-30T22:00:00.000Z"],
    ]);
    // They are mapped now: no longer listed as attributes without a pmokit field.
    expect(r.report.unmapped.filter((u) => /Foreign(Created|Modified)On/.test(u.element))).toEqual([]);
    // Without an offset the zone-less stamps are still not guessed: import time, as for LAST-CHANGE.
    expect(reqifToPmokit(doc, OPTIONS).records.requirement.map((x) => x.updatedAt)).toEqual([IMPORTED_AT, IMPORTED_AT, IMPORTED_AT]);
  });

  it("a minimal DOORS document: created and modified times from the attributes, converted to UTC; the relation too", () => {
    const text = doorsDocument(
      [
        { id: "OBJ-1", createdOn: "2024-03-01T09:00:00+01:00", modifiedOn: "2025-06-02T10:30:00+02:00", lastChange: "2026-01-15T12:00:00Z" },
        // Only created: modified falls back to LAST-CHANGE.
        { id: "OBJ-2", createdOn: "2024-03-05T09:00:00Z", lastChange: "2026-01-15T12:00:00Z" },
        // Neither: LAST-CHANGE for both, as before.
        { id: "OBJ-3", lastChange: "2026-01-15T12:00:00Z" },
      ],
      { createdOn: "2024-04-01T08:00:00Z", modifiedOn: "2025-02-01T08:00:00Z", lastChange: "2026-01-15T12:00:00Z" },
    );
    const r = reqifToPmokit(readReqif(text).document, OPTIONS);
    expect(r.records.requirement.map((x) => [x.key, x.createdAt, x.updatedAt])).toEqual([
      ["FR-1", "2024-03-01T08:00:00.000Z", "2025-06-02T08:30:00.000Z"],
      ["FR-2", "2024-03-05T09:00:00.000Z", "2026-01-15T12:00:00.000Z"],
      ["FR-3", "2026-01-15T12:00:00.000Z", "2026-01-15T12:00:00.000Z"],
    ]);
    expect(r.records["trace-link"].map((x) => [x.createdAt, x.updatedAt])).toEqual([["2024-04-01T08:00:00.000Z", "2025-02-01T08:00:00.000Z"]]);
    expect(r.report.unmapped).toEqual([]);
    expect(r.report.warnings).toEqual([]);
  });

  it("traceability: a run after the last modification but before the export is fresh evidence (was STALE)", () => {
    const text = doorsDocument([{ id: "OBJ-1", createdOn: "2024-03-01T09:00:00Z", modifiedOn: "2025-06-02T08:30:00Z", lastChange: "2026-01-15T12:00:00Z" }]);
    const r = reqifToPmokit(readReqif(text).document, OPTIONS);
    const evidence = analyzeTraceability({
      requirements: r.records.requirement,
      testCases: [{ id: "TC-1", key: "TC-1", title: "T", updatedAt: "2025-06-02T08:30:00.000Z" }],
      testRuns: [{ id: "run-1", testCaseId: "TC-1", result: "passed", executedAt: "2025-12-01T10:00:00.000Z", environment: "sit", defectIds: [] }],
      links: [{ id: "tl-t", from: { kind: "test-case", id: "TC-1" }, to: { kind: "requirement", id: "prj-x:OBJ-1" }, linkType: "verifies", createdAt: "2025-06-02T08:30:00.000Z" }],
    }).evidence.find((e) => e.id === "prj-x:OBJ-1");
    // Run 2025-12-01 after the change 2025-06-02: OK. Before: updatedAt was LAST-CHANGE 2026-01-15 → STALE.
    expect(evidence?.own).toBe("OK");
  });

  it("an unusable attribute value (Polarion's anonymised 'aaa') falls back to LAST-CHANGE and is counted in one warning", () => {
    const r = reqifToPmokit(readReqif(fixtureText("reqif/polarion_reqif-roundtrip_anonymized-srs.reqif")).document, OPTIONS);
    // The first object: LAST-CHANGE 2022-02-01T08:22:23.611-08:00 = 16:22:23.611 UTC.
    expect([r.records.requirement[0]!.createdAt, r.records.requirement[0]!.updatedAt]).toEqual(["2022-02-01T16:22:23.611Z", "2022-02-01T16:22:23.611Z"]);
    const w = r.report.warnings.filter((x) => x.code === "foreign-time");
    expect(w.length).toBe(1);
    expect(w[0]!.message).toMatch(/^\d+ spec objects and 0 spec relations have a ReqIF\.ForeignCreatedOn or ReqIF\.ForeignModifiedOn that is not a usable date-time/);
  });

  it("a modification stamped before the creation is not used: updatedAt is never before createdAt", () => {
    const text = doorsDocument([{ id: "OBJ-1", createdOn: "2025-03-01T09:00:00Z", modifiedOn: "2024-03-01T09:00:00Z", lastChange: "2026-01-15T12:00:00Z" }]);
    const r = reqifToPmokit(readReqif(text).document, OPTIONS);
    expect([r.records.requirement[0]!.createdAt, r.records.requirement[0]!.updatedAt]).toEqual(["2025-03-01T09:00:00.000Z", "2025-03-01T09:00:00.000Z"]);
  });

  it("only ForeignCreatedOn usable, LAST-CHANGE without a zone: updatedAt is the import time and the warning counts it", () => {
    // OBJ-1: created 2024-03-01T09:00:00Z; LAST-CHANGE 2026-01-15T12:00:00 has no zone and no localTimeOffset is given;
    // no ForeignModifiedOn. createdAt = 2024-03-01T09:00:00.000Z, updatedAt = the import time (an upper bound).
    // Before: the import-time warning counted only objects with no usable time at all, so this stamp went unreported.
    const text = doorsDocument([{ id: "OBJ-1", createdOn: "2024-03-01T09:00:00Z", lastChange: "2026-01-15T12:00:00" }]);
    const r = reqifToPmokit(readReqif(text).document, OPTIONS);
    expect([r.records.requirement[0]!.createdAt, r.records.requirement[0]!.updatedAt]).toEqual(["2024-03-01T09:00:00.000Z", IMPORTED_AT]);
    expect(r.report.warnings.filter((w) => w.code === "import-time").map((w) => w.message)).toEqual([
      "1 spec objects and 0 spec relations have no usable LAST-CHANGE (absent, not a date-time, or without a time zone and no localTimeOffset): stamped with the import time",
    ]);
  });
});
