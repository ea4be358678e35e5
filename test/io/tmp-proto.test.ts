import { it } from "vitest";
import { readReqif, reqifToPmokit } from "../../src/io/index.js";
const run = (label: string, xml: string) => {
  try {
    const r = reqifToPmokit(readReqif(xml).document, { projectId: "prj-x", importedAt: "2026-11-25T12:00:00.000Z" });
    console.log(label, "OK", JSON.stringify(r.records.requirement.map((x) => x.id)), JSON.stringify(r.report.warnings.map((w) => [w.path, w.message])));
  } catch (e) { console.log(label, "ERR", JSON.stringify((e as any).issues)); }
};
it("x", () => {
  for (const id of ["__proto__", "constructor"]) {
    const types = `<DATATYPES><DATATYPE-DEFINITION-STRING IDENTIFIER="ts" MAX-LENGTH="100"/></DATATYPES><SPEC-TYPES><SPEC-OBJECT-TYPE IDENTIFIER="t"><SPEC-ATTRIBUTES><ATTRIBUTE-DEFINITION-STRING IDENTIFIER="rev" LONG-NAME="pmokit.revision"><TYPE><DATATYPE-DEFINITION-STRING-REF>ts</DATATYPE-DEFINITION-STRING-REF></TYPE></ATTRIBUTE-DEFINITION-STRING></SPEC-ATTRIBUTES></SPEC-OBJECT-TYPE></SPEC-TYPES>`;
    const obj = (i: string, rev = "") => `<SPEC-OBJECT IDENTIFIER="${i}" LONG-NAME="B">${rev ? `<VALUES><ATTRIBUTE-VALUE-STRING THE-VALUE="${rev}"><DEFINITION><ATTRIBUTE-DEFINITION-STRING-REF>rev</ATTRIBUTE-DEFINITION-STRING-REF></DEFINITION></ATTRIBUTE-VALUE-STRING></VALUES>` : ""}<TYPE><SPEC-OBJECT-TYPE-REF>t</SPEC-OBJECT-TYPE-REF></TYPE></SPEC-OBJECT>`;
    const doc = (objs: string, rest = "") => `<REQ-IF><CORE-CONTENT><REQ-IF-CONTENT>${types}<SPEC-OBJECTS>${objs}</SPEC-OBJECTS>${rest}</REQ-IF-CONTENT></CORE-CONTENT></REQ-IF>`;
    run(id + " invalid", doc(obj("a") + obj(id, "x")));
    run(id + " dup", doc(obj(id) + obj(id)));
    run(id + " rel", doc(obj("a") + obj(id), `<SPEC-RELATIONS><SPEC-RELATION IDENTIFIER="${id}"><SOURCE><SPEC-OBJECT-REF>a</SPEC-OBJECT-REF></SOURCE><TARGET><SPEC-OBJECT-REF>zz</SPEC-OBJECT-REF></TARGET><TYPE><SPEC-RELATION-TYPE-REF>rt</SPEC-RELATION-TYPE-REF></TYPE></SPEC-RELATION></SPEC-RELATIONS>`));
    run(id + " hier", doc(obj("a"), `<SPECIFICATIONS><SPECIFICATION IDENTIFIER="${id}"><CHILDREN><SPEC-HIERARCHY IDENTIFIER="${id}"><OBJECT><SPEC-OBJECT-REF>${id}</SPEC-OBJECT-REF></OBJECT></SPEC-HIERARCHY></CHILDREN></SPECIFICATION></SPECIFICATIONS>`));
  }
});
