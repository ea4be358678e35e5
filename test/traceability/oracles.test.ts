import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { firstIssuePath } from "../support/errors.js";
import { analyzeTraceGraph, buildTraceGraph, defineTraceRules, diffFields, diffTraceBaselines, fingerprintOf, impactOf, requirementFingerprint, traceMatrix, type TraceEntity, type TraceInput, type TraceItemKind, type TraceLinkInput, type TraceRulesInput } from "../../src/traceability/index.js";

/*
 * Independent oracles over small random graphs: plain graph reachability for impact analysis, and OFT's recursive
 * definitions of shallow and deep coverage evaluated naively (no components, no masks, no stamps). Graphs have
 * cycles, diamonds, self-links, duplicate links and items, dangling ends and links of the wrong type or direction.
 * Fixed seeds, so a failure reproduces.
 */

const PROPERTY_TIMEOUT_MS = 60_000;
const REQ = ["R-0", "R-1", "R-2", "R-3", "R-4"];
const ART = ["A-0", "A-1"];
const TST = ["T-0", "T-1", "T-2"];
const ALL = [...REQ, ...ART, ...TST];
const KIND = (id: string): TraceItemKind => (id.startsWith("R") ? "requirement" : id.startsWith("A") ? "artifact" : "test-case");
const LINK_TYPES = ["derives", "refines", "verifies", "implements", "satisfies", "depends-on"];
const REQ_TYPES = ["business", "stakeholder", "functional"];
const ART_TYPES = ["code", "design"];

const RULES: TraceRulesInput = {
  items: [
    { type: "business", root: true, needs: [{ anyOf: ["stakeholder", "functional"], via: ["derives", "refines"] }] },
    { type: "stakeholder", needs: [{ anyOf: ["functional"], via: ["refines"], min: 2 }] },
    {
      type: "functional",
      needs: [
        { anyOf: ["functional", "code"], via: ["derives", "implements"] },
        { anyOf: ["test-case"] }, // no via: any covering link type
      ],
    },
  ],
};
const NEEDS: Record<string, { anyOf: string[]; via: string[] | null; min: number }[]> = {
  business: [{ anyOf: ["stakeholder", "functional"], via: ["derives", "refines"], min: 1 }],
  stakeholder: [{ anyOf: ["functional"], via: ["refines"], min: 2 }],
  functional: [
    { anyOf: ["functional", "code"], via: ["derives", "implements"], min: 1 },
    { anyOf: ["test-case"], via: null, min: 1 },
  ],
};
const COVERING = new Set(LINK_TYPES.filter((t) => t !== "depends-on"));

const graphArb = fc.record({
  items: fc.array(fc.record({ present: fc.nat(6), variant: fc.nat(5), dup: fc.nat(8) }), { minLength: ALL.length, maxLength: ALL.length }),
  links: fc.array(fc.record({ from: fc.constantFrom(...ALL, "R-9"), to: fc.constantFrom(...ALL, "R-9"), type: fc.constantFrom(...LINK_TYPES) }), { maxLength: 22 }),
});
type Gen = typeof graphArb extends fc.Arbitrary<infer T> ? T : never;

interface Built {
  readonly input: { requirements: TraceEntity[]; artifacts: TraceEntity[]; testCases: TraceEntity[]; links: TraceLinkInput[] };
  /** The item each key resolves to (the first given, as documented). */
  readonly type: Map<string, string>;
  readonly links: readonly { id: string; from: string; to: string; type: string }[];
}

function build(g: Gen): Built {
  const input: Built["input"] = { requirements: [], artifacts: [], testCases: [], links: [] };
  const type = new Map<string, string>();
  g.items.forEach((x, i) => {
    if (x.present === 0) return;
    const id = ALL[i] as string;
    const kind = KIND(id);
    const copies = x.dup === 0 ? 2 : 1; // a repeated id: the first copy is the item
    for (let c = 0; c < copies; c++) {
      const v = x.variant + c;
      const key = `${kind}:${id}`;
      if (kind === "requirement") {
        input.requirements.push({ id, key: id, type: REQ_TYPES[v % 3], title: id, statement: `v${v}`, acceptanceCriteria: [], verificationMethod: "test" });
        if (!type.has(key)) type.set(key, REQ_TYPES[v % 3] as string);
      } else if (kind === "artifact") {
        input.artifacts.push({ id, artifactType: ART_TYPES[v % 2], name: id });
        if (!type.has(key)) type.set(key, ART_TYPES[v % 2] as string);
      } else {
        input.testCases.push({ id, key: id, title: id });
        if (!type.has(key)) type.set(key, "test-case");
      }
    }
  });
  const links = g.links.map((l, i) => ({ id: `L-${i}`, from: `${KIND(l.from)}:${l.from}`, to: `${KIND(l.to)}:${l.to}`, type: l.type }));
  g.links.forEach((l, i) => input.links.push({ id: `L-${i}`, from: { kind: KIND(l.from), id: l.from }, to: { kind: KIND(l.to), id: l.to }, linkType: l.type }));
  return { input, type, links };
}

/** Live links with both ends present, the only ones a traversal may follow. */
function resolved(b: Built) {
  return b.links.filter((l) => b.type.has(l.from) && b.type.has(l.to));
}

/** Plain BFS distances from the roots over the chosen directions and link types. */
// "both" is the upstream walk plus the downstream walk (each item at the shorter of its two distances): turning round
// at a parent would reach its siblings, which trace nothing to the changed item (impact-both.test.ts).
function bfs(b: Built, roots: string[], dir: "upstream" | "downstream" | "both", types: Set<string> | null, maxDepth: number): Map<string, number> {
  if (dir === "both") {
    const merged = bfs(b, roots, "upstream", types, maxDepth);
    for (const [k, d] of bfs(b, roots, "downstream", types, maxDepth)) if (!merged.has(k) || d < (merged.get(k) as number)) merged.set(k, d);
    return merged;
  }
  const dist = new Map<string, number>();
  for (const r of roots) if (b.type.has(r)) dist.set(r, 0);
  let frontier = [...dist.keys()];
  for (let d = 1; d <= maxDepth && frontier.length > 0; d++) {
    const next: string[] = [];
    for (const v of frontier) {
      for (const l of resolved(b)) {
        if (types && !types.has(l.type)) continue;
        const ws: string[] = [];
        if (dir !== "downstream" && l.from === v) ws.push(l.to);
        if (dir !== "upstream" && l.to === v) ws.push(l.from);
        for (const w of ws) {
          if (!dist.has(w)) {
            dist.set(w, d);
            next.push(w);
          }
        }
      }
    }
    frontier = next;
  }
  return dist;
}

/** OFT shallow coverage, by the definition: each need has ≥ min distinct accepted sources. */
function shallowOracle(b: Built, key: string): boolean | undefined {
  const needs = NEEDS[b.type.get(key) as string];
  if (!needs) return undefined;
  return needs.every((n) => {
    const sources = new Set(
      resolved(b)
        .filter((l) => l.to === key && l.from !== key && n.anyOf.includes(b.type.get(l.from) as string) && (n.via ? n.via.includes(l.type) : COVERING.has(l.type)))
        .map((l) => l.from),
    );
    return sources.size >= n.min;
  });
}

/** Links that count for some need of their target. */
function counted(b: Built) {
  return resolved(b).filter((l) => {
    const needs = NEEDS[b.type.get(l.to) as string];
    return l.from !== l.to && !!needs?.some((n) => n.anyOf.includes(b.type.get(l.from) as string) && (n.via ? n.via.includes(l.type) : COVERING.has(l.type)));
  });
}

/** OFT deep coverage: `cycle` when a loop of counted links is reachable (through coverers), else uncovered when any item reached is not shallow. */
function deepOracle(b: Built, key: string): "covered" | "uncovered" | "cycle" | undefined {
  if (!NEEDS[b.type.get(key) as string]) return undefined;
  const c = counted(b);
  const coverers = (v: string) => c.filter((l) => l.to === v).map((l) => l.from);
  const closure = (start: string) => {
    const seen = new Set<string>();
    const stack = coverers(start);
    while (stack.length > 0) {
      const w = stack.pop() as string;
      if (seen.has(w)) continue;
      seen.add(w);
      stack.push(...coverers(w));
    }
    return seen;
  };
  const reached = closure(key);
  const all = new Set([key, ...reached]);
  if ([...all].some((w) => closure(w).has(w))) return "cycle";
  return [...all].every((w) => shallowOracle(b, w) !== false) ? "covered" : "uncovered";
}

describe("impact analysis against plain reachability", () => {
  it("reports exactly the reachable items at their shortest distance, through cycles and diamonds", () => {
    fc.assert(
      fc.property(
        graphArb,
        fc.subarray(ALL.map((id) => `${KIND(id)}:${id}`), { minLength: 1, maxLength: 2 }),
        fc.constantFrom("upstream" as const, "downstream" as const, "both" as const),
        fc.option(fc.subarray(LINK_TYPES, { minLength: 1 }), { nil: undefined }),
        fc.option(fc.nat(3), { nil: undefined }),
        (g, roots, direction, linkTypes, maxDepth) => {
          const b = build(g);
          const graph = buildTraceGraph(b.input, RULES);
          const impact = impactOf(graph, roots, { direction, ...(linkTypes ? { linkTypes } : {}), ...(maxDepth !== undefined ? { maxDepth } : {}) });
          const dist = bfs(b, roots, direction, linkTypes ? new Set(linkTypes) : null, maxDepth ?? Infinity);
          const expected = [...dist].filter(([, d]) => d > 0).map(([k, d]) => [k, d]).sort((x, y) => (x[1] as number) - (y[1] as number) || ((x[0] as string) < (y[0] as string) ? -1 : 1));
          expect(impact.items.map((x) => [x.item, x.distance])).toEqual(expected);
          expect(impact.roots).toEqual(roots.filter((r) => b.type.has(r)));
          // Each item names a real link that reaches it from an item one step nearer in its own walk, read from its side.
          const walk = { upstream: bfs(b, roots, "upstream", linkTypes ? new Set(linkTypes) : null, maxDepth ?? Infinity), downstream: bfs(b, roots, "downstream", linkTypes ? new Set(linkTypes) : null, maxDepth ?? Infinity) };
          for (const x of impact.items) {
            const near = walk[x.direction];
            const ok = resolved(b).some((l) =>
              x.direction === "upstream"
                ? l.to === x.item && near.get(l.from) === x.distance - 1
                : l.from === x.item && near.get(l.to) === x.distance - 1,
            );
            expect(ok).toBe(true);
          }
        },
      ),
      { seed: 20261205, numRuns: 300 },
    );
  }, PROPERTY_TIMEOUT_MS);
});

describe("coverage against OFT's recursive definitions", () => {
  it("shallow and deep status of every item match a naive evaluation", () => {
    fc.assert(
      fc.property(graphArb, (g) => {
        const b = build(g);
        const result = analyzeTraceGraph(buildTraceGraph(b.input, RULES)).result();
        const got = Object.fromEntries(result.coverage.map((c) => [c.item, [c.shallow, c.deep]]));
        const want: Record<string, [string, string]> = {};
        for (const key of b.type.keys()) {
          const sh = shallowOracle(b, key);
          if (sh === undefined) continue;
          want[key] = [sh ? "covered" : "uncovered", deepOracle(b, key) as string];
        }
        expect(got).toEqual(want);
      }),
      { seed: 20261205, numRuns: 300 },
    );
  }, PROPERTY_TIMEOUT_MS);
});

describe("impact analysis ties", () => {
  it("names the same link whatever the order links are given in", () => {
    // TC-1 reaches FR-1 at distance 1 through two links: "tl-1" (depends-on) and "tl-2" (verifies). The tie rule
    // names the smaller link id, tl-1, read from TC-1's side (downstream: the link's own name, "depends-on").
    // Before: the first link given won, so reversing the input turned "depends-on" into "verifies".
    const links: TraceLinkInput[] = [
      { id: "tl-2", from: { kind: "test-case", id: "TC-1" }, to: { kind: "requirement", id: "FR-1" }, linkType: "verifies" },
      { id: "tl-1", from: { kind: "test-case", id: "TC-1" }, to: { kind: "requirement", id: "FR-1" }, linkType: "depends-on" },
    ];
    const input = (ls: TraceLinkInput[]) => ({
      requirements: [{ id: "FR-1", key: "FR-1", type: "functional", title: "Quote", statement: "Sales can send a quote." }],
      testCases: [{ id: "TC-1", key: "TC-1", title: "Send a quote" }],
      links: ls,
    });
    for (const ls of [links, [...links].reverse()]) {
      const impact = impactOf(buildTraceGraph(input(ls)), ["requirement:FR-1"], { direction: "downstream" });
      expect(impact.items).toEqual([{ item: "test-case:TC-1", type: "test-case", distance: 1, direction: "downstream", via: "depends-on" }]);
    }
  });
});

describe("traceability matrix: repeated links and dependencies", () => {
  const input = (links: TraceLinkInput[]) => ({
    requirements: [{ id: "FR-1", key: "FR-1", type: "functional", title: "Quote", statement: "Sales can send a quote." }],
    artifacts: [{ id: "C-1", artifactType: "code", name: "Quote service" }, { id: "C-2", artifactType: "code", name: "PDF library" }],
    testCases: [{ id: "TC-1", key: "TC-1", title: "Send a quote" }],
    links,
  });
  const l = (id: string, from: [TraceItemKind, string], linkType: string, extra: Partial<TraceLinkInput> = {}): TraceLinkInput =>
    ({ id, from: { kind: from[0], id: from[1] }, to: { kind: "requirement", id: "FR-1" }, linkType, ...extra });

  it("lists an item linked twice once, as coverage counts it once, and keeps the other link id", () => {
    // TC-1 verifies FR-1 through tl-1 and again through tl-2 (a duplicate-link finding). Coverage counts one
    // distinct test; the Tests cell must show one entry. Before: "TC-1, TC-1" — two tests in the RTM.
    const a = analyzeTraceGraph(buildTraceGraph(input([l("tl-2", ["test-case", "TC-1"], "verifies"), l("tl-1", ["test-case", "TC-1"], "verifies")])));
    expect(a.result().coverage[0]?.needs.find((n) => n.anyOf.includes("test-case"))?.count).toBe(1);
    const cell = traceMatrix(a).rows[0]!.cells[4]!;
    expect(cell.entries).toEqual([{ item: "test-case:TC-1", link: "tl-1", suspect: false, duplicateLinks: ["tl-2"], evidence: "NOT RUN" }]);
  });

  it("a repeated link that is suspect makes the one entry suspect", () => {
    // tl-1 recorded FR-1's current fingerprint; tl-2 an old one, so tl-2 is suspect.
    const fp = requirementFingerprint({ id: "FR-1", key: "FR-1", type: "functional", title: "Quote", statement: "Sales can send a quote." });
    const a = analyzeTraceGraph(buildTraceGraph(input([
      l("tl-1", ["test-case", "TC-1"], "verifies", { targetFingerprint: fp }),
      l("tl-2", ["test-case", "TC-1"], "verifies", { targetFingerprint: "00".repeat(32) }),
    ])));
    const cell = traceMatrix(a).rows[0]!.cells[4]!;
    expect([cell.status, cell.entries.length, cell.entries[0]?.suspect]).toEqual(["suspect", 1, true]);
  });

  it("a code artifact that only depends on the requirement is not shown as its implementation", () => {
    // C-1 implements FR-1; C-2 depends-on FR-1 (OFT's Depends: no coverage effect). The row's coverage counts only
    // C-1 as implementation; the Implementation column must agree. Before: it listed C-1 and C-2.
    const a = analyzeTraceGraph(buildTraceGraph(input([l("tl-1", ["artifact", "C-1"], "implements"), l("tl-2", ["artifact", "C-2"], "depends-on")])));
    const row = traceMatrix(a).rows[0]!;
    expect(row.cells[3]!.entries.map((e) => e.item)).toEqual(["artifact:C-1"]);
    // Asked for by name, a dependency column still shows it.
    const deps = traceMatrix(a, { columns: [{ label: "Depends on it", itemTypes: ["code"], linkTypes: ["depends-on"] }] });
    expect(deps.rows[0]!.cells[0]!.entries.map((e) => e.item)).toEqual(["artifact:C-2"]);
  });
});

describe("impact options: a typo is refused, never an empty answer", () => {
  const graph = () =>
    buildTraceGraph({
      requirements: [{ id: "FR-1", key: "FR-1", type: "functional", title: "Quote", statement: "Sales can send a quote." }],
      testCases: [{ id: "TC-1", key: "TC-1", title: "Send a quote" }],
      links: [{ id: "tl-1", from: { kind: "test-case", id: "TC-1" }, to: { kind: "requirement", id: "FR-1" }, linkType: "verifies" }],
    });

  it("an unknown link type is a ValidationError with its index; before, 'verfies' followed nothing and reported no impact", () => {
    expect(impactOf(graph(), ["requirement:FR-1"], { linkTypes: ["verifies"] }).items.map((x) => x.item)).toEqual(["test-case:TC-1"]);
    expect(firstIssuePath(() => impactOf(graph(), ["requirement:FR-1"], { linkTypes: ["verifies", "verfies"] }))).toEqual(["linkTypes", 1]);
    expect(firstIssuePath(() => impactOf(graph(), ["requirement:FR-1"], { linkTypes: ["custom:mentions"] }))).toEqual(["linkTypes", 0]);
  });

  it("an unknown direction is a ValidationError; before, 'downstram' silently meant both ways", () => {
    expect(firstIssuePath(() => impactOf(graph(), ["requirement:FR-1"], { direction: "downstram" as never }))).toEqual(["direction"]);
  });

  it("a custom type the graph uses (declared or not) is accepted", () => {
    const g = buildTraceGraph({
      requirements: [{ id: "FR-1", key: "FR-1", type: "functional", title: "Quote", statement: "Sales can send a quote." }],
      artifacts: [{ id: "OPS-1", artifactType: "operations-change", name: "Runbook" }],
      links: [{ id: "tl-1", from: { kind: "artifact", id: "OPS-1" }, to: { kind: "requirement", id: "FR-1" }, linkType: "custom:mitigates" }],
    });
    expect(impactOf(g, ["requirement:FR-1"], { linkTypes: ["custom:mitigates"] }).items.map((x) => x.item)).toEqual(["artifact:OPS-1"]);
  });
});

describe("traceability matrix options: a typo is refused, never an empty matrix", () => {
  const a = () =>
    analyzeTraceGraph(buildTraceGraph({
      requirements: [{ id: "FR-1", key: "FR-1", type: "functional", title: "Quote", statement: "Sales can send a quote." }],
      testCases: [{ id: "TC-1", key: "TC-1", title: "Send a quote" }],
      links: [{ id: "tl-1", from: { kind: "test-case", id: "TC-1" }, to: { kind: "requirement", id: "FR-1" }, linkType: "verifies" }],
    }));

  it("an unknown row type, column item type, link type or direction names its path", () => {
    // Before: rowTypes ["fuctional"] gave no rows, a column with linkTypes ["verfies"] stayed empty, and direction
    // "outgong" was read as incoming — each an RTM that looks like missing coverage.
    expect(traceMatrix(a(), { rowTypes: ["functional"] }).rows.map((r) => r.id)).toEqual(["FR-1"]);
    expect(firstIssuePath(() => traceMatrix(a(), { rowTypes: ["fuctional"] }))).toEqual(["rowTypes", 0]);
    expect(firstIssuePath(() => traceMatrix(a(), { columns: [{ label: "Tests", itemTypes: ["test-case"], linkTypes: ["verfies"] }] }))).toEqual(["columns", 0, "linkTypes", 0]);
    expect(firstIssuePath(() => traceMatrix(a(), { columns: [{ label: "T", itemTypes: ["tests"] }] }))).toEqual(["columns", 0, "itemTypes", 0]);
    expect(firstIssuePath(() => traceMatrix(a(), { columns: [{ label: "P", itemTypes: ["business"], direction: "outgong" as never }] }))).toEqual(["columns", 0, "direction"]);
  });
});

describe("an undeclared custom link type covers nothing", () => {
  it("a misspelt custom type does not satisfy a need that names no link types", () => {
    // The need asks for a test case through any covering link. TC-1's link uses "custom:verfies", which the rules do
    // not declare (reported as unknown-link-type). Before: it counted as coverage (FR-1 covered by a typo); a
    // declared custom type covers by default, an undeclared one must not.
    const rules = { linkTypes: [{ name: "custom:checks", inverse: "checked by" }], items: [{ type: "functional", needs: [{ name: "test", anyOf: ["test-case"] }] }] };
    const input = (linkType: string) => ({
      requirements: [{ id: "FR-1", key: "FR-1", type: "functional", title: "Quote", statement: "Sales can send a quote." }],
      testCases: [{ id: "TC-1", key: "TC-1", title: "Send a quote" }],
      links: [{ id: "tl-1", from: { kind: "test-case" as const, id: "TC-1" }, to: { kind: "requirement" as const, id: "FR-1" }, linkType }],
    });
    const typo = analyzeTraceGraph(buildTraceGraph(input("custom:verfies"), rules)).result();
    expect([typo.coverage[0]?.shallow, typo.coverage[0]?.missing]).toEqual(["uncovered", ["test"]]);
    expect(typo.findings.map((f) => f.check)).toEqual(["unknown-link-type"]);
    const declared = analyzeTraceGraph(buildTraceGraph(input("custom:checks"), rules)).result();
    expect(declared.coverage[0]?.shallow).toBe("covered");
  });
});

describe("baseline diff: a re-pinned revision", () => {
  it("a link whose pinned revision moved is a changed link", () => {
    // FR-1 is at revision 2. Before, tl-1 pinned revision 1 (outdated); after a review it pins 2 (covers). The
    // link's ends, type and fingerprint are unchanged. Before the fix: linksChanged was empty.
    const snapshot = (targetRevision: number): TraceInput => ({
      requirements: [{ id: "FR-1", key: "FR-1", type: "functional", title: "Quote", statement: "Sales can send a quote.", revision: 2 }],
      testCases: [{ id: "TC-1", key: "TC-1", title: "Send a quote" }],
      links: [{ id: "tl-1", from: { kind: "test-case", id: "TC-1" }, to: { kind: "requirement", id: "FR-1" }, linkType: "verifies", targetRevision }],
    });
    const d = diffTraceBaselines(snapshot(1), snapshot(2));
    expect(d.linksChanged).toEqual([{ link: "tl-1", changed: ["targetRevision"] }]);
    expect([d.before.linkRevisions[0]?.status, d.after.linkRevisions[0]?.status]).toEqual(["outdated", "covers"]);
  });
});

describe("the order of the input does not change any answer", () => {
  it("a cycle through two links with one id is named the same in either order (the property's case at 20× its runs)", () => {
    // C-1 → FR-1 and C-1 → TC-1 are both "c0"; FR-1 → C-1 and TC-1 → C-1 close two cycles through C-1, the first
    // member by key. Both links tie on their id, so the path took whichever was given first: "C-1 → FR-1 → C-1" or
    // "C-1 → TC-1 → C-1". Now the tie goes to the target's key: requirement:FR-1 before test-case:TC-1.
    const link = (id: string, f: [TraceItemKind, string], t: [TraceItemKind, string]): TraceLinkInput => ({ id, from: { kind: f[0], id: f[1] }, to: { kind: t[0], id: t[1] }, linkType: "derives" });
    const links = [link("c0", ["artifact", "C-1"], ["requirement", "FR-1"]), link("a0", ["test-case", "TC-1"], ["artifact", "C-1"]), link("c0", ["artifact", "C-1"], ["test-case", "TC-1"]), link("a1", ["requirement", "FR-1"], ["artifact", "C-1"])];
    const input = (xs: TraceLinkInput[]) => ({
      requirements: [{ id: "FR-1", key: "FR-1", type: "functional", title: "f", statement: "f" }],
      testCases: [{ id: "TC-1", key: "TC-1", title: "t1" }],
      artifacts: [{ id: "C-1", artifactType: "code", name: "c" }],
      links: xs,
    });
    const cycle = (xs: TraceLinkInput[]) => analyzeTraceGraph(buildTraceGraph(input(xs))).result().findings.filter((f) => f.check === "cycle").map((f) => f.message);
    expect(cycle(links)).toEqual(["cycle: artifact:C-1 → requirement:FR-1 → artifact:C-1"]);
    expect(cycle([...links].reverse())).toEqual(["cycle: artifact:C-1 → requirement:FR-1 → artifact:C-1"]);
  });

  it("links given in reverse order (with repeated link ids) give the same analysis, impact and matrix", () => {
    // Before: impact's `via` and a coverage entry's `unwanted` list followed the input order on ties.
    const TY: Record<string, string> = { "BR-1": "business", "SR-1": "stakeholder", "FR-1": "functional", "FR-2": "functional" };
    const ids = [...Object.keys(TY), "TC-1", "TC-2", "C-1"];
    const kind = (id: string): TraceItemKind => (id.startsWith("TC") ? "test-case" : id.startsWith("C") ? "artifact" : "requirement");
    const linkArb = fc.record({ f: fc.constantFrom(...ids), t: fc.constantFrom(...ids), ty: fc.constantFrom("derives", "refines", "verifies", "implements", "depends-on"), id: fc.constantFrom("a", "b", "c", "d") });
    fc.assert(
      fc.property(fc.array(linkArb, { maxLength: 12 }), (ls) => {
        const links: TraceLinkInput[] = ls.map((l, i) => ({ id: `${l.id}${i % 3}`, from: { kind: kind(l.f), id: l.f }, to: { kind: kind(l.t), id: l.t }, linkType: l.ty }));
        const input = (xs: TraceLinkInput[]) => ({
          requirements: Object.entries(TY).map(([id, type]) => ({ id, key: id, type, title: id, statement: id })),
          testCases: [{ id: "TC-1", key: "TC-1", title: "t1" }, { id: "TC-2", key: "TC-2", title: "t2" }],
          artifacts: [{ id: "C-1", artifactType: "code", name: "c" }],
          links: xs,
        });
        const [g1, g2] = [buildTraceGraph(input(links)), buildTraceGraph(input([...links].reverse()))];
        const [a1, a2] = [analyzeTraceGraph(g1), analyzeTraceGraph(g2)];
        const view = (r: ReturnType<typeof a1.result>) => JSON.parse(JSON.stringify({ c: r.coverage, f: r.findings, l: r.levels, e: r.evidence, s: r.suspects })) as unknown;
        expect(view(a1.result())).toEqual(view(a2.result()));
        expect(impactOf(g1, ["requirement:FR-1"])).toEqual(impactOf(g2, ["requirement:FR-1"]));
        expect(traceMatrix(a1)).toEqual(traceMatrix(a2));
      }),
      { seed: 20261205, numRuns: 300 },
    );
  }, PROPERTY_TIMEOUT_MS);
});

describe("fingerprint and trigger fields keyed by a misspelt kind", () => {
  it("are refused with their path; before, the default fields were used silently and the added field never counted", () => {
    // fingerprintFields: { requirment: [..., "riskLevel"] } meant "a riskLevel change makes links suspect"; with the
    // typo the requirement kept its default fields, so changing riskLevel made nothing suspect.
    expect(firstIssuePath(() => defineTraceRules({ fingerprintFields: { requirment: ["statement", "riskLevel"] } }))).toEqual(["fingerprintFields", "requirment"]);
    expect(firstIssuePath(() => defineTraceRules({ triggerFields: { "test-cases": ["title"] } }))).toEqual(["triggerFields", "test-cases"]);
    expect(defineTraceRules({ fingerprintFields: { requirement: ["statement", "riskLevel"] }, triggerFields: { "test-case": ["title"] } }).fingerprintFields?.requirement).toEqual(["statement", "riskLevel"]);
  });
});

describe("a type field naming an undeclared type", () => {
  const rules = {
    itemTypes: ["software"],
    typeFields: { requirement: "level" },
    items: [{ type: "software", needs: [{ name: "unit test", anyOf: ["test-case"], via: ["verifies"] }] }],
  } satisfies TraceRulesInput;
  const fr = (level: string) => ({ id: "FR-1", key: "FR-1", type: "functional", level, title: "Quote", statement: "Sales can send a quote." });

  it("is refused at build and as an edit; before, the item matched no rule and dropped out of the coverage levels", () => {
    // FR-1 (level "sofware", a typo for the declared "software") has no test. Before: the software level read
    // 0 items and no gap — full coverage by omission. Now: ValidationError at ["requirements", 0, "level"].
    const ok = analyzeTraceGraph(buildTraceGraph({ requirements: [fr("software")] }, rules)).result();
    expect(ok.levels.find((l) => l.type === "software")?.gaps).toEqual(["requirement:FR-1"]);
    expect(firstIssuePath(() => buildTraceGraph({ requirements: [fr("sofware")] }, rules))).toEqual(["requirements", 0, "level"]);
    const a = analyzeTraceGraph(buildTraceGraph({ requirements: [fr("software")] }, rules));
    expect(firstIssuePath(() => a.apply({ type: "item-changed", kind: "requirement", item: fr("sofware"), at: "2026-03-02T09:00:00.000Z" }))).toEqual(["item", "level"]);
    expect(a.result().levels.find((l) => l.type === "software")?.items).toBe(1); // the refused edit changed nothing
  });
});

// Xray: a test's status is its latest run's (greatest executedAt; tie: the worse outcome, then the greater run id); a requirement is NOK when any
// test failed, else NOT RUN when any has no run or was blocked, else UNKNOWN (skipped), else OK; UNCOVERED without
// tests. Content is older than every run here, so nothing is STALE.
const EV_T0 = "2026-01-01T00:00:00.000Z";
const EV_T = ["2026-02-01T00:00:00.000Z", "2026-03-01T00:00:00.000Z", "2026-04-01T00:00:00.000Z"];
const EV_RANK = ["NOK", "NOT RUN", "UNKNOWN", "STALE", "OK", "UNCOVERED"];
describe("evidence against Xray's rules, evaluated naively", () => {
  it("each requirement's own status comes from its verifying tests' latest runs; links of another type or direction give none", () => {
  fc.assert(fc.property(
    fc.array(fc.record({ tc: fc.constantFrom("TC-1", "TC-2", "TC-3"), fr: fc.constantFrom("FR-1", "FR-2"), ty: fc.constantFrom("verifies", "verifies", "depends-on", "implements"), rev: fc.boolean() }), { maxLength: 6 }),
    fc.array(fc.record({ tc: fc.constantFrom("TC-1", "TC-2", "TC-3"), r: fc.constantFrom("passed", "failed", "blocked", "skipped"), t: fc.constantFrom(...EV_T) }), { maxLength: 8 }),
    (ls, rs) => {
      const links = ls.map((l, i) => l.rev
        ? { id: `L${i}`, from: { kind: "requirement", id: l.fr }, to: { kind: "test-case", id: l.tc }, linkType: l.ty }
        : { id: `L${i}`, from: { kind: "test-case", id: l.tc }, to: { kind: "requirement", id: l.fr }, linkType: l.ty });
      const runs = rs.map((r, i) => ({ id: `R${i}`, testCaseId: r.tc, result: r.r, executedAt: r.t, environment: "sit", softwareVersion: "1", defectIds: [] }));
      const input = {
        requirements: ["FR-1", "FR-2"].map((id) => ({ id, key: id, type: "functional", title: id, statement: id, updatedAt: EV_T0 })),
        testCases: ["TC-1", "TC-2", "TC-3"].map((id) => ({ id, key: id, title: id, updatedAt: EV_T0 })),
        links, testRuns: runs,
      };
      const res = analyzeTraceGraph(buildTraceGraph(input as TraceInput)).result();
      for (const fr of ["FR-1", "FR-2"]) {
        const tests = [...new Set(ls.filter((l) => !l.rev && l.fr === fr && l.ty === "verifies").map((l) => l.tc))];
        const st = tests.map((tc) => {
          // Same instant: the worse outcome counts as the later (failed > blocked > skipped > passed), then the greater id.
          const bad = (r: { result: string }) => ["passed", "skipped", "blocked", "failed"].indexOf(r.result);
          const mine = runs.filter((r) => r.testCaseId === tc).sort((a, b) => (a.executedAt < b.executedAt ? -1 : a.executedAt > b.executedAt ? 1 : bad(a) !== bad(b) ? bad(a) - bad(b) : a.id < b.id ? -1 : 1));
          const last = mine[mine.length - 1];
          if (!last) return "NOT RUN";
          return { passed: "OK", failed: "NOK", blocked: "NOT RUN", skipped: "UNKNOWN" }[last.result]!;
        });
        const want = st.length === 0 ? "UNCOVERED" : st.reduce((w, x) => (EV_RANK.indexOf(x) < EV_RANK.indexOf(w) ? x : w), "OK");
        const got = res.evidence.find((e) => e.id === fr);
        expect([fr, got?.own ?? "UNCOVERED"]).toEqual([fr, want]);
      }
    }), { seed: 7, numRuns: 300 });
  }, PROPERTY_TIMEOUT_MS);
});

describe("traceability matrix: a defects column without link types", () => {
  it("still shows the defects that affect the requirement (implicit links are followed)", () => {
    const a = analyzeTraceGraph(buildTraceGraph({
      requirements: [{ id: "FR-1", key: "FR-1", type: "functional", title: "Quote", statement: "Sales can send a quote." }],
      defects: [{ id: "D-1", key: "D-1", title: "PDF broken", severity: "major", requirementIds: ["FR-1"] }],
    }));
    const rtm = traceMatrix(a, { columns: [{ label: "Defects", itemTypes: ["defect"] }] });
    expect(rtm.rows[0]!.cells[0]!.entries.map((e) => e.item)).toEqual(["defect:D-1"]);
  });
});

describe("suspect links when the text goes back to an earlier version", () => {
  it("a link reviewed against v1 is suspect while the text reads v2 and clear again when it reads v1 (Doorstop's stamp)", () => {
    const v1 = { id: "FR-1", key: "FR-1", type: "functional", title: "Quote", statement: "Sales can send a quote.", updatedAt: "2026-03-01T09:00:00.000Z" };
    const v2 = { ...v1, statement: "Sales can send a quote as PDF." };
    const link: TraceLinkInput = { id: "tl-1", from: { kind: "test-case", id: "TC-1" }, to: { kind: "requirement", id: "FR-1" }, linkType: "verifies", targetFingerprint: requirementFingerprint(v1) };
    const ack = { id: "ack-1", requirementId: "FR-1", audienceRole: "developer", personId: "p-1", fingerprint: requirementFingerprint(v1), acknowledgedAt: "2026-03-01T10:00:00.000Z" };
    const a = analyzeTraceGraph(buildTraceGraph({ requirements: [{ ...v1, audiences: ["developer"] }], testCases: [{ id: "TC-1", key: "TC-1", title: "t" }], links: [link], acknowledgements: [ack] }));
    a.apply({ type: "item-changed", kind: "requirement", item: { ...v2, audiences: ["developer"] }, at: "2026-03-02T09:00:00.000Z" });
    const mid = a.result();
    expect(mid.suspects.map((s) => [s.link, s.changedFields?.map((f) => f.field)])).toEqual([["tl-1", ["statement"]]]);
    expect(mid.acknowledgements[0]?.audiences[0]?.status).toBe("stale");
    a.apply({ type: "item-changed", kind: "requirement", item: { ...v1, audiences: ["developer"] }, at: "2026-03-03T09:00:00.000Z" });
    const back = a.result();
    expect(back.suspects).toEqual([]);
    expect(back.acknowledgements[0]?.audiences[0]?.status).toBe("acknowledged");
    // A fresh analysis of the same data agrees.
    const fresh = analyzeTraceGraph(buildTraceGraph({ requirements: [{ ...v1, audiences: ["developer"] }], testCases: [{ id: "TC-1", key: "TC-1", title: "t" }], links: [link], acknowledgements: [ack] })).result();
    expect(fresh.suspects).toEqual([]);
  });
});

describe("baseline diff: a link id given twice", () => {
  it("a second link added under a known id is reported as added, the first as unchanged", () => {
    // Before: tl-1 (TC-1 verifies FR-1). After: tl-1 as before, plus a second tl-1 (TC-2 verifies FR-1). Before the
    // fix the last tl-1 hid the first: the diff said tl-1's `from` changed and nothing was added.
    const req = { id: "FR-1", key: "FR-1", type: "functional", title: "Quote", statement: "Sales can send a quote." };
    const l = (tc: string): TraceLinkInput => ({ id: "tl-1", from: { kind: "test-case", id: tc }, to: { kind: "requirement", id: "FR-1" }, linkType: "verifies" });
    const snap = (links: TraceLinkInput[]): TraceInput => ({ requirements: [req], testCases: [{ id: "TC-1", key: "TC-1", title: "a" }, { id: "TC-2", key: "TC-2", title: "b" }], links });
    const d = diffTraceBaselines(snap([l("TC-1")]), snap([l("TC-1"), l("TC-2")]));
    expect([d.linksAdded, d.linksRemoved, d.linksChanged]).toEqual([["tl-1"], [], []]);
    const back = diffTraceBaselines(snap([l("TC-1"), l("TC-2")]), snap([l("TC-1")]));
    expect([back.linksAdded, back.linksRemoved, back.linksChanged]).toEqual([[], ["tl-1"], []]);
  });
});

describe("field diff agrees with the fingerprint", () => {
  it("a field set to null where it was absent is a change for both", () => {
    // fingerprintOf counts {"rationale":null} and {} apart; diffFields said "no field changed" for the same pair,
    // so a suspect link could list no changed field.
    const before = { statement: "a" };
    const after = { statement: "a", rationale: null };
    expect(fingerprintOf(before, ["statement", "rationale"]) === fingerprintOf(after, ["statement", "rationale"])).toBe(false);
    expect(diffFields(before, after, ["statement", "rationale"])).toEqual([{ field: "rationale", before: undefined, after: null }]);
  });
});
