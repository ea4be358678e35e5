import { describe, expect, it } from "vitest";
import { recordCounts } from "../../src/cli/record-counts.js";

// `import` printed "imported 3 requirement, 10 baseline" (the kind, whatever the count).
describe("recordCounts", () => {
  it("names each kind in the plural when its count is not 1", () => {
    expect(recordCounts({ requirement: 3, baseline: 10, "work-package": 1 })).toBe("3 requirements, 10 baselines, 1 work-package");
    expect(recordCounts({ "cost-entry": 2, person: 4, resource: 1 })).toBe("2 cost-entries, 4 people, 1 resource");
    expect(recordCounts({})).toBe("");
  });
});
