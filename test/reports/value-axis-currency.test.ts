import { describe, expect, it } from "vitest";
import { money } from "../../src/core/index.js";
import { efficientFrontierChart, valueCostBubbleChart, type FrontierChartInput } from "../../src/reports/index.js";
import { bubbleInput, frontierInput } from "./fixtures.js";
import { validationErrorOf } from "../support/errors.js";

const yTitle = (svg: string) => /<g class="axis axis-y"[^>]*>.*<text class="axis-title"[^>]*>([^<]*)<\/text><\/g>/.exec(svg)?.[1];
const paths = (fn: () => unknown): string[] => validationErrorOf(fn).issues.map((i) => i.path.join("."));

describe("a value axis in money names its currency and holds one currency", () => {
  // Total value as NPV in EUR (a value measure in money): the axis read "Total value" with no unit.
  const npv = (): FrontierChartInput => {
    const f = frontierInput();
    const eur = <P extends { value: number }>(p: P) => ({ ...p, value: money(String(p.value * 1000), "EUR") });
    return { ...f, frontier: f.frontier.map(eur), ranking: f.ranking.map(eur) };
  };

  it("frontier: the value axis of Money values reads 'Total value (EUR)'; plain scores keep 'Total value'", () => {
    expect(yTitle(efficientFrontierChart(npv()))).toBe("Total value (EUR)");
    expect(yTitle(efficientFrontierChart({ ...npv(), yTitle: "NPV in EUR" }))).toBe("NPV in EUR");
    expect(yTitle(efficientFrontierChart(frontierInput()))).toBe("Total value");
  });

  it("frontier: values in two currencies are refused (they were drawn on one axis as if alike)", () => {
    const mixed = npv();
    const ranking = [{ ...mixed.ranking[0]!, value: money("5", "USD") }, ...mixed.ranking.slice(1)];
    expect(paths(() => efficientFrontierChart({ ...mixed, ranking }))).toEqual(["ranking.0.value.currency"]);
  });

  it("bubble: the value axis of Money values names the currency", () => {
    const b = bubbleInput();
    const bubbles = b.bubbles.map((x, i) => ({ ...x, value: money(String(1000 * (i + 1)), "USD") }));
    expect(yTitle(valueCostBubbleChart({ ...b, bubbles, yTitle: "Benefit" }))).toBe("Benefit (USD)");
    expect(yTitle(valueCostBubbleChart(b))).toBe("Value score");
  });
});
