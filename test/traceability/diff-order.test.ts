import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffTraceBaselines, type TraceInput, type TraceLinkInput } from "../../src/traceability/index.js";
import { link, req, tc } from "./helpers.js";

// A baseline diff compares two snapshots; the order links are listed in is not part of either snapshot. Link id "L"
// given twice (a duplicate-link finding) used to be compared occurrence by occurrence in input order, so listing the
// same two links the other way round reported both as changed.

const base = { requirements: [req("FR-1", "functional")], testCases: [tc("TC-1"), tc("TC-2"), tc("TC-3")] };
const L1 = link("TC-1", "verifies", "FR-1", { id: "L" });
const L2 = link("TC-2", "verifies", "FR-1", { id: "L" });
const L3 = link("TC-3", "verifies", "FR-1", { id: "L" });
const snap = (links: TraceLinkInput[]): TraceInput => ({ ...base, links });
const linkDiff = (b: TraceLinkInput[], a: TraceLinkInput[]) => {
  const d = diffTraceBaselines(snap(b), snap(a));
  return { added: d.linksAdded, removed: d.linksRemoved, changed: d.linksChanged };
};

describe("baseline diff: links under one id, listed in another order", () => {
  it("the same two links, swapped, are no change (was: two changed links, each with 'from')", () => {
    expect(linkDiff([L1, L2], [L2, L1])).toEqual({ added: [], removed: [], changed: [] });
  });

  it("one of two kept, one replaced: one changed link whatever the order", () => {
    // Before {TC-1, TC-2}, after {TC-3, TC-1}: TC-1's link is unchanged; TC-2's became TC-3's (one change, of 'from').
    const expected = { added: [], removed: [], changed: [{ link: "L", changed: ["from"] }] };
    expect(linkDiff([L1, L2], [L3, L1])).toEqual(expected);
    expect(linkDiff([L2, L1], [L1, L3])).toEqual(expected);
  });

  it("a third link under the id is one added, whichever position it is listed at", () => {
    for (const after of [[L3, L1, L2], [L1, L3, L2], [L2, L1, L3]]) expect(linkDiff([L1, L2], after)).toEqual({ added: ["L"], removed: [], changed: [] });
  });

  it("property: permuting either snapshot's links changes nothing in the diff", () => {
    const ids = ["a", "b"];
    const tcs = ["TC-1", "TC-2", "TC-3"];
    const arb = fc.array(fc.record({ id: fc.constantFrom(...ids), from: fc.constantFrom(...tcs), fp: fc.constantFrom(undefined, "f1", "f2") }), { maxLength: 6 });
    const make = (xs: { id: string; from: string; fp: string | undefined }[]) =>
      xs.map((x) => link(x.from, "verifies", "FR-1", { id: x.id, ...(x.fp !== undefined ? { targetFingerprint: x.fp } : {}) }));
    fc.assert(
      fc.property(arb, arb, fc.nat(), fc.nat(), (b, a, sb, sa) => {
        const shuffle = <T>(xs: T[], seed: number) => xs.map((x, i) => [((i + 1) * 2654435761 + seed) % 4294967291, x] as const).sort((p, q) => p[0] - q[0]).map((p) => p[1]);
        expect(linkDiff(shuffle(make(b), sb), shuffle(make(a), sa))).toEqual(linkDiff(make(b), make(a)));
      }),
      { seed: 20261207, numRuns: 200 },
    );
  });
});
