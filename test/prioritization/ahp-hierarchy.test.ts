import { describe, expect, it } from "vitest";
import { ValidationError } from "../../src/core/index.js";
import { ahpHierarchy, type AhpHierarchy } from "../../src/prioritization/index.js";

const two: AhpHierarchy = {
  goal: {
    id: "goal",
    compare: [[1, "1/3"], [3, 1]], // quality 3× cost → cost 0.25, quality 0.75 (consistent)
    children: [
      { id: "cost", compare: [[1, 2], ["1/2", 1]] }, // A 2× B → A 2/3, B 1/3
      { id: "quality", compare: [[1, "1/4"], [4, 1]] }, // B 4× A → A 0.2, B 0.8
    ],
  },
  alternatives: ["A", "B"],
};

describe("AHP hierarchies (issue 16)", () => {
  it("distributive mode: global weights are products of local weights; alternatives summed (hand-derived)", () => {
    const r = ahpHierarchy(two);
    expect(r.leafWeights.map((l) => [l.id, l.weight.toFixed(6)])).toEqual([["cost", "0.250000"], ["quality", "0.750000"]]);
    // A = 0.25·2/3 + 0.75·0.2 = 0.316667; B = 0.25·1/3 + 0.75·0.8 = 0.683333
    expect(r.priorities.map((p) => p.priority.toFixed(6))).toEqual(["0.316667", "0.683333"]);
    expect(r.consistent).toBe(true);
  });

  it("ideal mode divides by the best alternative per leaf, then normalises (hand-derived)", () => {
    const r = ahpHierarchy(two, { mode: "ideal" });
    // cost: A 1, B 0.5; quality: A 0.25, B 1 → A = 0.25 + 0.1875 = 0.4375; B = 0.125 + 0.75 = 0.875
    // normalised: A = 0.4375/1.3125 = 1/3, B = 2/3
    expect(r.priorities.map((p) => p.priority.toFixed(6))).toEqual(["0.333333", "0.666667"]);
  });

  it("three levels: sub-criteria weights multiply down the tree", () => {
    const h: AhpHierarchy = {
      goal: {
        id: "goal",
        compare: [[1, 1], [1, 1]], // benefit and risk equal: 0.5 each
        children: [
          {
            id: "benefit",
            compare: [[1, 3], ["1/3", 1]], // revenue 0.75, savings 0.25
            children: [
              { id: "revenue", compare: [[1, 1], [1, 1]] },
              { id: "savings", compare: [[1, 3], ["1/3", 1]] },
            ],
          },
          { id: "risk", compare: [[1, "1/3"], [3, 1]] },
        ],
      },
      alternatives: ["X", "Y"],
    };
    const r = ahpHierarchy(h);
    // revenue 0.5·0.75 = 0.375; savings 0.5·0.25 = 0.125; risk 0.5
    expect(r.leafWeights.map((l) => [l.id, l.weight.toFixed(4)])).toEqual([["revenue", "0.3750"], ["savings", "0.1250"], ["risk", "0.5000"]]);
    // X = 0.375·0.5 + 0.125·0.75 + 0.5·0.25 = 0.1875 + 0.09375 + 0.125 = 0.40625
    expect(r.priorities[0]!.priority.toFixed(5)).toBe("0.40625");
    expect(r.nodes.map((n) => n.id)).toEqual(["goal", "benefit", "revenue", "savings", "risk"]);
  });

  it("reports CR per node and which nodes are inconsistent (Saaty 1990 house matrix under a criterion)", () => {
    const r = ahpHierarchy(
      {
        goal: { id: "goal", compare: [[1, 2], ["1/2", 1]], children: [
          { id: "size", compare: [[1, 6, 8], ["1/6", 1, 4], ["1/8", "1/4", 1]] },
          { id: "age", compare: [[1, 1, 1], [1, 1, 1], [1, 1, 1]] },
        ] },
        alternatives: ["A", "B", "C"],
      },
      { riTable: "saaty-classic" },
    );
    // Saaty's published CR for this matrix with his RI 0.58: 0.117 (> 0.10).
    expect(r.nodes.find((n) => n.id === "size")!.local.cr.toFixed(3)).toBe("0.117");
    expect(r.inconsistentNodes).toEqual(["size"]);
    expect(r.consistent).toBe(false);
  });

  it("refuses a malformed hierarchy with every problem and its path", () => {
    let e: unknown;
    try {
      ahpHierarchy({
        goal: { id: "goal", compare: [[1, 2], ["1/2", 1]], children: [
          { id: "x", compare: [[1]] }, // 1×1 but there are 2 alternatives
          { id: "x", compare: [[1, 1], [1, 1]] }, // duplicate id
        ] },
        alternatives: ["A", "B"],
      });
    } catch (err) {
      e = err;
    }
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).issues.map((i) => i.path.join("."))).toEqual(["goal.children.0.compare", "goal.children.1.id"]);
  });
});
