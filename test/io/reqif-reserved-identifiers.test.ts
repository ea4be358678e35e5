import { describe, expect, it } from "vitest";
import { ValidationError } from "../../src/core/index.js";
import { readReqif, reqifToPmokit } from "../../src/io/index.js";
import { IMPORTED_AT } from "./fixtures.js";

/*
 * A spec object, relation or hierarchy node whose IDENTIFIER is `__proto__` or `constructor` is data like any other:
 * every warning and error about it names it (`SPEC-OBJECT[__proto__]`), as it names `SPEC-OBJECT[o7]`. A regression
 * guard (it held before this change too: the import keeps identifiers in Maps, never as plain-object keys). Also
 * checked by hand, not in this suite: the seven .reqif fixtures with an object's, relation's, type's, datatype's,
 * enumeration value's or node's IDENTIFIER renamed to each name import the same, modulo the renaming.
 */
const TYPES = `<DATATYPES><DATATYPE-DEFINITION-STRING IDENTIFIER="ts" MAX-LENGTH="100"/></DATATYPES><SPEC-TYPES><SPEC-OBJECT-TYPE IDENTIFIER="t"><SPEC-ATTRIBUTES>` +
  `<ATTRIBUTE-DEFINITION-STRING IDENTIFIER="rev" LONG-NAME="pmokit.revision"><TYPE><DATATYPE-DEFINITION-STRING-REF>ts</DATATYPE-DEFINITION-STRING-REF></TYPE></ATTRIBUTE-DEFINITION-STRING>` +
  `</SPEC-ATTRIBUTES></SPEC-OBJECT-TYPE></SPEC-TYPES>`;
const object = (id: string, revision = "") => `<SPEC-OBJECT IDENTIFIER="${id}" LONG-NAME="B">` +
  (revision ? `<VALUES><ATTRIBUTE-VALUE-STRING THE-VALUE="${revision}"><DEFINITION><ATTRIBUTE-DEFINITION-STRING-REF>rev</ATTRIBUTE-DEFINITION-STRING-REF></DEFINITION></ATTRIBUTE-VALUE-STRING></VALUES>` : "") +
  `<TYPE><SPEC-OBJECT-TYPE-REF>t</SPEC-OBJECT-TYPE-REF></TYPE></SPEC-OBJECT>`;
const file = (objects: string, rest = "") => `<REQ-IF><CORE-CONTENT><REQ-IF-CONTENT>${TYPES}<SPEC-OBJECTS>${objects}</SPEC-OBJECTS>${rest}</REQ-IF-CONTENT></CORE-CONTENT></REQ-IF>`;
const map = (xml: string) => reqifToPmokit(readReqif(xml).document, { projectId: "prj-x", importedAt: IMPORTED_AT });
const issues = (xml: string) => {
  try {
    map(xml);
  } catch (e) {
    if (e instanceof ValidationError) return e.issues.map((i) => [i.path, i.message]);
    throw e;
  }
  throw new Error("expected a refusal");
};

describe.each(["__proto__", "constructor"])("ReqIF IDENTIFIER %s", (id) => {
  it("an invalid value is refused at the object itself", () => {
    expect(issues(file(object("a") + object(id, "x")))).toEqual([[[`SPEC-OBJECT[${id}]`, "revision"], "Invalid input: expected number, received string"]]);
  });

  it("two objects with it are refused at that IDENTIFIER", () => {
    expect(issues(file(object(id) + object(id)))).toEqual([[[`SPEC-OBJECT[${id}]`], `IDENTIFIER ${id} is used by 2 spec objects`]]);
  });

  it("a relation and a hierarchy node with it are reported at themselves; the object imports under its own id", () => {
    const rest = `<SPEC-RELATIONS><SPEC-RELATION IDENTIFIER="${id}"><SOURCE><SPEC-OBJECT-REF>a</SPEC-OBJECT-REF></SOURCE><TARGET><SPEC-OBJECT-REF>zz</SPEC-OBJECT-REF></TARGET></SPEC-RELATION></SPEC-RELATIONS>` +
      `<SPECIFICATIONS><SPECIFICATION IDENTIFIER="s"><CHILDREN><SPEC-HIERARCHY IDENTIFIER="${id}"><OBJECT><SPEC-OBJECT-REF>gone</SPEC-OBJECT-REF></OBJECT></SPEC-HIERARCHY>` +
      `<SPEC-HIERARCHY IDENTIFIER="h2"><OBJECT><SPEC-OBJECT-REF>${id}</SPEC-OBJECT-REF></OBJECT></SPEC-HIERARCHY></CHILDREN></SPECIFICATION></SPECIFICATIONS>`;
    const { records, outline, report } = map(file(object("a") + object(id), rest));
    expect(records.requirement.map((r) => r.id)).toEqual(["prj-x:a", `prj-x:${id}`]);
    expect(outline[0]!.nodes.map((n) => n.requirementId)).toEqual([`prj-x:${id}`]);
    expect(report.warnings.filter((w) => w.code === "dangling-reference").map((w) => w.path)).toEqual([`SPEC-RELATION[${id}]`, `SPECIFICATION[s]/SPEC-HIERARCHY[${id}]`]);
  });
});
