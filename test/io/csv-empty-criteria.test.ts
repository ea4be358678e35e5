import { describe, expect, it } from "vitest";
import { decodeEntity } from "../../src/index.js";
import { exportCsv, importCsv } from "../../src/io/index.js";

// A requirement without acceptance criteria (every ReqIF import without pmokit's own attribute gives `[]`) was
// exported to CSV as an empty cell, and the import read the empty cell as "no value": the field is required, so the
// round trip failed with "[2].acceptanceCriteria: Invalid input: expected array, received undefined". No criteria
// now default to `[]`, as a request's `dependsOn` does.
const req = decodeEntity("requirement", {
  id: "r-1", version: 1, createdAt: "2026-11-20T09:00:00.000Z", updatedAt: "2026-11-20T09:00:00.000Z", projectId: "prj-a", key: "FR-1",
  type: "functional", title: "Quotes", statement: "Quotes go out the same day.", priority: "must", acceptanceCriteria: [], verificationMethod: "test", status: "approved",
});

describe("a requirement without acceptance criteria", () => {
  it("comes back from CSV with none (was: refused at [2].acceptanceCriteria)", () => {
    const text = exportCsv("requirement", [req]);
    expect(text.split("\n")[1]).toBe("r-1,prj-a,FR-1,functional,Quotes,Quotes go out the same day.,,must,,test,approved,,,,,");
    const back = importCsv("requirement", text, { importedAt: "2026-12-07T00:00:00.000Z" }).records[0]!;
    expect(back.acceptanceCriteria).toEqual([]);
    expect({ ...back, createdAt: req.createdAt, updatedAt: req.updatedAt, version: req.version }).toEqual(req);
  });

  it("decodes with none when the field is left out, and still refuses an empty criterion", () => {
    const { acceptanceCriteria: _, ...without } = req;
    expect(decodeEntity("requirement", without).acceptanceCriteria).toEqual([]);
    expect(() => decodeEntity("requirement", { ...req, acceptanceCriteria: [" "] })).toThrow(/acceptanceCriteria/);
  });
});
