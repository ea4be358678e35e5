import { describe, expect, it } from "vitest";
import { loadSampleOffice } from "../../examples/office.js";
import { decodeEntity } from "../../src/entities/index.js";
import { pmokitToMspdi, requirementsToReqif, writeMspdi, writeReqif } from "../../src/io/index.js";
import { validationErrorOf } from "../support/errors.js";

/*
 * A text XML 1.0 cannot carry (here a vertical tab, U+000B, as pasted from Word) is refused by the writers at its
 * element path. The path named the object by its position ("SPEC-OBJECT", 1; "Task", 1), which a user cannot find in
 * the tool; the readers name it by its IDENTIFIER (`SPEC-OBJECT[id]`) or UID (`Task[UID=n]`). The writers now do too.
 */
const AT = "2026-11-25T12:00:00.000Z";
const office = loadSampleOffice() as unknown as Record<string, Record<string, unknown>[]>;

describe("the XML writers name a refused object as the readers do", () => {
  it("writeReqif: the spec object by its IDENTIFIER", () => {
    const reqs = office["requirement"]!.filter((r) => r["projectId"] === office["requirement"]![0]!["projectId"]);
    const all = reqs.map((r, i) => decodeEntity("requirement", i === 1 ? { ...r, title: "a\u000bb" } : r));
    const document = requirementsToReqif(all, [], { title: "t", exportedAt: AT });
    const id = document.specObjects[1]!.identifier;
    expect(id).not.toBe("");
    const e = validationErrorOf(() => writeReqif(document));
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0]!.path.slice(0, 5)).toEqual(["REQ-IF", "CORE-CONTENT", "REQ-IF-CONTENT", "SPEC-OBJECTS", `SPEC-OBJECT[${id}]`]);
    expect(e.issues[0]!.message).toMatch(/^text holds U\+000B at index 1, which XML 1\.0 cannot carry/);
  });

  it("writeMspdi: the task by its UID", () => {
    const project = office["project"]![0]!;
    const wps = office["work-package"]!.filter((w) => w["projectId"] === project["id"]).map((w, i) => decodeEntity("work-package", i === 0 ? { ...w, name: "a\u000bb" } : w));
    const { document } = pmokitToMspdi({ project: decodeEntity("project", project), workPackages: wps });
    const e = validationErrorOf(() => writeMspdi(document));
    // Task 0 is the project summary task (UID 0); the first work package is the task at index 1.
    const uid = String(document.project.lists["tasks"]![1]!.fields["UID"]);
    expect(uid).not.toBe("undefined");
    expect(e.issues.map((i) => i.path)).toEqual([["Project", "Tasks", `Task[UID=${uid}]`, "Name"]]);
  });
});
