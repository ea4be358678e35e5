import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { decimal, decodeEntity, instant, isoDate, metric, type StatusReport } from "../../src/index.js";
import { createStatusReport, decodeRagRules, evaluateRagRule, ragStatus, type RagFigures } from "../../src/status/index.js";

// The resources rule turns red when its shortfall persists: it must read ITS OWN colour in the previous report, not
// the colour another rule of the resources dimension gave that dimension.

const d = (x: string) => metric(decimal(x));
const rules = [
  { id: "resources-allocation", dimension: "resources", kind: "resources" },
  { id: "resources-contractors", dimension: "resources", kind: "count", figure: "openContractorGaps", amberAtLeast: "1" },
  { id: "cost-cpi", dimension: "cost", kind: "index", figure: "cpi", greenAtLeast: "0.95", amberAtLeast: "0.85" },
];
const content = (id: string) => ({ id, authorId: "p-a", summary: "s", publishedAt: instant("2026-10-31T09:00:00Z"), publishedBy: "p-a" });
const hours = (allocated: string): RagFigures => ({ cpi: d("1"), plannedHours: d("400"), allocatedHours: d(allocated), actualHours: d("350") });
const resources = (r: ReturnType<typeof ragStatus>) => r.dimensions.find((x) => x.dimension === "resources")!;

function october(allocated: string, gaps: string): StatusReport {
  const rag = ragStatus({ id: "P" }, { asOf: isoDate("2026-10-30"), rules, figures: { ...hours(allocated), custom: { openContractorGaps: d(gaps) } } });
  return createStatusReport(rag, content("SR-P-10"));
}
const november = (previous: StatusReport) =>
  ragStatus({ id: "P" }, { asOf: isoDate("2026-11-20"), rules, previous, figures: { ...hours("360"), custom: { openContractorGaps: d("0") } } });

describe("resources persistence is read per rule", () => {
  it("another rule's amber in October does not make November's first allocation shortfall red", () => {
    // October: allocated 400 = planned 400, actual 350 ≤ 400 → resources-allocation green; 1 contractor gap ≥ 1 →
    // resources-contractors amber; the dimension amber, decided by resources-contractors alone.
    const prev = october("400", "1");
    expect(prev.ragByDimension.find((x) => x.dimension === "resources")).toMatchObject({ colour: "amber", rule: "resources-contractors" });
    // November: allocated 360 < planned 400 — the allocation rule's first shortfall → amber (before: red, "amber in
    // the previous report", the contractor rule's amber read as persistence).
    const r = november(prev);
    expect(resources(r).rules[0]).toMatchObject({ ruleId: "resources-allocation", colour: "amber", explanation: "allocated < planned → amber" });
    expect(resources(r).colour).toBe("amber");
  });

  it("its own amber in October does: the shortfall persisted", () => {
    // October: allocated 360 < 400 → resources-allocation amber; 0 gaps → contractors green; decided by allocation.
    const prev = october("360", "0");
    expect(prev.ragByDimension.find((x) => x.dimension === "resources")!.rule).toBe("resources-allocation");
    expect(resources(november(prev)).rules[0]).toMatchObject({ colour: "red", explanation: "allocated < planned, and amber in the previous report → red" });
  });

  it("both amber in October: the allocation rule was among the deciders, so it persisted", () => {
    const prev = october("360", "1");
    expect(prev.ragByDimension.find((x) => x.dimension === "resources")!.rule).toBe("resources-allocation, resources-contractors");
    expect(resources(november(prev)).colour).toBe("red");
  });

  it("a dimension red by another rule alone: its own amber, kept in ruleColours, is read as persistence", () => {
    // October: allocated 360 < 400 → allocation amber; 2 gaps ≥ redAtLeast 2 → contractors red; the dimension red,
    // decided by contractors alone. The report keeps each rated rule's colour (ruleColours), so November's shortfall
    // is the allocation rule's second in a row → red (before rag7: amber, the allocation rule's amber was lost).
    const redRules = [rules[0]!, { ...rules[1]!, amberAtLeast: undefined, redAtLeast: "2" }, rules[2]!];
    const oct = ragStatus({ id: "P" }, { asOf: isoDate("2026-10-30"), rules: redRules, figures: { ...hours("360"), custom: { openContractorGaps: d("2") } } });
    const prev = createStatusReport(oct, content("SR-P-10"));
    expect(prev.ragByDimension.find((x) => x.dimension === "resources")).toMatchObject({ colour: "red", rule: "resources-contractors" });
    const nov = (p: StatusReport) => ragStatus({ id: "P" }, { asOf: isoDate("2026-11-20"), rules: redRules, previous: p, figures: { ...hours("360"), custom: { openContractorGaps: d("0") } } });
    expect(resources(nov(prev)).rules[0]!.colour).toBe("red");
    // A report without ruleColours (stored before them, or written by hand) does not tell this rule's colour under a
    // dimension red by another rule alone: not read as persistence → amber.
    const older = { ...prev, ragByDimension: prev.ragByDimension.map(({ ruleColours: _, ...e }) => e) } as StatusReport;
    expect(resources(nov(older)).rules[0]!.colour).toBe("amber");
  });

  it("a report that names no rule for the dimension is read as each rule's colour (hand-written reports)", () => {
    const at = "2026-10-31T09:00:00.000Z";
    const prev = decodeEntity("status-report", {
      id: "SR-P-10", version: 1, createdAt: at, updatedAt: at, projectId: "P", asOf: "2026-10-30", authorId: "p-a",
      ragByDimension: [{ dimension: "resources", colour: "amber", comment: "short" }], overall: { colour: "amber" },
      summary: "", publishedAt: at, publishedBy: "p-a",
    }) as StatusReport;
    expect(resources(november(prev)).rules[0]!.colour).toBe("red");
  });

  it("evaluateRagRule reads the previous colours by rule id, own keys only", () => {
    const [rule] = decodeRagRules([{ id: "constructor", dimension: "resources", kind: "resources" }]);
    const f = hours("360");
    // A rule named like an Object.prototype member reads no inherited value: first shortfall, amber, no `previous`.
    expect(evaluateRagRule(rule!, f, {})).toMatchObject({ colour: "amber", figures: { plannedHours: "400", allocatedHours: "360", actualHours: "350" } });
    expect(evaluateRagRule(rule!, f, {}).figures).not.toHaveProperty("previous");
    expect(evaluateRagRule(rule!, f, { resources: "amber" }).colour).toBe("amber");
    expect(evaluateRagRule(rule!, f, Object.fromEntries([["constructor", "amber" as const]])).colour).toBe("red");
  });

  it("property: whatever the other resources rule gave in October, a first allocation shortfall is amber", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 1, max: 3 }), fc.boolean(), (gaps, threshold, red) => {
        const other = { id: "resources-contractors", dimension: "resources", kind: "count", figure: "openContractorGaps", [red ? "redAtLeast" : "amberAtLeast"]: String(threshold) };
        const set = [rules[0]!, other, rules[2]!];
        const oct = ragStatus({ id: "P" }, { asOf: isoDate("2026-10-30"), rules: set, figures: { ...hours("400"), custom: { openContractorGaps: d(String(gaps)) } } });
        const nov = ragStatus({ id: "P" }, { asOf: isoDate("2026-11-20"), rules: set, previous: createStatusReport(oct, content("SR-P-10")), figures: { ...hours("360"), custom: { openContractorGaps: d("0") } } });
        expect(resources(nov).rules[0]!.colour).toBe("amber");
      }),
      { numRuns: 60 },
    );
  });
});
