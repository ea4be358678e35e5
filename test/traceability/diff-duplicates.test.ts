import { describe, expect, it } from "vitest";
import { diffTraceBaselines, type TraceInput } from "../../src/traceability/index.js";
import { link, req } from "./helpers.js";

// A snapshot that gives an item twice uses the first copy (a duplicate-item finding, severity error). The baseline
// diff compared only those first copies and had no place for the duplicate: a change that added a second FR-1 with
// another statement showed no item added, none changed and nothing in `became` — the later copy was dropped silently
// from the very report meant to say what a change broke. It is now `became.duplicated` (and `resolved.duplicated`
// once one copy is left, `removed.duplicated` when every copy is deleted).

const base = (): TraceInput => ({ requirements: [req("BR-1", "business"), req("FR-1", "functional")], links: [link("FR-1", "derives", "BR-1")] });
const twice = (): TraceInput => ({ ...base(), requirements: [...base().requirements!, req("FR-1", "functional", { statement: "Another statement" })] });

describe("the baseline diff reports duplicated items", () => {
  it("a second copy of FR-1 with another statement: became.duplicated, though no item is added or changed", () => {
    const d = diffTraceBaselines(base(), twice());
    expect([d.itemsAdded, d.itemsChanged, d.became.duplicated]).toEqual([[], [], ["requirement:FR-1"]]);
    expect(d.after.findings.filter((f) => f.check === "duplicate-item").map((f) => f.paths)).toEqual([[["requirements", 1], ["requirements", 2]]]);
  });

  it("one copy left: resolved.duplicated; every copy deleted: removed.duplicated", () => {
    expect(diffTraceBaselines(twice(), base()).resolved.duplicated).toEqual(["requirement:FR-1"]);
    const gone = diffTraceBaselines(twice(), { requirements: [req("BR-1", "business")] });
    expect([gone.itemsRemoved, gone.removed.duplicated, gone.resolved.duplicated]).toEqual([["requirement:FR-1"], ["requirement:FR-1"], []]);
  });
});
