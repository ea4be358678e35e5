import { describe, expect, it } from "vitest";
import { ValidationError } from "../../src/core/index.js";
import { decodeEntity } from "../../src/entities/index.js";
import { readReqif, reqifToPmokit, requirementsToReqif, writeReqif } from "../../src/io/index.js";
import { analyzeTraceability } from "../../src/traceability/index.js";
import { IMPORTED_AT, fixtureText } from "./fixtures.js";

/*
 * Imported records carry the source's own time (the spec object's or relation's LAST-CHANGE), not the import time:
 * traceability reads `updatedAt` as when the content last changed, so an import-time stamp made every test run before
 * the import look older than the requirement (STALE evidence) and every link look created after every change (which
 * stops transitive suspicion). The import time stays the fallback for a stamp that is absent or has no time zone.
 */
const OPTIONS = { projectId: "prj-x", importedAt: IMPORTED_AT };

function exported(lastChange: { requirement: string; link: string }) {
  const stamp = { version: 1, projectId: "prj-x", priority: "must", acceptanceCriteria: [], verificationMethod: "test", status: "approved" } as const;
  const at = (t: string) => ({ createdAt: t, updatedAt: t });
  const br1 = decodeEntity("requirement", { ...stamp, ...at(lastChange.requirement), id: "prj-x:BR-1", key: "BR-1", type: "business", title: "Quoting", statement: "Sales quote online." });
  const fr1 = decodeEntity("requirement", { ...stamp, ...at(lastChange.requirement), id: "prj-x:FR-1", key: "FR-1", type: "functional", title: "Quote", statement: "Sales can send a quote." });
  const tl1 = decodeEntity("trace-link", { version: 1, ...at(lastChange.link), id: "prj-x:tl-1", from: { kind: "requirement", id: "prj-x:FR-1" }, to: { kind: "requirement", id: "prj-x:BR-1" }, linkType: "refines" });
  return writeReqif(requirementsToReqif([br1, fr1], [tl1], { title: "export", exportedAt: IMPORTED_AT }));
}

describe("ReqIF LAST-CHANGE becomes createdAt / updatedAt", () => {
  it("an offset stamp is converted to UTC (Eclipse RMF TC1200: 2012-04-07T01:51:37.112+02:00)", () => {
    const r = reqifToPmokit(readReqif(fixtureText("reqif/eclipse-rmf_implementor-forum_TC1200-formatted-content.reqif")).document, OPTIONS);
    // 01:51:37.112 at +02:00 is 23:51:37.112 UTC the day before.
    expect([r.records.requirement[0]!.createdAt, r.records.requirement[0]!.updatedAt]).toEqual(["2012-04-06T23:51:37.112Z", "2012-04-06T23:51:37.112Z"]);
    expect(r.report.warnings.filter((w) => w.code === "import-time")).toEqual([]);
  });

  it("a relation's LAST-CHANGE stamps its trace link; extra fraction digits are cut to milliseconds", () => {
    const text = exported({ requirement: "2026-10-01T08:00:00.000Z", link: "2026-10-02T08:00:00.000Z" }).replace('LAST-CHANGE="2026-10-01T08:00:00.000Z"', 'LAST-CHANGE="2026-10-01T10:00:00.1239+02:00"');
    const r = reqifToPmokit(readReqif(text).document, OPTIONS);
    expect(r.records.requirement.map((x) => [x.key, x.updatedAt])).toEqual([["BR-1", "2026-10-01T08:00:00.123Z"], ["FR-1", "2026-10-01T08:00:00.000Z"]]);
    expect(r.records["trace-link"].map((x) => [x.createdAt, x.updatedAt])).toEqual([["2026-10-02T08:00:00.000Z", "2026-10-02T08:00:00.000Z"]]);
  });

  it("an impossible stamp (30 February) or one past 14 hours' offset is not used: import time, counted", () => {
    const text = exported({ requirement: "2026-10-01T08:00:00.000Z", link: "2026-10-02T08:00:00.000Z" })
      .replace('LAST-CHANGE="2026-10-01T08:00:00.000Z"', 'LAST-CHANGE="2026-02-30T10:00:00Z"')
      .replace('LAST-CHANGE="2026-10-02T08:00:00.000Z"', 'LAST-CHANGE="2026-10-02T08:00:00+15:00"');
    const r = reqifToPmokit(readReqif(text).document, OPTIONS);
    expect(r.records.requirement.map((x) => x.updatedAt)).toEqual([IMPORTED_AT, "2026-10-01T08:00:00.000Z"]);
    expect(r.records["trace-link"].map((x) => x.updatedAt)).toEqual([IMPORTED_AT]);
    expect(r.report.warnings.filter((w) => w.code === "import-time").map((w) => w.message)).toEqual([
      "1 spec objects and 1 spec relations have no usable LAST-CHANGE (absent, not a date-time, or without a time zone and no localTimeOffset): stamped with the import time",
    ]);
  });

  it("a stamp without a time zone (DOORS 9: 2018-10-12T16:43:58) keeps the import time, with one warning; localTimeOffset reads it", () => {
    const doc = readReqif(fixtureText("reqif/doors9_ibm-rational-doors_example-from-a-user.reqif")).document;
    const r = reqifToPmokit(doc, OPTIONS);
    expect(r.records.requirement.map((x) => x.updatedAt)).toEqual([IMPORTED_AT, IMPORTED_AT, IMPORTED_AT]);
    expect(r.report.warnings.filter((w) => w.code === "import-time")).toEqual([
      { path: "LAST-CHANGE", message: "3 spec objects and 0 spec relations have no usable LAST-CHANGE (absent, not a date-time, or without a time zone and no localTimeOffset): stamped with the import time", code: "import-time" },
    ]);
    // The offset reads every zone-less stamp: here the objects' ReqIF.ForeignModifiedOn 2011-07-01T00:00:00, which DOORS
    // writes as the true modification time and which wins over LAST-CHANGE (reqif-doors-times.test.ts), at +02:00.
    const local = reqifToPmokit(doc, { ...OPTIONS, localTimeOffset: "+02:00" });
    expect(local.records.requirement[0]!.updatedAt).toBe("2011-06-30T22:00:00.000Z");
    expect(local.report.warnings.filter((w) => w.code === "import-time")).toEqual([]);
    expect(() => reqifToPmokit(doc, { ...OPTIONS, localTimeOffset: "+2" })).toThrow(ValidationError);
  });

  it("traceability: a test run between the source's change and the import is fresh evidence, not STALE", () => {
    // FR-1 last changed 2026-10-01 (LAST-CHANGE); TC-1 passed on 2026-11-01; imported 2026-11-25.
    const r = reqifToPmokit(readReqif(exported({ requirement: "2026-10-01T08:00:00.000Z", link: "2026-10-01T08:00:00.000Z" })).document, OPTIONS);
    const evidence = analyzeTraceability({
      requirements: r.records.requirement,
      testCases: [{ id: "TC-1", key: "TC-1", title: "Quote", updatedAt: "2026-10-01T08:00:00.000Z" }],
      testRuns: [{ id: "run-1", testCaseId: "TC-1", result: "passed", executedAt: "2026-11-01T10:00:00.000Z", environment: "sit", defectIds: [] }],
      links: [{ id: "tl-t", from: { kind: "test-case", id: "TC-1" }, to: { kind: "requirement", id: "prj-x:FR-1" }, linkType: "verifies", createdAt: "2026-10-01T08:00:00.000Z" }],
    }).evidence.find((e) => e.id === "prj-x:FR-1");
    // Before: updatedAt = 2026-11-25 (import), after the run → STALE.
    expect(evidence?.own).toBe("OK");
  });
});
