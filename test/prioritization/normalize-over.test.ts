import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scoreRequests, type ScoringModel } from "../../src/prioritization/index.js";
import { req, summary } from "./helpers.js";

const ASOF = { asOf: "2026-11-20" };
const model = (normalizeOver?: "batch" | "candidates"): ScoringModel => ({
  kind: "weighted-sum", decimals: 9, ...(normalizeOver ? { normalizeOver } : {}),
  criteria: [{ id: "a", weight: 2 }, { id: "b", weight: 1 }],
  attributes: [{ id: "moscow", scale: { kind: "ordinal", labels: { must: 4, should: 3, could: 2, wont: 1 } } }],
  gates: [{ kind: "moscow", criterionId: "moscow" }],
});
const X = req("X", { a: 10, b: 1, moscow: "should" });
const Y = req("Y", { a: 1, b: 10, moscow: "should" });

describe("normalizeOver: which requests the batch normalisation reads", () => {
  it("a Won't request moves the candidates' min-max scores under the default, not under candidates (hand-derived)", () => {
    const W = req("W", { a: 1000, b: 10, moscow: "wont" });
    // batch (default): a spans 1–1000, b spans 1–10.
    //   X: a_n = 9/999, b_n = 0 → (2/3)·(9/999) = 0.006006006; Y: a_n = 0, b_n = 1 → 1/3 = 0.333333333. Y first.
    //   W (scored, then forced out): a_n = 1, b_n = 1 → 1.
    expect(summary(scoreRequests([X, Y, W], model(), ASOF))).toEqual(["1:Y:scored:0.333333333", "2:X:scored:0.006006006", "3:W:forced-out:1"]);
    expect(summary(scoreRequests([X, Y, W], model("batch"), ASOF))).toEqual(summary(scoreRequests([X, Y, W], model(), ASOF)));
    // candidates: W is left out, so a spans 1–10 and b 1–10. X: a_n = 1 → 2/3; Y: b_n = 1 → 1/3. X first.
    const board = scoreRequests([X, Y, W], model("candidates"), ASOF);
    expect(summary(board)).toEqual(["1:X:scored:0.666666667", "2:Y:scored:0.333333333", "3:W:forced-out:forced-out"]);
    expect(board.entries[2]!.score).toMatchObject({ reason: "forced-out", detail: expect.stringMatching(/not normalised/) });
    expect(board.entries[2]!.breakdown).toEqual([]);
    expect(board.entries[0]!.breakdown.map((c) => c.normalized?.toFixed())).toEqual(["1", "0"]);
  });

  it("an unrated request's other values stay out of the statistics under candidates", () => {
    const Z = req("Z", { a: 1000, moscow: "should" }); // no b: unscored either way
    expect(summary(scoreRequests([X, Y, Z], model(), ASOF))).toEqual(["1:Y:scored:0.333333333", "2:X:scored:0.006006006", "3:Z:unscored:missing-rating"]);
    expect(summary(scoreRequests([X, Y, Z], model("candidates"), ASOF))).toEqual(["1:X:scored:0.666666667", "2:Y:scored:0.333333333", "3:Z:unscored:missing-rating"]);
  });

  it("rank normalisation counts only the candidates", () => {
    const rank: ScoringModel = { ...model("candidates"), criteria: [{ id: "a", normalization: "rank" }] };
    // candidates X (10), Y (1): ranks 2 and 1 of N = 2 → 1 and 0; W (1000) would have made X 0.5.
    const W = req("W", { a: 1000, b: 10, moscow: "wont" });
    expect(summary(scoreRequests([W, X, Y], rank, ASOF))).toEqual(["1:X:scored:1", "2:Y:scored:0", "3:W:forced-out:forced-out"]);
    expect(summary(scoreRequests([W, X, Y], { ...rank, normalizeOver: "batch" }, ASOF))).toEqual(["1:X:scored:0.5", "2:Y:scored:0", "3:W:forced-out:1"]);
  });

  it("an unknown value is a ValidationError at normalizeOver", () => {
    expect(() => scoreRequests([X], { ...model(), normalizeOver: "all" as never }, ASOF)).toThrow(/normalizeOver/);
  });

  it("property: under candidates, adding Won't requests never changes the other requests' scores", () => {
    const value = fc.integer({ min: 0, max: 1000 });
    fc.assert(fc.property(fc.array(fc.tuple(value, value), { minLength: 1, maxLength: 8 }), fc.array(fc.tuple(value, value), { maxLength: 4 }), (kept, wont) => {
      const base = kept.map(([a, b], i) => req(`K${i}`, { a, b, moscow: "could" }));
      const extra = wont.map(([a, b], i) => req(`W${i}`, { a, b, moscow: "wont" }));
      const scores = (rs: typeof base) => scoreRequests(rs, model("candidates"), ASOF).entries.filter((e) => e.status !== "forced-out").map((e) => `${e.requestId}:${e.score.value?.toFixed()}`);
      expect(scores([...extra, ...base])).toEqual(scores(base));
    }), { numRuns: 100 });
  });
});
