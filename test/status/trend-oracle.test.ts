import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeEntity, type StatusReport } from "../../src/index.js";
import { statusTrend } from "../../src/status/index.js";

// status22 audit: statusTrend against the reference's definition written out independently (rollout-status-kpi.md
// §2: "Trend = direction (↑ → ↓) of each dimension versus the previous snapshot"), with pmokit's stated conventions
// (docs/status-and-kpis.md, "Snapshots and trend"): per dimension and overall, ↑ improved (red → amber → green),
// → unchanged, ↓ worsened, · new (not rated before) or dropped (not rated now); dimensions in the schema's order,
// only those rated in either report, overall last. The order the ratings are listed in a report does not matter.
const DIMS = ["schedule", "cost", "scope", "quality", "risks-and-issues", "resources", "readiness"] as const;
const COLOURS = ["green", "amber", "red"] as const;
type Colour = (typeof COLOURS)[number];

const report = (id: string, asOf: string, ratings: readonly (readonly [string, Colour])[], overall: Colour): StatusReport =>
  decodeEntity("status-report", {
    id, version: 1, createdAt: `${asOf}T12:00:00.000Z`, updatedAt: `${asOf}T12:00:00.000Z`, projectId: "P", asOf, authorId: "p",
    ragByDimension: ratings.map(([dimension, colour]) => ({ dimension, colour, comment: `${dimension} ${colour}` })),
    overall: { colour: overall }, summary: "s", publishedAt: `${asOf}T12:00:00.000Z`, publishedBy: "p",
  }) as StatusReport;

function oracle(now: ReadonlyMap<string, Colour>, then: ReadonlyMap<string, Colour> | undefined, overallNow: Colour, overallThen: Colour | undefined) {
  const one = (dimension: string, c: Colour | undefined, p: Colour | undefined) => {
    if (c === undefined) return { dimension, ...(p && { previous: p }), direction: "dropped", arrow: "·" };
    if (p === undefined) return { dimension, current: c, direction: "new", arrow: "·" };
    const d = COLOURS.indexOf(c) - COLOURS.indexOf(p); // green 0, amber 1, red 2: a higher index is worse
    return { dimension, current: c, previous: p, direction: d < 0 ? "improved" : d > 0 ? "worsened" : "unchanged", arrow: d < 0 ? "↑" : d > 0 ? "↓" : "→" };
  };
  const rows = DIMS.filter((d) => now.has(d) || then?.has(d)).map((d) => one(d, now.get(d), then?.get(d)));
  return [...rows, one("overall", overallNow, overallThen)];
}

describe("statusTrend against the trend definition (property, fixed seed)", () => {
  const ratings = fc.array(fc.tuple(fc.constantFrom(...DIMS), fc.constantFrom(...COLOURS)), { maxLength: 7 }).map((xs) => [...new Map(xs)]);
  it("each dimension's direction and arrow, new and dropped ones, overall last — whatever order the ratings are listed in", () => {
    fc.assert(
      fc.property(ratings, ratings, fc.constantFrom(...COLOURS), fc.constantFrom(...COLOURS), fc.boolean(), (a, b, oa, ob, withPrevious) => {
        const previous = report("SR-1", "2026-10-30", b, ob);
        const current = report("SR-2", "2026-11-20", a, oa);
        const want = oracle(new Map(a), withPrevious ? new Map(b) : undefined, oa, withPrevious ? ob : undefined);
        expect(statusTrend(current, withPrevious ? previous : undefined)).toEqual(want);
        // Listed in reverse order: the same trend.
        const reversed = report("SR-2", "2026-11-20", [...a].reverse(), oa);
        expect(statusTrend(reversed, withPrevious ? report("SR-1", "2026-10-30", [...b].reverse(), ob) : undefined)).toEqual(want);
      }),
      { seed: 2222, numRuns: 400 },
    );
  });

  it("hand-worked: schedule red → amber ↑, cost green → red ↓, scope dropped, readiness new, overall red → red →", () => {
    const oct = report("SR-1", "2026-10-30", [["schedule", "red"], ["cost", "green"], ["scope", "amber"]], "red");
    const nov = report("SR-2", "2026-11-20", [["readiness", "amber"], ["cost", "red"], ["schedule", "amber"]], "red");
    expect(statusTrend(nov, oct).map((t) => `${t.dimension} ${t.arrow} ${t.direction}`)).toEqual([
      "schedule ↑ improved",
      "cost ↓ worsened",
      "scope · dropped",
      "readiness · new",
      "overall → unchanged",
    ]);
  });
});
