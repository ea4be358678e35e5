import { describe, expect, it } from "vitest";
import { readReqif, reqifToPmokit } from "../../src/io/index.js";
import { IMPORTED_AT } from "./fixtures.js";

/*
 * A SPEC-OBJECT or SPEC-RELATION without an IDENTIFIER (the ReqIF schema requires one; hand-edited and some generated
 * files leave it empty). Before: the requirement's id was "prj-x:" (the project id and a colon, which the id schema
 * accepts), and two such objects were refused as "IDENTIFIER  is used by 2 spec objects".
 */
const OPTIONS = { projectId: "prj-x", importedAt: IMPORTED_AT };
const obj = (id: string | undefined, text: string) =>
  `<SPEC-OBJECT${id === undefined ? "" : ` IDENTIFIER="${id}"`} LAST-CHANGE="2020-01-01T00:00:00Z"><TYPE><SPEC-OBJECT-TYPE-REF>st</SPEC-OBJECT-TYPE-REF></TYPE>` +
  `<VALUES><ATTRIBUTE-VALUE-STRING THE-VALUE="${text}"><DEFINITION><ATTRIBUTE-DEFINITION-STRING-REF>ad-text</ATTRIBUTE-DEFINITION-STRING-REF></DEFINITION></ATTRIBUTE-VALUE-STRING></VALUES></SPEC-OBJECT>`;
const file = (objects: string) =>
  `<REQ-IF xmlns="http://www.omg.org/spec/ReqIF/20110401/reqif.xsd"><THE-HEADER><REQ-IF-HEADER IDENTIFIER="h"><TITLE>t</TITLE></REQ-IF-HEADER></THE-HEADER><CORE-CONTENT><REQ-IF-CONTENT>` +
  `<DATATYPES><DATATYPE-DEFINITION-STRING IDENTIFIER="dt-s" LAST-CHANGE="2020-01-01T00:00:00Z" MAX-LENGTH="1000"/></DATATYPES>` +
  `<SPEC-TYPES><SPEC-OBJECT-TYPE IDENTIFIER="st" LAST-CHANGE="2020-01-01T00:00:00Z" LONG-NAME="Req"><SPEC-ATTRIBUTES><ATTRIBUTE-DEFINITION-STRING IDENTIFIER="ad-text" LAST-CHANGE="2020-01-01T00:00:00Z" LONG-NAME="ReqIF.Text"><TYPE><DATATYPE-DEFINITION-STRING-REF>dt-s</DATATYPE-DEFINITION-STRING-REF></TYPE></ATTRIBUTE-DEFINITION-STRING></SPEC-ATTRIBUTES></SPEC-OBJECT-TYPE></SPEC-TYPES>` +
  `<SPEC-OBJECTS>${objects}</SPEC-OBJECTS></REQ-IF-CONTENT></CORE-CONTENT></REQ-IF>`;

describe("ReqIF spec objects without an IDENTIFIER", () => {
  it("are imported under a generated id, each reported, never as '<projectId>:'", () => {
    const { records, report } = reqifToPmokit(readReqif(file(obj("", "Brakes") + obj("R1", "Lights") + obj(undefined, "Horn"))).document, OPTIONS);
    // Positions 1 and 3 get the fallback ids obj-1 and obj-3; R1 keeps its own.
    expect(records.requirement.map((q) => [q.id, q.statement])).toEqual([["prj-x:obj-1", "Brakes"], ["prj-x:R1", "Lights"], ["prj-x:obj-3", "Horn"]]);
    expect(report.warnings.filter((w) => w.code === "renamed-identifier").map((w) => [w.path, w.message])).toEqual([
      ["SPEC-OBJECT[1]", "the spec object has no IDENTIFIER; imported as prj-x:obj-1"],
      ["SPEC-OBJECT[3]", "the spec object has no IDENTIFIER; imported as prj-x:obj-3"],
    ]);
  });
});
