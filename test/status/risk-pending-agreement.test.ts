import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeEntity, isoDate, type Risk } from "../../src/index.js";
import { DEFAULT_RAG_RULES, contingencyReserve, ragStatus } from "../../src/status/index.js";

// Two as-of views of one risk register agree on which risks were pending on a day: ragStatus counting every pending
// risk high (highRiskProbability "0") counts exactly the risks contingencyReserve prices or leaves out as
// no-cost-impact, and flags the same ones as status unknown.

const day = (n: number) => isoDate(`2026-0${1 + Math.floor(n / 28)}-${String(1 + (n % 28)).padStart(2, "0")}`);
const riskArb = fc.record({
  status: fc.constantFrom("open", "monitoring", "closed", "occurred", "occurred-closed"),
  days: fc.uniqueArray(fc.integer({ min: 0, max: 160 }), { minLength: 5, maxLength: 5 }).map((d) => d.sort((x, y) => x - y)),
  withOccurredOn: fc.boolean(),
  earlier: fc.constantFrom(undefined, "closedOn", "occurredOn"),
  priced: fc.boolean(),
  updated: fc.integer({ min: 0, max: 160 }),
});

type Input = typeof riskArb extends fc.Arbitrary<infer T> ? T : never;
function build(i: number, x: Input): Risk | undefined {
  const [raised, e1, reopened, occurred, closed] = x.days.map(day) as unknown as [string, string, string, string, string];
  const st = x.status === "occurred-closed" ? "closed" : x.status;
  const wire = {
    id: `RSK-${i}`, version: 2, createdAt: "2026-01-01T09:00:00.000Z", updatedAt: `${day(Math.max(x.updated, x.days[4]!))}T09:00:00.000Z`, projectId: "P",
    title: "t", ownerId: "o", response: "mitigate", mitigation: "m", status: st, raisedOn: raised, probability: "0.5", impact: 3,
    ...(x.priced && { costImpact: { amount: "1000.00", currency: "EUR" } }),
    ...(x.earlier && { closings: [{ [x.earlier]: e1, reopenedOn: reopened }] }),
    ...((x.status === "occurred-closed" || (x.status === "occurred" && x.withOccurredOn)) && { occurredOn: occurred }),
    ...(st === "closed" && { closedOn: closed }),
  };
  try {
    return decodeEntity("risk", wire) as Risk;
  } catch {
    return undefined;
  }
}

describe("ragStatus and contingencyReserve agree on the pending risks as of a day", () => {
  it("same pending set, same status-unknown set", () => {
    const rules = DEFAULT_RAG_RULES.filter((r) => r.id === "risks-high");
    fc.assert(
      fc.property(fc.array(riskArb, { minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: 160 }), (inputs, n) => {
        const risks = inputs.map((x, i) => build(i, x)).filter((r): r is Risk => r !== undefined);
        fc.pre(risks.length > 0);
        const asOf = day(n);
        const reserve = contingencyReserve(risks, { currency: "EUR", asOf });
        const rag = ragStatus({ id: "P", risks }, { asOf, rules, highRiskProbability: "0" }).derived["highRisksPending"]!;
        const pending = [...reserve.contributions.map((c) => c.riskId), ...reserve.excluded.filter((x) => x.reason === "no-cost-impact").map((x) => x.riskId)].sort();
        if (rag.reason === "no-data") expect(pending).toEqual([]);
        else expect([...rag.from].sort()).toEqual(pending);
        expect((rag.statusUnknown ?? []).map((x) => x.id).sort()).toEqual(reserve.statusUnknown.map((x) => x.id).sort());
      }),
      { numRuns: 500, seed: 7 },
    );
  });
});
