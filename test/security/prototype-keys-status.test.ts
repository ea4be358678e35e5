import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { decimal, isoDate, metric } from "../../src/index.js";
import { decodeRagRules, evaluateRagRule, ragStatus, type RagRuleInput } from "../../src/status/index.js";
import { HOSTILE, ORDINARY, expectSameModuloRenaming, prototypeSnapshot } from "./hostile-keys.js";

let before: unknown;
beforeEach(() => { before = prototypeSnapshot(); });
afterEach(() => { expect(prototypeSnapshot()).toEqual(before); });

const asOf = isoDate("2026-11-20");
const d = (x: string) => metric(decimal(x));
const [k0, k1, k2] = ORDINARY as [string, string, string];

/*
 * Custom RAG figures are named by the user, and a rule names its figure: figures.custom[name]. Hand-derived:
 * k0 = 0.9 with green ≥ 0.95, amber ≥ 0.85 → amber; k1 = 3 with red ≥ 2 → red; k2 = 5 within tolerance 10, amber
 * from 8 → green.
 */
const rules = (): RagRuleInput[] => [
  { id: "custom-index", dimension: "scope", kind: "index", figure: k0, greenAtLeast: "0.95", amberAtLeast: "0.85" },
  { id: "custom-count", dimension: "quality", kind: "count", figure: k1, redAtLeast: "2" },
  { id: "custom-tolerance", dimension: "cost", kind: "tolerance", figure: k2, tolerance: "10", amberShare: "0.8" },
];

describe("RAG status: custom figures named like Object.prototype members", () => {
  it("the ordinary names give the hand-derived colours", () => {
    const s = ragStatus({ id: "P" }, { asOf, rules: rules(), figures: { custom: { [k0]: d("0.9"), [k1]: d("3"), [k2]: d("5") } } });
    expect(s.dimensions.map((x) => [x.dimension, x.colour])).toEqual([["cost", "green"], ["scope", "amber"], ["quality", "red"]]);
  });

  for (const [i, name] of HOSTILE.entries()) {
    it(`a custom figure named ${name} is read from the figures, not from Object.prototype`, async () => {
      const input = { rules: [rules()[0]!, rules()[1]!, rules()[2]!].map((r) => ({ ...r, figure: ORDINARY[i]! })), custom: { [ORDINARY[i]!]: d("0.9") } };
      await expectSameModuloRenaming(input, ({ rules, custom }) => ragStatus({ id: "P" }, { asOf, rules, figures: { custom } }));
    });
  }

  it("all six at once, through ragStatus and evaluateRagRule", async () => {
    const input = { rules: rules(), custom: { [k0]: d("0.9"), [k1]: d("3"), [k2]: d("5") } };
    await expectSameModuloRenaming(input, ({ rules, custom }) => ragStatus({ id: "P" }, { asOf, rules, figures: { custom } }));
    await expectSameModuloRenaming(input, ({ rules, custom }) => decodeRagRules(rules, Object.keys(custom)).map((r) => evaluateRagRule(r, { custom }, {})));
  });

  it("a rule whose custom figure is not supplied does not rate, whatever the figure's name", async () => {
    const input = { rules: rules(), names: [k0, k1, k2] };
    await expectSameModuloRenaming(input, ({ rules, names }) => decodeRagRules(rules, names).map((r) => evaluateRagRule(r, { custom: {} }, {}).missing));
    await expectSameModuloRenaming(input, ({ rules, names }) => decodeRagRules(rules, names).map((r) => evaluateRagRule(r, {}, {}).missing));
    const [r] = decodeRagRules([{ ...rules()[0]!, figure: "toString" }], ["toString"]);
    expect(evaluateRagRule(r!, {}, {}).missing).toEqual({ figure: "toString", reason: "not-supplied" });
  });
});
