import { describe, expect, it } from "vitest";
import { readReqif, reqifToPmokit } from "../../src/io/index.js";
import { IMPORTED_AT, fixtureText } from "./fixtures.js";

/*
 * ReqIF.ForeignDeleted: the ReqIF Implementation Guide's standard boolean saying the object was deleted in the tool
 * that exported it (DOORS 9 exports it for every object type, as a "Pseudo-ForeignDeleted" attribute: a soft-deleted
 * object stays in the module until it is purged). The DOORS 9 fixture declares it for the type of its three objects
 * (fixture line 3586, identifier _9d6c520a-…-Pseudo-ForeignDeleted) but sets it on none; the test sets it on the second.
 */
const OPTIONS = { projectId: "prj-x", importedAt: IMPORTED_AT };
const FIXTURE = "reqif/doors9_ibm-rational-doors_example-from-a-user.reqif";
const DEF = "_9d6c520a-4212-4719-8850-0579647cc74b-Pseudo-ForeignDeleted";
const SECOND = "_2_7e1c200d-5c01-4b93-941d-95fadf8feb0c";

function withDeleted(value: "true" | "false"): string {
  const text = fixtureText(FIXTURE);
  const flag = `<ATTRIBUTE-VALUE-BOOLEAN THE-VALUE="${value}"><DEFINITION><ATTRIBUTE-DEFINITION-BOOLEAN-REF>${DEF}</ATTRIBUTE-DEFINITION-BOOLEAN-REF></DEFINITION></ATTRIBUTE-VALUE-BOOLEAN>`;
  const out = text.replace(new RegExp(`(<SPEC-OBJECT IDENTIFIER="${SECOND}"[\\s\\S]*?<VALUES>)`), `$1${flag}`);
  expect(out).not.toBe(text);
  return out;
}

describe("ReqIF.ForeignDeleted (DOORS' deleted-object flag)", () => {
  it("the fixture declares the attribute for its objects' type", () => {
    const { document } = readReqif(fixtureText(FIXTURE));
    expect(document.specTypes.flatMap((t) => t.attributes).find((a) => a.identifier === DEF)?.longName).toBe("ReqIF.ForeignDeleted");
  });

  it("a deleted object imports as obsolete, with a warning naming the attribute", () => {
    // Before: ["proposed", "proposed", "proposed"]: the deleted object came in as a live requirement.
    const r = reqifToPmokit(readReqif(withDeleted("true")).document, OPTIONS);
    expect(r.records.requirement.map((x) => x.status)).toEqual(["proposed", "obsolete", "proposed"]);
    expect(r.report.warnings.filter((w) => w.code === "foreign-deleted")).toEqual([
      { path: `SPEC-OBJECT[${SECOND}]`, message: "ReqIF.ForeignDeleted is true (deleted in the exporting tool, e.g. a DOORS soft-deleted object): imported as obsolete instead of proposed", code: "foreign-deleted" },
    ]);
    // It is read, so no longer listed as unmapped.
    expect(r.report.unmapped.filter((u) => u.element === "ReqIF.ForeignDeleted")).toEqual([]);
  });

  it("ReqIF.ForeignDeleted = false changes nothing", () => {
    const r = reqifToPmokit(readReqif(withDeleted("false")).document, OPTIONS);
    expect(r.records.requirement.map((x) => x.status)).toEqual(["proposed", "proposed", "proposed"]);
    expect(r.report.warnings.filter((w) => w.code === "foreign-deleted")).toEqual([]);
  });
});
