import { describe, expect, it } from "vitest";
import { readReqif, reqifToPmokit } from "../../src/io/index.js";
import { analyzeTraceability, DEFAULT_INACTIVE_TAGS, diffTraceBaselines } from "../../src/traceability/index.js";
import { IMPORTED_AT, fixtureText } from "../io/fixtures.js";

// A ReqIF chapter heading (ReqIF.ChapterName and no text) is imported as a requirement tagged `heading` so that the
// outline and a re-export keep it. It is structure, not a requirement: DOORS' Object Type "Heading" and Polarion's
// heading work items are left out of coverage. Before, the Polarion sample's 43 headings were counted as uncovered
// functional requirements: functional 0/101 (101 gaps) where 58 requirements need coverage.
describe("chapter headings are not traced", () => {
  const { records } = reqifToPmokit(readReqif(fixtureText("reqif/polarion_reqif-roundtrip_anonymized-srs.reqif")).document, { projectId: "prj-x", importedAt: IMPORTED_AT });
  const headings = records.requirement.filter((r) => r.tags?.includes("heading"));

  it("leaves the Polarion sample's 43 headings out of coverage and lists them as inactive (tag heading)", () => {
    expect([headings.length, records.requirement.length]).toEqual([43, 101]);
    const r = analyzeTraceability({ requirements: records.requirement, links: records["trace-link"] });
    const functional = r.levels.find((l) => l.type === "functional")!;
    expect([functional.items, functional.inactive, functional.gaps.length]).toEqual([58, 43, 58]);
    expect(r.inactive.length).toBe(43);
    expect(new Set(r.inactive.map((i) => i.status))).toEqual(new Set(["heading"]));
    expect(r.inactive.map((i) => i.item).sort()).toEqual(headings.map((h) => `requirement:${h.id}`).sort());
  });

  it("counts them again with inactiveTags: { requirement: [] }, and a status retires before a tag", () => {
    expect(DEFAULT_INACTIVE_TAGS.requirement).toEqual(["heading"]);
    const all = analyzeTraceability({ requirements: records.requirement, links: records["trace-link"] }, { inactiveTags: { requirement: [] } });
    expect(all.levels.find((l) => l.type === "functional")!.items).toBe(101);
    const rejected = records.requirement.map((r) => (r.id === headings[0]!.id ? { ...r, status: "rejected" as const } : r));
    const r = analyzeTraceability({ requirements: rejected, links: [] });
    expect(r.inactive.find((i) => i.item === `requirement:${headings[0]!.id}`)?.status).toBe("rejected");
  });

  it("a tag that retires an item shows in the baseline diff as a changed `tags` field", () => {
    const req = { ...records.requirement.find((r) => !r.tags?.includes("heading"))! };
    const diff = diffTraceBaselines({ requirements: [req] }, { requirements: [{ ...req, tags: ["heading"] }] });
    expect(diff.itemsChanged).toEqual([{ item: `requirement:${req.id}`, fields: [expect.objectContaining({ field: "tags" })] }]);
  });
});
