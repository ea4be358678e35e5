import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  analyzeTraceability, requirementFingerprint, type AcknowledgementInput, type TraceAnalysisResult, type TraceEntity, type TraceInput, type TraceLinkInput, type TraceRulesInput,
} from "../../src/traceability/index.js";
import { kindOf, link, req, run, tc, art } from "./helpers.js";

// The order records arrive in (a database page, a file, a sync) is not part of the data: every answer — coverage,
// findings, levels, suspects, evidence (Xray's latest run per test, ties on one instant included), acknowledgements —
// must be the same for any permutation of every input list. Ids are unique per kind here: a repeated id is a
// `duplicate-item` finding whose "first one is used" rule is order-dependent by definition.

const PROPERTY_TIMEOUT_MS = 60_000;
// Few instants, so runs of one test often share one (the tie rule) and runs often fall on a change's instant.
const TIMES = ["2026-01-01T00:00:00.000Z", "2026-02-01T00:00:00.000Z", "2026-03-01T00:00:00Z"];
const REQS = ["BR-1", "SR-1", "FR-1", "FR-2", "FR-3"];
const TCS = ["TC-1", "TC-2", "TC-3"];
const ARTS = ["C-1", "D-1"];
const RULES: TraceRulesInput = {
  items: [
    { type: "business", root: true, needs: [{ anyOf: ["stakeholder", "functional"], via: ["derives", "refines"] }] },
    { type: "stakeholder", needs: [{ anyOf: ["functional"], via: ["refines"] }], parents: { anyOf: ["business"], via: ["derives"] } },
    { type: "functional", needs: [{ anyOf: ["functional", "code"], via: ["refines", "implements"] }, { name: "test", anyOf: ["test-case"], via: ["verifies"], min: 2 }] },
    { type: "code", needs: [{ anyOf: ["test-case"], via: ["verifies"] }] },
  ],
  suspects: { transitiveLinkTypes: ["derives", "refines", "verifies", "implements"], depth: 2 },
};
const TYPE: Record<string, string> = { "BR-1": "business", "SR-1": "stakeholder", "FR-1": "functional", "FR-2": "functional", "FR-3": "functional" };

const linkArb = fc.record({
  from: fc.constantFrom(...REQS, ...TCS, ...ARTS, "TC-9"),
  to: fc.constantFrom(...REQS, ...ARTS, "FR-9"),
  type: fc.constantFrom("derives", "refines", "verifies", "implements", "satisfies", "depends-on"),
  fp: fc.constantFrom("current", "bogus", "none"),
  reviewed: fc.option(fc.constantFrom(...TIMES), { nil: undefined }),
  created: fc.constantFrom(...TIMES),
});
const arb = fc.record({
  items: fc.array(fc.record({ at: fc.constantFrom(...TIMES), variant: fc.nat(3) }), { minLength: REQS.length + TCS.length + ARTS.length, maxLength: REQS.length + TCS.length + ARTS.length }),
  links: fc.array(linkArb, { maxLength: 18 }),
  runs: fc.array(fc.record({ tc: fc.constantFrom(...TCS), result: fc.constantFrom("passed", "failed", "blocked", "skipped"), at: fc.constantFrom(...TIMES), env: fc.constantFrom("sit", "uat") }), { maxLength: 10 }),
  acks: fc.array(fc.record({ req: fc.constantFrom(...REQS), role: fc.constantFrom("developer", "dba"), person: fc.constantFrom("p-1", "p-2"), current: fc.boolean(), at: fc.constantFrom(...TIMES) }), { maxLength: 6 }),
  seeds: fc.array(fc.nat(), { minLength: 7, maxLength: 7 }),
});

type Gen = typeof arb extends fc.Arbitrary<infer T> ? T : never;

function input(g: Gen): TraceInput {
  const [ri, ti] = [REQS.length, REQS.length + TCS.length];
  const requirements = REQS.map((id, i) => req(id, TYPE[id]!, { updatedAt: g.items[i]!.at, statement: `v${g.items[i]!.variant}`, audiences: ["developer", "dba"], ...(g.items[i]!.variant === 3 ? { status: "obsolete" } : {}) }));
  const testCases = TCS.map((id, i) => tc(id, { updatedAt: g.items[ri + i]!.at, ...(g.items[ri + i]!.variant === 3 ? { status: "deprecated" } : {}) }));
  const artifacts = ARTS.map((id, i) => art(id, id.startsWith("C") ? "code" : "design", { updatedAt: g.items[ti + i]!.at, name: `v${g.items[ti + i]!.variant}` }));
  const fpOf = (id: string) => (kindOf(id) === "requirement" && REQS.includes(id) ? requirementFingerprint(requirements[REQS.indexOf(id)]!) : undefined);
  const links: TraceLinkInput[] = g.links.map((l, i) => {
    const fp = l.fp === "bogus" ? "00ff" : l.fp === "current" ? fpOf(l.to) : undefined;
    return link(l.from, l.type, l.to, { id: `l-${i}`, createdAt: l.created, ...(fp !== undefined ? { targetFingerprint: fp } : {}), ...(l.reviewed !== undefined ? { reviewedAt: l.reviewed } : {}) });
  });
  const testRuns: TraceEntity[] = g.runs.map((r, i) => run(`r-${i}`, r.tc, r.result, r.at, { environment: r.env }));
  const acknowledgements: AcknowledgementInput[] = g.acks.map((a, i) => ({
    id: `ack-${i}`, requirementId: a.req, audienceRole: a.role, personId: a.person, acknowledgedAt: a.at,
    fingerprint: a.current ? requirementFingerprint(requirements[REQS.indexOf(a.req)]!) : "stale-fingerprint",
  }));
  return { requirements, testCases, artifacts, links, testRuns, acknowledgements };
}

/** A deterministic shuffle (Fisher–Yates driven by a linear congruential generator). */
function shuffle<T>(xs: readonly T[] | undefined, seed: number): T[] {
  const out = [...(xs ?? [])];
  let s = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const view = (r: TraceAnalysisResult) => JSON.parse(JSON.stringify({ ...r, rules: undefined })) as unknown;

describe("every answer is the same for any order of the input", () => {
  it.each([
    ["default evidence options", {}],
    ["worst per environment, final beats not-run, transitive test rows", { evidence: { environments: "worst-per-environment", finalBeatsNotRun: true, tests: "transitive" } }],
  ] as const)("property (%s): permuting requirements, tests, artifacts, runs, links and acknowledgements", (_, options) => {
    fc.assert(
      fc.property(arb, (g) => {
        const i = input(g);
        const [a, b, c, d, e, f] = g.seeds;
        const permuted: TraceInput = {
          requirements: shuffle(i.requirements, a!), testCases: shuffle(i.testCases, b!), artifacts: shuffle(i.artifacts, c!),
          links: shuffle(i.links, d!), testRuns: shuffle(i.testRuns, e!), acknowledgements: shuffle(i.acknowledgements, f!),
        };
        expect(view(analyzeTraceability(permuted, RULES, options as never))).toEqual(view(analyzeTraceability(i, RULES, options as never)));
      }),
      { seed: 20261207, numRuns: 120 },
    );
  }, PROPERTY_TIMEOUT_MS);
});
