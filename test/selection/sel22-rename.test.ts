import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { efficientFrontier, selectPortfolio, type SelectionProblemInput } from "../../src/selection/index.js";
import { enumerateOptimum, rawProblem, toInput } from "./oracle.js";

/*
 * sel22: the documented tie rule says solvers see candidates sorted by id in code-unit order, so which of several
 * equally good plans is returned depends on the problem's content and the ids' code-unit order only. Renaming the
 * ids by a map that keeps their code-unit order (to ids mixing case, digits, non-ASCII and astral characters, where
 * a locale or numeric collation would order them differently) must return the renamed plan, figures and answers;
 * renaming them in reverse order must still return a plan worth the enumerated optimum. Values are drawn from
 * 0–3 so that ties are everywhere.
 */
const WEIRD = ["10", "9", "A", "B", "REQ-10", "REQ-9", "_x", "a", "b", "z", "É", "é", "ü", "ﬀ", "𝒳", "𝒴"].sort(); // code-unit order
function rename(input: SelectionProblemInput, map: (id: string) => string): SelectionProblemInput {
  const r = (x: unknown): unknown => (typeof x === "string" && /^C\d\d$/.test(x) ? map(x) : Array.isArray(x) ? x.map(r) : x && typeof x === "object" && !("currency" in x) ? Object.fromEntries(Object.entries(x).map(([k, v]) => [k, r(v)])) : x);
  return r(input) as SelectionProblemInput;
}
const key = (s: Awaited<ReturnType<typeof selectPortfolio>>, back: (id: string) => string) => ({
  status: s.status, objective: s.objective.value?.toFixed(), selected: s.selected.map(back),
  whyNot: s.whyNot.map((w) => `${back(w.candidate)} ${w.kind} ${w.objectiveLost.value?.toFixed() ?? w.objectiveLost.reason}`).sort(),
});

describe("selection under renamed ids", () => {
  it("property: an order-keeping renaming returns the renamed plan; a reversing one a plan worth the optimum", async () => {
    await fc.assert(
      fc.asyncProperty(rawProblem(10), fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 10, maxLength: 10 }), async (p0, vals) => {
        const p = { ...p0, values: p0.values.map((_, i) => vals[i]!) };
        const input = toInput(p);
        const ids = input.candidates.map((c) => c.id);
        const keep = new Map(ids.map((id, i) => [id, WEIRD[i]!]));
        const rev = new Map(ids.map((id, i) => [id, WEIRD[WEIRD.length - 1 - i]!]));
        const back = (m: Map<string, string>) => { const inv = new Map([...m].map(([a, b]) => [b, a])); return (id: string) => inv.get(id)!; };
        const opts = { gap: 0, timeLimitMs: 30_000 } as const;
        const a = await selectPortfolio(input, opts);
        const b = await selectPortfolio(rename(input, (id) => keep.get(id)!), opts);
        const c = await selectPortfolio(rename(input, (id) => rev.get(id)!), opts);
        expect(key(b, back(keep))).toEqual(key(a, (id) => id));
        const best = enumerateOptimum(p);
        expect(c.objective.value?.toNumber()).toBe(best);
        expect(a.objective.value?.toNumber()).toBe(best);
        const fa = await efficientFrontier(input, { levels: [0.4, 1], gap: 0, timeLimitMs: 30_000 });
        const fb = await efficientFrontier(rename(input, (id) => keep.get(id)!), { levels: [0.4, 1], gap: 0, timeLimitMs: 30_000 });
        expect(fb.map((x) => [x.optimal.selected.map(back(keep)), x.ranking?.selected.map(back(keep)), x.leftBehind.value?.toFixed()]))
          .toEqual(fa.map((x) => [x.optimal.selected, x.ranking?.selected, x.leftBehind.value?.toFixed()]));
      }),
      { numRuns: Number(process.env.ORACLE_RUNS ?? 30), seed: Number(process.env.ORACLE_SEED ?? 22) },
    );
  });
  it("two identical candidates and room for one: the smaller id in code-unit order ('Z' before 'a', 'é' after 'z', '10' before '9')", async () => {
    for (const [x, y] of [["a", "Z"], ["é", "z"], ["9", "10"], ["𝒳", "ﬀ"]] as const) {
      const mk = (first: string, second: string): SelectionProblemInput => ({
        periods: ["P"], budgets: { P: { amount: "1", currency: "EUR" } },
        candidates: [first, second].map((id) => ({ id, value: 5, costs: { P: { amount: "1", currency: "EUR" } } })),
      });
      const want = x < y ? x : y; // code units: "Z" (0x5A) < "a" (0x61); "z" < "é" (0xE9); "1" < "9"; "𝒳" (0xD835 0xDCB3) < "ﬀ" (0xFB00)
      expect((await selectPortfolio(mk(x, y), { gap: 0 })).selected).toEqual([want]);
      expect((await selectPortfolio(mk(y, x), { gap: 0 })).selected).toEqual([want]);
    }
  });
});
