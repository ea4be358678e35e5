import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decimal, instant, isoDate, type ChecklistItem } from "../../src/index.js";
import { assessItem, checkEvidenceRule, decodeFacts } from "../../src/rollout/index.js";

// An evidence rule falls back to the latest metric recorded on the item. Two metrics recorded at the same instant with
// different values were decided by their order in the list (the later-listed one won): [12, 25] proved "≥ 20",
// [25, 12] did not. The rule now reads the least favourable of the tied values, so the answer does not depend on list
// order and a conflicting reading never proves an item.
const at = instant("2025-03-01T08:00:00Z");
const asOf = isoDate("2025-03-10");
const op = (o: ">=" | ">" | "<=" | "<" | "=") => o;
function kb(rule: { fact: string; op: ">=" | ">" | "<=" | "<" | "="; threshold: number }, values: readonly [number, string][]): ChecklistItem {
  return {
    id: "kb", version: 1, createdAt: at, updatedAt: at, rolloutPlanId: "rp-x", code: "KB", title: "kb", phase: "prepare",
    category: "help-desk", raci: [], anchor: "go-live", tMinusDays: 5, dependsOn: [], blocking: true, gateIds: [], status: "todo",
    evidenceRule: { all: [{ fact: rule.fact, op: rule.op, threshold: decimal(rule.threshold) }] },
    evidence: values.map(([v, day]) => ({ type: "metric" as const, reference: rule.fact, value: decimal(v), recordedBy: "p", recordedAt: instant(`${day}T12:00:00Z`) })),
  } as ChecklistItem;
}
const judge = (i: ChecklistItem) => assessItem(i, { asOf, facts: decodeFacts({}) });

describe("metric evidence recorded at the same instant", () => {
  it("12 and 25 recorded together at 2025-03-05T12:00Z: '≥ 20' is not proven, whichever is listed first", () => {
    const rule = { fact: "kb.published", op: op(">="), threshold: 20 };
    const a = judge(kb(rule, [[12, "2025-03-05"], [25, "2025-03-05"]]));
    const b = judge(kb(rule, [[25, "2025-03-05"], [12, "2025-03-05"]]));
    expect([a.state, b.state]).toEqual(["open", "open"]); // was ["closed", "open"]
    expect(a.why).toBe("evidence rule fails: kb.published = 12 fails >= 20");
    expect(b.why).toBe(a.why);
  });

  it("for '≤ 2' open defects the worse reading is the larger one (3), for '= 0' the one that is not 0", () => {
    const le = { fact: "defects.open", op: op("<="), threshold: 2 };
    expect(checkEvidenceRule(kb(le, [[3, "2025-03-05"], [1, "2025-03-05"]]), decodeFacts({}))!.explanation).toBe("defects.open = 3 fails <= 2");
    const eq = { fact: "defects.open", op: op("="), threshold: 0 };
    expect(checkEvidenceRule(kb(eq, [[0, "2025-03-05"], [4, "2025-03-05"]]), decodeFacts({}))!.explanation).toBe("defects.open = 4 fails = 0");
  });

  it("a later reading still replaces an earlier one (25 on 03-06 after 12 on 03-05 proves '≥ 20')", () => {
    expect(judge(kb({ fact: "kb.published", op: op(">="), threshold: 20 }, [[25, "2025-03-06"], [12, "2025-03-05"]])).state).toBe("closed");
  });

  it("property: the verdict does not depend on the order of the evidence, and equals the brute-force rule", () => {
    // Oracle: keep the metrics recorded by asOf, take those at the latest instant; the rule holds iff every one of them
    // satisfies it.
    const ops = [">=", ">", "<=", "<", "="] as const;
    const days = ["2025-03-04", "2025-03-05", "2025-03-10", "2025-03-11"];
    const metricArb = fc.tuple(fc.integer({ min: 0, max: 5 }), fc.constantFrom(...days));
    fc.assert(
      fc.property(fc.constantFrom(...ops), fc.integer({ min: 0, max: 5 }), fc.array(metricArb, { maxLength: 6 }), fc.array(fc.nat(), { minLength: 6, maxLength: 6 }), (o, t, ms, keys) => {
        const rule = { fact: "x.y", op: o, threshold: t };
        const shuffled = ms.map((m, i) => ({ m, k: keys[i]! })).sort((a, b) => a.k - b.k).map((e) => e.m);
        const verdict = judge(kb(rule, ms));
        const again = judge(kb(rule, shuffled));
        expect([again.state, again.why]).toEqual([verdict.state, verdict.why]);
        const known = ms.filter(([, d]) => d <= asOf);
        const latest = known.reduce((best, [, d]) => (d > best ? d : best), "");
        const tied = known.filter(([, d]) => d === latest).map(([v]) => v);
        const holds = (v: number) => ({ ">=": v >= t, ">": v > t, "<=": v <= t, "<": v < t, "=": v === t })[o];
        const expected = tied.length > 0 && tied.every(holds);
        expect(verdict.state).toBe(expected ? "closed" : "open");
      }),
      { seed: 20261205, numRuns: 300 },
    );
  });
});
