import { describe, expect, it } from "vitest";
import { percentText } from "../../src/cli/summary.js";
import { decimal, metric, missing } from "../../src/core/index.js";

describe("percentages on the terminal", () => {
  it("keep their places, never read 100% short of it, and say why one is missing", () => {
    // `rollout` printed "ready n/a%" for a plan without applicable items, and 99.96 as "100.0%".
    expect(percentText(metric(decimal("75")), 1)).toBe("75.0%");
    expect(percentText(metric(decimal("99.96")), 1)).toBe("99.96%");
    expect(percentText(metric(decimal("99.94638")), 3)).toBe("99.946%");
    expect(percentText(missing("no-applicable-items"))).toBe("n/a (no-applicable-items)");
  });
});
