import { describe, expect, it } from "vitest";
import { decodeEntity } from "../../src/entities/index.js";
import { readReqif, reqifToPmokit, requirementsToReqif, writeReqif } from "../../src/io/index.js";
import { IMPORTED_AT } from "./fixtures.js";

/*
 * The export kept only one time per record: LAST-CHANGE (= updatedAt). The import reads `ReqIF.ForeignCreatedOn` as
 * createdAt (DOORS' convention, the Implementation Guide's standard attribute), but the export never wrote it, so a
 * pmokit → ReqIF → pmokit round trip set createdAt to updatedAt: FR-1 created 2026-03-02T09:00:00.000Z and last
 * changed 2026-10-01T08:00:00.000Z came back "created" 2026-10-01T08:00:00.000Z. Now the export writes
 * ReqIF.ForeignCreatedOn (a DATE attribute) on every spec object and spec relation; LAST-CHANGE still carries
 * updatedAt.
 */
const OPTIONS = { projectId: "prj-x", importedAt: IMPORTED_AT };
const CREATED = "2026-03-02T09:00:00.000Z";
const CHANGED = "2026-10-01T08:00:00.000Z";
const LINKED = "2026-03-05T10:30:00.000Z";
const RELINKED = "2026-10-02T11:00:00.000Z";

function records() {
  const stamp = { version: 1, projectId: "prj-x", priority: "must", acceptanceCriteria: [], verificationMethod: "test", status: "approved" } as const;
  const br1 = decodeEntity("requirement", { ...stamp, createdAt: CREATED, updatedAt: CREATED, id: "prj-x:BR-1", key: "BR-1", type: "business", title: "Quoting", statement: "Sales quote online." });
  const fr1 = decodeEntity("requirement", { ...stamp, createdAt: CREATED, updatedAt: CHANGED, id: "prj-x:FR-1", key: "FR-1", type: "functional", title: "Quote", statement: "Sales can send a quote." });
  const tl1 = decodeEntity("trace-link", { version: 1, createdAt: LINKED, updatedAt: RELINKED, id: "prj-x:tl-1", from: { kind: "requirement", id: "prj-x:FR-1" }, to: { kind: "requirement", id: "prj-x:BR-1" }, linkType: "refines" });
  return { br1, fr1, tl1 };
}

describe("ReqIF export keeps createdAt (ReqIF.ForeignCreatedOn)", () => {
  it("import → export → import keeps both times of every requirement and trace link", () => {
    const { br1, fr1, tl1 } = records();
    const text = writeReqif(requirementsToReqif([br1, fr1], [tl1], { title: "export", exportedAt: IMPORTED_AT }));
    const first = reqifToPmokit(readReqif(text).document, OPTIONS);
    expect(first.records.requirement.map((r) => [r.key, r.createdAt, r.updatedAt])).toEqual([["BR-1", CREATED, CREATED], ["FR-1", CREATED, CHANGED]]);
    expect(first.records["trace-link"].map((l) => [l.createdAt, l.updatedAt])).toEqual([[LINKED, RELINKED]]);
    expect(first.records.requirement).toEqual([br1, fr1]);
    expect(first.records["trace-link"]).toEqual([tl1]);
    expect(first.report.unmapped).toEqual([]);
    // And once more: the second export of the first import is the same file.
    const again = writeReqif(requirementsToReqif(first.records.requirement, first.records["trace-link"], { title: "export", exportedAt: IMPORTED_AT }));
    expect(again).toBe(text);
  });

  it("writes ReqIF.ForeignCreatedOn as a DATE attribute, and no ReqIF.ForeignModifiedOn (LAST-CHANGE is updatedAt)", () => {
    const { br1, fr1, tl1 } = records();
    const doc = requirementsToReqif([br1, fr1], [tl1], { title: "export", exportedAt: IMPORTED_AT });
    const names = doc.specTypes.flatMap((t) => t.attributes.filter((a) => a.longName?.startsWith("ReqIF.Foreign") && a.longName !== "ReqIF.ForeignID").map((a) => [t.kind, a.longName, a.kind]));
    expect(names).toEqual([["SPEC-OBJECT-TYPE", "ReqIF.ForeignCreatedOn", "DATE"], ["SPEC-RELATION-TYPE", "ReqIF.ForeignCreatedOn", "DATE"]]);
    expect(doc.datatypes.filter((d) => d.kind === "DATE").length).toBe(1);
    const fr = doc.specObjects.find((o) => o.identifier === "FR-1")!;
    expect([fr.lastChange, fr.values.filter((v) => v.kind === "DATE").map((v) => v.value)]).toEqual([CHANGED, [CREATED]]);
    const rel = doc.specRelations[0]!;
    expect([rel.lastChange, rel.values.filter((v) => v.kind === "DATE").map((v) => v.value)]).toEqual([RELINKED, [LINKED]]);
  });
});
